"""Snippets for notes search hits, made in Python from the note's own text.

FTS5's `snippet()` must re-run the match for every row it is asked about,
which for a prefix query (`gov*`) means expanding the prefix again per row,
and the index holds folded, spaced-out text rather than the user's; the 20
rows shown are cheaper and truer to excerpt here (`library.search_snippet`:
whole words, case-, diacritic- and script-insensitive, `word*` as a prefix,
Chinese words found inside runs).
"""

from __future__ import annotations

from library.notes.model import Note
from library.search_snippet import Highlighter, excerpt, match_key


def snippet(note: Note, highlighter: Highlighter, marks: tuple[str, str]) -> str:
    """A short excerpt of the note around its first match, matches marked.

    Looks in the note's text, then its quoted passage or claim, then its tags.
    """
    quote = note.anchor.quote if note.anchor else (note.claim.text if note.claim else "")
    for source in (note.text, quote, " ".join(note.tags)):
        key = match_key(source)
        if highlighter.first(key) is not None:
            return excerpt(source, highlighter, marks, key=key)
    return excerpt(note.text, highlighter, marks)

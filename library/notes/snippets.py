"""Snippets for search hits, made in Python from the query's words.

FTS5's `snippet()` must re-run the match for every row it is asked about,
which for a prefix query (`gov*`) means expanding the prefix again per row;
the 20 rows shown are cheaper to excerpt here.  Matching follows the FTS5
tokenizer's rules closely enough to highlight what it matched: whole words,
case- and diacritic-insensitive, the last word of a `word*` as a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from library.notes.model import Note

_WORD = re.compile(r"\w+", re.UNICODE)
_FTS_PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')
BEFORE, AFTER = 5, 11  # words of context either side of the first match


def fold(word: str) -> str:
    """Lower case without diacritics, as `unicode61 remove_diacritics 2` compares."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Matcher:
    """Which words an FTS5 expression (as made by `parse_query`) matches.

    Args:
        fts: the expression, e.g. `"budget" "city hall" "gov"*`.
    """

    def __init__(self, fts: str) -> None:
        self.words: set[str] = set()
        self.prefixes: list[str] = []
        for phrase, star in _FTS_PHRASE.findall(fts):
            words = [fold(w) for w in _WORD.findall(phrase.replace('""', '"'))]
            if not words:
                continue
            if star:
                self.prefixes.append(words.pop())
            self.words.update(words)

    def matches(self, word: str) -> bool:
        folded = fold(word)
        return folded in self.words or any(folded.startswith(p) for p in self.prefixes)


def snippet(note: Note, matcher: Matcher, marks: tuple[str, str]) -> str:
    """A short excerpt of the note around its first matching word, matches marked.

    Looks in the note's text, then its quoted passage or claim, then its tags.
    """
    quote = note.anchor.quote if note.anchor else (note.claim.text if note.claim else "")
    sources: Iterable[str] = (note.text, quote, " ".join(note.tags))
    for source in sources:
        tokens = list(_WORD.finditer(source))
        first = next((i for i, t in enumerate(tokens) if matcher.matches(t.group())), None)
        if first is not None:
            return _excerpt(source, tokens, first, matcher, marks)
    return _excerpt(note.text, list(_WORD.finditer(note.text)), 0, matcher, marks)


def _excerpt(
    source: str, tokens: list[re.Match[str]], first: int, matcher: Matcher, marks: tuple[str, str]
) -> str:
    if not tokens:
        return source[:120].replace("\n", " ")
    lo = max(0, first - BEFORE)
    hi = min(len(tokens), lo + BEFORE + AFTER)
    start, end = tokens[lo].start(), tokens[hi - 1].end()
    out: list[str] = ["…" if lo > 0 else ""]
    at = start
    for token in tokens[lo:hi]:
        out.append(source[at : token.start()])
        word = token.group()
        out.append(f"{marks[0]}{word}{marks[1]}" if matcher.matches(word) else word)
        at = token.end()
    out.append(source[at:end])
    if hi < len(tokens):
        out.append("…")
    return " ".join("".join(out).split())

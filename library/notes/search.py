"""Full-text search over notes (FTS5), with snippets and an optional tag filter.

What the user typed always goes through `library.fts_query.parse_query`, so
FTS5 operators and punctuation are plain words and no input can raise an
SQLite syntax error.  The index holds folded text (`library.search_index`), so
Chinese words are found inside runs and in either script, ranked like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from library.fts_query import fold_query, parse_query
from library.notes.model import Note, normalize_tags
from library.notes.rows import SELECT, TAG_SQL, note_from_row
from library.notes.snippets import snippet
from library.search_index import index_form
from library.search_snippet import Highlighter

if TYPE_CHECKING:
    from library.notes.store import NotesStore

# How many of the newest live matches are ranked (see search_notes).
WINDOW = 2000
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class NoteHit:
    """One search result.

    Attributes:
        note: the matching note.
        snippet: a short excerpt with each matching word between the marks.
        rank: FTS5's bm25 rank (lower is better).
    """

    note: Note
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `parallax notes search --json` prints (the snippet with its marks)."""
        return {**self.note.to_dict(), "snippet": self.snippet, "rank": self.rank}


def search_notes(
    store: NotesStore,
    text: str,
    *,
    tag: str | None = None,
    limit: int = 20,
    marks: tuple[str, str] = ("[", "]"),
) -> list[NoteHit]:
    """Search live notes; see `NotesStore.search`."""
    query = fold_query(parse_query(text))
    params: list[Any] = []
    tag_sql = ""
    if tag and normalize_tags([tag]):
        tag_sql = " AND " + TAG_SQL
        params.append(normalize_tags([tag])[0])
    match = query.fts
    tag_words = _WORD.findall(params[0]) if params else []
    if tag_words:
        # Narrow inside FTS5 too (the exact tag test above still decides).
        spaced = (index_form(" ".join(tag_words)) or "").split()  # as the index holds it
        match = f'({match}) AND tags : "{" ".join(spaced)}"'
    db = store.db
    # Ranking costs per matching row, and a word like "the" matches every
    # note; rank only the newest WINDOW *live* matches, which FTS5 finds by
    # walking its rowid order and stopping early.  Trash and tag filter come
    # before the cut, or a live note behind WINDOW newer trashed ones would
    # never be seen.
    live = f"n.deleted_at IS NULL{tag_sql}"
    bound = _window_start(db, match, tag_sql, params)
    rows = db.execute(
        f"""{SELECT.replace(" FROM notes n", "")}, bm25(notes_fts, 2.0, 1.5, 1.0) AS score
            FROM notes_fts CROSS JOIN notes n ON n.id = notes_fts.rowid
            WHERE notes_fts MATCH ? AND notes_fts.rowid >= ? AND {live}
            ORDER BY score, notes_fts.rowid DESC LIMIT ?""",
        [match, bound, *params, limit],
    ).fetchall()
    highlighter = Highlighter(query.fts)
    hits = []
    for row in rows:
        note = note_from_row(row)
        hits.append(NoteHit(note, snippet(note, highlighter, marks), float(row[-1])))
    return hits


def _window_start(db: Any, match: str, tag_sql: str, params: list[Any]) -> int:
    """The lowest rowid among the newest WINDOW live matches (0: rank them all)."""
    newest = db.execute(
        "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [match, WINDOW - 1],
    ).fetchone()
    if newest is None:
        return 0  # fewer than WINDOW matches in all
    # The common case: nothing in that window is trashed and no tag filter
    # drops any of it.  Read from the deleted_at index ("+id" keeps SQLite off
    # a primary-key range scan over every newer note).
    if (
        not tag_sql
        and not db.execute(
            "SELECT 1 FROM notes WHERE deleted_at IS NOT NULL AND +id >= ? LIMIT 1", [newest[0]]
        ).fetchone()
    ):
        return int(newest[0])
    # CROSS JOIN keeps FTS5 the outer loop (rowid order, early stop); each
    # match then costs one primary-key lookup.
    sql = f"""SELECT notes_fts.rowid FROM notes_fts CROSS JOIN notes n
        ON n.id = notes_fts.rowid WHERE notes_fts MATCH ? AND n.deleted_at IS NULL{tag_sql}
        ORDER BY notes_fts.rowid DESC LIMIT 1 OFFSET ?"""
    found = db.execute(sql, [match, *params, WINDOW - 1]).fetchone()
    return int(found[0]) if found else 0

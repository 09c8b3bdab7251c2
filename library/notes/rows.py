"""Mapping between `Note` records and rows of the `notes` table."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from library.notes.model import Anchor, ArticleRef, Claim, Note
from library.notes.schema import REF_COLUMNS

_COLUMNS = (
    "id", "uid", "kind", "text", "tags", "created_at", "updated_at", "article_id",
    "article_b_id", "quote", "prefix", "suffix", "start", "end", "claim", "detached",
    "deleted_at", "library_uid", "article_path", "article_hash", "article_title",
    "article_b_path", "article_b_hash", "article_b_title",
)  # fmt: skip
#: The `notes` columns, in the order `SELECT` reads them.
COLUMNS = _COLUMNS
# Whole-word match in the space-separated tag list.
TAG_SQL = "instr(' ' || n.tags || ' ', ' ' || ? || ' ') > 0"
SELECT = "SELECT " + ", ".join(f'n."{c}"' for c in _COLUMNS) + " FROM notes n"


def select_for(conn: sqlite3.Connection) -> str:
    """`SELECT` for a notes file of any schema version (a backup may predate a column)."""
    try:
        present = {row[1] for row in conn.execute("PRAGMA table_info(notes)")}
    except sqlite3.DatabaseError:  # a damaged schema: ask for every column, row by row
        return SELECT
    return (
        "SELECT "
        + ", ".join(f'n."{c}"' if c in present else f'NULL AS "{c}"' for c in _COLUMNS)
        + " FROM notes n"
    )


def now() -> str:
    """The current time as stored: ISO 8601 UTC with microseconds (sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def note_from_row(row: tuple[Any, ...] | sqlite3.Row) -> Note:
    """A `Note` from a row selected with `SELECT` (the column order of `_COLUMNS`)."""
    (id_, uid, kind, text, tags, created, updated, article_id, article_b_id, quote, prefix,
     suffix, start, end, claim, detached, deleted_at, library_uid,
     *refs) = row[: len(_COLUMNS)]  # fmt: skip
    anchor = None
    if kind == "passage":
        anchor = Anchor(quote or "", prefix or "", suffix or "", start or 0, end or 0)
    claim_obj = None
    if kind == "claim":
        claim_obj = Claim.from_dict({**json.loads(claim or "{}"), "text": quote or ""})
    return Note(
        id=int(id_), uid=uid, text=text, kind=kind, created_at=created, updated_at=updated,
        tags=tuple((tags or "").split()), article_id=article_id, article_b_id=article_b_id,
        anchor=anchor, claim=claim_obj, detached=bool(detached), deleted_at=deleted_at,
        article_ref=_ref(*refs[:3]), article_b_ref=_ref(*refs[3:]), library_uid=library_uid,
    )  # fmt: skip


def _ref(path: str | None, hash_: str | None, title: str | None) -> ArticleRef | None:
    # A reference needs something to match by: the text hash or the file.
    if not hash_ and not path:
        return None
    return ArticleRef(path, hash_ or "", title or "")


def row_for(note: Note) -> dict[str, Any]:
    anchor, claim = note.anchor, note.claim
    return {
        "id": note.id,
        "uid": note.uid,
        "kind": note.kind,
        "text": note.text,
        "tags": " ".join(note.tags),
        "created_at": note.created_at,
        "updated_at": note.updated_at,
        "article_id": note.article_id,
        "article_b_id": note.article_b_id,
        "quote": anchor.quote if anchor else (claim.text if claim else None),
        "prefix": anchor.prefix if anchor else None,
        "suffix": anchor.suffix if anchor else None,
        "start": anchor.start if anchor else None,
        "end": anchor.end if anchor else None,
        "claim": json.dumps({"units_a": list(claim.units_a), "units_b": list(claim.units_b)})
        if claim
        else None,
        "detached": int(note.detached),
        "deleted_at": note.deleted_at,
        "library_uid": note.library_uid,
        **ref_row(note.article_ref, "article_id"),
        **ref_row(note.article_b_ref, "article_b_id"),
    }


def ref_row(ref: ArticleRef | None, side: str) -> dict[str, Any]:
    """The identity columns of one side ("article_id" or "article_b_id")."""
    path, hash_, title = REF_COLUMNS[side]
    return {
        path: ref.path if ref else None,
        hash_: ref.hash if ref else None,
        title: ref.title if ref else None,
    }


def same_note(a: Note, b: Note) -> bool:
    return {**a.to_dict(), "id": 0} == {**b.to_dict(), "id": 0}

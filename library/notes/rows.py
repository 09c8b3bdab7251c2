"""Mapping between `Note` records and rows of the `notes` table."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from library.notes.model import Anchor, Claim, Note

_COLUMNS = (
    "id", "uid", "kind", "text", "tags", "created_at", "updated_at", "article_id",
    "article_b_id", "quote", "prefix", "suffix", "start", "end", "claim", "detached",
    "deleted_at",
)  # fmt: skip
#: The `notes` columns, in the order `SELECT` reads them.
COLUMNS = _COLUMNS
# Whole-word match in the space-separated tag list.
TAG_SQL = "instr(' ' || n.tags || ' ', ' ' || ? || ' ') > 0"
SELECT = "SELECT " + ", ".join(f'n."{c}"' for c in _COLUMNS) + " FROM notes n"


def now() -> str:
    """The current time as stored: ISO 8601 UTC with microseconds (sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def note_from_row(row: tuple[Any, ...] | sqlite3.Row) -> Note:
    """A `Note` from a row selected with `SELECT` (the column order of `_COLUMNS`)."""
    (id_, uid, kind, text, tags, created, updated, article_id, article_b_id, quote, prefix,
     suffix, start, end, claim, detached, deleted_at) = row[: len(_COLUMNS)]  # fmt: skip
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
    )  # fmt: skip


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
    }


def same_note(a: Note, b: Note) -> bool:
    return {**a.to_dict(), "id": 0} == {**b.to_dict(), "id": 0}

"""Getting reviews back out of a damaged `notes.db` or a backup copy.

`parallax notes recover FILE` brings back the notes (`library.notes.recovery`)
and then, with `salvage_reviews`, the reviews kept in the same file: read by
SQLite when the file is healthy (a backup), else page by page
(`library.notes.pages`), and added to the live store when their `uid` is
missing, so running it twice adds nothing.  The file is never written.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from library.database import write_transaction
from library.notes import pages
from library.notes.schema import migrations
from library.reviews.model import RELATIONS, VERDICTS, Review
from library.reviews.store import COLUMNS, ReviewsStore, review_from_row, row_for


@dataclass
class ReviewSalvage:
    """What `salvage_reviews` did: reviews added back, and those already present."""

    added: int = 0
    present: int = 0

    def summary(self) -> str:
        return f"{self.added} review(s) recovered, {self.present} already present"


def read_reviews(path: Path) -> list[Review]:
    """Every whole review readable from the SQLite file at `path` (none from older files)."""
    with contextlib.suppress(sqlite3.DatabaseError):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        with contextlib.closing(conn):
            present = {row[1] for row in conn.execute("PRAGMA table_info(reviews)")}
            if not present:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    return []  # a file from before reviews
            else:
                columns = ", ".join(f'"{c}"' if c in present else "NULL" for c in COLUMNS)
                rows = conn.execute(f"SELECT {columns} FROM reviews").fetchall()
                return [r for r in (_review(row) for row in rows) if r is not None]
    try:
        found = pages.read_rows(path, "reviews", _reviews_sql())
    except OSError:
        return []  # unreadable: `salvage` of the notes has said so already
    read = (_review(tuple(row.get(c) for c in COLUMNS)) for row in found.rows)
    return [r for r in read if r is not None]


def salvage_reviews(store: ReviewsStore, path: Path) -> ReviewSalvage:
    """Add the reviews of `path` that `store` lacks (matched by `uid`)."""
    report = ReviewSalvage()
    reviews = read_reviews(path)
    if not reviews:
        return report
    known = {row[0] for row in store.db.execute("SELECT uid FROM reviews").fetchall()}
    with write_transaction(store.db):
        for review in reviews:
            if review.uid in known:
                report.present += 1
                continue
            row = row_for(review)
            taken = store.db.execute("SELECT 1 FROM reviews WHERE id = ?", [review.id])
            if taken.fetchone() is not None:
                del row["id"]
            store.db.table("reviews").insert(row)
            known.add(review.uid)
            report.added += 1
    return report


def _review(row: tuple[Any, ...]) -> Review | None:
    """A review from a row, or None for a row that is not a whole review."""
    values = dict(zip(COLUMNS, row, strict=True))
    if not (
        isinstance(values["id"], int)
        and isinstance(values["uid"], str)
        and values["verdict"] in VERDICTS
        and values["relation"] in RELATIONS
        and all(isinstance(values[c], str) for c in ("created_at", "updated_at"))
        and isinstance(values["a_quote"], str)
        and isinstance(values["b_quote"], str)
    ):
        return None  # a row of another table, on a page whose parent was lost
    try:
        return review_from_row(row)
    except (TypeError, ValueError):
        return None


def _reviews_sql() -> str:
    """This version's `CREATE TABLE reviews`, for a file whose own schema page is lost."""
    db = sqlite_utils.Database(memory=True)
    try:
        migrations.apply(db)
        return str(db.execute("SELECT sql FROM sqlite_master WHERE name = 'reviews'").fetchone()[0])
    finally:
        db.close()

"""Aliases the user taught, stored in `library.db` (table `aliases`, migration m008).

One row per taught pair, kept as written; the pair's two keys (see
`library.compare.aliases.alias_key`) are stored in order so "A = B" and
"B = A" are one row.  Reading (`read`) opens its own short connection, so a
comparison in a worker thread never touches the caller's connection.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from library.database import open_for_reading, translate_errors
from library.errors import ParallaxError

TABLE = "aliases"
#: Longest name accepted (a name, not a paragraph).
MAX_NAME = 200
#: What a refused write was for ("make it writable to …"): not the library's
#: own "import or remove articles".
PURPOSE = "teach or forget aliases"


class InvalidAlias(ParallaxError):
    """A name pair that cannot be taught (empty, too long, the same name twice)."""


@dataclass(frozen=True, slots=True)
class Alias:
    """One taught pair: `name` and `alias` stand for the same person, body or place."""

    name: str
    alias: str
    created_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        """`{"name", "alias", "created_at"}`."""
        return {"name": self.name, "alias": self.alias, "created_at": self.created_at}


def create_table(db: Any) -> None:
    """The `aliases` table (called by migration m008_aliases)."""
    db.execute(
        f"""
        CREATE TABLE {TABLE} (
            key_a TEXT NOT NULL,
            key_b TEXT NOT NULL,
            name TEXT NOT NULL,
            alias TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (key_a, key_b)
        ) WITHOUT ROWID
        """
    )


def clean(name: str) -> str:
    """A name as stored: one line, spaces collapsed.

    Raises:
        InvalidAlias: empty, too long, or holding control characters.
    """
    from library.compare.aliases import alias_key  # (the engine's package, loaded on use)

    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name.replace("\t", " ")):
        raise InvalidAlias("A name cannot hold line breaks or control characters.")
    cleaned = " ".join(name.split())
    if not cleaned or not alias_key(cleaned):
        raise InvalidAlias("A name cannot be empty.")
    if len(cleaned) > MAX_NAME:
        raise InvalidAlias(f"A name is at most {MAX_NAME} characters.")
    return cleaned


def _keys(name: str, alias: str) -> tuple[str, str]:
    from library.compare.aliases import alias_key

    ka, kb = alias_key(name), alias_key(alias)
    if ka == kb:
        raise InvalidAlias("Both names are the same: nothing to teach.")
    return (ka, kb) if ka < kb else (kb, ka)


def teach(conn: sqlite3.Connection, name: str, alias: str) -> tuple[Alias, bool]:
    """Store that `name` and `alias` are the same; (the pair, whether it is new).

    Call inside a write transaction.  A pair already taught (either way
    round, any case) is returned as stored.
    """
    name, alias = clean(name), clean(alias)
    key_a, key_b = _keys(name, alias)
    row = conn.execute(
        f"SELECT name, alias, created_at FROM {TABLE} WHERE key_a = ? AND key_b = ?",
        [key_a, key_b],
    ).fetchone()
    if row is not None:
        return Alias(*row), False
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn.execute(
        f"INSERT INTO {TABLE} (key_a, key_b, name, alias, created_at) VALUES (?, ?, ?, ?, ?)",
        [key_a, key_b, name, alias, now],
    )
    return Alias(name, alias, now), True


def forget(conn: sqlite3.Connection, name: str, alias: str) -> bool:
    """Remove a taught pair (either way round); whether there was one.  In a write transaction."""
    key_a, key_b = _keys(clean(name), clean(alias))
    cur = conn.execute(f"DELETE FROM {TABLE} WHERE key_a = ? AND key_b = ?", [key_a, key_b])
    return cur.rowcount > 0


def listed(conn: sqlite3.Connection) -> list[Alias]:
    """Every taught pair, oldest first."""
    rows = conn.execute(
        f"SELECT name, alias, created_at FROM {TABLE} ORDER BY created_at, key_a, key_b"
    ).fetchall()
    return [Alias(*r) for r in rows]


def read(db_path: Path) -> list[Alias]:
    """Every taught pair, through a short read-only connection of its own (any thread).

    A library without the table (not yet upgraded) or without a file has none.
    Opened as every reading command opens (`open_for_reading`), so it works
    where a plain `mode=ro` connection cannot make the `-shm` file of a WAL
    database (a read-only mount).
    """
    if not db_path.exists():
        return []
    db = open_for_reading(db_path, f"{db_path.name} was opened for reading only.")
    try:
        with translate_errors(db_path):
            exists = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [TABLE]
            ).fetchone()
            return listed(db.conn) if exists else []
    finally:
        db.close()

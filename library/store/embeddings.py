"""`EmbeddingCache`: sentence vectors kept in `library.db`, so an article is encoded once.

The comparison runs on a worker thread in the window, and a SQLite connection
belongs to the thread that opened it, so the cache opens one connection per
thread (WAL lets it read while the window's connection reads too).  The cache
is an optimisation only: if the database is busy or read-only, vectors are
simply recomputed next time, never an error for the user.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from library.database import BUSY_TIMEOUT_MS

Span = tuple[int, int]


class EmbeddingCache:
    """Vectors by (article id, sentence start, end, model id), stored as float16.

    Args:
        path: the library database (its schema has `sentence_embeddings`).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def get(self, article_id: int, model: str) -> dict[Span, npt.NDArray[np.float32]]:
        """All cached vectors of one article version for `model`; {} if none or unreadable."""
        try:
            rows = (
                self._conn()
                .execute(
                    'SELECT start, "end", vector FROM sentence_embeddings '
                    "WHERE article_id = ? AND model = ?",
                    [article_id, model],
                )
                .fetchall()
            )
        except sqlite3.Error:
            return {}
        return {(s, e): np.frombuffer(v, dtype="<f2").astype(np.float32) for s, e, v in rows}

    def put(
        self,
        article_id: int,
        model: str,
        items: Iterable[tuple[Span, npt.NDArray[Any]]],
    ) -> bool:
        """Store vectors; False (and nothing stored) if the database would not take them."""
        rows: Sequence[tuple[Any, ...]] = [
            (article_id, s, e, model, np.asarray(v, dtype="<f2").tobytes()) for (s, e), v in items
        ]
        if not rows:
            return True
        conn = self._conn()
        try:
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO sentence_embeddings "
                    '(article_id, start, "end", model, vector) VALUES (?, ?, ?, ?, ?)',
                    rows,
                )
        except sqlite3.Error:
            return False
        return True

    def count(self) -> int:
        """Number of cached vectors (for tests and `benchmarks`)."""
        row = self._conn().execute("SELECT count(*) FROM sentence_embeddings").fetchone()
        return int(row[0])

"""A folder for the import pipeline's tests, and what two imports of it are compared by."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

import library.importer as importer
from library.importer import ImportReport, import_paths
from library.store import LibraryStore

#: Enough files for a pool (more than `PIPELINE_MIN_FILES`, several chunks).
FILES = 70
SUMMARY = "66 added, 0 updated, 1 unchanged, 3 refused, 1 skipped"
ARTICLE_ROWS = (
    "SELECT id, title, outlet, language, body, content_hash, word_count, encoding"
    " FROM articles ORDER BY id"
)
WORD_ROWS = "SELECT term, df FROM word_df ORDER BY term"


def write_inbox(folder: Path) -> Path:
    """FILES article files in `folder`, with refusals and a skipped file among them."""
    (folder / "b-nested").mkdir(parents=True)
    for n in range(FILES):
        sub = folder / "b-nested" if n % 7 == 3 else folder
        (sub / f"a{n:03d}.md").write_text(
            f'---\ntitle: "Story {n}"\noutlet: "Outlet {n % 3}"\n---\n\n'
            f"The council of town {n} met on Monday.\n\nIt voted {n} times on the harbour plan.\n",
            encoding="utf-8",
        )
    (folder / "a011.md").write_text("")  # empty: refused
    (folder / "a020.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))  # an image: refused
    (folder / "a030.md").write_text("---\ntitle: [unclosed\n---\nBody text.\n")  # bad YAML
    (folder / "a040.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not an article type: skipped
    (folder / "a050.md").write_text((folder / "a049.md").read_text())  # same text: unchanged
    return folder


def in_process(monkeypatch: pytest.MonkeyPatch, store: LibraryStore, folder: Path) -> ImportReport:
    """`folder` imported into `store` reading each file in this process (no pool)."""
    with monkeypatch.context() as m:
        m.setattr(importer, "PIPELINE_MIN_FILES", 10**9)
        return import_paths(store, [folder])


def lines(report: ImportReport) -> list[tuple[str, str, str, str]]:
    """The report's lines: file, status, reason, title."""
    return [
        (r.path.name, r.status, r.reason, r.article.title if r.article else "")
        for r in report.results
    ]


def table(store: LibraryStore, sql: str) -> list[tuple[Any, ...]]:
    """Rows of `sql` read straight from the library's file."""
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def import_cancelled_after_five(store: LibraryStore, folder: Path) -> ImportReport:
    """Import `folder`, cancelled once five files were stored.

    A result is reported only once its batch is committed: the count comes
    from the progress, which is called before each file.
    """
    started: list[str] = []
    return import_paths(
        store,
        [folder],
        on_progress=lambda _done, _total, path: started.append(path.name),
        should_cancel=lambda: len(started) >= 5,
    )

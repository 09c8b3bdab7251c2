"""Ctrl-C at any line of an import's batch: nothing reported that is not stored, no lock kept.

A KeyboardInterrupt can land between any two lines.  One landing between
`BEGIN` and the batch noting it began, or between the batch forgetting it was
open and its `COMMIT`, left a transaction open holding the write lock (every
other window's write then timed out), and in the second case the files of the
batch were reported as imported though they were never committed.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from library.importer import FileResult, import_paths
from library.store import LibraryStore, import_batch

WATCHED = import_batch.__file__


def _write(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n}.txt"
        path.write_text(f"Tram {n} news\n\nThe tram {n} left Oskarvik at {n} past ten.\n")
        paths.append(path)
    return paths


def _interrupted(tmp: Path, at: int) -> tuple[int, BaseException | None, list[str]]:
    """Import with a KeyboardInterrupt at the `at`-th line run in `import_batch`.

    Returns the lines run there, the error raised, and what is wrong afterwards.
    """
    store = LibraryStore(tmp / "home")
    paths = _write(tmp / "in", 5)
    import_paths(store, [paths[1]])
    paths[1].write_text("Tram 1 news\n\nThe tram 1 now leaves Oskarvik at noon.\n")  # a version
    lines = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
            if lines == at:
                raise KeyboardInterrupt
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == WATCHED else None

    reported: list[FileResult] = []
    raised: BaseException | None = None
    sys.settrace(tracer)
    try:
        import_paths(store, paths, on_result=reported.append)
    except BaseException as exc:  # the injected interrupt, or what it became
        raised = exc
    finally:
        sys.settrace(None)
    wrong = []
    if store.db.conn.in_transaction:
        wrong.append("a transaction was left open, holding the write lock")
    store.close()
    with sqlite3.connect(tmp / "home" / "library.db") as other:
        stored = {int(i) for (i,) in other.execute("SELECT id FROM articles")}
    wrong += [
        f"{r.path.name} reported as #{r.article.id}, not stored"
        for r in reported
        if r.article is not None and r.article.id not in stored
    ]
    return lines, raised, wrong


def test_an_interrupt_at_any_line_of_a_batch_reports_only_what_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_batch, "MAX_FILES", 2)  # three batches for five files
    failures = []
    at = 1
    while True:
        lines, raised, wrong = _interrupted(tmp_path / str(at), at)
        if lines < at:
            break  # the import ran through: every line was tried
        assert raised is not None
        if wrong:
            failures.append((at, wrong))
        at += 1
    assert at > 50  # the batch's lines were run, many times
    assert failures == []

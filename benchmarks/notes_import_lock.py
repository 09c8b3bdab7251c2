"""How long a large `notes import` holds notes.db's write lock (issue #8, item 11).

    .venv/bin/python benchmarks/notes_import_lock.py [NOTES]

Exports NOTES notes (default 60,000) from a scratch store and imports them into
an empty one, timing every write transaction.  Run by hand.

Measured (60,000 notes, this dev container): one transaction held the lock for
35 s before batching; 120 transactions of 500, the longest 0.6 s, after.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from library.notes import NotesStore
from library.notes.export import import_json, select_notes, to_json


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60_000
    with tempfile.TemporaryDirectory() as tmp:
        source = NotesStore(Path(tmp) / "source", make_backups=False)
        with source.batch():
            for i in range(count):
                source.add_article_note(1 + i % 50, f"note {i} on the budget " + "z" * 80)
        text = to_json(select_notes(source))
        source.close()

        target = NotesStore(Path(tmp) / "target", make_backups=False)
        held: list[float] = []
        real_batch = target.batch

        @contextlib.contextmanager
        def timed_batch() -> Iterator[None]:
            start = time.perf_counter()
            with real_batch():
                yield
            held.append(time.perf_counter() - start)

        target.batch = timed_batch  # type: ignore[method-assign]
        start = time.perf_counter()
        report = import_json(target, text)
        total = time.perf_counter() - start
        target.close()
    print(
        f"{count} notes: {total:.1f} s in {len(held)} transaction(s), "
        f"longest lock hold {max(held):.2f} s ({report.summary()})"
    )


if __name__ == "__main__":
    main()

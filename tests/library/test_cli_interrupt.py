"""Ctrl-C during `parallax import` stops between files, with one line.

A KeyboardInterrupt raised inside SQLite's call of the search-index function
became that file's refusal ("OperationalError: user-defined function raised
exception") and the import went on; elsewhere it left no line at all.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.helpers import import_with_ctrl_c


def test_ctrl_c_stops_the_import_after_the_current_file(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Story {n}\n\nThe council met on day {n}.\n")
    import_with_ctrl_c(folder, "_import_one", monkeypatch, capsys)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler

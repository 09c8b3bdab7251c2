"""Ctrl-C during `parallax import` stops between files, with one line.

A KeyboardInterrupt raised inside SQLite's call of the search-index function
became that file's refusal ("OperationalError: user-defined function raised
exception") and the import went on; elsewhere it left no line at all.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import library.importer as importer
from library.cli import main


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
    assert main(["list"]) == 0  # the samples are imported before the patch
    real = importer._import_one

    def import_one_then_ctrl_c(*args: object, **kwargs: object) -> importer.FileResult:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        os.kill(os.getpid(), signal.SIGINT)  # as if pressed while this file was stored
        return result

    monkeypatch.setattr(importer, "_import_one", import_one_then_ctrl_c)
    capsys.readouterr()
    assert main(["import", str(folder)]) == 130
    out, err = capsys.readouterr()
    assert "1 added" in out
    assert err.strip().splitlines()[-1].startswith("parallax: interrupted")
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler

"""Helpers shared by the tests that open data dirs through the CLI."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from library.cli import main

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def home_with_a_note(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A data dir with the samples and one note."""
    home = tmp_path / "home"
    assert run(capsys, home, "notes", "add", "--article", "1", "--text", "rescue me")[0] == 0
    return home

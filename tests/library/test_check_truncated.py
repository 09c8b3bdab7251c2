"""A 0-byte library.db or notes.db is damage, for `parallax check` and on open.

SQLite reads an empty file as a new, empty database: `check` said "ok" for a
truncated notes.db (which opening then set aside as damaged), and a truncated
library.db silently became a new library.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library.cli import main


def _truncate(home: Path, name: str) -> None:
    for extra in ("-wal", "-shm"):
        (home / f"{name}{extra}").unlink(missing_ok=True)
    (home / name).write_bytes(b"")


@pytest.mark.parametrize("name", ["library.db", "notes.db"])
def test_check_calls_a_zero_byte_database_damaged(
    data_dir: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert main(["notes", "add", "--article", "1", "--text", "keep"]) == 0
    _truncate(data_dir, name)
    capsys.readouterr()
    assert main(["check", "--json"]) == 1
    report = {Path(r["path"]).name: r for r in json.loads(capsys.readouterr().out)}
    assert not report[name]["ok"] and "0 bytes" in report[name]["problems"][0]
    assert (data_dir / name).stat().st_size == 0  # checking changes nothing


def test_a_zero_byte_library_is_set_aside_and_said(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list"]) == 0
    _truncate(data_dir, "library.db")
    capsys.readouterr()
    assert main(["list"]) == 0
    assert "library database was damaged" in capsys.readouterr().err
    assert list(data_dir.glob("library.db.corrupt-*"))

"""Reviews come back with `parallax notes recover`, from a backup or a damaged file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from library.cli import main
from library.reviews.recovery import read_reviews


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_recover_brings_reviews_back_once(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "review", "set", "1", "2", "--pair", "0", "--verdict", "confirm")
    run(capsys, "review", "set", "1", "2", "--pair", "1", "--verdict", "relation=related")
    status, out, err = run(capsys, "notes", "backup")
    assert status == 0, err
    run(capsys, "review", "clear", "1", "2", "--all")

    status, out, err = run(capsys, "notes", "recover")
    assert status == 0 and "Reviews: 2 review(s) recovered, 0 already present" in out, err
    status, out, _ = run(capsys, "notes", "recover")
    assert "Reviews: 0 review(s) recovered, 2 already present" in out
    status, out, _ = run(capsys, "review", "list", "1", "2")
    assert "confirmed" in out and "changed: same → related" in out


def test_reviews_are_read_from_a_file_without_its_first_page(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "review", "set", "1", "2", "--pair", "0", "--verdict", "reject", "--reason", "no")
    damaged = tmp_path / "damaged.db"
    shutil.copy(data_dir / "notes.db", damaged)
    data = bytearray(damaged.read_bytes())
    data[:4096] = bytes(4096)  # header and schema gone
    damaged.write_bytes(bytes(data))
    (review,) = read_reviews(damaged)
    assert (review.verdict, review.reason) == ("rejected", "no")

"""`parallax compare A B --lens ...`: one lens as a table; the JSON carries all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_voices_and_timeline_of_the_samples(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_paths: list[Path]
) -> None:
    a, b = (str(p) for p in sample_paths)
    home = str(tmp_path / "home")
    code, out = run(capsys, "--data-dir", home, "compare", a, b, "--lens", "voices")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("Li Linyi"))
    assert "Current affairs commentator" in line
    assert "Unnamed in B: 5" in out
    code, out = run(capsys, "--data-dir", home, "compare", a, b, "--lens", "timeline")
    line = next(x for x in out.splitlines() if x.startswith("????-10-10"))
    assert "October 10 / the 10th" in line and "⚠" not in line
    for lens in ("numbers", "names"):
        code, out = run(capsys, "--data-dir", home, "compare", a, b, "--lens", lens)
        assert code == 0 and out.count("\n") > 3
        if lens == "numbers":  # every column is named, the verdict too
            assert out.splitlines()[0].split() == ["Counted", "A", "B", "A", "vs", "B"]
    code, out = run(capsys, "--data-dir", home, "compare", a, b, "--json")
    assert set(json.loads(out)["lenses"]) == {"voices", "anonymous", "timeline", "numbers", "names"}


def test_lens_cells_are_not_printed_raw(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Ann Lee, a \x1b]0;owned\x07 officer, said prices rose.\n", encoding="utf-8")
    b.write_text("Prices rose, Ann Lee said.\n", encoding="utf-8")
    home = str(tmp_path / "home")
    code, out = run(capsys, "--data-dir", home, "compare", str(a), str(b), "--lens", "voices")
    assert code == 0 and "Ann Lee" in out
    assert "\x1b" not in out and "\x07" not in out


def test_an_empty_lens_says_so_instead_of_a_bare_header(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("prices rose again.\n", encoding="utf-8")
    b.write_text("prices went up again.\n", encoding="utf-8")
    home = str(tmp_path / "home")
    for lens, said in (
        ("voices", "No one is quoted by name"),
        ("timeline", "No dates found"),
        ("numbers", "No counted numbers found"),
        ("names", "No names found"),
    ):
        code, out = run(capsys, "--data-dir", home, "compare", str(a), str(b), "--lens", lens)
        assert code == 0 and said in out, (lens, out)
        assert "-----" not in out

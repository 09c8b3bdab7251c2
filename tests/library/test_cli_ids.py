"""Ids on the command line are ASCII digits only.

`int()` accepts " 1", "+1", "1_0", "٣" (Arabic-Indic three) and "１" (full
width); `remove ٣` removed article 3.  "²" passes `str.isdigit()` but not
`int()`, and `compare ² 1` was a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from library.cli import main


@pytest.mark.parametrize("ref", ["٣", "１", " 1", "+1", "1_0", "²", "1\n"])
def test_remove_takes_only_ascii_digits(
    data_dir: Path, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    assert main(["list"]) == 0  # the samples: articles 1 and 2
    with pytest.raises(SystemExit) as exited:
        main(["remove", ref])
    assert exited.value.code == 2
    assert "not a whole number" in capsys.readouterr().err
    assert main(["show", "1"]) == 0


@pytest.mark.parametrize("ref", ["²", "٣", "9" * 5000, "9" * 25])
def test_compare_with_a_strange_id_is_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    assert main(["compare", ref, "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("parallax: ") and len(err.splitlines()) == 1


def test_a_huge_id_is_out_of_range(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["notes", "show", "9" * 5000])
    assert "out of range" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "a" * 5000, "1"],
        ["import", "a" * 5000],
        ["notes", "import", "a" * 5000],
        ["notes", "recover", "a" * 5000],
        ["notes", "export", "-o", "a" * 5000],
    ],
)
def test_a_file_name_too_long_is_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()

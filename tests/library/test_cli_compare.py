"""`parallax compare FILE FILE` compares files as they are; `--add` also imports them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Floods hit the valley\n\nThe river rose four metres on Monday.\n")
    b.write_text("Valley flooded\n\nThe river rose five metres on Monday night.\n")
    return str(a), str(b)


def library_ids(capsys: pytest.CaptureFixture[str], home: str) -> list[int]:
    _, out, _ = run(capsys, "--data-dir", home, "list", "--json")
    return [int(a["id"]) for a in json.loads(out)]


def test_comparing_two_files_leaves_the_library_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: tuple[str, str]
) -> None:
    home = str(tmp_path / "home")
    before = library_ids(capsys, home)  # the two seeded samples
    code, out, err = run(capsys, "--data-dir", home, "compare", *files, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["a"]["title"] == "Floods hit the valley"
    assert library_ids(capsys, home) == before


def test_add_imports_them_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: tuple[str, str]
) -> None:
    home = str(tmp_path / "home")
    before = library_ids(capsys, home)
    code, _, err = run(capsys, "--data-dir", home, "compare", "--add", *files)
    assert code == 0, err
    assert len(library_ids(capsys, home)) == len(before) + 2


def test_a_file_and_a_library_id_mix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: tuple[str, str]
) -> None:
    home = str(tmp_path / "home")
    first = library_ids(capsys, home)[0]
    code, _, err = run(capsys, "--data-dir", home, "compare", files[0], str(first))
    assert code == 0, err


def test_an_unreadable_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "home"), "compare", str(empty), "1")
    assert code == 1
    assert err.startswith("parallax: ") and "empty" in err and "Traceback" not in err


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_name_is_said_to_be_empty_not_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: tuple[str, str], empty: str
) -> None:
    # Path("") is ".", the current folder: the refusal said ". is a folder".
    home = str(tmp_path / "home")
    for args in ((empty, "1"), ("1", empty), (empty, files[0])):
        code, out, err = run(capsys, "--data-dir", home, "compare", *args)
        assert code == 1 and out == "", args
        assert err == "parallax: An empty name is neither an article id nor a file.\n", args

"""The command line, run in-process as a user would type it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from library.cli import main
from tests.helpers import modules_loaded_by_cli, python_output


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path: Path) -> str:
    return str(tmp_path / "home")


def test_import_then_list_json_shows_samples(
    capsys: pytest.CaptureFixture[str], home: str, sample_paths: list[Path]
) -> None:
    code, out, _ = run(capsys, "--data-dir", home, "import", str(sample_paths[0].parent))
    assert code == 0
    assert "0 refused" in out
    code, out, _ = run(capsys, "--data-dir", home, "list", "--json")
    titles = [a["title"] for a in json.loads(out)]
    assert len(titles) == 2
    assert any(t.startswith("The Fourth Plenary Session Approaches") for t in titles)
    assert any(t.startswith("In recent days") for t in titles)


def test_search_finds_both_samples(capsys: pytest.CaptureFixture[str], home: str) -> None:
    code, out, _ = run(capsys, "--data-dir", home, "search", "Li Zhaozong")
    assert code == 0
    assert out.count("[Li Zhaozong]") == 2
    code, out, _ = run(capsys, "--data-dir", home, "search", "--json", "Li Zhaozong")
    assert len(json.loads(out)) == 2


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "*", "-", ":", "NOT ( x"])
def test_hostile_search_never_tracebacks(
    capsys: pytest.CaptureFixture[str], home: str, query: str
) -> None:
    code, out, err = run(capsys, "--data-dir", home, "search", query)
    assert "Traceback" not in out + err
    assert code in (0, 1)
    if code == 1:
        assert err.startswith("parallax: Nothing to search for")


def test_import_bad_files_one_line_each_and_exit_1(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path, test_data: Path
) -> None:
    bad = {
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(100),
        "garbage.txt": bytes(range(128, 256)) * 40,
        "sheet.xlsx": b"PK\x03\x04",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in bad] + [str(test_data / "plain_article.txt")]
    code, out, err = run(capsys, "--data-dir", home, "import", *paths)
    assert code == 1
    refused = [line for line in err.splitlines() if line.startswith("refused")]
    assert len(refused) == 4
    assert "is empty" in err and "PNG image" in err and "unsupported type" in err
    assert "1 added" in out and "4 refused" in out
    code, out, _ = run(capsys, "--data-dir", home, "list", "--json")
    assert len(json.loads(out)) == 3  # two samples + the good file


def test_show_and_remove(capsys: pytest.CaptureFixture[str], home: str) -> None:
    _, out, _ = run(capsys, "--data-dir", home, "list", "--json")
    first = json.loads(out)[0]
    code, out, _ = run(capsys, "--data-dir", home, "show", str(first["id"]))
    assert code == 0 and first["title"] in out and "Length:" in out
    code, out, _ = run(capsys, "--data-dir", home, "show", "--json", str(first["id"]))
    assert json.loads(out)["body"]
    code, out, _ = run(capsys, "--data-dir", home, "remove", str(first["id"]))
    assert code == 0 and out.startswith("Removed")
    code, _, err = run(capsys, "--data-dir", home, "show", str(first["id"]))
    assert code == 1 and "No article with id" in err


def test_reimport_changed_file_is_a_new_version(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path, test_data: Path
) -> None:
    path = tmp_path / "story.txt"
    shutil.copy(test_data / "plain_article.txt", path)
    run(capsys, "--data-dir", home, "import", str(path))
    _, out, _ = run(capsys, "--data-dir", home, "import", str(path))
    assert out.startswith("unchanged")
    path.write_text(path.read_text().replace("41 million", "43 million"))
    _, out, _ = run(capsys, "--data-dir", home, "import", str(path))
    assert out.startswith("new_version") and "(version 2)" in out


def test_env_var_sets_data_dir(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, _ = run(capsys, "list")
    assert code == 0
    assert (data_dir / "library.db").exists()


def test_window_mode_needs_zero_or_two_files(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["only-one-file.txt"])
    assert "give two files" in capsys.readouterr().err


def test_window_mode_calls_the_window(home: str) -> None:
    calls = []
    code = main(
        ["--data-dir", home, "a.txt", "b.txt"],
        open_window=lambda d, files, shot, size: calls.append((d, files, shot, size)) or 0,
    )
    assert code == 0
    assert calls == [(home, ["a.txt", "b.txt"], None, None)]


def test_screenshot_size_is_parsed(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    calls = []
    args = ["--screenshot", "o.png", "--screenshot-size", "1280x800", "a.txt", "b.txt"]
    main(args, open_window=lambda *a: calls.append(a) or 0)
    assert calls == [(None, ["a.txt", "b.txt"], "o.png", (1280, 800))]
    with pytest.raises(SystemExit):
        main(["--screenshot", "o.png", "--screenshot-size", "huge"], open_window=lambda *a: 0)
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


def test_corrupt_library_is_moved_aside_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "library.db").write_bytes(b"garbage" * 500)
    code, out, err = run(capsys, "--data-dir", str(home), "list", "--json")
    assert code == 0
    assert "library database was damaged; it was moved to" in err
    moved = list(home.glob("library.db.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"garbage")
    assert len(json.loads(out)) == 2  # a new library starts with the samples


def test_data_dir_may_follow_the_command(capsys: pytest.CaptureFixture[str], home: str) -> None:
    code, out, _ = run(capsys, "list", "--json", "--data-dir", home)
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run(capsys, "notes", "list", "--data-dir", home)
    assert code == 0
    assert Path(home, "notes.db").exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_file_name_that_is_not_utf8_imports_and_prints(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (folder / name).write_text("A title\n\nSome body text.", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses non-UTF-8 names")
    code, out, err = run(capsys, "--data-dir", home, "import", str(folder))
    assert code == 0, err
    assert "caf\\xe9.txt" in out
    code, out, err = run(capsys, "--data-dir", home, "import", "--json", str(folder))
    assert json.loads(out)["results"][0]["status"] == "unchanged"


def test_compare_with_a_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    code, _, err = run(capsys, "--data-dir", home, "compare", "1", str(folder))
    assert code == 1
    assert err.startswith("parallax: ") and "is a folder" in err
    assert "Traceback" not in err


def test_data_dir_that_is_a_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    for args in (["list"], ["notes", "list"]):
        code, _, err = run(capsys, "--data-dir", str(not_a_dir / "sub"), *args)
        assert code == 1
        assert err.startswith("parallax: Cannot use ") and "data directory" in err


@pytest.mark.parametrize(
    "args",
    [
        ["show", "99999999999999999999"],
        ["remove", "99999999999999999999"],
        ["search", "x", "--limit", "99999999999999999999"],
        ["notes", "show", "99999999999999999999"],
        ["notes", "add", "--article", "99999999999999999999", "--text", "x"],
        ["compare", "99999999999999999999", "1"],
    ],
)
def test_ids_too_large_for_sqlite_are_one_line(
    capsys: pytest.CaptureFixture[str], home: str, args: list[str]
) -> None:
    try:
        code = main(["--data-dir", home, *args])
    except SystemExit as exit_:  # argparse's usage error
        code = int(exit_.code or 0)
    _, err = capsys.readouterr()
    assert code in (1, 2)
    assert "Traceback" not in err and ("out of range" in err or "No article" in err)


def test_remove_keeps_the_article_notes_and_says_so(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    _, out, _ = run(capsys, "--data-dir", home, "list", "--json")
    article_id = str(json.loads(out)[0]["id"])
    run(capsys, "--data-dir", home, "notes", "add", "--article", article_id, "--text", "Keep me")
    code, out, _ = run(capsys, "--data-dir", home, "remove", article_id)
    assert code == 0
    assert f"Its 1 note(s) are kept: parallax notes list --article {article_id}" in out
    _, out, _ = run(capsys, "--data-dir", home, "notes", "list", "--article", article_id)
    assert "Keep me" in out


HEAVY = ("sqlite_utils", "numpy", "trafilatura", "PySide6", "library.compare", "library.store")


def _loaded_after(*argv: str) -> list[str]:
    return sorted(m for m in modules_loaded_by_cli(*argv) if m.startswith(HEAVY))


def test_help_imports_no_database_engine_or_window() -> None:
    # `parallax --help` took 0.31 s, most of it sqlite-utils and numpy.
    assert _loaded_after("--help") == []
    assert _loaded_after("list", "--help") == []
    assert _loaded_after("notes", "--help") == []


def test_help_loads_only_the_command_line_modules() -> None:
    # `parallax --help` was 3.6x `python -c "import sqlite3, json, argparse"`:
    # the reviews' models, the article and Chinese-text modules loaded for nothing.
    late = (
        "library.chinese",
        "library.article",
        "library.reviews.model",
        "library.reviews.apply",
        "library.notes.model",
    )
    assert not [m for m in late if m in modules_loaded_by_cli("--help")]


def test_list_does_not_load_the_engine(tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    assert main(["--data-dir", home, "list"]) == 0  # the first run seeds the samples
    loaded = _loaded_after("--data-dir", home, "list")
    assert "library.store" in loaded  # the library was really opened
    assert not any(m.startswith(("library.compare", "trafilatura", "PySide6")) for m in loaded)


def test_reading_commands_on_an_up_to_date_library_never_load_sqlite_utils(
    tmp_path: Path,
) -> None:
    # sqlite-utils (click, pluggy, dateutil; numpy before that) was ~0.2 s of
    # every command: it is needed only when a schema step is pending.
    home = str(tmp_path / "home")
    assert main(["--data-dir", home, "list"]) == 0  # the first runs create the files
    assert main(["--data-dir", home, "notes", "list"]) == 0
    for argv in (["list", "--json"], ["show", "1"], ["notes", "list"]):
        loaded = _loaded_after("--data-dir", home, *argv)
        assert "library.store" in loaded, argv  # the library was really opened
        assert not any(m.startswith(("sqlite_utils", "numpy")) for m in loaded), argv


def test_a_pending_migration_loads_sqlite_utils_without_numpy(tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    loaded = _loaded_after("--data-dir", home, "list")  # creates both files: every step runs
    assert "sqlite_utils" in loaded and "numpy" not in loaded
    code = (
        "from library.migrations import load_sqlite_utils; load_sqlite_utils(); "
        "import numpy; print(numpy.zeros(2).sum())"
    )
    assert python_output(code).strip() == "0.0"  # still there for the engine


def test_a_copy_of_an_imported_text_names_the_article_it_matches(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    # "unchanged" alone read as if b.md had been imported before.
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    for path in (a, b):
        path.write_text("# Fire at the mill\n\nThe mill burned on Friday.\n")
    code, out, _ = run(capsys, "--data-dir", home, "import", str(a), str(b))
    assert code == 0
    added, copy = (x for x in out.splitlines() if x.startswith(("added", "unchanged")))
    number = added.split("#")[1].split()[0]
    assert f"same text as #{number} Fire at the mill (a.md)" in copy
    code, out, _ = run(capsys, "--data-dir", home, "import", str(a))
    assert "same text as" not in out and f"#{number} Fire at the mill" in out

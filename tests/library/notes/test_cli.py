"""`parallax notes …`: a new user can add, find and export a note."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from library.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["notes", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_add_find_export(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "add", "--article", "1", "--text", "First note", "--tag", "T")
    assert status == 0 and out.strip().isdigit(), err
    first = int(out)
    status, out, _ = run(
        capsys, "add", "--article", "1", "--quote", "Confidentiality", "--text", "On the word"
    )
    assert status == 0
    passage = int(out)

    status, out, _ = run(capsys, "list")
    assert (
        f"#{passage}" in out
        and f"#{first}" in out
        and out.index(f"#{passage}") < out.index(f"#{first}")
    )
    status, out, _ = run(capsys, "list", "--article", "1", "--json")
    listed = json.loads(out)
    assert [n["id"] for n in listed] == [passage, first]
    assert listed[0]["anchor"]["quote"] == "Confidentiality" and listed[0]["article_title"]

    status, out, _ = run(capsys, "search", "word")
    assert status == 0 and "[word]" in out
    status, out, _ = run(capsys, "search", "--json", 'NOT (word) "AND*')
    assert status == 0 and json.loads(out) == []

    target = tmp_path / "notes.md"
    status, out, err = run(capsys, "export", "--format", "md", "-o", str(target))
    assert status == 0 and "On the word" in target.read_text()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    status, out, _ = run(capsys, "export", "--format", "json")
    assert json.loads(out)["format"] == "parallax-notes"


def test_import_round_trip(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "add", "--article", "2", "--text", "keep")
    target = tmp_path / "n.json"
    run(capsys, "export", "--format", "json", "-o", str(target))
    status, out, _ = run(capsys, "import", str(target))
    assert status == 0 and "0 added, 0 updated, 1 unchanged" in out
    status, out, _ = run(capsys, "import", "--json", str(target))
    assert json.loads(out)["unchanged"] == [1]


def test_user_errors_are_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "add", "--article", "1", "--quote", "zzz qqq", "--text", "x")
    assert status == 1 and err.startswith("parallax: ") and "not in the article" in err
    status, _, err = run(capsys, "add", "--article", "999", "--text", "x")
    assert status == 1 and "999" in err
    status, _, err = run(capsys, "search", "*** ---")
    assert status == 1 and "Nothing to search for" in err
    status, _, err = run(capsys, "import", "/nonexistent/file.json")
    assert status == 1 and "Cannot read" in err
    assert "Traceback" not in err


def test_delete_restore_trash(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "add", "--article", "1", "--text", "oops")
    note_id = out.strip()
    status, out, _ = run(capsys, "delete", note_id)
    assert status == 0 and "trash" in out
    assert json.loads(run(capsys, "list", "--json")[1]) == []
    assert len(json.loads(run(capsys, "list", "--trash", "--json")[1])) == 1
    assert run(capsys, "restore", note_id)[0] == 0
    assert len(json.loads(run(capsys, "list", "--json")[1])) == 1


def test_corrupt_file_warning(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "notes.db").write_bytes(b"garbage" * 1000)
    status, out, err = run(capsys, "list")
    assert status == 0
    assert "was damaged" in err and "notes.db.corrupt-" in err
    assert "No notes yet" in out


def test_recover_from_backup(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "recover")
    assert status == 1 and "No backup" in err
    run(capsys, "add", "--article", "1", "--text", "precious")
    status, out, _ = run(capsys, "backup")
    assert status == 0 and "notes-" in out
    status, out, _ = run(capsys, "recover")
    assert status == 0 and "0 note(s) recovered, 1 already present" in out


@pytest.mark.parametrize("name", ["notes.db", "notes.db-wal", "library.db"])
def test_export_never_writes_over_parallax_files(
    data_dir: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    status, _, err = run(capsys, "add", "--article", "1", "--text", "Keep me")
    assert status == 0, err
    status, _, err = run(capsys, "export", "--format", "json", "-o", str(data_dir / name))
    assert status == 1
    assert err.startswith("parallax: Will not export over")
    status, out, _ = run(capsys, "list")
    assert "Keep me" in out


def test_recover_from_a_folder_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "recover", str(tmp_path))
    assert status == 1 and "is not a file" in err
    status, _, err = run(capsys, "recover", str(tmp_path / "missing.db"))
    assert status == 1 and "does not exist" in err


def test_an_empty_quote_is_refused_not_turned_into_an_article_note(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "add", "--article", "1", "--quote", "", "--text", "x")
    assert status == 1 and "quote is empty" in err
    status, out, _ = run(capsys, "list")
    assert "No notes yet" in out


def test_article_filter_follows_versions_and_survives_removal(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "story.txt"
    source.write_text("Story\n\nThe mayor opened the bridge on Monday.", encoding="utf-8")
    status, out, err = main(["import", "--json", str(source)]), *capsys.readouterr()
    first = json.loads(out)["results"][0]["id"]
    run(capsys, "add", "--article", str(first), "--text", "On the story")
    source.write_text("Story\n\nThe mayor opened the bridge on Tuesday.", encoding="utf-8")
    main(["import", str(source)])
    capsys.readouterr()
    for args in (
        ["list", "--article", str(first)],
        ["export", "--format", "json", "--article", str(first)],
    ):
        status, out, _ = run(capsys, *args)
        assert status == 0 and "On the story" in out
    status, out, _ = run(capsys, "list", "--json")
    current = json.loads(out)[0]["article_id"]
    main(["remove", str(current)])
    capsys.readouterr()
    status, out, err = run(capsys, "list", "--article", str(current))
    assert status == 0 and "On the story" in out, err

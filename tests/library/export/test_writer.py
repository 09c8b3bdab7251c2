"""`write_export`: the one guarded writer every export goes through."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from library.cli import main
from library.errors import ParallaxError
from library.export.writer import RefusedTarget, write_export, write_private
from library.notes import NotesStore


@pytest.fixture
def home(data_dir: Path) -> Path:
    """A data dir with a real notes.db (and its WAL) holding one note."""
    store = NotesStore(data_dir)
    store.add_article_note(1, "keep me")
    store.close()
    (data_dir / "settings.ini").write_text("[window]\n")
    return data_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize(
    "name",
    ["notes.db", "notes.db-wal", "library.db-journal", "settings.ini", "backups/x.db", "new.md"],
)
def test_anything_in_the_data_dir_is_refused(home: Path, name: str) -> None:
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    with pytest.raises(RefusedTarget, match="Will not export over"):
        write_export(home / name, "export", data_dir=home)
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before


def test_a_hard_link_to_notes_db_is_refused(home: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.json"
    os.link(home / "notes.db", link)
    before = link.read_bytes()
    with pytest.raises(RefusedTarget, match=r"same file as Parallax's notes\.db"):
        write_export(link, "export", data_dir=home)
    assert (home / "notes.db").read_bytes() == before
    assert [n.text for n in NotesStore(home, make_backups=False).notes()] == ["keep me"]


def test_symlinks_into_the_data_dir_are_refused(home: Path, tmp_path: Path) -> None:
    to_file = tmp_path / "notes.md"
    to_file.symlink_to(home / "notes.db")
    to_folder = tmp_path / "folder"
    to_folder.symlink_to(home)
    for target in (to_file, to_folder / "report.html"):
        with pytest.raises(RefusedTarget):
            write_export(target, "export", data_dir=home)
    assert not (home / "report.html").exists()


def test_exports_are_private_atomic_and_leave_nothing_behind(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old")
    target.chmod(0o644)
    assert write_export(target, "new ✓", data_dir=home) == target.resolve()
    assert target.read_text(encoding="utf-8") == "new ✓" and _mode(target) == 0o600
    # A file linked elsewhere is replaced, never written through.
    other = tmp_path / "other.md"
    os.link(target, other)
    write_export(target, b"bytes", data_dir=home)
    assert target.read_bytes() == b"bytes" and other.read_text(encoding="utf-8") == "new ✓"
    with pytest.raises(ParallaxError, match="Cannot write"):
        write_export(tmp_path / "no-such-folder" / "x.md", "x", data_dir=home)
    with pytest.raises(ParallaxError, match="Cannot write"):
        write_export(tmp_path, "x", data_dir=home)  # a folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md", "other.md", "parallax-home"]


def test_drafts_inside_the_data_dir_use_the_unguarded_writer(home: Path) -> None:
    write_private(home / "draft.md", "text")
    assert _mode(home / "draft.md") == 0o600


def test_cli_export_refuses_a_hard_link_in_one_line(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "notes.json"
    os.link(home / "notes.db", link)
    # The fixture's note was written without a library; the first CLI open
    # binds it to this library (a one-time write).  Let that happen first.
    assert main(["notes", "list"]) == 0
    capsys.readouterr()
    before = link.read_bytes()
    status = main(["notes", "export", "--format", "json", "-o", str(link)])
    err = capsys.readouterr().err
    assert status == 1 and len(err.strip().splitlines()) == 1
    assert "Will not export over" in err and link.read_bytes() == before


def test_a_fifo_or_device_target_is_refused_not_replaced(home: Path, tmp_path: Path) -> None:
    # As root, `notes export -o /dev/null` renamed a regular file over /dev/null.
    (tmp_path / "exports").mkdir()
    fifo = tmp_path / "exports" / "out.md"
    os.mkfifo(fifo)
    with pytest.raises(ParallaxError, match="not a regular file"):
        write_export(fifo, "x", data_dir=home)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in fifo.parent.iterdir()] == ["out.md"]  # no temp file left


def test_export_to_dash_prints_instead_of_writing_a_file_named_dash(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(home), "notes", "export", "-o", "-"]) == 0
    assert "keep me" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="no /proc here")
def test_a_folder_that_takes_no_new_file_is_named(home: Path, tmp_path: Path) -> None:
    # /proc/version exists, but no temporary file can be made beside it: the
    # bare "No such file or directory" read as if the file were missing.
    with pytest.raises(ParallaxError) as refused:
        write_export(Path("/proc/version"), "x", data_dir=home)
    assert str(refused.value).startswith(
        "Cannot write /proc/version: no new file can be made in /proc ("
    )
    with pytest.raises(ParallaxError) as missing:
        write_export(tmp_path / "no-such-folder" / "x.md", "x", data_dir=home)
    assert str(missing.value).endswith(": No such file or directory")

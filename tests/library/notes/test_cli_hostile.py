"""Hostile note text and import files (issue #8): one clear line, never a traceback."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest

import library.notes.export as export_mod
from library.cli import main
from library.notes.export import import_json, select_notes, to_json
from library.notes.store import NotesStore

BAD = b"caf\xe9 \xff".decode("utf-8", "surrogateescape")  # as Python hands argv over


def _error(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    return int(exited.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["notes", "add", "--article", "1", "--text", BAD], "--text"),
        (["notes", "add", "--article", "1", "--text", "ok", "--tag", BAD], "--tag"),
        (["notes", "add", "--article", "1", "--quote", BAD, "--text", "ok"], "--quote"),
        (["notes", "list", "--tag", BAD], "--tag"),
        (["notes", "search", BAD], "query"),
        (["search", "ok", BAD], "query"),
    ],
)
def test_invalid_utf8_arguments_are_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], option: str
) -> None:
    status, err = _error(capsys, *args)
    assert status == 2
    assert f"argument {option}: not valid UTF-8 text" in err
    assert "Traceback" not in err


def test_a_file_name_that_is_not_utf8_is_still_accepted(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / b"\xff.txt".decode("utf-8", "surrogateescape")
    path.write_text("A headline\n\nSome text of an article.\n")
    assert main(["import", str(path)]) == 0
    assert "1 added" in capsys.readouterr().out


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_invalid_utf8_on_stdin_is_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"caf\xe9 \xff\n")
    status = main(["notes", "add", "--article", "1", "--text", "-"])
    err = capsys.readouterr().err
    assert status == 1
    assert err == "parallax: The note text on standard input is not valid UTF-8.\n"


def test_lone_surrogates_from_a_text_stdin_are_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(BAD))
    assert main(["notes", "add", "--article", "1", "--text", "-"]) == 1
    assert "not valid UTF-8" in capsys.readouterr().err


def test_utf8_on_stdin_is_the_note(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "Café ☕ note\n".encode())
    assert main(["notes", "add", "--article", "1", "--text", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"].startswith("Café ☕ note")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (
            json.dumps(
                {
                    "format": "parallax-notes",
                    "version": 1,
                    "notes": [
                        {
                            "kind": "article",
                            "uid": "u1",
                            "created_at": "2024-01-01T00:00:00+00:00",
                            "article_id": 1,
                            "text": "bad \ud800 here",
                        }
                    ],
                }
            ),
            r"Note 1 in the file has text that is not valid Unicode (a lone surrogate, '\ud800')",
        ),
    ],
)
def test_hostile_notes_import_is_one_clear_line(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: str,
    message: str,
) -> None:
    path = tmp_path / "notes.json"
    path.write_text(content)
    status = main(["notes", "import", str(path)])
    err = capsys.readouterr().err
    assert status == 1
    assert message in err and len(err.splitlines()) == 1


def _five_notes_exported(tmp_path: Path) -> str:
    """The JSON export of five notes on article 1, from a store of their own."""
    source = NotesStore(tmp_path / "source", make_backups=False)
    for i in range(5):
        source.add_article_note(1, f"note {i}")
    text = to_json(select_notes(source))
    source.close()
    return text


def test_notes_import_commits_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _five_notes_exported(tmp_path)

    monkeypatch.setattr(export_mod, "IMPORT_BATCH", 2)
    store = NotesStore(tmp_path / "target", make_backups=False)
    sizes: list[int] = []
    real_batch = store.batch

    def counting_batch() -> object:
        sizes.append(store.count())
        return real_batch()

    monkeypatch.setattr(store, "batch", counting_batch)
    report = import_json(store, text)
    # Three transactions, each started after the one before was committed.
    assert sizes == [0, 2, 4]
    assert len(report.added) == 5 and store.count() == 5
    store.close()


def test_a_number_too_long_to_convert_is_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"format": "parallax-notes", "version": 1, "notes": [' + "9" * 5000 + "]}")
    assert main(["notes", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Not a Parallax notes export" in err and len(err.splitlines()) == 1


def test_notes_import_of_a_fifo_is_refused_without_opening_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Opening a FIFO blocks until someone writes (and /dev/zero never ends).
    # So that the test cannot hang without the fix, a writer feeds the FIFO
    # if anyone opens it for reading.
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)

    finished = threading.Event()

    def feed() -> None:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not finished.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader yet
                time.sleep(0.01)
                continue
            os.write(fd, b"[]")
            os.close(fd)
            return

    threading.Thread(target=feed, daemon=True).start()
    assert main(["notes", "import", str(fifo)]) == 1
    finished.set()
    assert "not a regular file" in capsys.readouterr().err


def test_notes_import_pauses_between_batches_so_other_writers_get_a_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Re-taking the lock at once starved a concurrent `notes add` into
    # "notes.db is locked" during a 60,000-note import.
    text = _five_notes_exported(tmp_path)
    monkeypatch.setattr(export_mod, "IMPORT_BATCH", 2)
    pauses: list[float] = []
    real_sleep = time.sleep
    importer = threading.current_thread()

    def sleep(seconds: float) -> None:
        if threading.current_thread() is importer:
            pauses.append(seconds)
        else:
            real_sleep(seconds)

    monkeypatch.setattr(export_mod.time, "sleep", sleep)
    store = NotesStore(tmp_path / "target", make_backups=False)
    assert len(import_json(store, text).added) == 5
    assert pauses == [export_mod.IMPORT_PAUSE] * 2  # between the 3 batches, not after
    store.close()


def test_a_json_export_saved_with_a_bom_imports(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Windows Notepad saves UTF-8 with a BOM; json.loads called that "not JSON".
    path = tmp_path / "notes.json"
    path.write_text('\ufeff{"format": "parallax-notes", "version": 1, "notes": []}')
    assert main(["notes", "import", str(path)]) == 0


def test_a_damaged_notes_file_warning_says_how_to_bring_notes_back(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", "add", "--article", "1", "--text", "keep"]) == 0
    for extra in ("-wal", "-shm"):
        (data_dir / f"notes.db{extra}").unlink(missing_ok=True)
    (data_dir / "notes.db").write_bytes(b"\0" * 8192)
    capsys.readouterr()
    assert main(["notes", "list"]) == 0
    err = capsys.readouterr().err
    moved = next(data_dir.glob("notes.db.corrupt-*"))
    assert f"parallax notes recover {moved}" in err


@pytest.mark.parametrize("article_id", [True, 1.5, "٣", "1e2"])
def test_an_article_id_that_is_not_a_whole_number_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, article_id: object
) -> None:
    # `true` was read as article 1: the note went to an article the user never chose.
    note = {
        "kind": "article",
        "uid": "u1",
        "created_at": "2024-01-01T00:00:00+00:00",
        "article_id": article_id,
        "text": "a note",
    }
    path = tmp_path / "notes.json"
    path.write_text(json.dumps({"format": "parallax-notes", "version": 1, "notes": [note]}))
    assert main(["notes", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Bad note u1: article_id" in err and "is not a whole number" in err
    assert len(err.splitlines()) == 1
    assert main(["notes", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

"""Read-only data and full disks: reads never write, permissions are respected.

Tests run as root, which ignores permission bits, so a read-only folder is
simulated two ways: by mode bits (which Parallax honours itself) and, where
the system allows unprivileged mount namespaces, by a real read-only or full
tmpfs mounted in a child process (`unshare`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from library.errors import DatabaseError
from library.search_index import register as register_index_function
from library.store import LibraryStore
from tests.library.data_dir_support import ENV, REPO, file_mode, home_with_a_note, run


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return home_with_a_note(capsys, tmp_path)


# -- read-only data ---------------------------------------------------------------


def test_reading_commands_work_in_a_read_only_folder_and_writes_say_why(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    before = {name: (home / name).read_bytes() for name in ("library.db", "notes.db")}
    home.chmod(0o500)
    try:
        code, out, err = run(capsys, home, "list", "--json")
        assert code == 0, err
        assert len(json.loads(out)) == 2
        assert run(capsys, home, "search", "Zhaozong")[0] == 0
        assert run(capsys, home, "show", "1")[0] == 0
        code, out, _ = run(capsys, home, "notes", "list")
        assert code == 0 and "rescue me" in out
        assert run(capsys, home, "notes", "search", "rescue")[0] == 0
        code, _, err = run(capsys, home, "notes", "export", "-o", str(tmp_path / "out.md"))
        assert code == 0, err
        assert "rescue me" in (tmp_path / "out.md").read_text()
        assert run(capsys, home, "check")[0] == 0
        assert run(capsys, home, "compare", "1", "2", "--json")[0] == 0
        code, _, err = run(capsys, home, "notes", "add", "--article", "1", "--text", "x")
        assert code == 1
        assert err.strip().splitlines() == [
            f"parallax: {home} is read-only (mode 0500): Parallax will not change "
            "permissions you set; make it writable to add or change notes."
        ]
        assert file_mode(home) == 0o500  # not chmodded back
    finally:
        home.chmod(0o700)
    assert {name: (home / name).read_bytes() for name in before} == before


def test_no_backup_is_written_into_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    assert run(capsys, home, "notes", "add", "--article", "1", "--text", "x")[0] == 0
    assert not (home / "backups").exists()  # the store was empty when it opened
    home.chmod(0o500)
    try:
        code, _, err = run(capsys, home, "notes", "backup")
        assert code == 1 and "read-only (mode 0500)" in err
        assert not (home / "backups").exists()
    finally:
        home.chmod(0o700)


def test_a_read_only_notes_file_is_not_chmodded_and_writes_are_refused(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    notes = home / "notes.db"
    notes.chmod(0o400)
    code, _, err = run(capsys, home, "notes", "add", "--article", "1", "--text", "more")
    assert code == 1
    assert err.strip() == (
        f"parallax: {notes} is read-only (mode 0400): Parallax will not change "
        "permissions you set; make it writable to add or change notes."
    )
    assert file_mode(notes) == 0o400
    code, out, _ = run(capsys, home, "notes", "list")
    assert code == 0 and "rescue me" in out and "more" not in out
    # Importing articles still works: only the notes are read-only.
    (home.parent / "new.txt").write_text("New title\n\nA new article body.\n")
    assert run(capsys, home, "import", str(home.parent / "new.txt"))[0] == 0
    assert file_mode(notes) == 0o400


def test_reading_an_absent_library_in_a_read_only_folder_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "empty"
    home.mkdir(mode=0o500)
    home.chmod(0o500)
    try:
        code, out, err = run(capsys, home, "list")
        assert code == 0, err
        assert "The library is empty" in out
        assert run(capsys, home, "notes", "list")[0] == 0
        assert list(home.iterdir()) == []
        assert file_mode(home) == 0o500
    finally:
        home.chmod(0o700)


def test_an_out_of_date_read_only_file_is_reported_not_migrated(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    conn = sqlite3.connect(home / "notes.db")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_meta'")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    (home / "notes.db").chmod(0o400)
    code, _, err = run(capsys, home, "notes", "list")
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "made by an older Parallax and needs an upgrade" in err and "mode 0400" in err
    assert file_mode(home / "notes.db") == 0o400


def test_a_damaged_library_in_a_read_only_folder_is_reported_not_moved(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "library.db").write_bytes(b"garbage" * 500)
    home.chmod(0o500)
    try:
        code, _, err = run(capsys, home, "list")
        assert code == 1
        assert "damaged and cannot be moved aside" in err and "mode 0500" in err
        assert sorted(p.name for p in home.iterdir()) == ["library.db"]
    finally:
        home.chmod(0o700)


# -- disk full ------------------------------------------------------------------


def test_a_full_disk_is_said_plainly_and_changes_nothing(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    try:
        from library.article import Article

        store.add(Article(title="kept", body="kept text", source_path="/kept"))
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow
        big = Article(title="big", body="word " * 50_000, source_path="/big")
        with pytest.raises(DatabaseError, match=r"disk full while writing .*nothing was changed"):
            store.add(big)
        assert [a.title for a in store.articles()] == ["kept"]
    finally:
        store.close()


# -- a real read-only mount and a real full disk (mount namespace) -----------------


def _can_mount() -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True
    )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="no mount namespaces here")

# Runs `parallax` commands on a copy of a data dir on a tmpfs made read-only
# (MODE=ro) or full (MODE=full); prints each command's status and output.
IN_MOUNT = r"""
set -u
mount -t tmpfs -o size=512k tmpfs "$MNT"
cp -a "$SRC/." "$MNT/"
if [ "$MODE" = ro ]; then mount -o remount,ro "$MNT"; fi
if [ "$MODE" = full ]; then dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null; fi
shift 0
while IFS= read -r cmd; do
  echo "== $cmd"
  eval "$PY -c 'import sys; from library.cli import main; sys.exit(main(sys.argv[1:]))' \
       --data-dir \"\$MNT\" $cmd" 2>&1
  echo "rc=$?"
done <<EOF
$COMMANDS
EOF
"""


def _mounted(script: str, home: Path, tmp_path: Path, **extra: str) -> str:
    """`script`'s output, run as root of a new mount namespace with `home` at `$MNT`."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    env = {**ENV, "MNT": str(mnt), "SRC": str(home), "PY": sys.executable, **extra}
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _in_mount(home: Path, tmp_path: Path, mode: str, commands: list[str]) -> dict[str, str]:
    stdout = _mounted(IN_MOUNT, home, tmp_path, MODE=mode, COMMANDS="\n".join(commands))
    results = {}
    for block in stdout.split("== ")[1:]:
        command, _, output = block.partition("\n")
        results[command] = output
    return results


@needs_mount
@pytest.mark.slow
def test_a_read_only_mount_can_be_read_and_notes_rescued(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "rescued.md"
    results = _in_mount(
        home,
        tmp_path,
        "ro",
        ["list", "search Zhaozong", "notes list", f"notes export -o {out}", "check",
         "notes add --article 1 --text x"],
    )  # fmt: skip
    for command in ("list", "search Zhaozong", "notes list", f"notes export -o {out}", "check"):
        assert results[command].endswith("rc=0\n"), (command, results[command])
    assert "rescue me" in out.read_text()
    refused = results["notes add --article 1 --text x"]
    assert "read-only file system" in refused and refused.endswith("rc=1\n")


@needs_mount
@pytest.mark.slow
def test_a_full_disk_can_be_read_and_writes_say_disk_full(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "rescued.md"
    new = tmp_path / "new.txt"
    new.write_text("New\n\nA new article.\n")
    results = _in_mount(
        home, tmp_path, "full", ["list", "notes list", f"notes export -o {out}", f"import {new}"]
    )
    for command in ("list", "notes list", f"notes export -o {out}"):
        assert results[command].endswith("rc=0\n"), (command, results[command])
    assert "rescue me" in out.read_text()
    refused = results[f"import {new}"]
    assert "disk full while writing" in refused and "nothing was changed" in refused


@needs_mount
@pytest.mark.slow
def test_unsaved_log_on_a_read_only_mount_is_read_without_it_and_said(
    home: Path, tmp_path: Path
) -> None:
    # A copy taken while Parallax was running: notes.db-wal holds a change
    # that no writable -shm file can be made for on a read-only disk.
    copy = tmp_path / "copy"
    copy.mkdir()
    conn = sqlite3.connect(home / "notes.db", isolation_level=None)
    register_index_function(sqlite_utils.Database(conn))  # notes_fts's triggers call it
    try:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE notes SET text = 'edited' WHERE id = 1")
        for name in ("library.db", "notes.db", "notes.db-wal"):
            shutil.copy2(home / name, copy / name)
    finally:
        conn.close()
    assert (copy / "notes.db-wal").stat().st_size > 0
    results = _in_mount(copy, tmp_path, "ro", ["notes list"])
    assert results["notes list"].endswith("rc=0\n")
    assert "rescue me" in results["notes list"]  # as last checkpointed
    assert "latest changes may be missing" in results["notes list"]


@needs_mount
@pytest.mark.slow
def test_a_read_only_mount_compares_ids_and_lists_aliases_and_reviews(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    # Aliases, word weights and reviews used to open connections of their
    # own that need a -shm file, which a read-only mount cannot hold.
    assert run(capsys, home, "alias", "add", "Tomas Verell", "T. Verell")[0] == 0
    results = _in_mount(
        home,
        tmp_path,
        "ro",
        ["compare 1 2 --json", "alias list", "review list 1 2", "alias add Brask O.Brask",
         "review set 1 2 --pair 0 --verdict confirm"],
    )  # fmt: skip
    for command in ("compare 1 2 --json", "alias list", "review list 1 2"):
        assert results[command].endswith("rc=0\n"), (command, results[command])
    assert "Tomas Verell = T. Verell" in results["alias list"]
    assert results["alias add Brask O.Brask"].endswith(
        "library.db is on a read-only file system; make it writable to teach or forget "
        "aliases.\nrc=1\n"
    )
    assert results["review set 1 2 --pair 0 --verdict confirm"].endswith(
        "notes.db is on a read-only file system; make it writable to review comparisons.\nrc=1\n"
    )


def test_writes_in_a_read_only_folder_name_what_cannot_be_done(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    assert run(capsys, home, "alias", "add", "Tomas Verell", "T. Verell")[0] == 0
    home.chmod(0o500)
    try:
        code, out, err = run(capsys, home, "alias", "list")
        assert code == 0 and "Tomas Verell = T. Verell" in out
        refused = {
            "alias add": run(capsys, home, "alias", "add", "Ona Brask", "O. Brask"),
            "alias remove": run(capsys, home, "alias", "remove", "Tomas Verell", "T. Verell"),
            "review set": run(capsys, home, "review", "set", "1", "2", "--pair", "0",
                              "--verdict", "confirm"),
        }  # fmt: skip
    finally:
        home.chmod(0o700)
    mode = "is read-only (mode 0500): Parallax will not change permissions you set"
    for command, purpose in (
        ("alias add", "teach or forget aliases"),
        ("alias remove", "teach or forget aliases"),
        ("review set", "review comparisons"),
    ):
        code, _, err = refused[command]
        assert code == 1, (command, err)
        assert err.strip().splitlines() == [
            f"parallax: {home} {mode}; make it writable to {purpose}."
        ], command


# Reads the window's table (each page on a short connection of its own, as on
# its worker thread) from a data dir on a read-only tmpfs.
LISTING_IN_MOUNT = r"""
set -eu
mount -t tmpfs -o size=512k tmpfs "$MNT"
cp -a "$SRC/." "$MNT/"
mount -o remount,ro "$MNT"
"$PY" -c '
import sys
from pathlib import Path
from library.collection import Collection
c = Collection(Path(sys.argv[1]), read_only=True)
print(c.count(), len(c.page(0, 10)), len(c.listing.bodies([1, 2])))
' "$MNT"
"""


@needs_mount
@pytest.mark.slow
def test_the_window_listing_reads_a_read_only_mount(home: Path, tmp_path: Path) -> None:
    assert _mounted(LISTING_IN_MOUNT, home, tmp_path).split() == ["2", "2", "2"]

"""Opening the databases: concurrent writers wait, migrations run once, damage is told apart.

Read-only folders and full disks are in `test_database_read_only.py`.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from library.article import ArticleId
from library.collection import Collection
from library.database import open_database
from library.notes.schema import migrations as notes_migrations
from library.store import LibraryStore
from library.store.schema import migrations as library_migrations
from tests.library.data_dir_support import ENV, REPO, home_with_a_note, run

# Waits for the go file so that all processes start their work together.
AT_GO = """
import sys, time
from pathlib import Path
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.001)
"""
IMPORTER = AT_GO + "from library.cli import main\nsys.exit(main(sys.argv[2:]))\n"
OPENER = AT_GO + (
    "from library.collection import Collection\n"
    "c = Collection(Path(sys.argv[2]))\n"
    "print(c.library.count(), c.notes.count())\n"
    "c.close()\n"
)


def _together(go: Path, *commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", *cmd],
            cwd=REPO,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for cmd in commands
    ]
    time.sleep(0.5)  # let every interpreter start and reach the wait loop
    go.touch()
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def _articles(folder: Path, tag: str, count: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        body = f"{tag} article {i}. " + " ".join(f"{tag}{i}word{j}" for j in range(200))
        (folder / f"{tag}-{i:03}.txt").write_text(f"{tag} title {i}\n\n{body}\n")
    return folder


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return home_with_a_note(capsys, tmp_path)


# -- concurrent writers --------------------------------------------------------


@pytest.mark.slow
def test_two_importers_at_once_both_succeed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Collection(home).close()
    left = _articles(tmp_path / "left", "left", 40)
    right = _articles(tmp_path / "right", "right", 40)
    go = tmp_path / "go"
    results = _together(
        go,
        [IMPORTER, str(go), "--data-dir", str(home), "import", str(left)],
        [IMPORTER, str(go), "--data-dir", str(home), "import", str(right)],
    )
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    store = LibraryStore(home)
    try:
        assert store.count() == 2 + 80
    finally:
        store.close()


@pytest.mark.slow
def test_four_processes_opening_a_fresh_data_dir_all_succeed(tmp_path: Path) -> None:
    home = tmp_path / "fresh"
    go = tmp_path / "go"
    results = _together(go, *([OPENER, str(go), str(home)] for _ in range(4)))
    assert [r.returncode for r in results] == [0] * 4, [r.stderr for r in results]
    assert [r.stdout.split() for r in results] == [["2", "0"]] * 4  # samples seeded once
    for name, steps in (("library.db", library_migrations), ("notes.db", notes_migrations)):
        conn = sqlite3.connect(home / name)
        applied = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        conn.close()
        assert applied == len(steps._migrations), name  # each step applied once


def test_a_write_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    # The race two importers hit, made deterministic: another process commits
    # between our transaction's first read and its first write.  A plain BEGIN
    # then fails at once ("locked"); BEGIN IMMEDIATE makes the other one wait.
    from library.article import Article

    store = LibraryStore(tmp_path / "home")
    others: list[threading.Thread] = []
    committed = threading.Event()

    def other_writer() -> None:
        conn = sqlite3.connect(store.path, timeout=5, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta VALUES ('other', 'written')")
        conn.execute("COMMIT")
        conn.close()
        committed.set()

    real_placement = store._placement

    def placement_while_another_writes(
        content_hash: str, source_key: str
    ) -> tuple[ArticleId | None, ArticleId | None, ArticleId, int]:
        found = real_placement(content_hash, source_key)  # our first read
        others.append(threading.Thread(target=other_writer))
        others[0].start()
        committed.wait(timeout=0.5)  # the old code: it commits under our snapshot
        return found

    store._placement = placement_while_another_writes  # type: ignore[method-assign]
    try:
        assert store.add(Article(title="mine", body="my text", source_path="/m")).status == "added"
        others[0].join(timeout=10)
        assert committed.is_set()
        assert store.get_meta("other") == "written"
    finally:
        store.close()


def test_a_migration_runs_once_while_another_opener_waits(tmp_path: Path) -> None:
    # Two processes open a fresh file: the second must wait for the first's
    # schema step, then find nothing left to do (not apply it again, not fail).
    path = tmp_path / "fresh.db"
    steps = Migrations("test")
    calls: list[str] = []
    second: list[BaseException | None] = []

    def open_second() -> None:
        try:
            open_database(path, steps).close()
            second.append(None)
        except BaseException as exc:
            second.append(exc)

    @steps()
    def m001_table(db: sqlite_utils.Database) -> None:
        calls.append(threading.current_thread().name)
        db.execute("CREATE TABLE t (x)")
        if len(calls) == 1:
            thread = threading.Thread(target=open_second, name="second")
            thread.start()
            thread.join(timeout=0.5)  # the old code: it races us now
            threads.append(thread)

    threads: list[threading.Thread] = []
    open_database(path, steps).close()
    threads[0].join(timeout=10)
    assert second == [None]
    assert len(calls) == 1


def test_connections_never_open_implicit_transactions(tmp_path: Path) -> None:
    # Python's default would BEGIN (deferred) before a write, which fails
    # instead of waiting when another process holds the write lock.
    collection = Collection(tmp_path / "home", seed=False)
    try:
        assert collection.library.db.conn.isolation_level is None
        assert collection.notes.db.conn.isolation_level is None
    finally:
        collection.close()


# -- parallax check -------------------------------------------------------------


def test_check_reports_ok_then_damage_and_the_next_open_sets_it_aside(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, _ = run(capsys, home, "check")
    assert code == 0
    assert out.splitlines() == ["library.db: ok", "notes.db: ok"]
    library = home / "library.db"
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(library.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)
    library.write_bytes(bytes(data))
    code, out, _ = run(capsys, home, "check", "--json")
    assert code == 1
    report = {Path(r["path"]).name: r for r in json.loads(out)}
    assert not report["library.db"]["ok"] and report["library.db"]["problems"]
    assert report["notes.db"]["ok"]
    assert library.read_bytes() == bytes(data)  # checking changes nothing
    code, _, err = run(capsys, home, "list")
    assert code == 0 and "library database was damaged; it was moved to" in err
    assert (home / "library.db").exists() and list(home.glob("library.db.corrupt-*"))


def test_check_of_a_data_dir_not_made_yet_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, tmp_path / "none", "check")
    assert code == 0 and "not created yet" in out
    assert not (tmp_path / "none").exists()


def test_only_real_damage_is_called_damage(tmp_path: Path) -> None:
    # "string or blob too big" is a limit, not a damaged file: no check mark,
    # no "damaged" message that would make the next open set the file aside.
    from library.database import translate_errors

    path = tmp_path / "library.db"
    conn = sqlite3.connect(":memory:")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 10)
    with pytest.raises(sqlite3.DataError), translate_errors(path):
        conn.execute("SELECT ?", ["x" * 100])
    assert not list(tmp_path.iterdir())


# -- no sqlite-utils on the opening path ----------------------------------------

_OPEN_AND_LIST_MODULES = (
    "import sys\n"
    "from library.collection import Collection\n"
    "collection = Collection(sys.argv[1], seed=False)\n"
    "collection.library.db.execute('SELECT count(*) FROM articles').fetchone()\n"
    "collection.notes.db.execute('SELECT count(*) FROM notes').fetchone()\n"
    "collection.close()\n"
    "print(','.join(sorted(m for m in sys.modules if m.startswith('sqlite_utils'))))\n"
)


def test_opening_an_up_to_date_library_does_not_import_sqlite_utils(tmp_path: Path) -> None:
    # sqlite-utils (click, pluggy, dateutil) cost ~0.2 s of every window start-up.
    home = tmp_path / "home"

    def loaded() -> str:
        result = subprocess.run(
            [sys.executable, "-c", _OPEN_AND_LIST_MODULES, str(home)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        return result.stdout.strip()

    assert loaded() != ""  # a new library: its schema steps run through sqlite-utils
    assert loaded() == ""  # up to date: plain sqlite3 only


def test_a_library_missing_one_recorded_step_is_upgraded(tmp_path: Path) -> None:
    # `user_version` alone is not trusted: the recorded steps are read too.
    Collection(tmp_path / "home", seed=False).close()
    path = tmp_path / "home" / "library.db"
    conn = sqlite3.connect(path)
    last = library_migrations._migrations[-1].name
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    conn.commit()
    conn.close()
    calls: list[str] = []
    step = library_migrations._migrations[-1]
    original = step.fn
    try:
        object.__setattr__(step, "fn", lambda db: calls.append("ran"))
        Collection(tmp_path / "home", seed=False).close()
    finally:
        object.__setattr__(step, "fn", original)
    assert calls == ["ran"]
    conn = sqlite3.connect(path)
    names = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
    assert last in names


def test_a_nested_write_is_a_savepoint_undone_alone(tmp_path: Path) -> None:
    from library.database import write_transaction

    steps = Migrations("test")

    @steps()
    def m001_table(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE t (x)")

    db = open_database(tmp_path / "n.db", steps)
    try:
        with write_transaction(db):
            db.execute("INSERT INTO t VALUES (1)")
            with pytest.raises(ValueError), write_transaction(db):
                db.execute("INSERT INTO t VALUES (2)")
                raise ValueError("inner step fails")
            db.execute("INSERT INTO t VALUES (3)")
        assert [r[0] for r in db.execute("SELECT x FROM t ORDER BY x")] == [1, 3]
        assert not db.conn.in_transaction
    finally:
        db.close()

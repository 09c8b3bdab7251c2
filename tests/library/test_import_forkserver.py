"""A large import in a process with other threads (the window's) reads ahead from a fork server.

Forking such a process is unsafe, so its workers come from a fresh
single-threaded server; the report and library are those of an in-process
import, a cancelled or broken import leaves no worker behind, the program's
main module is never run again, and a server that cannot start leaves the
import in-process.
"""

from __future__ import annotations

import errno
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import library.import_pipeline as pipeline
from library.importer import import_paths
from library.store import LibraryStore
from tests.helpers import import_with_ctrl_c
from tests.library.import_pipeline_support import (
    ARTICLE_ROWS,
    FILES,
    SUMMARY,
    WORD_ROWS,
    import_cancelled_after_five,
    in_process,
    lines,
    table,
    write_inbox,
)

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    return write_inbox(tmp_path / "inbox")


@pytest.fixture
def threaded() -> Iterator[None]:
    """Another thread in this process, as the window has: forking it is refused."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not pipeline.can_fork_safely()
        yield
    finally:
        stop.set()
        other.join()


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch, threaded: None) -> list[object]:
    """Two workers whatever the machine's load and the folder's size; records each pool."""
    started: list[object] = []
    real = pipeline.start_pool

    def start_pool(workers: int, files: int) -> object:
        pool = real(workers, files)
        started.append(pool)
        return pool

    monkeypatch.setattr(pipeline, "start_pool", start_pool)
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(pipeline, "FORKSERVER_MIN_FILES", FILES)  # a small folder will do
    return started


def _start_method(pool: object) -> str:
    return pool._mp_context.get_start_method()  # type: ignore[attr-defined,no-any-return]


def _server_children() -> list[int]:
    """Processes the fork server has forked that are still alive (its workers)."""
    server = multiprocessing.forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    if server is None:
        return []
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        # "pid (name) state ppid ...": the name may hold spaces, so split after it.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == server and fields[0] != "Z":
            children.append(int(entry))
    return children


def test_a_large_import_in_a_threaded_process_uses_a_fork_server_and_equals_in_process(
    tmp_path: Path, inbox: Path, pools: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected_store = LibraryStore(tmp_path / "one")
    expected = in_process(monkeypatch, expected_store, inbox)
    store = LibraryStore(tmp_path / "two")
    report = import_paths(store, [inbox])

    assert pools and pools[0] is not None, "the import did not use worker processes"
    assert _start_method(pools[0]) == "forkserver"
    assert lines(report) == lines(expected)
    assert report.summary() == expected.summary() == SUMMARY
    assert table(store, ARTICLE_ROWS) == table(expected_store, ARTICLE_ROWS)
    assert table(store, WORD_ROWS) == table(expected_store, WORD_ROWS)
    assert [h.article.title for h in store.search("harbour", limit=100)] == [
        h.article.title for h in expected_store.search("harbour", limit=100)
    ]
    assert not multiprocessing.active_children()
    assert _server_children() == []


def test_the_server_loads_only_the_workers_modules_never_main() -> None:
    # multiprocessing's default preload is ["__main__"]: the window's entry point.
    pipeline.start_pool(1, pipeline.FORKSERVER_MIN_FILES)
    preload = multiprocessing.forkserver._forkserver._preload_modules  # type: ignore[attr-defined]
    assert "__main__" not in preload
    assert set(preload) == set(pipeline.FORKSERVER_PRELOAD)


def test_a_small_import_in_a_threaded_process_starts_no_pool(threaded: None) -> None:
    assert pipeline.start_method(pipeline.FORKSERVER_MIN_FILES - 1) is None
    assert pipeline.start_pool(2, pipeline.FORKSERVER_MIN_FILES - 1) is None


def test_without_a_fork_server_a_threaded_process_reads_in_process(
    threaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert pipeline.start_method(10**6) is None


def test_cancel_mid_import_leaves_no_worker_alive(
    tmp_path: Path, inbox: Path, pools: list[object]
) -> None:
    store = LibraryStore(tmp_path / "home")
    report = import_cancelled_after_five(store, inbox)
    assert _start_method(pools[0]) == "forkserver"
    assert report.cancelled and len(report.results) == 5
    assert store.count() == 5
    assert not multiprocessing.active_children()
    assert _server_children() == []


def test_ctrl_c_during_a_fork_server_import_exits_130_and_leaves_no_worker(
    data_dir: Path,
    inbox: Path,
    pools: list[object],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_with_ctrl_c(inbox, "_store", monkeypatch, capsys)
    assert pools and _start_method(pools[0]) == "forkserver"
    assert not multiprocessing.active_children()
    assert _server_children() == []


def test_a_killed_worker_leaves_the_rest_to_this_process(
    tmp_path: Path, inbox: Path, pools: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = in_process(monkeypatch, LibraryStore(tmp_path / "one"), inbox)
    killed: list[int] = []

    def kill_a_worker(done: int, _total: int, _path: Path) -> None:
        if done == 3 and not killed:
            pid = next(iter(pools[0]._processes))  # type: ignore[attr-defined]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    report = import_paths(LibraryStore(tmp_path / "two"), [inbox], on_progress=kill_a_worker)
    assert killed
    assert lines(report) == lines(expected)
    assert not multiprocessing.active_children()
    assert _server_children() == []


def test_a_fork_server_that_cannot_start_leaves_the_import_in_process(
    tmp_path: Path, inbox: Path, pools: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_server(fds: list[int]) -> tuple[int, int]:
        raise OSError(errno.ENOENT, "No such file or directory")  # no interpreter to start

    monkeypatch.setattr(multiprocessing.forkserver, "connect_to_new_process", no_server)
    report = import_paths(LibraryStore(tmp_path / "home"), [inbox])
    assert pools and pools[0] is not None
    assert report.summary() == SUMMARY
    assert not multiprocessing.active_children()


#: A program with a thread that imports a large folder, then exits: it notes
#: each process that loads it and each run of `main`, and prints the fork
#: server's pid.
PROGRAM = textwrap.dedent(
    """
    import multiprocessing.forkserver, os, sys, threading
    from pathlib import Path

    # Named in the environment: a fork server is given no arguments.
    with open(os.environ["PROGRAM_RUNS"], "a") as runs:
        runs.write(f"loaded {os.getpid()}\\n")

    def main() -> None:
        with open(os.environ["PROGRAM_RUNS"], "a") as runs:
            runs.write(f"main {os.getpid()}\\n")
        stop = threading.Event()
        threading.Thread(target=stop.wait, daemon=True).start()
        from library.importer import import_paths
        from library.store import LibraryStore
        import library.import_pipeline as pipeline
        pipeline.FORKSERVER_MIN_FILES = 50  # a small folder will do
        report = import_paths(LibraryStore(Path(sys.argv[2])), [Path(sys.argv[1])])
        print(pipeline.start_method(len(report.results)), report.summary())
        print(multiprocessing.forkserver._forkserver._forkserver_pid)

    if __name__ == "__main__":
        main()
    """
)


def test_a_program_s_entry_point_runs_once_and_its_server_ends_with_it(
    tmp_path: Path, inbox: Path
) -> None:
    program, runs = tmp_path / "program.py", tmp_path / "runs.txt"
    program.write_text(PROGRAM, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        pipeline.WORKERS_VARIABLE: "2",
        "PROGRAM_RUNS": str(runs),
    }
    out = subprocess.run(
        [sys.executable, str(program), str(inbox), str(tmp_path / "home")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.splitlines()
    assert out[0] == f"forkserver {SUMMARY}"
    server = int(out[1])
    noted = [line.split() for line in runs.read_text().splitlines()]
    assert [pid for what, pid in noted if what == "main"] == [noted[0][1]]  # main ran once
    # Workers load it as `__mp_main__` (and skip `main`); the server never does.
    assert str(server) not in {pid for _what, pid in noted}
    # The server stops once the program has gone (its end of a pipe closes):
    # waited for, as it exits on its own schedule; never left running.
    deadline = time.monotonic() + 30
    while Path(f"/proc/{server}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{server}").exists() or "Z" in _state(server)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"

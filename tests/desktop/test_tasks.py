"""`TaskManager`: named lanes, latest request wins by key, progress, errors, shutdown."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from desktop.tasks import TaskManager


def _idle(qtbot: QtBot, tasks: TaskManager) -> None:
    assert tasks.wait(10)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10000)


def test_db_lane_runs_one_job_at_a_time_in_order(qtbot: QtBot) -> None:
    tasks = TaskManager()
    running, overlap, order = [0], [False], []
    lock = threading.Lock()

    def job(n: int) -> int:
        with lock:
            running[0] += 1
            overlap[0] |= running[0] > 1
        threading.Event().wait(0.01)
        with lock:
            running[0] -= 1
        return n

    for n in range(6):
        tasks.run(lambda n=n: job(n), order.append, lane="db")
    _idle(qtbot, tasks)
    assert order == list(range(6)) and not overlap[0]
    tasks.shutdown()


def test_compute_lane_does_not_wait_for_the_db_lane(qtbot: QtBot) -> None:
    tasks = TaskManager()
    release = threading.Event()
    names: list[str] = []
    tasks.run(lambda: release.wait(10), lane="db")  # a long write
    done: list[str] = []
    tasks.run(lambda: threading.current_thread().name, done.append, lane="compute")
    qtbot.waitUntil(lambda: bool(done), timeout=10000)  # while the write still runs
    names += done
    release.set()
    _idle(qtbot, tasks)
    assert names[0].startswith("parallax-compute")
    tasks.shutdown()


def test_a_newer_job_with_the_same_key_wins(qtbot: QtBot) -> None:
    tasks = TaskManager()
    started, release = threading.Event(), threading.Event()
    results: list[str] = []
    errors: list[BaseException] = []

    def old() -> str:
        started.set()
        release.wait(10)
        return "old"

    tasks.run(old, results.append, errors.append, lane="compute", key="k")
    assert started.wait(10)
    # Superseded at once, whether it is still queued (cancelled) or already runs.
    tasks.run(lambda: "queued", results.append, lane="compute", key="k")
    tasks.run(lambda: "new", results.append, lane="compute", key="k")
    tasks.run(lambda: "other key", results.append, lane="compute", key="other")
    qtbot.waitUntil(lambda: "new" in results, timeout=10000)
    release.set()
    _idle(qtbot, tasks)
    assert sorted(results) == ["new", "other key"]  # "old" ran but was dropped
    assert tasks.superseded == 2 and not errors
    tasks.shutdown()


def test_supersede_drops_a_result_without_a_new_job(qtbot: QtBot) -> None:
    tasks = TaskManager()
    release = threading.Event()
    results: list[int] = []
    tasks.run(lambda: release.wait(10) and 1, results.append, lane="compute", key="k")
    tasks.supersede("k")
    release.set()
    _idle(qtbot, tasks)
    assert results == [] and tasks.superseded == 1
    tasks.shutdown()


def test_errors_and_progress_reach_the_gui_thread_in_order(qtbot: QtBot) -> None:
    tasks = TaskManager()
    main = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []
    report = tasks.reporter(lambda done, total: seen.append(("progress", (done, total), True)))

    def job() -> None:
        for done in range(3):
            report(done, 3)
        raise ValueError("broken")

    def failed(exc: BaseException) -> None:
        seen.append(("error", str(exc), threading.get_ident() == main))

    tasks.run(job, on_error=failed, lane="db")
    _idle(qtbot, tasks)
    assert [s[1] for s in seen] == [(0, 3), (1, 3), (2, 3), "broken"]
    assert seen[-1][2]  # the error callback ran on the GUI thread
    tasks.shutdown()


def test_shutdown_waits_for_the_running_job_and_drops_the_rest(qtbot: QtBot) -> None:
    tasks = TaskManager()
    started, ran = threading.Event(), []
    delivered: list[str] = []

    def slow() -> str:
        started.set()
        threading.Event().wait(0.05)
        ran.append("slow")
        return "slow"

    tasks.run(slow, delivered.append, lane="db")
    tasks.run(lambda: ran.append("queued"), lane="db")
    assert started.wait(10)
    tasks.shutdown(wait=True)
    assert ran == ["slow"]  # finished, not killed; the queued one never started
    assert tasks.run(lambda: None) is None
    qtbot.wait(20)
    assert delivered == []  # no callback touches a window that is closing


def test_pending_says_whether_a_keyed_result_is_still_to_come(qtbot: QtBot) -> None:
    tasks = TaskManager()
    release = threading.Event()
    results: list[int] = []
    assert not tasks.pending("k")
    tasks.run(lambda: release.wait(10) and 1, results.append, lane="compute", key="k")
    assert tasks.pending("k")
    tasks.supersede("k")
    assert not tasks.pending("k")  # superseded: nothing will come
    tasks.run(lambda: 2, results.append, lane="compute", key="k")
    release.set()
    _idle(qtbot, tasks)
    assert results == [2] and not tasks.pending("k")  # delivered
    tasks.shutdown()

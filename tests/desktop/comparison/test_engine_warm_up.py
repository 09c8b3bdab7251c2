"""The engine loaded once per process: a comparison asked for during the warm-up waits for it.

When a pair was opened while the window's idle warm-up loaded the engine, the
comparison's job loaded it alongside on the compute lane's second thread: the
same imports and first-use tables built twice, both sharing the GIL with the
GUI thread.
"""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

import library.compare
from desktop.comparison import worker
from desktop.comparison.worker import ComparisonRunner, load_engine
from library.article import Article
from library.compare.model import Comparison

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_second_caller_waits_for_the_first_and_loads_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events: list[str] = []
    release = threading.Event()
    started = threading.Event()

    def slow_sample(_a: str, _b: str) -> None:
        events.append("load")
        started.set()
        release.wait(10)
        events.append("loaded")

    monkeypatch.setattr(worker, "_engine_loaded", False)
    monkeypatch.setattr(library.compare, "compare_texts", slow_sample)
    first = threading.Thread(target=load_engine)
    first.start()
    assert started.wait(10)

    entered = threading.Event()

    def second_caller() -> None:
        entered.set()
        load_engine()
        events.append("second returned")

    second = threading.Thread(target=second_caller)
    second.start()
    assert entered.wait(10)
    second.join(0.1)  # time enough to load alongside, were it not waiting
    assert events == ["load"]
    release.set()
    first.join(10)
    second.join(10)
    assert events == ["load", "loaded", "second returned"]
    load_engine()  # loaded: a later call does nothing
    assert events.count("load") == 1


def test_each_comparison_job_runs_before_compare_first_on_the_compute_lane(
    qtbot: QtBot,
) -> None:
    calls: list[tuple[str, str]] = []

    def before() -> None:
        calls.append(("before", threading.current_thread().name))

    def compare(a: Article, b: Article) -> Comparison:
        calls.append(("compare", threading.current_thread().name))
        return library.compare.compare_texts(a.body, b.body)

    runner = ComparisonRunner(compare=compare)
    runner.before_compare = before
    a = Article(title="Varnel", body="The Varnel bridge opened on Monday.")
    b = Article(title="Ostrava", body="On Monday the Varnel bridge opened.")
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.submit(a, b)
    assert [step for step, _ in calls] == ["before", "compare"]
    assert all(thread.startswith("parallax-compute") for _, thread in calls)
    assert runner.wait(30000)


def test_a_failed_warm_up_is_logged_and_leaves_the_comparison_to_run(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[str] = []

    def broken(_a: str, _b: str) -> None:
        calls.append("sample")
        raise RuntimeError("no model")

    monkeypatch.setattr(worker, "_engine_loaded", False)
    monkeypatch.setattr(library.compare, "compare_texts", broken)
    load_engine()  # no exception: each comparison reports its own errors
    load_engine()  # and the sample is not tried again before every comparison
    assert calls == ["sample"]
    assert "ahead of use failed" in caplog.text

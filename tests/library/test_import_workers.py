"""How many worker processes an import starts: idle cores as they are now."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import library.import_pipeline as pipeline


def test_idle_cores_are_read_from_the_tasks_runnable_now(monkeypatch: pytest.MonkeyPatch) -> None:
    # The 1-minute load average still counts a program that just ended (the
    # import before this one): what runs now decides.
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.delenv(pipeline.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(pipeline, "RUNNABLE_GAP_S", 0.0)
    monkeypatch.setattr(pipeline, "running_threads", lambda: 1)  # this test's thread
    monkeypatch.setattr(os, "getloadavg", lambda: (1.9, 1.5, 1.0))
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: 1)  # only this process
    assert pipeline.default_workers() == 2
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: 2)  # a core taken by another
    assert pipeline.default_workers() == 0
    samples = iter([1, 1, 3, 1, 1])  # a brief spike: the mean is what counts
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: next(samples))
    assert pipeline.busy_cores() == pytest.approx(0.4)


def test_this_process_s_own_running_threads_are_not_busy_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The window's GUI thread, drawing the import's progress, is not another program.
    monkeypatch.setattr(pipeline, "RUNNABLE_GAP_S", 0.0)
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: 3)
    monkeypatch.setattr(pipeline, "running_threads", lambda: 2)
    assert pipeline.busy_cores() == 1.0
    monkeypatch.setattr(pipeline, "running_threads", lambda: 4)  # the count moved meanwhile
    assert pipeline.busy_cores() == 0.0


def test_running_threads_reads_each_threads_state(tmp_path: Path) -> None:
    for task, state in [("11", "R"), ("12", "S"), ("13", "R"), ("14", "D")]:
        (tmp_path / task).mkdir()
        (tmp_path / task / "stat").write_text(f"{task} (a) b) {state} 1 2 3\n")
    (tmp_path / "15").mkdir()  # ended while being read: no stat
    assert pipeline.running_threads(str(tmp_path)) == 2
    assert pipeline.running_threads(str(tmp_path / "missing")) == 1
    assert pipeline.running_threads() >= 1


def test_runnable_tasks_reads_the_kernels_count(tmp_path: Path) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("0.52 0.58 0.59 3/345 6789\n")
    assert pipeline.runnable_tasks(str(loadavg)) == 3
    loadavg.write_text("garbled\n")
    assert pipeline.runnable_tasks(str(loadavg)) is None
    assert pipeline.runnable_tasks(str(tmp_path / "missing")) is None

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
    monkeypatch.setattr(os, "getloadavg", lambda: (1.9, 1.5, 1.0))
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: 1)  # only this process
    assert pipeline.default_workers() == 2
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: 2)  # a core taken by another
    assert pipeline.default_workers() == 0
    samples = iter([1, 1, 3, 1, 1])  # a brief spike: the mean is what counts
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: next(samples))
    assert pipeline.busy_cores() == pytest.approx(0.4)


def test_runnable_tasks_reads_the_kernels_count(tmp_path: Path) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("0.52 0.58 0.59 3/345 6789\n")
    assert pipeline.runnable_tasks(str(loadavg)) == 3
    loadavg.write_text("garbled\n")
    assert pipeline.runnable_tasks(str(loadavg)) is None
    assert pipeline.runnable_tasks(str(tmp_path / "missing")) is None

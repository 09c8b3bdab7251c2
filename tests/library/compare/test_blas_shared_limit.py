"""The BLAS limit is counted: overlapping comparisons leave BLAS as they found it.

Each comparison once set one thread and gave back the count it found; the
second of two overlapping ones found one, and leaving last kept BLAS at one
thread for the rest of the process.  The tests use their own `SharedLimit`
(or put one in place with monkeypatch): nothing outlives a test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

import pytest

from library.compare import blas_threads
from library.compare.blas_threads import SharedLimit

T = TypeVar("T")


class _FakeBlas:
    """A thread count that `limit` sets to one and whose undo restores what it found."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.sets = 0

    def limit(self) -> Callable[[], object]:
        found, self.threads = self.threads, 1
        self.sets += 1

        def undo() -> None:
            self.threads = found

        return undo


def _overlap(enter: Callable[[], AbstractContextManager[None]], read: Callable[[], T]) -> list[T]:
    """Thread A enters, then B; A leaves, then B.  What `read` sees with both
    inside, with B alone inside, and after both left."""
    seen: list[T] = []
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with enter():
            a_in.set()
            b_in.wait(5)
            seen.append(read())
        a_out.set()

    def second() -> None:
        a_in.wait(5)
        with enter():
            b_in.set()
            a_out.wait(5)
            seen.append(read())  # A has left, B is still inside

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    seen.append(read())
    return seen


def test_overlapping_holders_set_the_limit_once_and_give_the_count_back() -> None:
    blas = _FakeBlas(threads=4)
    shared = SharedLimit(blas.limit)
    assert _overlap(shared.held, lambda: blas.threads) == [1, 1, 4]
    assert blas.sets == 1 and shared.holders == 0


def test_one_thread_is_counted_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    blas = _FakeBlas(threads=2)
    monkeypatch.setattr(blas_threads, "BLAS", SharedLimit(blas.limit))
    assert _overlap(blas_threads.one_thread, lambda: blas.threads) == [1, 1, 2]


def test_nested_holds_give_the_count_back_at_the_outermost() -> None:
    blas = _FakeBlas(threads=3)
    shared = SharedLimit(blas.limit)
    with shared.held():
        with shared.held():
            assert blas.threads == 1
        assert blas.threads == 1 and shared.holders == 1
    assert blas.threads == 3 and blas.sets == 1


def test_a_limiter_that_fails_leaves_no_holder_behind() -> None:
    blas = _FakeBlas(threads=2)
    failures = iter([RuntimeError("no BLAS info")])

    def limit() -> Callable[[], object]:
        error = next(failures, None)
        if error is not None:
            raise error
        return blas.limit()

    shared = SharedLimit(limit)
    with pytest.raises(RuntimeError), shared.held():
        pass
    assert shared.holders == 0
    with shared.held():  # the next comparison sets it
        assert blas.threads == 1
    assert blas.threads == 2

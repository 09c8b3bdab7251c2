"""A comparison runs its matrix products on one BLAS thread, and gives the count back after."""

from __future__ import annotations

from typing import Any

import pytest

threadpoolctl = pytest.importorskip("threadpoolctl")

from library.compare import compare_texts  # noqa: E402
from library.compare.similarity import LexicalBackend  # noqa: E402

A = "The Dunmore council approved 41 new homes on Tuesday. Mayor Ines Marlow said it starts in May."
B = "The Dunmore council approved 44 new homes on Tuesday. Work starts in June, Ines Marlow said."


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


class _Watching(LexicalBackend):
    """The lexical backend, noting the BLAS thread counts while it scores."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[list[int]] = []

    def scores(self, *args: Any, **kwargs: Any) -> Any:
        self.seen.append(_blas_threads())
        return super().scores(*args, **kwargs)


def test_scoring_sees_one_thread_and_the_caller_keeps_its_count() -> None:
    if not _blas_threads():
        pytest.skip("no BLAS library loaded")
    backend = _Watching()
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        outside = _blas_threads()
        result = compare_texts(A, B, backend=backend)
        assert _blas_threads() == outside  # given back
    assert backend.seen and all(counts == [1] * len(counts) for counts in backend.seen)
    assert result.pairs  # the comparison itself ran

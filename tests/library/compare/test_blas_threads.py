"""A comparison runs its matrix products on one BLAS thread, and gives the count back after.

Checked in a fresh interpreter: OpenBLAS's thread count is the process's, and
after other tests' comparisons on worker threads this OpenBLAS build ignored
counts set on the main thread (seen in the full suite, not in this file alone:
even a direct `openblas_set_num_threads` had no effect).  In-process on main
the test passed because the count was already one when it ran.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import python_output

threadpoolctl = pytest.importorskip("threadpoolctl")

A = "The Dunmore council approved 41 new homes on Tuesday. Mayor Ines Marlow said it starts in May."
B = "The Dunmore council approved 44 new homes on Tuesday. Work starts in June, Ines Marlow said."

CODE = """
import json, sys
import numpy, threadpoolctl
from library.compare import compare_texts
from library.compare.similarity import LexicalBackend

def blas_threads():
    info = threadpoolctl.threadpool_info()
    return [i["num_threads"] for i in info if i["user_api"] == "blas"]

class Watching(LexicalBackend):
    seen = []

    def scores(self, *args, **kwargs):
        self.seen.append(blas_threads())
        return super().scores(*args, **kwargs)

with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
    outside = blas_threads()
    result = compare_texts(sys.argv[1], sys.argv[2], backend=Watching())
    after = blas_threads()
print(json.dumps({"outside": outside, "after": after, "seen": Watching.seen,
                  "pairs": len(result.pairs)}))
"""


def test_scoring_sees_one_thread_and_the_caller_keeps_its_count() -> None:
    found = json.loads(python_output(CODE, A, B).strip().splitlines()[-1])
    if not found["outside"]:
        pytest.skip("no BLAS library loaded")
    assert found["after"] == found["outside"]  # given back
    seen = found["seen"]
    assert seen and all(counts == [1] * len(counts) for counts in seen)
    assert found["pairs"]  # the comparison itself ran

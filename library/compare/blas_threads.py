"""One BLAS thread for a comparison's matrix products.

A comparison's products are small (units x 512 vectors, units x units scores):
a second OpenBLAS thread saves nothing on them, but after each call it spins
waiting for the next one, and on a 2-core machine that spinning took the core
the window and the other jobs need (a warm 1k-word comparison spent ~1.9x its
wall time in CPU).  The encoder already runs on one thread
(`embedding.UseEncoder`); `one_thread()` holds the rest of the comparison to
one as well.  The products' results do not depend on the thread count (each
output element is summed by one thread either way): `benchmarks/digest_compare.py`
shows the comparisons unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

# The thread count is the process's, not a thread's: comparisons running at once
# (the window's compute lane, the coverage ranking) share one limit, set by the
# first to enter and given back by the last to leave.  A limit each noted the
# count to give back when it began, so the second noted 1 and left BLAS on one
# thread for good.
_lock = threading.Lock()
_inside = 0  # `one_thread` blocks open, in every thread
_limit: Any = None  # threadpoolctl's limiter while any is open


@lru_cache(maxsize=1)
def _controller() -> Any:
    """threadpoolctl's view of the loaded BLAS libraries (scanned once: ~3 ms), or None."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # a dependency, but the comparison must not need it to run
        return None
    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """Inside: BLAS uses one thread; outside, its own count again (nesting and
    threads overlapping are fine: the count is given back when the last leaves)."""
    global _inside, _limit
    controller = _controller()
    if controller is None:
        yield
        return
    with _lock:
        if _inside == 0:
            _limit = controller.limit(limits=1, user_api="blas")
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                _limit.restore_original_limits()
                _limit = None

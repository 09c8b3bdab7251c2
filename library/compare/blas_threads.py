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

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import lru_cache
from typing import Any


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
    """Inside: BLAS uses one thread; outside, its own count again (nesting is fine)."""
    controller = _controller()
    limit = nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")
    with limit:
        yield

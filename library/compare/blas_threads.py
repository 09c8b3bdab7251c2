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

BLAS's thread count is the process's, not a thread's: two comparisons running
at once (the window's two compute threads) share it.  Each once set it to one
and gave back what it found: the second found one, and if it left last, one
stayed for the rest of the process.  So the limit is counted (`SharedLimit`):
the first comparison in sets it, the last one out gives the count back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any

#: Sets the limit; returns what gives the count back (None: nothing to give back).
Limiter = Callable[[], Callable[[], object] | None]


@lru_cache(maxsize=1)
def _controller() -> Any:
    """threadpoolctl's view of the loaded BLAS libraries (scanned once: ~3 ms), or None."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # a dependency, but the comparison must not need it to run
        return None
    return ThreadpoolController()


def _limit_blas() -> Callable[[], object] | None:
    controller = _controller()
    if controller is None:
        return None
    limiter = controller.limit(limits=1, user_api="blas")
    return limiter.restore_original_limits


class SharedLimit:
    """A process-wide limit held by any number of threads (and nested holds) at once.

    Args:
        limiter: sets the limit, returning what undoes it; called by the
            first holder in, its undo by the last one out.
    """

    def __init__(self, limiter: Limiter) -> None:
        self._limiter = limiter
        self._lock = threading.Lock()
        self._holders = 0
        self._undo: Callable[[], object] | None = None

    @property
    def holders(self) -> int:
        """How many holds are open (tests read it)."""
        return self._holders

    @contextmanager
    def held(self) -> Iterator[None]:
        """Inside: the limit is set; it is undone once every holder has left."""
        with self._lock:
            if self._holders == 0:
                # Under the lock: a second holder must not run before it is set.
                self._undo = self._limiter()
            self._holders += 1
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders == 0:
                undo, self._undo = self._undo, None
                if undo is not None:
                    undo()


#: The BLAS limit every comparison shares.
BLAS = SharedLimit(_limit_blas)


def one_thread() -> AbstractContextManager[None]:
    """Inside: BLAS uses one thread; its own count again once every thread inside has left."""
    return BLAS.held()

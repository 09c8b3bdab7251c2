"""What the threads were doing while the GUI thread's timer was late.

A watchdog thread samples every thread's stack (`sys._current_frames()`)
every ~10 ms.  When the GUI thread's tick comes late, `report(start, end)`
prints the samples taken in that gap: the GUI thread's stack and the
workers'.  A gap between samples much longer than 10 ms means the watchdog
itself could not get the GIL: a thread held it in one long C call (an
extension module's initialisation, unmarshalling a large .pyc, a regex
compiled in C…).  Used by `comparison_open.py --watch`.
"""

from __future__ import annotations

import faulthandler
import sys
import threading
import time
from collections import deque
from itertools import pairwise
from types import FrameType
from typing import TextIO

SAMPLE_S = 0.010
#: Frames of these files are Python's import machinery: shown as "import".
_IMPORT_FILES = ("<frozen importlib._bootstrap>", "<frozen importlib._bootstrap_external>")


def _where(frame: FrameType) -> str:
    code = frame.f_code
    name = code.co_filename
    for root in ("/library/", "/desktop/", "/site-packages/", "/lib/python3"):
        if root in name:
            name = name[name.index(root) + 1 :]
            break
    return f"{code.co_name}@{name}:{frame.f_lineno}"


def summarise(frame: FrameType | None, depth: int = 4) -> str:
    """The innermost frames of a stack, innermost first; the module being imported, if any."""
    parts: list[str] = []
    importing: list[str] = []
    while frame is not None:
        if frame.f_code.co_filename in _IMPORT_FILES:
            if frame.f_code.co_name == "_find_and_load":
                mod = frame.f_locals.get("name")
                if isinstance(mod, str):
                    importing.append(mod)
        elif len(parts) < depth:
            parts.append(_where(frame))
        frame = frame.f_back
    text = " < ".join(parts)
    if importing:  # the innermost module first
        text += f"  [importing {' < '.join(importing[:3])}]"
    return text


class Watchdog:
    """Samples every thread's stack every ~10 ms in a daemon thread."""

    def __init__(self, keep: int = 3000) -> None:
        self.gui = threading.main_thread().ident
        self.samples: deque[tuple[float, dict[str, str]]] = deque(maxlen=keep)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="watchdog", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.is_set():
            time.sleep(SAMPLE_S)
            now = time.perf_counter()
            names = {t.ident: t.name for t in threading.enumerate()}
            stacks: dict[str, str] = {}
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                name = "GUI" if ident == self.gui else names.get(ident, str(ident))
                if name != "GUI" and not name.startswith("parallax"):
                    continue
                text = summarise(frame, 10 if ident == self.gui else 4)
                if name != "GUI" and ("_worker@" in text.split(" < ")[0] or not text):
                    continue  # an idle pool thread waiting for work
                stacks[name] = text
            self.samples.append((now, stacks))

    def report(self, start: float, end: float, limit: int = 14) -> None:
        """Print the samples taken between `start` and `end` (perf_counter seconds)."""
        taken = [(t, s) for t, s in list(self.samples) if start <= t <= end]
        times = [start] + [t for t, _ in taken] + [end]
        longest = max((b - a for a, b in pairwise(times)), default=0.0)
        print(
            f"  late by {(end - start) * 1000:.0f} ms: {len(taken)} samples, "
            f"longest gap between samples {longest * 1000:.0f} ms",
            flush=True,
        )
        step = max(1, len(taken) // limit)
        for t, stacks in taken[::step]:
            print(f"    +{(t - start) * 1000:4.0f} ms", flush=True)
            for name, text in sorted(stacks.items()):
                print(f"      {name}: {text}", flush=True)


class StallDumper:
    """Every thread's stack once the GUI thread has not ticked for `after_ms`, without the GIL.

    `faulthandler`'s watchdog is a C thread: it dumps the stacks even while
    one thread holds the GIL in a long C call (when `Watchdog` cannot sample).
    `tick()` re-arms it; a dump therefore means the GUI thread's timer has
    been late by `after_ms` at least.  The dump goes to `out` (a file).
    """

    def __init__(self, after_ms: int, out: TextIO) -> None:
        self.after_s = after_ms / 1000
        self.out = out

    def tick(self) -> None:
        faulthandler.dump_traceback_later(self.after_s, file=self.out)

    def stop(self) -> None:
        faulthandler.cancel_dump_traceback_later()

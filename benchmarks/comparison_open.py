"""How long the GUI thread is blocked while the window opens a comparison.

Opens the real `MainWindow` (offscreen) on an existing library (e.g. the 10k
library `library_scale.py` builds), lets it settle, then opens comparisons of
article pairs one after the other.  A 5 ms `QTimer` on the GUI thread records
the gaps between its ticks: the longest gap is the longest time the window
could not repaint or take input.  For each comparison it prints the time from
`open_comparison()` to `comparison_settled` (painted) and the longest gap.

Usage (from the root of the code to measure, so imports resolve to it):
    python benchmarks/comparison_open.py LIBRARY_DIR [--pairs 1-2,3-4,5-6]

LIBRARY_DIR is copied to a temporary folder first: nothing is written to it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.getcwd())

TICK_MS = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--pairs", default="1-2,3-4,5-6")
    parser.add_argument("--backend", default="lexical", choices=("lexical", "semantic"))
    parser.add_argument(
        "--settle",
        type=int,
        default=3000,
        help="ms to wait after start-up before the first comparison (the window makes the "
        "comparison page and loads the engine while it idles; 0: compare at once)",
    )
    parser.add_argument(
        "--watch",
        type=int,
        default=0,
        help="print every thread's stack during each GUI-thread gap longer than this many ms "
        "(0: off; see gui_watchdog.py)",
    )
    parser.add_argument(
        "--dump",
        type=int,
        default=0,
        help="dump every thread's stack to stderr (faulthandler, no GIL needed) whenever the "
        "GUI thread's timer is this many ms late (0: off)",
    )
    parser.add_argument(
        "--during-warm-up",
        type=int,
        default=None,
        metavar="MS",
        help="after the settle time, wait for the idle engine warm-up to start, then MS more "
        "before the first comparison (a pair opened while the engine loads)",
    )
    args = parser.parse_args()
    pairs = [tuple(int(i) for i in p.split("-")) for p in args.pairs.split(",")]

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from library.collection import Collection

    app = QApplication([sys.argv[0]])
    work = Path(tempfile.mkdtemp(prefix="parallax-open-"))
    home = work / "home"
    shutil.copytree(args.library, home)
    started = time.perf_counter()
    collection = Collection(home, seed=False)
    settings = Settings(home)
    settings.set_compare_backend(args.backend)
    window = MainWindow(collection, settings)
    window.resize(1440, 900)
    window.show()
    print(f"window built and shown: {time.perf_counter() - started:.2f} s", flush=True)

    gaps: list[float] = []
    # The GUI thread's own CPU in each gap: on a loaded machine most of a gap is
    # waiting for a core (or for the GIL), which this tells apart.
    gui_cpu: list[float] = []
    last = [time.perf_counter()]
    last_cpu = [time.thread_time()]
    watchdog = dumper = None
    if args.dump:
        from gui_watchdog import StallDumper

        dumper = StallDumper(args.dump, sys.stderr)
    if args.watch:
        from gui_watchdog import Watchdog

        watchdog = Watchdog()
        watchdog.start()

    def tick() -> None:
        now = time.perf_counter()
        gap = (now - last[0]) * 1000 - TICK_MS
        gaps.append(gap)
        cpu = time.thread_time()
        gui_cpu.append((cpu - last_cpu[0]) * 1000)
        last_cpu[0] = cpu
        if dumper is not None:
            dumper.tick()
        if watchdog is not None and gap > args.watch:
            watchdog.report(last[0], now)
        last[0] = now

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    # Start-up work settles: coverage ranking of the first row, the comparison
    # page made a second later, then the engine and fonts loaded while idle.
    wait(args.settle)
    if args.during_warm_up is not None:
        for _ in range(3000):  # 15 s at most
            worker = sys.modules.get("desktop.comparison.worker")
            if worker is not None and (worker._engine_lock.locked() or worker._engine_loaded):
                break
            wait(5)
        wait(args.during_warm_up)
    print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    for id_a, id_b in pairs:
        a, b = collection.library.current(id_a), collection.library.current(id_b)
        # Whether the engine is still to load as the pair opens (the idle warm-up's
        # job); not imported here: the GUI thread would wait on a worker's import.
        worker = sys.modules.get("desktop.comparison.worker")
        warming = "" if getattr(worker, "_engine_loaded", False) else " [engine not loaded yet]"
        loop = QEventLoop()
        window.comparison_settled.connect(loop.quit)
        gaps.clear()
        gui_cpu.clear()
        last[0] = t0 = time.perf_counter()
        last_cpu[0] = time.thread_time()
        cpu0 = time.process_time()
        window.open_comparison(a, b)
        loop.exec()
        painted = time.perf_counter() - t0
        cpu_painted = time.process_time() - cpu0
        wait(200)  # what follows the paint (geometry, marks) counts too
        window.comparison_settled.disconnect(loop.quit)
        worst = max(gaps, default=0.0)
        slow = sum(1 for g in gaps if g > 100)
        own = max(gui_cpu, default=0.0)
        print(
            f"#{id_a} vs #{id_b}: painted in {painted * 1000:.0f} ms; GUI thread blocked at "
            f"most {worst:.0f} ms ({slow} gaps > 100 ms); CPU to painted (all threads) "
            f"{cpu_painted * 1000:.0f} ms; GUI thread's CPU in a gap at most {own:.0f} ms"
            f"{warming}",
            flush=True,
        )
        window.show_library()
    timer.stop()
    if watchdog is not None:
        watchdog.stop()
    if dumper is not None:
        dumper.stop()
    window.close()
    collection.close()
    shutil.rmtree(work, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

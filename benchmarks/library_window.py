"""Window benchmark on a large library: start-up to first paint, and filter-as-you-type.

Runs on a data dir built by `library_scale.py --work DIR` (`DIR/home-10000`),
each measure in a fresh process, against a baseline measured in the same run:

- start-up: process spawn to the window's first paint (`desktop.app.run_app`
  with `PARALLAX_EXIT_AFTER_PAINT`), and to the first paint of the library
  table with its rows in (`=rows`; the rows are listed on the task thread);
  baseline: a bare `QMainWindow` + `QTableView` over a plain table model of
  the same listing columns of every current article, read with sqlite3;
- filter: in one process, the window open on the library, the filter text
  set and applied (as when the 150 ms debounce fires): how long the call
  blocks the GUI thread, the longest the event loop stalls until the results
  are in (a 1 ms timer's largest gap; on a loaded machine this counts time
  the thread waited for a CPU, so the GUI thread's own CPU time in its
  longest event-processing spell is printed too), and the time until
  `filter_applied`;
  baseline: a count-only FTS5 query of the same word.

Each start-up also reports the child's CPU seconds until its first paint
(all threads, `time.process_time()` printed with the paint): a machine
shared with other work stretches the wall clock far more than the CPU time.
A checkout that does not print it shows nan.

`--bytecode` lets the children cache compiled modules (in a temporary
`PYTHONPYCACHEPREFIX`, one warm-up run first), as an installed Parallax has
them; without it the environment decides (with `PYTHONDONTWRITEBYTECODE=1`
every start-up compiles every module of the window, the bare window's PySide6
being compiled already).

`--blocks` measures instead, in the window as `parallax` opens it, the
longest times the GUI thread was busy in the 3 s after the first paint (a
5 ms timer's lateness, as `comparison_open.py` does): the notes panel, the
comparison page and the first rows are built then.

`--before` runs a second checkout (e.g. a `git archive` of main) in the same
rounds, run by run after `--repo`, so both meet the same load.

`--repo` runs another checkout's code (e.g. `/work/main` for "before"): its
window may list synchronously, which the numbers then show as GUI-thread time.

Usage (from the worktree root):
    .venv/bin/python benchmarks/library_window.py --home /tmp/work/home-10000 [--runs 5]
        [--before /tmp/main-copy] [--no-filter] [--bytecode] [--blocks]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from child_report import report_line

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable

APP_CHILD = (
    "import sys; from desktop.app import run_app; "
    "raise SystemExit(run_app(data_dir=sys.argv[1], files=[]))"
)

# Also prints "split <phase>=<ms of CPU> ..." (read by `startup_split.py`).
BARE_CHILD = """
import time
marks = [("python", time.process_time())]
import sqlite3, sys
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
marks.append(("imports", time.process_time()))
app = QApplication([])
marks.append(("QApplication()", time.process_time()))
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT title, outlet, published, word_count, imported_at FROM articles "
                    "WHERE superseded_by IS NULL ORDER BY imported_at DESC, id DESC").fetchall()
marks.append(("rows", time.process_time()))
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return 0 if parent.isValid() else len(rows)
    def columnCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 5
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(rows[index.row()][index.column()] or "")
        return None
class Spy(QObject):
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, report)
        return False
def report():
    now = time.process_time()
    marks.append(("show+loop", now))
    starts = [0.0] + [t for _, t in marks[:-1]]
    times = [(name, (t - start) * 1000) for (name, t), start in zip(marks, starts)]
    print("split " + " ".join(f"{name}={ms:.2f}" for name, ms in times), flush=True)
    print(f"painted {time.time():.6f} {now:.6f}", flush=True)
    app.quit()
win = QMainWindow()
table = QTableView()
table.setModel(Model())
table.setSortingEnabled(True)
win.setCentralWidget(table)
win.resize(1200, 800)
spy = Spy()
win.installEventFilter(spy)
marks.append(("window", time.process_time()))
win.show()
app.exec()
"""

# The window as `parallax` opens it, with a 5 ms timer on the GUI thread from
# the first paint on: each tick's lateness is how long the thread was busy
# (a block the user feels as a freeze).  Prints the gaps of the first
# BLOCKS_S seconds after the first paint, each with when it ended and the GUI
# thread's CPU time in it (on a loaded machine a gap also counts time the
# thread waited for a core; its CPU time does not).
BLOCKS_CHILD = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
TICK_MS, SPAN_S = 5, float(sys.argv[2])
gaps, last, start = [], [0.0, 0.0], [0.0]
def tick():
    now, cpu = time.perf_counter(), time.thread_time()
    gaps.append((now - start[0], (now - last[0]) * 1000 - TICK_MS, (cpu - last[1]) * 1000))
    last[:] = [now, cpu]
    if now - start[0] > SPAN_S:
        timer.stop()
        print("gaps " + " ".join(f"{at:.3f}:{gap:.1f}:{c:.1f}" for at, gap, c in gaps), flush=True)
        app.exit(0)
timer = QTimer()
timer.setInterval(TICK_MS)
timer.timeout.connect(tick)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            app.removeEventFilter(self)
            start[0] = last[0] = time.perf_counter()
            last[1] = time.thread_time()
            timer.start()
        return False
spy = FirstPaint()
app.installEventFilter(spy)
from desktop.app import run_app
raise SystemExit(run_app(data_dir=sys.argv[1], files=[]))
"""
BLOCKS_S = 3.0

FILTER_CHILD = """
import sqlite3, statistics, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.collection import Collection
home, words, runs = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
collection = Collection(home, seed=False)
window = MainWindow(collection, Settings(collection.data_dir))
window.resize(1200, 800)
window.show()
view = window.library_view
busy = []  # GUI-thread CPU of each processEvents() call: load-independent
def spin_until(done, limit=60.0):
    end = time.perf_counter() + limit
    while not done() and time.perf_counter() < end:
        c = time.thread_time()
        app.processEvents()
        busy.append(time.thread_time() - c)
        time.sleep(0.0005)
loading = lambda: getattr(view.model, "loading", False)
spin_until(lambda: not loading())
conn = sqlite3.connect(collection.library.path)
for word in words:
    blocks, stalls, results, bare, cpus = [], [], [], [], []
    for i in range(runs):
        for text in ("", word):  # from the whole list to the filtered one, each run
            landed = []
            view.filter_applied.connect(lambda n: landed.append((time.perf_counter(), n)))
            ticks = [time.perf_counter()]
            timer = QTimer(); timer.setInterval(1); timer.timeout.connect(
                lambda: ticks.append(time.perf_counter()))
            timer.start()
            view.filter_edit.setText(text)
            busy.clear()
            t = time.perf_counter()
            c = time.thread_time()
            view.apply_filter()
            block = time.perf_counter() - t
            busy.append(time.thread_time() - c)
            ticks.append(time.perf_counter())
            spin_until(lambda: landed and not loading())
            timer.stop()
            ticks.append(time.perf_counter())
            view.filter_applied.disconnect()
            if text:
                blocks.append(block)
                stalls.append(max(b - a for a, b in zip(ticks, ticks[1:])))
                cpus.append(max(busy))
                results.append(landed[-1][0] - t)
                count = landed[-1][1]
        t = time.perf_counter()
        conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                     [word]).fetchone()
        bare.append(time.perf_counter() - t)
    med = statistics.median
    print(word, count, med(blocks), max(stalls), med(results), med(bare), max(cpus), flush=True)
window.close()
collection.close()
"""


def painted(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from spawning `cmd` to the "painted <time> <cpu>" line it prints.

    The child's CPU seconds until then (all its threads; on a loaded machine
    less noisy than the wall clock) go to `CPU_SPENT`.
    """
    start = time.time()
    fields = report_line(cmd, "painted ", cwd=cwd, env=env).split()
    CPU_SPENT.append(float(fields[2]) if len(fields) > 2 else float("nan"))
    return float(fields[1]) - start


#: CPU seconds of each `painted` child, in order (nan: a checkout that does not print it).
CPU_SPENT: list[float] = []


def blocks(repo: Path, env: dict[str, str], home: Path) -> list[tuple[float, float, float]]:
    """(seconds after the first paint, ms late, ms of GUI-thread CPU) of each 5 ms tick."""
    cmd = [PY, "-c", BLOCKS_CHILD, str(home), str(BLOCKS_S)]
    gaps = report_line(cmd, "gaps ", cwd=repo, env=env)
    triples = (item.split(":") for item in gaps.split()[1:])
    return [(float(at), float(gap), float(cpu)) for at, gap, cpu in triples]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a Parallax data dir")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose code runs")
    parser.add_argument(
        "--before", type=Path, help="also this checkout, interleaved run by run with --repo"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", default="the,harbour", help="filter words, comma-separated")
    parser.add_argument(
        "--bytecode", action="store_true", help="cache compiled modules, as an install does"
    )
    parser.add_argument("--no-filter", action="store_true", help="measure start-up only")
    parser.add_argument(
        "--blocks",
        action="store_true",
        help=f"instead: the longest GUI-thread blocks in the {BLOCKS_S:.0f} s after first paint",
    )
    args = parser.parse_args()
    repos = {"after" if args.before else "code": args.repo}
    if args.before:
        repos["before"] = args.before
    envs = {
        name: dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(repo))
        for name, repo in repos.items()
    }
    if args.bytecode:
        for name, env in envs.items():
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache = tempfile.mkdtemp(prefix=f"parallax-pyc-{name}-")
            atexit.register(shutil.rmtree, cache, True)
    db = args.home / "library.db"
    med = statistics.median

    def startup(name: str, mode: str) -> float:
        e = dict(envs[name], PARALLAX_EXIT_AFTER_PAINT=mode)
        return painted([PY, "-c", APP_CHILD, str(args.home)], e, repos[name])

    print(
        f"code: {' vs '.join(f'{n} {r}' for n, r in repos.items())} | library: {args.home} | "
        f"runs: {args.runs} (interleaved) | bytecode cached: {args.bytecode} | "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    if args.bytecode:  # fill the caches
        for name in repos:
            painted([PY, "-c", BARE_CHILD, str(db)], envs[name], repos[name])
            startup(name, "1")
            if args.blocks:  # and what loads after the first paint
                blocks(repos[name], envs[name], args.home)
    if args.blocks:
        for run in range(args.runs):
            for name in repos:
                gaps = blocks(repos[name], envs[name], args.home)
                worst = sorted(gaps, key=lambda g: -g[1])[:3]
                print(
                    f"{name} run {run + 1}: longest GUI-thread blocks in the {BLOCKS_S:.0f} s "
                    "after first paint: "
                    + ", ".join(
                        f"{gap:.0f} ms ({cpu:.0f} ms CPU, ending at +{at:.2f} s)"
                        for at, gap, cpu in worst
                    )
                    + f" | {sum(1 for g in gaps if g[1] > 50)} over 50 ms",
                    flush=True,
                )
        return 0
    bare: list[float] = []
    bare_cpu: list[float] = []
    times: dict[str, dict[str, list[float]]] = {n: {"1": [], "rows": []} for n in repos}
    cpus: dict[str, dict[str, list[float]]] = {n: {"1": [], "rows": []} for n in repos}
    first_repo = next(iter(repos))
    for _ in range(args.runs):
        bare.append(painted([PY, "-c", BARE_CHILD, str(db)], envs[first_repo], repos[first_repo]))
        bare_cpu.append(CPU_SPENT[-1])
        for name in repos:
            for mode in ("1", "rows"):
                times[name][mode].append(startup(name, mode))
                cpus[name][mode].append(CPU_SPENT[-1])
    base, base_cpu = med(bare), med(bare_cpu)
    for name in repos:
        first, rows = med(times[name]["1"]), med(times[name]["rows"])
        print(
            f"{name}: start-up to first paint: {first:.2f} s ({first / base:.2f}x) | "
            f"to rows painted: {rows:.2f} s ({rows / base:.2f}x) | bare QMainWindow + "
            f"QTableView of every row: {base:.2f} s",
            flush=True,
        )
        first, rows = med(cpus[name]["1"]), med(cpus[name]["rows"])
        print(
            f"{name}: CPU seconds to first paint: {first:.3f} ({first / base_cpu:.2f}x) | "
            f"to rows painted: {rows:.3f} ({rows / base_cpu:.2f}x) | bare: {base_cpu:.3f}",
            flush=True,
        )
    env = envs[first_repo]
    if args.no_filter:
        return 0
    out = subprocess.run(
        [PY, "-c", FILTER_CHILD, str(args.home), args.words, str(args.runs)],
        cwd=args.repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    ).stdout
    for line in out.splitlines():
        word, count, block, stall, result, fts, cpu = line.split()
        print(
            f"filter {word!r} ({count} matches): GUI thread blocked {float(block) * 1e3:.1f} ms "
            f"by the call, longest stall {float(stall) * 1e3:.1f} ms (its longest busy spell: "
            f"{float(cpu) * 1e3:.1f} ms of CPU), results in "
            f"{float(result) * 1e3:.0f} ms | count-only FTS5 query {float(fts) * 1e3:.1f} ms",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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

`--bytecode` lets the children cache compiled modules (in a temporary
`PYTHONPYCACHEPREFIX`, one warm-up run first), as an installed Parallax has
them; without it the environment decides (with `PYTHONDONTWRITEBYTECODE=1`
every start-up compiles every module of the window, the bare window's PySide6
being compiled already).

`--repo` runs another checkout's code (e.g. `/work/main` for "before"): its
window may list synchronously, which the numbers then show as GUI-thread time.

Usage (from the worktree root):
    .venv/bin/python benchmarks/library_window.py --home /tmp/work/home-10000 [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable

APP_CHILD = (
    "import sys; from desktop.app import run_app; "
    "raise SystemExit(run_app(data_dir=sys.argv[1], files=[]))"
)

BARE_CHILD = """
import sqlite3, sys, time
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT title, outlet, published, word_count, imported_at FROM articles "
                    "WHERE superseded_by IS NULL ORDER BY imported_at DESC, id DESC").fetchall()
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
            QTimer.singleShot(0, lambda: (print(f"painted {time.time():.6f}", flush=True),
                                          app.quit()))
        return False
win = QMainWindow()
table = QTableView()
table.setModel(Model())
table.setSortingEnabled(True)
win.setCentralWidget(table)
win.resize(1200, 800)
spy = Spy()
win.installEventFilter(spy)
win.show()
app.exec()
"""

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
    """Seconds from spawning `cmd` to the "painted <time>" line it prints."""
    start = time.time()
    result = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("painted ")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"run failed ({result.returncode}):\n{result.stderr}")
    return float(lines[0].split()[1]) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a Parallax data dir")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose code runs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", default="the,harbour", help="filter words, comma-separated")
    parser.add_argument(
        "--bytecode", action="store_true", help="cache compiled modules, as an install does"
    )
    parser.add_argument("--no-filter", action="store_true", help="measure start-up only")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(args.repo))
    if args.bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="parallax-pyc-")
    db = args.home / "library.db"
    med = statistics.median

    def startup(mode: str) -> float:
        e = dict(env, PARALLAX_EXIT_AFTER_PAINT=mode)
        return med(
            painted([PY, "-c", APP_CHILD, str(args.home)], e, args.repo) for _ in range(args.runs)
        )

    print(
        f"code: {args.repo} | library: {args.home} | runs: {args.runs} | "
        f"bytecode cached: {args.bytecode}",
        flush=True,
    )
    if args.bytecode:  # fill the cache
        painted([PY, "-c", BARE_CHILD, str(db)], env, args.repo)
        painted(
            [PY, "-c", APP_CHILD, str(args.home)],
            dict(env, PARALLAX_EXIT_AFTER_PAINT="1"),
            args.repo,
        )
    bare = med(painted([PY, "-c", BARE_CHILD, str(db)], env, args.repo) for _ in range(args.runs))
    first = startup("1")
    rows = startup("rows")
    print(
        f"start-up to first paint: {first:.2f} s ({first / bare:.1f}x) | to rows painted: "
        f"{rows:.2f} s ({rows / bare:.1f}x) | bare QMainWindow + QTableView of every row: "
        f"{bare:.2f} s",
        flush=True,
    )
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

"""Where the window's start-up CPU goes, phase by phase, next to the bare window's.

Each run is a fresh process that prints the CPU time (`time.process_time()`,
all threads) of each phase up to the window's first paint; rounds are
interleaved (bare window, then each checkout), and the medians printed.  CPU
time is what a shared machine stretches least; the phases say which part of
the ratio to the bare window (issue #10's target) is ours.

The window's phases follow `desktop.app.run_app`: `python` (interpreter and
site, to the first line), `PySide` (importing QtCore and QtWidgets),
`ours` (the modules `run_app` imports, with `desktop.feature_scan` first
where the checkout has it), `QApplication()`, `apply_theme`, `setup` (to the
library's opening), `Collection()`, `resolve`, `MainWindow()`, and
`show+loop` (show, then the event loop to the first paint).  The bare
window (`library_window.BARE_CHILD`, a `QMainWindow` and a `QTableView` over
the same rows read with sqlite3): `python`, `imports`, `QApplication()`,
`rows`, `window`, `show+loop`.

Usage (from the worktree root):
    .venv/bin/python benchmarks/startup_split.py --home HOME [--runs 7] [--before DIR]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from child_report import report_line
from library_window import BARE_CHILD

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable

# `run_app` with its phases timed by wrapping what it calls (nothing changed).
SPLIT_CHILD = """
import os, sys, time
marks = [("python", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
import PySide6.QtCore, PySide6.QtWidgets
mark("PySide")
try:
    from desktop.feature_scan import enter_known_modules
    enter_known_modules()
except ImportError:  # a checkout without it
    pass
import desktop.main_window, desktop.settings, desktop.text, desktop.theme
import library.collection, library.errors
mark("ours")
import desktop.app as app_module
theme_applied = desktop.theme.apply_theme
def apply_theme(app):
    mark("QApplication()")
    theme_applied(app)
    mark("apply_theme")
desktop.theme.apply_theme = apply_theme
collection_class = library.collection.Collection
def collection(*args, **kwargs):
    mark("setup")
    opened = collection_class(*args, **kwargs)
    mark("Collection()")
    return opened
library.collection.Collection = collection
window_class = desktop.main_window.MainWindow
def window(*args, **kwargs):
    mark("resolve")
    made = window_class(*args, **kwargs)
    mark("MainWindow()")
    return made
desktop.main_window.MainWindow = window
os.environ["PARALLAX_EXIT_AFTER_PAINT"] = "1"
import builtins
print_ = builtins.print
def report(*args, **kwargs):
    if args and str(args[0]).startswith("painted "):
        mark("show+loop")
        starts = [0.0] + [t for _, t in marks[:-1]]
        times = [(n, (t - start) * 1000) for (n, t), start in zip(marks, starts)]
        print_("split " + " ".join(f"{n}={ms:.2f}" for n, ms in times), flush=True)
    return print_(*args, **kwargs)
builtins.print = report
raise SystemExit(app_module.run_app(data_dir=sys.argv[1], files=[]))
"""


def split(code: str, arg: str, env: dict[str, str], cwd: Path) -> dict[str, float]:
    """The phases' CPU milliseconds of one run of `code`."""
    line = report_line([PY, "-c", code, arg], "split ", cwd=cwd, env=env)
    phases = (item.rpartition("=") for item in line.split()[1:])
    return {name: float(ms) for name, _, ms in phases}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a Parallax data dir")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose code runs")
    parser.add_argument("--before", type=Path, help="also this checkout, in the same rounds")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    repos = {"after" if args.before else "code": args.repo}
    if args.before:
        repos["before"] = args.before
    envs = {}
    for name, repo in repos.items():  # bytecode cached, as an installed Parallax has it
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(repo))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache = tempfile.mkdtemp(prefix=f"parallax-pyc-{name}-")
        atexit.register(shutil.rmtree, cache, True)
        envs[name] = env
    first = next(iter(repos))
    runs = {
        "bare": lambda: split(BARE_CHILD, str(args.home / "library.db"), envs[first], REPO),
        **{
            name: (lambda name=name: split(SPLIT_CHILD, str(args.home), envs[name], repos[name]))
            for name in repos
        },
    }
    print(
        f"code: {' vs '.join(f'{n} {r}' for n, r in repos.items())} | library: {args.home} | "
        f"runs: {args.runs} (interleaved) | load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    for run in runs.values():  # fill the caches
        run()
    seen: dict[str, list[dict[str, float]]] = {name: [] for name in runs}
    for _ in range(args.runs):
        for name, run in runs.items():
            seen[name].append(run())
    bare_total = statistics.median(sum(r.values()) for r in seen["bare"])
    for name, results in seen.items():
        total = statistics.median(sum(r.values()) for r in results)
        phases = " | ".join(
            f"{phase} {statistics.median(r[phase] for r in results):.1f}" for phase in results[0]
        )
        print(
            f"{name}: CPU ms to first paint, median: {phases} | total {total:.1f} "
            f"({total / bare_total:.2f}x the bare window)",
            flush=True,
        )
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

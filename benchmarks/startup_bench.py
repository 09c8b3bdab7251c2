"""Start-up benchmark: process start to the first painted main window.

Runs `parallax`'s window code (`desktop.app.run_app`) in a fresh Python
process several times; the app, started with `PARALLAX_EXIT_AFTER_PAINT=1`,
prints the wall-clock time of its window's first paint event and quits. The
time counted runs from just before the process is spawned (so it includes
the interpreter, imports, opening the library and building the window).

Usage:
    .venv/bin/python benchmarks/startup_bench.py [--runs 7] [--platform offscreen|xcb]
        [--compare A B]
    .venv/bin/python benchmarks/startup_bench.py --cli-help [--runs 30] [--repo OTHER]

`--cli-help` times `parallax --help` against `python -c "import sqlite3, json,
argparse"` (issue #10's baseline), interleaved run by run, and with `--repo`
also another checkout's `parallax --help` in the same rounds.

`--platform xcb` uses $DISPLAY (start `Xvfb :99 &` and set DISPLAY=:99 on a
headless machine). The first, cold run (which seeds a new data dir) is
reported separately from the warm median. Results: benchmarks/RESULTS-desktop.md.
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

from child_report import report_line

REPO = Path(__file__).resolve().parents[1]
CHILD = (
    "import sys; from desktop.app import run_app; "
    "raise SystemExit(run_app(data_dir=sys.argv[1], files=sys.argv[2:]))"
)


def one_run(data_dir: Path, platform: str, files: list[str]) -> float:
    """Seconds from spawning the process to its first paint."""
    env = dict(os.environ, PARALLAX_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM=platform)
    start = time.time()
    cmd = [sys.executable, "-c", CHILD, str(data_dir), *files]
    painted = report_line(cmd, "painted ", cwd=REPO, env=env, timeout=60)
    return float(painted.split()[1]) - start


def _wall(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, capture_output=True, check=True, timeout=60)
    return time.perf_counter() - start


def cli_help(runs: int, other: Path | None) -> None:
    """Medians of `parallax --help` and the bare baseline, interleaved."""
    commands = {
        "parallax --help": ([sys.executable, "-m", "desktop.launch", "--help"], REPO),
        "python -c 'import sqlite3, json, argparse'": (
            [sys.executable, "-c", "import sqlite3, json, argparse"],
            REPO,
        ),
    }
    if other is not None:
        commands[f"parallax --help in {other}"] = (
            [sys.executable, "-m", "desktop.launch", "--help"],
            other,
        )
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, cwd) in commands.items():
            times[name].append(_wall(cmd, cwd))
    bare = statistics.median(times["python -c 'import sqlite3, json, argparse'"])
    print(f"runs={runs}, load average {os.getloadavg()[0]:.1f}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name}: median {median * 1e3:.0f} ms ({median / bare:.2f}x the baseline)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen", help="Qt platform plugin")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar="FILE",
        default=[],
        help="open straight into the comparison of two files",
    )
    parser.add_argument(
        "--cli-help", action="store_true", help="time `parallax --help` against its baseline"
    )
    parser.add_argument("--repo", type=Path, help="with --cli-help: also this checkout")
    args = parser.parse_args()
    if args.cli_help:
        cli_help(args.runs, args.repo)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "home"
        cold = one_run(data_dir, args.platform, args.compare)
        warm = [one_run(data_dir, args.platform, args.compare) for _ in range(args.runs)]
    print(f"platform={args.platform} compare={bool(args.compare)} runs={args.runs}")
    print(f"cold (new data dir, seeds samples): {cold * 1000:.0f} ms")
    print(
        f"warm median: {statistics.median(warm) * 1000:.0f} ms  "
        f"(min {min(warm) * 1000:.0f}, max {max(warm) * 1000:.0f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

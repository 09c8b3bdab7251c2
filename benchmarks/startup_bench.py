"""Start-up benchmark: process start to the first painted main window.

Runs `parallax`'s window code (`desktop.app.run_app`) in a fresh Python
process several times; the app, started with `PARALLAX_EXIT_AFTER_PAINT=1`,
prints the wall-clock time of its window's first paint event and quits. The
time counted runs from just before the process is spawned (so it includes
the interpreter, imports, opening the library and building the window).

Usage:
    .venv/bin/python benchmarks/startup_bench.py [--runs 7] [--platform offscreen|xcb]
        [--compare A B]

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

REPO = Path(__file__).resolve().parents[1]
CHILD = (
    "import sys; from desktop.app import run_app; "
    "raise SystemExit(run_app(data_dir=sys.argv[1], files=sys.argv[2:]))"
)


def one_run(data_dir: Path, platform: str, files: list[str]) -> float:
    """Seconds from spawning the process to its first paint."""
    env = dict(os.environ, PARALLAX_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM=platform)
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), *files],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    painted = [line for line in result.stdout.splitlines() if line.startswith("painted ")]
    if result.returncode != 0 or not painted:
        raise SystemExit(f"run failed ({result.returncode}):\n{result.stderr}")
    return float(painted[0].split()[1]) - start


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
    args = parser.parse_args()
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

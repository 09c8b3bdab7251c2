"""The window's part of `library_scale.py`: its targets measured on the library just built.

`library_scale.py` builds a 10k / 50k-article library and measures the core
against its baselines; the window's targets (start-up to first paint against a
bare QMainWindow + QTableView of the same rows, a filter keystroke against a
count-only FTS5 query, a comparison opened in the window) are measured by
`library_window.py` and `comparison_open.py`, each in its own process so the
window's Qt state never mixes with the core's runs.  This runs both on the
same library, in the same run, and prints their lines under one heading.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
#: Pairs of article ids opened one after the other (the first one cold).
PAIRS = "1-2,3-4,5-6"


def measure_window(home: Path, runs: int) -> None:
    """Print the window's ratios on the library in `home` (read, never written)."""
    print("\n-- the window on this library --", flush=True)
    _run(
        [
            str(BENCHMARKS / "library_window.py"),
            "--home",
            str(home),
            "--repo",
            str(REPO),
            "--runs",
            str(runs),
            "--bytecode",  # as an installed app runs
        ]
    )
    # comparison_open.py copies the library first and imports the code of its
    # working directory.
    _run([str(BENCHMARKS / "comparison_open.py"), str(home), "--pairs", PAIRS])


def _run(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, *argv], cwd=REPO, capture_output=True, text=True, check=False
    )
    for line in done.stdout.splitlines():
        print(f"  {line}", flush=True)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        print(f"  {Path(argv[0]).name} failed (exit {done.returncode}): {' | '.join(tail)}")


if __name__ == "__main__":
    # By hand, on a library built earlier: scale_window.py DATA_DIR [RUNS]
    measure_window(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3)

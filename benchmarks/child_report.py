"""The report line a benchmark's child process prints, for the start-up and window benchmarks.

Each measure runs in a fresh process (a new interpreter, as a user's start-up
is) that prints one line starting with a tag (`painted `, `split `, `gaps `);
a run that fails or prints no such line stops the benchmark with the child's
stderr, rather than timing an error.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def report_line(
    cmd: list[str], tag: str, *, cwd: Path, env: dict[str, str], timeout: float = 300
) -> str:
    """The first line of `cmd`'s output that starts with `tag`; it must run to a clean exit."""
    result = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith(tag)]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"run failed ({result.returncode}):\n{result.stderr}")
    return lines[0]

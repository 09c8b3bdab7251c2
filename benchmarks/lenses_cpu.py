"""CPU of the lenses on a 10,000-word comparison, and of the Voices lens alone.

    PYTHONPATH=. .venv/bin/python benchmarks/lenses_cpu.py

`compare_speed.make_pair(10000, sample_sentences())` compared six times; the
lenses (`build_lenses`) and `voices.build` timed in process CPU on each, best of
the last five.  Run from another checkout (a `git archive` of main) for the
"before" number, interleaved with this one: the machine's load moves both.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_speed import make_pair, sample_sentences

from library.compare import compare_texts
from library.compare.lenses import voices

RUNS = 6


def main() -> None:
    engine = importlib.import_module("library.compare.engine")
    build = engine.build_lenses
    lenses: list[float] = []
    voice: list[float] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        out = build(*args, **kwargs)
        lenses.append(time.process_time() - start)
        start = time.process_time()
        voices.build(args[0], args[1], args[3])
        voice.append(time.process_time() - start)
        return out

    engine.build_lenses = timed
    a, b = make_pair(10000, sample_sentences())
    for _ in range(RUNS):
        compare_texts(a, b)
    print(f"lenses {min(lenses[1:]):.3f} s  voices {min(voice[1:]):.3f} s CPU (best of {RUNS - 1})")


if __name__ == "__main__":
    main()

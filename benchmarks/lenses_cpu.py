"""CPU of the lenses on a 10,000-word comparison, and of the Voices lens alone.

    PYTHONPATH=. .venv/bin/python benchmarks/lenses_cpu.py

`compare_speed.make_pair(10000, sample_sentences())` compared six times; the
lenses (`build_lenses`) and `voices.build` timed in process CPU on each, best of
the last five.  Run from another checkout (a `git archive` of main) for the
"before" number, interleaved with this one: the machine's load moves both.

From speed16 on, a sentence's readings are kept by text (`library/compare/text_memo.py`),
so the repeated comparisons after the first read nothing anew: `--cold` empties
those caches (and the segmentation cache) before each comparison, as for a new pair.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_speed import forget_texts, make_pair, sample_sentences

from library.compare import compare_texts
from library.compare.lenses import voices

RUNS = 6


def main(cold: bool = False) -> None:
    engine = importlib.import_module("library.compare.engine")
    build = engine.build_lenses
    lenses: list[float] = []
    voice: list[float] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        out = build(*args, **kwargs)
        lenses.append(time.process_time() - start)
        if cold:  # not what the lenses just read: voices alone, read anew
            forget_texts()
        start = time.process_time()
        voices.build(args[0], args[1], args[3])
        voice.append(time.process_time() - start)
        return out

    engine.build_lenses = timed
    a, b = make_pair(10000, sample_sentences())
    for _ in range(RUNS):
        if cold:
            forget_texts()
        compare_texts(a, b)
    print(
        f"lenses {min(lenses[1:]):.3f} s  voices {min(voice[1:]):.3f} s CPU "
        f"(best of {RUNS - 1}{', texts read anew each time' if cold else ''})"
    )


if __name__ == "__main__":
    main(cold="--cold" in sys.argv[1:])

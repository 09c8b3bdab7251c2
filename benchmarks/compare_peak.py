"""`compare_speed.py --peak WORDS`: peak traced memory of one cold comparison, and where
it rises (run by hand, not in CI).

One cold semantic `compare_texts(...).to_dict()` of `make_pair(WORDS)`, the model loaded
before `tracemalloc.start()`; each big step's own peak rise above the memory traced when
it was entered is printed beside the whole run's peak.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from typing import Any

from compare_speed import MemoVectors, _owner, make_pair

from library.compare import compare_texts
from library.compare.backends import SemanticBackend

#: The steps whose peak rise `--peak` reports (owner's dotted path, attribute).
PEAK_STEPS = (
    ("library.compare.backends.SemanticBackend", "_mixed"),
    ("library.compare.backends.SemanticBackend", "_candidates"),
    ("library.compare.similarity.LexicalBackend", "sparse_scores"),
    ("library.compare.language_mix", "mix"),
    ("library.compare.backends", "_with_extra"),
)


def peak_memory(words: int, pool: list[str]) -> int:
    """Print the peak traced memory of one cold semantic `to_dict()`, and where it rises.

    Each step's rise is its own peak above the memory traced when it was entered
    (nested steps count inside their callers too).
    """
    a, b = make_pair(words, pool)
    semantic = SemanticBackend(MemoVectors())  # the model is loaded before tracing
    active: list[list[int]] = []  # [memory at entry, peak so far] per open step
    rises: dict[str, int] = {}
    overall = [0]  # the peak over the whole run (each step resets tracemalloc's)

    def lift() -> int:
        current, peak = tracemalloc.get_traced_memory()
        overall[0] = max(overall[0], peak)
        for frame in active:
            frame[1] = max(frame[1], peak)
        tracemalloc.reset_peak()
        return current

    undo = []
    for where, name in PEAK_STEPS:
        owner = _owner(where)
        original = getattr(owner, name)

        def wrapped(*args: Any, _f: Any = original, _label: str = f"{where}.{name}") -> Any:
            start = lift()
            active.append([start, start])
            try:
                return _f(*args)
            finally:
                lift()
                begin, top = active.pop()
                rises[_label] = max(rises.get(_label, 0), top - begin)

        setattr(owner, name, wrapped)
        undo.append((owner, name, original))
    gc.collect()
    tracemalloc.start()
    c = time.process_time()
    try:
        compare_texts(a, b, backend=semantic).to_dict()
        peak = max(overall[0], tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()
        for owner, name, original in undo:
            setattr(owner, name, original)
    cpu = time.process_time() - c
    print(f"{words:,} words per article, one cold semantic to_dict(): {cpu:.1f} s CPU")
    print(f"peak traced memory: {peak / 2**20:.1f} MiB (target <= 250 MiB)")
    for label, rise in sorted(rises.items(), key=lambda kv: -kv[1]):
        print(f"- peak rise inside {label}: +{rise / 2**20:.1f} MiB")
    return 0

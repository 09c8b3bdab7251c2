"""How long the GUI thread is blocked showing a comparison of two long texts.

`comparison_open.py` opens comparisons of the library's news articles, which are
short (500–1,100 characters).  This one shows a `ComparisonView` alone with two
texts of about 10,000 words each, made of ECB+ *train* sentences from
`../shared/eval/` (half of B repeats A, so there are a few hundred pairs): the
plain texts at once, the engine in the worker, then the finished comparison.
A 5 ms `QTimer` on the GUI thread records the gaps between its ticks; the
longest gap is the longest time the window could not repaint or take input.
No text is written anywhere.

Usage (from the root of the code to measure):
    python benchmarks/comparison_long_texts.py [--words 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.getcwd())

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent.parent / "shared" / "eval"
if not EVAL.is_dir():
    EVAL = Path("/work/shared/eval")
TICK_MS = 5


def long_text(texts: list[str], words: int) -> str:
    out: list[str] = []
    count = 0
    for text in texts:
        out.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = EVAL / "ecbplus_pairs_train.jsonl"
    if not source.is_file():
        print(f"skipped: no evaluation data at {EVAL}")
        return 0

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.comparison import ComparisonView
    from library.article import Article
    from library.compare import compare_articles
    from library.export import ComparisonLayout

    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    texts = [
        " ".join(s for s in row[key] if not s.startswith("http"))  # sentence 0: the URL
        for row in rows
        for key in ("sentences_a", "sentences_b")
    ]
    body_a = long_text(texts[0::2], args.words)
    body_b = long_text(texts[1::2], args.words)
    a = Article(title="A", body=body_a)
    b = Article(title="B", body=body_a[: len(body_a) // 2] + "\n\n" + body_b[: len(body_b) // 2])
    started = time.perf_counter()
    pairs = len(ComparisonLayout.build(compare_articles(a, b)).pairs)  # warms the engine up
    print(
        f"{len(a.body.split())} / {len(b.body.split())} words, {pairs} pairs, "
        f"compared in {time.perf_counter() - started:.1f} s; "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )

    app = QApplication([sys.argv[0]])
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000 - TICK_MS)
        last[0] = now

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    for run in range(1, args.runs + 1):
        view = ComparisonView()
        view.resize(1440, 900)
        view.show()
        wait(300)
        gaps.clear()
        last[0] = t0 = time.perf_counter()
        loop = QEventLoop()
        view.comparison_ready.connect(loop.quit)
        view.open_articles(a, b)  # plain texts now; the engine runs in the worker
        loop.exec()
        painted = time.perf_counter() - t0
        wait(1000)  # what follows the paint (geometry, overview marks) counts too
        worst = sorted(gaps)[-3:][::-1]
        print(
            f"run {run}: painted in {painted:.1f} s; GUI thread blocked at most "
            + ", ".join(f"{g:.0f}" for g in worst)
            + " ms (the three longest)",
            flush=True,
        )
        view.close()
        view.deleteLater()
        wait(100)
    timer.stop()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

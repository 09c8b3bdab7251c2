"""Related coverage on ECB+: is the same-event article ranked first?

    PYTHONPATH=. .venv/bin/python benchmarks/eval_coverage.py [--split test] [--tune]

One library holds every ECB+ document of the train, dev and test pair files
(sentence 0 of `*ecbplus` documents, a URL, dropped; the first sentence left
is the title).  For each document of the chosen split whose subtopic has
another document, `related_articles` ranks the rest of the library:

- P@1: the first result is of the same subtopic (the same event);
- P@3: the share of the top 3 from the same subtopic, out of min(3, the
  number of other same-subtopic documents);
- hard negatives below: the first same-event document ranks above every
  document of the same topic's other subtopic (the same kind of event).

`--tune` grid-searches the feature weights on train+dev documents only and
prints the best; `library.coverage.WEIGHTS` holds the chosen ones.
Eval texts never leave `/work/shared/eval/`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from library.article import Article
from library.coverage import WEIGHTS, candidate_features, score
from library.store import LibraryStore

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
if not EVAL.exists():
    EVAL = Path("/work/shared/eval")


@dataclass(frozen=True)
class Doc:
    name: str
    topic: int
    subtopic: str
    split: str
    sentences: tuple[str, ...]


def load_docs() -> list[Doc]:
    docs: dict[str, Doc] = {}
    for split in ("train", "dev", "test"):
        path = EVAL / f"ecbplus_pairs_{split}.jsonl"
        with path.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                for side in ("a", "b"):
                    name = row[f"doc_{side}"]
                    if name in docs:
                        continue
                    sentences = list(row[f"sentences_{side}"])
                    if name.endswith("ecbplus"):
                        sentences = sentences[1:]  # sentence 0 is the source URL
                    docs[name] = Doc(name, int(row["topic"]), row["subtopic"], split,
                                     tuple(s.strip() for s in sentences if s.strip()))  # fmt: skip
    return sorted(docs.values(), key=lambda d: d.name)


def build_library(
    docs: list[Doc], data_dir: Path | None = None
) -> tuple[LibraryStore, dict[int, Doc]]:
    store = LibraryStore(data_dir or Path(tempfile.mkdtemp(prefix="coverage-eval-")))
    by_id: dict[int, Doc] = {}
    for doc in docs:
        if len(doc.sentences) < 2:
            continue
        article = Article(title=doc.sentences[0], body="\n\n".join(doc.sentences[1:]),
                          source_path=f"/ecbplus/{doc.name}")  # fmt: skip
        outcome = store.add(article)
        assert outcome.article.id is not None
        by_id[int(outcome.article.id)] = doc
    return store, by_id


Features = list[tuple[int, dict[str, float]]]


def gather(
    store: LibraryStore, by_id: dict[int, Doc], splits: Iterable[str]
) -> dict[int, Features]:
    """Each query document's candidates and their features (computed once, re-weighted cheaply)."""
    wanted = set(splits)
    out: dict[int, Features] = {}
    for article_id, doc in by_id.items():
        if doc.split not in wanted or not _relevant(article_id, doc, by_id):
            continue
        _source, scored = candidate_features(store, article_id)
        out[article_id] = [(int(item.article.id or 0), f) for item, f in scored]
    return out


def _relevant(article_id: int, doc: Doc, by_id: dict[int, Doc]) -> int:
    return sum(1 for i, d in by_id.items() if i != article_id and d.subtopic == doc.subtopic)


def evaluate(
    features: dict[int, Features], by_id: dict[int, Doc], weights: dict[str, float]
) -> dict[str, float]:
    p1, p3, below = [], [], []
    for article_id, scored in features.items():
        doc = by_id[article_id]
        ranked = sorted(scored, key=lambda x: (-score(x[1], weights), x[0]))
        same = [by_id[i].subtopic == doc.subtopic for i, _f in ranked]
        relevant = _relevant(article_id, doc, by_id)
        p1.append(1.0 if same[:1] == [True] else 0.0)
        p3.append(sum(same[:3]) / min(3, relevant))
        first_same = same.index(True) if True in same else len(same)
        hard = [k for k, (i, _f) in enumerate(ranked)
                if by_id[i].topic == doc.topic and by_id[i].subtopic != doc.subtopic]  # fmt: skip
        below.append(1.0 if first_same < len(same) and all(k > first_same for k in hard) else 0.0)
    return {
        "queries": len(p1),
        "p_at_1": statistics.fmean(p1),
        "p_at_3": statistics.fmean(p3),
        "hard_negatives_below": statistics.fmean(below),
    }


def tune(features: dict[int, Features], by_id: dict[int, Doc]) -> dict[str, float]:
    grid = {
        "names": (0.0, 0.5, 1.0, 2.0),
        "dates": (0.0, 0.25, 0.5, 1.0),
        "numbers": (0.0, 0.3, 0.6),
        "title": (0.0, 0.3, 0.6, 1.0),
    }
    best: tuple[float, dict[str, float]] = (-1.0, dict(WEIGHTS))
    for values in itertools.product(*grid.values()):
        weights = dict(WEIGHTS, terms=1.0, **dict(zip(grid, values, strict=True)))
        result = evaluate(features, by_id, weights)
        key = result["p_at_1"] + 0.5 * result["p_at_3"]
        if key > best[0]:
            best = (key, weights)
    return best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--tune", action="store_true", help="tune weights on train+dev first")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"no evaluation data at {EVAL}: skipped")
        return
    docs = load_docs()
    started = time.perf_counter()
    store, by_id = build_library(docs)
    print(f"library: {len(by_id)} ECB+ documents ({time.perf_counter() - started:.1f} s)")
    weights = dict(WEIGHTS)
    if args.tune:
        tuning = gather(store, by_id, ("train", "dev"))
        weights = tune(tuning, by_id)
        print("tuned on train+dev:", weights, evaluate(tuning, by_id, weights))
    t0 = time.perf_counter()
    features = gather(store, by_id, (args.split,))
    elapsed = time.perf_counter() - t0
    terms_only = {name: 1.0 if name == "terms" else 0.0 for name in WEIGHTS}
    for label, w in (("rare terms only", terms_only), ("all features", weights)):
        result = evaluate(features, by_id, w)
        print(f"{args.split} {label}: {result['queries']} queries, "
              f"P@1 {result['p_at_1']:.3f}, P@3 {result['p_at_3']:.3f}, "
              f"hard negatives below {result['hard_negatives_below']:.3f}")  # fmt: skip
    print(f"{elapsed / max(1, len(features)) * 1000:.1f} ms per query (features)")
    store.close()


if __name__ == "__main__":
    main()

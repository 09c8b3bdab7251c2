"""Chinese accuracy of the comparison engine (run by hand, not in CI).

- PAWS-X zh dev: ROC-AUC of the engine's lexical pair score (as `eval_compare.judge`)
  and of its semantic pair score (the default backend: mix, Chinese order penalty, refine);
- a traditional article against its simplified copy: share of units aligned as same;
- planted conflicts (numerals, dates, names, negation): flagged with both values named;
- one event told by two Chinese reports in their own words (the article and
  OTHER_REPORT, 10 gold sentence pairs among 10 x 12): sentence ROC-AUC and pairs aligned;

each with the lexical backend and the semantic one (model vectors cached on disk).

The article and the planted pairs are written for this benchmark (not eval data).
Usage::

    PARALLAX_EVAL=/work/shared/eval .venv/bin/python benchmarks/eval_chinese.py
    PARALLAX_EVAL=/work/shared/eval .venv/bin/python benchmarks/eval_chinese.py --cv

`--cv` chooses the exchange penalty (`language_mix.EXCHANGE_*`) by 5-fold
cross-validation on PAWS-X zh dev (choose on four folds, score the fifth) and
prints the held-out ROC-AUCs, with and without the penalty.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import opencc
from eval_compare import EVAL, judge, load, roc_auc

from library.compare import compare_texts, language_mix
from library.compare.backends import SemanticBackend
from library.compare.idf import IdfTable
from library.compare.segment import segment
from library.compare.similarity import (
    LexicalBackend,
    chunk_agreement,
    order_agreement,
    refine,
)
from library.compare.units import terms
from library.compare.zh_exchange import exchange

ARTICLE = """【本报北京10月13日讯】国家安全部部长陈一新13日在北京会见了来访的代表团。
双方就加强执法合作、打击跨国犯罪等问题深入交换了意见。
陈一新表示，自2022年10月接任国家安全部部长以来，他多次强调国际合作的重要性。
据官方统计，今年前九个月共破获案件1.2万起，同比增长百分之十五。
代表团团长李兆忠说：“我们愿意同中方一道，共同维护地区安全与稳定。”
会谈结束后，双方签署了一份关于情报交流的谅解备忘录。
分析人士认为，这次会见释放了双方关系回暖的积极信号。
此前，两国曾因一起网络攻击事件互相指责，关系一度紧张。
外交部发言人在例行记者会上表示，中方欢迎一切有利于互信的交流。
据悉，代表团将于本月15日前往上海，继续参观访问。"""

# The same event as ARTICLE, told by another outlet in its own words and order, with two
# sentences of its own (written for this benchmark).  GOLD: (ARTICLE unit, OTHER unit).
OTHER_REPORT = """13日，来访代表团在北京受到国家安全部部长陈一新的会见。
这是陈一新2022年10月上任以来，多次表态重视国际合作之后的又一次外事活动。
会见中，双方围绕执法合作和跨国犯罪打击等议题进行了深入交流。
官方数据显示，今年1至9月全国破获此类案件约1.2万起，比去年同期多出15%。
代表团团长李兆忠表示：“维护地区安全与稳定，我们愿与中方共同努力。”
双方在会谈后签署了情报交流谅解备忘录。
两国此前因网络攻击事件相互指责，双边关系一度陷入紧张。
有分析认为，此次会见表明双方关系正在回暖。
中方外交部发言人表示，欢迎一切增进互信的交流。
代表团预计15日赴上海继续访问。
上海市公安局近日也通报了多起电信诈骗案件。
该代表团此行共有12名成员。"""
GOLD = {(0, 0), (1, 2), (2, 1), (3, 3), (4, 4), (5, 5), (6, 7), (7, 6), (8, 8), (9, 9)}

# (A, B, values B must name): one planted conflict each.
PLANTED = [
    ("法院以受贿罪判处其有期徒刑十二年。", "法院以受贿罪判处其有期徒刑十五年。", ("十二", "十五")),
    ("会议于十月十三日在北京举行。", "会议于十一月九日在北京举行。", ("十月十三日", "十一月九日")),
    ("代表团团长李兆宗出席了签字仪式。", "代表团团长李兆忠出席了签字仪式。", ("李兆宗", "李兆忠")),
    ("警方初步认定，这起火灾系人为纵火。", "警方初步认定，这起火灾并非人为纵火。", ("并非",)),
    ("事故共造成4万元经济损失，三人受伤。", "事故共造成4万元经济损失，五人受伤。", ("三", "五")),
]


def pawsx() -> float:
    scores, labels = [], []
    for row in load("pawsx_zh_dev.jsonl"):
        scores.append(judge(row["a"], row["b"])[0])
        labels.append(row["label"])
    return roc_auc(scores, labels)


def pawsx_semantic(name: str = "pawsx_zh_dev.jsonl") -> float:
    """ROC-AUC of the semantic backend's refined pair score (model vectors cached on disk)."""
    from eval_semantic import CachedVectors

    vectors = CachedVectors()
    backend = SemanticBackend(vectors)
    scores, labels = [], []
    for row in load(name):
        ta, tb = terms(row["a"]), terms(row["b"])
        idf = IdfTable.from_term_lists([ta, tb])
        rank = backend.scores([row["a"]], [row["b"]], [ta], [tb], idf).rank.toarray()[0, 0]
        scores.append(refine(float(rank), ta, tb, idf))
        labels.append(row["label"])
    vectors.save()
    return roc_auc(scores, labels)


def traditional(backend: Any = None) -> tuple[int, int]:
    trad = opencc.OpenCC("s2t").convert(ARTICLE)
    c = compare_texts(ARTICLE, trad, backend=backend)
    same = sum(len(p.a) for p in c.pairs if p.relation == "same")
    return same, len(c.a.units)


def planted(backend: Any = None) -> list[tuple[bool, str]]:
    out = []
    for a, b, values in PLANTED:
        c = compare_texts(a, b, backend=backend)
        text = " | ".join(x.explanation for p in c.pairs for x in p.conflicts)
        divergent = any(p.relation == "divergent" for p in c.pairs)
        out.append((divergent and all(v in text for v in values), text))
    return out


def same_event(backend: Any = None) -> tuple[float, int, int]:
    """(sentence ROC-AUC, gold pairs aligned, other pairs aligned) for ARTICLE / OTHER_REPORT."""
    units_a, units_b = segment(ARTICLE), segment(OTHER_REPORT)
    ta, tb = [terms(u.text) for u in units_a], [terms(u.text) for u in units_b]
    idf = IdfTable.from_term_lists([*ta, *tb])
    texts_a, texts_b = [u.text for u in units_a], [u.text for u in units_b]
    lexical = LexicalBackend().sparse_scores(ta, tb, idf)
    rank = (lexical if backend is None else backend.scores(texts_a, texts_b, ta, tb, idf)).rank
    dense = rank.toarray()
    scores, labels = [], []
    for i in range(len(units_a)):
        for j in range(len(units_b)):
            s = float(dense[i, j])
            scores.append(refine(s, ta[i], tb[j], idf) if s > 0 else 0.0)
            labels.append(int((i, j) in GOLD))
    c = compare_texts(ARTICLE, OTHER_REPORT, backend=backend)
    got = {(i, j) for p in c.pairs for i in p.a for j in p.b}
    return roc_auc(scores, labels), len(got & GOLD), len(got - GOLD)


#: The exchange penalty's grid for `--cv`: (penalty, least exchange, ramp from, ramp full).
CV_GRID = list(
    itertools.product((0.5, 0.7, 0.85, 1.0), (0.0, 0.05), (0.2, 0.3, 0.4), (0.5, 0.6, 0.7, 0.9))
)


def _parts(row: dict[str, Any], vectors: Any) -> dict[str, Any]:
    """What the default backend's refined score of one pair is made of (see `rescore`)."""
    ta, tb = terms(row["a"]), terms(row["b"])
    idf = IdfTable.from_term_lists([ta, tb])
    lexical = LexicalBackend().sparse_scores([ta], [tb], idf).rank.toarray()[0, 0]
    va, vb = vectors([row["a"], row["b"]])
    shift, dice = language_mix.displacement(row["a"], row["b"])
    chunk = chunk_agreement(ta, tb, idf)
    return {
        "lexical": float(lexical),
        "cos": float(np.clip(va @ vb, 0.0, 1.0)),
        "shift": shift,
        "dice": dice,
        "chunk": chunk,
        "order": max(order_agreement(ta, tb, idf), chunk),
        "exchange": exchange(row["a"], row["b"]),
        "zh": language_mix.is_chinese(row["a"]) and language_mix.is_chinese(row["b"]),
    }


def rescore(d: dict[str, Any], grid: tuple[float, float, float, float]) -> float:
    """`language_mix.mix` and `refine` for one pair, the exchange penalty set by `grid`."""
    from library.compare import similarity as sim

    penalty, least, start, full = grid
    w = language_mix.ZH_WEIGHT if d["zh"] else 0.3
    m = (1 - w) * d["lexical"] + w * d["cos"]
    if d["zh"] and m >= language_mix.FROM:
        ramp = min(1.0, d["dice"] / language_mix.FULL_AT) ** language_mix.SHARPNESS
        if ramp >= 1e-3:
            m *= max(0.0, 1 - language_mix.ORDER_PENALTY * d["shift"] * ramp)
            m *= max(0.0, 1 - language_mix.CHUNK_PENALTY * (1 - d["chunk"]) * ramp)
            if d["exchange"] > least:
                m *= 1 - penalty * max(0.0, min(1.0, (d["dice"] - start) / (full - start)))
    ramp = min(1.0, m / sim.ORDER_FULL_AT) ** sim.ORDER_SHARPNESS
    return float(m * max(0.0, 1 - sim.ORDER_PENALTY * (1 - d["order"]) * ramp))


def pawsx_cv(folds: int = 5, seed: int = 0) -> None:
    """Held-out ROC-AUCs of the exchange penalty chosen on the other folds (PAWS-X zh dev)."""
    from eval_semantic import CachedVectors

    vectors = CachedVectors()
    rows = list(load("pawsx_zh_dev.jsonl"))
    parts = [_parts(r, vectors) for r in rows]
    labels = np.array([r["label"] for r in rows])
    off = (0.0, 1.0, 0.2, 0.5)
    table = {g: np.array([rescore(d, g) for d in parts]) for g in [*CV_GRID, off]}
    shipped = (
        language_mix.EXCHANGE_PENALTY,
        language_mix.EXCHANGE_MIN,
        language_mix.EXCHANGE_FROM,
        language_mix.EXCHANGE_FULL,
    )
    shipped_scores = np.array([rescore(d, shipped) for d in parts])
    print(f"all of dev: without {roc_auc(table[off], labels):.4f}, ", end="")
    print(f"shipped {shipped} {roc_auc(shipped_scores, labels):.4f}")
    order = np.random.default_rng(seed).permutation(len(rows))
    held, base = [], []
    for f in range(folds):
        test = order[f::folds]
        train = np.setdiff1d(order, test)
        best = max(CV_GRID, key=lambda g: roc_auc(table[g][train], labels[train]))
        held.append(roc_auc(table[best][test], labels[test]))
        base.append(roc_auc(table[off][test], labels[test]))
        print(f"fold {f}: chose {best}, held out {held[-1]:.4f} (without {base[-1]:.4f})")
    print(f"held-out mean {np.mean(held):.4f} ± {np.std(held):.4f}", end="")
    print(f" (without: {np.mean(base):.4f} ± {np.std(base):.4f})")


def main() -> int:
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    if "--cv" in sys.argv:
        for seed in (0, 1, 2):
            pawsx_cv(seed=seed)
        return 0
    from eval_semantic import CachedVectors

    vectors = CachedVectors()
    print(f"PAWS-X zh dev ROC-AUC, lexical: {pawsx():.3f}, semantic: {pawsx_semantic():.3f}")
    for name, backend in (("lexical", None), ("semantic", SemanticBackend(vectors))):
        print(f"-- {name} backend")
        same, total = traditional(backend)
        print(f"traditional vs simplified: {same}/{total} units aligned as same")
        found = planted(backend)
        print(f"planted conflicts flagged with values: {sum(ok for ok, _ in found)}/{len(found)}")
        for ok, text in found:
            print(f"  {'ok ' if ok else 'MISS'} {text}")
        auc, right, wrong = same_event(backend)
        print(
            f"same event, two reports: sentence ROC-AUC {auc:.3f}, "
            f"{right}/{len(GOLD)} gold pairs aligned, {wrong} other pairs"
        )
    vectors.save()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How the semantic backend mixes word overlap and meaning, by the language of the pair.

English pairs keep the mix chosen on ECB+ and PAWS (`backends.MIX_WEIGHT`).
Two Chinese units are mixed differently, for what Chinese word overlap can
and cannot tell:

- the terms are characters and bigrams, which two sentences on one subject
  share far more than English words: the embedding cosine gets more weight
  (`ZH_WEIGHT`);
- a sentence and its word-swapped twin ("甲由乙训练，由丙骑乘" / "甲由丙训练，
  由乙骑乘") share every bigram: what tells them apart is where the shared
  bigrams sit.  The pair is penalised by how far its most displaced bigrams
  moved (their relative position in one sentence against the other), and by
  how many of its shared terms left their phrases (`similarity.chunk_agreement`),
  the more the more bigrams the two share;
- a pair that differs by an exchange of two phrases (`zh_exchange.exchange`,
  "x P y Q z" / "x Q y P z") is penalised once more, on its own ramp: an
  exchange is a swap's signature, while the displacement above also catches
  paraphrases that move a clause.

Chosen on PAWS-X zh dev (benchmarks/eval_chinese.py); the test split is held back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from library.chinese import fold, is_chinese
from library.compare.idf import IdfTable
from library.compare.similarity import chunk_agreement
from library.compare.zh_exchange import exchange

#: The cosine's share for two Chinese units (English: `backends.MIX_WEIGHT`).
ZH_WEIGHT = 0.6
#: Penalty per unit of displacement (mean relative shift of the most displaced bigrams).
ORDER_PENALTY = 2.0
#: Penalty per unit of shared terms out of their phrases (1 - chunk agreement).
CHUNK_PENALTY = 1.5
#: How many of the most displaced bigrams are averaged.
MOST_DISPLACED = 2
#: The penalty grows steeply with the share of bigrams the two sentences have in common
#: (Dice), full from FULL_AT: two reports of one event told in their own words share
#: few bigrams, and where those sit says nothing; a word-swapped twin shares nearly all.
FULL_AT = 0.9
SHARPNESS = 3
#: Pairs mixing below this are left alone: never candidates, not worth the work.
FROM = 0.2
#: Share of the score taken from a pair whose shared text an exchange of two phrases
#: reorders by more than EXCHANGE_MIN; ramped linearly with the shared bigrams (Dice)
#: from EXCHANGE_FROM (below it the shared text is too thin for an order to mean
#: anything, and the tiling is not run) to EXCHANGE_FULL.  Chosen by 5-fold
#: cross-validation on PAWS-X zh dev (benchmarks/eval_chinese.py --cv).
EXCHANGE_PENALTY = 0.85
EXCHANGE_MIN = 0.05
EXCHANGE_FROM = 0.2
EXCHANGE_FULL = 0.5

_NOT_TEXT = re.compile(r"[\W_]+")
Array = npt.NDArray[np.float64]


def mix(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    rows: npt.NDArray[np.integer[Any]],
    cols: npt.NDArray[np.integer[Any]],
    lexical: Sequence[Array],
    cosine: Array,
    weight: float,
    terms: tuple[Sequence[Sequence[str]], Sequence[Sequence[str]], IdfTable],
) -> list[Array]:
    """`(1 - w) x lexical + w x cosine` for each sparse pair, Chinese pairs as the module says.

    Args:
        texts_a: unit texts of A.
        texts_b: unit texts of B.
        rows: the A unit of each pair.
        cols: the B unit of each pair.
        lexical: lexical scores of the pairs, one array per view (gate, rank).
        cosine: the embedding cosine of each pair.
        weight: the cosine's share for pairs that are not both Chinese.
        terms: the content terms of A's units, of B's, and their word weights.
    """
    zh_a = np.array([is_chinese(t) for t in texts_a], dtype=bool)
    zh_b = np.array([is_chinese(t) for t in texts_b], dtype=bool)
    both = zh_a[rows] & zh_b[cols] if len(rows) else np.zeros(0, dtype=bool)
    if not both.any():  # one weight for all: no per-pair weight arrays (memory at 50k words)
        # The same products and sum as `(1 - w) * view + w * cosine` (same bits),
        # with one temporary for both views instead of two per view.
        scaled = weight * cosine
        out = []
        for view in lexical:
            mixed = (1 - weight) * view
            mixed += scaled
            out.append(mixed)
        return out
    w = np.where(both, ZH_WEIGHT, weight)
    out = [(1 - w) * view + w * cosine for view in lexical]
    terms_a, terms_b, idf = terms
    for k in np.nonzero(both & (out[-1] >= FROM))[0]:
        i, j = rows[k], cols[k]
        shift, shared = displacement(texts_a[i], texts_b[j])
        ramp = min(1.0, shared / FULL_AT) ** SHARPNESS
        if ramp < 1e-3:
            continue
        moved = 1.0 - chunk_agreement(terms_a[i], terms_b[j], idf)
        keep = max(0.0, 1.0 - ORDER_PENALTY * shift * ramp)
        keep *= max(0.0, 1.0 - CHUNK_PENALTY * moved * ramp)
        keep *= 1.0 - EXCHANGE_PENALTY * exchanged(texts_a[i], texts_b[j], shared)
        for view in out:
            view[k] *= keep
    return out


def exchanged(a: str, b: str, shared: float) -> float:
    """How much of an exchange penalty two Chinese units earn, in [0, 1].

    Args:
        a: one unit's text.
        b: the other's.
        shared: the Dice coefficient of their bigrams (`displacement`).
    """
    ramp = min(1.0, (shared - EXCHANGE_FROM) / (EXCHANGE_FULL - EXCHANGE_FROM))
    if ramp <= 0.0 or exchange(a, b) <= EXCHANGE_MIN:
        return 0.0
    return ramp


def displacement(a: str, b: str) -> tuple[float, float]:
    """How far the most displaced shared bigrams moved between `a` and `b`, and how many are shared.

    Each bigram found once in both sentences is placed at its relative position
    (0 = start, 1 = end) in each; the shift is the mean of the `MOST_DISPLACED`
    largest (0.0 for the same order, or nothing shared).  The share is the Dice
    coefficient of the two sentences' bigrams.
    """
    pa, pb = _positions(a), _positions(b)
    common = pa.keys() & pb.keys()
    shifts = sorted(abs(pa[g] - pb[g]) for g in common)
    top = shifts[-MOST_DISPLACED:]
    shift = float(sum(top) / len(top)) if top else 0.0
    return shift, 2 * len(common) / max(1, len(pa) + len(pb))


@lru_cache(maxsize=4096)
def _positions(text: str) -> dict[str, float]:
    # Every candidate pair asks about the same unit texts again: read each once.
    s = _NOT_TEXT.sub("", fold(text)).lower()
    last = max(1, len(s) - 2)
    seen: dict[str, float] = {}
    twice: set[str] = set()
    for i in range(len(s) - 1):
        g = s[i : i + 2]
        if g in seen:
            twice.add(g)
        seen[g] = i / last
    return {g: p for g, p in seen.items() if g not in twice}

"""A learned pair score: whether two units of two articles tell the same fact.

The semantic backend's mix (0.7 x word overlap + 0.3 x embedding cosine)
leaves most shared facts told in other words under the cut, in the band where
two sentences on one subject with *different* facts also score.  A small
logistic regression over evidence the engine already has reads the pair more
fully: the overlap and the cosine, the claim's own lower-case words, names
and numbers on both sides or on one, the length ratio, and whether the two
units are each other's best partner in the article pair.

The coefficients are constants fitted by `benchmarks/fit_pair_score.py` on
ECB+ train/dev only (candidate pairs of same-event article pairs whose two
sentences were both annotated, and candidate pairs of the train/dev hard
negatives); nothing here reads data at run time.  Chinese units keep the
hand-tuned mix (`language_mix.py`): no Chinese data was fitted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from library.compare.support import _key, claim_words

Array = npt.NDArray[np.float64]

_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

#: Feature names, in the order of `COEF` (see `features`).
FEATURES: tuple[str, ...] = (
    "mix",
    "lexical",
    "cosine",
    "claim_shared",
    "claim_share",
    "names_shared",
    "rival_names",
    "numbers_shared",
    "numbers_apart",
    "length_ratio",
    "mutual_best",
    "margin",
    "article_match",
    "article_names",
)


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """What one unit says, as the features read it."""

    claim: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    words: int


@lru_cache(maxsize=4096)
def unit_facts(text: str) -> UnitFacts:
    """Claim words, name keys and numbers of one unit (cached: units recur across pairs)."""
    words = _WORD.findall(text)
    names = frozenset(_key(w) for w in words[1:] if w[0].isupper() and len(w) >= 3)
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(text))
    return UnitFacts(frozenset(claim_words(text)), names, numbers, len(words))


@dataclass(frozen=True, slots=True)
class PairWords:
    """What two units share, scaled to 0..1 as both learned scores read it."""

    shared: float  # claim words both give, up to 6
    of_smaller: float  # ... as a share of the smaller unit's claim words
    of_union: float  # ... as a share of all their claim words
    names: float  # names both give, up to 3
    rivals: float  # 0, 0.5 or 1: each side gives a name the other does not
    numbers: float  # numbers both give, up to 2
    apart: float  # 1 when both give numbers and none is shared
    length_ratio: float  # shorter unit's words over the longer's


def pair_words(text_a: str, text_b: str) -> PairWords:
    """The word-level agreement of two units (from their cached `unit_facts`)."""
    fa, fb = unit_facts(text_a), unit_facts(text_b)
    shared = len(fa.claim & fb.claim)
    lengths = sorted((max(1, fa.words), max(1, fb.words)))
    return PairWords(
        shared=min(shared, 6) / 6,
        of_smaller=shared / max(1, min(len(fa.claim), len(fb.claim))),
        of_union=shared / max(1, len(fa.claim | fb.claim)),
        names=min(len(fa.names & fb.names), 3) / 3,
        rivals=(bool(fa.names - fb.names) + bool(fb.names - fa.names)) / 2,
        numbers=min(len(fa.numbers & fb.numbers), 2) / 2,
        apart=float(bool(fa.numbers) and bool(fb.numbers) and not (fa.numbers & fb.numbers)),
        length_ratio=lengths[0] / lengths[1],
    )


def _best_two(values: dict[int, list[float]]) -> dict[int, tuple[float, float]]:
    out = {}
    for k, vs in values.items():
        top = sorted(vs, reverse=True)[:2]
        out[k] = (top[0], top[1] if len(top) > 1 else 0.0)
    return out


def features(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    rows: Sequence[int],
    cols: Sequence[int],
    mix: Sequence[float],
    lexical: Sequence[float],
    cosine: Sequence[float],
    article_match: float = 1.0,
) -> Array:
    """One feature row per candidate pair (unit `rows[k]` of A, unit `cols[k]` of B).

    Args:
        texts_a: unit texts of A.
        texts_b: unit texts of B.
        rows: A unit of each candidate.
        cols: B unit of each candidate.
        mix: the refined mixed score of each candidate (the ranking among candidates).
        lexical: the plain word-overlap gate of each candidate.
        cosine: the embedding cosine of each candidate.
        article_match: how well the two articles' sentences find partners in the
            other at all (`article_match`): two articles about different events of
            one kind share look-alike sentences, but fewer.
    """
    by_row: dict[int, list[float]] = {}
    by_col: dict[int, list[float]] = {}
    for i, j, s in zip(rows, cols, mix, strict=True):
        by_row.setdefault(i, []).append(s)
        by_col.setdefault(j, []).append(s)
    top_row, top_col = _best_two(by_row), _best_two(by_col)
    names_a = frozenset().union(*(unit_facts(t).names for t in texts_a))
    names_b = frozenset().union(*(unit_facts(t).names for t in texts_b))
    # Share of the names either article gives that both give: the same people and places.
    article_names = len(names_a & names_b) / max(1, len(names_a | names_b))
    out = np.zeros((len(rows), len(FEATURES)))
    for k, (i, j, s) in enumerate(zip(rows, cols, mix, strict=True)):
        w = pair_words(texts_a[i], texts_b[j])
        # The best rival on either side: a pair only its own row or column ranks first.
        ra, rb = top_row[i], top_col[j]
        rival = max(ra[1] if ra[0] == s else ra[0], rb[1] if rb[0] == s else rb[0])
        out[k] = (
            s,
            lexical[k],
            cosine[k],
            w.shared,
            w.of_smaller,
            w.names,
            w.rivals,
            w.numbers,
            w.apart,
            w.length_ratio,
            float(ra[0] == s and rb[0] == s),
            s - rival,
            article_match,
            article_names,
        )
    return out


def article_match(cosine: Array) -> float:
    """Mean over both articles' units of each one's best cosine in the other article."""
    if cosine.size == 0:
        return 0.0
    return float((cosine.max(axis=1).mean() + cosine.max(axis=0).mean()) / 2)


def probability(x: Array, coef: Sequence[float], intercept: float) -> Array:
    """The logistic model's probability that each row is a shared fact."""
    z = x @ np.asarray(coef, dtype=np.float64) + intercept
    out: Array = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def logit(p: float) -> float:
    """Inverse of the logistic function (for thresholds given as probabilities)."""
    return math.log(p / (1 - p))


#: Whether the semantic backend ranks candidates by this model (`backends.SemanticBackend`).
#: Off: measured on the real divergence set, it trades "same" precision for recall along
#: the same curve as the hand-set mix (cut 0.85: shared-fact recall 0.376 -> 0.398, but
#: same precision 0.954 -> 0.916 and divergent precision 1.00 -> 0.71), although it
#: halves false "same" in the ECB+ hard negatives (77 -> 36).  RESULTS-compare.md,
#: "A learned pair score".
LEARNED = False
#: Fitted by `benchmarks/fit_pair_score.py` on ECB+ train + dev (annotated candidate
#: pairs of same-event article pairs, and every candidate of the train/dev hard negatives).
COEF: tuple[float, ...] = (
    3.7391,  # mix
    2.4814,  # lexical
    0.5972,  # cosine
    1.4718,  # claim_shared
    -0.5665,  # claim_share
    0.4941,  # names_shared
    0.2891,  # rival_names
    0.9334,  # numbers_shared
    -0.4392,  # numbers_apart
    -0.0216,  # length_ratio
    0.0604,  # mutual_best
    -1.0912,  # margin
    0.4627,  # article_match
    5.3816,  # article_names
)
INTERCEPT = -3.9389
#: The model's probability at which a pair aligns, mapped onto the backend's threshold
#: (so the paraphrase and divergence margins under it keep their meaning).  The training
#: rows are mostly positive (annotated sentences report the event), hence a high cut.
CUT = 0.85


def score(x: Array, threshold: float) -> Array:
    """Scores in the backend's scale: probability `CUT` lands on `threshold`, order kept."""
    z = x @ np.asarray(COEF, dtype=np.float64) + INTERCEPT - logit(CUT) + logit(threshold)
    out: Array = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out

"""A learned paraphrase head: whether two units tell the same fact, from their sentence vectors.

The semantic backend's mix (0.7 x word overlap + 0.3 x cosine) and the cheap
features of `pair_score.py` score a shared fact told in other words and a
`related` pair (same subject, different facts) alike.  The cosine throws most
of what the two vectors say away: which dimensions agree (`u * v`) and which
differ (`|u - v|`) is what a paraphrase classifier over sentence embeddings
reads (InferSent-style features), here with a few word-level facts of the
pair (shared claim words, names and numbers on both sides or on one).

A logistic regression over those features, fitted by
`benchmarks/fit_paraphrase_head.py` (ECB+ train sentence pairs and train hard
negatives; deterministic), ships as `paraphrase_head.npz` (a few KB) next to
this module; nothing is read from the network.  The semantic backend hands
`align` a `Verdicts` (`Scores.same`): two dot products per pair asked, and
`align` asks only of best partners just under the cut (`head_rule.HEAD_*`).  The
head is a weak ranker on its own (it reads ECB+ "same event", not "same fact",
and no word order): `speaks_on` and `Verdicts` keep it off the pairs it
misreads.  If the weights file is missing or damaged, `load()` returns None
and the engine runs as without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from library.chinese import is_chinese
from library.compare.pair_score import pair_words, unit_facts
from library.compare.support import foreign_names, names_shared

Array = npt.NDArray[np.float64]

WEIGHTS = Path(__file__).with_name("paraphrase_head.npz")

#: The head speaks only between articles that share at least this part of their names
#: (`support.names_shared`): it tells a fact from another fact about the same people
#: poorly, and two articles about different events of one kind (ECB+ hard negatives)
#: share less (0.186 at their 90th percentile); `crossing.NAMELESS_STORY_MIN` is the
#: same bound for the same reason.
STORY_MIN = 0.2

#: The word-level features after the vector ones, in the order of `Head.w_text`.
TEXT_FEATURES: tuple[str, ...] = (
    "cosine",
    "claim_shared",
    "claim_share",
    "claim_jaccard",
    "names_shared",
    "rival_names",
    "numbers_shared",
    "numbers_apart",
    "length_ratio",
)


def text_features(text_a: str, text_b: str, cosine: float) -> list[float]:
    """The word-level features of one pair (see `TEXT_FEATURES`)."""
    w = pair_words(text_a, text_b)
    return [
        cosine,
        w.shared,
        w.of_smaller,
        w.of_union,
        w.names,
        w.rivals,
        w.numbers,
        w.apart,
        w.length_ratio,
    ]


_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)
# Words a dateline is made of ("3 March 2014 Last updated at 08: 17 GMT").
_DATELINE_WORDS = frozenset(
    " ".join(
        (
            "january february march april may june july august september october november",
            "december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday",
            "wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri",
            "sat sun am pm a m p gmt bst est edt cst cdt pst pdt cet cest utc ist updated",
            "last published posted at on by st nd rd th",
        )
    ).split()
)


def is_dateline(text: str) -> bool:
    """Whether a unit is a dateline or time stamp, not a claim (at most one other word)."""
    return sum(w.lower() not in _DATELINE_WORDS for w in _WORD.findall(text)) <= 1


def is_title_case(text: str) -> bool:
    """Whether a unit is a headline in title case ("Man Confesses To Murder Of ...")."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def rival_names(text_a: str, text_b: str) -> bool:
    """Whether each unit gives a name the other does not (two people in one role)."""
    na, nb = unit_facts(text_a).names, unit_facts(text_b).names
    return bool(na - nb) and bool(nb - na)


def speaks_on(text_a: str, text_b: str) -> bool:
    """Whether the head's verdict on two units may be trusted at all.

    Its features do not read the values a sentence gives: two datelines with
    different times, or two sentences each giving a number the other lacks
    ("$4.8 million" / "$4.7 million", "about 2: 00 am" / "around 2: 45 a. m.")
    look like one fact to it.  Its word features take capitalised words for
    names, so a title-case headline against a sentence (all names, no claim
    words on one side) is misread too.  None of these is left to the head.
    """
    if is_dateline(text_a) or is_dateline(text_b):
        return False
    if is_title_case(text_a) != is_title_case(text_b):
        return False
    na, nb = unit_facts(text_a).numbers, unit_facts(text_b).numbers
    return not (na - nb and nb - na)


@dataclass(frozen=True, slots=True)
class Head:
    """The fitted weights: `p = sigmoid(w_prod . (u*v) + w_diff . |u-v| + w_text . t + b)`."""

    w_prod: Array
    w_diff: Array
    w_text: Array
    intercept: float

    def reads(self, vectors: npt.NDArray[np.floating]) -> bool:
        """Whether vectors of this shape are the ones the head was fitted on (same width)."""
        return vectors.ndim == 2 and vectors.shape[1] == len(self.w_prod)

    def logits(
        self,
        u: npt.NDArray[np.floating],
        v: npt.NDArray[np.floating],
        texts_a: Sequence[str],
        texts_b: Sequence[str],
    ) -> Array:
        """Log-odds that each row pair (u[k], v[k]) tells one fact (texts for word features)."""
        if len(u) == 0:
            return np.zeros(0)
        rows = features(u, v, texts_a, texts_b)
        out: Array = rows @ np.concatenate([self.w_prod, self.w_diff, self.w_text])
        return out + self.intercept

    def probability(
        self,
        u: npt.NDArray[np.floating],
        v: npt.NDArray[np.floating],
        texts_a: Sequence[str],
        texts_b: Sequence[str],
    ) -> Array:
        """Probability that each row pair tells one fact."""
        z = self.logits(u, v, texts_a, texts_b)
        out: Array = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return out


class Verdicts:
    """The paraphrase head's probability for (A unit, B unit), computed when first asked.

    `align` asks it of a few pairs near the cut only, so the head costs a couple of
    dot products per such pair, whatever the article length.  Pairs with a Chinese
    unit get 0 (the head was fitted on English pairs only), and so do pairs the
    head cannot judge (`speaks_on`: datelines, numbers apart).
    """

    def __init__(
        self,
        head: Head,
        vectors_a: npt.NDArray[np.float32],
        vectors_b: npt.NDArray[np.float32],
        texts_a: Sequence[str],
        texts_b: Sequence[str],
    ) -> None:
        self.head = head
        self.vectors = (vectors_a, vectors_b)
        self.texts = (texts_a, texts_b)
        self.articles = ("\n".join(texts_a), "\n".join(texts_b))
        shared = names_shared(*self.articles)
        #: Whether the two articles share enough of their names for the head to speak.
        self.story = shared is None or shared >= STORY_MIN
        self._seen: dict[tuple[int, int], float] = {}

    def __call__(self, i: int, j: int) -> float:
        """Probability that unit i of A and unit j of B tell one fact."""
        found = self._seen.get((i, j))
        if found is None:
            (va, vb), (ta, tb) = self.vectors, self.texts
            if (
                not self.story
                or is_chinese(ta[i])
                or is_chinese(tb[j])
                or not speaks_on(ta[i], tb[j])
                # A name on each side that the other article never gives: two people
                # in one role (two players' arrests told by one manager).
                or (
                    foreign_names(ta[i], self.articles[1])
                    and foreign_names(tb[j], self.articles[0])
                )
            ):
                found = 0.0
            else:
                p = self.head.probability(va[i : i + 1], vb[j : j + 1], [ta[i]], [tb[j]])
                found = float(p[0])
            self._seen[(i, j)] = found
        return found


def features(
    u: npt.NDArray[np.floating],
    v: npt.NDArray[np.floating],
    texts_a: Sequence[str],
    texts_b: Sequence[str],
) -> Array:
    """Full feature rows `[u*v, |u-v|, text features]` (for fitting)."""
    u64 = np.asarray(u, dtype=np.float64)
    v64 = np.asarray(v, dtype=np.float64)
    cos = np.einsum("ij,ij->i", u64, v64)
    text = np.array(
        [
            text_features(a, b, float(c))
            for a, b, c in zip(texts_a, texts_b, cos.tolist(), strict=True)
        ]
    ).reshape(len(u64), len(TEXT_FEATURES))
    return np.hstack([u64 * v64, np.abs(u64 - v64), text])


def from_vector(w: Array, intercept: float, dim: int = 512) -> Head:
    """A head from one coefficient vector laid out as `features` lays out its rows."""
    return Head(w[:dim], w[dim : 2 * dim], w[2 * dim :], float(intercept))


@lru_cache(maxsize=1)
def load(path: Path = WEIGHTS) -> Head | None:
    """The shipped head, or None when its weights are missing or unreadable."""
    try:
        with np.load(path) as z:
            w = np.asarray(z["coef"], dtype=np.float64)
            head = from_vector(w, float(z["intercept"]), int(z["dim"]))
    except (OSError, KeyError, ValueError):
        return None
    if len(head.w_text) != len(TEXT_FEATURES):
        return None  # weights of another feature layout: never misread them
    return head

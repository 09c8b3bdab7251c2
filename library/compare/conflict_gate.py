"""A calibrated gate: whether a candidate conflict is sure enough to make its pair divergent.

Ten rounds of hand-written shape rules (`trust.py`, `crossing.py`, the
detectors) each lifted the set they were written from and carried over to the
next fresh set only in part.  This gate is learnt instead: a logistic
regression on four plain readings of each material conflict, fitted on the
engine's judged candidates (`benchmarks/fit_conflict_gate.py`, which writes
`conflict_gate.json`).  Its threshold was chosen for precision on folds
grouped by ECB+ topic.

It only demotes: a conflict under the threshold stays on the pair as a
low-severity note with a one-line reason taken from the features that pulled
it down ("(unsure it is one slot: the sentences share few words, few words
around the values in common)"), so the pair shows as *related* with both
values, never silently dropped.  "When in doubt, show less and explain more."
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from library.chinese import is_chinese
from library.compare.detectors import direction
from library.compare.kinds import demote, told_with
from library.compare.model import Conflict, Pair
from library.compare.relation import classify
from library.compare.units import terms

if TYPE_CHECKING:
    from library.compare.detectors.base import Passage

PARAMETERS = Path(__file__).with_name("conflict_gate.json")
# The paths the gate reads: two sentences aligned as a whole, where how alike
# they are told says whether they tell one claim.  A claim across sentences
# is told in two different sentences by construction (low overlap says
# nothing there) and is gated where it is made (`crossing.py`: one owner,
# one event word).
PATHS = frozenset({"aligned", "aligned-low"})

# Every feature in the order of the fitted weights; `bias` is always 1.  Four
# plain readings were kept of the eighteen tried: on folds grouped by ECB+
# topic the path, kind, score, length, value-gap, owner and figure-count
# features ranked held-out proposals no better (RESULTS-compare.md, gate10).
FEATURES: tuple[str, ...] = (
    "bias",
    "overlap",  # content words of the two sentences in common (Jaccard)
    "window",  # content words around the two values in common (Jaccard)
    "head_same",  # the words told with the two values ("-page indictment") in common
    "pronoun",  # a side opens with a pronoun: whose value it is was told elsewhere
)

# Content words either side of a value read as its window.
WINDOW = 4
_PRONOUN = re.compile(r"\s*(?:he|she|they|it|his|her|their|its)\b", re.I)

# What a feature that pulled a conflict under the threshold means to a reader.
_WHY: dict[str, str] = {
    "overlap": "the sentences share few words",
    "window": "few words around the values in common",
    "head_same": "the values are told of different things",
    "pronoun": "its owner is named in another sentence",
}


@dataclass(frozen=True, slots=True)
class Gate:
    """A fitted gate: one weight per feature and the threshold a conflict must reach.

    Args:
        weights: one weight per name of `FEATURES`, in that order.
        threshold: the least probability of a real conflict that keeps it material.
        means: each feature's mean on the fitting table (for the reasons shown).
    """

    weights: tuple[float, ...]
    threshold: float
    means: tuple[float, ...]

    def probability(self, x: Sequence[float]) -> float:
        """The fitted probability that a conflict with features `x` is a real one."""
        z = sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def reason(self, x: Sequence[float]) -> str:
        """The plain words for the two features that pulled `x` down the most."""
        pulls = sorted(
            (w * (v - m), name)
            for name, w, v, m in zip(FEATURES, self.weights, x, self.means, strict=True)
            if name != "bias"
        )
        words = list(dict.fromkeys(_WHY[name] for pull, name in pulls[:2] if pull < 0))
        return "unsure it is one slot" + (": " + ", ".join(words) if words else "")


@lru_cache(maxsize=1)
def load(path: Path = PARAMETERS) -> Gate | None:
    """The shipped gate, or None when its file is missing or does not fit `FEATURES`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if tuple(data.get("features", ())) != FEATURES:
        return None
    weights = tuple(float(w) for w in data["weights"])
    return Gate(weights, float(data["threshold"]), tuple(float(m) for m in data["means"]))


def features(c: Conflict, a: Passage, b: Passage) -> tuple[float, ...]:
    """The features of material conflict `c` between sides `a` and `b`, in `FEATURES` order.

    Args:
        c: one material conflict of a pair.
        a: the pair's side A.
        b: the pair's side B.
    """
    at_a, at_b = a.text.find(c.a) if c.a else -1, b.text.find(c.b) if c.b else -1
    overlap = _jaccard(terms(a.text), terms(b.text))
    # A value not found as written (an absent side, a negation): the window is
    # the whole sentence.
    window = overlap
    if at_a >= 0 and at_b >= 0:
        window = _jaccard(_around(a.text, at_a, len(c.a)), _around(b.text, at_b, len(c.b)))
    # "He has 53 catches ..." / "Ward has 41 catches ...": the figures' owner
    # is named in a sentence the pair does not hold, most often another player.
    pronoun = float(bool(_PRONOUN.match(a.text) or _PRONOUN.match(b.text)))
    return (1.0, overlap, window, _head_same(c), pronoun)


def _jaccard(xs: Sequence[str], ys: Sequence[str]) -> float:
    sx, sy = set(xs), set(ys)
    return len(sx & sy) / len(sx | sy) if sx | sy else 0.0


def _around(text: str, start: int, length: int) -> list[str]:
    """Content words within `WINDOW` either side of the value at `start`."""
    return terms(text[:start])[-WINDOW:] + terms(text[start + length :])[:WINDOW]


def _head_same(c: Conflict) -> float:
    """Overlap of the words each side tells with its value ("-page indictment" on both: 1)."""
    owners = owner_terms(c)
    return 0.0 if owners is None else _jaccard(*owners)


def owner_terms(c: Conflict) -> tuple[list[str], list[str]] | None:
    """The content terms each side tells with its value, the value's own left out
    ("48-page indictment": page, indictment); None when the explanation does not say."""
    told = told_with(c)
    if told is None:
        return None
    return _owner(told[0], c.a), _owner(told[1], c.b)


def _owner(context: str, value: str) -> list[str]:
    own = set(terms(value))
    return [t for t in terms(context) if t not in own]


def reads(pair: Pair) -> bool:
    """Whether the gate reads `pair` at all: a divergent pair aligned as a whole."""
    return pair.relation == "divergent" and pair.via in PATHS


def review(pair: Pair, a: Passage, b: Passage, gate: Gate | None) -> Pair:
    """`pair` with each material conflict the gate is unsure of kept as a note.

    Only a divergent pair aligned as a whole is read (`PATHS`); the gate never
    makes a pair divergent.  Two Chinese passages are left as they are: the
    features read English words.

    Args:
        pair: a final pair of the comparison.
        a: its side A.
        b: its side B.
        gate: the fitted gate (`load()`); None leaves every pair as it is.
    """
    if gate is None or not reads(pair):
        return pair
    if is_chinese(a.text) or is_chinese(b.text):
        return pair
    kept: list[Conflict] = []
    for c in pair.conflicts:
        # Two bearings from one place at one distance locate one thing: the
        # slot is pinned by the text itself, not a matter of how alike the
        # sentences read (`detectors/direction.py`).
        if c.material and not direction.pinned(c):
            x = features(c, a, b)
            if gate.probability(x) < gate.threshold:
                c = demote(c, gate.reason(x))
        kept.append(c)
    conflicts = tuple(kept)
    return replace(pair, relation=classify(conflicts), conflicts=conflicts)

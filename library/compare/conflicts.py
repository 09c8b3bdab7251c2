"""Find the details on which two passages disagree (see `detectors/` for each kind).

A conflict needs the same slot on both sides: the same thing counted, the same
event dated, the same predicate negated on one side only, a different name in
the same role, a different speaker for the same claim.  Something only one
side says is extra detail, not a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from library.compare.detectors import detect_all, passages
from library.compare.detectors.negation import negation_cues
from library.compare.detectors.speech import quotes, speakers
from library.compare.detectors.text import entities
from library.compare.mentions import Mentions
from library.compare.model import Conflict, DiffOp

__all__ = ["entities", "find_conflicts", "negation_cues", "quotes", "speakers"]


def find_conflicts(
    a: str,
    b: str,
    diff: Sequence[tuple[DiffOp, str]],
    *,
    mentions: Mentions | None = None,
) -> tuple[Conflict, ...]:
    """All conflicts between passage `a` and passage `b`, in a fixed kind order.

    Args:
        a: side A's text (joined units).
        b: side B's text.
        diff: the word diff of `a` against `b` (from `worddiff.word_diff`).
        mentions: names of the two whole articles (default: of `a` and `b` alone).
    """
    return detect_all(*passages(a, b, mentions), diff)

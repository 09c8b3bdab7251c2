"""Find the details on which two passages disagree (see `detectors/` for each kind).

A conflict needs the same slot on both sides: the same thing counted, the same
event dated, the same predicate negated on one side only, a different name in
the same role, a different speaker for the same claim.  Something only one
side says is extra detail, not a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from library.compare.detectors import dates, detect_all, numbers, passages
from library.compare.detectors.base import Passage
from library.compare.detectors.negation import negation_cues
from library.compare.detectors.speech import quotes, speakers
from library.compare.detectors.text import entities
from library.compare.mentions import Mentions
from library.compare.model import Conflict, DiffOp

__all__ = ["entities", "find_conflicts", "firm", "negation_cues", "quotes", "speakers"]


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


def firm(a: Passage, b: Passage, found: Sequence[Conflict]) -> bool:
    """Whether a material conflict of `found` sits in a slot both sides surely share.

    A pair scoring below the alignment threshold may still be one claim told
    with a different detail (a changed number removes shared words), but a
    lower score is also what two different claims get.  Below the threshold
    the slot must be pinned down on both sides:

    * number: the same thing counted, by a word besides the unit ("48-page
      indictment" / "47-page indictment"), not only by a name or a unit;
    * date: the same event word next to both dates ("left on May 1" / "left
      on June 3");
    * negation: the detector already requires the same predicate on both sides.

    A different name alone never admits a low pair: two sentences about two
    people look like that too.

    Args:
        a: side A.
        b: side B.
        found: the pair's conflicts (from `detect_all`).
    """
    for c in found:
        if not c.material:
            continue
        if c.kind == "negation":
            return True
        if c.kind == "date" and dates.event_words(a.text, c.a) & dates.event_words(b.text, c.b):
            return True
        if c.kind == "number" and any(
            numbers.shared_words(x, y) for x, y in numbers.conflicting(a, b)
        ):
            return True
    return False

"""Conflict detectors: one function of one shape each, listed in one registry.

`detect(a: Passage, b: Passage, diff) -> Iterable[Conflict]`.  Adding a
detector touches its module and `REGISTRY`, never the engine.  What each kind
means and whether it is material lives in `library/compare/kinds.py`.
"""

from __future__ import annotations

from library.chinese import is_chinese
from library.compare.detectors import (
    chinese,
    dates,
    degree,
    direction,
    hometown,
    names,
    negation,
    numbers,
    speech,
)
from library.compare.detectors.base import Detector, Diff, Passage
from library.compare.mentions import Mentions
from library.compare.model import Conflict

__all__ = ["REGISTRY", "Detector", "Passage", "detect_all"]

# In report order: the kinds a reader checks first come first.
REGISTRY: tuple[Detector, ...] = (
    dates.detect,
    numbers.detect,
    hometown.detect,
    names.detect,
    direction.detect,
    negation.detect,
    negation.detect_opposites,
    degree.detect,
    speech.detect_attribution,
    speech.detect_quote,
    # Chinese (no-ops without Chinese characters): see detectors/chinese.py.
    chinese.detect_dates,
    chinese.detect_numbers,
    chinese.detect_names,
    chinese.detect_negation,
    chinese.detect_quote,
)

_ENGLISH_ONLY: tuple[Detector, ...] = (dates.detect, numbers.detect)


def detect_all(a: Passage, b: Passage, diff: Diff) -> tuple[Conflict, ...]:
    """Every registered detector's conflicts for one candidate pair, without repeats.

    Args:
        a: side A.
        b: side B.
        diff: word diff of `a.text` against `b.text`.
    """
    found: list[Conflict] = []
    # Two Chinese passages: chinese.py reads their dates and numbers (with
    # 本月, 万 and 个月); the English readers would misread 4万 as 4.
    skip = _ENGLISH_ONLY if is_chinese(a.text) and is_chinese(b.text) else ()
    for detector in REGISTRY:
        if detector not in skip:
            found.extend(detector(a, b, diff))
    # One conflict once, whichever detectors found it; two names once, told
    # the fullest way (a home town's "Ivo Brandt, 34, of Kellerton" before the
    # word diff's bare "Kellerton": `hometown` runs first).
    once: dict[tuple[str, str, str], Conflict] = {}
    for c in found:
        once.setdefault(
            (c.kind, c.a, c.b) if c.kind == "entity" else (c.kind, c.explanation, ""), c
        )
    return tuple(once.values())


def passages(
    a: str,
    b: str,
    mentions: Mentions | None = None,
    *,
    article_a: str = "",
    article_b: str = "",
) -> tuple[Passage, Passage]:
    """Two passages sharing one name index (from the two texts when none is given).

    Args:
        a: side A's text.
        b: side B's text.
        mentions: the comparison's name index.
        article_a: the whole of article A ("" when only the passages are known).
        article_b: the whole of article B.
    """
    men = mentions if mentions is not None else Mentions.build(a, b)
    return Passage(a, "a", men, article_a), Passage(b, "b", men, article_b)

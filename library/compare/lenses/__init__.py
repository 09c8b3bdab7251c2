"""Lenses over a comparison: who is quoted, what happened when, what was counted, who is named.

Computed from the same parsers and name index the conflict detectors use, after
the pairs are known (the timeline flags dates the detectors found in conflict).
Each lens is its own module: `voices`, `timeline`, `counts` (numbers), `names`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from library.compare.lenses import (
    chinese_names,
    chinese_numbers,
    chinese_voices,
    counts,
    names,
    timeline,
    voices,
)
from library.compare.lenses.pattern_cache import CACHE
from library.compare.lenses.unnamed import Unnamed
from library.compare.mentions import Mentions
from library.compare.model import Pair, Unit

# Every lens module is loaded: their compiled patterns and gates are kept for the
# next start (`pattern_cache`; written only if one was built here), then let go.
CACHE.finish()

LENS_NAMES = ("voices", "timeline", "numbers", "names")

__all__ = ["LENS_NAMES", "Lenses", "Unnamed", "build_lenses"]


@dataclass(frozen=True, slots=True)
class Lenses:
    """The four lenses of one comparison; `to_dict()` is their JSON form."""

    voices: tuple[voices.Voice, ...] = ()
    # per side ("a", "b"): the unnamed attributions ("Analysts believe")
    anonymous: dict[str, list[Unnamed]] = field(default_factory=dict)
    timeline: tuple[timeline.Row, ...] = ()
    numbers: tuple[counts.NumberRow, ...] = ()
    names: tuple[names.Name, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """`{"voices", "anonymous", "timeline", "numbers", "names"}` (see README)."""
        unnamed = {side: self.anonymous.get(side, []) for side in ("a", "b")}
        return {
            "voices": [v.to_dict() for v in self.voices],
            "anonymous": {
                side: {"count": len(found), "mentions": [m.to_dict() for m in found]}
                for side, found in unnamed.items()
            },
            "timeline": [r.to_dict() for r in self.timeline],
            "numbers": [r.to_dict() for r in self.numbers],
            "names": [n.to_dict() for n in self.names],
        }


def build_lenses(
    units_a: tuple[Unit, ...],
    units_b: tuple[Unit, ...],
    pairs: tuple[Pair, ...],
    mentions: Mentions,
    *,
    published_a: str | None = None,
    published_b: str | None = None,
) -> Lenses:
    """All four lenses of a comparison.

    Args:
        units_a: units of A.
        units_b: units of B.
        pairs: the comparison's pairs.
        mentions: names of both articles and their aliases (from the engine).
        published_a: A's publication date (ISO), for relative dates.
        published_b: B's publication date.
    """
    found, unnamed = voices.build(units_a, units_b, mentions)
    found, unnamed = chinese_voices.extend(found, unnamed, units_a, units_b, mentions)
    return Lenses(
        voices=tuple(found),
        anonymous=unnamed,
        timeline=tuple(
            timeline.build(
                units_a, units_b, pairs, published_a=published_a, published_b=published_b
            )
        ),
        numbers=tuple(
            chinese_numbers.extend(counts.build(units_a, units_b, pairs), units_a, units_b, pairs)
        ),
        names=tuple(
            chinese_names.extend(
                names.build(units_a, units_b, mentions), units_a, units_b, mentions
            )
        ),
    )

"""Read a comparison's JSON contract (`Comparison.to_dict()`) back into typed records.

The window and the reports work on `Comparison` objects; this is the one place
a dict (a saved `parallax compare --json`, a hand-built test case) becomes
one.  Reading is lenient where painting can still be honest: a missing field
takes its empty value, an unknown relation is read as the calmest ("same").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from library.compare.model import (
    Comparison,
    Conflict,
    ConflictKind,
    DiffOp,
    Pair,
    Relation,
    Severity,
    Side,
    Summary,
    Unit,
)

RELATIONS = ("same", "divergent", "related")
SEVERITIES = ("high", "medium", "low")

if TYPE_CHECKING:
    from library.compare.crosslingual import Languages


def comparison_from_dict(data: Mapping[str, Any]) -> Comparison:
    """The `Comparison` that `data` (its `to_dict()` form) describes.

    Raises:
        KeyError, TypeError, ValueError: a side or a unit lacks what it must have
            (units need `id`, `start` and `end`).
    """
    return Comparison(
        a=_side(data["a"]),
        b=_side(data["b"]),
        pairs=tuple(_pair(p) for p in data.get("pairs", ())),
        only_a=tuple(int(i) for i in data.get("only_a", ())),
        only_b=tuple(int(i) for i in data.get("only_b", ())),
        summary=_summary(data.get("summary") or {}),
        languages=_languages(data.get("languages")),
    )


def _languages(data: Any) -> Languages | None:
    # Older JSON has no "languages": unknown, as before.
    if not isinstance(data, Mapping) or not data.get("a") or not data.get("b"):
        return None
    # Here, not at the top: the cross-language module loads numpy and scipy,
    # which the window must not pay for at start-up.
    from library.compare.crosslingual import Languages

    return Languages(str(data["a"]), str(data["b"]), bool(data.get("by_meaning", True)))


def _side(data: Mapping[str, Any]) -> Side:
    units = tuple(
        Unit(id=int(u["id"]), text=str(u.get("text", "")), start=int(u["start"]), end=int(u["end"]))
        for u in data["units"]
    )
    return Side(title=str(data.get("title", "")), units=units)


def _pair(data: Mapping[str, Any]) -> Pair:
    relation = data.get("relation")
    return Pair(
        a=_ids(data.get("a", ())),
        b=_ids(data.get("b", ())),
        relation=cast(Relation, relation if relation in RELATIONS else "same"),
        score=float(data.get("score", 0.0)),
        conflicts=tuple(_conflict(c) for c in data.get("conflicts", ())),
        diff=tuple((cast(DiffOp, int(op)), str(text)) for op, text in data.get("diff", ())),
    )


def _conflict(data: Mapping[str, Any]) -> Conflict:
    severity = data.get("severity", "high")
    return Conflict(
        # A kind from a newer engine is kept as it is: it is shown by name.
        kind=cast(ConflictKind, str(data.get("kind") or "other")),
        a=str(data.get("a", "")),
        b=str(data.get("b", "")),
        severity=cast(Severity, severity if severity in SEVERITIES else "high"),
        explanation=str(data.get("explanation", "")),
    )


def _summary(data: Mapping[str, Any]) -> Summary:
    return Summary(
        shared=int(data.get("shared", 0)),
        divergent=int(data.get("divergent", 0)),
        related=int(data.get("related", 0)),
        only_a=int(data.get("only_a", 0)),
        only_b=int(data.get("only_b", 0)),
        overlap_a=float(data.get("overlap_a", 0.0)),
        overlap_b=float(data.get("overlap_b", 0.0)),
    )


def _ids(values: Sequence[Any]) -> tuple[int, ...]:
    return tuple(int(i) for i in values)

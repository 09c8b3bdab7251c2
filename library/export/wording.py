"""Findings in plain words: why a pair diverges, what its score measures, how much overlaps.

The engine's conflicts are terse (`kind`, text on A, text on B, either side may
be empty); a reader needs the reason first and in words: "date: 9 November vs
13 October", "negation: B says “not started”, A does not negate it".  The view
and the reports share these sentences so they never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

# Both sides below this share of their text in aligned pairs: most likely two
# different stories, and "they agree where they overlap" would mislead.
LOW_OVERLAP = 0.05
LOW_OVERLAP_TEXT = "These articles share almost nothing — probably different stories."
SCORE_MEANING = (
    "how closely the two passages' wording matches, from 0 to 1 (not whether either is true)"
)

_LABELS = {"entity": "name", "attribution": "source", "other": "wording"}
# What it means for one side to have the detail and the other not.
_ONE_SIDED = {
    "negation": "{has} says “{text}”, {lacks} does not negate it",
    "attribution": "{has} attributes it to {text}, {lacks} names no source",
    "quote": "{has} quotes “{text}”, {lacks} has no such quote",
    "date": "{has} gives the date {text}, {lacks} gives none",
    "number": "{has} gives {text}, {lacks} gives no number",
    "entity": "{has} names {text}, {lacks} does not",
}


class ConflictLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def a(self) -> str: ...
    @property
    def b(self) -> str: ...


class PairLike(Protocol):
    @property
    def relation(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def conflicts(self) -> tuple[Any, ...]: ...


def _tidy(kind: str, text: str) -> str:
    """One side's text; for dates, a part repeated inside another is said once
    ("Tuesday March 4, Tuesday" -> "Tuesday March 4")."""
    text = " ".join(text.split())
    if kind != "date" or ", " not in text:
        return text
    parts = [p for p in text.split(", ") if p]
    kept = [p for i, p in enumerate(parts) if not any(p in q and p != q for q in parts)]
    unique = list(dict.fromkeys(kept))
    return ", ".join(unique)


def reason(conflict: ConflictLike) -> str:
    """The conflict as one plain sentence, kind first ("date: 9 November vs 13 October")."""
    kind = conflict.kind or "other"
    label = _LABELS.get(kind, kind)
    a, b = _tidy(kind, conflict.a), _tidy(kind, conflict.b)
    if a and b:
        text = f"{label}: {a} vs {b}"
    elif a or b:
        has, lacks, shown = ("A", "B", a) if a else ("B", "A", b)
        pattern = _ONE_SIDED.get(kind, "only {has} has “{text}”")
        text = f"{label}: " + pattern.format(has=has, lacks=lacks, text=shown)
    else:
        text = f"{label}: the two differ"
    if getattr(conflict, "severity", "high") == "low":
        text += " (minor)"
    return text


def relation_label(relation: str) -> str:
    return {
        "same": "Shared fact",
        "divergent": "Divergent claim",
        "related": "Related, different facts",
    }.get(relation, "Shared fact")


def explain(pair: PairLike) -> str:
    """A tooltip: the relation, each reason, then the score and what it measures."""
    lines = [relation_label(pair.relation)]
    lines += [f"• {reason(c)}" for c in pair.conflicts]
    lines.append(f"Match score {pair.score:.2f}: {SCORE_MEANING}.")
    return "\n".join(lines)


def status_line(pair: PairLike) -> str:
    """One short line for a status bar: the relation and the first reasons."""
    reasons = "; ".join(reason(c) for c in pair.conflicts)
    head = relation_label(pair.relation)
    return f"{head} — {reasons}" if reasons else f"{head} (match score {pair.score:.2f})"


def low_overlap(summary: Mapping[str, Any]) -> bool:
    """Whether both articles have under `LOW_OVERLAP` of their text in common."""
    try:
        shares = [float(summary.get(f"overlap_{s}", 0.0)) for s in ("a", "b")]
    except (TypeError, ValueError):
        return False
    return all(share < LOW_OVERLAP for share in shares)

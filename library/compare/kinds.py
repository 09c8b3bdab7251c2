"""Conflict kinds in one place: what each is, how much it matters, whether it is material.

A pair is "divergent" only through a *material* conflict.  Attribution and
quote differences are worth showing (who said it, how it was worded) but a
reader would not call them a contradiction of the facts, so they are low
severity and never make a pair divergent on their own.
"""

from __future__ import annotations

import re

from library.compare.model import Conflict, ConflictKind, Severity

SEVERITY: dict[ConflictKind, Severity] = {
    "number": "high",
    "date": "high",
    "negation": "high",
    "entity": "medium",
    "attribution": "low",
    "quote": "low",
    "other": "low",
}
# Kinds that can make a pair divergent (severity above "low").
MATERIAL_KINDS = frozenset(k for k, s in SEVERITY.items() if s != "low")


def conflict(
    kind: ConflictKind,
    a: str,
    b: str,
    *,
    context_a: str = "",
    context_b: str = "",
    severity: Severity | None = None,
) -> Conflict:
    """Build a `Conflict` with its kind's severity and a one-line explanation.

    Args:
        kind: the conflict kind.
        a: the differing text on side A.
        b: the differing text on side B.
        context_a: `a` with the words that say what it is about ("48-page
            indictment"); defaults to `a`.
        context_b: the same for side B.
        severity: overrides the kind's severity.
    """
    shown_a, shown_b = context_a or a, context_b or b
    return Conflict(
        kind,
        a,
        b,
        severity=severity or SEVERITY[kind],
        explanation=f"A: {shown_a or '(absent)'} · B: {shown_b or '(absent)'}",
    )


# The explanation `conflict` writes, read back (a note `demote` added in brackets left out).
_EXPLAINED = re.compile(r"^A: (?P<a>.*?) · B: (?P<b>.*?)(?: \(.*\))?$")


def told_with(c: Conflict) -> tuple[str, str] | None:
    """What each side tells with its value ("48-page indictment"), as `conflict`
    wrote it in the explanation; None for an explanation of another shape."""
    told = _EXPLAINED.match(c.explanation)
    return None if told is None else (told.group("a"), told.group("b"))


def is_material(c: Conflict) -> bool:
    """Whether `c` makes its pair divergent: its severity (the kind's by default) is not low."""
    return c.material


def demote(c: Conflict, why: str) -> Conflict:
    """`c` kept as a low-severity note that says why it does not make its pair divergent.

    Used where the evidence that two passages tell *one* claim is too weak for a
    difference to be a contradiction (`trust.py`): the reader still sees both
    values and the reason, and the pair shows as related, never silently dropped.

    Args:
        c: a material conflict.
        why: a few plain words ("not told alike: maybe another event").
    """
    if not c.material:
        return c
    return Conflict(c.kind, c.a, c.b, severity="low", explanation=f"{c.explanation} ({why})")

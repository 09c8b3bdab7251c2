"""An aligned pair of unit runs, as `align` and its rules hand it on (before conflict checks)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Match:
    """Aligned unit ids and their score (before conflict checks)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    #: Under the threshold, let in as one claim in other words (`is_paraphrase`).
    paraphrase: bool = False

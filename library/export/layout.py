"""Turn a `Comparison` into per-side spans that a view or report can paint.

Everything downstream (the desktop view, the HTML and Markdown reports) reads
a comparison through `ComparisonLayout`: typed records built from the engine's
`Comparison` itself (a `to_dict()` form is read back into one first), with the
lookups painting needs (unit at an offset, pairs in reading order, emphasis).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.compare.model import Comparison, Summary, Unit

SIDES = ("a", "b")


@dataclass(frozen=True, slots=True)
class UnitSpan:
    """One unit of one side, with where it sits in the body and how it matched.

    Args:
        side: "a" or "b".
        unit_id: the engine's unit id.
        start: body offset of the first character.
        end: body offset after the last character.
        text: the unit text (`body[start:end]`).
        relation: "same", "divergent", "related", or None when only this side reports it.
        pair: index into `ComparisonLayout.pairs`, or None.
    """

    side: str
    unit_id: int
    start: int
    end: int
    text: str
    relation: str | None
    pair: int | None


RELATIONS = ("same", "divergent", "related")
# How each relation is named to a reader (one place for the view and the reports).
RELATION_LABELS = {
    "same": "Shared fact",
    "divergent": "Divergent claim",
    "related": "Related, different facts",
}


@dataclass(frozen=True, slots=True)
class ConflictInfo:
    """One detail on which a pair disagrees ("date: November 9 vs October 13").

    Args:
        kind: conflict kind.
        a: the differing text on side A.
        b: the differing text on side B.
        severity: "high", "medium" or "low" (low never makes a pair divergent).
        explanation: the engine's one line ("A: 48-page indictment · B: 47-page
            indictment"), empty from an older engine.
    """

    kind: str
    a: str
    b: str
    severity: str = "high"
    explanation: str = ""

    def describe(self) -> str:
        """Human text such as `date: November 9 vs October 13`."""
        text = f"{self.kind}: {self.a or '(absent)'} vs {self.b or '(absent)'}"
        return text + (" (minor)" if self.severity == "low" else "")


@dataclass(frozen=True, slots=True)
class PairInfo:
    """One aligned pair with its body extents on both sides.

    Args:
        index: position in `ComparisonLayout.pairs` (the engine's index unless a
            malformed pair was skipped).
        a: unit ids on side A.
        b: unit ids on side B.
        relation: "same", "divergent" or "related".
        score: alignment score, 0..1.
        conflicts: the typed disagreements (empty for "same").
        diff: word diff `(op, text)` of A text vs B text.
        a_start: body offset where the pair starts in A (a_end, b_start, b_end alike).
    """

    index: int
    a: tuple[int, ...]
    b: tuple[int, ...]
    relation: str
    score: float
    conflicts: tuple[ConflictInfo, ...]
    diff: tuple[tuple[int, str], ...]
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def units(self, side: str) -> tuple[int, ...]:
        """Unit ids of `side` ("a" or "b")."""
        return self.a if side == "a" else self.b

    def extent(self, side: str) -> tuple[int, int]:
        """`(start, end)` body offsets of the pair on `side`."""
        return (self.a_start, self.a_end) if side == "a" else (self.b_start, self.b_end)

    def describe(self) -> str:
        """A tooltip-style explanation: relation, score and each conflict."""
        label = RELATION_LABELS.get(self.relation, "Shared fact")
        lines = [f"{label} — match score {self.score:.2f}"]
        lines += [f"• {c.describe()}" for c in self.conflicts]
        return "\n".join(lines)


@dataclass(slots=True)
class ComparisonLayout:
    """Per-side unit spans, emphasised sub-spans and pairs of one comparison.

    Built with `ComparisonLayout.build(comparison)`; pure data and lookups.
    `summary` is the engine's summary as numbers by name ("shared",
    "overlap_a"…), as in the JSON contract.
    """

    titles: dict[str, str]
    units: dict[str, list[UnitSpan]]
    emphasis: dict[str, list[tuple[int, int, int]]]
    pairs: list[PairInfo]
    only: dict[str, list[int]]
    summary: dict[str, float]
    # The subset of `emphasis` that is a typed conflict (a date, a number...):
    # painted stronger than the rest of the differing words.
    conflict_spans: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _by_id: dict[str, dict[int, UnitSpan]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for side in SIDES:
            self.units[side].sort(key=lambda u: u.start)
            self._starts[side] = [u.start for u in self.units[side]]
            self._by_id[side] = {u.unit_id: u for u in self.units[side]}

    @classmethod
    def build(cls, comparison: Comparison | Mapping[str, object]) -> ComparisonLayout:
        """Lay out a `Comparison` (a `to_dict()` form is read back into one first).

        Args:
            comparison: the engine's `Comparison`, or its JSON contract (a saved
                `compare --json`, a hand-built test case).
        """
        if isinstance(comparison, Mapping):
            from library.compare.from_dict import comparison_from_dict

            comparison = comparison_from_dict(comparison)
        sides = {"a": comparison.a, "b": comparison.b}
        by_id = {s: {u.id: u for u in sides[s].units} for s in SIDES}
        pairs: list[PairInfo] = []
        owner: dict[str, dict[int, int]] = {s: {} for s in SIDES}
        for p in comparison.pairs:
            ids = {s: tuple(i for i in (p.a if s == "a" else p.b) if i in by_id[s]) for s in SIDES}
            if not ids["a"] or not ids["b"]:
                continue  # a pair pointing at missing units cannot be painted
            ext = {s: _extent(by_id[s], ids[s]) for s in SIDES}
            info = PairInfo(
                index=len(pairs),
                a=ids["a"],
                b=ids["b"],
                relation=p.relation,
                score=p.score,
                conflicts=tuple(
                    ConflictInfo(c.kind, c.a, c.b, c.severity, c.explanation) for c in p.conflicts
                ),
                diff=tuple((int(op), text) for op, text in p.diff),
                a_start=ext["a"][0],
                a_end=ext["a"][1],
                b_start=ext["b"][0],
                b_end=ext["b"][1],
            )
            pairs.append(info)
            for s in SIDES:
                for uid in ids[s]:
                    owner[s].setdefault(uid, info.index)
        units: dict[str, list[UnitSpan]] = {}
        for s in SIDES:
            units[s] = []
            for uid, u in by_id[s].items():
                pi = owner[s].get(uid)
                units[s].append(
                    UnitSpan(
                        side=s,
                        unit_id=uid,
                        start=u.start,
                        end=u.end,
                        text=u.text,
                        relation=None if pi is None else pairs[pi].relation,
                        pair=pi,
                    )
                )
        emphasis: dict[str, list[tuple[int, int, int]]] = {s: [] for s in SIDES}
        conflict_spans: dict[str, list[tuple[int, int, int]]] = {s: [] for s in SIDES}
        for info in pairs:
            if info.relation != "divergent":
                # Shared facts stay calm, related pairs too (their differences are
                # different facts, not contradictions): only disagreements get emphasis.
                continue
            for s in SIDES:
                typed = _merge(_conflict_spans(info, s, by_id[s]))
                spans = _merge(_diff_spans(info, s) + typed)
                emphasis[s] += [(a, b, info.index) for a, b in spans]
                conflict_spans[s] += [(a, b, info.index) for a, b in typed]
        for s in SIDES:
            emphasis[s].sort()
            conflict_spans[s].sort()
        return cls(
            titles={s: sides[s].title for s in SIDES},
            units=units,
            emphasis=emphasis,
            pairs=pairs,
            only={"a": list(comparison.only_a), "b": list(comparison.only_b)},
            summary=_summary(comparison.summary),
            conflict_spans=conflict_spans,
        )

    # -- lookups -------------------------------------------------------------

    def emphasis_level(self, side: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """`[start, end)` cut into `(a, b, level)` runs: 0 plain, 1 differing, 2 conflict."""
        cuts = {start, end}
        for spans in (self.emphasis[side], self.conflict_spans.get(side, [])):
            for a, b, _pair in spans:
                if a < end and b > start:
                    cuts.update((max(a, start), min(b, end)))
        points = sorted(cuts)
        runs: list[tuple[int, int, int]] = []
        for a, b in pairwise(points):
            level = 2 if _covers(self.conflict_spans.get(side, []), a, b) else 0
            if not level and _covers(self.emphasis[side], a, b):
                level = 1
            if runs and runs[-1][2] == level:
                runs[-1] = (runs[-1][0], b, level)
            else:
                runs.append((a, b, level))
        return runs

    def unit(self, side: str, unit_id: int) -> UnitSpan | None:
        """The unit `unit_id` of `side`, or None."""
        return self._by_id[side].get(unit_id)

    def unit_at(self, side: str, pos: int) -> UnitSpan | None:
        """The unit of `side` containing body offset `pos`, or None (gaps, blank lines)."""
        i = bisect_right(self._starts[side], pos) - 1
        if i >= 0:
            u = self.units[side][i]
            if u.start <= pos < u.end:
                return u
        return None

    def highlighted(self, side: str) -> dict[int, str]:
        """Unit id -> relation for every unit of `side` that belongs to a pair."""
        return {u.unit_id: u.relation for u in self.units[side] if u.relation is not None}

    def pair_text(self, pair: PairInfo, side: str) -> str:
        """The joined unit texts of `pair` on `side`."""
        return " ".join(
            u.text for uid in pair.units(side) if (u := self.unit(side, uid)) is not None
        )

    def pairs_in_order(self, side: str = "a", relation: str | None = None) -> list[PairInfo]:
        """Pairs sorted by where they start on `side`, optionally of one relation."""
        chosen = [p for p in self.pairs if relation is None or p.relation == relation]
        return sorted(chosen, key=lambda p: (p.extent(side)[0], p.index))


def _extent(units: Mapping[int, Unit], ids: tuple[int, ...]) -> tuple[int, int]:
    return (min(units[i].start for i in ids), max(units[i].end for i in ids))


def _summary(summary: Summary) -> dict[str, float]:
    return {
        "shared": summary.shared,
        "divergent": summary.divergent,
        "related": summary.related,
        "only_a": summary.only_a,
        "only_b": summary.only_b,
        "overlap_a": summary.overlap_a,
        "overlap_b": summary.overlap_b,
    }


def _diff_spans(pair: PairInfo, side: str) -> list[tuple[int, int]]:
    """Body spans of `side`'s words that the pair's diff marks as not shared."""
    mine = -1 if side == "a" else 1
    start, end = pair.extent(side)
    from library.compare.worddiff import is_variant  # loaded with the engine, not at start

    # A script variant (國 / 国) is one character written two ways: not emphasised.
    ops = [
        (0 if is_variant(pair.diff, k) else op, t)
        for k, (op, t) in enumerate(pair.diff)
        if op in (0, mine)
    ]
    if sum(len(t) for _, t in ops) != end - start or not any(op == 0 for op, _ in ops):
        # Diff text does not cover this extent (engine changed?) or is a plain
        # replace of a very long pair: emphasising everything would say nothing.
        return []
    spans: list[tuple[int, int]] = []
    pos = start
    for op, text in ops:
        if op == mine:
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            if text.strip():
                spans.append((pos + lead, pos + len(text) - trail))
        pos += len(text)
    return spans


def _conflict_spans(pair: PairInfo, side: str, units: Mapping[int, Unit]) -> list[tuple[int, int]]:
    """Body spans where this side's conflicting detail occurs in the pair's units."""
    spans: list[tuple[int, int]] = []
    for conflict in pair.conflicts:
        needle = conflict.a if side == "a" else conflict.b
        if not needle.strip():
            continue
        # A whole-word occurrence first: "5" is the 5 in "5 died", not in "2015".
        whole = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
        texts = [(uid, units[uid].text) for uid in pair.units(side)]
        hits = [(uid, m.start()) for uid, text in texts if (m := whole.search(text))]
        hits += [(uid, at) for uid, text in texts if (at := text.find(needle)) >= 0]
        if hits:
            uid, at = hits[0]
            base = units[uid].start + at
            spans.append((base, base + len(needle)))
    return spans


def _covers(spans: list[tuple[int, int, int]], a: int, b: int) -> bool:
    return any(s <= a and b <= e for s, e, _pair in spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out

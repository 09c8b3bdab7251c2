"""Plain records the comparison engine returns: units, conflicts, pairs, the comparison.

Everything here is immutable data with no behaviour beyond serialisation, so the
desktop view, the CLI and the tests can all consume it without knowing how it was
computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from library.compare.crosslingual import Languages
    from library.compare.lenses import Lenses

# "related": the same subject told with different facts (each outlet reports a
# different case of the same ministry); neither agreement nor contradiction.
Relation = Literal["same", "divergent", "related"]
ConflictKind = Literal["number", "date", "entity", "negation", "attribution", "quote", "other"]
Severity = Literal["high", "medium", "low"]
DiffOp = Literal[-1, 0, 1]


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence (or headline/caption line) of an article.

    `start`/`end` are character offsets into the text that was compared, so that
    `text == body[start:end]` always holds.
    """

    id: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """A detail on which two aligned units disagree.

    Args:
        kind: what sort of detail differs.
        a: the differing text on side A ("" when the detail is absent there).
        b: the differing text on side B.
        severity: how much the difference matters; "low" never makes a pair
            divergent (see `kinds.MATERIAL`).  Defaults to the kind's severity.
        explanation: one line for a reader, e.g. "A: 48-page indictment ·
            B: 47-page indictment"; defaults to the two texts.
    """

    kind: ConflictKind
    a: str
    b: str
    severity: Severity = "high"
    explanation: str = ""

    def __post_init__(self) -> None:
        if not self.explanation:
            text = f"A: {self.a or '(absent)'} · B: {self.b or '(absent)'}"
            object.__setattr__(self, "explanation", text)

    @property
    def material(self) -> bool:
        """Whether this conflict makes its pair divergent (low severity never does)."""
        return self.severity != "low"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: `{"kind", "a", "b", "severity", "material", "explanation"}`."""
        return {
            "kind": self.kind,
            "a": self.a,
            "b": self.b,
            "severity": self.severity,
            "material": self.material,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Pair:
    """Units of A and units of B that report the same point.

    `diff` is a word-level diff of the joined A text against the joined B text as
    `(op, text)` tuples, op -1 = only in A, 1 = only in B, 0 = both.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    relation: Relation
    score: float
    conflicts: tuple[Conflict, ...]
    diff: tuple[tuple[DiffOp, str], ...]
    # Which path of the engine made the pair ("aligned", "aligned-low": under the
    # alignment threshold for a conflict, "cross-name" / "cross-nameless" /
    # "cross-date": across sentences, "grown": a neighbour joined to a claim), so
    # that precision can be measured per path.  Not part of the JSON contract.
    via: str = field(default="aligned", compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used in `Comparison.to_dict()["pairs"]`."""
        return {
            "a": list(self.a),
            "b": list(self.b),
            "relation": self.relation,
            "score": round(self.score, 4),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "diff": [[op, text] for op, text in self.diff],
        }


@dataclass(frozen=True, slots=True)
class Side:
    """One compared text: its title and its units."""

    title: str
    units: tuple[Unit, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: `{"title", "units": [{"id", "text", "start", "end"}]}`."""
        return {
            "title": self.title,
            "units": [
                {"id": u.id, "text": u.text, "start": u.start, "end": u.end} for u in self.units
            ],
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts and coverage.

    `overlap_a` / `overlap_b` are the share of each side's unit *characters*
    (not unit count) that fall in a shared or divergent pair, so one long
    aligned sentence weighs more than a short caption.  Related pairs tell
    different facts and cover nothing; their units still count as neither
    only-in-A nor only-in-B.
    """

    shared: int
    divergent: int
    related: int
    only_a: int
    only_b: int
    overlap_a: float
    overlap_b: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the summary."""
        return {
            "shared": self.shared,
            "divergent": self.divergent,
            "related": self.related,
            "only_a": self.only_a,
            "only_b": self.only_b,
            "overlap_a": round(self.overlap_a, 4),
            "overlap_b": round(self.overlap_b, 4),
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of comparing two texts; `to_dict()` is the stable JSON contract."""

    a: Side
    b: Side
    pairs: tuple[Pair, ...]
    only_a: tuple[int, ...]
    only_b: tuple[int, ...]
    summary: Summary
    # Voices, timeline, numbers, names (`lenses/`); None when not computed.
    lenses: Lenses | None = None
    # The two texts' languages; when they differ, pairs carry no word diff.
    languages: Languages | None = None

    def to_dict(self) -> dict[str, Any]:
        """Serialise to the documented JSON contract (plain dicts, lists, str, int, float)."""
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "pairs": [p.to_dict() for p in self.pairs],
            "only_a": list(self.only_a),
            "only_b": list(self.only_b),
            "summary": self.summary.to_dict(),
            "lenses": self.lenses.to_dict() if self.lenses is not None else None,
            "languages": self.languages.to_dict() if self.languages is not None else None,
        }


def summarise(a: Side, b: Side, pairs: tuple[Pair, ...]) -> Summary:
    """Build the `Summary` for `pairs` over sides `a` and `b`.

    Args:
        a: side A.
        b: side B.
        pairs: the aligned pairs.
    """
    in_a = {i for p in pairs for i in p.a}
    in_b = {j for p in pairs for j in p.b}
    return Summary(
        shared=sum(1 for p in pairs if p.relation == "same"),
        divergent=sum(1 for p in pairs if p.relation == "divergent"),
        related=sum(1 for p in pairs if p.relation == "related"),
        only_a=len(a.units) - len(in_a),
        only_b=len(b.units) - len(in_b),
        overlap_a=_covered(a.units, {i for p in pairs if p.relation != "related" for i in p.a}),
        overlap_b=_covered(b.units, {j for p in pairs if p.relation != "related" for j in p.b}),
    )


def _covered(units: tuple[Unit, ...], ids: set[int]) -> float:
    total = sum(len(u.text) for u in units)
    if total == 0:
        return 0.0
    return sum(len(u.text) for u in units if u.id in ids) / total

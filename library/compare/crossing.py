"""Conflicts across sentences that were not aligned as a whole.

Two outlets often state the same detail inside otherwise different sentences
("prosecutors filed a 48-page indictment against Smith" / "Smith, named in the
47-page indictment, ..."): the aligner rightly leaves them apart, yet they
disagree.  Among units left unpaired, two units are compared when they share
an anchor (a name, via `Mentions`, and a content word besides it) and both
state a value:

* a number for the same thing (same head words, see `detectors/numbers.py`)
  that neither article states the other way anywhere: a divergent claim;
* only a date that clashes, with at least `RELATED_MIN_SHARED` content words
  in common: the same subject with different facts, a *related* pair (each
  outlet reporting a different case of the same ministry).  A date alone says
  too little to call one sentence a different version of the other.

A value one article states the other way somewhere else (the "10th" of a
second announcement) is not a conflict: that article knows both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from library.compare.detectors.text import entities
from library.compare.model import Conflict, Pair
from library.compare.quantities import DateMention, dates, quantities
from library.compare.similarity import pair_score
from library.compare.units import stem

if TYPE_CHECKING:
    from library.compare.engine import Candidates
    from library.compare.idf import IdfTable

# Shared content words (besides the anchor name) a date-only pair needs.
RELATED_MIN_SHARED = 2
# A number pair needs this many: the number's head words are one already.
DIVERGENT_MIN_SHARED = 1
_CROSS_KINDS = frozenset({"number", "date"})


def _anchors(text: str, candidates: Candidates) -> set[str]:
    out: set[str] = set()
    for name in entities(text, at_start=True):
        out.add("=" + candidates.mentions.canonical(name))
        out.update(stem(w) for w in name.split() if len(w) >= 4)
    return out


def _has_value(text: str) -> bool:
    found, spans = dates(text)
    return bool(found) or bool(quantities(text, spans))


class _Article:
    """Every number value and date one whole article states."""

    def __init__(self, text: str) -> None:
        self.dates, spans = dates(text)
        self.values = {q.value for q in quantities(text, spans)}

    def states_number(self, written: str) -> bool:
        return any(q.value in self.values for q in quantities(written))

    def states_date(self, written: str) -> bool:
        # Stated = a date that fits and says at least as much ("October 10"
        # states "the 10th"; "October 2022" does not state "October 13").
        found: list[DateMention] = dates(written)[0]
        return any(d.fits(x) and _covers(x, d) for d in found for x in self.dates)


def cross_pairs(
    candidates: Candidates,
    terms_a: Sequence[Sequence[str]],
    terms_b: Sequence[Sequence[str]],
    pairs: Sequence[Pair],
    idf: IdfTable | None = None,
) -> list[Pair]:
    """Divergent and related pairs among units no aligned pair holds.

    Args:
        candidates: the comparison's candidate cache (units, texts, names).
        terms_a: content terms of each unit of A.
        terms_b: content terms of each unit of B.
        pairs: the aligned pairs.
        idf: word weights for the pair score (uniform by default).
    """
    used_a = {i for p in pairs for i in p.a}
    used_b = {j for p in pairs for j in p.b}
    free_b = [u for u in candidates.units_b if u.id not in used_b and _has_value(u.text)]
    if not free_b:
        return []
    index: dict[str, list[int]] = {}
    anchors_b: dict[int, set[str]] = {}
    for u in free_b:
        anchors_b[u.id] = _anchors(u.text, candidates)
        for key in anchors_b[u.id]:
            index.setdefault(key, []).append(u.id)
    article_a, article_b = _Article(candidates.text_a), _Article(candidates.text_b)
    found: list[tuple[int, int, int, Pair]] = []
    for u in candidates.units_a:
        if u.id in used_a or not _has_value(u.text):
            continue
        anchors = _anchors(u.text, candidates)
        partners = sorted({j for key in anchors for j in index.get(key, ())})
        for j in partners:
            names = anchors & anchors_b[j]
            shared = (set(terms_a[u.id]) & set(terms_b[j])) - names
            if len(shared) < DIVERGENT_MIN_SHARED:
                continue
            diff, conflicts = candidates.judge((u.id,), (j,))
            kept = [
                c for c in conflicts if c.kind in _CROSS_KINDS and _new(c, article_a, article_b)
            ]
            if any(c.kind == "number" for c in kept):
                relation = "divergent"
            elif kept and len(shared) >= RELATED_MIN_SHARED:
                relation = "related"
            else:
                continue
            score = pair_score(terms_a[u.id], terms_b[j], idf) if idf else 0.0
            pair = Pair((u.id,), (j,), relation, score, tuple(kept), diff)  # type: ignore[arg-type]
            found.append((int(relation == "divergent"), len(shared), -u.id, pair))
    # Surest first: divergent claims, then the most shared words; one partner each.
    found.sort(key=lambda x: (-x[0], -x[1], -x[2], x[3].b[0]))
    out: list[Pair] = []
    for _, _, _, p in found:
        if p.a[0] in used_a or p.b[0] in used_b:
            continue
        used_a.add(p.a[0])
        used_b.add(p.b[0])
        out.append(p)
    return out


def _covers(x: DateMention, d: DateMention) -> bool:
    fields = ("year", "month", "day", "weekday", "time")
    return all(getattr(d, f) is None or getattr(x, f) is not None for f in fields)


def _new(c: Conflict, article_a: _Article, article_b: _Article) -> bool:
    """Neither article states the other side's value anywhere (else it knows both)."""
    if c.kind == "number":
        return not article_a.states_number(c.b) and not article_b.states_number(c.a)
    return not article_a.states_date(c.b) and not article_b.states_date(c.a)

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
second announcement) is not a conflict: that article knows both (the
detectors check this through `Passage.article`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from library.compare.detectors import dates as date_detector
from library.compare.detectors import numbers
from library.compare.detectors.text import entities
from library.compare.kinds import conflict
from library.compare.model import Conflict, Pair, Relation
from library.compare.quantities import dates, is_dateline, quantities
from library.compare.similarity import pair_score
from library.compare.units import stem
from library.compare.worddiff import word_diff

if TYPE_CHECKING:
    from library.compare.engine import Candidates
    from library.compare.idf import IdfTable

# Shared content words (besides the anchor name) a date-only pair needs.
RELATED_MIN_SHARED = 2


def _anchors(text: str, candidates: Candidates) -> set[str]:
    out: set[str] = set()
    names = entities(text, at_start=True)
    first = entities(text)[:1]
    # A sentence that opens with a surname ("Quist, who ...") still names her.
    if (
        first
        and first[0] not in names
        and candidates.mentions.canonical(first[0]) != first[0].lower()
    ):
        names.append(first[0])
    for name in names:
        out.add("=" + candidates.mentions.canonical(name))
        out.update(stem(w) for w in name.split() if len(w) >= 4)
    return out


def _same_event(a: str, b: str, when: Sequence[Conflict], names: set[str]) -> bool:
    """Both sides name the same person or body in full and date the same event word.

    "Ann Reyes will leave on January 1" / "Ann Reyes's last day will be February
    28" is one claim told two ways; "the National Security Department issued a
    notice on November 9" / "the Ministry of State Security disclosed a case on
    October 13" is not (different names for the body, different event words).
    """
    if not any(k.startswith("=") and " " in k for k in names):
        return False
    return any(date_detector.event_words(a, c.a) & date_detector.event_words(b, c.b) for c in when)


def _values(text: str) -> tuple[bool, bool]:
    """Whether `text` states (a date, a number) the two detectors below could read.

    A pair needs a number on both sides for a number conflict and a date on
    both sides for a date conflict; a publication stamp gives neither.  Read
    once a unit, so that the many anchor-sharing pairs of a long article are
    not handed to the detectors only to find nothing.
    """
    if is_dateline(text):
        return False, False
    found, spans = dates(text)
    return bool(found), bool(quantities(text, spans))


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
    values_b = {u.id: _values(u.text) for u in candidates.units_b if u.id not in used_b}
    free_b = [u for u in candidates.units_b if any(values_b.get(u.id, ()))]
    if not free_b:
        return []
    index: dict[str, list[int]] = {}
    anchors_b: dict[int, set[str]] = {}
    for u in free_b:
        anchors_b[u.id] = _anchors(u.text, candidates)
        for key in anchors_b[u.id]:
            index.setdefault(key, []).append(u.id)
    found: list[tuple[int, int, int, int, Relation, tuple[Conflict, ...]]] = []
    for u in candidates.units_a:
        if u.id in used_a:
            continue
        has_date, has_number = _values(u.text)
        if not (has_date or has_number):
            continue
        anchors = _anchors(u.text, candidates)
        partners = sorted({j for key in anchors for j in index.get(key, ())})
        for j in partners:
            if not ((has_date and values_b[j][0]) or (has_number and values_b[j][1])):
                continue  # nothing both sides state: neither detector can fire
            names = anchors & anchors_b[j]
            shared = (set(terms_a[u.id]) & set(terms_b[j])) - names
            pa, pb = candidates.passages((u.id,), (j,))
            # Only the two slot detectors run here (a word diff of two different
            # sentences says nothing); the full judgement is for pairs kept.
            # Across sentences a number must count the same *thing* ("48-page
            # indictment", "survivors"): a unit alone ("yards") fits many plays.
            nums = tuple(
                conflict("number", x.q.text, y.q.text, context_a=x.context, context_b=y.context)
                for x, y in numbers.conflicting(pa, pb)
                if numbers.shared_thing(x, y) >= 1 and numbers.same_noun(x, y)
            )
            when = tuple(date_detector.detect(pa, pb, ())) if not nums else ()
            relation: Relation
            if nums or (when and _same_event(pa.text, pb.text, when, names)):
                relation = "divergent"
            elif when and len(shared) >= RELATED_MIN_SHARED:
                relation = "related"
            else:
                continue
            found.append(
                (int(relation == "divergent"), len(shared), u.id, j, relation, when + nums)
            )
    # Surest first: divergent claims, then the most shared words; one partner each.
    found.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    out: list[Pair] = []
    for _, _, i, j, relation, kept in found:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pa, pb = candidates.passages((i,), (j,))
        score = pair_score(terms_a[i], terms_b[j], idf) if idf else 0.0
        out.append(Pair((i,), (j,), relation, score, kept, word_diff(pa.text, pb.text)))
    return out

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

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from library.compare.detectors import dates as date_detector
from library.compare.detectors import degree, direction, numbers
from library.compare.detectors.number_mentions import UNITS
from library.compare.detectors.text import NOT_NAMES, entities
from library.compare.kinds import conflict, demote
from library.compare.model import Conflict, Pair, Relation
from library.compare.one_slot import not_one_slot
from library.compare.quantities import dates, is_dateline
from library.compare.similarity import pair_score
from library.compare.support import names_shared
from library.compare.units import stem
from library.compare.worddiff import word_diff

if TYPE_CHECKING:
    from library.compare.engine import Candidates
    from library.compare.idf import IdfTable

# Shared content words (besides the anchor name) a date-only pair needs.
RELATED_MIN_SHARED = 2
# Share of the two articles' names both give (`support.names_shared`) above
# which two sentences naming nobody in common may still count one thing: ECB+
# hard negatives (two events of one kind) have 0.186 at their 90th percentile
# and gave 40 false divergent claims without it; 31 of the 42 hand-judged
# same-event pairs are above it.  RESULTS-compare.md, "Real conflicts found".
NAMELESS_STORY_MIN = 0.2


def _anchors(text: str, candidates: Candidates, article: str = "") -> set[str]:
    out: set[str] = set()
    names = entities(text, at_start=True)
    first = entities(text)[:1]
    # A sentence that opens with a surname ("Quist, who ...") still names her:
    # when the pair knows her full name, or when the sentence opens "Surname,"
    # and its article names the person in full elsewhere (two full forms,
    # "Winston Blackmore" / "Winston K. Blackmore", leave no one long form).
    if first and first[0] not in names:
        if candidates.mentions.canonical(first[0]) != first[0].lower():
            names.append(first[0])
        elif full := _surname_opening(text, first[0], article):
            out.add("=" + full)
            names.append(first[0])
    for name in names:
        out.add("=" + candidates.mentions.canonical(name))
        out.update(stem(w) for w in name.split() if len(w) >= 4)
    return out


def _surname_opening(text: str, word: str, article: str) -> str:
    """The full name, middle initials left out, of the person a sentence opening
    "Word," names ("Blackmore, alleged to have ..." -> "winston blackmore"), when
    its article gives it elsewhere; else ""."""
    if " " in word or not re.match(rf"\s*{re.escape(word)}\s*,", text):
        return ""
    full = re.search(rf"\b[A-Z][\w’'-]+\s+(?:[A-Z]\.\s+)?{re.escape(word)}\b", article)
    if not full or full.group().split()[0].lower() in NOT_NAMES:
        return ""
    words = full.group().lower().split()
    return f"{words[0]} {words[-1]}"


def _counted(text: str) -> set[str]:
    """The things `text` counts, as anchor keys ("#villag" for "seven villages").

    Two outlets often give one count in sentences that name nobody in common
    ("the quake levelled seven villages" / "the governor said four villages
    were destroyed"): the counted noun is then the anchor.  A unit of measure
    or a bare number counts nothing in particular.
    """
    if is_dateline(text):
        return set()
    # `whole` is `mentions(text, dates(text)[1])`, parsed once a text (`_values` reads it too).
    return {"#" + k for m in numbers.whole(text) if (k := numbers.noun(m))}


def _same_event(a: str, b: str, when: Sequence[Conflict], names: set[str]) -> bool:
    """Both sides name the same person or body in full and date the same event word.

    "Ann Reyes will leave on January 1" / "Ann Reyes's last day will be February
    28" is one claim told two ways; "the National Security Department issued a
    notice on November 9" / "the Ministry of State Security disclosed a case on
    October 13" is not (different names for the body, different event words).
    """
    if not any(k.startswith("=") and " " in k for k in names):
        return False
    return any(
        date_detector.event_words(a, c.a) & date_detector.event_words(b, c.b)
        for c in when
        if not (_weekday_or_clock(c.a) or _weekday_or_clock(c.b))
    )


def _weekday_or_clock(written: str) -> bool:
    """Whether a date as written is only a weekday or a clock time ("Tuesday", "7:42").

    Across two sentences such a date rarely dates one event: a week of news
    holds an arrest on Wednesday and a vigil on Monday, a game many clock
    times (on the pool, 5 of 6 such cross-sentence proposals were two events).
    """
    found = dates(written)[0]
    return bool(found) and all(d.year is None and d.month is None and d.day is None for d in found)


_OLD = stem("old")
_NOT_OWNED = "in two different sentences: maybe another play, game or set"


def _owned(names: set[str], shared: set[str], counted: set[str], *, age: bool = False) -> bool:
    """Whether two sentences stating a count differently pin down one owner and one occasion.

    * Named in full on both sides ("=ellen quist", not a lone "Iran"): a word in
      common besides names and units (what is counted or what happened:
      "indictment", "hit"), or nothing more for an age (a person has one).
    * A one-word name: two such words ("survivors ... school").
    * No name: two words in common besides the thing counted ("falling ...
      from a ridge"); the counted noun alone never makes a contradiction.

    A name and a unit ("Teixeira ... eight years" / "seven-year offers"), or a
    counted noun and one more word ("a $161-million deal" / "the $90 million
    deal" of two players; two quakes' injured), most often meet two plays,
    games, deals or sets: on the pool's TUNE half 3 of 14 cross-sentence
    proposals were real.

    Args:
        names: the name anchors both sentences share ("=ellen quist", "quist").
        shared: content terms both share, names left out.
        counted: the things both count ("indict", "hit"), from the "#" anchors.
        age: one of the numbers is an age ("31-year-old").
    """
    words = shared - UNITS - set(numbers.HEAD_SYNONYMS)
    if not names:
        return len(words - counted) >= 2
    full = any(k.startswith("=") and " " in k for k in names)
    if full and age:
        return True
    return len(words | (counted - UNITS)) >= (1 if full else 2)


def _trusted(c: Conflict, why: str) -> Conflict:
    return demote(c, why) if why else c


def _values(text: str) -> tuple[bool, bool, bool]:
    """Whether `text` states (a date, a number, a qualified state) the detectors below
    could read.

    A pair needs a number on both sides for a number conflict, a date on both
    sides for a date conflict and a participle qualified by a degree word on
    both sides for a degree conflict ("well equipped" / "ill-equipped"); a
    publication stamp gives none.  Read once a unit, so that the many
    anchor-sharing pairs of a long article are not handed to the detectors
    only to find nothing.
    """
    if is_dateline(text):
        return False, False, False
    found = dates(text)[0]
    return bool(found), bool(numbers.whole(text)), bool(degree.qualified(text))


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
    # A unit of an aligned *divergent* pair may still contradict a free unit
    # next to its partner (`_grow`): those are read too, the other held units
    # not (a long article holds thousands).
    open_a = {i for p in pairs if p.relation == "divergent" for i in p.a}
    open_b = {j for p in pairs if p.relation == "divergent" for j in p.b}
    values_b = {
        u.id: _values(u.text) for u in candidates.units_b if u.id not in used_b or u.id in open_b
    }
    with_values = [u for u in candidates.units_b if any(values_b.get(u.id, ()))]
    if not any(u.id not in used_b for u in with_values) and used_a >= {
        u.id for u in candidates.units_a
    }:
        return []
    index: dict[str, list[int]] = {}
    anchors_b: dict[int, set[str]] = {}
    for u in with_values:
        anchors_b[u.id] = _anchors(u.text, candidates, candidates.text_b) | _counted(u.text)
        for key in anchors_b[u.id]:
            index.setdefault(key, []).append(u.id)
    shared_names = names_shared(candidates.text_a, candidates.text_b)
    story = shared_names is not None and shared_names >= NAMELESS_STORY_MIN
    found: list[tuple[int, int, int, int, Relation, tuple[Conflict, ...], str]] = []
    for u in candidates.units_a:
        if u.id in used_a and u.id not in open_a:
            continue
        has_date, has_number, has_degree = _values(u.text)
        if not (has_date or has_number or has_degree):
            continue
        anchors = _anchors(u.text, candidates, candidates.text_a) | _counted(u.text)
        partners = sorted({j for key in anchors for j in index.get(key, ())})
        for j in partners:
            if u.id in used_a and j in used_b:
                continue  # both already told: a claim of the aligner's
            on_b = values_b[j]
            if not ((has_date and on_b[0]) or (has_number and on_b[1]) or (has_degree and on_b[2])):
                continue  # nothing both sides state: no detector can fire
            common = anchors & anchors_b[j]
            names = {k for k in common if not k.startswith("#")}
            shared = (set(terms_a[u.id]) & set(terms_b[j])) - names
            pa, pb = candidates.passages((u.id,), (j,))
            # Only the slot detectors run here (a word diff of two different
            # sentences says nothing); the full judgement is for pairs kept.
            # Across sentences a number must count the same *thing* ("48-page
            # indictment", "survivors"): a unit alone ("yards") fits many plays.
            met = [
                (x, y)
                for x, y in numbers.conflicting(pa, pb)
                if numbers.shared_thing(x, y) >= 1 and numbers.same_noun(x, y)
            ]
            nums = tuple(
                _trusted(
                    conflict(
                        "number", x.q.text, y.q.text, context_a=x.context, context_b=y.context
                    ),
                    not_one_slot(x, y, pa.text, pb.text, candidates, named=bool(names)),
                )
                for x, y in met
            )
            # A person has one age: named in full, the owner is the whole slot.
            age = any(_OLD in (*x.after, *y.after) for x, y in met)
            # A state qualified both ways for someone both sides name ("well
            # equipped" / "ill-equipped") is one claim reversed.
            degs = tuple(degree.detect(pa, pb, ())) if has_degree and on_b[2] else ()
            # One place, one distance, two bearings: one located thing placed twice.
            nums += degs + (tuple(direction.across(pa, pb)) if has_number and on_b[1] else ())
            if not names and (
                not story
                or not nums
                or not shared - {k[1:] for k in common} - set(numbers.HEAD_SYNONYMS)
            ):
                # Met only through the thing counted ("seven villages" / "four
                # villages"): a count that differs, another content word in
                # common, the event ("levelled … killing" / "destroyed …
                # killed"), and two articles that surely tell one story; a
                # count of villages alone may be another set, and two quakes'
                # reports count people and villages too.
                continue
            counted = {k[1:] for k in common if k[0] == "#"}
            if nums and not _owned(names, shared, counted, age=age):
                # Across sentences a count is trusted only with the same owner
                # *and* the same occasion; otherwise the two numbers are shown,
                # as a related pair, not called a contradiction (`_owned`).
                nums = tuple(demote(c, _NOT_OWNED) if c.kind == "number" else c for c in nums)
            material = any(c.material for c in nums)
            when = tuple(date_detector.detect(pa, pb, ())) if not material else ()
            relation: Relation
            if material or (when and _same_event(pa.text, pb.text, when, names)):
                relation = "divergent"
            elif (when and len(shared) >= RELATED_MIN_SHARED) or nums:
                relation = "related"
            else:
                continue
            via = "cross-date" if not nums else "cross-name" if names else "cross-nameless"
            found.append(
                (int(relation == "divergent"), len(shared), u.id, j, relation, when + nums, via)
            )
    # Surest first: divergent claims, then the most shared words; one partner
    # each, except a unit joining the claim next to it (`_grow`).
    found.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    # Aligned pairs a free unit may join; the engine drops the aligned pair a
    # grown one replaces (they share units).
    out: list[Pair] = list(pairs)
    grown: set[int] = set()
    for _, _, i, j, relation, kept, via in found:
        if i in used_a and j in used_b:
            continue
        score = pair_score(terms_a[i], terms_b[j], idf) if idf else 0.0
        if i in used_a or j in used_b:
            if relation == "divergent":
                n = _grow(out, candidates, i, j, score, kept, via)
                if n is not None:
                    grown.add(n)
                    used_a.add(i)
                    used_b.add(j)
            continue
        used_a.add(i)
        used_b.add(j)
        pa, pb = candidates.passages((i,), (j,))
        grown.add(len(out))
        diff = word_diff(pa.text, pb.text)
        out.append(Pair((i,), (j,), relation, score, kept, diff, via=via))
    return [out[n] for n in sorted(grown)]


def _grow(
    out: list[Pair],
    candidates: Candidates,
    i: int,
    j: int,
    score: float,
    kept: tuple[Conflict, ...],
    via: str,
) -> int | None:
    """Join unit i of A (or j of B) to the claim its partner is already in; its index.

    One sentence often contradicts another on two slots told in two adjacent
    sentences ("Hale, 32, ..." then "he was well equipped" / "a badly equipped
    31-year-old, ..."), or an aligned pair's next sentence gives a count the
    other side states differently ("a quake struck the island" + "four
    villages were destroyed" / "the quake levelled seven villages"): one to
    one, the conflict would be lost.  The free unit joins that pair, which
    becomes divergent, when it sits next to the pair's units on its side;
    otherwise it stays out (a sentence elsewhere is more likely another claim).
    """
    for n, p in enumerate(out):
        if p.relation != "divergent":
            # A pair told alike stays so: a neighbour's count that differs may
            # be another event's (two fights' rounds), not this claim's.
            continue
        if j in p.b and i not in p.a and i in (p.a[0] - 1, p.a[-1] + 1):
            a, b = tuple(sorted((*p.a, i))), p.b
        elif i in p.a and j not in p.b and j in (p.b[0] - 1, p.b[-1] + 1):
            a, b = p.a, tuple(sorted((*p.b, j)))
        else:
            continue
        pa, pb = candidates.passages(a, b)
        both = tuple({c.explanation: c for c in (*p.conflicts, *kept)}.values())
        diff = word_diff(pa.text, pb.text)
        out[n] = Pair(a, b, "divergent", max(p.score, score), both, diff, via=f"grown/{via}")
        return n
    return None

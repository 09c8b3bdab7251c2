"""Whose number it is and which occasion it counts, read from its clause.

Across two sentences that were not aligned, a name both share says little
about a number: "Pike ran for 205 yards" and "nine AFL running backs ran for
300 yards" share the Bisons further on; "Ada Roy posted eight assists" and
"the Otters ... only 17 assists" share a teammate named elsewhere in each
sentence.  A reader asks whose yards, whose assists: the names of the
number's own clause (or, when it names nobody, the nearest clause before it
that does: "Okafor, 33, soon ... fell from three uppercuts" is Okafor's).
Two numbers are one slot across sentences only when those owners meet, and
nothing in the text marks two occasions (see `other_occasion`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from library.compare.detectors.text import entities
from library.compare.quantities import dates

# Where a clause ends: punctuation and dashes, but not the comma inside a
# number ("120, 000") nor the comma after a hyphenated modifier ("an
# six-year, $110 million offer": one noun phrase).
_BOUNDARY = re.compile(r",(?!\s?\d{3}\b)|[;:()\[\]]|\s--\s|\s[—–]\s")
_MODIFIER_BEFORE = re.compile(r"\w\s?-\s?[a-z]+$")


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of `text`'s clauses, in order."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.group() == "," and _MODIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def owners(text: str, start: int) -> list[str]:
    """The names that say whose the number at `start` of `text` is.

    The names of its clause; when it names nobody, the last name of the
    nearest clause before it that names someone (an appositive's head:
    "Marrow Island, home to 85,000 people"), else the first name after it.

    Args:
        text: one sentence (or passage).
        start: where the number starts.
    """
    spans = clauses(text)
    k = next((n for n, (lo, hi) in enumerate(spans) if lo <= start <= hi), len(spans) - 1)
    own = entities(text[spans[k][0] : spans[k][1]])
    if own:
        return own
    for lo, hi in reversed(spans[:k]):
        found = entities(text[lo:hi])
        if found:
            return found[-1:]
    for lo, hi in spans[k + 1 :]:
        found = entities(text[lo:hi])
        if found:
            return found[:1]
    return []


def same_owner(xs: Sequence[str], ys: Sequence[str], canonical: Callable[[str], str]) -> bool:
    """Whether two numbers' owners name one person, place or body.

    Names compare by their full form in the pair (`Mentions.canonical`:
    "Ridley" / "Tom Ridley"), or by a first word in common ("Marrow" /
    "Marrow Island").

    Args:
        xs: owners of side A's number.
        ys: owners of side B's number.
        canonical: the pair's name canonicaliser.
    """
    # As written too: the pair may know "Boston Red Sox" as "red sox".
    ca = {canonical(x) for x in xs} | {x.lower() for x in xs}
    cb = {canonical(y) for y in ys} | {y.lower() for y in ys}
    if ca & cb:
        return True
    heads_a = {c.split()[0] for c in ca if c}
    heads_b = {c.split()[0] for c in cb if c}
    return bool(heads_a & heads_b)


def other_occasion(a: str, b: str) -> bool:
    """Whether two sentences date what they tell differently ("In March, a gang took
    £41m" / "In October, burglars took £530,000"): two occasions, not one count."""
    da, db = dates(a)[0], dates(b)[0]
    return bool(da and db) and all(x.clashes(y) for x in da for y in db)


# "Harlan's record of 3,872 yards", "Moss's mark of 1,745", "Lee Harlan's year -
# old record of 3, 872" (a tokenised hyphen): a name's thing of N.
_POSSESSED = re.compile(
    r"\b([A-Z][a-z][\w-]*)['’]s\s+(?:[a-z][\w-]*\s+(?:-\s+)?){1,3}of\s+[$€£¥]?\s*$"
)
# "the Falcons have offered Jon Valdane a 6-year, $95 million contract": a
# name that gives, earns or scores the number in its own clause.  Speech verbs are
# not among them: two sources' tolls are two values for one slot.
_DOER = re.compile(
    r"\b([A-Z][a-z]\w*(?:\s+[A-Z][a-z]\w*){0,2})\s+(?:(?:has|have|had|will|would)\s+)?"
    r"(?:offer|pa(?:y|id)|bid|sign|g[ai]ve|spen[dt]|earn)\w*\s+(?:[\w-]+,?\s+){0,7}"
    r"[$€£¥]?\s*$"
)


def whose(holder: str) -> str:
    """ " (Harlan's)" to show after a number `holder` holds, or "" for no one."""
    if not holder:
        return ""
    return f" ({holder}')" if holder.endswith("s") else f" ({holder}'s)"


def held_by_other(text: str, start: int, other: str) -> str:
    """Who holds or gives the number at `start` of `text`, when the other passage never
    names them ("" if no one).

    "Pike broke Harlan's record of 3,872 yards" / "Pike set a record with 3,905
    yards": the old record, not the value the other side gives for the new one;
    "the Falcons have offered Valdane $95 million" / "Hornets offer Valdane
    $110 million": another club's offer.
    """
    held = _POSSESSED.search(text, max(0, start - 60), start) or _DOER.search(
        text, max(0, start - 90), start
    )
    return held.group(1) if held is not None and held.group(1).lower() not in other.lower() else ""

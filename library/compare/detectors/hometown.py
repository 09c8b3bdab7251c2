"""Home towns: where the person a claim is about comes from, told as two towns.

Two outlets often give the subject's home town in the same role of one claim
("Ivo Brandt, 34, of Kellerton, was charged" / "Ivo Brandt, 34, of Marsh
Hollow, was charged"), in sentences worded so differently that the word diff
never swaps the two names (`names.py` reads only short substituted hunks).
Here each side's home towns are read from fixed shapes that give a person's
place of origin, not an event's place:

* "<Name>, 34, of <Town>" / "<Name>, of <Town>," / "<Name> of <Town>, 34,";
* "a 34-year-old <Town> man" / "a <Town> woman" (man, woman, resident, native …);
* "<Town> resident <Name>", "a resident (native) of <Town>".

Two towns for one person (the same full name, or nobody named on one side
and one home town on each) make an entity conflict with both names.  Not a
conflict, gazetteer-free:

* one name inside the other, a spelling variant or an alias (`names.same_name`,
  `Mentions.same`);
* a wider place: a name that says its kind ("Dale County", "Orin Province"),
  one told with "the" ("of the Lowlands"), or the qualifier the other article
  gives its town ("Kellerton, Ostmark" against "of Ostmark");
* an article that names both places anywhere: it knows both (one may hold the
  other, the person may have moved), so it does not contradict the other.

Those are no conflict at all: no note, so a pair told alike stays "same".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.names import AREA_WORDS, same_name, title_case
from library.compare.detectors.text import capital_near_run_start
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.quantities import is_dateline

# Their first capital is near the start of its run of letters: from any capital of
# "AAAA…" or "Ab-Ab-…" the engine read to the run's end (quadratic; see
# `capital_near_run_start`).
_FIRST = capital_near_run_start(r"\w’'-")
# A capitalised place name of one to three words ("Kellerton", "Marsh Hollow").
_TOWN = rf"(?:the\s+)?{_FIRST}[a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){{0,2}}"
# A person's full name (two or three capitalised words; an initial may sit between).
_NAME = rf"{_FIRST}[\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){{1,2}}"
_AGE = r"\d{1,3}"
_WHO = r"(?:man|woman|boy|girl|teen|teenager|resident|native|couple|youth|mother|father)"
_SHAPES = (
    # "Ivo Brandt, 34, of Kellerton" / "Ivo Brandt, of Kellerton,"
    re.compile(rf"(?P<name>{_NAME})\s*,\s*(?:{_AGE}\s*,\s*)?(?:of|from)\s+(?P<town>{_TOWN})"),
    # "Ivo Brandt of Kellerton, 34,"
    re.compile(rf"(?P<name>{_NAME})\s+of\s+(?P<town>{_TOWN})\s*,\s*{_AGE}\s*,"),
    # "a 34-year-old Kellerton man", "a Kellerton woman"
    re.compile(
        rf"\b(?i:an?|the)\s+(?:{_AGE}\s*-\s*years?\s*-\s*old\s+)?(?P<town>[A-Z][a-z][\w’'-]*"
        rf"(?:\s+[A-Z][a-z][\w’'-]*)?)\s+{_WHO}\b(?:\s*,?\s*(?P<name>{_NAME}))?"
    ),
    # "Kellerton resident Ivo Brandt"
    re.compile(rf"(?P<town>{_TOWN})\s+(?:resident|native)\s+(?P<name>{_NAME})"),
    # "a resident of Kellerton", "a native of Kellerton"
    re.compile(rf"\b(?:resident|native)\s+of\s+(?P<town>{_TOWN})"),
)
# Words of a name that say it is no other town: a wider area ("Dale County"), or a
# street, which lies inside a town ("of Newton Street" names no other town).
_WIDER = AREA_WORDS | {"street", "road", "avenue", "lane", "drive", "court", "terrace"}
# States and countries a home town is most often told against ("of Houston" /
# "from Texas"): a reader knows they hold towns, the two texts may not say so.
# Not a gazetteer of towns: only the wider places, so a miss stays silent.
_STATES = frozenset(
    (
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
        "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
        "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
        "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
        "new hampshire", "new jersey", "new mexico", "new york", "north carolina",
        "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
        "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia",
        "washington", "west virginia", "wisconsin", "wyoming", "england", "scotland", "wales",
        "ireland", "britain", "france", "germany", "italy", "spain", "canada", "mexico",
        "australia", "india", "china", "japan", "russia", "pakistan", "iran", "iraq", "israel",
        "egypt", "nigeria", "kenya", "brazil", "guyana", "jamaica", "haiti", "somalia",
        "indonesia", "philippines", "afghanistan", "turkey", "greece", "poland", "ukraine",
    )
)  # fmt: skip
# A nationality or other adjective before "man" ("an Australian man"): no town.
_ADJECTIVE = re.compile(r"(?:an|ian|ean|ese|ish|ic|i)$")
# ... and the common ones those endings miss, with faiths and colours ("a Dutch man",
# "a Muslim woman", "a Black man"): they say who, not where from.
_PEOPLE = frozenset(
    (
        "dutch", "french", "swiss", "greek", "czech", "welsh", "scots", "basque", "arab",
        "thai", "latino", "latina", "muslim", "sikh", "hindu", "jew", "mormon", "buddhist",
        "black", "white", "gay",
    )
)  # fmt: skip
# Words that make a name an organisation's, told with "of" as one's employer
# ("Ada Kovac, of Human Rights Watch", "Ivo Brandt of the Ostmark Institute, 34,").
_ORGANISATION = frozenset(
    (
        "watch", "institute", "university", "college", "council", "party", "bank",
        "company", "corporation", "corp", "inc", "group", "association", "ministry",
        "department", "agency", "committee", "foundation", "center", "centre", "times",
        "post", "news", "police", "office", "service", "services", "hospital", "club",
        "union", "board", "commission", "fund", "society", "league", "church", "airlines",
    )
)  # fmt: skip
_AGE_IN = re.compile(r"\b\d{1,3}\b")
# First words that describe the person, not the place; capitalised at a sentence's
# start ("Longtime resident Ivo Brandt") they read like a town.
_NOT_TOWNS = frozenset(
    (
        "year", "old", "local", "unidentified", "unnamed", "former", "young",
        "longtime", "lifelong", "fellow", "elderly", "retired", "veteran", "another",
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Home:
    """One person's home town as a side tells it."""

    town: str  # as written, "the" left out
    wider: bool  # told as a wider area (its kind named, or with "the")
    person: str  # the name told with it, "" when none
    age: str  # the age told with it, "" when none
    shown: str  # the words that tell it ("Ivo Brandt, 34, of Kellerton")


def homes(text: str) -> list[Home]:
    """The home towns `text` gives, one per place it is told (first shape wins)."""
    found: dict[int, Home] = {}
    for shape in _SHAPES:
        for m in shape.finditer(text):
            town = m.group("town")
            at = m.start("town")
            wider = town.lower().startswith("the ")
            town = town[4:] if wider else town
            words = town.lower().split()
            if words[0] in _NOT_TOWNS or (shape is _SHAPES[2] and _people(words[-1])):
                continue
            if set(words) & _ORGANISATION:  # an employer, not where one comes from
                continue
            wider = wider or bool(set(words) & _WIDER) or " ".join(words) in _STATES
            name = (m.groupdict().get("name") or "").strip()
            age = _AGE_IN.search(m.group())
            shown = m.group().strip(" ,")
            found.setdefault(at, Home(town, wider, name, age.group() if age else "", shown))
    return [found[k] for k in sorted(found)]


def _people(word: str) -> bool:
    """Whether `word` (lower case) before "man", "woman"... names a people, a faith or a colour."""
    return word in _PEOPLE or _ADJECTIVE.search(word) is not None


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """One person's home town told as two different towns.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (not read: the two may be worded apart).
    """
    if title_case(a.text) or title_case(b.text) or is_dateline(a.text) or is_dateline(b.text):
        return
    homes_a, homes_b = homes(a.text), homes(b.text)
    if not homes_a or not homes_b:
        return
    for x, y in _one_person(homes_a, homes_b, a, b):
        if _same_place(x.town, y.town, a) or _may_hold(x, y, a, b):
            continue
        yield conflict("entity", x.town, y.town, context_a=x.shown, context_b=y.shown)
        return  # one person has one home town: one conflict says it


def _one_person(
    homes_a: list[Home], homes_b: list[Home], a: Passage, b: Passage
) -> Iterator[tuple[Home, Home]]:
    """The pairs of home towns that belong to one person.

    The same full name on both sides; or, when a side names nobody with its
    town, the only home town each side gives (two towns for two people in
    one sentence cannot be told apart without names) of the same age when
    both tell one ("a 66-year-old Kellerton woman" / "Ivo Brandt, 36, of
    Marsh Hollow" are two people), and not when the side that names nobody
    with its town names the other side's person apart from it ("a Marsh Hollow
    woman was hit by Brandt's car": her town, not his).
    """
    for x in homes_a:
        for y in homes_b:
            if x.age and y.age and x.age != y.age:
                continue
            if x.person and y.person:
                if a.mentions.canonical(x.person) == a.mentions.canonical(y.person):
                    yield x, y
            elif (
                len(homes_a) == 1
                and len(homes_b) == 1
                and not _named_apart(x, b.text)
                and not _named_apart(y, a.text)
            ):
                yield x, y


def _named_apart(home: Home, other: str) -> bool:
    """Whether the person told with `home` is named (by surname) in `other`, whose home
    town names nobody: that town is then someone else's."""
    if not home.person:
        return False
    return re.search(rf"\b{re.escape(home.person.split()[-1])}\b", other) is not None


def _same_place(x: str, y: str, a: Passage) -> bool:
    """Whether two town names are one place: one inside the other, a variant or an alias."""
    wx, wy = set(x.lower().split()), set(y.lower().split())
    return bool(wx & wy) or same_name(x, y) or a.mentions.same(x, y)


def _may_hold(x: Home, y: Home, a: Passage, b: Passage) -> bool:
    """Whether two towns may both be right: one a wider area (or a street), or an
    article that names both (it knows both: one may hold the other)."""
    if x.wider or y.wider:
        return True
    return any(
        _names(article, x.town) and _names(article, y.town)
        for article in (a.article or a.text, b.article or b.text)
    )


def _names(text: str, town: str) -> bool:
    return re.search(rf"\b{re.escape(town)}\b", text) is not None

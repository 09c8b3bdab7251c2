"""Why two numbers told in two different sentences may not fill one slot.

Across sentences (`crossing.py`, `slots.py`) two numbers that differ are a
contradiction only when they count the same thing for the same owner on the
same occasion.  `not_one_slot` reads each number's own clause for the shapes
that say otherwise (no name in common, an ordinal, a score, "another", a
part picked out of a set, two kinds counted, distances from one place, two
places, two owners, two dated occasions) and says why in a few plain words.
Split out of `crossing.py` (one concept a module).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from library.compare.detectors import owner, place
from library.compare.detectors.number_mentions import UNITS, Mention
from library.compare.units import stem

if TYPE_CHECKING:
    from library.compare.engine import Candidates

_OLD = stem("old")

_ANOTHER = re.compile(r"\banother\s+(?:[\w-]+\s+){0,2}$", re.I)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.I)
_SELECTION = re.compile(
    r"\b(?:last|final|next|first|remaining|previous|past|other)\s+(?:[\w-]+\s+)?$", re.I
)
_REMAINING = re.compile(r"\s+(?:remaining|more|other)\b", re.I)


def _selected(text: str, m: Mention) -> bool:
    """Whether a count picks out some of a set ("the last two games", "his two
    remaining games"), not the whole."""
    return bool(_SELECTION.search(text, max(0, m.q.start - 30), m.q.start)) or bool(
        _REMAINING.match(text, m.q.end)
    )


def _bare_age(m: Mention) -> bool:
    """A number with no head right after a name: an age ("Robert Buckley, 32, fell")."""
    return bool(m.owner) and not set(m.after) - m.names


_HYPHENED = re.compile(r"\s?-\s?[A-Za-z]")
# A distance that places something: "15 miles north of Dunmore", "40km from the coast".
_LOCATES = re.compile(
    r"\s*(?:-\s*)?(?:miles?|mi|km|kilomet(?:er|re)s?|met(?:er|re)s?|m|feet|ft|yards?)\s+"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|away|"
    r"outside|inland|offshore|off|short)\s+)?(?:of|from)\b"
)
_VAGUE = re.compile(r"^(?:dozens|hundreds|thousands|millions|scores)$", re.I)


def not_one_slot(
    x: Mention, y: Mention, text_a: str, text_b: str, candidates: Candidates, *, named: bool
) -> str:
    """Why two numbers of two sentences may not count one thing, or "" if nothing says so.

    Read from each number's own clause, not from the names the two sentences
    share (`detectors/owner.py`): a reader asks whose number it is and on which
    occasion.  Each reason is a shape of real look-alikes, never one example:

    * no name on either side ties them: "seven villages" / "four villages" may
      be two sets, two quakes' tolls count "people" alike;
    * a different owner: "Luck threw for 205 yards" / "nine NFL quarterbacks
      threw for 300 yards"; "Lawson had eight assists" / the team's 17;
    * two dated occasions: "In July, ... stole £88m" / "In May, ... £910,000";
    * an ordinal names *which* one ("the sixth round" / "the fourth round"),
      a score or a ratio is one moment of a game ("a 46-28 lead" / "24-20",
      "7-for-14"): across sentences they pick different things;
    * "another 90-yard run" says itself that it is not the one told before;
    * a vague magnitude ("tens of thousands") is no value to contradict;
    * an age against a count ("40-year-old Thompson" / "twice wrestled
      Thompson").
    """
    if not named:
        return "in two different sentences with no name in common: maybe two sets"
    if x.q.ordinal or y.q.ordinal:
        return "in two different sentences: an ordinal names which one, maybe another"
    if x.joined or y.joined:
        return "in two different sentences: a score or range of another moment, maybe"
    if _ANOTHER.search(text_a, 0, x.q.start) or _ANOTHER.search(text_b, 0, y.q.start):
        return "'another': told as a different one"
    if _VAGUE.match(x.q.text) or _VAGUE.match(y.q.text):
        return "a rough magnitude, not a count"
    if (_OLD in x.after) != (_OLD in y.after) and not (_bare_age(x) or _bare_age(y)):
        return "an age against a count"
    if _selected(text_a, x) != _selected(text_b, y):
        # "could miss the final two games" / "played in 10 games": some of a
        # set against all of it, as a superlative picks some (`numbers`).
        return "a part picked out ('last', 'next', 'remaining') against a whole"
    if (
        _INDEFINITE.search(text_a, 0, x.q.start)
        and _INDEFINITE.search(text_b, 0, y.q.start)
        and _HYPHENED.match(text_a, x.q.end)
        and _HYPHENED.match(text_b, y.q.end)
    ):
        # "an 11-yard pass" / "a seven-yard touchdown pass": each told as one
        # of its kind, two plays (or two quakes) unless the text ties them.
        return "each told as 'a …' in two different sentences: maybe two"
    ages = _OLD in x.after or _OLD in y.after  # "31-year-old" / "Buckley, 32,"
    if not ages and bool(_HYPHENED.match(text_a, x.q.end)) != bool(
        _HYPHENED.match(text_b, y.q.end)
    ):
        # "four 100-catch seasons" counts catches per season; a bare "4,183"
        # or "eight catches" counts something else.
        return "a measure of something against a count"
    if kinds := _two_kinds(x, y):
        return kinds
    if _LOCATES.match(text_a, x.q.end) and _LOCATES.match(text_b, y.q.end):
        # "the office is 15 miles north of Dunmore" / "a driver 50 miles north of
        # Dunmore saw the car": a distance places one thing, each sentence its own.
        return "distances from one place: maybe of two different things"
    where_a = place.where(text_a, x.q.start, x.q.end)
    where_b = place.where(text_b, y.q.start, y.q.end)
    if place.other_place(where_a, where_b):
        return place.reason(where_a, where_b)  # "in Aceh" / "across Asia": two tolls
    canonical = candidates.mentions.canonical
    own_a, own_b = owner.owners(text_a, x.q.start), owner.owners(text_b, y.q.start)
    if not owner.same_owner(own_a, own_b, canonical):
        shown_a, shown_b = ", ".join(own_a) or "?", ", ".join(own_b) or "?"
        return f"whose? A: {shown_a} · B: {shown_b}"
    if owner.other_occasion(text_a, text_b):
        return "in two sentences dated differently: two occasions"
    return ""


def _two_kinds(x: Mention, y: Mention) -> str:
    """Why two counts of one noun told in two sentences count two kinds of it, or "".

    "four cross-conference games" / "six straight games": each side qualifies the
    noun with words the other lacks, so each counts its own set ("three boats" /
    "two speed boats", qualified on one side only, may still be one set).
    """
    hx = [w for w in x.after if w not in UNITS]
    hy = [w for w in y.after if w not in UNITS]
    if not hx or not hy or hx[-1] != hy[-1]:
        return ""
    only_x, only_y = set(hx[:-1]) - set(hy), set(hy[:-1]) - set(hx)
    return "two kinds counted, each qualified its own way" if only_x and only_y else ""

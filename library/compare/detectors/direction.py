"""Directions: one thing placed on two sides of the same place.

Two outlets often locate an event from the same town ("the epicentre was 40 km
west of Dunmore" / "40 km south of Dunmore", "attacked 90 miles east of Port
Vell" / "sailing 90 miles west of Port Vell"): the distance may agree while the
compass point does not.  Within two sentences aligned as one claim, two
directions from one place a quarter turn or more apart cannot both be right.

Not a conflict:

* neighbouring points ("west" / "south-west", "south" / "south-east"): one
  outlet rounds the bearing;
* a place named on one side only, or two places;
* an article that gives the other direction from that place elsewhere: it
  locates two things (the quake and a town it hit), so it knows both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from library.compare.detectors.base import Diff, Passage
from library.compare.kinds import conflict, told_with
from library.compare.model import Conflict

_POINTS = {
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
}
# "40 km west of Dunmore", "south-east of Port Vell", "90 nautical miles east of Aden".
_BEARING = re.compile(
    r"(?P<bearing>\b(?P<point>(?:north|south)(?:\s*-\s*|\s+)?(?:east|west)|north|south|east|west)"
    r"\s+of\s+(?:the\s+(?:city|town|village|port)\s+of\s+)?"
    r"(?P<place>(?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})))",
    re.I,
)
# "the" right before the point, not "to the": a region of the place.
_REGION = re.compile(r"(?<!\bto\s)\bthe\s+$", re.I)
# Points this far apart (degrees) or more cannot both be the bearing of one thing.
MIN_TURN = 90


def bearings(text: str) -> list[tuple[str, int, str]]:
    """(place, degrees, as written) of each "<point> of <Place>" in `text`.

    "the north of Sicily" / "the North West of England" is a part of the place, not a
    bearing from it ("to the north of Sicily" is one): left out.
    """
    out = []
    for m in _BEARING.finditer(text):
        if _REGION.search(text, 0, m.start()):
            continue
        point = re.sub(r"[\s-]+", "", m.group("point").lower())
        out.append((m.group("place"), _POINTS[point], _shown(text, m)))
    return out


def _shown(text: str, m: re.Match[str]) -> str:
    """The bearing with the distance told before it ("40 km west of Dunmore")."""
    before = re.search(r"(?:\d[\d.,]*\s*(?:-\s*)?[a-z]+\s+(?:[a-z]+\s+)?)$", text[: m.start()])
    return (before.group() if before else "") + m.group("bearing")


def _turn(x: int, y: int) -> int:
    d = abs(x - y) % 360
    return min(d, 360 - d)


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """One place, two bearings a quarter turn or more apart.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (not read).
    """
    on_a, on_b = bearings(a.text), bearings(b.text)
    if not on_a or not on_b:
        return
    known_a = {(p, d) for p, d, _ in bearings(a.article or a.text)}
    known_b = {(p, d) for p, d, _ in bearings(b.article or b.text)}
    for place_a, deg_a, shown_a in on_a:
        for place_b, deg_b, shown_b in on_b:
            if place_a.lower() != place_b.lower() or _turn(deg_a, deg_b) < MIN_TURN:
                continue
            if (place_a, deg_b) in known_a or (place_b, deg_a) in known_b:
                continue  # that article locates two things from the place
            yield conflict("entity", shown_a, shown_b)
            return


def across(a: Passage, b: Passage) -> Iterator[Conflict]:
    """Two bearings from one place told with the same distance, in two sentences the
    aligner left apart ("attacked 90 miles east of Port Vell" / "sailing 90 miles
    west of Port Vell"): the same distance from the same place pins one located
    thing, as a full name pins one person's age (`crossing.py`)."""
    for found in detect(a, b, ()):
        if pinned(found):
            yield found


def pinned(c: Conflict) -> bool:
    """Whether conflict `c` gives two bearings from one place at one stated distance."""
    told = told_with(c)
    if c.kind != "entity" or told is None:
        return False
    on_a, on_b = bearings(told[0]), bearings(told[1])
    if len(on_a) != 1 or len(on_b) != 1 or on_a[0][0].lower() != on_b[0][0].lower():
        return False
    far_a, far_b = (_distance(found[0][2]) for found in (on_a, on_b))
    return bool(far_a) and far_a == far_b


def _distance(shown: str) -> list[str]:
    """The words told before the compass point when they are a distance (["90",
    "nautical", "miles"]); [] otherwise ("12 farms" counts things, not how far)."""
    told = _DISTANCE.match(shown)
    words = told.group().split() if told else []
    return words if _UNIT.search(" ".join(words)) else []


# What is told before the compass point: the distance ("90 nautical miles ").
_DISTANCE = re.compile(r".*?(?=\b(?:north|south|east|west))", re.I)
# A unit of length among those words.
_UNIT = re.compile(
    r"(?:\b|(?<=\d))(?:miles?|mi|km|kms|kilomet(?:er|re)s?|met(?:er|re)s?|m|feet|ft|yards?|yds?)\b",
    re.I,
)

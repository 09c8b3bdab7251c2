"""Names: a different person, place or body in the same role.

A name counts as replaced when the word diff swaps it for another name inside a
short hunk whose surroundings both sides share (the same role in the same
claim).  Not a conflict: spelling and translation variants, acronyms,
surname-only or titled references and "(referred to as X)" aliases of a name
given in full elsewhere in the pair, and two people each article names anyway
(two people in parallel roles, not one swapped for the other).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.speech import addressees, speakers
from library.compare.detectors.text import TITLES, WORD, entities, stems, unique
from library.compare.kinds import conflict, demote
from library.compare.mentions import initials
from library.compare.model import Conflict
from library.compare.quantities import is_dateline

MAX_HUNK_WORDS = 6


# Given names and their everyday forms: "Katie Jenkin" / "Kathryn Jenkin" is one
# sister told by two outlets, not two people.
_GIVEN_FORMS = (
    ("katherine", "kathryn", "catherine", "katie", "kate", "kathy", "cathy", "kat"),
    ("robert", "bob", "bobby", "rob", "robbie"), ("william", "bill", "billy", "will", "willie"),
    ("james", "jim", "jimmy", "jamie"), ("michael", "mike", "mick", "mickey"),
    ("thomas", "tom", "tommy"), ("richard", "dick", "rick", "rich", "richie"),
    ("joseph", "joe", "joey"), ("anthony", "tony"), ("david", "dave"),
    ("stephen", "steven", "steve"), ("christopher", "chris"), ("daniel", "dan", "danny"),
    ("edward", "ed", "eddie", "ted"), ("john", "jack", "johnny"), ("nicholas", "nick"),
    ("matthew", "matt"), ("andrew", "andy", "drew"), ("benjamin", "ben"),
    ("gregory", "greg"), ("jeffrey", "jeff"), ("lawrence", "larry"), ("ronald", "ron"),
    ("donald", "don"), ("kenneth", "ken"), ("timothy", "tim"), ("vincent", "vince"),
    ("frederick", "fred", "freddie"), ("charles", "charlie", "chuck"),
    ("elizabeth", "liz", "beth", "betty", "lizzie"), ("margaret", "maggie", "peggy"),
    ("jennifer", "jenny", "jen"), ("susan", "sue", "susie"), ("patricia", "patty", "trish"),
    ("alexander", "alex"), ("samuel", "sam"), ("jacqueline", "jackie"),
)  # fmt: skip
_GIVEN = {form: group[0] for group in _GIVEN_FORMS for form in group}


def _given(name: str) -> tuple[str, ...]:
    words = name.lower().split()
    return (_GIVEN.get(words[0], words[0]), *words[1:]) if words else ()


def same_name(x: str, y: str) -> bool:
    """True when two names are plausibly variants: acronym, spelling, translation, an
    everyday form of a given name ("Katie" / "Kathryn")."""
    if _given(x) == _given(y):
        return True
    if x.lower() in _KINDS_OF_PLACE and y.lower() in _KINDS_OF_PLACE:
        return True  # "Willow Creek Center" / "Willow Creek Clinic": one body, named loosely
    for short, long in ((x, y), (y, x)):
        if short.isupper() and len(short) >= 2 and " " not in short:
            ini = initials(long)
            it = iter(short)
            if len(ini) >= 2 and all(ch in it for ch in ini):
                return True
    if _abbreviates(x, y) or _abbreviates(y, x):
        return True
    xl, yl = x.lower(), y.lower()
    # Same stem of four letters or more ("Committee"/"Commission") reads as a
    # translation variant more often than as a different body.
    return xl[:4] == yl[:4] or SequenceMatcher(None, xl, yl).ratio() >= 0.6


# The word that says what kind of body a name is: one outlet's "Center" is
# another's "Clinic" for the same place, the distinctive words being the same.
_KINDS_OF_PLACE = frozenset((
    "center", "centre", "clinic", "hospital", "institute", "facility", "home", "house", "hall",
    "club", "society", "association", "agency", "office", "bureau", "school", "college",
    "academy", "foundation", "hotel", "inn", "resort", "store", "shop", "boutique", "company",
    "corporation", "corp", "inc", "group", "department", "dept", "station", "stadium", "arena",
))  # fmt: skip


def _abbreviates(short: str, long: str) -> bool:
    """Whether one word is a written-short form of the other: its first and last letters
    and every letter between in order ("Lt" / "Lieutenant", "Sgt" / "Sergeant"), or
    its beginning ("Gov" / "Governor").  One outlet's title, the other's spelt out."""
    s, w = short.rstrip(".").lower(), long.lower()
    if " " in s or " " in w or not 2 <= len(s) <= 4 or len(w) <= len(s) + 1:
        return False
    if len(s) >= 3 and w.startswith(s):
        return True
    rest = iter(w[1:-1])
    return s[0] == w[0] and s[-1] == w[-1] and all(ch in rest for ch in s[1:-1])


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Names the word diff substitutes for each other.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B.
    """
    if title_case(a.text) or title_case(b.text):
        return  # a headline: its capitals say nothing about which words are names
    if is_dateline(a.text) or is_dateline(b.text):
        return  # "Published December 23" / "Posted Dec 23": two stamps, no names
    stems_a, stems_b = stems(a.text), stems(b.text)
    # Sources and the outlets they told are left to attribution (low severity):
    # "Officer Dana Kettering said" / "said Officer Luis Ortega", "her rep told
    # StarWeekly.com" / "told NewsDaily.com".
    said = {*speakers(a.text), *speakers(b.text), *addressees(a.text), *addressees(b.text)}
    men = a.mentions
    for k in range(len(diff) - 1):
        (op1, t1), (op2, t2) = diff[k], diff[k + 1]
        if {op1, op2} != {-1, 1}:
            continue
        ta, tb = (t1, t2) if op1 == -1 else (t2, t1)
        # A substitution, not a rewrite: big replaced hunks are paraphrase, where
        # names move around without contradicting each other.
        if len(WORD.findall(ta)) > MAX_HUNK_WORDS or len(WORD.findall(tb)) > MAX_HUNK_WORDS:
            continue
        ea = [e for e in entities(ta, at_start=k == 0) if not stems(e) & stems_b and not _role(e)]
        eb = [e for e in entities(tb, at_start=k == 0) if not stems(e) & stems_a and not _role(e)]
        ea, eb = _unlabelled(a.text, ea, b.text, eb)
        ea = [e for e in ea if not any(same_name(e, f) or men.same(e, f) for f in eb)]
        eb = [f for f in eb if not any(same_name(e, f) or men.same(e, f) for e in ea)]
        # Each article names the other's person too: two people in parallel
        # roles, or one described two ways, not a swap.
        ea = [e for e in ea if not men.mentioned(e, "b") and not _within(e, said)]
        eb = [f for f in eb if not men.mentioned(f, "a") and not _within(f, said)]
        # "John Jenkin" against "A MAN has been charged": a headline in capitals,
        # not a name; an acronym is matched by `same_name` above.
        ea = [e for e in ea if not e.isupper() or all(f.isupper() for f in eb)]
        eb = [f for f in eb if not f.isupper() or all(e.isupper() for e in ea)]
        # "on the Riviera" / "in the resort town of Cannes": a note, the rest judged alone.
        wider = [
            (e, f)
            for e in ea
            for f in eb
            if _region_and_place(a.text, b.text, e, f)
            or _place_and_body(a.text, b.text, e, f)
            or _town_and_area(a.text, b.text, e, f)
        ]
        for e, f in wider[:1]:
            yield demote(conflict("entity", e, f), _REGION)
            ea, eb = [x for x in ea if x != e], [y for y in eb if y != f]
        if not ea or not eb:
            continue
        ua, ub = unique(ea), unique(eb)
        if len(ua) == len(ub):
            for x, y in zip(ua, ub, strict=True):
                yield conflict("entity", x, y)
        else:
            yield conflict("entity", ", ".join(ua), ", ".join(ub))


_REGION = "a region and a place that may lie in it"
# Words of a place name that say it is a wider area than a town ("Dale County").
AREA_WORDS = frozenset(
    (
        "county", "parish", "province", "state", "region", "district", "township",
        "borough", "valley", "island", "islands", "coast", "area", "republic", "kingdom",
    )
)  # fmt: skip


# The last word of a name that makes it an area holding towns ("Dale County").
_AREA_HEADS = frozenset(
    ("county", "parish", "province", "prefecture", "township", "borough", "region", "district")
)


def _town_and_area(text_a: str, text_b: str, x: str, y: str) -> bool:
    """Whether two names swapped are each told as a place ("in", "of", "near" before
    it) and one ends in the word for an area that holds towns ("in Kellerton" /
    "in Dale County"): the county may hold the town, so this is no contradiction.
    A name such as "District Court" or "Golden State" told in another role stays a swap."""

    def area(name: str) -> bool:
        return name.split()[-1].lower() in _AREA_HEADS

    def placed(text: str, name: str) -> bool:
        at = text.find(name)
        return at > 0 and bool(_PLACED.search(text, max(0, at - 12), at))

    return area(x) != area(y) and placed(text_a, x) and placed(text_b, y)


_PLACED = re.compile(r"\b(?:in|of|from|near|at|across|outside)\s+(?:the\s+)?$", re.I)


_WHERE = re.compile(r"\b(?:in|on|at|near|across|throughout|around|along)\s+(?:[\w-]+\s+){0,4}$")
_THE = re.compile(r"\bthe\s+$", re.I)


def _region_and_place(text_a: str, text_b: str, x: str, y: str) -> bool:
    """Whether two names swapped are each a place, one a region told with "the" and
    the other a town without it ("heists ... on the Riviera" / "in the resort of
    Cannes"): the region may hold the town, so this is no contradiction."""
    at_a, at_b = text_a.find(x), text_b.find(y)
    if at_a < 0 or at_b < 0 or " " in x or " " in y:
        return False
    the_a = bool(_THE.search(text_a, max(0, at_a - 5), at_a))
    the_b = bool(_THE.search(text_b, max(0, at_b - 5), at_b))
    return (
        the_a != the_b
        and bool(_WHERE.search(text_a, max(0, at_a - 40), at_a))
        and bool(_WHERE.search(text_b, max(0, at_b - 40), at_b))
    )


def _place_and_body(text_a: str, text_b: str, x: str, y: str) -> bool:
    """Whether one name is a place told as a modifier ("checks into a Delmar rehab")
    and the other a body named by its kind ("checks into the Harlow Clinic"): the
    body may lie in the place, so this is no contradiction."""
    for place, body, text in ((x, y, text_a), (y, x, text_b)):
        at = text.find(place)
        if (
            " " not in place
            and " " in body
            and _INTO.search(text, max(0, at - 8), at)
            and _MODIFIER.match(text, at + len(place))
            and body.split()[-1].lower() in _KINDS_OF_PLACE
        ):
            return True
    return False


# A lower-case noun right after a name: the name used as a modifier ("Delmar rehab"),
# after a preposition of place ("into Delmar rehab", not "the Owls defense").
_MODIFIER = re.compile(r"\s+[a-z]{3,}\b")
_INTO = re.compile(r"\b(?:into|in|at|to|from|near)\s+$")
# A capitalised word that labels the number after it ("Week 16", "Route 9"): no name.
_LABELS = re.compile(r"\s+#?\d")


def _unlabelled(
    text_a: str, ea: list[str], text_b: str, eb: list[str]
) -> tuple[list[str], list[str]]:
    """The names of a swap, without one side's words that only label a number when the
    other side's do not ("in Dunmore, Ore." / "in Week 12"); a team before its score
    on both sides ("Rams 24" / "Owls 24") stays a name."""
    la = [e for e in ea if _label(text_a, e)]
    lb = [e for e in eb if _label(text_b, e)]
    if la and not lb:
        ea = [e for e in ea if e not in la]
    elif lb and not la:
        eb = [e for e in eb if e not in lb]
    return ea, eb


def _label(text: str, name: str) -> bool:
    """Whether `name` only labels a number ("in Week 16"), so names no one."""
    at = text.find(name)
    return at >= 0 and bool(_LABELS.match(text, at + len(name)))


def _within(name: str, said: set[str]) -> bool:
    """Whether `name` is one of `said` or a part of one ("Dana Kettering" of "Nevada
    Highway Patrol Officer Dana Kettering")."""
    return any(name == s or f" {name}" in f" {s} " or f"{name} " in f" {s} " for s in said)


def _role(name: str) -> bool:
    """Whether a "name" is only a title ("President" Reagan / "Ronald" Reagan): a role
    said before the name both sides give, not another person."""
    return all(w.lower().rstrip(".") in TITLES for w in name.split())


def title_case(text: str) -> bool:
    """Whether `text` is written in Title Case, as headlines are ("Dairy Building Burns
    Down" / "Dairy Building Was Uninsured"): most of its longer words capitalised."""
    words = [w for w in WORD.findall(text) if len(w) >= 4 and w.isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)

"""Reading one number: the words that say what it counts, whose it is, how exact it is.

`numbers.py` compares two sides' numbers; this module reads each number once
("a 48-page indictment": 48, head "page indictment"; "more than 100,000": a
bound; "Okafor (22 KOs)": whose).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from library.compare.detectors import measures, scope
from library.compare.detectors.text import WORD
from library.compare.quantities import Quantity, quantities
from library.compare.units import stem

# Function words a number's head noun phrase never starts with (unlike the
# engine's STOPWORDS, "year" and "one" are heads here).
_FUNCTION = frozenset((
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "than", "that", "this", "these", "those", "is", "was", "are", "were", "be",
    "been", "has", "have", "had", "will", "would", "said", "says", "who", "which", "its",
    "his", "her", "their", "about", "some", "nearly", "almost", "around", "roughly", "over",
    "under", "more", "less", "fewer", "least", "up", "last", "next", "ago", "earlier", "later",
    "since", "until", "after", "before", "during", "when", "while", "into", "per", "each",
    "against", "across", "within", "without", "among", "near",
))  # fmt: skip
_PREPOSITIONS = frozenset({"of", "in", "for", "on", "at"})
_APPROX = re.compile(
    r"(?:about|around|nearly|almost|roughly|some|approximately|over|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|up\s+to|close\s+to|upwards\s+of|under|estimated|~)\s*[$€£¥]?\s*$",
    re.I,
)
# A sum converted from another currency in brackets: "a euro90 billion ($115
# billion) loan" is as exact as the rate the outlet used ($118 billion elsewhere);
# "$US2 million ($3.1 million)" gives the sum again in the outlet's own dollars.
_CONVERTED = re.compile(
    r"(?:euros?|€|£|¥|yuan|pounds?|\?|\ufffd|\$\s?(?:US|AU?|NZ|C)|(?:US|AU?|NZ|C)\s?\$)"
    r"\s*(?P<n>\d[\d.,]*)\s*(?:-\s*)?(?P<scale>billion|million|bn|m)?\s*"
    r"(?:euros?|pounds?|yuan)?\s*\(\s*(?:US)?[$€£¥]?\s*$",
    re.I,
)
# A bound, not a value: "more than 100,000" fits 120,000, "up to 40" fits 35.
_AT_LEAST = re.compile(
    r"(?:over|more\s+than|at\s+least|upwards\s+of|in\s+excess\s+of)\s+(?:the\s+)?[$€£¥]?\s*$",
    re.I,
)
_AT_MOST = re.compile(
    r"(?:under|less\s+than|fewer\s+than|up\s+to|no\s+more\s+than)\s+(?:the\s+)?[$€£¥]?\s*$",
    re.I,
)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|US\$|HK\$|RMB|USD|EUR)\s*$")
_HEAD_WORDS = 3


@dataclass(frozen=True, slots=True)
class Mention:
    q: Quantity
    after: tuple[str, ...]  # stems of the head noun phrase after the number
    before: tuple[str, ...]  # stems of the content words just before
    names: frozenset[str]  # capitalised words in the head ("27-year-old Ellis")
    owner: frozenset[str]  # the name just before it ("Okafor (31-4-1, 22 KOs)")
    approx: bool
    context: str  # "48-page indictment", for the explanation
    bound: int = 0  # +1: "more than" the value, -1: "up to" it, 0: the value itself
    tail: tuple[str, ...] = ()  # stems of the words after the head ("were killed")
    span: str = ""  # "period" (a season's total) or "occasion" (one game's): `scope.scope`
    joined: bool = False  # one side of a score or range ("13-10 overtime loss")
    currency: str = ""  # "usd", "gbp", ... for a sum of money (`_currency`)
    part: bool = False  # some of a set: "the two other victims" (`magnitude.is_part`)
    of_total: float = 0.0  # the whole it is told against: 14 in "9 of the Owls' 14 games"
    missed: bool = False  # told as missed: "missing 9 of 14 games" (`complement`)
    converted: bool = False  # converted in brackets: "a euro110 billion ($143 billion)"
    original: float = 0.0  # the sum before the bracket: 110e9 for the line above
    rate: bool = False  # told per period or per item: "$21 million per season" (`_RATE`)
    of_noun: bool = False  # right after "<noun> of": "a mother of 12" (`_OF_NOUN`)


# "9 of the Owls' 14 games", "28 of his 68 punches": the second number is the whole.
_OF_TOTAL = re.compile(
    r"\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[A-Z][\w.]*(?:['’]s?)?\s+){0,3}"
)
# A name right before the number: "Okafor (31-4-1, 22 KOs)", "Daniel Marsh, 41,",
# "Ames Dorn Jr., 49,".
_OWNER = re.compile(
    r"\b((?:[A-Z][a-z]\w*\s+){0,2}[A-Z][a-z]\w*)(?:,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?(?:['’]s)?"
    r"\s*[(,]?\s*(?:[\d-]+,\s*)?$"
)


# A number joined to another by a dash: a score ("27-24 overtime loss") or a range.
# "9-for-17 from the field" is one ratio too.
def other_places(x: str, y: str) -> bool:
    """Whether two places read by `place_owner` are two: no word in common ("Varo" /
    "Varo Island" are one)."""
    return bool(x and y) and not set(x.lower().split()) & set(y.lower().split())


def place_owner(text: str, start: int) -> str:
    """The place a number belongs to when told in apposition ("Varo island, home to
    90,000 people" -> "Varo"), else ""."""
    m = _PLACE_OWNER.search(text, max(0, start - 60), start)
    return m.group(1) if m else ""


# A place's own number, told in apposition: "Varo island, home to 90,000
# people", "Kesh, a city of 400,000": the number is the place's, not the story's.
_PLACE_OWNER = re.compile(
    r"\b((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)(?:\s+[a-z]+)?\s*,\s*(?:home\s+to|population|"
    r"an?\s+(?:[a-z]+\s+)?"
    r"(?:city|town|village|island|country|nation|province|state|region|district|port)\s+of)"
    r"\s+(?:(?:about|some|nearly|around|roughly|almost|over|more\s+than)\s+)?$"
)
_JOINED_BEFORE = re.compile(r"\d\s*[-–]\s*(?:for\s*[-–]\s*)?$")
_JOINED_AFTER = re.compile(r"\s*[-–]\s*(?:for\s*[-–]\s*)?\d")
# A range told in words: "a lease of between three and five years" (either end).
_BETWEEN = re.compile(r"\bbetween\s+(?:[$€£¥]?\s*[\w.,]+\s+and\s+)?[$€£¥]?\s*$", re.I)
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "those", "these"})


def mentions(text: str, hide: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Every number of `text` with the words that say what it counts.

    "6 of the Rovers' 11 games": 6 counts games, and 11 (the total) is left out.

    Args:
        text: one passage.
        hide: spans already claimed by dates.
    """
    found = measures.word_counts(text, quantities(text, hide), hide)
    extra = measures.glued(text, found, hide)
    if extra:
        found = sorted([*found, *extra], key=lambda q: q.start)
    out: list[Mention] = []
    total: set[int] = set()
    codes = [m.span() for m in _DIGIT_RUN.finditer(text) if _is_code(m.group())]
    for n, q in enumerate(found):
        if n in total or _unreadable(text, q, codes):
            continue
        q = _scaled(text, q)
        nxt = found[n + 1] if n + 1 < len(found) else None
        of_total = 0.0
        if nxt is not None and _OF_TOTAL.fullmatch(text[q.end : nxt.start]):
            total.add(n + 1)
            head_from = nxt.end
            of_total = nxt.value
        else:
            head_from = q.end
        after, names, end = _head(text, head_from)
        if named := label(text, q):
            after, names = [named], set()
        lead = text[max(0, q.start - 40) : q.start]
        lead_words = [
            stem(w)
            for w in WORD.findall(lead)
            if w.lower() not in _FUNCTION and not w[0].isdigit() and stem(w) not in UNITS
        ]
        before = lead_words[-2:]
        # Whose number it is: the last name just before ("Okafor (31-4-1, 22 KOs)").
        owned = _OWNER.search(lead)
        owner = owned.group(1).lower().split() if owned else []
        if unit := measures.unit_of(q):
            after.insert(0, unit)  # "200ft from a ridge": the unit is the head's first word
        if after and after[0] in _DECADES:
            # "a three-decades-old record" is the "30-year-old school mark": count in years.
            q = replace(q, value=q.value * 10)
            after[0] = _YEAR
        money = _CURRENCY_BEFORE.search(lead)
        if money:
            after.append("¤")  # a sum of money: the currency is part of the head
        if hit := scope.hit_head(after, lead_words[-4:]):
            after = list(hit)  # "hit by three bullets" / "shot 11 times": hits on a body
        out.append(
            Mention(
                q,
                tuple(after),
                tuple(before),
                frozenset(names),
                frozenset(owner[-1:]),
                bool(_APPROX.search(lead) or _CONVERTED.search(lead)),
                text[q.start : max(end, q.end)].strip(),
                1
                if _AT_LEAST.search(lead) or _PLUS_AFTER.match(text, q.end)
                else -1
                if _AT_MOST.search(lead)
                else 0,
                tuple(stem(w) for w in WORD.findall(text[max(end, q.end) : max(end, q.end) + 24])),
                # An age ("the 23-year-old", "Moss, 23,") is no total of a period.
                scope.local(text, q.start, q.end, end)
                or (
                    scope.scope(text, q.start, q.end) if after and stem("old") not in after else ""
                ),
                bool(
                    _JOINED_BEFORE.search(lead)
                    or _JOINED_AFTER.match(text, q.end)
                    or _BETWEEN.search(lead)
                ),
                _currency(money.group() if money else "", after),
                _PART_BEFORE.search(text, max(0, q.start - 24), q.start) is not None
                or _PART_AFTER.match(text, q.end) is not None
                or _AND_OTHERS.match(text, max(end, q.end)) is not None
                or _WINDOW.match(text, max(end, q.end)) is not None,
                of_total,
                _MISSED.search(lead) is not None,
                _CONVERTED.search(lead) is not None,
                original=_original(_CONVERTED.search(lead)),
                rate=_RATE.match(text, max(end, q.end)) is not None,
                of_noun=_OF_NOUN.search(lead) is not None,
            )
        )
    return out


def _original(converted: re.Match[str] | None) -> float:
    """The sum a bracketed conversion converts, as first told ("$US2 million (" -> 2e6)."""
    if converted is None:
        return 0.0
    try:
        n = float(converted.group("n").replace(",", ""))
    except ValueError:
        return 0.0
    scale = (converted.group("scale") or "").lower()
    return n * (1e9 if scale in ("billion", "bn") else 1e6 if scale in ("million", "m") else 1)


# A number right after "<noun> of": what the noun has or holds ("a mother of 12",
# "a town of 5,000"), not a count of the noun.
_OF_NOUN = re.compile(r"\b[A-Za-z]{3,}\s+of\s+$")

# A value per period or per item: "$21 million per season", "12 points a game",
# "$40 apiece".  Against a total ("a $170 million deal") it is another quantity,
# however the two are worded.
_RATE = re.compile(
    r"\s*(?:(?:a|an|per|each|every)\s+(?:year|season|game|match|month|week|day|night|hour|"
    r"annum|head|person|share)\b|annually\b|apiece\b|a\s+piece\b)",
    re.I,
)


# Words that mark a count as some of a set: "his first 17 passes", "the two other
# victims", "three other assault rifles" (besides the AK-47s), "10 more people",
# "including three children", "five of whom".  ("another 90-yard run" is a
# different one, which `crossing` says in its own words; "the arms included seven
# AK-47s" lists the whole, unlike "including".)
_PART_BEFORE = re.compile(
    r"\b(?:first|last|final|next|remaining|other|additional|further)\s+$", re.I
)
_PART_AFTER = re.compile(
    r"\s+(?:other|more|remaining|additional|further)\b|\s+of\s+(?:whom|them|which)\b", re.I
)

# A count over a window of time: "arrested three times since October" is some of
# the arrests "four times" counts in all.
_WINDOW = re.compile(r"\s+since\b", re.I)

# "three-plus seasons", "10+ years": a lower bound.
_PLUS_AFTER = re.compile(r"\s?-\s?plus\b|\s?\+(?!\s?\d)", re.I)
# "some 420 passengers and crew": a whole larger than the head says, never the
# count of the head alone ("its 246 passengers").
_AND_OTHERS = re.compile(
    r"\s+and\s+(?:its\s+|the\s+|their\s+)?(?:crew|staff|others|employees|workers|guests)\b",
    re.I,
)
# Games missed, against games played ("missing 10 of the 16 games" / "six games").
_MISSED = re.compile(
    r"\b(?:miss(?:ed|es|ing)?|sat\s+out|sitting\s+out|sidelined\s+for)\s+(?:\w+\s+){0,2}$",
    re.I,
)


def complement(x: Mention, y: Mention) -> bool:
    """Whether one side counts what the other left over: "missing 9 of the Owls' 14
    games" / "held him to five games" (14 - 9).  Both told as missed ("missed 9 of
    14" / "missed five") stay one slot with two values."""
    if x.missed == y.missed:
        return False
    return any(m.of_total and m.of_total - m.q.value == n.q.value for m, n in ((x, y), (y, x)))


def bare_total(x: Mention, y: Mention) -> bool:
    """Whether `y` is a bare number ("Moreno now has 1,811.") that may be the
    career total or average `x` states, its scope unread (no head, no cue)."""
    return x.span in ("career", "average") and not y.span and not y.after


def labelled(m: Mention) -> bool:
    """Whether a number names something ("Week 11": `label`)."""
    return bool(m.after) and m.after[0].startswith("#")


# An enumeration's marker, not a count: "One, the bench is tired, and two, ...".
_ENUM_BEFORE = re.compile(r"(?:^|[.;:!?\"“]\s*|\band\s+)$")
_ENUM_AFTER = re.compile(r"\s*,")
_ENUM_WORDS = frozenset({"one", "two", "three", "four", "first", "second", "third"})


def _enumeration(text: str, q: Quantity) -> bool:
    """Whether `q` marks an item of a spoken list ("One, ..., and two, ...")."""
    return (
        q.text.lower() in _ENUM_WORDS
        and bool(_ENUM_BEFORE.search(text, max(0, q.start - 6), q.start))
        and bool(_ENUM_AFTER.match(text, q.end))
    )


# Digit groups separated by single spaces: "0800 555 111", "0845 125 2222".
_DIGIT_RUN = re.compile(r"(?<![\d.,])\d+(?: \d+)+(?!\d|[.,]\d)")
# A bare value before a range's scaled end: "$110 and $120 million", "2 to 3 billion".
_SCALE_AFTER = re.compile(
    r"\s*(?:and|to|or|-|–)\s*[$€£¥]?\s*\d[\d.,]*\s*(million|billion|thousand)\b", re.I
)
_ADDRESS = re.compile(r"\s+block\s+of\b", re.I)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _is_code(run: str) -> bool:
    """Whether spaced digit groups are a phone number or code, not counts: three groups
    or more, or a group with a leading zero ("0800 555111")."""
    groups = run.split()
    return len(groups) >= 3 or any(g.startswith("0") and len(g) >= 3 for g in groups)


# A number that names a release or a model, not a count: "version 6" of a browser
# is not six of anything ("half-a-dozen editions"), nor is "AK-47" ("AK 47 guns")
# or "F-16" 47 or 16 of anything.
_LABEL = re.compile(r"\b(?:[Vv]ersions?\s+|[A-Z][A-Za-z]{0,2}\s?-\s?|AK\s+)$")
# A number that names a week, a game, a seed, a road or a flight is a label too:
# "back in Week 11" counts no eleven things, nor does "No. 9 Drake", "Game 3",
# "Route 66" or "Flight 253"; "a pick-six" is an interception returned for a score.
_NAMED = re.compile(
    r"(?:\b(?:Week|Game|Route|Flight|Highway|Interstate|Room|Gate|Exit|Platform|Terminal|"
    r"Channel|Chapter|Episode|Round|Stage|Number|No\.|[Nn]o\.)\s*#?\s*|#\s*)$"
)
# ("a pick six" is written without its dash too; "will pick six players" is a verb.)
_PICK = re.compile(r"\b[Pp]ick\s?-\s?$|\b(?:a|the|his|her|another)\s+[Pp]ick\s+$")
# A yard line is a place on the field: "the 7-yard line", "a first down on the 7".
_YARD_LINE = re.compile(r"\s?-?\s?yard\s+line\b", re.I)
_ON_THE = re.compile(
    r"\b(?:on|at|to|inside|from|reached)\s+(?:the|their|its)\s+(?:own\s+)?"
    r"(?:[A-Z]\w+(?:['’]s?)?\s+)?$"
)
_YARD_TAIL = re.compile(r"\s*(?:[,.;]|$|(?:with|and|for|before|after|but|when|as)\b)")
_DECADES = frozenset((stem("decade"), stem("decades")))
_YEAR = stem("year")


def _unreadable(text: str, q: Quantity, codes: Sequence[tuple[int, int]]) -> bool:
    """A number no reader would compare: a glyph lost next to it ("4\ufffd months", a
    "4½" the encoding dropped), a group of a phone number ("0800 555 111"), or a
    street address ("the 4800 block of West 97th Street": a place, not a count), or
    a version's label ("version 6")."""
    near = text[max(0, q.start - 1) : q.end + 1]
    return (
        "\ufffd" in near
        or bool(_LABEL.search(text, max(0, q.start - 12), q.start))
        or bool(_PICK.search(text, max(0, q.start - 8), q.start))
        or _enumeration(text, q)
        or any(lo <= q.start and q.end <= hi for lo, hi in codes)
        or bool(_ADDRESS.match(text, q.end))
    )


# A clock time the sentence splitter cut at its "a. m.": "put out by 7 a." ends
# one unit, so the date reader never sees the time and 7 looks like a count.
_CLOCK_CUT = re.compile(r"\s*[ap]\.\s*(?:m\b|$)")


def label(text: str, q: Quantity) -> str:
    """What a number names when it counts nothing, as a head of its own, else "".

    "Week 11" -> "#week", "No. 9 seed" / "#9" -> "#no", "the 7-yard line" and "on
    the 7" -> "#yardline", "with 52 seconds left" and "by 7 a." (a time the
    sentence splitter cut) -> "#clock", the "48 seconds" of
    "4 minutes 48 seconds" -> "#remainder".  Such a number meets only the same
    label on the other side: "Week 11" / "Week 12" still conflict, "Week 11" / "two
    running backs" never.
    """
    named = _NAMED.search(text, max(0, q.start - 14), q.start)
    if named:
        word = re.sub(r"[^a-z]", "", named.group().lower()) or "no"
        return f"#{'no' if word == 'number' else word}"
    if _field_place(text, q):
        return "#yardline"
    if _remainder(text, q):
        return "#remainder"
    return "#clock" if _CLOCK_LEFT.match(text, q.end) or _CLOCK_CUT.match(text, q.end) else ""


# Time left on a game clock: "with 52 seconds left", "just under six minutes
# remaining", "12 minutes, 31 seconds to play": a moment of the game, not a count.
_CLOCK_LEFT = re.compile(
    r"\s*(?:-\s*)?(?:minutes?|mins?|seconds?|secs?)\b(?:\s*,?\s*(?:and\s+)?\d+\s*seconds?)?"
    r"\s+(?:left|remaining|to\s+go|to\s+play)\b",
    re.I,
)


def _field_place(text: str, q: Quantity) -> bool:
    """Whether `q` is a yard line ("the 7-yard line", "a first down on the 7"), a
    place on a football field, not seven of anything."""
    if _YARD_LINE.match(text, q.end):
        return True
    return bool(
        _ON_THE.search(text, max(0, q.start - 30), q.start) and _YARD_TAIL.match(text, q.end)
    )


# "4 minutes 48 seconds": the seconds are the rest of one duration, which is a
# little under five minutes, not 48 seconds of something.
_DURATION_LEAD = re.compile(r"\d\s*(?:hours?|hrs?|minutes?|mins?)\s*(?:and\s+)?$", re.I)


def _remainder(text: str, q: Quantity) -> bool:
    """Whether `q` is the smaller unit of a compound duration ("4 minutes 48 seconds")."""
    return bool(_DURATION_LEAD.search(text, max(0, q.start - 16), q.start))


def _scaled(text: str, q: Quantity) -> Quantity:
    """`q` with the scale its range's other end states: "$110 and $120 million" is
    $110 million, not $140 (the scale word is written once for both)."""
    if any(w in q.text.lower() for w in _SCALES):
        return q
    m = _SCALE_AFTER.match(text, q.end)
    return replace(q, value=q.value * _SCALES[m.group(1).lower()]) if m else q


# Which money: "$136M" and "£88m" may be one sum converted (the labelling guide's
# 88m pounds / 103m euros for one theft), never two values of one slot.
_SYMBOLS = {"$": "usd", "us$": "usd", "usd": "usd", "hk$": "hkd", "€": "eur", "eur": "eur",
            "£": "gbp", "¥": "yen", "rmb": "cny"}  # fmt: skip
_CURRENCY_WORDS = {stem(w): c for w, c in (
    ("dollar", "usd"), ("dollars", "usd"), ("euro", "eur"), ("euros", "eur"), ("pound", "gbp"),
    ("pounds", "gbp"), ("sterling", "gbp"), ("yuan", "cny"), ("rmb", "cny"), ("yen", "yen"),
    ("rupee", "inr"), ("rupees", "inr"),
)}  # fmt: skip


def _currency(symbol: str, after: Sequence[str]) -> str:
    """The currency of a sum, from its symbol or the word after it; "" if none."""
    if symbol:
        return _SYMBOLS.get(symbol.strip().lower(), "")
    return next((_CURRENCY_WORDS[w] for w in after[:2] if w in _CURRENCY_WORDS), "")


def _head(text: str, start: int) -> tuple[list[str], set[str], int]:
    """Stems of the noun phrase after `start`, its capitalised words, and where it ends."""
    words = [(m.group(), m.end()) for m in WORD.finditer(text, start, start + 80)]
    after: list[str] = []
    names: set[str] = set()
    end = start
    k = 0
    # A preposition right after the number ("$750,000 in campaign cash") is
    # skipped once, with its article.
    if words and words[0][0].lower() in _PREPOSITIONS:
        k = 1
        while k < len(words) and words[k][0].lower() in _DETERMINERS:
            k += 1
    for w, w_end in words[k : k + _HEAD_WORDS]:
        gap = text[end : w_end - len(w)]
        low = w.lower()
        if low in _FUNCTION or w[0].isdigit() or any(ch in gap for ch in ',;:.()"“”'):
            break
        if w[0].isupper():
            names.add(low)
        after.append(stem(w))
        end = w_end
    return after, names, end


# Units of measure say how a thing is counted, not which thing: "73 yards" and
# "32 yards" may be two different plays, "48-page" and "47-page" *indictment* not.
UNITS = frozenset(stem(w) for w in (
    "yard", "mile", "meter", "metre", "kilometer", "km", "foot", "feet", "ft", "inch", "pound",
    "lb", "kg", "kilogram", "gram", "ton", "tonne", "ounce", "liter", "litre", "gallon",
    "degree", "hour", "minute", "second", "day", "week", "month", "year", "point", "percent",
    "page", "time", "times", "dollar", "euro", "yuan", "rmb", "pence", "cent", "million",
    "billion", "thousand",
)) | {"¤"}  # fmt: skip

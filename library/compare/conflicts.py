"""Find the details on which two aligned passages disagree.

Each detector looks for a *substitution*, not an omission: a number that is
only in A is extra detail, but a number only in A together with a different
number only in B is a conflict.  Kinds:

* number: quantities, including written numbers, "40,000 RMB", percentages;
* date: month/day/year, "the 10th", weekdays, clock times (partial dates are
  compatible when no field disagrees: "October 10" fits "the 10th");
* entity: capitalised names that replace each other in the word diff;
* negation: a negation cue (not, no, never, n't, denied, ...) on one side only;
* attribution: both sides name a source (said / told / according to) and the
  sources differ;
* quote: quoted text that is recognisably the same quote but worded differently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from library.compare.model import Conflict, DiffOp
from library.compare.units import NEGATIONS, STOPWORDS, stem

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip
_CALENDAR = frozenset(_MONTHS) | frozenset(_WEEKDAYS)
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH_RE})\s+{_ORD.replace('(', '(?P<d1>', 1)}\b(?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?"
    rf"|\b{_ORD.replace('(', '(?P<d2>', 1)}\s+(?:of\s+)?(?P<m2>{_MONTH_RE})"
    r"(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<m3>{_MONTH_RE})(?:\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d))?\b"
    r"|\bthe\s+(?P<d4>\d{1,2})(?:st|nd|rd|th)\b"
    r"|\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<h>\d{1,2})(?::(?P<mi>\d\d))?\s*(?P<ap>[ap]\.?m\.?)(?!\w)"
    r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>\d\d)\b"
    r"|\b(?P<y5>(?:19|20)\d\d)\b(?![.,]\d)",
)
_WORD_NUMS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
    "half": 0.5, "twice": 2, "double": 2, "triple": 3,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
           "m": 1e6, "k": 1e3, "hundred": 1e2}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|(?:"
    + "|".join(sorted(_WORD_NUMS, key=len, reverse=True))
    + r"))(?:st|nd|rd|th)?\b(?:\s*-?\s*(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
    r"(?:\s*(?P<pct>%|percent|per cent))?",
    re.IGNORECASE,
)
_CAP_WORD = r"(?:[A-Z][\w’'.-]*|[A-Z]\.)"
_ENTITY = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|the|de|van|von|al|bin)\s+)*{_CAP_WORD})*")
_SPEECH = (
    r"said|says|say|told|tells|stated|states|noted|notes|remarked|remarks|claimed|claims|"
    r"added|adds|believes|believed|explained|announced|reported|reports|confirmed|wrote|"
    r"argued|argues|insisted|warned"
)
# "Li Linyi told ...", "Yao Yuan, a professor at ..., told ..."
_SPEAKER_BEFORE = re.compile(
    rf"(?P<who>{_ENTITY.pattern})(?:\s*,[^,;:]{{1,80}},)?\s+(?:also\s+)?(?:{_SPEECH})\b"
)
_SPEAKER_AFTER = re.compile(rf"\b(?:said|says|according to)\s+(?P<who>{_ENTITY.pattern})")
_QUOTE = re.compile(
    r"``\s*(?P<g>.{2,400}?)\s*''|“(?P<a>[^”]{2,400})”|\"(?P<b>[^\"]{2,400})\"|‘(?P<c>[^’]{2,400})’"
    r"|(?<![\w'`])'(?P<d>[^']{2,400}?)'(?![\w])|「(?P<e>[^」]{1,400})」|『(?P<f>[^』]{1,400})』"
)
_MAX_HUNK_WORDS = 6
_NEG_TOKEN = re.compile(
    r"\b\w+n[’']t\b|\bno\b(?!\.?\s*\d)|\b(?:" + "|".join(sorted(NEGATIONS - {"no"})) + r")\b",
    re.I,
)  # "No. 2" is a rank, not a negation
_WORD = re.compile(r"\w+", re.UNICODE)
# Capitalised words that start sentences or are titles, not names of their own.
_NOT_NAMES = STOPWORDS | frozenset(
    re.findall(
        r"\w+",
        """mr mrs ms dr prof sir but and or so yet however meanwhile still while after before
        since although though despite in on at for with by from a an the this that these those
        it he she they we i his her their its our""",
    )
)


@dataclass(frozen=True, slots=True)
class _Date:
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    time: int | None = None

    def fits(self, other: _Date) -> bool:
        pairs = (
            (self.year, other.year),
            (self.month, other.month),
            (self.day, other.day),
            (self.weekday, other.weekday),
            (self.time, other.time),
        )
        return all(x is None or y is None or x == y for x, y in pairs)

    def same(self, other: _Date) -> bool:
        """Compatible and agreeing on at least one field both state."""
        return self.fits(other) and any(
            x is not None and x == y
            for x, y in (
                (self.year, other.year),
                (self.month, other.month),
                (self.day, other.day),
                (self.weekday, other.weekday),
                (self.time, other.time),
            )
        )

    def clashes(self, other: _Date) -> bool:
        """Some field is stated on both sides with different values."""
        return not self.fits(other)


def _merge_adjacent(found: list[_Date], spans: list[tuple[int, int]], text: str) -> list[_Date]:
    # "Saturday, 8 June 2013" is one date; judged piecewise, the weekday would
    # fit any other date and hide a change.
    out: list[_Date] = []
    last_end = -10
    for d, (start, end) in zip(found, spans, strict=True):
        gap = text[last_end:start] if out else ""
        if out and len(gap) <= 3 and gap.strip(" ,") == "" and out[-1].fits(d):
            p = out[-1]
            out[-1] = _Date(
                text=text[text.find(p.text) : end] if p.text in text else p.text + " " + d.text,
                year=p.year if p.year is not None else d.year,
                month=p.month if p.month is not None else d.month,
                day=p.day if p.day is not None else d.day,
                weekday=p.weekday if p.weekday is not None else d.weekday,
                time=p.time if p.time is not None else d.time,
            )
        else:
            out.append(d)
        last_end = end
    return out


def _unmatched(xs: list[_Date], ys: list[_Date]) -> tuple[list[_Date], list[_Date]]:
    # One-to-one: a date said twice on one side and once on the other still
    # leaves a mention to explain.  Exact agreement first, then compatibility.
    left_y = list(ys)
    left_x: list[_Date] = []
    for x in xs:
        k = next((i for i, y in enumerate(left_y) if x.same(y)), None)
        if k is None:
            left_x.append(x)
        else:
            left_y.pop(k)
    return left_x, left_y


def _month(token: str | None) -> int | None:
    return _MONTHS.get(token.rstrip(".").lower()) if token else None


def dates(text: str) -> tuple[list[_Date], list[tuple[int, int]]]:
    """Date and time mentions in `text`, and their spans (to hide them from numbers).

    Args:
        text: one passage.
    """
    found: list[_Date] = []
    spans: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["m3"] and g["m3"].rstrip(".").lower() == "may" and not g["y3"]:
            continue  # "may" the modal verb
        if g["m3"] and g["m3"][0].islower():
            continue
        hour: int | None = None
        if g["h"]:
            hour = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
            hour = hour * 60 + int(g["mi"] or 0)
        elif g["h2"]:
            hour = int(g["h2"]) * 60 + int(g["mi2"])
        day = g["d1"] or g["d2"] or g["d4"]
        year = g["y1"] or g["y2"] or g["y3"] or g["y5"]
        found.append(
            _Date(
                text=m.group().strip(),
                year=int(year) if year else None,
                month=_month(g["m1"] or g["m2"] or g["m3"]),
                day=int(day) if day else None,
                weekday=_WEEKDAYS.get(g["w"].lower()) if g["w"] else None,
                time=hour,
            )
        )
        spans.append(m.span())
    return found, spans


def numbers(text: str, hide: Sequence[tuple[int, int]] = ()) -> list[tuple[str, float]]:
    """Quantities in `text` as `(as written, normalised value)`, skipping hidden spans.

    Args:
        text: one passage.
        hide: spans already claimed by dates.
    """
    out: list[tuple[str, float]] = []
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in hide):
            continue
        raw = m.group("num")
        low = raw.lower()
        value = _WORD_NUMS[low] if low in _WORD_NUMS else float(raw.replace(",", ""))
        scale = m.group("scale")
        if scale and not (scale.lower() in {"m", "k"} and not raw[0].isdigit()):
            value *= _SCALES[scale.lower()]
        if m.group("pct"):
            value += 0.000123  # keep 5% apart from a plain 5
        out.append((m.group().strip(), round(float(value), 6)))
    return out


def _number_conflicts(a: str, b: str) -> list[Conflict]:
    out: list[Conflict] = []
    da, sa = dates(a)
    db, sb = dates(b)
    ma, mb = _merge_adjacent(da, sa, a), _merge_adjacent(db, sb, b)
    only_a, only_b = _unmatched(ma, mb)
    # A leftover date conflicts only with a leftover that states a field it also
    # states ("Wednesday" vs "November 9" cannot be checked, so it is not flagged).
    xa = [x for x in only_a if any(x.clashes(y) for y in only_b)]
    xb = [y for y in only_b if any(x.clashes(y) for x in only_a)]
    if xa and xb:
        out.extend(_pairs("date", _unique([d.text for d in xa]), _unique([d.text for d in xb])))
    na, nb = numbers(a, sa), numbers(b, sb)
    # "January 21 and 28" vs "21 to 28 January": a bare number may be the other
    # side's date day or year, written differently.
    va = {v for _, v in na} | _date_values(da)
    vb = {v for _, v in nb} | _date_values(db)
    num_a = _unique([t for t, v in na if v not in vb])
    num_b = _unique([t for t, v in nb if v not in va])
    if num_a and num_b:
        out.extend(_pairs("number", num_a, num_b))
    return out


def _date_values(found: Sequence[_Date]) -> set[float]:
    return {float(x) for d in found for x in (d.day, d.year) if x is not None}


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _pairs(kind: str, a: list[str], b: list[str]) -> list[Conflict]:
    if len(a) == len(b):
        return [Conflict(kind, x, y) for x, y in zip(a, b, strict=True)]  # type: ignore[arg-type]
    return [Conflict(kind, ", ".join(a), ", ".join(b))]  # type: ignore[arg-type]


def entities(text: str, *, at_start: bool = False) -> list[str]:
    """Capitalised name spans, minus sentence-initial function words and titles.

    Args:
        text: one passage.
        at_start: `text` begins a sentence, so a lone capitalised first word is
            probably an ordinary word ("Proposals", "Furthermore"), not a name.
    """
    out: list[str] = []
    for m in _ENTITY.finditer(text):
        if at_start and m.start() == len(text) - len(text.lstrip()) and " " not in m.group():
            continue
        span = m.group().strip(" .,'’-")
        toks = span.split()
        while toks and toks[0].lower().strip(".") in _NOT_NAMES:
            toks = toks[1:]
        while toks and toks[-1].lower() in {"of", "the", "de", "van", "von", "al", "bin"}:
            toks = toks[:-1]
        # Month and weekday names are dates, handled by the date detector.
        toks = [t for t in toks if t.lower().rstrip(".") not in _CALENDAR]
        if toks:
            out.append(" ".join(toks))
    return out


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text)}


def _same_name(x: str, y: str) -> bool:
    """True when two names are plausibly variants: acronym, spelling, translation."""
    for short, long in ((x, y), (y, x)):
        if short.isupper() and len(short) >= 2 and " " not in short:
            initials = "".join(w[0] for w in long.split() if w[:1].isupper())
            it = iter(short)
            if len(initials) >= 2 and all(ch in it for ch in initials):
                return True
    xl, yl = x.lower(), y.lower()
    # Same stem of four letters or more ("Committee"/"Commission") reads as a
    # translation variant more often than as a different body.
    return xl[:4] == yl[:4] or SequenceMatcher(None, xl, yl).ratio() >= 0.6


def _entity_conflicts(diff: Sequence[tuple[DiffOp, str]], a: str, b: str) -> list[Conflict]:
    stems_a, stems_b = _stems(a), _stems(b)
    out: list[Conflict] = []
    for k in range(len(diff) - 1):
        (op1, t1), (op2, t2) = diff[k], diff[k + 1]
        if {op1, op2} != {-1, 1}:
            continue
        ta, tb = (t1, t2) if op1 == -1 else (t2, t1)
        # A substitution, not a rewrite: big replaced hunks are paraphrase, where
        # names move around without contradicting each other.
        if len(_WORD.findall(ta)) > _MAX_HUNK_WORDS or len(_WORD.findall(tb)) > _MAX_HUNK_WORDS:
            continue
        ea = [e for e in entities(ta, at_start=k == 0) if not _stems(e) & stems_b]
        eb = [e for e in entities(tb, at_start=k == 0) if not _stems(e) & stems_a]
        ea = [e for e in ea if not any(_same_name(e, f) for f in eb)]
        eb = [f for f in eb if not any(_same_name(e, f) for e in ea)]
        if ea and eb:
            out.extend(_pairs("entity", _unique(ea), _unique(eb)))
    return out


def negation_cues(text: str) -> list[str]:
    """Negation cues in `text` with the word that follows ("not hiding").

    Args:
        text: one passage.
    """
    out = []
    for m in _NEG_TOKEN.finditer(text):
        nxt = _WORD.search(text, m.end())
        out.append(m.group() + (" " + nxt.group() if nxt and nxt.start() - m.end() < 3 else ""))
    return out


# Verbs and adjectives that reverse a news claim when swapped for each other
# ("the assembly passed / rejected the amendment").  Matched on stems.
_OPPOSITES = (
    ("passed", "rejected"), ("approved", "rejected"), ("accepted", "rejected"),
    ("win", "lose"), ("won", "lost"), ("wins", "loses"), ("rise", "fall"), ("rose", "fell"),
    ("rises", "falls"), ("increased", "decreased"), ("raised", "lowered"), ("gain", "loss"),
    ("arrested", "released"), ("convicted", "acquitted"), ("confirmed", "denied"),
    ("admitted", "denied"), ("alive", "dead"), ("survived", "died"), ("opened", "closed"),
    ("allowed", "banned"), ("supported", "opposed"), ("guilty", "innocent"),
    ("hired", "fired"), ("before", "after"), ("above", "below"), ("higher", "lower"),
    ("larger", "smaller"), ("started", "ended"), ("began", "ended"),
)  # fmt: skip
_OPPOSITE = {stem(x): stem(y) for x, y in _OPPOSITES} | {stem(y): stem(x) for x, y in _OPPOSITES}


def _opposite_conflicts(diff: Sequence[tuple[DiffOp, str]]) -> list[Conflict]:
    out: list[Conflict] = []
    for k in range(len(diff) - 1):
        (op1, t1), (op2, t2) = diff[k], diff[k + 1]
        if {op1, op2} != {-1, 1}:
            continue
        ta, tb = (t1, t2) if op1 == -1 else (t2, t1)
        wa, wb = _WORD.findall(ta), _WORD.findall(tb)
        if len(wa) > _MAX_HUNK_WORDS or len(wb) > _MAX_HUNK_WORDS:
            continue
        stems_b = {stem(w): w for w in wb}
        for w in wa:
            other = _OPPOSITE.get(stem(w))
            if other is not None and other in stems_b:
                out.append(Conflict("negation", w, stems_b[other]))
    return out


def _negation_conflicts(a: str, b: str) -> list[Conflict]:
    na, nb = negation_cues(a), negation_cues(b)
    if len(na) == len(nb):
        return []
    # One side negates more often: name the cues the other side lacks.
    rest_b = list(nb)
    only_a = []
    for cue in na:
        if cue in rest_b:
            rest_b.remove(cue)
        else:
            only_a.append(cue)
    return [Conflict("negation", "; ".join(only_a), "; ".join(rest_b))]


def speakers(text: str) -> list[str]:
    """Names given as the source of a statement (X said, told, according to X).

    Args:
        text: one passage.
    """
    out: list[str] = []
    for rx in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in rx.finditer(text):
            names = entities(m.group("who"))
            if names:
                out.append(names[-1] if rx is _SPEAKER_BEFORE else names[0])
    return _unique(out)


def _attribution_conflicts(a: str, b: str) -> list[Conflict]:
    sa, sb = speakers(a), speakers(b)
    if not sa or not sb:
        return []
    if any(_stems(x) & _stems(y) for x in sa for y in sb):
        return []
    return [Conflict("attribution", "; ".join(sa), "; ".join(sb))]


def quotes(text: str) -> list[str]:
    """Quoted passages of at least three words (scare quotes are not quotes).

    Args:
        text: one passage.
    """
    out = []
    for m in _QUOTE.finditer(text):
        q = next(g for g in m.groups() if g is not None).strip()
        if len(_WORD.findall(q)) >= 4:
            out.append(q)
    return out


def _quote_conflicts(a: str, b: str) -> list[Conflict]:
    out: list[Conflict] = []
    qb = quotes(b)
    for qa in quotes(a):
        wa = _quote_words(qa)
        best, best_q, best_w = 0.0, "", set()
        for q in qb:
            wb = _quote_words(q)
            j = len(wa & wb) / len(wa | wb)
            if j > best:
                best, best_q, best_w = j, q, wb
        # The same quote, with words *replaced* on both sides; a quote cut
        # shorter on one side, or re-punctuated ("UK"/"U.K."), is not a misquote.
        if 0.5 <= best < 1.0 and wa - best_w - STOPWORDS and best_w - wa - STOPWORDS:
            out.append(Conflict("quote", qa, best_q))
    return out


def _quote_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text.replace(".", ""))}


def find_conflicts(a: str, b: str, diff: Sequence[tuple[DiffOp, str]]) -> tuple[Conflict, ...]:
    """All conflicts between passage `a` and passage `b`, in a fixed kind order.

    Args:
        a: side A's text (joined units).
        b: side B's text.
        diff: the word diff of `a` against `b` (from `worddiff.word_diff`).
    """
    found = _number_conflicts(a, b)
    attribution = _attribution_conflicts(a, b)
    named = {s for c in attribution for s in (c.a, c.b)}
    found += [c for c in _entity_conflicts(diff, a, b) if c.a not in named and c.b not in named]
    found += _negation_conflicts(a, b)
    found += _opposite_conflicts(diff)
    found += attribution
    found += _quote_conflicts(a, b)
    return tuple(dict.fromkeys(found))

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
from difflib import SequenceMatcher

from library.compare.model import Conflict, DiffOp
from library.compare.quantities import (
    CALENDAR,
    date_values,
    dates,
    merge_adjacent,
    numbers,
    unmatched,
)
from library.compare.units import NEGATIONS, STOPWORDS, stem

# ("[A-Z]\." as a second alternative would match nothing more, but made the
# regex engine try every initial twice: exponential on "A. B. C. ...".)
_CAP_WORD = r"[A-Z][\w’'.-]*"
_ENTITY = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|the|de|van|von|al|bin)\s+)*{_CAP_WORD})*")
_SPEECH = (
    r"said|says|say|told|tells|stated|states|noted|notes|remarked|remarks|claimed|claims|"
    r"added|adds|believes|believed|explained|announced|reported|reports|confirmed|wrote|"
    r"argued|argues|insisted|warned"
)
# A speaker's name, at most 12 capitalised words: unbounded, the search for a name
# before "said" retries every word of a long capitalised run (quadratic: 18 s on
# a 35,000-character title-case line).
_SPEAKER = rf"{_CAP_WORD}(?:\s+(?:(?:of|the|de|van|von|al|bin)\s+)*{_CAP_WORD}){{0,11}}"
# "Li Linyi told ...", "Yao Yuan, a professor at ..., told ..."
_SPEAKER_BEFORE = re.compile(
    rf"(?P<who>{_SPEAKER})(?:\s*,[^,;:]{{1,80}},)?\s+(?:also\s+)?(?:{_SPEECH})\b"
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


def _number_conflicts(a: str, b: str) -> list[Conflict]:
    out: list[Conflict] = []
    da, sa = dates(a)
    db, sb = dates(b)
    ma, mb = merge_adjacent(da, sa, a), merge_adjacent(db, sb, b)
    only_a, only_b = unmatched(ma, mb)
    # A leftover date conflicts only with a leftover that states a field it also
    # states ("Wednesday" vs "November 9" cannot be checked, so it is not flagged).
    xa = [x for x in only_a if any(x.clashes(y) for y in only_b)]
    xb = [y for y in only_b if any(x.clashes(y) for x in only_a)]
    if xa and xb:
        out.extend(_pairs("date", _unique([d.text for d in xa]), _unique([d.text for d in xb])))
    na, nb = numbers(a, sa), numbers(b, sb)
    # "January 21 and 28" vs "21 to 28 January": a bare number may be the other
    # side's date day or year, written differently.
    va = {v for _, v in na} | date_values(da)
    vb = {v for _, v in nb} | date_values(db)
    num_a = _unique([t for t, v in na if v not in vb])
    num_b = _unique([t for t, v in nb if v not in va])
    if num_a and num_b:
        out.extend(_pairs("number", num_a, num_b))
    return out


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
        toks = [t for t in toks if t.lower().rstrip(".") not in CALENDAR]
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
_OPPOSITE: dict[str, frozenset[str]] = {}
for _x, _y in _OPPOSITES:
    # A word may have several opposites ("rejected": passed, approved, accepted).
    _OPPOSITE[stem(_x)] = _OPPOSITE.get(stem(_x), frozenset()) | {stem(_y)}
    _OPPOSITE[stem(_y)] = _OPPOSITE.get(stem(_y), frozenset()) | {stem(_x)}


def _opposite_conflicts(diff: Sequence[tuple[DiffOp, str]]) -> list[Conflict]:
    """A word only in A whose opposite is only in B, anywhere in the diff.

    Words both sides share are in the equal runs, so "rose ... fell" told the
    same way on both sides is never flagged; the changed words need not sit
    next to each other (a short claim against a long sentence diffs in many
    hunks).
    """
    removed: dict[str, str] = {}
    added: dict[str, str] = {}
    for op, text in diff:
        if op == 0:
            continue
        side = removed if op == -1 else added
        for w in _WORD.findall(text):
            side.setdefault(stem(w), w)
    out: list[Conflict] = []
    for s, w in removed.items():
        for other in sorted(_OPPOSITE.get(s, ())):
            if other in added and other not in removed and s not in added:
                out.append(Conflict("negation", w, added[other]))
                break
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

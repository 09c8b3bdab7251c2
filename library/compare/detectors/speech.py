"""Attribution and quotes: who said it, and how it was worded (low severity).

A different speaker for the same claim, or the same quote worded differently,
is worth showing but is not a contradiction of the facts; both kinds are low
severity (see `kinds.py`) and never make a pair divergent on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.text import (
    CAP_WORD,
    CAP_WORD_CHARS,
    ENTITY,
    NAME_JOINERS,
    WORD,
    capital_near_run_start,
    entities,
    stems,
)
from library.compare.detectors.text import unique as _unique
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.units import STOPWORDS

_SPEECH = (
    r"said|says|say|told|tells|stated|states|noted|notes|remarked|remarks|claimed|claims|"
    r"added|adds|believes|believed|explained|announced|reported|reports|confirmed|wrote|"
    r"argued|argues|insisted|warned"
)
# A speaker's name, at most 12 capitalised words: unbounded, the search for a name
# before "said" retries every word of a long capitalised run (quadratic: 18 s on
# a 35,000-character title-case line).
# Its first word starts near the start of its run of letters (see
# `capital_near_run_start`: 3 s of CPU on a run of 4,000 capitals before).
_SPEAKER = (
    rf"{capital_near_run_start(CAP_WORD_CHARS)}[{CAP_WORD_CHARS}]*"
    rf"(?:\s+(?:(?:{NAME_JOINERS})\s+)*{CAP_WORD}){{0,11}}"
)
# "Li Linyi told ...", "Yao Yuan, a professor at ..., told ..."
_SPEAKER_BEFORE = re.compile(
    rf"(?P<who>{_SPEAKER})(?:\s*,[^,;:]{{1,80}},)?\s+(?:also\s+)?(?:{_SPEECH})\b"
)
_SPEAKER_AFTER = re.compile(rf"\b(?:said|says|according to)\s+(?P<who>{ENTITY.pattern})")
_QUOTE = re.compile(
    r"``\s*(?P<g>.{2,400}?)\s*''|“(?P<a>[^”]{2,400})”|\"(?P<b>[^\"]{2,400})\"|‘(?P<c>[^’]{2,400})’"
    r"|(?<![\w'`])'(?P<d>[^']{2,400}?)'(?![\w])|「(?P<e>[^」]{1,400})」|『(?P<f>[^』]{1,400})』"
)


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


_TOLD = re.compile(rf"\b(?:told|tells|telling)\s+(?P<who>{ENTITY.pattern})")


def addressees(text: str) -> list[str]:
    """Names a statement was told to ("her agent told StarWeekly.com", "told PEOPLE"):
    the outlet or person that heard it, not a party to the claim.

    Args:
        text: one passage.
    """
    return _unique([n for m in _TOLD.finditer(text) for n in entities(m.group("who"))[:1]])


def detect_attribution(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """Both sides name a source for the claim, and the sources differ.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    sa, sb = speakers(a.text), speakers(b.text)
    if not sa or not sb:
        return
    # The same source when their last names meet: "Nevada Highway Patrol Officer
    # Dana Kettering" and "... Officer Luis Ortega" share four words and are two people.
    if any(_last(x) == _last(y) or a.mentions.same(x, y) for x in sa for y in sb):
        return
    yield conflict("attribution", "; ".join(sa), "; ".join(sb))


def _last(name: str) -> str:
    """A source's last word, as a stem ("Officer Dana Kettering" -> "kettering")."""
    words = WORD.findall(name)
    return next(iter(stems(words[-1])), "") if words else ""


def quotes(text: str) -> list[str]:
    """Quoted passages of at least four words (scare quotes are not quotes).

    Args:
        text: one passage.
    """
    out = []
    for m in _QUOTE.finditer(text):
        q = next(g for g in m.groups() if g is not None).strip()
        if len(WORD.findall(q)) >= 4:
            out.append(q)
    return out


def _quote_words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text.replace(".", ""))}


def detect_quote(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """The same quote with words replaced on both sides (a misquote).

    A quote cut shorter on one side, or re-punctuated ("UK"/"U.K."), is not a
    misquote.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    qb = quotes(b.text)
    for qa in quotes(a.text):
        wa = _quote_words(qa)
        best, best_q, best_w = 0.0, "", set()
        for q in qb:
            wb = _quote_words(q)
            j = len(wa & wb) / len(wa | wb)
            if j > best:
                best, best_q, best_w = j, q, wb
        if 0.5 <= best < 1.0 and wa - best_w - STOPWORDS and best_w - wa - STOPWORDS:
            yield conflict("quote", qa, best_q)

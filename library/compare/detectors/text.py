"""Small text helpers every detector shares: words, stems, capitalised names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from library.compare.quantities import CALENDAR
from library.compare.text_memo import listed
from library.compare.units import STOPWORDS, stem

WORD = re.compile(r"\w+", re.UNICODE)
# ("[A-Z]\." as a second alternative would match nothing more, but made the
# regex engine try every initial twice: exponential on "A. B. C. ...".)
CAP_WORD_CHARS = r"\w’'.-"
CAP_WORD = rf"[A-Z][{CAP_WORD_CHARS}]*"
#: How deep into an unbroken run of word characters a name may start.
RUN_DEPTH = 40


def capital_near_run_start(chars: str) -> str:
    """A capital letter at most `RUN_DEPTH` characters into a run of `chars`.

    A name pattern (`[A-Z][chars]*` then a space) has no left boundary, so in
    a run of 100,000 capitals ("AAAA…", "Ab-Ab-…", "'O'O…") the regex engine
    started at every capital and read to the run's end each time: quadratic,
    minutes of CPU.  Every start in one run reaches the same end, so they all
    fail or succeed alike and the first is the one found; skipping starts
    deeper than `RUN_DEPTH` changes nothing when the run has a capital before
    that depth, and leaves each run at most `RUN_DEPTH` passes.  The one
    difference: a name glued behind 40 or more non-capital word characters
    ("x…x-Kellerton") is no longer read.  The lookbehind sits after the
    capital so that only capitals pay for it.
    """
    return rf"[A-Z](?<![{chars}]{{{RUN_DEPTH + 1}}})"


NAME_JOINERS = r"of|the|de|van|von|al|bin"
ENTITY = re.compile(rf"{CAP_WORD}(?:\s+(?:(?:{NAME_JOINERS})\s+)*{CAP_WORD})*")
TITLES = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "sir", "madam", "president", "minister", "senator", "rep",
    "judge", "gov", "governor", "gen", "general", "chairman", "director", "secretary", "sen",
    "attorney",
))  # fmt: skip
# Capitalised words that start sentences or are titles, not names of their own.
NOT_NAMES = (
    STOPWORDS
    | frozenset(("mr", "mrs", "ms", "dr", "prof", "sir"))
    | frozenset(
        re.findall(
            r"\w+",
            """but and or so yet however meanwhile still while after before
        since although though despite in on at for with by from a an the this that these those
        it he she they we i his her their its our""",
        )
    )
)


def stems(text: str) -> set[str]:
    """Stems of every word of `text`."""
    return {stem(w) for w in WORD.findall(text)}


def unique(items: Sequence[str]) -> list[str]:
    """`items` without repeats, first occurrence kept."""
    return list(dict.fromkeys(items))


# Asked again of one unit for every candidate pair it is in, and of the same
# article for every comparison the window opens with it (text_memo.py).
@listed(maxsize=16384)
def entities(text: str, *, at_start: bool = False) -> list[str]:
    """Capitalised name spans, minus sentence-initial function words and titles.

    Args:
        text: one passage.
        at_start: `text` begins a sentence, so a lone capitalised first word is
            probably an ordinary word ("Proposals", "Furthermore"), not a name.
    """
    out: list[str] = []
    for m in ENTITY.finditer(text):
        if at_start and m.start() == len(text) - len(text.lstrip()) and " " not in m.group():
            continue
        span = m.group().strip(" .,'’-")
        toks = span.split()
        while toks and toks[0].lower().strip(".") in NOT_NAMES:
            toks = toks[1:]
        while toks and toks[-1].lower() in {"of", "the", "de", "van", "von", "al", "bin"}:
            toks = toks[:-1]
        # Month and weekday names are dates, handled by the date detector.
        toks = [t for t in toks if t.lower().rstrip(".") not in CALENDAR]
        if toks:
            out.append(" ".join(toks))
    return out

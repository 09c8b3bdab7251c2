"""How much two sentences agree *outside* the values they conflict on.

A conflict is material only when the two sentences otherwise tell the same
fact: the value is the only thing that differs.  A planted change (one
sentence told twice, one number changed) agrees on everything else; two
sentences that each tell other things around a number (another product's
specs, a man's age at another date, a country's toll against a region's)
agree on little besides the frame.  These readings are plain counts over
content terms (`units.terms`: stems of non-stopwords) with the conflicting
values cut out of each side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from library.compare.units import terms

_DIGITS = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True, slots=True)
class Agreement:
    """What two sentences share outside one conflict's values.

    Args:
        kept_a: share of A's content terms (values cut out) also found in B.
        kept_b: share of B's content terms (values cut out) also found in A.
        extra: content terms (values cut out) only one side tells, both sides counted.
        figures: figures (digit runs) only one side tells, besides the two values.
        names_a: capitalised words inside A (not opening it) that B never
            writes, in order: what A names that B does not.
        names_b: the same for B against A.
    """

    kept_a: float
    kept_b: float
    extra: int
    figures: int
    names_a: tuple[str, ...] = ()
    names_b: tuple[str, ...] = ()

    @property
    def kept(self) -> float:
        """The lower of the two shares: the side that tells the most besides."""
        return min(self.kept_a, self.kept_b)


def agreement(
    text_a: str,
    value_a: str,
    text_b: str,
    value_b: str,
    also_a: Sequence[str] = (),
    also_b: Sequence[str] = (),
) -> Agreement:
    """The agreement of `text_a` and `text_b` with the conflicting values cut out.

    Args:
        text_a: side A's text.
        value_a: the value on side A as written in `text_a` ("" when absent).
        text_b: side B's text.
        value_b: the value on side B.
        also_a: side A's values of the pair's other conflicts (a differing
            speaker, say): not counted as something only A names.
        also_b: the same for side B.
    """
    rest_a, rest_b = _cut(text_a, value_a), _cut(text_b, value_b)
    ta, tb = terms(rest_a), terms(rest_b)
    sa, sb = set(ta), set(tb)
    kept_a = len(sa & sb) / len(sa) if sa else 1.0
    kept_b = len(sa & sb) / len(sb) if sb else 1.0
    fa, fb = set(_figures(rest_a)), set(_figures(rest_b))
    # Who told it is not what was told: names in a source clause ("…, Mayor Tom
    # Hale said") and in the pair's other conflicts say nothing of the value's owner.
    told_a, told_b = _told(rest_a, also_a), _told(rest_b, also_b)
    names_a = _unshared(_names(told_a), sb, rest_b)
    names_b = _unshared(_names(told_b), sa, rest_a)
    return Agreement(kept_a, kept_b, len(sa ^ sb), len(fa ^ fb), names_a, names_b)


def _cut(text: str, value: str) -> str:
    """`text` without `value` where it stands as a whole ("5" not inside "May 15";
    else its first occurrence; the whole text when not found)."""
    if not value:
        return text
    whole = re.search(rf"(?<![\w.,]){re.escape(value)}(?!\w)", text)
    at = whole.start() if whole else text.find(value)
    return text if at < 0 else text[:at] + " " + text[at + len(value) :]


# A source clause at the end ("…, Fire Chief Dana Pike of Kesh said.", "…,
# said Mayor Tom Hale") or an opening "According to X,".
_SOURCE_END = re.compile(
    r"[,;]\s+(?:[^,;]{0,80}?\s)?(?:said|says|told|added|stated|reported)\b[^,;]{0,80}$"
)
_SOURCE_START = re.compile(r"^\s*According to [^,;]{1,80},", re.IGNORECASE)


def _told(text: str, others: Sequence[str]) -> str:
    """`text` without its source clause and without `others` (other conflicts' values)."""
    text = _SOURCE_START.sub(" ", _SOURCE_END.sub(" ", text))
    for value in others:
        text = _cut(text, value)
    return text


_WORD = re.compile(r"[\w'’-]+")
# Capitals of the Latin scripts, accented ones too ("Ángel", "Łukasz", "Øresund").
_UPPER = "[" + re.escape("".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())) + "]"
_CAPITAL_RUN = re.compile(rf"{_UPPER}[\w'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?{_UPPER}[\w'’-]*)+")
_NAME = re.compile(rf"(?<=[\w,;:)] ){_UPPER}[\w'’-]*(?: {_UPPER}[\w'’-]*)*")


def _names(text: str) -> list[str]:
    """Runs of capitalised words that do not open a sentence, once each: what a side names."""
    return list(dict.fromkeys(m.group() for m in _NAME.finditer(text)))


def _unshared(names: list[str], other_terms: set[str], other: str) -> tuple[str, ...]:
    """The names of one side that the other side's text does not write in any form.

    A name (a run of capitalised words) is shared when one of its words is:
    its stem is among the other side's terms ("Bluejays" / "Bluejay", "Ashford
    Hawks" / "Ashford"), or it is the initials of a run of the other side's
    capitalised words ("ESA" / "Endangered Species Act"), or the other way round.  A short title
    ("Mr", "Mt", "St") names nobody.
    """
    initials = _initials(other)
    acronyms = {w for w in _WORD.findall(other) if len(w) > 1 and w.isupper()}
    out = []
    for name in names:
        words = [w for w in name.split() if len(w) > 2 or w.isupper()]
        if not words or any(
            _shared(w, other_terms) or (w.isupper() and w in initials) for w in words
        ):
            continue
        if len(words) > 1 and "".join(w[0] for w in words) in acronyms:
            continue  # "Parent Teacher Association" / "PTA"
        out.append(name)
    return tuple(out)


def _shared(word: str, other_terms: set[str]) -> bool:
    """Whether `word`'s stem is among the other side's terms (a word with no
    stem, "The" of "The Hague", shares nothing)."""
    own = set(terms(word))
    return bool(own) and own <= other_terms


def _initials(text: str) -> set[str]:
    """Initials of every run of two or more capitalised words ("Injured Reserve": "IR")."""
    out: set[str] = set()
    for run in _CAPITAL_RUN.finditer(text):
        letters = "".join(w[0] for w in run.group().split())
        out.update(
            letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)
        )
    return out


def _figures(text: str) -> list[str]:
    return [m.group().rstrip(".,").replace(",", "") for m in _DIGITS.finditer(text)]

"""All-capitals text (a broadcast script, a wire headline in capitals) folded to the
case the Voices lens reads: "COUNTY SHERIFF MAREN BRENNICK SAID THE CHARGES ARE
FILED" reads as "County sheriff Maren Brennick said the charges are filed".

A word either article writes in lower case elsewhere (or a common word, or a verb of
saying) is folded to lower case; any other word is a name's and keeps a capital
("Maren", "Brennick"); a short one (four letters or fewer) stays in capitals, an
acronym's ("FEMA", "NYPD").  Only ASCII letters change, so offsets hold.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from library.compare.lenses.gates import VERB, WORDS
from library.compare.lenses.pattern_cache import re_compile
from library.compare.model import Unit
from library.compare.units import STOPWORDS

# A sentence is in capitals when this share of its (at least `_LETTERS`) ASCII letters is.
_SHARE = 0.9
_LETTERS = 12
_WORD = re_compile(r"[A-Za-z]+")
_DROP_LOWER = str.maketrans("", "", string.ascii_lowercase)


def in_capitals(text: str) -> bool:
    """Whether a sentence is written in capitals (not "NASA said on Monday")."""
    if (len(text) - len(text.translate(_DROP_LOWER))) * 10 > len(text):
        return False  # a tenth of its characters in lower case: most sentences, read fast
    letters = [c for c in text if c.isascii() and c.isalpha()]
    if len(letters) < _LETTERS:
        return False
    return sum(c.isupper() for c in letters) >= _SHARE * len(letters)


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The words the articles write in lower case (in sentences not in capitals)."""
    out = set(STOPWORDS) | set(VERB or ())
    for text in texts:
        if not in_capitals(text):
            out.update(w for w in WORDS.findall(text) if w.islower())
    return out


def fold(text: str, known: set[str]) -> str:
    """`text` in sentence case: words of `known` in lower case, the others a name's."""

    def word(m: re.Match[str]) -> str:
        w = m.group()
        if w.lower() in known:
            return w.lower()
        return w if len(w) <= 4 else w[0] + w[1:].lower()

    folded = _WORD.sub(word, text)
    first = re.search(r"[a-z]", folded)
    if first and not re.search(r"[A-Za-z]", folded[: first.start()]):
        folded = folded[: first.start()] + folded[first.start()].upper() + folded[first.end() :]
    return folded


def folded(units: tuple[Unit, ...], known: set[str]) -> tuple[Unit, ...]:
    """The units, each one in capitals folded (the others as they are)."""
    if not any(in_capitals(u.text) for u in units):
        return units
    return tuple(
        Unit(u.id, fold(u.text, known), u.start, u.end) if in_capitals(u.text) else u for u in units
    )

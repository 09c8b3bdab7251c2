"""Names, dates and numbers an English (or any spaced, capitalised) text mentions.

Read by `library.coverage` for the candidates it re-ranks: one pass over the
whitespace-split words, far quicker than a regex per feature.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
_MONTHS = (
    {name: name[:3] for name in _MONTH_NAMES}
    | {name[:3]: name[:3] for name in _MONTH_NAMES}
    | {"sept": "sep"}
)
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"))  # fmt: skip
_PUNCTUATION = "\"'“”‘’()[]{},.;:!?*«»-—–"
_OPENERS = frozenset("\"“‘'(«")
# Capitalised words that are not names: sentence starts are skipped anyway,
# these start headlines' every word or open quotes mid-sentence.
_NOT_NAMES = frozenset((
    "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "to", "for", "by", "with",
    "from", "as", "is", "are", "was", "were", "be", "has", "have", "had", "he", "she", "it",
    "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that", "these",
    "those", "there", "here", "after", "before", "over", "under", "about", "into", "new",
    "says", "said", "will", "would", "could", "may", "might", "not", "no", "mr", "mrs", "ms",
    "dr", "st", *_MONTHS, *_WEEKDAYS,
))  # fmt: skip


def mentions(text: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(names, dates, numbers) of `text`: normalised form -> as written.

    Names are capitalised words not starting a sentence (folded); dates are
    "mar-12", a weekday or a year; numbers are two digits or more, or decimals.
    """
    names: dict[str, str] = {}
    dates: dict[str, str] = {}
    numbers: dict[str, str] = {}
    # One pass over whitespace-split words: far quicker than a regex per feature.
    words: list[tuple[str, bool]] = []  # (word without punctuation, starts a sentence)
    for line in text.splitlines():
        starts = True  # a headline or paragraph starts a sentence
        for raw in line.split():
            word = raw.strip(_PUNCTUATION)
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            words.append((word, starts or raw[0] in _OPENERS))
            starts = raw[-1] in ".!?:"
    lowered = {w for w, _s in words if w.islower()}
    for index, (word, at_start) in enumerate(words):
        if not word:
            continue
        folded = fold_word(word)
        if word[0].isupper():
            if not (at_start or len(folded) < 2 or folded in _NOT_NAMES or folded in lowered):
                names.setdefault(folded, word)
            month = _MONTHS.get(folded.rstrip("."))
            if month is not None:
                after = words[index + 1][0] if index + 1 < len(words) else ""
                before = words[index - 1][0] if index else ""
                if _is_day(after):
                    dates.setdefault(f"{month}-{int(after)}", f"{word} {after}")
                elif _is_day(before):
                    dates.setdefault(f"{month}-{int(before)}", f"{before} {word}")
            elif folded in _WEEKDAYS:
                dates.setdefault(folded, word)
        elif word[0].isdecimal():
            value = word.replace(",", "")
            if not value.replace(".", "", 1).isdecimal():
                continue
            if len(value) == 4 and value.isdecimal() and 1800 <= int(value) <= 2099:
                dates.setdefault(value, value)  # a year
            elif len(value) >= 2 or "." in value:  # single digits are everywhere
                numbers.setdefault(value, word)
    return names, dates, numbers


def _is_day(word: str) -> bool:
    return word.isdecimal() and len(word) <= 2 and 1 <= int(word) <= 31


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))

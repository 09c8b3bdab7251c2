"""An article's language, read cheaply from its script: zh, en, ja, ko or und.

Parallax only needs to know whether two articles are written in the same
language (a Chinese original against an English report is compared by meaning,
not word by word), so a script count is enough and needs no model:

- Han characters more than half as many as Latin words: "zh" (kana: "ja", Hangul: "ko");
- Latin text with English function words: "en";
- anything else, or too little Latin text to tell: "und" (BCP 47's "undetermined").

A language the file states (front matter `lang`, HTML `lang`) always wins;
`family()` reads such a tag ("zh-Hant-TW", "en_US", "Chinese") to the same codes.
"""

from __future__ import annotations

import re

from library.article import ascii_stand_in

UNDETERMINED = "und"
#: Languages written in CJK scripts (no word shared with a Latin-script text).
CJK = frozenset({"zh", "ja", "ko"})
#: Enough of an article to tell its script; its head is as good as its whole
#: (public: the language migration reads no more of each body).
SAMPLE_CHARS = 6000
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# Frequent English words that other Latin-script languages rarely write.
_ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "the of and to in is was for that on with as by at from it his her he she they "
        "said has have had were are be been will would not this which who an but",
    )
)
_ENGLISH_BYTES = frozenset(word.encode("ascii") for word in _ENGLISH)
#: Bytes table: ASCII letters lower-cased, every other byte a space.
_ASCII_LETTERS_LOWER = bytes(
    byte | 0x20 if chr(byte).isascii() and chr(byte).isalpha() else 0x20 for byte in range(256)
)
# An English article has about one of these in four words; French or German near none.
_ENGLISH_SHARE = 0.08
_NAMES = {
    "zh": "Chinese",
    "en": "English",
    "ja": "Japanese",
    "ko": "Korean",
}
_ALIASES = {
    "chinese": "zh",
    "cmn": "zh",
    "yue": "zh",
    "zho": "zh",
    "chi": "zh",
    "english": "en",
    "eng": "en",
    "japanese": "ja",
    "jpn": "ja",
    "korean": "ko",
    "kor": "ko",
}


def detect(text: str) -> str:
    """The language of `text` by its script: "zh", "en", "ja", "ko" or "und".

    Args:
        text: an article body (or any passage; the first few thousand characters are read).
    """
    sample = text[:SAMPLE_CHARS]
    ascii_sample = ascii_stand_in(sample)
    if ascii_sample is not None:
        # No Han, kana or Hangul possible (most news files): the lower-cased
        # `[A-Za-z]+` runs in one C pass over the bytes (every other byte
        # becomes a space, and the runs are what splitting then leaves),
        # half the time of the pattern's `findall` over the lower-cased text.
        lowered = ascii_sample.translate(_ASCII_LETTERS_LOWER).split()
        english = sum(map(_ENGLISH_BYTES.__contains__, lowered))
        if len(lowered) >= 3 and english / len(lowered) >= _ENGLISH_SHARE:
            return "en"
        return UNDETERMINED
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    words = _LATIN_WORD.findall(sample)
    if hangul > max(han, len(words)):
        return "ko"
    if kana and kana * 5 >= han and kana + han > len(words):
        return "ja"
    # Chinese prose keeps foreign names in Latin letters ("有九个公墓：Kelley、Owens…"):
    # its characters need only half the count of the Latin words.
    if han * 2 > len(words):
        return "zh"
    english = sum(map(_ENGLISH.__contains__, map(str.lower, words)))
    if len(words) >= 3 and english / len(words) >= _ENGLISH_SHARE:
        return "en"
    return UNDETERMINED


def family(tag: str | None) -> str | None:
    """A language tag reduced to its primary language: "zh-Hant-TW" -> "zh", "English" -> "en".

    None for no tag; an unknown tag keeps its lower-cased first part.
    """
    if not tag or not tag.strip():
        return None
    primary = re.split(r"[-_\s]", tag.strip().lower(), maxsplit=1)[0]
    return _ALIASES.get(primary, primary)


def of(stated: str | None, text: str) -> str:
    """The language of an article: the stated one when there is one, else detected from `text`."""
    return family(stated) or detect(text)


def name(code: str | None) -> str:
    """A language code as a reader says it: "zh" -> "Chinese"; unknown codes stay as they are."""
    if not code or code == UNDETERMINED:
        return "of undetermined language"
    return _NAMES.get(code, code)

"""Deriving a title for a file that states none."""

from __future__ import annotations

import re
import unicodedata

from library.chinese import cut_at_word, headline_line

MAX_TITLE = 90
MAX_HEADLINE = 200
# A sentence end: Latin punctuation followed by space, or a CJK ender.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|(?<=[。！？])")


def has_visible_text(text: str) -> bool:
    """Whether `text` has a character that shows: a letter, mark, digit, punctuation or symbol.

    Spaces, zero-width spaces and joiners, direction marks and other format
    or control characters show nothing; a title or body of only those is
    treated as absent.
    """
    return any(_visible(ch) for ch in text)


def strip_invisible(text: str) -> str:
    """`text` without the characters that show nothing (zero-width spaces…) at either end."""
    start, end = 0, len(text)
    while start < end and not _visible(text[start]):
        start += 1
    while end > start and not _visible(text[end - 1]):
        end -= 1
    return text[start:end]


def _visible(ch: str) -> bool:
    # Marks (M) count: a Devanagari or Thai word may end in a vowel sign.
    return unicodedata.category(ch)[0] in "LMNPS"


def derive_title(body: str) -> str:
    """The first line, or its first sentence if the line is long, shortened at a word.

    Used only when the file itself states no title; the result is always text
    that appears in the body, never made up.
    """
    visible = [strip_invisible(line) for line in body.splitlines() if has_visible_text(line)]
    first_line = headline_line("\n".join(visible))  # 【本报北京10月13日讯】 is not the headline
    if len(first_line) <= MAX_TITLE:
        return first_line
    if len(first_line) <= MAX_HEADLINE and not first_line.endswith((".", "。", "!", "?", "”", '"')):
        # A line with no closing punctuation is a headline, however long.
        return first_line
    sentence = _SENTENCE_END.split(first_line, maxsplit=1)[0].strip()
    if len(sentence) <= MAX_TITLE:
        return sentence
    return cut_at_word(sentence, MAX_TITLE)

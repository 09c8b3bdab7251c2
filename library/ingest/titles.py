"""Deriving a title for a file that states none."""

from __future__ import annotations

import re

from library.chinese import cut_at_word, headline_line

MAX_TITLE = 90
MAX_HEADLINE = 200
# A sentence end: Latin punctuation followed by space, or a CJK ender.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|(?<=[。！？])")


def derive_title(body: str) -> str:
    """The first line, or its first sentence if the line is long, shortened at a word.

    Used only when the file itself states no title; the result is always text
    that appears in the body, never made up.
    """
    first_line = headline_line(body)  # 【本报北京10月13日讯】 is not the headline
    if len(first_line) <= MAX_TITLE:
        return first_line
    if len(first_line) <= MAX_HEADLINE and not first_line.endswith((".", "。", "!", "?", "”", '"')):
        # A line with no closing punctuation is a headline, however long.
        return first_line
    sentence = _SENTENCE_END.split(first_line, maxsplit=1)[0].strip()
    if len(sentence) <= MAX_TITLE:
        return sentence
    return cut_at_word(sentence, MAX_TITLE)

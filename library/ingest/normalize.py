"""One shape for every article body: paragraphs separated by one blank line."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BLANK = re.compile(r"\n\s*\n")
# A lone surrogate (from a YAML "\ud800" escape or an HTML "&#xd800;") is
# not a character: SQLite refuses to store it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def scrub(text: str) -> str:
    """`text` storable as UTF-8: lone surrogates become U+FFFD (as browsers show them), NULs go."""
    if text.isascii():  # a flag CPython keeps: no scan, and no surrogate possible
        return text.replace("\x00", "")
    return _SURROGATE.sub("\ufffd", text).replace("\x00", "")


def normalize_body(text: str) -> str:
    """Normalise line endings and paragraph breaks, keeping every word as written.

    A file with blank lines between paragraphs is read as wrapped text: single
    newlines inside a paragraph join with a space.  A file with no blank line
    at all (one paragraph per line, as many news exports are) keeps each line
    as its own paragraph.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    if _BLANK.search(text):
        blocks = _BLANK.split(text)
        paragraphs = [_join_wrapped(block) for block in blocks]
    else:
        paragraphs = [_squeeze_spaces(line) for line in text.split("\n")]
    return "\n\n".join(p for p in paragraphs if p)


# Chinese and Japanese text has no spaces between words: a line wrapped inside
# it joins with nothing ("国家安全部" + "部长" is one run, not "国家安全部 部长").
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_WRAP = re.compile(f"(?<=[{_CJK}])\n(?=[{_CJK}])")


def _join_wrapped(block: str) -> str:
    block = "\n".join(line for line in block.split("\n") if line)
    if "\n" in block:  # most paragraphs are one line: no scan for a CJK wrap
        block = _CJK_WRAP.sub("", block).replace("\n", " ")
    return _squeeze_spaces(block)


def _squeeze_spaces(text: str) -> str:
    """Each run of spaces, tabs, no-break or ideographic spaces as one space.

    Text with none of them but single spaces is returned as it is: the
    substitution rewrote every single space of every paragraph, and was the
    largest part of reading a file (0.13 of 0.3 ms per news article).
    """
    if "  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text:
        return _SPACES.sub(" ", text)
    return text

"""Initials the name finder drops: "A. J. Varga" read as "J. Varga" (seventh
speakers round).

`detectors.text.entities` takes a lone capital "A." for the article, so a name
that opens with two initials loses the first one, and the voice gets a name no
article gives ("J. Varga" for "A. J. Varga").  A found name that opens with an
initial takes back the initials written right before it.
"""

from __future__ import annotations

from library.compare.lenses.pattern_cache import re_compile

# Initials right before a name: "A. ", "A.", "A. B. " (never a word: "Plan A. ").
_BEFORE = re_compile(r"(?<![\w’'.-])(?:[A-Z]\.\s?){1,2}$")
_OPENS_WITH_INITIAL = re_compile(r"[A-Z]\.\s?\S")


def with_initials(text: str, name: str) -> str:
    """`name` with the initials `text` writes right before it, when it opens with one."""
    if not _OPENS_WITH_INITIAL.match(name):
        return name
    at = text.find(name)
    while at >= 0:
        m = _BEFORE.search(text, max(0, at - 8), at)
        if m:
            return text[m.start() : at] + name
        at = text.find(name, at + 1)
    return name

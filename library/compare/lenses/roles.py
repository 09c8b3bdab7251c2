"""The words before a name in an attribution: a role ("team president") or a clause
("On the other hand"), read in a bounded window (moved out of `attribution.py` in the
sixth speakers round; private to it)."""

from __future__ import annotations

from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import is_reporting
from library.compare.units import STOPWORDS

# A role told just before the name: "Current affairs commentator Li Linyi".
_ROLE_BEFORE = re_compile(r"(?:^|[.;:!?”\"]\s+|,\s+)(?P<role>(?:[\w’'-]+\s+){1,6})$")
# Words that open a clause, not a role: ", since it was ...,".
_CLAUSE = frozenset((
    "since", "because", "as", "after", "before", "while", "if", "and", "but", "when",
    "although", "though", "so", "then", "until", "unless", "where", "that", "which",
    "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "for", "with", "by", "from",
    "to", "not", "also", "however",
))  # fmt: skip
_NOT_ROLE = frozenset(("the", "a", "an", "and", "but", "that", "on", "in", "at", "as", "by"))


# How far back the checks on the words before a name look: a bounded window keeps
# each check constant-time, so a long line with many "said X" stays linear.
_WINDOW = 240


def _before(text: str, end: int) -> str:
    """The last `_WINDOW` characters before `end`; "\x00" marks a cut start (no `^`)."""
    start = max(0, end - _WINDOW)
    return ("\x00" if start else "") + text[start:end]


def _role_before(text: str, start: int) -> str:
    m = _ROLE_BEFORE.search(_before(text, start))
    if not m:
        return ""
    words = m.group("role").split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an", "his", "her", "its", "their"):
        words = words[1:]  # "the singer's agent Tom Brill": the role after its article
    # "On the other hand, X said": a role is a noun phrase, not a clause.
    if any(w.lower() in _NOT_ROLE or is_reporting(w) for w in words) or words[-1].lower().endswith(
        "ly"
    ):
        return ""
    return " ".join(words)


def _is_role(words: str) -> bool:
    """Whether words before a name read as a role ("team president"), not a clause."""
    # a verb opens a clause ("said located ..."); inside a role it is an adjective
    # ("organized crime detective")
    split = words.split()
    if not split:
        return True
    if split[0].endswith(("ed", "ing")):
        return False
    return not any(w.lower() in STOPWORDS or w.lower() in _NOT_ROLE for w in split)

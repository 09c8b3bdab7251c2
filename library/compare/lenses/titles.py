"""A name's title and its joins: "Alder Police Chief Mark Holm" is Mark Holm with
the role "Alder Police Chief"; "Guild of Stage Lighting Arts and Sciences" is one
body.  Used by `attribution.py` and `antecedent.py`."""

from __future__ import annotations

import re

from library.compare.detectors.text import CAP_WORD
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import TITLE_WORDS

# How far back the check before a name looks (a bounded window keeps it constant-time).
_WINDOW = 240


def _before(text: str, end: int) -> str:
    """The last `_WINDOW` characters before `end`."""
    return text[max(0, end - _WINDOW) : end]


def split_title(name: str) -> tuple[str, str]:
    """Title words off a name, into the role.

    "Alder Police Chief Mark Holm" -> ("Mark Holm", "Alder Police Chief");
    "Ruth Beck of the Idaho State Police" -> ("Ruth Beck", "of the ...").
    """
    head, of, body = name.partition(" of ")
    if of and len(head.split()) >= 2:
        inner, title = split_title(head)
        return inner, f"{title} of {body}".strip()
    words = name.split()
    k = max(
        (i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLE_WORDS), default=-1
    )
    if k < 0:
        return name, ""
    rest = words[k + 1 :]
    if rest[0] == "of" and len(rest) >= 4:
        # "Chief of Detectives Carla Beck": the person is the last words.
        n = 3 if len(rest) >= 5 and re.fullmatch(r"[A-Z]\.", rest[-2]) else 2
        return " ".join(rest[-n:]), " ".join(words[: len(words) - n])
    return " ".join(rest), " ".join(words[: k + 1])


# "Guild of Stage Lighting Arts and " before "Sciences": one name of a body.
_OF_AND = re_compile(rf"(?:{CAP_WORD}\s+){{1,4}}of\s+(?:(?:the|{CAP_WORD})\s+){{1,5}}and\s+$")


def join_of_and(text: str, start: int, who: str, name: str) -> str:
    """ "Sciences" read as "Guild of Stage Lighting Arts and Sciences" when the
    words before it are "X of Y and " (a body's name; "Smith and Jones" stay two)."""
    at = text.find(who, start)
    at = at + who.rfind(name) if at >= 0 else -1
    joined = _OF_AND.search(_before(text, at)) if at > 0 else None
    if not joined:
        return name
    return re.sub(r"^(?:The|A|An)\s+", "", joined.group() + name)

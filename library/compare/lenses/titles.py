"""A name's title and its joins: "Troy Police Chief Charles Craft" is Charles Craft with
the role "Troy Police Chief"; "Academy of Motion Picture Arts and Sciences" is one
body.  Used by `attribution.py` and `antecedent.py`."""

from __future__ import annotations

import re

from library.compare.detectors.text import CAP_WORD
from library.compare.lenses.reporting import TITLE_WORDS

# How far back the check before a name looks (a bounded window keeps it constant-time).
_WINDOW = 240


def _before(text: str, end: int) -> str:
    """The last `_WINDOW` characters before `end`."""
    return text[max(0, end - _WINDOW) : end]


def split_title(name: str) -> tuple[str, str]:
    """Title words off a name, into the role.

    "Troy Police Chief Charles Craft" -> ("Charles Craft", "Troy Police Chief");
    "Gregg Hastings of the Oregon State Police" -> ("Gregg Hastings", "of the ...").
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
        # "Chief of Detectives Charlie Beck": the person is the last words.
        n = 3 if len(rest) >= 5 and re.fullmatch(r"[A-Z]\.", rest[-2]) else 2
        return " ".join(rest[-n:]), " ".join(words[: len(words) - n])
    return " ".join(rest), " ".join(words[: k + 1])


# "Academy of Motion Picture Arts and " before "Sciences": one name of a body.
_OF_AND = re.compile(rf"(?:{CAP_WORD}\s+){{1,4}}of\s+(?:(?:the|{CAP_WORD})\s+){{1,5}}and\s+$")


def join_of_and(text: str, start: int, who: str, name: str) -> str:
    """ "Sciences" read as "Academy of Motion Picture Arts and Sciences" when the
    words before it are "X of Y and " (a body's name; "Smith and Jones" stay two)."""
    at = text.find(who, start)
    at = at + who.rfind(name) if at >= 0 else -1
    joined = _OF_AND.search(_before(text, at)) if at > 0 else None
    if not joined:
        return name
    return re.sub(r"^(?:The|A|An)\s+", "", joined.group() + name)

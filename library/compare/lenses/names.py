"""Names: people, organisations and places each article mentions, grouped by alias.

Names are the capitalised spans the detectors read (`detectors/text.entities`);
the comparison's `Mentions` folds surname-only, titled, initials and
"(referred to as X)" forms into one full name.  No kind (person / body / place)
is guessed: the text alone does not say it reliably.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from library.compare.detectors.text import entities
from library.compare.mentions import Mentions
from library.compare.model import Unit


@dataclass(slots=True)
class Name:
    """One person, body or place and the forms each article uses for it."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """`{"name", "aliases", "a": [ids], "b": [ids]}`."""
        return {"name": self.name, "aliases": self.aliases, "a": self.a, "b": self.b}


_POSSESSIVE = re.compile(r"['’]s?$")


def _tidy(name: str, sentence: str) -> str:
    """ "Xi Jinping's" -> "Xi Jinping"; "Following Xi Jinping" at a sentence start ->
    "Xi Jinping" (an opening "-ing" or "-ly" word is not part of a name)."""
    name = _POSSESSIVE.sub("", name)
    if name[:4].lower() == "the " and len(name.split()) > 1:
        name = name[4:]  # "On Monday the National Security Department"
    words = name.split()
    if len(words) > 1 and sentence.lstrip().startswith(name) and words[0].endswith(("ing", "ly")):
        name = " ".join(words[1:])
    return name


def _names(sentence: str, mentions: Mentions) -> list[str]:
    """Names of one sentence; a lone capitalised first word only when it is a known
    short form ("Smith left early" after "John Smith"), not an ordinary word."""
    found = entities(sentence, at_start=True)
    first = entities(sentence)[:1]
    if first and first[0] not in found:
        full = mentions.canonical(first[0])
        # (A full name the index read across a sentence end, "Smith. Current", is no name.)
        if full != first[0].lower() and "." not in full:
            found.insert(0, first[0])
    return found


def build(units_a: tuple[Unit, ...], units_b: tuple[Unit, ...], mentions: Mentions) -> list[Name]:
    """Every name of both articles, forms of one name grouped; shared names first.

    Args:
        units_a: units of A.
        units_b: units of B.
        mentions: the comparison's names and aliases.
    """
    found: dict[str, Name] = {}
    for side, units in (("a", units_a), ("b", units_b)):
        for u in units:
            for found_name in _names(u.text, mentions):
                written = _tidy(found_name, u.text)
                if len(written) < 2 or written.isdigit():
                    continue
                key = mentions.canonical(written)
                n = found.setdefault(key, Name(key, written))
                if written not in n.aliases:
                    n.aliases.append(written)
                if len(written.split()) > len(n.name.split()):
                    n.name = written
                ids = n.a if side == "a" else n.b
                if u.id not in ids:
                    ids.append(u.id)
    for n in found.values():
        # A group the user taught is named as they first wrote it.
        taught = mentions.taught.forms(n.key) if mentions.taught else []
        if taught:
            n.name = taught[0]
        n.aliases = [x for x in n.aliases if x != n.name]
    return sorted(found.values(), key=lambda n: (not (n.a and n.b), -(len(n.a) + len(n.b)), n.key))

"""Where a number counts: the place scope that qualifies it in its clause.

Two outlets often give two tolls of one disaster for two places: "170,000
died in Aceh" and "230,000 were killed across Asia"; a province's count and
the region's; the marchers in Athens and the strikers nationwide.  The thing
counted and the event are the same, yet the slot is not: a reader asks
*where?* before calling the two values a contradiction.

A number's place is read from its own clause (`owner.clauses`): a place
preposition ("in", "across", "throughout" ...) after the number followed by a
capitalised name ("in Aceh", "across Asia") or by a scope noun ("in the
province", "around the world"); a scope adverb anywhere in the clause
("nationwide", "worldwide"); else a clause that opens the sentence with a
place ("In Aceh, 170,000 ..."). A place *before* the number in its clause
("a quake in Iran killed 10") names where the event was, not what is counted,
and is not read.

Two places are compatible when they are the same name (a word in common:
"Aceh" / "Banda Aceh" / "Aceh province"), the same scope ("nationwide" /
"across the country"), or a name against a local scope noun ("in Bam" / "in
the city": the city may be Bam).  A name against a wider scope ("in Athens" /
"nationwide"), a local scope noun against a name spanned ("in the province" /
"across Asia"), two different names, or two different scopes are two slots.
One side with no place, or none on both, says nothing: today's reading holds.
"""

from __future__ import annotations

import re

from library.compare.detectors.owner import clauses
from library.compare.detectors.text import entities

_PREP = r"(?i:in|across|throughout|around|outside|inside|within|all\s+over)"
# Scope nouns, by how wide: a local one may be the place the other side names.
_RANK = {
    **dict.fromkeys(
        ("city", "town", "village", "district", "area", "county", "island", "capital"), "local"
    ),
    **dict.fromkeys(("province", "state", "prefecture"), "province"),
    **dict.fromkeys(("region", "continent"), "region"),
    **dict.fromkeys(("country", "nation"), "nation"),
    **dict.fromkeys(("world", "globe", "planet"), "world"),
}
_ADVERBS = {
    "nationwide": "nation",
    "countrywide": "nation",
    "statewide": "province",
    "provincewide": "province",
    "regionwide": "region",
    "region-wide": "region",
    "worldwide": "world",
    "globally": "world",
}
_LOCAL = frozenset(("local", "province"))
_NAMED = re.compile(rf"\b{_PREP}\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
_SCOPED = re.compile(rf"\b{_PREP}\s+the\s+(?:whole\s+|entire\s+)?(\w+)\b", re.I)
_ADVERB = re.compile(r"\b(" + "|".join(map(re.escape, _ADVERBS)) + r")\b", re.I)
_OPENING = re.compile(rf"^\s*{_PREP}\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s*,")
# Words of a place name that say its kind, not which place ("Aceh province").
_KIND_WORDS = frozenset((*_RANK, "provinces", "islands", "cities", "republic", "of"))


def where(text: str, start: int, end: int) -> tuple[str, str]:
    """The place scope of the number at `text[start:end]`: (key, as written), or ("", "").

    The key is "=" + a lower-case name ("=aceh") or "~" + a scope rank
    ("~nation").

    Args:
        text: one sentence (or passage).
        start: where the number starts.
        end: where it ends.
    """
    spans = clauses(text)
    lo, hi = next(((a, b) for a, b in spans if a <= start <= b), (0, len(text)))
    tail = text[end:hi]
    named, scoped = _NAMED.search(tail), _SCOPED.search(tail)
    rank = _RANK.get(scoped.group(1).lower(), "") if scoped else ""
    if scoped and rank and (not named or scoped.start() < named.start()):
        return "~" + rank, scoped.group().strip()
    if named:
        key = _name_key(named.group(1))
        if key:
            return key, named.group().strip(" .,;:")
    adverb = _ADVERB.search(text, lo, hi)
    if adverb:
        return "~" + _ADVERBS[adverb.group(1).lower()], adverb.group()
    opening = _OPENING.match(text)
    if opening and opening.end() <= lo:
        key = _name_key(opening.group(1))
        if key:
            return key, opening.group().strip(" ,")
    return "", ""


def _name_key(name: str) -> str:
    """ "=aceh" for "Aceh province"; "" when the words are no name (a month, "The")."""
    found = entities(name)
    if not found:
        return ""
    words = found[0].lower().replace("’s", "").replace("'s", "").split()
    kept = [w for w in words if w not in _KIND_WORDS]
    return "=" + " ".join(kept or words)


def other_place(x: tuple[str, str], y: tuple[str, str]) -> bool:
    """Whether two numbers' place scopes (`where`) name two different slots."""
    kx, ky = x[0], y[0]
    if not kx or not ky or kx == ky:
        return False
    if kx[0] == "=" and ky[0] == "=":
        return not set(kx[1:].split()) & set(ky[1:].split())
    if kx[0] == "~" and ky[0] == "~":
        return True
    scope, named = (kx[1:], y[1]) if kx[0] == "~" else (ky[1:], x[1])
    # "in the province" may be the "Aceh" the other side names, not the
    # "across Asia" it spans: a place spanned is wider than a local scope.
    spanned = named.lower().split()[:1] in (["across"], ["throughout"], ["around"])
    return scope not in _LOCAL or spanned


def reason(x: tuple[str, str], y: tuple[str, str]) -> str:
    """The note shown for two numbers of two places: "where? A: in Aceh · B: across Asia"."""
    return f"where? A: {x[1]} · B: {y[1]}"


_NOTE = re.compile(r"\(where\? A: (.*?) · B: (.*?)\)")


def is_place_swap(name_a: str, name_b: str, notes: list[str]) -> bool:
    """Whether two names that differ are the places of two numbers already read as
    two slots ("A: Aceh · B: Asia" beside "where? A: in Aceh · B: across Asia").

    The place is then the reason the numbers differ, not a second claim: the
    names conflict is a note too.

    Args:
        name_a: side A's name.
        name_b: side B's name.
        notes: explanations of the pair's number conflicts.
    """
    for note in notes:
        for m in _NOTE.finditer(note):
            if name_a in m.group(1) and name_b in m.group(2):
                return True
    return False

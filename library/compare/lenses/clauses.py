"""Attribution spread over a clause, in English news.

The forms `attribution.py` reads hold the speaker next to the verb.  These hold
it across a clause: a subject with a relative clause ("The Academy of Motion
Picture Arts and Sciences, which hands out ..., said Jackman will host": the
Academy speaks, not Jackman), an agent after a passive ("a statement echoed by
its president, Robert Sznewajs"), a participle ("McG made the announcement,
stating that ..."), and a body's column named in quotes ("Entertainment
Weekly's “Hollywood Insider” is reporting").  Each pattern is bounded (no
nested repetition of unbounded parts), so a long line stays linear.
"""

from __future__ import annotations

import re

from library.compare.lenses.reporting import ADVERB, NAME, VERBS

# "X, which hands out the world's top honours, said": the subject speaks.
_SUBJECT_WHICH = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<who>{NAME}(?:\s+and\s+{NAME})?),\s+(?:which|who)\s[^,;“”\"]{{1,200}}?,\s+"
    rf"(?:{ADVERB}\s+)?(?:(?:has|have|had)\s+)?(?:{VERBS})\b"
)
# "a statement echoed by its president and chief executive, Robert Sznewajs",
# "was confirmed by the Interior Ministry", "a statement released by the Academy".
_BY_AGENT = re.compile(
    # not "The cases reported by the Bureau involve ...": a verb of the sentence or a
    # statement's, not a participle that describes a noun
    r"\b(?:(?:was|were|been|is|are)\s+(?:[a-z]+ly\s+)?(?:confirmed|reported|announced|stated|claimed|"
    r"denied|disclosed|revealed|said|estimated|predicted|told)|(?:statement|report|release|"
    r"letter|memo|communiqu[eé]|claim|account|view|position|assessment|poll|survey|study)\s+"
    r"(?:echoed|released|issued|posted|published|conducted|commissioned|sent(?:\s+out)?|made|"
    r"shared|repeated|backed|confirmed))"
    r"\s+(?:[a-z]+\s+){0,2}?by\s+(?:the|its|his|her|their)?\s*"
    r"(?:(?P<role>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,5}),\s+)?"
    rf"(?P<who>{NAME})"
)
# "the man described by The New York Times Magazine as “the last great Mafioso”"
_DESCRIBED_AS = re.compile(rf"\bdescribed\s+by\s+(?:the\s+|The\s+)?(?P<who>{NAME})\s+as\b")
# "McG made the announcement in Dubai, stating that ...": a participle of saying.
_PARTICIPLE = re.compile(
    # "Los Angeles general manager Tony Reagins has sounded ... saying that": the person
    rf"^(?:(?:However|But|Meanwhile|Still|Yet|Now),?\s+)?(?:[Tt]he\s+)?"
    rf"(?:{NAME}\s+(?:[a-z][\w-]*\s+){{1,3}})?(?P<who>{NAME})\s+"
    r"(?P<aux>(?:has|had|also)\s+)?(?P<verb>[a-z][\w-]*)[^.;:“”\"]{0,200}?"
    r"(?:,\s+(?:saying|stating|adding|noting|explaining|claiming|insisting|warning|arguing|"
    r"writing|telling\s+\w+)\b|\s+(?:saying|stating|claiming|insisting|arguing)\s+that\b)"
)
# Irregular pasts a subject's verb may take ("McG made the announcement, stating").
_PAST = frozenset((
    "made", "gave", "took", "went", "came", "sent", "wrote", "spoke", "met", "left", "found",
    "held", "led", "ran", "won", "lost", "put", "set", "told", "said", "broke", "brought",
    "began", "chose", "drew", "fell", "felt", "got", "hit", "kept", "knew", "paid", "rose",
    "saw", "sold", "stood", "struck", "taught", "thought", "threw", "wore",
    "himself", "herself", "itself",  # "DeGeneres herself announced the news, writing"
))  # fmt: skip
# "Statement by Francesca Grifo", "Below is a statement from the Harbour Trust:"
_STATEMENT_BY = re.compile(
    rf"\b[Ss]tatement\s+(?:by|from)\s+(?:the\s+)?(?P<who>{NAME})(?=\s*(?:[,.:;]|$)|\s+(?:said|says))"
)
# "Deadline's Nikki Finke and Mike Fleming, who wrote that": both speak.
_WHO_PAIR = re.compile(
    rf"(?:[A-Z][\w.-]*['’]s\s+)?(?P<a>{NAME})\s+and\s+(?P<b>{NAME}),\s+who\s+(?:also\s+)?(?:{VERBS})\b"
)
# "the commerce secretary, Gary Locke, and the interior secretary, Ken Salazar, said":
# two people, each after a role set off by commas ("agreed" at the clause's end too).
_ROLE_PAIR = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts)\s+(?P<ra>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}),\s+"
    rf"(?P<a>{NAME}),\s+and\s+(?:the|an?|his|her|its)\s+(?P<rb>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){{0,3}}),"
    rf"\s+(?P<b>{NAME}),\s+(?:(?:{ADVERB}|both)\s+)?(?:(?:{VERBS})\b|agreed(?=\s*[.;]))"
)
# "Entertainment Weekly's “Hollywood Insider” is reporting": the owner of the column.
_COLUMN = re.compile(
    rf"(?P<who>{NAME})['’]s\s+[“\"][^“”\"]{{1,60}}[”\"]\s+(?:{ADVERB}\s+)?"
    r"(?:is\s+reporting|reported|reports|says|said|wrote|writes)\b"
)
# "The Sixers, who claimed the summer's top prize": a win, not a claim.
_WON = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,6}?(?:title|prize|victory|win|seat|crown|trophy|medal|lives|"
    r"life|spot|place|record|championship|gold|silver|bronze)s?\b"
)


def early(text: str) -> list[tuple[str, str, int, int]]:
    """Speakers read before the patterns of `attribution.py`, with the span they
    cover (a "said X" inside it reports on X): `(name, role, start, end)`."""
    out: list[tuple[str, str, int, int]] = []
    if (m := _SUBJECT_WHICH.match(text)) and not _WON.match(text, m.end()):
        out.append((m.group("who"), "", m.start(), m.end()))
    for m in _BY_AGENT.finditer(text):
        out.append((m.group("who"), m.group("role") or "", m.start(), m.end()))
    for m in _DESCRIBED_AS.finditer(text):
        out.append((m.group("who"), "", m.start(), m.end()))
    for m in _STATEMENT_BY.finditer(text):
        out.append((m.group("who"), "", m.start(), m.end()))
    for m in _ROLE_PAIR.finditer(text):
        out.append((m.group("a"), m.group("ra"), m.start(), m.start("b")))
        out.append((m.group("b"), m.group("rb"), m.start("b"), m.end()))
    for m in _WHO_PAIR.finditer(text):
        out.append((m.group("a"), "", m.start(), m.start("b")))
    for m in _COLUMN.finditer(text):
        out.append((m.group("who"), "", m.start(), m.end()))
    return out


def late(text: str) -> list[tuple[str, str]]:
    """Speakers read when no other pattern found one: "X did Y, stating that"."""
    m = _PARTICIPLE.match(text)
    if not m:
        return []
    # "Defense lawyers objected, arguing": a lone capital then a noun is no subject;
    # "McG made the announcement", "O'Brien sued, claiming": a name then its verb.
    verb = m.group("verb")
    if " " not in m.group("who") and not (m.group("aux") or verb.endswith("ed") or verb in _PAST):
        return []
    return [(m.group("who"), "")]


def won(text: str, end: int) -> bool:
    """Whether the words after a verb ending at `end` tell of a win ("claimed the
    title"), not a claim."""
    return _WON.match(text, end) is not None

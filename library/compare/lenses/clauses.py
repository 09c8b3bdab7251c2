"""Attribution spread over a clause, in English news.

The forms `attribution.py` reads hold the speaker next to the verb.  These hold
it across a clause: a subject with a relative clause ("The Guild of Stage
Lighting Arts and Sciences, which gives out ..., said Moreau will host": the
Guild speaks, not Moreau), an agent after a passive ("a statement echoed by
its chairman, Pavel Dusek"), a participle ("Nolan made the announcement,
stating that ..."), and a body's column named in quotes ("Entertainment
Weekly's “Hollywood Insider” is reporting").  Each pattern is bounded (no
nested repetition of unbounded parts), so a long line stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from library.compare.detectors.text import CAP_WORD, NAME_JOINERS, entities
from library.compare.lenses.gates import gate_of, may_match
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import ADVERB, NAME, NOT_VOICES, TITLE_WORDS, VERBS

# "X, which grants the region's best awards, said": the subject speaks.
_SUBJECT_WHICH = re_compile(
    rf"^(?:[Tt]he\s+)?(?P<who>{NAME}(?:\s+and\s+{NAME})?),\s+(?:which|who)\s[^,;“”\"]{{1,200}}?,\s+"
    rf"(?:{ADVERB}\s+)?(?:(?:has|have|had)\s+)?(?:{VERBS})\b"
)
# "a statement echoed by its chair and chief executive, Ilse Varga",
# "was confirmed by the Interior Ministry", "a statement released by the Academy".
_BY_AGENT = re_compile(
    # not "The cases reported by the Bureau involve ...": a verb of the sentence or a
    # statement's, not a participle that describes a noun
    # "has been labeled “risky” by Dana Reyes"
    r"\b(?:(?:was|were|been|is|are)\s+(?:[a-z]+ly\s+)?(?:confirmed|reported|announced|stated|claimed|"
    r"denied|disclosed|revealed|said|estimated|predicted|told|"
    r"label(?:l)?ed(?:\s+[“\"][^“”\"]{1,40}[”\"]|\s+as\s+[\w-]+)?)|(?:statement|report|release|"
    r"letter|memo|communiqu[eé]|claim|account|view|position|assessment|poll|survey|study)\s+"
    r"(?:echoed|released|issued|posted|published|conducted|commissioned|sent(?:\s+out)?|made|"
    r"shared|repeated|backed|confirmed))"
    r"\s+(?:[a-z]+\s+){0,2}?by\s+(?:the|its|his|her|their)?\s*"
    r"(?:(?P<role>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,5}),\s+)?"
    rf"(?P<who>{NAME})"
)
# "the woman described by The Lakeside Weekly as “the last true painter”"
_DESCRIBED_AS = re_compile(rf"\bdescribed\s+by\s+(?:the\s+|The\s+)?(?P<who>{NAME})\s+as\b")
# "Nolan made the announcement in Oslo, stating that ...": a participle of saying.
_PARTICIPLE = re_compile(
    # "Toronto general manager Ole Brandt has hinted ... saying that": the person
    rf"^(?:(?:However|But|Meanwhile|Still|Yet|Now),?\s+)?(?:[Tt]he\s+)?"
    rf"(?:{NAME}\s+(?:[a-z][\w-]*\s+){{1,3}})?(?P<who>{NAME})\s+"
    r"(?P<aux>(?:has|had|also)\s+)?(?P<verb>[a-z][\w-]*)[^.;:“”\"]{0,200}?"
    r"(?:,\s+(?:saying|stating|adding|noting|explaining|claiming|insisting|warning|arguing|"
    r"writing|telling\s+\w+)\b|\s+(?:saying|stating|claiming|insisting|arguing)\s+that\b|"
    # "Sean Payton announced it himself, revealing through the team's account that" (fifth
    # round; not "revealing a new logo": a deed)
    r",\s+(?:revealing|confirming|acknowledging|announcing|declaring|suggesting|predicting|"
    r"stressing|emphasi[sz]ing|conceding|admitting)"
    r"(?:\s+(?:through|on|in|via|to|at|during|with)\s+[^.;:“”\",]{1,60}?)?\s+that\b)"
)
# Irregular pasts a subject's verb may take ("Nolan made the announcement, stating").
_PAST = frozenset((
    "made", "gave", "took", "went", "came", "sent", "wrote", "spoke", "met", "left", "found",
    "held", "led", "ran", "won", "lost", "put", "set", "told", "said", "broke", "brought",
    "began", "chose", "drew", "fell", "felt", "got", "hit", "kept", "knew", "paid", "rose",
    "saw", "sold", "stood", "struck", "taught", "thought", "threw", "wore",
    "himself", "herself", "itself",  # "Kova herself announced the news, writing"
))  # fmt: skip
# "Statement by Francesca Grifo", "Below is a statement from the Harbour Trust:"
_STATEMENT_BY = re_compile(
    rf"\b[Ss]tatement\s+(?:by|from)\s+(?:the\s+)?(?P<who>{NAME})(?=\s*(?:[,.:;]|$)|\s+(?:said|says))"
)
# "Variety's Lisa Vann and Raul Otero, who wrote that": both speak.
_WHO_PAIR = re_compile(
    rf"(?:[A-Z][\w.-]*['’]s\s+)?(?P<a>{NAME})\s+and\s+(?P<b>{NAME}),\s+who\s+(?:also\s+)?(?:{VERBS})\b"
)
# "the trade minister, Ivo Petkov, and the health minister, Rosa Lind, said":
# two people, each after a role set off by commas ("agreed" at the clause's end too).
_ROLE_PAIR = re_compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts)\s+(?P<ra>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}),\s+"
    rf"(?P<a>{NAME}),\s+and\s+(?:the|an?|his|her|its)\s+(?P<rb>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){{0,3}}),"
    rf"\s+(?P<b>{NAME}),\s+(?:(?:{ADVERB}|both)\s+)?(?:(?:{VERBS})\b|agreed(?=\s*[.;]))"
)
# "Entertainment Weekly's “Hollywood Insider” is reporting": the owner of the column.
_COLUMN = re_compile(
    rf"(?P<who>{NAME})['’]s\s+[“\"][^“”\"]{{1,60}}[”\"]\s+(?:{ADVERB}\s+)?"
    r"(?:is\s+reporting|reported|reports|says|said|wrote|writes)\b"
)
# "The Hornets, who claimed the league's biggest prize": a win, not a claim.
_WON = re_compile(
    r"\s+(?:[\w’'-]+\s+){0,6}?(?:title|prize|victory|win|seat|crown|trophy|medal|lives|"
    r"life|spot|place|record|championship|gold|silver|bronze)s?\b"
)


# The subject of a clause, past its appositives (round 18): "Jane Doe, head of
# sales for Acme Films, based across the river, said" (Jane Doe, not Acme Films);
# "In a statement to the paper, Jane Doe, a member of the board of directors said";
# "The two editors who ran the piece, Ines Roth and Paul Meyer, have
# insisted that"; "Lane's principal, Martin Hartley of the X School, wrote".
# A name whose hyphen the tokeniser spaced ("Mahmoud Al - Goweiny").
_SPACED = rf"{CAP_WORD}(?:\s+-\s+{CAP_WORD}|\s+(?:(?:{NAME_JOINERS})\s+)*{CAP_WORD}){{0,7}}"
_SUBJECT = re_compile(
    # an opening phrase set off by a comma ("In a statement to X,", "However,")
    r"^(?:(?:In|On|At|During|After|Before|Speaking|Writing|However|Meanwhile|But|And|Later|"
    r"Earlier|Also|Still|Yet|Now)\b[^,;:“”\"]{0,100},\s+)?"
    # a description before the name(s): "The two reporters who broke the story,"
    rf"(?:(?P<desc>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|{CAP_WORD}['’]s)\s+"
    r"[^,;:“”\"]{1,120}?),\s+)?"
    rf"(?P<who>{_SPACED}(?:\s+and\s+{_SPACED})?)"
    r"(?:\s*,\s*(?P<role>[^;:“”\"]{2,200}?)(?P<comma>\s*,)?)??"
    rf"(?P<close>\s*,)?\s+(?:{ADVERB}\s+)?(?:(?:has|have|had)\s+)?(?:{ADVERB}\s+)?(?:{VERBS})\b"
)
# Words that open a clause of its own inside an appositive ("X, who police said had"):
# the verb after it is not the subject's.
_OWN_CLAUSE = re_compile(
    r"\b(?:who|whom|whose|which|that|when|after|before|because|while|if|since|where|until|"
    r"although|though|as|and\s+(?:he|she|it|they|police|officials))\b"
)
_AUX = frozenset((
    "was", "were", "is", "are", "has", "had", "have", "will", "would", "could", "can", "did",
    "does", "do", "may", "might", "must", "should", "shall", "not", "being", "been",
))  # fmt: skip
# A name that is a time or an opening word, not a subject ("Tuesday, the company said").
_NOT_SUBJECT = frozenset((
    "however", "meanwhile", "but", "and", "still", "yet", "also", "instead", "later",
    "earlier", "overall", "now", "then", "today", "yesterday", "tomorrow", "last", "this",
    "in", "on", "at", "after", "before", "when", "while", "although", "though", "if", "as",
    "since", "for", "with", "by", "from", "asked", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december",
))  # fmt: skip


def subject(text: str, words: set[str] | None = None) -> tuple[str, str, int, int] | None:
    """The named subject of a sentence's first clause when appositives or a
    description stand between it and its verb of saying: `(name(s), role, start,
    end)`; None when the sentence has no such shape.

    The appositive must read as a role: no clause of its own ("who police said"),
    not a place or another name ("Dover, Del., said"; "Smith, Jones and Brown
    said"), and when no comma closes it before the verb, a role with its body ("a
    member of the board of directors said"; not "Smith, police said, was").
    """
    if words is not None and not may_match(_GATE[id(_SUBJECT)], words):
        return None  # no verb of saying: no match (gates.py)
    m = _SUBJECT.match(text)
    if not m or not (m.group("desc") or m.group("role")):
        return None
    who = m.group("who")
    head = who.split()[0].lower().rstrip(".,")
    if head in _NOT_SUBJECT or (head.endswith("ing") and " " in who):
        return None  # "Tuesday, …"; "Choosing Kova, known for …, signals that"
    if m.group("comma") and re.match(r"\s+(?:the\s+|[A-Z])", text[m.end() :]):
        return None  # "Mr Hale, originally from Leeds, lived …, says the Press Agency"
    role = (m.group("role") or "").strip()
    if role:
        first = role.split()[0]
        if _OWN_CLAUSE.search(role) or re.search(rf"\b(?:{VERBS})\b", role):
            return None
        if first[:1].isupper() and not (
            first.lower().rstrip(".,") in TITLE_WORDS or re.fullmatch(r"[A-Z][\w-]*['’]s", first)
        ):
            return None  # "Dover, Del., said", "Smith, Jones and Brown said"
        if first.lower().endswith("ed") or any(w.lower() in _AUX for w in role.split()):
            return None  # "The victim, John Smith, was shot at a bar, police said"
        if re.search(r",\s+and\s+[A-Z]", role):
            return None  # "Ramon Ibarra, 19, and Luis Quintero, 27, were": a list
        if not m.group("comma") and (
            "," in role
            or not re.search(r"\b(?:of|for|at)\b", role)
            or not (first.lower() in ("a", "an", "the") or first.lower() in TITLE_WORDS)
        ):
            return None  # "Smith, the company said, was fired": the company speaks
    if m.group("desc") and not (m.group("role") or m.group("close")):
        return None  # "The bridge opened on May 3, Ann Lee said": a clause, then the speaker
    # the role as the other patterns write it: no age ("45, a neighbour"), no article
    # before a description ("A reporter of …" -> "reporter of …")
    role = re.sub(r"^\d{1,3}\s*,\s*", "", role)
    desc = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", (m.group("desc") or "").strip())
    start = m.start("desc") if m.group("desc") else m.start("who")
    return who, role or desc, start, m.end()


def subject_voices(
    text: str,
    spoken: list[tuple[int, int]],
    split_title: Callable[[str], tuple[str, str]],
    words: set[str] | None = None,
) -> list[tuple[str, str]]:
    """The subject of the first clause past its appositives (`subject`), as
    `(name, role)` (two for "A and B"); its span goes into `spoken`: a name inside the
    appositive ("… for Acme Films, based …, said") is the subject's, no voice."""
    found = subject(text, words)
    if found is None:
        return []
    who, role, start, end = found
    head, _and, tail = who.partition(" and ")
    # "Carl Bernstein and Bob Woodward"; not "Academy of Arts and Sciences" (one body)
    parts = [head, tail] if tail and " of " not in head else [who]
    out = []
    for part in parts:
        # "Martin Hartley of the X School": the person, the school his role
        names = [part] if " - " in part or " of " in part else entities(part)
        if not names or names[-1].lower() in NOT_VOICES:
            continue
        name, title = split_title(names[-1])
        if name.split()[-1].lower().rstrip(".") in TITLE_WORDS:
            continue
        out.append((name, " ".join(x for x in (role, title) if x)))
    if out:
        spoken.append((start, end))
    return out


# "X agreed to terms on Sunday, his agent Dan Oakes, told Radio One": a possessive
# role and its name after a clause (round 18; "Sunday, his agent …" hid it).
_POSS_ROLE_NAME = re_compile(
    r"(?:^|,\s+)(?P<own>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?P<role>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2})"
    rf"\s+(?P<who>{NAME}),?\s+(?:{ADVERB}\s+)?(?:said|says|told|tells|added|confirmed)\b"
)


# "…,” Captain Tom Vale, Chief Media Liaison Officer, Coast Guard, said.": a name
# after a quote with a role of more than one comma's part (round 21, post-hoc).
_QUOTE_NAME_ROLES = re_compile(
    rf"[”\"]\s*(?P<who>{NAME}),\s+(?P<role>[^;:“”\"]{{3,140}}?),\s+(?:said|says|added|told)"
    r"(?=\s*[.;,]|\s*$)"
)


# Each pattern's gate (gates.py): its first words, or a verb of saying it needs; keyed
# by id (a pattern's own hash reads its whole text, thousands of characters).
_GATE = {
    id(_SUBJECT): gate_of(_SUBJECT, verb=True),
    id(_SUBJECT_WHICH): gate_of(_SUBJECT_WHICH, verb=True),
    id(_WHO_PAIR): gate_of(_WHO_PAIR, verb=True),
    id(_BY_AGENT): gate_of(_BY_AGENT),
    id(_DESCRIBED_AS): gate_of(_DESCRIBED_AS),
    id(_STATEMENT_BY): gate_of(_STATEMENT_BY),
    id(_ROLE_PAIR): gate_of(_ROLE_PAIR),
    id(_COLUMN): gate_of(_COLUMN),
    id(_QUOTE_NAME_ROLES): gate_of(_QUOTE_NAME_ROLES),
    id(_POSS_ROLE_NAME): gate_of(_POSS_ROLE_NAME),
}


def early(text: str, words: set[str] | None = None) -> list[tuple[str, str, int, int]]:
    """Speakers read before the patterns of `attribution.py`, with the span they
    cover (a "said X" inside it reports on X): `(name, role, start, end)`.

    `words` (the sentence's, `gates.WORDS`) skips the patterns it cannot match."""

    def run(rx: re.Pattern[str]) -> bool:
        return words is None or may_match(_GATE[id(rx)], words)

    out: list[tuple[str, str, int, int]] = []
    if run(_SUBJECT_WHICH) and (m := _SUBJECT_WHICH.match(text)) and not _WON.match(text, m.end()):
        out.append((m.group("who"), "", m.start(), m.end()))
    for m in _BY_AGENT.finditer(text) if run(_BY_AGENT) else ():
        out.append((m.group("who"), m.group("role") or "", m.start(), m.end()))
    for m in _DESCRIBED_AS.finditer(text) if run(_DESCRIBED_AS) else ():
        out.append((m.group("who"), "", m.start(), m.end()))
    for m in _STATEMENT_BY.finditer(text) if run(_STATEMENT_BY) else ():
        out.append((m.group("who"), "", m.start(), m.end()))
    for m in _ROLE_PAIR.finditer(text) if run(_ROLE_PAIR) else ():
        out.append((m.group("a"), m.group("ra"), m.start(), m.start("b")))
        out.append((m.group("b"), m.group("rb"), m.start("b"), m.end()))
    for m in _WHO_PAIR.finditer(text) if run(_WHO_PAIR) else ():
        out.append((m.group("a"), "", m.start(), m.start("b")))
    for m in _COLUMN.finditer(text) if run(_COLUMN) else ():
        out.append((m.group("who"), "", m.start(), m.end()))
    for m in _QUOTE_NAME_ROLES.finditer(text) if run(_QUOTE_NAME_ROLES) else ():
        out.append((m.group("who"), m.group("role"), m.start("who"), m.end()))
    for m in _POSS_ROLE_NAME.finditer(text) if run(_POSS_ROLE_NAME) else ():
        out.append((m.group("who"), m.group("role"), m.start("own"), m.end()))
    return out


def late(text: str) -> list[tuple[str, str]]:
    """Speakers read when no other pattern found one: "X did Y, stating that"."""
    m = _PARTICIPLE.match(text)
    if not m:
        return []
    # "Defense lawyers objected, arguing": a lone capital then a noun is no subject;
    # "Nolan made the announcement", "Okoro sued, claiming": a name then its verb.
    verb = m.group("verb")
    if " " not in m.group("who") and not (m.group("aux") or verb.endswith("ed") or verb in _PAST):
        return []
    return [(m.group("who"), "")]


def won(text: str, end: int) -> bool:
    """Whether the words after a verb ending at `end` tell of a win ("claimed the
    title"), not a claim."""
    return _WON.match(text, end) is not None

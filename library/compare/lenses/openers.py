"""Speakers opening a sentence that `attribution.sources` leaves out (fifth round).

A lone capitalised first word is most often an ordinary one ("Proposals",
"Furthermore"), so `sources` takes no one-word subject at a sentence's start; but a
surname the article gave before is a person ("Palin released a statement … and
offered an apology").  And "X released a statement." tells a claim when the next
sentence opens with its quoted words, and "one man who says …" is the person named
in the quote that opens next (the labelling conventions of
benchmarks/lenses_set/README.md).
"""

from __future__ import annotations

import re

from library.compare.detectors.text import entities
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import ADVERB, NAME, NOT_VOICES, VERBS
from library.compare.lenses.shapes import AND_SAID

_NAME = NAME

# "Dunn released a statement after the flood.": a statement whose words follow in the
# next sentence (`opening_voice` checks that a quote opens it)
ISSUED = re_compile(
    rf"^(?P<who>{_NAME})\s+(?:(?:has|had|also|later|then)\s+)?(?:released|issued|put\s+out)\s+"
    # "X has issued an update about the outage." (sixth round)
    r"(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|update)\b(?![^.;:“”\"]*[:“\"])"
)


def lone_subject(text: str) -> str | None:
    """The one capitalised word opening a sentence whose later verb tells a claim
    ("Palin released a statement … and offered an apology"), which `sources` leaves
    out (a lone first word is often an ordinary one): `opening_voice` takes it when the
    article gave it before as a person's surname."""
    if " and " not in text and " but " not in text:
        return None
    m = AND_SAID.match(text)
    if not m or re.search(r"\b(?:been|was|were|is|are|being)\b", m.group()):
        return None
    subj = m.group("subj").strip()
    return subj if re.fullmatch(r"[A-Z][a-z][\w’'-]*", subj) else None


# Opening words that are no speaker of "X released a statement".
_NOT_ISSUERS = frozenset(("they", "we", "i", "you", "he", "she", "it", "this", "that", "there"))


def opening_voice(text: str, after: str, known: dict[str, str]) -> list[tuple[str, str]]:
    """A speaker opening the sentence that `sources` leaves out: a lone surname the
    article gave before as a person's ("Palin … and offered an apology"), and the one
    who "released a statement" when the next sentence opens with its quoted words."""
    lone = lone_subject(text)
    if lone and lone.lower() in known:
        return [(known[lone.lower()], "")]
    m = ISSUED.match(text)
    if not m or after.lstrip()[:1] not in ("“", '"', "‘"):
        return []
    names = entities(m.group("who"))
    if not names or names[-1].lower() in NOT_VOICES or names[-1].lower() in _NOT_ISSUERS:
        return []
    name = names[-1]
    return [(known.get(name.lower(), name) if " " not in name else name, "")]


# "spoke to one woman who says she rang the police", "a shipping monitor told Radio One": a person
# described, not named (the name may come with the quote that follows)
_INDEFINITE = re_compile(
    # "The victim's nephew said": a relative described by whose he is (sixth round)
    r"(?:^|[,;]\s+|\b(?:and|but|to|with)\s+)(?:[Aa]n?|[Oo]ne|[Tt]he\s+(?:victim|woman|man|boy|girl|"
    r"child|driver|suspect)['’]s)\s+(?:[\w.-]+\s+){0,3}?"
    r"(?P<noun>man|woman|witness|resident|neighbou?r|monitor|observer|expert|analyst|official|"
    r"spokes(?:man|woman|person)|officer|eyewitness|worker|employee|relative|friend|"
    r"commander|director|executive|lawyer|attorney|professor|researcher|scientist|doctor|"
    r"engineer|agent|publicist|representative|rep|nephew|niece|cousin|uncle|aunt|brother|"
    r"sister|son|daughter|mother|father|husband|wife|girlfriend|boyfriend|neighbor)"
    # "A spokesman for the city said"
    r"(?:\s+(?:for|of|at)\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*){0,3})?\s+"
    rf"(?:who\s+)?(?:{ADVERB}\s+)?(?:{VERBS})\b"
)
_QUOTES = ("“", '"', "‘")


def indefinite(text: str) -> str | None:
    """The noun of a person described with "a" / "one" who speaks in `text`, if any."""
    m = _INDEFINITE.search(text)
    return m.group("noun").lower() if m else None


def name_later(
    described: list[tuple[int, str]],
    texts: dict[int, str],
    firsts: list[tuple[list[int], str]],
) -> None:
    """ "One woman who says she rang the police." / "“I see a person …" / "…,” said Tom Vale":
    the unit of each description goes to the voice first named within the two units
    after it, when the next unit opens a quote (the described person's words running
    on) or the voice's role has the described noun ("A spokesman for the city said" /
    "Tom Vale, the city spokesman, said"); `firsts` are this side's voices as (unit
    ids, role), the ids updated in place."""
    for uid, noun in described:
        quoted = texts.get(uid + 1, "").lstrip().startswith(_QUOTES)
        later = [
            ids
            for ids, role in firsts
            if ids and uid < ids[0] <= uid + 2 and (quoted or noun in role.lower().split())
        ]
        if later:
            min(later, key=lambda ids: ids[0]).insert(0, uid)

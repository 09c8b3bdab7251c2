"""Names: people, organisations and places each article mentions, grouped by alias.

Names are the capitalised spans the detectors read (`detectors/text.entities`);
the comparison's `Mentions` folds surname-only, titled, initials and
"(referred to as X)" forms into one full name.  A capital is weak evidence at
a sentence's start ("Clearly", "Everyone") and none in a headline, where every
word has one: such words count only when the articles use them as names
elsewhere.  Titles are roles, not names ("Mayor Anna Keller" is Anna Keller).
No kind (person / body / place) is guessed: the text alone does not say it reliably.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from library.compare.detectors.text import ENTITY, entities
from library.compare.lenses.attribution import TITLE_WORDS
from library.compare.lenses.pattern_cache import re_compile
from library.compare.mentions import Mentions
from library.compare.model import Unit
from library.compare.units import STOPWORDS


@dataclass(slots=True)
class Name:
    """One person, body or place and the forms each article uses for it."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)
    description: str = ""  # a title the articles put before it ("Mayor"), kept out of the name

    def to_dict(self) -> dict[str, Any]:
        """`{"name", "aliases", "a": [ids], "b": [ids], "description"}`."""
        return {
            "name": self.name,
            "aliases": self.aliases,
            "a": self.a,
            "b": self.b,
            "description": self.description,
        }


_POSSESSIVE = re_compile(r"['’]s?$")
# Where a sentence (or a headline's clause) begins: the text's start, after an
# end mark or a colon, after a "[People News]" tag; opening quotes skipped.
_STARTS = re_compile(r"(?:^|[.!?…:][\"”’')\]]*\s+|\]\s*)[\"“‘'(\[]*")
_WORD = re_compile(r"[^\W\d_][\w’'-]*")
# Words that open a sentence before a name, not part of it ("Former CCP agent Eric").
_OPENERS = frozenset((
    "former", "late", "ex", "then", "both", "every", "all", "many", "some", "only", "even",
    "also", "now", "later", "today", "yesterday", "here", "there", "when", "if", "as",
))  # fmt: skip
# Capitalised number words inside a sentence begin a proper name ("the Two Sessions").
NUMBER_WORDS = frozenset((
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "hundred", "thousand",
))  # fmt: skip
# A title keeps its place when it is part of a body's name ("General Office").
_BODY_WORDS = frozenset((
    "office", "committee", "bureau", "ministry", "department", "council", "party", "assembly",
    "commission", "court", "university", "agency", "army", "staff", "police", "house",
    "administration", "service", "board", "association", "institute", "school", "college",
))  # fmt: skip


def sentence_starts(text: str) -> set[int]:
    """Offsets in `text` where a sentence's first word begins."""
    return {m.end() for m in _STARTS.finditer(text)}


def is_headline(text: str) -> bool:
    """Whether a unit reads as a headline: mostly capitalised words, no closing stop.

    In "Life and Death at Zhongnanhai: The Bureau Issues a Strong Warning"
    every word is capitalised, so capitals say nothing about names.
    """
    words = [w for w in _WORD.findall(text) if len(w) > 1 and w.lower() not in STOPWORDS]
    if len(words) < 3 or text.rstrip().rstrip("\"”’')").endswith((".", "!", "?", "…")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _strip_titles(words: list[str]) -> tuple[list[str], str]:
    """ "Mayor Anna Keller" -> "Anna Keller" (the title is a role, kept by the Voices lens);
    a body's name keeps its words ("General Office")."""
    k = 0
    while k < len(words) and words[k].lower().rstrip(".") in TITLE_WORDS:
        k += 1
    rest = words[k:]
    if k and rest and not any(w.lower() in _BODY_WORDS for w in rest):
        return rest, " ".join(words[:k])
    return (words if rest else []), ""  # a title alone ("the Premier") names nobody here


@dataclass(slots=True)
class _Found:
    """One capitalised span of a unit, as `_spans` reads it."""

    words: list[str]
    at_start: bool  # it begins a sentence: its first word's capital says nothing


def _spans(text: str) -> list[_Found]:
    """The capitalised spans of one unit, trimmed as the detectors trim them."""
    starts = sentence_starts(text)
    out = []
    for m in ENTITY.finditer(text):
        raw = m.group().strip(" .,'’-")
        at_start = m.start() in starts
        first = raw.split()[0].lower()
        if not at_start and first in NUMBER_WORDS and " " in raw:
            words = raw.split()  # "Two Sessions": a proper name, not a count
        else:
            got = entities(raw)
            if not got:
                continue
            words = got[0].split()
            at_start = at_start and words[0] == raw.split()[0]
        out.append(_Found(words, at_start))
    return out


@dataclass(slots=True)
class _Context:
    """What both articles tell about their words, for judging one capitalised span."""

    lower: set[str]  # words written in lower case somewhere ("life", "warning")
    inside: set[str]  # capitalised words met inside a sentence (not at its start)
    short: set[str]  # last words and initials of the names of several words
    known: set[str]  # canonical names found outside headlines


def _context(read: list[tuple[Unit, bool, list[_Found]]], mentions: Mentions) -> _Context:
    ctx = _Context(set(), set(), set(), set())
    for u, headline, spans in read:
        lower = [w for w in _WORD.findall(u.text) if w.islower()]
        ctx.lower.update(lower)
        ctx.lower.update(p for w in lower if "-" in w for p in w.split("-"))
        if headline:
            continue
        for f in spans:
            ctx.inside |= {w.lower() for w in f.words[f.at_start :] if w[:1].isupper()}
            if len(f.words) > 1:
                ctx.short.add(f.words[-1].lower())
                ctx.short.add("".join(w[0] for w in f.words if w[:1].isupper()).lower())
                ctx.known.add(mentions.canonical(" ".join(f.words)))
    return ctx


def _tidy(words: list[str]) -> list[str]:
    """ "Xi Jinping's" -> "Xi Jinping"; "the National Security Department" -> without "the"."""
    words = list(words)
    words[-1] = _POSSESSIVE.sub("", words[-1])
    if words[0].lower() == "the" and len(words) > 1:
        words = words[1:]  # "On Monday the National Security Department"
    return [w for w in words if w]


def _judged(f: _Found, headline: bool, ctx: _Context, mentions: Mentions) -> tuple[str, str] | None:
    """The name a span stands for and the title before it ("Anna Keller", "Mayor"), or
    None when it is an ordinary capitalised word."""
    words = _tidy(f.words)
    if not words:
        return None
    if f.at_start and len(words) > 1:
        first = words[0].lower()
        # ("Kelly Smith", "Billy Joe": a short stem before "-ly" is a first name.)
        adverb = first.endswith(("ing", "ly")) and len(first.rstrip("lyng")) >= 4
        if first in _OPENERS or (adverb and first not in ctx.inside):
            words = words[1:]  # "Following the Ministry ...", "Former CCP agent"
            words = _tidy(words) if words else words
    elif f.at_start and words[0].lower() not in ctx.inside | ctx.short:
        return None  # "Clearly", "Everyone", "Dark clouds": a sentence's first word
    words, title = _strip_titles(words)
    if not words:
        return None
    if headline:
        # A headline capitalises every word: a name the articles give elsewhere
        # (the longest one its words begin with), or words never written in lower case.
        for n in range(len(words), 0, -1):
            if mentions.canonical(" ".join(words[:n])) in ctx.known:
                return " ".join(words[:n]), title
        if any(w.lower() in ctx.lower or w.lower() in STOPWORDS for w in words):
            return None
    return " ".join(words), title


def _head_word(name: str) -> str:
    """The last word of a name's head: "Confidentiality Bureau of the CCP" -> "bureau"."""
    head = name.partition(" of ")[0]
    return head.split()[-1].lower()


def build(units_a: tuple[Unit, ...], units_b: tuple[Unit, ...], mentions: Mentions) -> list[Name]:
    """Every name of both articles, forms of one name grouped; shared names first.

    Sentence-initial and headline words count as names only when the articles
    use them as names elsewhere; titles stay out ("Mayor Anna Keller" is Anna
    Keller); a lone "the Bureau" is the bureau last named on that side.

    Args:
        units_a: units of A.
        units_b: units of B.
        mentions: the comparison's names and aliases.
    """
    read = {
        side: [(u, is_headline(u.text), _spans(u.text)) for u in units]
        for side, units in (("a", units_a), ("b", units_b))
    }
    ctx = _context([*read["a"], *read["b"]], mentions)
    found: dict[str, Name] = {}
    for side in ("a", "b"):
        named: dict[str, list[tuple[int, str]]] = {}  # head word -> (unit, key) of longer names
        pending: list[tuple[str, Unit]] = []  # lone words to fold into a longer name
        for u, headline, spans in read[side]:
            for f in spans:
                judged = _judged(f, headline, ctx, mentions)
                if judged is None or len(judged[0]) < 2 or judged[0].isdigit():
                    continue
                written, title = judged
                if " " not in written and mentions.canonical(written) == written.lower():
                    # "the Bureau": the longer name of that kind last named, if any.
                    head = written.lower()
                    if head in named or head in ctx.lower:
                        pending.append((written, u))
                        continue
                key = mentions.canonical(written)
                if " " in written:
                    named.setdefault(_head_word(written), []).append((u.id, key))
                _add(found, key, written, side, u.id)
                if title and not found[key].description:
                    found[key].description = title
        for written, u in pending:
            head = written.lower()
            keys = [(v > u.id, -v if v <= u.id else v, k) for v, k in named.get(head, [])]
            if keys:  # the latest named before it, else the first after
                _add(found, min(keys)[2], written, side, u.id)
    _fold_of(found, mentions)
    for n in found.values():
        # A group the user taught is named as they first wrote it, in the
        # articles' own spelling when they write it too ("ministry of state
        # security" typed is the "Ministry of State Security" printed).
        taught = mentions.taught.forms(n.key) if mentions.taught else []
        if taught:
            first = taught[0].casefold()
            n.name = next((x for x in [n.name, *n.aliases] if x.casefold() == first), taught[0])
        n.aliases = [x for x in n.aliases if x != n.name]
    return sorted(found.values(), key=lambda n: (not (n.a and n.b), -(len(n.a) + len(n.b)), n.key))


def _fold_of(found: dict[str, Name], mentions: Mentions) -> None:
    """ "Ministry of State Security of the CCP" is the "Ministry of State Security"
    named elsewhere, "CCP's Confidentiality Bureau" the "Confidentiality Bureau": a
    name "X of Y" or "Y's X" joins X when X (of two words or more) is listed."""
    for key in list(found):
        n = found[key]
        parts = n.name.split(" of ")
        heads = [_tidy(" of ".join(parts[:k]).split()) for k in range(len(parts) - 1, 0, -1)]
        # "CCP's Confidentiality Bureau" is the "Confidentiality Bureau" too.
        owner, mark, owned = n.name.replace("’", "'").partition("'s ")
        heads += [owned.split()] if mark and owner else []
        into = next(
            (found[h] for w in heads if len(w) > 1 and (h := _key(w, mentions)) in found), None
        )
        if into is None or into is n:
            continue
        del found[key]
        into.aliases += [x for x in [n.name, *n.aliases] if x not in into.aliases]
        into.a = sorted(set(into.a) | set(n.a))
        into.b = sorted(set(into.b) | set(n.b))
        into.description = into.description or n.description


def _key(words: list[str], mentions: Mentions) -> str:
    return mentions.canonical(" ".join(words))


def _add(found: dict[str, Name], key: str, written: str, side: str, uid: int) -> None:
    n = found.setdefault(key, Name(key, written))
    if written not in n.aliases:
        n.aliases.append(written)
    if len(written.split()) > len(n.name.split()):
        n.name = written
    ids = n.a if side == "a" else n.b
    if uid not in ids:
        ids.append(uid)

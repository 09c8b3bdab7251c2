"""Voices: who each article quotes or cites, with the role it gives them.

Patterns (one sentence at a time): "X told Y that", "X said", "X believes",
"according to X", "quoted X as saying", a quote followed by "said X" / "X
said", and a role before or after the name ("Current affairs commentator Li
Linyi told", "Yao Yuan, a professor of international studies at ..., told").
A voice named before speaks on as "he said", or by its role or kind: "the
governor said" (its role says governor), "the company says" (the voice just
named).  Unnamed sources ("analysts believe", "observers", "some speculate")
are counted apart.
The same person on both sides is found through the comparison's `Mentions`
(surname-only, titled and "(referred to as X)" forms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from library.compare.detectors.text import CAP_WORD, NAME_JOINERS, TITLES, entities
from library.compare.mentions import Mentions
from library.compare.model import Unit
from library.compare.units import STOPWORDS

_VERBS = (
    r"said|says|say|told|tells|stated|states|noted|notes|remarked|remarks|claimed|claims|"
    r"believes|believed|explained|argued|argues|insisted|warned|warns|"
    r"suggested|suggests|wrote|writes|commented|observed|pointed\s+out|emphasi[sz]ed|"
    r"reported|reports|estimates|estimated|tweeted|testified|confirmed|confirms|"
    r"alleged|alleges|allege|described|indicated|attributed|attributes|"
    # "announced today (4 November) that": a claim; "announced his retirement" is not.
    r"announced(?=[^.;]{0,40}?\bthat\b)|"
    # "added another $20,000" adds money, not words.
    r"(?:added|adds)(?!\s+(?:another|an?|the|more|some|\$|\d))"
)
_NAME = rf"{CAP_WORD}(?:\s+(?:(?:{NAME_JOINERS})\s+)*{CAP_WORD}){{0,7}}"
# "Zhong Zhidong, an assistant researcher at ..., previously told": one
# appositive without commas of its own, and an adverb before the verb.
_BEFORE = re.compile(
    rf"(?P<who>{_NAME})(?:\s*,\s*(?P<role>[^,;:“”\"]{{3,140}}?)\s*,)?"
    # "His successor, Gurbanguli Berdymukhamedov, says": the name an appositive
    r"(?:(?<=[a-z])\s*,(?=\s+(?:says|said)\b))?"
    rf"\s+(?:(?:also|previously|later|further|once|then|recently)\s+)?"
    r"(?:(?:has|have|had)\s+)?(?:(?:also|previously|since)\s+)?"  # "Microsoft has said"
    # "The Indian Navy in November said"
    rf"(?:(?:in|on)\s+{CAP_WORD}\s+)?(?:{_VERBS})\b"
)
_AFTER = re.compile(
    rf"(?:\b(?:said|says|added|wrote)|\b(?P<acc>[Aa]ccording\s+to))\s+(?:the\s+)?"
    # "according to a report from WCCO-TV"
    r"(?:(?:a|an|the)\s+(?:report|statement|story)\s+(?:from|by|of|in)\s+(?:the\s+)?)?"
    # "said team president Billy King": a role may come first.
    rf"(?P<pre>(?:[A-Za-z][\w’'-]*\s+){{0,4}}?[a-z][\w’'-]*\s+)?(?P<who>{_NAME})"
    r"(?:\s*,\s*(?P<role>[^,;:“”\"]{3,140}?)(?=\s*(?:[,.;]|$)))?"
    # "said Smith." ends the clause; "said Smith was let go" reports about Smith;
    # "said Smith at a news conference" is Smith speaking.
    r"(?(acc)|(?=\s*(?:[,.;:!?)”\"]|$)|\s+(?:at|during|in)\s+(?:a|an|the)\s))"
)
_ANONYMOUS = re.compile(
    r"\b(?P<who>analysts?|observers?|experts?|critics?|commentators?|insiders?|"
    r"sources?|some(?:\s+people)?|others|many|netizens|scholars?|police|investigators|"
    r"officials|authorities|witnesses|residents|prosecutors)\s+"
    r"(?:(?:also|have|had|generally|widely)\s+)?"
    r"(?P<verb>believe[sd]?|say|said|suggest(?:ed)?|speculated?|interpret(?:ed)?|think|"
    r"thought|argued?|note[sd]?|warn(?:ed)?|claim(?:ed)?|point\s+out|pointed\s+out|"
    r"told|stated?|view(?:ed)?|expect(?:ed)?)\b",
    re.I,
)
# "He said ..." / "..., she added.": the voice just named speaks on.
_PRONOUN = re.compile(
    rf"(?:^|[,”\"]\s*|\b(?:and|but)\s+)(?:he|she|it|He|She|It)\s+(?:also\s+)?"
    rf"(?:(?:has|had)\s+)?(?:{_VERBS})\b"
)
# How many units back a pronoun may reach for its speaker.
PRONOUN_REACH = 2
# "The governor said", "the company says": a voice named before, by its role or kind.
_NOT_ADVERB = r"(?!(?:also|later|further|then|previously|has|have|had)\b)"
_DESCRIBED = re.compile(
    r"(?:^|[,;:”\"]\s*|\b(?:and|but|while)\s+)(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts)\s+"
    # "the cable operator": its head noun (not an adverb: "the governor also said")
    rf"(?:{_NOT_ADVERB}[a-z][\w-]*\s+)?(?P<noun>{_NOT_ADVERB}[a-z][\w-]*)\s+"
    rf"(?:(?:also|later|further|then|previously)\s+)?(?:(?:has|have|had)\s+)?(?:{_VERBS})\b"
    r"|\bquoted\s+the\s+(?P<quoted>[a-z][\w-]*)\s+as\s+saying\b"
    r"|\baccording\s+to\s+the\s+(?P<acc>report|statement)\b"
)
# How many units back "the company says" may reach for the voice just named.
BODY_REACH = 3
# Kinds of body that "the company says" names: the voice just named, if any.
_BODY_NOUNS = frozenset((
    "company", "firm", "station", "network", "channel", "broadcaster", "newspaper", "paper",
    "magazine", "agency", "ministry", "department", "studio", "group", "organisation",
    "organization", "bureau", "office", "statement", "report",
))  # fmt: skip
# "Another news agency quoted Jane Doe as saying".
_QUOTED = re.compile(rf"\bquoted\s+(?P<who>{_NAME})\s+as\s+saying\b")
# "a Defence Ministry statement said", "a Cityline spokesman told".
_STATEMENT = re.compile(
    rf"(?:\b(?:[Aa]n?|[Tt]he)\s+|(?:^|,\s+))(?P<who>{_NAME})\s+"
    r"(?:statement|report|spokes(?:man|woman|person)|news\s+agency|agency|newspaper|"
    r"television|radio|website)\s+"
    rf"(?:(?:also|later)\s+)?(?:{_VERBS})\b"
)
# "The Indian navy said": a nation's service, named by adjective and kind.
_SERVICE = re.compile(
    rf"\b(?P<who>{CAP_WORD}(?:['’]s(?:\s+state)?)?\s+(?:navy|army|military|government|"
    r"air\s+force|coast\s+guard|television|radio))"
    rf"\s+(?:(?:also|later)\s+)?(?:{_VERBS})\b"
)
# "Kenneth Dorsey, and he said": the name the pronoun right after stands for.
_AND_HE = re.compile(rf"(?P<who>{_NAME}),?\s+and\s+(?:he|she)\s+(?:also\s+)?(?:{_VERBS})\b")
_JOINERS = frozenset(NAME_JOINERS.split("|"))
# A name in an appositive: "Mehdi iran-Nejad", "Ana de Silva".
_NAME_LIKE = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|[a-z]+-[A-Z][\w’'.-]*|al|bin|de|van|von)){1,3}"
)
# "nCircle": lower-case letters glued to the name's first capital.
_LOWER_LEAD = re.compile(r"(?<![\w’'-])[a-z]{1,3}$")
# "Office of the Surgeon General's Web": the owner speaks.
_OWNER = re.compile(r"['’]s\b.*$")
# "Zadan and Meron added": two speakers.
_AND_BEFORE = re.compile(rf"(?P<first>{_NAME})\s+and\s+$")
# "a man outside the Sam's Club told": a place, not the speaker.
_PLACE_BEFORE = re.compile(
    r"\b(?:outside|at|in|inside|near|to|with|into|on|across)\s+(?:the\s+)?$", re.I
)
# A role told just before the name: "Current affairs commentator Li Linyi".
_ROLE_BEFORE = re.compile(r"(?:^|[.;:!?”\"]\s+|,\s+)(?P<role>(?:[\w’'-]+\s+){1,6})$")
# Titles and ranks a capitalised run puts before a name.
_TITLE_WORDS = TITLES | frozenset((
    "sgt", "lt", "chief", "editor", "prosecutor", "commodore", "const", "constable", "officer",
    "spokesman", "spokeswoman", "spokesperson", "undersheriff", "sheriff", "captain", "capt",
    "col", "colonel", "detective", "det", "inspector", "coach", "professor", "mayor", "premier",
    "commander", "adm", "admiral", "manager", "superintendent", "lieutenant", "sergeant",
    "executive", "ceo", "chancellor", "ambassador", "deputy", "ada", "da",
))  # fmt: skip
# Words that open a clause, not a role: ", since it was ...,".
_CLAUSE = frozenset((
    "since", "because", "as", "after", "before", "while", "if", "and", "but", "when",
    "although", "though", "so", "then", "until", "unless", "where", "that", "which",
    "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "for", "with", "by", "from",
    "to", "not", "also", "however",
))  # fmt: skip
_NOT_ROLE = frozenset(("the", "a", "an", "and", "but", "that", "on", "in", "at", "as", "by"))
# Words a voice never is (a pronoun, the article itself).
_NOT_VOICES = frozenset((
    "article", "report", "statement", "notice", "it", "this", "he", "she", "analyst", "analysts",
    "observer", "observers", "expert", "experts", "critics", "commentators", "insiders",
    "sources", "some", "others", "many", "netizens", "scholars", "officials", "police",
    "investigators", "authorities", "witnesses", "residents", "prosecutors",
))  # fmt: skip


@dataclass(slots=True)
class Voice:
    """One source, on both sides.

    Args:
        key: the canonical name (lower case), shared by both sides.
        name: the fullest form either article gives.
        description_a: the role article A gives ("" when none).
        description_b: the role article B gives.
        a: units of A where the voice speaks.
        b: units of B.
    """

    key: str
    name: str
    description_a: str = ""
    description_b: str = ""
    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """`{"name", "description_a", "description_b", "a": [ids], "b": [ids]}`."""
        return {
            "name": self.name,
            "description_a": self.description_a,
            "description_b": self.description_b,
            "a": self.a,
            "b": self.b,
        }


def _role_before(text: str, start: int) -> str:
    m = _ROLE_BEFORE.search(text[:start])
    if not m:
        return ""
    words = m.group("role").split()
    # "On the other hand, X said": a role is a noun phrase, not a clause.
    if any(w.lower() in _NOT_ROLE for w in words) or words[-1].lower().endswith("ly"):
        return ""
    return " ".join(words)


def _split_title(name: str) -> tuple[str, str]:
    """Title words off a name, into the role.

    "Troy Police Chief Charles Craft" -> ("Charles Craft", "Troy Police Chief");
    "Gregg Hastings of the Oregon State Police" -> ("Gregg Hastings", "of the ...").
    """
    head, of, body = name.partition(" of ")
    if of and len(head.split()) >= 2:
        inner, title = _split_title(head)
        return inner, f"{title} of {body}".strip()
    words = name.split()
    k = max(
        (i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in _TITLE_WORDS), default=-1
    )
    if k < 0:
        return name, ""
    rest = words[k + 1 :]
    if rest[0] == "of" and len(rest) >= 4:
        # "Chief of Detectives Charlie Beck": the person is the last words.
        n = 3 if len(rest) >= 5 and re.fullmatch(r"[A-Z]\.", rest[-2]) else 2
        return " ".join(rest[-n:]), " ".join(words[: len(words) - n])
    return " ".join(rest), " ".join(words[: k + 1])


def _is_role(words: str) -> bool:
    """Whether words before a name read as a role ("team president"), not a clause."""
    return not any(
        w.lower() in STOPWORDS or w.lower() in _NOT_ROLE or w.endswith(("ed", "ing"))
        for w in words.split()
    )


def sources(text: str) -> list[tuple[str, str]]:
    """Named sources of one sentence as `(name, role)`, in order.

    Args:
        text: one sentence.
    """
    out: list[tuple[str, str]] = []
    spoken: list[tuple[int, int]] = []  # spans of "X said": what follows is what was said
    for rx in (_BEFORE, _AFTER, _QUOTED, _STATEMENT, _SERVICE, _AND_HE):
        for m in rx.finditer(text):
            if rx is _AFTER and any(a <= m.start() < b for a, b in spoken):
                continue  # "The paper said Nichols, who ...": Nichols is spoken of
            if rx is _SERVICE:
                out.append((re.sub(r"^(?:The|A|An)\s+", "", m.group("who")), ""))
                continue
            pre = m.groupdict().get("pre") or ""
            who = m.group("who")
            if pre[:1].isupper() and all(
                w[:1].isupper() or w in _JOINERS for w in pre.split()
            ):  # "said Chief of Detectives Charlie Beck": one run of a name
                who, pre = pre + who, ""
            elif m.groupdict().get("acc") and pre[:1].isupper() and not _is_role(pre):
                who, pre = pre + who, ""  # "according to the Office of the Surgeon General"
            names = entities(who)
            if not names:
                continue
            name = names[-1] if rx in (_BEFORE, _AND_HE) else names[0]
            at = m.end("who") - len(who) + who.rfind(name)
            if rx in (_BEFORE, _AND_HE) and _PLACE_BEFORE.search(text[:at]):
                continue  # "a man outside the Sam's Club told"
            if name.lower() in _NOT_VOICES or not name[:1].isupper():
                continue
            if name.split()[-1].lower().rstrip(".") in _TITLE_WORDS:
                continue  # "the Alaska Governor said": a title, no name
            lead = _LOWER_LEAD.search(text[:at])
            if lead:  # "nCircle", "eBay": a name may open in lower case
                name, at = lead.group() + name, at - len(lead.group())
            name = _OWNER.sub("", name)  # "the Office of X's Web site": the office
            if rx in (_QUOTED, _STATEMENT, _AND_HE):
                out.append(_split_title(name))
                continue
            if not _is_role(pre):
                continue  # "said they had located X", "said in a statement by X": no role
            role = (m.group("role") or pre).strip()
            if rx is _BEFORE and _NAME_LIKE.fullmatch(role) and re.search(r"\bof\s+$", text[:at]):
                # "the governor of Qeshm, Mehdi iran-Nejad, told": the appositive speaks
                head = _ROLE_BEFORE.search(text[:at])
                out.append((role, (head.group("role") if head else "").strip() + " " + name))
                continue
            if role.isdigit() or role.split(" ", 1)[0].lower() in _CLAUSE:
                role = ""  # "X, 38, said": an age; "X, since it was ..., said": a clause
            if not role and rx is _BEFORE:
                role = _role_before(text, at)  # the words right before the name itself
                both = _AND_BEFORE.search(text[: m.start("who")])
                if both and (first := entities(both.group("first"))):
                    out.append(_split_title(first[-1]))  # "Zadan and Meron added"
            name, title = _split_title(name)
            out.append((name, f"{role} {title}".strip() if title else role))
            if rx is _BEFORE:
                spoken.append((m.start(), m.end()))
    return out


def anonymous(text: str) -> list[str]:
    """Unnamed sources of one sentence as written ("Analysts believe").

    Args:
        text: one sentence.
    """
    return [m.group() for m in _ANONYMOUS.finditer(text)]


def build(
    units_a: tuple[Unit, ...], units_b: tuple[Unit, ...], mentions: Mentions
) -> tuple[list[Voice], dict[str, list[dict[str, Any]]]]:
    """The voices of both articles, matched by name and alias, and the unnamed ones.

    Args:
        units_a: units of A.
        units_b: units of B.
        mentions: the comparison's names and aliases.

    Returns:
        The voices (both sides first, then A only, then B only), and per side the
        unnamed attributions as `{"text", "unit"}`.
    """
    voices: dict[str, Voice] = {}
    unnamed: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
    for side, units in (("a", units_a), ("b", units_b)):
        last: tuple[Voice, int] | None = None  # the last named voice and its unit
        heard: list[Voice] = []  # this side's voices, the latest last
        ahead: list[tuple[int, str]] = []  # "her spokesman said" before the name
        for u in units:
            named = sources(u.text)
            near = last if last and u.id - last[1] <= PRONOUN_REACH else None
            again = None
            if not named:
                body = last[0] if last and u.id - last[1] <= BODY_REACH else None
                again = _described(u.text, side, heard, body)
                if again is None and near and _PRONOUN.search(u.text):
                    again = near[0]  # "He said ... He added ...": a chain
                if again is None:
                    ahead += [(u.id, noun) for noun in _nouns(u.text)]
            if again is not None:
                ids = again.a if side == "a" else again.b
                if u.id not in ids:
                    ids.append(u.id)
                last = (again, u.id)
            for name, role in named:
                key = mentions.canonical(name)
                v = voices.setdefault(key, Voice(key, name))
                if len(name) > len(v.name):
                    v.name = name
                ids = v.a if side == "a" else v.b
                if u.id not in ids:
                    ids.append(u.id)
                if role and side == "a" and not v.description_a:
                    v.description_a = role
                elif role and side == "b" and not v.description_b:
                    v.description_b = role
                last = (v, u.id)
                if v in heard:
                    heard.remove(v)
                heard.append(v)
            unnamed[side] += [{"text": t, "unit": u.id} for t in anonymous(u.text)]
        _name_ahead(ahead, side, heard)
    _merge_surnames(voices)
    for v in voices.values():
        taught = mentions.taught.forms(v.key) if mentions.taught else []
        if taught:  # a group the user taught is named as they first wrote it
            v.name = taught[0]
    ordered = sorted(voices.values(), key=lambda v: (not (v.a and v.b), not v.a, v.key))
    return ordered, unnamed


def _nouns(text: str) -> list[str]:
    """The nouns of "the governor said" / "her spokesman said" in a sentence."""
    return [m.group("noun").lower() for m in _DESCRIBED.finditer(text) if m.group("noun")]


def _name_ahead(ahead: list[tuple[int, str]], side: str, heard: list[Voice]) -> None:
    """ "Her spokesman said" names its voice a sentence or two later ("spokesman
    Harlan Boll said"): the voice whose role has that noun, first named within
    `BODY_REACH` units after."""
    for uid, noun in ahead:
        for v in heard:
            ids = v.a if side == "a" else v.b
            role = v.description_a if side == "a" else v.description_b
            if ids and uid < ids[0] <= uid + BODY_REACH and noun in role.lower().split():
                ids.insert(0, uid)
                break


def _described(text: str, side: str, heard: list[Voice], near: Voice | None) -> Voice | None:
    """The voice "the governor said" or "the company says" stands for, if any.

    A noun found in the role or name of a voice this side named ("Qeshm
    Governor Mehdi Irannejad") is that voice, the latest first; a kind of body
    ("company", "statement") is the voice named just before (`near`).  Unnamed
    groups ("the police said") stay unnamed.
    """
    for m in _DESCRIBED.finditer(text):
        noun = (m.group("noun") or m.group("quoted") or m.group("acc")).lower()
        if noun in _NOT_VOICES and noun not in _BODY_NOUNS:
            continue  # "the police said": unnamed
        for v in reversed(heard):
            role = v.description_a if side == "a" else v.description_b
            if noun in role.lower().split() or noun in v.name.lower().split():
                return v
        if noun in _BODY_NOUNS and near is not None:
            return near
    return None


def _merge_surnames(voices: dict[str, Voice]) -> None:
    """Fold short forms into the one full name they stand for.

    "Adgate said" is the Bill Adgate quoted before, when only one voice ends so;
    "Mark Heller" is the "Mark Jay Heller" (same first and last name); failing
    a last word, "WCCO-TV reported" is the "WCCO-TV Channel" that begins so.
    """

    def ends(v: Voice) -> tuple[str, str]:
        words = v.name.lower().split()
        return words[0], words[-1]

    for key in sorted(voices, key=lambda k: (len(voices[k].name), k)):
        me = voices[key]
        alone = " " not in me.name
        full = [
            v
            for k, v in voices.items()
            if k != key
            and len(v.name) > len(me.name)
            and (ends(v)[1] == me.name.lower() if alone else ends(v) == ends(me))
        ]
        if alone and not full and me.name.isupper():  # "THR" for "The Hollywood Reporter"
            full = [
                v
                for k, v in voices.items()
                if k != key
                and "".join(w[0] for w in v.name.split() if w[:1].isupper())
                in (me.name, me.name[1:] if me.name.startswith("T") else me.name)
            ]
        if alone and not full:
            full = [
                v
                for k, v in voices.items()
                if k != key and len(v.name) > len(me.name) and ends(v)[0] == me.name.lower()
            ]
        if len(full) != 1:
            continue
        short, into = voices.pop(key), full[0]
        into.a = sorted(set(into.a) | set(short.a))
        into.b = sorted(set(into.b) | set(short.b))
        into.description_a = into.description_a or short.description_a
        into.description_b = into.description_b or short.description_b

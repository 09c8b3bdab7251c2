"""Voices: who each article quotes or cites, with the role it gives them.

The sources of each sentence come from `attribution.py` ("X said",
"according to X", a role before or after the name ...).  A voice named
before speaks on as "he said", or by its role or kind: "the governor said"
(its role says governor), "the company says" (the voice just named), "her
spokesman said" (named a sentence later).  Unnamed sources ("analysts
believe", "observers", "some speculate") are counted apart.  The same person
on both sides is found through the comparison's `Mentions` (surname-only,
titled, "(referred to as X)" and taught forms).
"""

from __future__ import annotations

import re

from library.compare.lenses import antecedent, caps
from library.compare.lenses.attribution import NOT_VOICES, VERBS, anonymous, sources
from library.compare.lenses.openers import indefinite, name_later, opening_voice
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import ADVERB
from library.compare.lenses.short_forms import Voice, merge_short_forms
from library.compare.lenses.unnamed import Unnamed
from library.compare.mentions import Mentions
from library.compare.model import Unit
from library.compare.text_memo import kept

__all__ = ["BODY_REACH", "PRONOUN_REACH", "Voice", "anonymous", "build", "sources"]

# "He said ..." / "..., she added.": the voice just named speaks on.
_PRONOUN = re_compile(
    # "When asked about it she said": after an opening clause with no comma
    # "… – she said she would not run again": after a dash too; "The charges say that he
    # admitted …": after "that"
    rf"(?:^|[,”\"'’–—]\s*|\s-\s+|\b(?:and|but|that)\s+|^(?:When|After|Asked|As|If)\b[^,;“”\"]{{1,120}}?\s)(?:he|she|it|He|She|It)\s+(?:{ADVERB}\s+)?"
    rf"(?:(?:has|had)\s+)?(?:{VERBS})\b"
    # "He'll contend that the film will run longer": a claim he is to make (seventh round)
    r"|(?:^|[,”\"'’–—]\s*|\b(?:and|but)\s+)(?:[Hh]e|[Ss]he)['’]ll\s+"
    r"(?:argue|contend|insist|maintain|testify)\s+that\b"
)
# "People quoted him as saying": the person named before.
# "According to her, …": not "according to her bio" (whose).
_QUOTED_PRONOUN = re_compile(
    r"\bquoted\s+(?:him|her)\s+as\s+(?:saying|telling)\b|\b[Aa]ccording\s+to\s+(?:him|her)(?=\s*[,.;)]|$)"
)
# "the convicted killer said", "the Taradise star said": a description of a person
# the article named just before (not a body, not an unnamed group).
PERSON_NOUNS = frozenset((
    "killer", "star", "actress", "actor", "singer", "officer", "director", "producer",
    "player", "coach", "rapper", "comedian", "host", "model", "musician", "governor",
    "president", "senator", "congressman", "congresswoman", "lawyer", "attorney",
    "publicist", "rep", "agent", "manager", "founder", "owner", "minister", "mayor",
    "sheriff", "leader", "candidate", "champion", "boxer", "fighter", "quarterback",
    "author", "writer", "novelist", "filmmaker", "chairman", "chief", "executive",
    "premier", "prince", "princess", "king", "queen", "pope", "star's", "veteran",
    "legend", "icon", "entertainer", "comic", "presenter", "anchor", "reporter",
    "pastor", "minister", "priest", "rabbi", "imam", "reverend", "bishop", "detective",
    "deputy", "sergeant", "lieutenant", "captain", "trooper", "inspector", "constable",
    "prosecutor", "pilot", "engineer", "doctor",
    "surgeon", "teacher", "professor", "scientist", "researcher", "analyst", "economist",
    "chancellor", "ambassador", "general", "colonel", "commander", "admiral", "spokesman",
    "spokeswoman", "spokesperson", "businessman", "businesswoman", "billionaire",
))  # fmt: skip
# "They said", "the duo said in a joint note": the two named together just before.
_GROUP_SAID = re_compile(
    r"(?:^|[,”\"'’]\s*|\b(?:and|but)\s+)(?:[Tt]hey|[Tt]he\s+(?:pair|two|duo|couple)(?:\s+(?:men|women))?)\s+"
    rf"(?:{ADVERB}\s+)?(?:(?:have|had)\s+)?(?:{VERBS})\b"
)
# How many units back a pronoun may reach for its speaker.
PRONOUN_REACH = 3  # a quote of two sentences, then "she added"
# "The governor said", "the company says": a voice named before, by its role or kind.
_NOT_ADVERB = r"(?!(?:also|later|further|then|previously|has|have|had)\b)"
# "the 67 - year - old said": an age describes a person (not "the 38 - year - old
# Novak": a name follows).
_AGE = r"\d{1,3}\s*-\s*year\s*-\s*old(?!\s+[A-Z])"
_HEAD = rf"[a-z][\w-]*|{_AGE}"
_DESCRIBED = re_compile(
    r"(?:^|[,;:”\"]\s*|\b(?:and|but|while)\s+)"
    # "Mia Lund's attorney said": whose role says attorney
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s)\s+"
    # "the cable operator": its head noun (not an adverb: "the governor also said")
    rf"(?:{_NOT_ADVERB}[A-Za-z][\w-]*\s+)?(?P<noun>{_NOT_ADVERB}(?:{_HEAD}))\s+"
    rf"(?:(?:also|later|further|then|previously)\s+)?(?:(?:has|have|had)\s+)?(?:{VERBS})\b"
    r"|\bquoted\s+the\s+(?P<quoted>[a-z][\w-]*)\s+as\s+saying\b"
    # "“…,” said the company in a statement"
    rf"|[,”\"'’]\s*(?:said|says|added|wrote)\s+the\s+(?P<inv>{_AGE}|[a-z][\w-]*)\b"
    # "a studio representative told", "the Navy spokesman said": whose studio, navy
    r"|\b(?:[Aa]n?|[Tt]he)\s+(?:second\s+|another\s+)?(?P<rep>[A-Za-z][\w-]*)\s+"
    rf"(?:representative|spokes(?:man|woman|person))\s+(?:{VERBS})\b"
    r"|\b[Aa]ccording\s+to\s+the\s+(?:same\s+)?(?P<acc>report|statement|agency|newspaper)\b"
    # "The club defended its decision, saying ..."
    r"|^(?:[Tt]he|[Ii]ts)\s+(?P<saying>[a-z][\w-]*)\s+[a-z][^.;:“”\"]*?,\s+saying\b"
    # "The firm is sending a crew but warns that ...": one subject, two verbs
    r"|^(?:[Tt]he|[Ii]ts)\s+(?P<and>[a-z][\w-]*)\s+(?:is|was|has|had|will)\s+[a-z][^.;:“”\",]{0,120}?"
    rf"\s(?:and|but)\s+(?:also\s+)?(?:{VERBS})\b"
)
# "…, a statement said", "a spokesman said": the body that just spoke (eighth round; a
# pattern of its own, read only when no description above named a voice: one more
# alternative in `_DESCRIBED` cost every sentence with no named voice a few per cent)
_INDEFINITE_BODY = re_compile(
    r"(?:^|[,;:”\"]\s*|\b(?:and|but|while)\s+)[Aa]\s+(?:statement|spokes(?:man|woman))\s+"
    rf"(?:{ADVERB}\s+)?(?:{VERBS})\b"
)
# How many units back "the company says" may reach for the voice just named.
BODY_REACH = 3
# Roles "the official said" gives the person who spoke just before.
_PERSON_ROLES = frozenset(("official", "officer", "spokesman", "spokeswoman", "spokesperson"))
# A person speaking for a body: "he said" after it is that person, for the body.
_SPOKESPERSON = re_compile(r"\b(?:[Ss]pokes(?:man|woman|person)|representative)\b")
# A police force's name: "Oregon State Police", "NYPD", "Lakeland Sheriff's Office".
_FORCE = re_compile(r"\b(?:Police|[A-Z]{1,3}PD|Constabulary|Sheriff)\b")
# Documents whose words "the letter read" gives: the voice just named wrote them.
# (not "statement": "Acme issued a statement expressing …" then "the statement said" is
# Acme's, even when a person spoke just before)
_DOCUMENTS = frozenset(("letter", "note", "message"))
# Kinds of body that "the company says" names: the voice just named, if any.
_BODY_NOUNS = frozenset((
    "company", "firm", "station", "network", "channel", "broadcaster", "newspaper", "paper",
    "magazine", "agency", "ministry", "department", "studio", "group", "organisation",
    "organization", "bureau", "office", "statement", "report",
))  # fmt: skip


def build(
    units_a: tuple[Unit, ...], units_b: tuple[Unit, ...], mentions: Mentions
) -> tuple[list[Voice], dict[str, list[Unnamed]]]:
    """The voices of both articles, matched by name and alias, and the unnamed ones.

    Args:
        units_a: units of A.
        units_b: units of B.
        mentions: the comparison's names and aliases.

    Returns:
        The voices (both sides first, then A only, then B only), and per side the
        unnamed attributions.
    """
    voices: dict[str, Voice] = {}
    # a broadcast script in capitals reads in sentence case (caps.py)
    if any(caps.in_capitals(u.text) for u in (*units_a, *units_b)):
        lexicon = caps.vocabulary(u.text for u in (*units_a, *units_b))
        units_a, units_b = caps.folded(units_a, lexicon), caps.folded(units_b, lexicon)
    unnamed: dict[str, list[Unnamed]] = {"a": [], "b": []}
    written: dict[str, list[str]] = {}  # key -> every form the articles give
    for side, units in (("a", units_a), ("b", units_b)):
        last: tuple[Voice, int] | None = None  # the last named voice and its unit
        heard: list[Voice] = []  # this side's voices, the latest last
        ahead: list[tuple[int, str]] = []  # "her spokesman said" before the name
        described: list[tuple[int, str]] = []  # "one man who says": named just after
        known: dict[str, str] = {}  # the full names this side gave, by last word
        seen: list[tuple[int, list[str], Voice | None]] = []  # (unit, people, voice)
        pairs: list[tuple[int, list[str]]] = []  # units naming two people together
        named_bodies: list[tuple[int, list[str]]] = []  # bodies each unit names
        voiced: set[int] = set()  # units where a person spoke for a body ("he said")
        subjects: list[tuple[int, str]] = []  # "Microsoft has rushed out a fix": no person
        for k, u in enumerate(units):
            # "Agent says Hornets to sign X": a headline's capitalised description, no name
            read = sources(u.text)
            named = [(n, r) for n, r in read if not _headline_noun(n, u.text)]
            if not named:  # "Palin released a statement.", a quote next; "Palin … and told"
                after = units[k + 1].text if k + 1 < len(units) else ""
                named = opening_voice(u.text, after, known)
            # "Agent says …": the agent named a sentence or two later ("his agent X told")
            ahead += [(u.id, n.lower()) for n, _r in read if _headline_noun(n, u.text)]
            near = last if last and u.id - last[1] <= PRONOUN_REACH else None
            again = None
            named_bodies.append((u.id, antecedent.bodies(u.text)))
            if (lead := antecedent.subject_name(u.text, known)) is not None:
                subjects.append((u.id, lead))
            if not named:
                body = last[0] if last and u.id - last[1] <= BODY_REACH else None
                again = _described(u.text, side, heard, body)
                if again is None:  # "the newspaper said" after other voices between
                    kind = _body_kind(u.text, u.id, side, heard, named_bodies, subjects)
                    again, named = (kind, named) if isinstance(kind, Voice) else (None, kind)
                if _person_said(u.text, again):  # "he said", "the convicted killer said"
                    found = _antecedent(u.id, known, seen, voiced)
                    if isinstance(found, Voice):
                        again = found
                        voiced.add(u.id)
                    elif found:
                        named = [(found, "")]
                if again is None and not named and _GROUP_SAID.search(u.text):
                    named = _pair_before(u.id, pairs)  # "They said", "the pair said"
                if again is None and not named and near and _PRONOUN.search(u.text):
                    again = near[0]  # "He said ... He added ...": a chain
                    voiced.add(u.id)
                if again is None and not named:
                    ahead += [(u.id, noun) for noun in _nouns(u.text)]
                    if noun := indefinite(u.text):
                        described.append((u.id, noun))
            if again is not None:
                ids = again.a if side == "a" else again.b
                if u.id not in ids:
                    ids.append(u.id)
                last = (again, u.id)
            for name, role in named:
                key = mentions.canonical(name)
                v = voices.setdefault(key, Voice(key, name))
                written.setdefault(key, []).append(name)
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
            unnamed[side] += [Unnamed(t, u.id) for t in anonymous(u.text)]
            spoke = last[0] if last and last[1] == u.id else None
            if spoke is not None and _SPOKESPERSON.search(u.text):
                voiced.add(u.id)  # "Navy spokesperson said": a person, so "he added" next
            people = antecedent.persons(u.text, known)
            if spoke is not None or antecedent.unquoted(u.text).strip(" .,;:!?-"):
                seen.append((u.id, people, spoke))  # not a line of a quote running on
            together = [n for n, _r in named] if len(named) >= 2 else people[:2]
            if len(together) == 2 and antecedent.joined(u.text, *together):
                pairs.append((u.id, together))
        _name_ahead(ahead, side, heard)
        texts = {u.id: u.text for u in units}
        firsts = [(v.a, v.description_a) if side == "a" else (v.b, v.description_b) for v in heard]
        name_later(described, texts, firsts)
        for v in heard:  # "“…,” police Const." / "Tim Fanning told …"
            antecedent.title_split(units, v.a if side == "a" else v.b, v.name)
    merge_short_forms(voices)
    for v in voices.values():
        taught = mentions.taught.forms(v.key) if mentions.taught else []
        # A group the user taught is named as they first wrote it, in the
        # articles' own spelling when they write it too ("bob smith" typed).
        if taught:
            first = taught[0].casefold()
            forms = [v.name, *written.get(v.key, [])]
            v.name = next((x for x in forms if x.casefold() == first), taught[0])
    ordered = sorted(voices.values(), key=lambda v: (not (v.a and v.b), not v.a, v.key))
    return ordered, unnamed


def _person_said(text: str, described: Voice | None) -> bool:
    """Whether "he said" / "quoted her as saying" / "the convicted killer said" is
    in the sentence with no voice found for it yet."""
    if described is not None:
        return False
    for m in _PRONOUN.finditer(text):
        if re.search(r"\b(?:it|It)\b", m.group()):
            continue
        # "that he admitted" after "The charges say": the person named before; not after
        # "Mr. Nichols … said that he believed" (he is the sentence's own person)
        if not m.group().startswith("that") or not antecedent.person_before(text[: m.start()]):
            return True
    if _QUOTED_PRONOUN.search(text):
        return True
    # "the star said", not "Lund's attorney said" (the attorney is not Lund);
    # "…,” said the 67-year-old"
    return any(
        (
            _is_person_noun(m.group("noun") or "")
            and re.match(r"(?:^|[,;:”\"]\s*|\b(?:and|but|while)\s+)[Tt]he\s", m.group())
        )
        or _is_person_noun(m.group("inv") or "")
        for m in _descriptions(text)
    )


# Descriptions a headline capitalises ("Agent says …", "Publicist confirms …"): never a
# name when they open the sentence alone (not "King", "Leader": surnames too).
_HEADLINE_NOUNS = frozenset((
    "agent", "publicist", "rep", "spokesman", "spokeswoman", "spokesperson", "lawyer",
    "attorney", "actress", "actor", "star", "singer", "rapper", "comedian", "director",
    "producer", "coach", "manager", "officer", "police", "sheriff", "mayor", "governor",
    "president", "senator", "minister", "official", "officials", "witness", "mother", "father",
))  # fmt: skip


def _headline_noun(name: str, text: str) -> bool:
    return name.lower() in _HEADLINE_NOUNS and text.lstrip().startswith(name)


def _is_person_noun(noun: str) -> bool:
    return noun.lower() in PERSON_NOUNS or re.fullmatch(_AGE, noun) is not None


def _antecedent(
    uid: int,
    known: dict[str, str],
    seen: list[tuple[int, list[str], Voice | None]],
    voiced: set[int],
) -> Voice | str | None:
    """The person "he said" in unit `uid` stands for: in the nearest sentence before
    that names one, its voice if one spoke there, else its first person (see
    antecedent.py).  Within `PRONOUN_REACH` sentences, not counting the lines of a
    quote running on (twice that in all).  Not a person of the same sentence: in
    "Jackson was on probation, he said" Jackson is spoken of."""
    for k, people, spoke in reversed(seen[-PRONOUN_REACH:]):
        if uid - k > 2 * PRONOUN_REACH:
            break
        if spoke is not None and (antecedent.is_person(spoke.name, known) or k in voiced):
            return spoke  # a person, or a body whose spokesperson spoke ("he added")
        if people:
            return people[0]
    return None


def _pair_before(uid: int, pairs: list[tuple[int, list[str]]]) -> list[tuple[str, str]]:
    """The two people "they said" stands for: named together ("Mark and Condon")
    within `PRONOUN_REACH` units before."""
    if pairs and uid - pairs[-1][0] <= PRONOUN_REACH:
        return [(name, "") for name in pairs[-1][1]]
    return []


@kept(maxsize=16384)
def _descriptions(text: str) -> tuple[re.Match[str], ...]:
    """`_DESCRIBED`'s matches in a sentence: read once, though up to four readers
    ask in turn for the same sentence (`_described`, `_body_kind`, ...), and kept
    for the next comparison the window opens with the article (text_memo.py)."""
    return tuple(_DESCRIBED.finditer(text))


def _nouns(text: str) -> list[str]:
    """The nouns of "the governor said" / "her spokesman said" in a sentence."""
    return [m.group("noun").lower() for m in _descriptions(text) if m.group("noun")]


def _name_ahead(ahead: list[tuple[int, str]], side: str, heard: list[Voice]) -> None:
    """ "Her spokesman said" names its voice a sentence or two later ("spokesman
    Harlan Boll said"): the voice whose role has that noun, first named within
    `BODY_REACH` units after; "the company said" the first body named so."""
    for uid, noun in ahead:
        for v in heard:
            ids = v.a if side == "a" else v.b
            role = v.description_a if side == "a" else v.description_b
            if not ids or not uid < ids[0] <= uid + BODY_REACH:
                continue
            body = noun in _BODY_NOUNS and not role and not antecedent.is_full_name(v.name)
            if body or noun in role.lower().split():
                ids.insert(0, uid)
                break


def _described(text: str, side: str, heard: list[Voice], near: Voice | None) -> Voice | None:
    """The voice "the governor said" or "the company says" stands for, if any.

    A noun found in the role or name of a voice this side named ("Varna
    Governor Ivo Petkov") is that voice, the latest first; a kind of body
    ("company", "statement") is the voice named just before (`near`).  Unnamed
    groups ("the police said") stay unnamed.
    """
    for m in _descriptions(text):
        noun = (
            m.group("noun")
            or m.group("quoted")
            or m.group("acc")
            or m.group("saying")
            or m.group("rep")
            or m.group("inv")
            or m.group("and")
        ).lower()
        if noun in NOT_VOICES and noun not in _BODY_NOUNS:
            # "the police said": unnamed, unless a police force spoke by name before
            # ("Oregon State Police", "NYPD")
            by_name = [
                v
                for v in heard
                if noun in v.name.lower().split() or (noun == "police" and _FORCE.search(v.name))
            ]
            if by_name:
                return by_name[-1]
            continue
        # "the navy said": a voice of that name first, then one of that role.
        for v in reversed(heard):
            if noun in v.name.lower().split():
                return v
        for v in reversed(heard):
            role = v.description_a if side == "a" else v.description_b
            if noun in _BODY_NOUNS and antecedent.is_full_name(v.name):
                continue  # "the company said": not "Ana Kova, director at a company"
            if noun in role.lower().split():
                return v
        if noun in _DOCUMENTS and near is not None:
            return near  # "the letter read": the one who just spoke wrote it
        if noun in _BODY_NOUNS and near is not None:
            # "the company said" after "Dough mixer Andy Ryan said": a person with a
            # role is no company.
            role = near.description_a if side == "a" else near.description_b
            if not role or noun in role.lower().split():
                return near
            # "Acme's Lena Ortiz advised …", then "the company said": his owner,
            # a body that spoke before
            owner = re.match(r"(.+?)['’]s$", role)
            body = [v for v in heard if owner and v.name == owner.group(1)]
            if body and not antecedent.is_full_name(body[0].name):
                return body[0]
        if noun in _PERSON_ROLES and near is not None and len(near.name.split()) > 1:
            return near  # "the official said" right after a named person spoke
    # "…, a spokesman said" right after a body spoke (not after a person: "Ann Kova said")
    cue = " a s" in text or text[:3] in ("A s", "a s")
    if near is not None and cue and _INDEFINITE_BODY.search(text):
        return None if antecedent.is_full_name(near.name) else near
    return None


def _noun(m: re.Match[str]) -> str:
    """The noun of a `_DESCRIBED` match, in lower case."""
    groups = ("noun", "quoted", "acc", "saying", "rep", "inv", "and")
    return next((m.group(g) for g in groups if m.group(g)), "").lower()


def _body_kind(
    text: str,
    uid: int,
    side: str,
    heard: list[Voice],
    bodies: list[tuple[int, list[str]]],
    subjects: list[tuple[int, str]],
) -> Voice | list[tuple[str, str]]:
    """The body "the newspaper said" / "the software manufacturer said" stands for when
    no voice just before has that name or role: the latest voice of this side that
    is no person and fits the kind (within twice `BODY_REACH`: other voices may
    speak between), else the nearest body of that kind named in this sentence or
    the `BODY_REACH` before ("Microsoft ... The software manufacturer said"); for a
    firm, else the subject that opens one of those sentences ("Microsoft has …")."""
    for m in _descriptions(text):
        noun = _noun(m)
        if noun not in antecedent.KINDS:
            continue
        for v in reversed(heard):
            ids = v.a if side == "a" else v.b
            if not ids or uid - ids[-1] > 2 * BODY_REACH:
                continue
            if not antecedent.is_full_name(v.name) and antecedent.fits(v.name, noun, strict=False):
                return v
        for k, names in reversed(bodies):
            if uid - k > BODY_REACH:
                break
            found = [n for n in names if antecedent.fits(n, noun, strict=True)]
            if found:
                return [(found[0], "")]
        # "Microsoft has rushed out a fix. The software giant said …": a firm is the
        # subject of a sentence just before, named with no word of its kind
        if antecedent.KINDS[noun] is antecedent.FIRM:
            near = [n for k, n in subjects if 0 <= uid - k <= BODY_REACH]
            if near:
                return [(near[-1], "")]
    return []

"""Who "he said" and "the convicted killer said" stand for, in English news.

A pronoun or a bare description speaks for a person the article named just
before, often not yet as a voice: "Jackman sings ballads at home ... 'Deb and my
kids ...,' he said."  The person is looked for in the sentences before, the
nearest first: a sentence where a voice spoke gives that voice; otherwise its
first person (the subject, usually).  Bodies ("Summit Entertainment", "Kraft
Foods") are no antecedent of "he" or "she", places ("in Los Angeles") neither,
and nothing inside quotation marks is (a quote names people it speaks of).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from library.compare.detectors.text import entities
from library.compare.lenses.attribution import NOT_VOICES, split_title
from library.compare.lenses.pattern_cache import re_compile
from library.compare.model import Unit
from library.compare.text_memo import kept, listed

# Words that make a capitalised run a body, a work or a place, not a person.
ORG_WORDS = frozenset((
    "inc", "corp", "corporation", "co", "company", "ltd", "llc", "group", "agency", "ministry",
    "department", "police", "news", "times", "post", "pictures", "entertainment", "center",
    "centre", "university", "bank", "association", "council", "committee", "party", "office",
    "service", "services", "survey", "court", "commission", "foundation", "institute",
    "network", "studios", "studio", "records", "airlines", "church", "school", "college",
    "hospital", "club", "team", "union", "army", "navy", "force", "press", "government",
    "state", "states", "county", "city", "street", "road", "awards", "theatre", "theater",
    "festival", "station", "magazine", "tv", "radio", "channel", "weekly", "daily", "journal",
    "herald", "tribune", "review", "federal", "national", "international", "republic",
    "kingdom", "united", "museum", "academy", "prison", "jail", "house", "hall", "park",
    "bridge", "airport", "island", "islands", "river", "lake", "mountain", "valley", "county",
    "district", "province", "region", "reuters", "associated", "broadcasting", "system",
    "systems", "technologies", "software", "media", "online", "com", "web", "site", "series",
    "show", "film", "movie", "album", "game", "games", "league", "cup", "olympics", "world",
    "treatment", "medical", "health", "security", "fire", "sheriff's", "guard", "marshals",
    "telecom", "telecoms",  # "Harbor Telecom" (eighth round)
))  # fmt: skip
# "in Los Angeles", "from New Moon": a name after these is a place or a work.
_PLACE_BEFORE = re_compile(
    r"\b(?:in|at|from|to|near|into|across|outside|inside|on|of|for|about|by|with|via|through)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# Quoted passages: “…” and "…" pairs, then what is left of a quote that runs over
# sentences: its tail up to a lone closing mark, or its head from a lone opening one.
_PAIR = re_compile(r"“[^“”]*”|\"[^\"]*\"")
_TAIL = re_compile(r"^[^“”\"]*(?:”|\"(?=[\s,.;:!?)]|$))")
_HEAD = re_compile(r"[“\"][^“”\"]*$")
# "Harris' best friend", "Lund's attorney": the name owns the one spoken of.
_OWNER_AFTER = re_compile(r"\s?['’]")
# A sentence longer than this is read only so far: a person named further on is
# no likely antecedent, and the quote pattern stays cheap on a hostile line.
_LONGEST = 2000
_WORD_OF_NAME = re_compile(r"[A-Z][\w’'-]*|de|van|von|al|bin|[A-Z]\.")


@kept(maxsize=16384)
def unquoted(text: str) -> str:
    """`text` with its quoted passages blanked (same length, so offsets hold);
    kept by text (the Voices lens asks several times each, and again for each
    comparison the window opens with the article: text_memo.py)."""

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group())

    return _HEAD.sub(blank, _TAIL.sub(blank, _PAIR.sub(blank, text), count=1), count=1)


def is_body(name: str) -> bool:
    """Whether a name reads as a body, a work or a place ("Kraft Foods Inc")."""
    words = name.split()
    if any(w.lower().strip(".,’'") in ORG_WORDS for w in re.split(r"[\s-]+", name)):
        return True
    # "NBC", "EW": initials (not a person's initial "K." of "Paul K. Varga": seventh round)
    return any(w.isupper() and len(w.rstrip(".")) > 1 for w in words)


def is_full_name(name: str) -> bool:
    """A person's full name: two to four capitalised words, no word of a body."""
    name = name.replace(" - ", "-")  # "Mahmoud Al - Goweiny": a hyphen the tokeniser spaced
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(_WORD_OF_NAME.fullmatch(w) for w in words)
        and not is_body(name)
    )


@kept(maxsize=16384)
def _plain(text: str) -> tuple[str, tuple[str, ...]]:
    """A sentence's start with its quotes blanked, and the names in it (`persons`
    and `bodies` read the same sentence in turn)."""
    plain = unquoted(text[:_LONGEST])
    return plain, tuple(entities(plain))


def persons(text: str, known: dict[str, str]) -> list[str]:
    """People named outside quotes in one sentence, in order; the sentence's full
    names are added to `known` first.

    Args:
        text: one sentence.
        known: the full names the article gave before, by their lower-case last
            word ("Stephenie Meyer's series" gives "meyer": "Stephenie Meyer"), so
            that "Meyer" counts once "Stephenie Meyer" was named.
    """
    plain, names = _plain(text)
    found = []
    for written in names:
        name, title = split_title(re.sub(r"['’]s?$", "", written))
        found.append((written, name))
        if is_full_name(name) or (title and " " not in name and not is_body(name)):
            known[name.split()[-1].lower()] = name  # "Tara Reid"; "President Obama"
    out: list[str] = []
    for written, name in found:
        at = plain.find(written)
        if at > 0 and _PLACE_BEFORE.search(plain[max(0, at - 20) : at]):
            continue  # "in Los Angeles", "of Twilight"
        if written.endswith(("'s", "’s")) or _OWNER_AFTER.match(plain, at + len(written)):
            continue  # "Timmons' best friend took the stand": the friend, not Timmons
        if is_person(name, known):
            out.append(known.get(name.lower(), name))  # "Reid": the "Tara Reid" named
    return out


def joined(text: str, first: str, second: str) -> bool:
    """Whether two names stand together in `text` ("Mark and Condon", "Laurence
    Mark and Bill Condon"), by their last words.  Plain string search: a pattern
    made per call would fill the `re` module's cache."""
    a, b = first.split()[-1], second.split()[-1]
    # "Mark and Condon"; "Ivo Petkov, and the health minister, Rosa Lind" (a role
    # between: up to six words)
    for joint, reach in ((" and ", 3), (", and ", 7)):
        at = text.find(f"{a}{joint}")
        while at >= 0:
            after = text[at + len(a) + len(joint) :].split()[:reach]
            if any(w.rstrip(".,;:!?’'\"”") == b for w in after):
                return True
            at = text.find(f"{a}{joint}", at + 1)
    return False


def is_person(name: str, known: dict[str, str]) -> bool:
    """A full name, or a surname of one the article gave ("Weitz"; not "Summit")."""
    return is_full_name(name) or (" " not in name and name.lower() in known)


# "the newspaper said", "the company said": the words a body of that kind has in its
# name ("Tribune", "Corp"), so that a paper is not read as the police named just before.
_PAPER = frozenset((
    "times", "post", "news", "journal", "herald", "tribune", "daily", "gazette", "magazine",
    "weekly", "review", "star", "sun", "observer", "guardian", "telegraph", "chronicle",
    "examiner", "inquirer", "register", "courier", "mail", "express", "standard", "globe",
))  # fmt: skip
_BROADCAST = frozenset(("tv", "radio", "news", "channel", "network", "broadcasting", "television"))
FIRM = frozenset((
    "inc", "corp", "corporation", "co", "company", "ltd", "llc", "group", "bank", "airlines",
    "technologies", "software", "systems", "entertainment", "pictures", "studios", "records",
    "foods", "motors", "industries", "holdings",
))  # fmt: skip
_AGENCY = frozenset((
    "agency", "ministry", "department", "bureau", "office", "service", "survey", "commission",
    "committee", "council", "administration", "authority", "institute", "center", "centre",
))  # fmt: skip
KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("newspaper", "paper", "daily", "tabloid", "publication"), _PAPER),
    "magazine": _PAPER,
    **dict.fromkeys(("station", "network", "channel", "broadcaster"), _BROADCAST),
    **dict.fromkeys(("company", "firm", "manufacturer", "maker", "carrier", "airline"), FIRM),
    **dict.fromkeys(("retailer", "studio", "automaker", "insurer", "developer"), FIRM),
    # "The software giant said" (round 18)
    **dict.fromkeys(("giant", "corporation", "conglomerate", "provider", "publisher"), FIRM),
    **dict.fromkeys(("agency", "organisation", "organization", "website", "site"), _AGENCY),
    "ministry": frozenset(("ministry",)),
    "department": frozenset(("department",)),
    "bureau": frozenset(("bureau",)),
}


def _words(name: str) -> set[str]:
    return {w.lower().strip(".,’'") for w in re.split(r"[\s-]+", name)}


def fits(name: str, noun: str, *, strict: bool) -> bool:
    """Whether a body named `name` can be "the `noun`" ("the newspaper": "Chicago
    Tribune").  Not strict (a voice that spoke): a name with no word of any kind
    ("Newsday", "Microsoft") or initials ("IRNA", "BBC") fit too; strict (a name
    merely mentioned): only a word of the kind ("UAE" is no website)."""
    words = _words(name)
    if words & KINDS.get(noun, frozenset()):
        return True
    if strict:
        return False
    return any(w.isupper() and len(w) > 1 for w in name.split()) or not words & ORG_WORDS


@listed(maxsize=16384)  # read once a sentence (text_memo.py)
def bodies(text: str) -> list[str]:
    """Bodies named outside quotes in one sentence, in order, not after "in" or "to"
    (a place, or the one told)."""
    plain, names = _plain(text)
    out = []
    for written in names:
        name = re.sub(r"['’]s?$", "", written)
        at = plain.find(written)
        if at > 0 and _PLACE_BEFORE.search(plain[max(0, at - 20) : at]):
            continue
        if is_body(name):
            out.append(name)
    return out


def person_before(text: str) -> bool:
    """Whether `text` names a person: a full name, or a title and a name ("Mr. Nichols")."""
    if re.search(r"\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.?\s+[A-Z]", text):
        return True
    return any(is_full_name(e) for e in entities(unquoted(text)))


# A sentence cut after a title: "“…,” Vancouver police Const." / "Tim Fanning told …".
_TITLE_END = re_compile(
    r"\b(?:Const|Rev|Sgt|Dr|Lt|Capt|Det|Insp|Gov|Sen|Rep|Cpl|Col|Gen|Supt|Prof|Mr|Mrs|Ms)\.$"
)


def title_split(units: Sequence[Unit], ids: list[int], name: str) -> None:
    """A voice (speaking in units `ids`, named `name`) whose sentence opens with its
    name speaks in the sentence before too when that one is a quote ending on its
    title (the splitter cut "Const. Tim Fanning" in two); `ids` is updated."""
    text = {u.id: u.text for u in units}
    first = name.split()[0]
    for i in list(ids):
        before = text.get(i - 1, "").rstrip()
        quoted = re.search(r"[”\"]", before)  # a quote's speaker, not "The mayor met Dr."
        cut = quoted and _TITLE_END.search(before) and text[i].startswith(first)
        if i - 1 not in ids and cut:
            ids.append(i - 1)
    ids.sort()


# "Microsoft has rushed out a fix": a name opening a sentence as its subject.
_SUBJECT_NAME = re_compile(
    r"(?:The\s+)?(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+"
    r"(?:has|had|have|is|was|will|would|[a-z]{3,}(?:ed|es))\b"
)


def subject_name(text: str, known: dict[str, str]) -> str | None:
    """The name opening `text` as its subject when it reads as no person: not a full
    name, not a surname the article gave, not an unnamed group ("Police")."""
    m = _SUBJECT_NAME.match(text)
    if not m:
        return None
    who = m.group("who")
    first = who.split()[0].lower()
    if who.lower() in NOT_VOICES or first in _NOT_SUBJECT or is_full_name(who):
        return None
    if who.split()[-1].lower() in known or who.lower() in known:
        return None  # "Thomas suffered …": the Pierre Thomas named before
    return who


# Opening words no subject is ("However has"), and calendar words.
_NOT_SUBJECT = frozenset((
    "however", "meanwhile", "but", "and", "still", "yet", "also", "then", "now", "today",
    "yesterday", "last", "this", "that", "it", "he", "she", "they", "we", "in", "on", "at",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
))  # fmt: skip

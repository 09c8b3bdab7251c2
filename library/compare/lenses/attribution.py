"""Attribution in one sentence: who is said to say what, and in what role.

The patterns of the Voices lens (`voices.py`): "X told Y that", "X said",
"X believes", "according to X", "quoted X as saying", "a X spokeswoman
said", a quote followed by "said X" / "X said", a role before or after the
name ("Current affairs commentator Li Linyi told", "Yao Yuan, a professor of
international studies at ..., told"), and the unnamed sources ("analysts
believe", "observers", "some speculate").  Each form was found missing or
wrong on hand-checked news (see benchmarks/RESULTS-lenses.md).
"""

from __future__ import annotations

import re

from library.compare.detectors.text import entities
from library.compare.lenses import clauses
from library.compare.lenses.body_voices import (
    ACC_STORY,
    DOCUMENT_AFTER,
    DOCUMENT_OF,
    GROUP_AFTER,
    LOWER_BODY,
    NOUN_OF_SAYING,
    OWNED_BODY,
    OWNED_DOCUMENT,
    SERVICE,
    SPOKESPERSON_FOR,
    STATEMENT,
)
from library.compare.lenses.gates import WORDS, gate_of, may_match
from library.compare.lenses.initials import with_initials
from library.compare.lenses.late_voices import late_sources
from library.compare.lenses.reporting import (
    ADVERB_START,
    KIN_BEFORE,
    NOT_VOICES,
    TITLE_WORDS,
    VERBS,
    cue_words,
)
from library.compare.lenses.roles import _CLAUSE, _ROLE_BEFORE, _before, _is_role, _role_before
from library.compare.lenses.said_forms import (
    ACC_QUOTED_NAME,
    AFTER,
    AFTER_VERB,
    AND_BEFORE,
    AND_HE,
    APPOSITIVE,
    BEFORE,
    CITING,
    JOINERS,
    LOWER_LEAD,
    NAME_LIKE,
    OWNED_PERSON,
    OWNER,
    PAIR_BEFORE,
    PLACE_BEFORE,
    QUOTED,
    ROLE_COMMA_NAME,
    SAID_AFTER_CLAUSE,
    SPEAKER_AFTER,
    WHO_SAID,
)
from library.compare.lenses.shapes import (
    ACC_INFO,
    ACRONYM,
    AND_SAID,
    DASHED,
    LEAD_PERSON,
    LEAD_TITLE,
    OPENING_ADVERBS,
    PER,
    POSTNOMINAL,
    QUOTE_NAME_ROLE,
    REPORTED_BY,
    SPACED_CALL_SIGN,
    WORDS_OF,
)
from library.compare.lenses.shapes_eighth import (
    DEMONYM,
    PARTY_TAG,
    REPRESENTATIVES_OF,
    eighth_sources,
)
from library.compare.lenses.titles import join_of_and, split_title
from library.compare.lenses.unnamed import anonymous as anonymous
from library.compare.text_memo import listed
from library.compare.units import STOPWORDS

# A "sentence" longer than this (a pasted table, a hostile line) is read in pieces cut
# at a space: the checks below compare each source with the ones found before, and
# pieces of bounded length keep the whole read linear in the length of the line.
_PIECE = 1500


# Read once a sentence: the window compares one article against many (text_memo.py).
@listed(maxsize=16384)
def sources(text: str) -> list[tuple[str, str]]:
    """Named sources of one sentence as `(name, role)`, in order.

    Args:
        text: one sentence.
    """
    if len(text) <= _PIECE:
        return _sources(text)
    out: list[tuple[str, str]] = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= _PIECE else start + _PIECE
        if end < len(text):
            cut = text.rfind(" ", start + _PIECE // 2, end)
            end = cut if cut > 0 else end
        out += _sources(text[start:end])
        start = end
    return out


# Every pattern above needs one of these words: a sentence with none has no source,
# and most sentences are skipped with one set intersection (the verb alternation is long).
_CUES = cue_words(
    VERBS,
    "according citing quoted saying spokesman spokeswoman spokesperson pointed emphasised "
    "emphasized reporting stating adding noting explaining claiming insisting warning arguing "
    "writing telling echoed released issued posted published sent made shared repeated backed "
    "words per",
) - {"the", "and", "is", "of", "on", "to", "an", "as", "are", "had", "has", "was", "were"}
_WORDS = WORDS
# Each pattern's gate (gates.py), keyed by id (a pattern's hash reads its whole text):
# its first words, or the verbs of saying it needs
# (`verb=True`: a mandatory `(?:{VERBS})\b` with a space or a quote before it).
_GATE = {
    **{id(rx): gate_of(rx, verb=True) for rx in (
        BEFORE, APPOSITIVE, WHO_SAID, AND_HE, STATEMENT, SERVICE, LOWER_BODY, AND_SAID,
    )},
    **{id(rx): gate_of(rx) for rx in (
        AFTER, QUOTED, CITING, ROLE_COMMA_NAME, NOUN_OF_SAYING, DOCUMENT_OF, ACC_STORY,
        OWNED_DOCUMENT, WORDS_OF, DASHED, REPORTED_BY, PER, ACC_INFO, QUOTE_NAME_ROLE,
    )},
}  # fmt: skip


def _sources(text: str, gated: bool = True) -> list[tuple[str, str]]:
    if _CUES.isdisjoint(_WORDS.findall(text.lower())):
        return []
    if ", " in text:
        text = POSTNOMINAL.sub("", text)
    if " - " in text and "(" in text:  # "Paul Varga (D - Ore.), who …, said" (eighth round)
        text = PARTY_TAG.sub("", text)
    if " - " in text:  # "WCVB - TV claims": one name
        text = SPACED_CALL_SIGN.sub(r"\1-\2", text)
    if "ccording to" in text:  # "according to “The Harbor Gazette”": the name unquoted
        text = ACC_QUOTED_NAME.sub(r"\1 \2", text)
    # The sentence's words: a pattern none of whose first words (or verbs) is among
    # them cannot match and is skipped (gates.py; `gated=False` runs every pattern).
    words = set(_WORDS.findall(text.lower())) if gated else None

    def run(rx: re.Pattern[str]) -> bool:
        return words is None or may_match(_GATE[id(rx)], words)

    out: list[tuple[str, str]] = []
    spoken: list[tuple[int, int]] = []  # spans of "X said": what follows is what was said
    body = SPOKESPERSON_FOR.search(text)
    if body and not body.group("who").endswith(","):  # "Jane Doe, a spokeswoman for X,"
        # speaks by name: she is the voice, not X
        out.append((body.group("who"), ""))
        spoken.append((body.start(), body.end()))
    # "Acme's advice is to", "news from X that"
    for m in NOUN_OF_SAYING.finditer(text) if run(NOUN_OF_SAYING) else ():
        # "Toronto Rangers GM Ole Brandt": the person after an all-caps title
        who = m.group("who") or m.group("who2") or m.group("who3")  # "by X that": who3
        name, title = split_title(re.sub(r"^.*\b(?:GM|CEO|CFO|COO)\s+", "", who))
        if name.lower() not in NOT_VOICES and name.split()[-1].lower() not in TITLE_WORDS:
            out.append((name, title))
            spoken.append((m.start(), m.end()))
    # "a message from the X Commission said"
    for m in DOCUMENT_OF.finditer(text) if run(DOCUMENT_OF) else ():
        out.append((m.group("who"), ""))
        spoken.append((m.start(), m.end()))
    for m in ROLE_COMMA_NAME.finditer(text) if run(ROLE_COMMA_NAME) else ():
        if (names := entities(m.group("who"))) and m.group("role").split()[0] not in _CLAUSE:
            out.append((names[-1], m.group("role")))
            spoken.append((m.start(), m.end()))
    for who, role, start, end in clauses.early(text, words):  # "X, which ..., said"; "echoed by X"
        if (names := entities(who)) and names[-1].lower() not in NOT_VOICES:
            name, title = split_title(join_of_and(text, start, who, names[-1]))
            out.append((name, " ".join(x for x in (role, title) if x)))
            spoken.append((start, end))
    # "X, head of …, said"
    for name, role in clauses.subject_voices(text, spoken, split_title, words):
        if not any(n == name for n, _ in out):
            out.append((name, role))
    # "..., said TASR.": the verb is the inverted "said X", whatever a name before it.
    inverted = [
        m.start()
        for m in (AFTER.finditer(text) if run(AFTER) else ())
        if not m.group("acc")
        and SAID_AFTER_CLAUSE.search(_before(text, m.start()))
        # not "X, Y's nephew, said his uncle died at his farm in Port Alma":
        # words that are no role before the name make it content, not an inverted speaker
        and _is_role(m.group("pre") or "")
        # not "…, said Dr. Harlan has": a title's full stop ends no clause (fifth round)
        and m.group("who").lower() not in TITLE_WORDS
    ]
    for m in APPOSITIVE.finditer(text) if text.count(",") >= 2 and run(APPOSITIVE) else ():
        first = m.group("role").split()[0].lower()
        if first.endswith(("ed", "ing")) or first in _CLAUSE:
            continue  # "..., died at the clinic in Dover, Del., said X": a clause
        if PLACE_BEFORE.search(_before(text, m.start())):
            continue  # "X, Vice President at the organization, ABC, agreed": X's body
        if any(a <= m.start("who") < b for a, b in spoken):
            continue  # read as a clause's subject ("Her principal, X of the Y School, wrote")
        if (names := entities(m.group("who"))) and not any(n == names[-1] for n, _ in out):
            owner = m.group("owner") or ""
            out.append((names[-1], f"{owner} {m.group('role')}".strip()))
            # the role too: "the head of the Transport Ministry's …, Lars Vik, said"
            # is Vik, not a ministry read from inside the role
            spoken.append((m.start("role"), m.end()))
    rxs = (
        BEFORE, AFTER, QUOTED, STATEMENT, SERVICE, AND_HE, WHO_SAID, CITING, ACC_STORY,
        LOWER_BODY, OWNED_DOCUMENT, WORDS_OF, DASHED, REPORTED_BY, PER, ACC_INFO,
        QUOTE_NAME_ROLE,
    )  # fmt: skip
    for rx in rxs:
        for m in rx.finditer(text) if run(rx) else ():
            if rx is BEFORE and any(m.start("who") < p < m.end() for p in inverted):
                continue  # "namely RX-Blue, to connect ..., said TASR": TASR speaks
            if rx is BEFORE and SPEAKER_AFTER.match(text, m.end()):
                continue  # "…, Oregon, on Monday, said a spokesman": a spokesman speaks
            if m.group().endswith(("claimed", "claims")) and clauses.won(text, m.end()):
                continue  # "the Hornets, who claimed the top prize": a win
            second = None  # where "said Zadan and Meron" put Meron: Zadan goes before
            if rx is BEFORE and any(a <= m.start("who") < b for a, b in spoken):
                continue  # read above as an appositive
            told_of = rx is BEFORE and m.group("role")
            if told_of and AFTER_VERB.search(_before(text, m.start("who"))):
                continue  # "The Courier said Nichols, who …, apologised": Nichols is told of
            if rx is AFTER and not m.group("acc"):
                if not SAID_AFTER_CLAUSE.search(_before(text, m.start())):
                    continue  # "Bloomington officers said LuAnn Johnson, of ..., was": content
                pair = PAIR_BEFORE.fullmatch(m.group("pre") or "")
                for other in (m.group("who2"), pair.group("first") if pair else None):
                    if other and (found := entities(other)):  # "said Zadan and Meron"
                        second = len(out) if other == m.group("who2") else None
                        out.append(split_title(found[0]))
            at_start = m.start() if rx is AFTER else m.start("who")
            if any(a <= at_start < b for a, b in spoken):
                continue  # "The paper said Nichols, who ...": Nichols is spoken of
            described = re.search(r"\bthe\s", text[m.start() : m.start("who")])
            if rx is AFTER and text.startswith(" who", m.end()) and described:
                continue  # "said the Republican who is close to …": a description
            if m.groupdict().get("acc") and GROUP_AFTER.match(text, m.end()):
                continue  # "according to Palmer officials"
            if m.groupdict().get("acc") and DOCUMENT_AFTER.match(text, m.end()):
                continue  # "According to the Turkmen constitution": a text, no voice
            if rx in (SERVICE, LOWER_BODY):
                out.append((re.sub(r"^(?:The|A|An)\s+", "", m.group("who")), ""))
                continue
            pre = m.groupdict().get("pre") or ""
            who = m.group("who")
            if rx is AFTER and PAIR_BEFORE.fullmatch(pre):
                pre = ""  # "said Zadan and Meron": the first is counted above
            if pre[:1].isupper() and all(
                w[:1].isupper() or w in JOINERS for w in pre.split()
            ):  # "said Chief of Detectives Carla Beck": one run of a name
                who, pre = pre + who, ""
            elif m.groupdict().get("acc") and pre[:1].isupper() and not _is_role(pre):
                who, pre = pre + who, ""  # "according to the Office of State Parks"
            # "the WHO said": an acronym the name finder drops as a common word
            names = entities(who) or [w for w in who.split()[-1:] if ACRONYM.fullmatch(w)]
            if not names:
                continue
            name = names[-1] if rx in (BEFORE, AND_HE, WHO_SAID) else names[0]
            if rx is BEFORE and (lead := LEAD_PERSON.match(text)) and lead.end() == at_start:
                opens = lead.group("who").split()[0].lower() not in STOPWORDS
                if opens and LEAD_TITLE.fullmatch(name):
                    # "Nora Vance, Controller ITV Drama says:": the person, her title
                    out.append((lead.group("who"), name))
                    spoken.append((m.start(), m.end()))
                    continue
            if len(name.split()) > 1 and name.split()[0] in OPENING_ADVERBS:
                name = name.split(" ", 1)[1]  # "Later USGS said": the adverb opens the clause
            if rx is CITING:
                name = who.rstrip(" .,")  # "Central Water and Forestry Commission"
            elif who.endswith(f"New {name}"):
                name = f"New {name}"  # "New York Times" ("new" reads as an ordinary word)
            at = m.end("who") - len(who) + who.rfind(name)
            joined = join_of_and(text, m.start("who"), who, name) if rx is BEFORE else name
            if joined != name:  # "Guild of Stage Lighting Arts and Sciences"
                name, at = joined, at - len(joined) + len(name)
            if rx in (BEFORE, AND_HE) and PLACE_BEFORE.search(_before(text, at)):
                continue  # "a woman outside the Ned's Diner told"
            if rx is BEFORE and KIN_BEFORE.search(_before(text, at)):
                continue  # "The mother of Jane Doe said", "Lawyers for X said": not X
            if name.lower() in NOT_VOICES or not name[:1].isupper():
                continue
            if " of " in name and name.split()[0].lower() in NOT_VOICES:
                continue  # "Friends of Kathryn Jenkin have described her"
            if re.search(r"(?i)\bstate\s*-\s*run\s+$", _before(text, at)):
                continue  # "State - run TV reported": unnamed
            if name.split()[-1].lower().rstrip(".") in TITLE_WORDS:
                continue  # "the Alaska Governor said": a title, no name
            lead = LOWER_LEAD.search(_before(text, at))
            if lead:  # "nCircle", "eBay": a name may open in lower case
                name, at = lead.group() + name, at - len(lead.group())
            person = OWNED_PERSON.match(name)
            if person:  # "Acme's Lena Ortiz said": Ortiz speaks, for Acme
                out.append((person.group("who"), person.group("owner")))
                continue
            body = OWNED_BODY.match(name)
            if body:  # "China's Ministry of State Security said": the ministry
                name = body.group("body")
            name = OWNER.sub("", name)  # "the Office of X's Web site": the office
            # "Representatives of Veltrix said": the body (eighth round)
            name = REPRESENTATIVES_OF.sub("", name)
            if rx in (
                QUOTED,
                STATEMENT,
                AND_HE,
                WHO_SAID,
                CITING,
                ACC_STORY,
                OWNED_DOCUMENT,
                WORDS_OF,
                REPORTED_BY,
                PER,
                ACC_INFO,
            ):
                out.append(split_title(name))
                continue
            if not _is_role(pre):
                continue  # "said they had located X", "said in a statement by X": no role
            role = (m.group("role") or pre).strip()
            if rx is BEFORE and not role and m.group("org"):
                role = m.group("org")  # "from the Acme Corporation"
            if m.groupdict().get("acc") and m.group("role") and text[m.end() :].lstrip()[:1] != ",":
                role = pre.strip()  # "According to X, the deal remains open.": no role
            of_before = re.search(r"\bof\s+$", _before(text, at))
            if rx is BEFORE and NAME_LIKE.fullmatch(role) and of_before:
                # "the governor of Varna, Samir abu-Nasr, told": the appositive speaks
                head = _ROLE_BEFORE.search(_before(text, at))
                out.append((role, (head.group("role") if head else "").strip() + " " + name))
                continue
            if rx is BEFORE and of_before and m.group("role"):
                continue  # "Rep. X (R) of North Dakota, the chairman of ..., says": X's state
            if rx is BEFORE and ADVERB_START.fullmatch(name) and text[at + len(name) :][:1] == ",":
                continue  # "Additionally, he was selected ..., wrote": an adverb
            if role.isdigit() or role.split(" ", 1)[0].lower() in _CLAUSE:
                role = ""  # "X, 38, said": an age; "X, since it was ..., said": a clause
            if not role and rx is BEFORE:
                role = _role_before(text, at)  # the words right before the name itself
                both = AND_BEFORE.search(_before(text, at))
                if both and (first := entities(both.group("first"))):
                    first_name = split_title(first[-1])
                    # not "Acme President and General Manager Ada Fenn": two titles of one
                    # person (eighth round)
                    if first_name[0].split()[-1].lower().rstrip(".") not in TITLE_WORDS:
                        out.append(first_name)  # "Zadan and Meron added"
            name, title = split_title(name)
            if name.startswith("of "):
                continue  # "The Governor of Vermont has apologized": a title, no name
            said = (name, f"{role} {title}".strip() if title else role)
            out.insert(len(out) if second is None else second, said)
            if rx is BEFORE:
                spoken.append((m.start(), m.end()))
    late_sources(text, out, run)  # "..., saying", "“…,” Kral maintained.", "X and said"
    _add_eighth(text, out)  # "described by X as", "Name/Role: “…”"
    if any(n.endswith("ites") for n, _ in out):  # "Dunmorites reported": residents
        out = [(n, r) for n, r in out if not DEMONYM.fullmatch(n)]
    # "A. J. Varga": the first initial the name finder drops (initials.py)
    return [(with_initials(text, n), r) for n, r in out] if ". " in text else out


def _add_eighth(text: str, out: list[tuple[str, str]]) -> None:
    """Add the speakers of the eighth round's shapes (`shapes_eighth.py`) not yet in `out`."""
    for who, role in eighth_sources(text):
        name, title = split_title(names[-1]) if (names := entities(who)) else ("", "")
        if not name or any(n == name for n, _ in out) or name.lower() in NOT_VOICES:
            continue
        if not _is_title(name):
            out.append((name, " ".join(x for x in (role, title) if x)))


def _is_title(name: str) -> bool:
    """ "the Alaska Governor": a title with no name."""
    return name.split()[-1].lower().rstrip(".") in TITLE_WORDS

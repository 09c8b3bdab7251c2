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

from library.compare.detectors.text import CAP_WORD, NAME_JOINERS, entities
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
from library.compare.lenses.quoting import quoted_after_role
from library.compare.lenses.reporting import (
    ADVERB,
    ADVERB_START,
    INVERTED,
    KIN_BEFORE,
    NAME,
    NOT_VOICES,
    THAT_VERBS,
    TITLE_WORDS,
    VERBS,
    cue_words,
)
from library.compare.lenses.roles import _CLAUSE, _ROLE_BEFORE, _before, _is_role, _role_before
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
    QUOTE_THEN_THAT_VERB,
    REPORTED_BY,
    SAYING,
    SAYING_INNER,
    SPACED_CALL_SIGN,
    WORDS_OF,
    it_said,
    saying_subject,
)
from library.compare.lenses.titles import join_of_and, split_title
from library.compare.lenses.unnamed import anonymous as anonymous
from library.compare.units import STOPWORDS

_NAME = NAME
# "Zhong Zhidong, an assistant researcher at ..., previously told": one
# appositive without commas of its own, and an adverb before the verb.
_BEFORE = re.compile(
    rf"(?P<who>{_NAME})(?:\.?\s?(?:com|org|net)\b)?"  # "MyFoxHouston. com reports"
    r"(?:\s*,\s*\d{1,3}(?=\s*,))?"  # "Tom Hale, 45, a neighbour, said": an age first
    r"(?:\s*,\s*(?P<role>[^,;:“”\"]{3,140}?)\s*,)?"
    # "Lena Ortiz from Chile's Red Cross rescue agency said": the person, of a body
    r"(?:\s+(?P<org>(?:from|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|"
    # a body's lower-case kind ("relief agency"), not a verb ("Boston was arrested and")
    r"(?!(?:was|were|is|are|has|had|and|but|who|which|that|then)\b)[a-z]+(?<!ed))){0,6}?)"
    r"(?=\s+(?:(?:also|later|has|had)\s+)?(?:said|says|told|tells)\b))?"
    r"(?:\s*\([A-Z][\w.-]{0,12}\))?"  # "Sen. Dick Durbin (D-Ill.) said"
    # "Her deputy, Marta Kovalenko, says": the name an appositive
    r"(?:(?<=[a-z])\s*,(?=\s+(?:says|said|told|tells)\b))?"
    # "Microsoft has said", "Entertainment Weekly has now confirmed", "X reportedly said"
    rf"\s+(?:{ADVERB}\s+)?(?:(?:has|have|had)\s+)?(?:{ADVERB}\s+)?"
    # "The Chilean Navy in March said"
    rf"(?:(?:in|on)\s+{CAP_WORD}\s+)?(?:{VERBS})\b"
)
_AFTER = re.compile(
    rf"(?:\b(?:{INVERTED}|added|wrote)|\b(?P<acc>[Aa]ccording\s+to))\s+(?:the\s+)?"
    # "said 58 - year - old Petra Lindqvist": an age before the name (fifth round)
    r"(?:\d{1,3}\s*-\s*year\s*-\s*old\s+)?"
    # "according to a report from KXLT-TV"
    r"(?:(?:a|an|the)\s+(?:report|statement|story)\s+(?:from|by|of|in)\s+(?:the\s+)?)?"
    # "said team president Billy King": a role may come first.
    # (Tried without first: "said the Harbor Ledger newspaper in Port Alma".)
    # "according to “Twilight” studio Summit Entertainment": a quoted work in the role
    # "said ex - LAPD vice squad detective Rita Holm", "said sheriff ’ s Sgt. X"
    rf"(?P<pre>(?:[“\"]?[A-Za-z’'-][\w’'.-]*[”\"]?\s+){{0,6}}?[a-z][\w’'-]*\.?\s+)??"
    rf"(?P<who>{_NAME})"
    # "said Zadan and Meron", "said the Slovak TASR news agency"
    rf"(?:\s+and\s+(?P<who2>{_NAME}))?(?:\s+(?P<kind>news\s+agency|agency|newspaper))?"
    r"(?:\s*,\s*(?P<role>[^,;:“”\"]{3,140}?)(?=\s*(?:[,.;]|$)))?"
    # "said Smith." ends the clause; "said Smith was let go" reports about Smith;
    # "said Smith at a news conference" is Smith speaking.
    # "said the Harbor Ledger newspaper in Port Alma": a paper's place may follow.
    # "says the CBC's Nadia Blum in Lisbon.": where the speaker is
    # "said Lena Marsh of the fire department": of her body (seventh round)
    r"(?(acc)|(?(kind)|(?=\s*(?:[,.;:!?()”\"]|$)|\s+who\s|\s+(?:at|during|in|on|of)\s+"
    r"(?:a|an|the|his|her|its|their)\s|"
    r"\s+in\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?\s*[.,;])))"
)
# "Another news agency quoted Jane Doe as saying".
# "quoted Acme spokesman Tom Hale as saying": a role may come first.
_QUOTED = re.compile(
    # (not "were quoted by AP as saying": AP quotes)
    rf"\bquoted\s+(?!by\b)(?:(?:[A-Za-z][\w’'-]*\s+){{0,4}}?)(?P<who>{_NAME})\s+as\s+saying\b"
)
# "according to her agent, Tom Brill", "…,” said the club's manager, Ed Cole":
# a role (with its owner) set off by a comma before the name.
_ROLE_COMMA_NAME = re.compile(
    rf"(?:\b(?P<acc>[Aa]ccording\s+to)|(?<=[,”\"'’:]\s)(?:{INVERTED}))\s+"
    rf"(?P<owner>(?:his|her|its|their|the|an?|{CAP_WORD}['’]s)\s+)"
    # "said the North Fenwick fire chief, Paul Garro"
    r"(?P<role>(?:[A-Z][\w’'-]*\s+){0,3}[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}),\s+"
    rf"(?P<who>{_NAME})(?=\s*(?:[,.;:!?()”\"]|$))"
)
# "..., citing the nation's Central Water and Forestry Commission."
_CITING = re.compile(
    # "citing Dunn's nephew Carl Ames": the nephew, not Dunn
    rf"\bciting\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:[a-z][\w-]*\s+){{0,3}}?"
    rf"(?P<who>{_NAME}(?:\s+and\s+{_NAME})?)"
)
# "Varna's mayor, Ivo Petkov, told", "A reporter of the Chilean news agency,
# ANCH, said": the name set off by commas after its role speaks.
_APPOSITIVE = re.compile(
    # "Mathis' son, actor Lorne Mathis, tweeted": an owner in s' too, an occupation first
    rf"(?:^|[,;]\s+|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts)\s+|"
    rf"(?P<owner>(?:{CAP_WORD}\s+)?{CAP_WORD}(?:['’]s|s['’])))\s*"
    # "The plant's owner, Jane Doe, told"
    r"(?P<role>(?:[a-z][\w’'-]*|[A-Z]{2,4}\b)(?:\s+(?:[\w’'-]+)){0,7}?)\s*,\s+"
    r"(?:(?!(?:in|at|on|of|from|to|for|with|by|and|the)\b)[a-z][\w-]*(?<!ed)\s+)?"
    rf"(?P<who>{_NAME}),\s+(?:(?:also|later)\s+)?(?:{VERBS})\b"
)
# "Marcus Dole, and he said": the name the pronoun right after stands for.
# "Zadan and " before the second name of "said Zadan and Meron".
_PAIR_BEFORE = re.compile(rf"(?P<first>{_NAME})\s+and\s+")
# "Carl B. Mott, who said he expects ..."
# "Dana Pike, who first reported that": an adverb between
# "President Tom Vale, who has promised to end …": an auxiliary too (fifth round)
_WHO_SAID = re.compile(
    rf"(?P<who>{_NAME}),\s+who\s+(?:in\s+turn\s+)?(?:{ADVERB}\s+)?(?:(?:has|had|have)\s+)?(?:{VERBS})\b"
)
# "said (that) " right before a name: the name opens what was said.
_AFTER_VERB = re.compile(r"\b(?:said|says|told|tells|reported|reports)\s+(?:that\s+)?$")
# What opens "..., said X" / "“...,” said X": a quote or a clause, not a subject.
_SAID_AFTER_CLAUSE = re.compile(r"(?:^|[,”\"'’:]\s*)$")
# "the Governor of Vermont, Ada Lund, and she has apologised if": an auxiliary too
_AND_HE = re.compile(
    rf"(?P<who>{_NAME}),?\s+and\s+(?:he|she)\s+(?:also\s+)?(?:(?:has|had)\s+)?(?:{VERBS})\b"
)
_JOINERS = frozenset(NAME_JOINERS.split("|"))
# A name in an appositive: "Samir abu-Nasr", "Ana de Silva".
_NAME_LIKE = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|[a-z]+-[A-Z][\w’'.-]*|al|bin|de|van|von)){1,3}"
)
# "nCircle": lower-case letters glued to the name's first capital.
_LOWER_LEAD = re.compile(r"(?<![\w’'-])[a-z]{1,3}$")
# "Office of the Chief Ranger's Web": the owner speaks.
_OWNER = re.compile(r"['’]s\b.*$")
# "Acme's Lena Ortiz": a person of a body (two capitalised words, not a "Web site").
_OWNED_PERSON = re.compile(
    r"^(?P<owner>.+?['’]s)\s+(?P<who>(?!(?:Web|Website|Office|Department)\b)[A-Z][a-z]+"
    r"(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w’'-]*)$"
)
# "Zadan and Meron added": two speakers.
_AND_BEFORE = re.compile(rf"(?P<first>{_NAME})\s+and\s+$")
# "a woman outside the Ned's Diner told": a place, not the speaker.
_PLACE_BEFORE = re.compile(
    r"\b(?:outside|at|in|inside|near|to|with|into|on|across)\s+(?:the\s+)?$", re.I
)
# The forms of the verbs that tell a claim only before "that" ("maintained", "admits").
THAT_FORMS = frozenset(THAT_VERBS.split("|"))
# "According to“The Harbor Gazette”,": a name in quotes, glued or not (seventh round)
# (not "according to “Twilight” studio X": a work's title before the name)
_ACC_QUOTED_NAME = re.compile(
    r"\b([Aa]ccording\s+to)\s*[\"“]([A-Z][^\"“”]{0,60}?)[\"”](?=\s*(?:[,.;]|$))"
)
# "…, in Dunmore, Oregon, on Monday, said a spokesman for the clinic": the verb's
# subject comes after it (an inverted, unnamed speaker), so the name before is a place.
# (not "Ana Ruiz confirmed it on the official site": "official" an adjective there)
_SPEAKER_AFTER = re.compile(
    r"(?<=\bsaid)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?(?:spokes(?:man|woman|person)|"
    r"official|representative|source)(?=\s+(?:for|of|at|with|from)\b|\s*(?:[,.;]|$))"
)
# A "sentence" longer than this (a pasted table, a hostile line) is read in pieces cut
# at a space: the checks below compare each source with the ones found before, and
# pieces of bounded length keep the whole read linear in the length of the line.
_PIECE = 1500


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
        _BEFORE, _APPOSITIVE, _WHO_SAID, _AND_HE, STATEMENT, SERVICE, LOWER_BODY, AND_SAID,
    )},
    **{id(rx): gate_of(rx) for rx in (
        _AFTER, _QUOTED, _CITING, _ROLE_COMMA_NAME, NOUN_OF_SAYING, DOCUMENT_OF, ACC_STORY,
        OWNED_DOCUMENT, WORDS_OF, DASHED, REPORTED_BY, PER, ACC_INFO, QUOTE_NAME_ROLE,
    )},
}  # fmt: skip


def _sources(text: str, gated: bool = True) -> list[tuple[str, str]]:
    if _CUES.isdisjoint(_WORDS.findall(text.lower())):
        return []
    if ", " in text:
        text = POSTNOMINAL.sub("", text)
    if " - " in text:  # "WCVB - TV claims": one name
        text = SPACED_CALL_SIGN.sub(r"\1-\2", text)
    if "ccording to" in text:  # "according to “The Harbor Gazette”": the name unquoted
        text = _ACC_QUOTED_NAME.sub(r"\1 \2", text)
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
        name, title = split_title(
            re.sub(r"^.*\b(?:GM|CEO|CFO|COO)\s+", "", m.group("who") or m.group("who2"))
        )
        if name.lower() not in NOT_VOICES and name.split()[-1].lower() not in TITLE_WORDS:
            out.append((name, title))
            spoken.append((m.start(), m.end()))
    # "a message from the X Commission said"
    for m in DOCUMENT_OF.finditer(text) if run(DOCUMENT_OF) else ():
        out.append((m.group("who"), ""))
        spoken.append((m.start(), m.end()))
    for m in _ROLE_COMMA_NAME.finditer(text) if run(_ROLE_COMMA_NAME) else ():
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
        for m in (_AFTER.finditer(text) if run(_AFTER) else ())
        if not m.group("acc")
        and _SAID_AFTER_CLAUSE.search(_before(text, m.start()))
        # not "X, Y's nephew, said his uncle died at his farm in Port Alma":
        # words that are no role before the name make it content, not an inverted speaker
        and _is_role(m.group("pre") or "")
        # not "…, said Dr. Harlan has": a title's full stop ends no clause (fifth round)
        and m.group("who").lower() not in TITLE_WORDS
    ]
    for m in _APPOSITIVE.finditer(text) if text.count(",") >= 2 and run(_APPOSITIVE) else ():
        first = m.group("role").split()[0].lower()
        if first.endswith(("ed", "ing")) or first in _CLAUSE:
            continue  # "..., died at the clinic in Dover, Del., said X": a clause
        if _PLACE_BEFORE.search(_before(text, m.start())):
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
        _BEFORE, _AFTER, _QUOTED, STATEMENT, SERVICE, _AND_HE, _WHO_SAID, _CITING, ACC_STORY,
        LOWER_BODY, OWNED_DOCUMENT, WORDS_OF, DASHED, REPORTED_BY, PER, ACC_INFO,
        QUOTE_NAME_ROLE,
    )  # fmt: skip
    for rx in rxs:
        for m in rx.finditer(text) if run(rx) else ():
            if rx is _BEFORE and any(m.start("who") < p < m.end() for p in inverted):
                continue  # "namely RX-Blue, to connect ..., said TASR": TASR speaks
            if rx is _BEFORE and _SPEAKER_AFTER.match(text, m.end()):
                continue  # "…, Oregon, on Monday, said a spokesman": a spokesman speaks
            if m.group().endswith(("claimed", "claims")) and clauses.won(text, m.end()):
                continue  # "the Hornets, who claimed the top prize": a win
            second = None  # where "said Zadan and Meron" put Meron: Zadan goes before
            if rx is _BEFORE and any(a <= m.start("who") < b for a, b in spoken):
                continue  # read above as an appositive
            told_of = rx is _BEFORE and m.group("role")
            if told_of and _AFTER_VERB.search(_before(text, m.start("who"))):
                continue  # "The Courier said Nichols, who …, apologised": Nichols is told of
            if rx is _AFTER and not m.group("acc"):
                if not _SAID_AFTER_CLAUSE.search(_before(text, m.start())):
                    continue  # "Bloomington officers said LuAnn Johnson, of ..., was": content
                pair = _PAIR_BEFORE.fullmatch(m.group("pre") or "")
                for other in (m.group("who2"), pair.group("first") if pair else None):
                    if other and (found := entities(other)):  # "said Zadan and Meron"
                        second = len(out) if other == m.group("who2") else None
                        out.append(split_title(found[0]))
            at_start = m.start() if rx is _AFTER else m.start("who")
            if any(a <= at_start < b for a, b in spoken):
                continue  # "The paper said Nichols, who ...": Nichols is spoken of
            described = re.search(r"\bthe\s", text[m.start() : m.start("who")])
            if rx is _AFTER and text.startswith(" who", m.end()) and described:
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
            if rx is _AFTER and _PAIR_BEFORE.fullmatch(pre):
                pre = ""  # "said Zadan and Meron": the first is counted above
            if pre[:1].isupper() and all(
                w[:1].isupper() or w in _JOINERS for w in pre.split()
            ):  # "said Chief of Detectives Carla Beck": one run of a name
                who, pre = pre + who, ""
            elif m.groupdict().get("acc") and pre[:1].isupper() and not _is_role(pre):
                who, pre = pre + who, ""  # "according to the Office of State Parks"
            # "the WHO said": an acronym the name finder drops as a common word
            names = entities(who) or [w for w in who.split()[-1:] if ACRONYM.fullmatch(w)]
            if not names:
                continue
            name = names[-1] if rx in (_BEFORE, _AND_HE, _WHO_SAID) else names[0]
            if rx is _BEFORE and (lead := LEAD_PERSON.match(text)) and lead.end() == at_start:
                opens = lead.group("who").split()[0].lower() not in STOPWORDS
                if opens and LEAD_TITLE.fullmatch(name):
                    # "Nora Vance, Controller ITV Drama says:": the person, her title
                    out.append((lead.group("who"), name))
                    spoken.append((m.start(), m.end()))
                    continue
            if len(name.split()) > 1 and name.split()[0] in OPENING_ADVERBS:
                name = name.split(" ", 1)[1]  # "Later USGS said": the adverb opens the clause
            if rx is _CITING:
                name = who.rstrip(" .,")  # "Central Water and Forestry Commission"
            elif who.endswith(f"New {name}"):
                name = f"New {name}"  # "New York Times" ("new" reads as an ordinary word)
            at = m.end("who") - len(who) + who.rfind(name)
            joined = join_of_and(text, m.start("who"), who, name) if rx is _BEFORE else name
            if joined != name:  # "Guild of Stage Lighting Arts and Sciences"
                name, at = joined, at - len(joined) + len(name)
            if rx in (_BEFORE, _AND_HE) and _PLACE_BEFORE.search(_before(text, at)):
                continue  # "a woman outside the Ned's Diner told"
            if rx is _BEFORE and KIN_BEFORE.search(_before(text, at)):
                continue  # "The mother of Jane Doe said", "Lawyers for X said": not X
            if name.lower() in NOT_VOICES or not name[:1].isupper():
                continue
            if " of " in name and name.split()[0].lower() in NOT_VOICES:
                continue  # "Friends of Kathryn Jenkin have described her"
            if re.search(r"(?i)\bstate\s*-\s*run\s+$", _before(text, at)):
                continue  # "State - run TV reported": unnamed
            if name.split()[-1].lower().rstrip(".") in TITLE_WORDS:
                continue  # "the Alaska Governor said": a title, no name
            lead = _LOWER_LEAD.search(_before(text, at))
            if lead:  # "nCircle", "eBay": a name may open in lower case
                name, at = lead.group() + name, at - len(lead.group())
            person = _OWNED_PERSON.match(name)
            if person:  # "Acme's Lena Ortiz said": Ortiz speaks, for Acme
                out.append((person.group("who"), person.group("owner")))
                continue
            body = OWNED_BODY.match(name)
            if body:  # "China's Ministry of State Security said": the ministry
                name = body.group("body")
            name = _OWNER.sub("", name)  # "the Office of X's Web site": the office
            if rx in (
                _QUOTED,
                STATEMENT,
                _AND_HE,
                _WHO_SAID,
                _CITING,
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
            if rx is _BEFORE and not role and m.group("org"):
                role = m.group("org")  # "from the Acme Corporation"
            if m.groupdict().get("acc") and m.group("role") and text[m.end() :].lstrip()[:1] != ",":
                role = pre.strip()  # "According to X, the deal remains open.": no role
            of_before = re.search(r"\bof\s+$", _before(text, at))
            if rx is _BEFORE and _NAME_LIKE.fullmatch(role) and of_before:
                # "the governor of Varna, Samir abu-Nasr, told": the appositive speaks
                head = _ROLE_BEFORE.search(_before(text, at))
                out.append((role, (head.group("role") if head else "").strip() + " " + name))
                continue
            if rx is _BEFORE and of_before and m.group("role"):
                continue  # "Rep. X (R) of North Dakota, the chairman of ..., says": X's state
            if rx is _BEFORE and ADVERB_START.fullmatch(name) and text[at + len(name) :][:1] == ",":
                continue  # "Additionally, he was selected ..., wrote": an adverb
            if role.isdigit() or role.split(" ", 1)[0].lower() in _CLAUSE:
                role = ""  # "X, 38, said": an age; "X, since it was ..., said": a clause
            if not role and rx is _BEFORE:
                role = _role_before(text, at)  # the words right before the name itself
                both = _AND_BEFORE.search(_before(text, at))
                if both and (first := entities(both.group("first"))):
                    out.append(split_title(first[-1]))  # "Zadan and Meron added"
            name, title = split_title(name)
            if name.startswith("of "):
                continue  # "The Governor of Vermont has apologized": a title, no name
            said = (name, f"{role} {title}".strip() if title else role)
            out.insert(len(out) if second is None else second, said)
            if rx is _BEFORE:
                spoken.append((m.start(), m.end()))
    saying = None
    if not out and ", saying" in text:  # (both patterns need "saying": no gate)
        saying = SAYING_INNER.search(text) or SAYING.match(text)
    late = [(saying_subject(text, saying), "")] if saying else [] if out else clauses.late(text)
    for who, _role in late:  # "..., saying"; "Nolan made the announcement, stating that"
        if who.endswith(("'s", "’s")) or not (names := entities(who)):  # "Dunn's name was"
            continue
        name, title = split_title(names[-1])
        if name.split()[-1].lower().rstrip(".") not in TITLE_WORDS:
            out.append((name, title))
    # (read only when the sentence's last word is such a verb: most sentences end otherwise)
    tail = _WORDS.findall(text[-24:].lower())[-1:] if not out else []
    closing = QUOTE_THEN_THAT_VERB.search(text[-160:]) if tail and tail[0] in THAT_FORMS else None
    if closing and (names := entities(closing.group("who"))):
        out.append(split_title(names[-1]))  # "“…,” Kral maintained."
    if not out and ", which it " in text and (it := it_said(text)):
        out.append((it, ""))  # "Nordlink failed …, which it said was due to"
    if " quoted " in text:  # "TASR quoted the head of …, Ivo Kral, as saying"
        have = {n for n, _ in out}
        out += [(n, r) for n, r in quoted_after_role(text) if n not in have]
    both = (
        AND_SAID.match(text)
        if not out and (" and " in text or " but " in text) and run(AND_SAID)
        else None
    )
    if both and re.search(r"\b(?:been|was|were|is|are|being)\b", both.group()):
        both = None  # "a bank had been contacted ... and told that": told, not telling
    if both and (names := entities(both.group("subj"), at_start=True)):
        name, title = split_title(names[-1])
        if name.lower() not in NOT_VOICES and name.split()[-1].lower() not in TITLE_WORDS:
            role = both.group("subj")[: both.group("subj").rfind(names[-1])].strip()
            out.append((name, " ".join(x for x in (role, title) if x)))
    # "A. J. Varga": the first initial the name finder drops (initials.py)
    return [(with_initials(text, n), r) for n, r in out] if ". " in text else out

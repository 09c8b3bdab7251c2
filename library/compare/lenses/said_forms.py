"""The forms of a named speaker next to a verb of saying, read by `attribution.sources`.

"X said", "said X", "according to X", "quoted X as saying", "according to her agent,
Tom Brill", "citing X", "Varna's mayor, Ivo Petkov, told", "X, who said", "X, and he
said", and the guards their matches are checked against (a place before the name, a
quote or clause before an inverted "said X").  Moved out of `attribution.py` in the
eighth speakers round: patterns here, the reading of their matches there.
"""

from __future__ import annotations

import re

from library.compare.detectors.text import CAP_WORD, NAME_JOINERS
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import ADVERB, INVERTED, NAME, THAT_VERBS, VERBS

# "Zhong Zhidong, an assistant researcher at ..., previously told": one
# appositive without commas of its own, and an adverb before the verb.
BEFORE = re_compile(
    rf"(?P<who>{NAME})(?:\.?\s?(?:com|org|net)\b)?"  # "MyFoxHouston. com reports"
    r"(?:\s*,\s*\d{1,3}(?=\s*,))?"  # "Tom Hale, 45, a neighbour, said": an age first
    # "Karl Moss, the Guild's vice president of trade, energy and shipping affairs, said":
    # a role holding a list of lower-case words (eighth round)
    r"(?:\s*,\s*(?P<role>[^,;:“”\"]{3,140}?(?:(?:,\s+[a-z][\w’'-]*){1,3},?\s+and\s+"
    r"[a-z][^,;:“”\"]{1,60}?)?)\s*,)?"
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
AFTER = re_compile(
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
    rf"(?P<who>{NAME})"
    # "said Zadan and Meron", "said the Slovak TASR news agency"
    rf"(?:\s+and\s+(?P<who2>{NAME}))?(?:\s+(?P<kind>news\s+agency|agency|newspaper))?"
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
QUOTED = re_compile(
    # (not "were quoted by AP as saying": AP quotes)
    rf"\bquoted\s+(?!by\b)(?:(?:[A-Za-z][\w’'-]*\s+){{0,4}}?)(?P<who>{NAME})\s+as\s+saying\b"
)
# "according to her agent, Tom Brill", "…,” said the club's manager, Ed Cole":
# a role (with its owner) set off by a comma before the name.
ROLE_COMMA_NAME = re_compile(
    rf"(?:\b(?P<acc>[Aa]ccording\s+to)|(?<=[,”\"'’:]\s)(?:{INVERTED}))\s+"
    rf"(?P<owner>(?:his|her|its|their|the|an?|{CAP_WORD}['’]s)\s+)"
    # "said the North Fenwick fire chief, Paul Garro"
    r"(?P<role>(?:[A-Z][\w’'-]*\s+){0,3}[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}),\s+"
    rf"(?P<who>{NAME})(?=\s*(?:[,.;:!?()”\"]|$))"
)
# "..., citing the nation's Central Water and Forestry Commission."
CITING = re_compile(
    # "citing Dunn's nephew Carl Ames": the nephew, not Dunn
    rf"\bciting\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:[a-z][\w-]*\s+){{0,3}}?"
    rf"(?P<who>{NAME}(?:\s+and\s+{NAME})?)"
)
# "Varna's mayor, Ivo Petkov, told", "A reporter of the Chilean news agency,
# ANCH, said": the name set off by commas after its role speaks.
APPOSITIVE = re_compile(
    # "Mathis' son, actor Lorne Mathis, tweeted": an owner in s' too, an occupation first
    rf"(?:^|[,;]\s+|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts)\s+|"
    rf"(?P<owner>(?:{CAP_WORD}\s+)?{CAP_WORD}(?:['’]s|s['’])))\s*"
    # "The plant's owner, Jane Doe, told"
    r"(?P<role>(?:[a-z][\w’'-]*|[A-Z]{2,4}\b)(?:\s+(?:[\w’'-]+)){0,7}?)\s*,\s+"
    r"(?:(?!(?:in|at|on|of|from|to|for|with|by|and|the)\b)[a-z][\w-]*(?<!ed)\s+)?"
    rf"(?P<who>{NAME}),\s+(?:(?:also|later)\s+)?(?:{VERBS})\b"
)
# "Marcus Dole, and he said": the name the pronoun right after stands for.
# "Zadan and " before the second name of "said Zadan and Meron".
PAIR_BEFORE = re_compile(rf"(?P<first>{NAME})\s+and\s+")
# "Carl B. Mott, who said he expects ..."
# "Dana Pike, who first reported that": an adverb between
# "President Tom Vale, who has promised to end …": an auxiliary too (fifth round)
WHO_SAID = re_compile(
    rf"(?P<who>{NAME}),\s+who\s+(?:in\s+turn\s+)?(?:{ADVERB}\s+)?(?:(?:has|had|have)\s+)?(?:{VERBS})\b"
)
# "said (that) " right before a name: the name opens what was said.
AFTER_VERB = re_compile(r"\b(?:said|says|told|tells|reported|reports)\s+(?:that\s+)?$")
# What opens "..., said X" / "“...,” said X": a quote or a clause, not a subject.
SAID_AFTER_CLAUSE = re_compile(r"(?:^|[,”\"'’:]\s*)$")
# "the Governor of Vermont, Ada Lund, and she has apologised if": an auxiliary too
AND_HE = re_compile(
    rf"(?P<who>{NAME}),?\s+and\s+(?:he|she)\s+(?:also\s+)?(?:(?:has|had)\s+)?(?:{VERBS})\b"
)
JOINERS = frozenset(NAME_JOINERS.split("|"))
# A name in an appositive: "Samir abu-Nasr", "Ana de Silva".
NAME_LIKE = re_compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|[a-z]+-[A-Z][\w’'.-]*|al|bin|de|van|von)){1,3}"
)
# "nCircle": lower-case letters glued to the name's first capital.
LOWER_LEAD = re_compile(r"(?<![\w’'-])[a-z]{1,3}$")
# "Office of the Chief Ranger's Web": the owner speaks.
OWNER = re_compile(r"['’]s\b.*$")
# "Acme's Lena Ortiz": a person of a body (two capitalised words, not a "Web site").
OWNED_PERSON = re_compile(
    r"^(?P<owner>.+?['’]s)\s+(?P<who>(?!(?:Web|Website|Office|Department)\b)[A-Z][a-z]+"
    r"(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w’'-]*)$"
)
# "Zadan and Meron added": two speakers.
AND_BEFORE = re_compile(rf"(?P<first>{NAME})\s+and\s+$")
# "a woman outside the Ned's Diner told": a place, not the speaker.
PLACE_BEFORE = re_compile(
    r"\b(?:outside|at|in|inside|near|to|with|into|on|across)\s+(?:the\s+)?$", re.I
)
# The forms of the verbs that tell a claim only before "that" ("maintained", "admits").
THAT_FORMS = frozenset(THAT_VERBS.split("|"))
# "According to“The Harbor Gazette”,": a name in quotes, glued or not (seventh round)
# (not "according to “Twilight” studio X": a work's title before the name)
ACC_QUOTED_NAME = re_compile(
    r"\b([Aa]ccording\s+to)\s*[\"“]([A-Z][^\"“”]{0,60}?)[\"”](?=\s*(?:[,.;]|$))"
)
# "…, in Dunmore, Oregon, on Monday, said a spokesman for the clinic": the verb's
# subject comes after it (an inverted, unnamed speaker), so the name before is a place.
# (not "Ana Ruiz confirmed it on the official site": "official" an adjective there)
SPEAKER_AFTER = re_compile(
    r"(?<=\bsaid)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?(?:spokes(?:man|woman|person)|"
    r"official|representative|source)(?=\s+(?:for|of|at|with|from)\b|\s*(?:[,.;]|$))"
)

"""Bodies that speak in English news, named by their statement, service or kind.

Patterns `attribution.py` reads for a body rather than a person: "a Defence
Ministry statement said", "Acme Corp's statement said", "the Indian navy said",
"the Peruvian transport ministry said", "according to this N.Y. Ledger
story".  Each is a bounded alternation (no nested repetition of unbounded parts).
"""

from __future__ import annotations

from library.compare.detectors.text import CAP_WORD
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import ADVERB, NAME, VERBS

_NAME = NAME

# "a Defence Ministry statement said", "a Cityline spokesman told".
STATEMENT = re_compile(
    # not "The P. D.'s release says" (a body's office, unnamed)
    # "the official IRNA news agency", "Iran's official IRNA news agency"
    rf"(?:\b(?:[Aa]n?|[Tt]he|{CAP_WORD}['’]s)\s+(?:(?:official|semi-official|state)\s+)?|"
    rf"(?:^|,\s+))(?P<who>{_NAME})(?<!['’]s)\s+"
    # "a Telvia customer service representative told" (round 20, post-hoc)
    r"(?:(?:customer|customers|press|media|public)(?:\s+(?:service|relations|affairs))?\s+"
    r"(?=representative|spokes))?"
    r"(?:statement|report|release|press\s+release|communiqu[eé]|bulletin|notice|"
    r"spokes(?:man|woman|person)|representative|news\s+agency|agency|newspaper|"
    r"television|radio|website|obituary|editorial|article|story|column|blog)\s+"
    # "a Telvia spokeswoman who declined to give her name said": her anonymity, not a clause
    # of its own (eighth round)
    r"(?:,?\s*who\s+(?:asked|declined|requested|spoke)\s+[^.;:“”\"]{0,50}?,?\s+)?"
    # "An NHL spokesman on Thursday said"
    rf"(?:(?:also|later|on\s+[A-Z][a-z]+day)\s+)?(?:{VERBS})\b"
)
# "Acme Corp's statement said", "A statement on Acme Corp's website said": the owner
# (not "The P. D.'s release says": initials of an office, unnamed).
OWNED_DOCUMENT = re_compile(
    rf"(?P<who>{_NAME})(?<![A-Z]\.)['’]s\s+(?:official\s+)?(?:statement|website|web\s+site|"
    r"release|press\s+release|announcement|communiqu[eé]|letter|note|message)\s+(?:also\s+)?"
    # "Hartley's letter continued" (round 18)
    r"(?:said|says|stated|states|read|reads|added|confirmed|announced|continued|continues)\b"
)
# "The Indian navy said": a nation's service, named by adjective and kind.
SERVICE = re_compile(
    # "Vancouver police said": a force named by its town (not "State police", unnamed)
    rf"\b(?P<who>(?!(?:State|Local|City|Federal|The|A|An|But|And|So|Yet|Then|Now|Also|However|Some|Many|Both)\b){CAP_WORD}(?:['’]s(?:\s+state)?)?\s+"
    r"(?:navy|army|military|government|air\s+force|coast\s+guard|television|radio|police))"
    rf"\s+(?:(?:also|later)\s+)?(?:{VERBS})\b"
)
# "the Peruvian transport ministry said": a body of a nation or place, in lower case
# (not "Texas authorities" or "Palmer officials": unnamed staff)
LOWER_BODY = re_compile(
    # not "Red Cross rescue agency" (a run's tail); not "Peru's transport ministry"
    # (round 10's label: a lower-case body after a possessive is unnamed)
    r"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{2}\s)(?<![A-Z][a-z]{3}\s)(?<![A-Z][a-z]{4}\s)"
    r"\b(?:[Tt]he\s+)?(?P<who>(?!(?:The|A|An|But|And|On|In|At|When|After|This|That|Its|His|Her)\b)"
    r"[A-Z][a-z]+(?:\s+[a-z]+){0,2}?\s+(?:ministry|department|agency|embassy|"
    r"commission|council|court|cabinet|parliament|presidency|center|centre|institute|"
    r"observatory))\s+"
    rf"(?:{ADVERB}\s+)?(?:{VERBS})\b"
)
# "According to this N.Y. Ledger story", "according to a Reuters report": the paper.
ACC_STORY = re_compile(
    rf"\b[Aa]ccording\s+to\s+(?:this|that|an?|the)\s+(?P<who>{_NAME})\s+"
    # "According to an NYPD release", "according to an MWEB update" (sixth round)
    r"(?:story|report|article|piece|interview|investigation|release|press\s+release|update|"
    # (not "post": "according to the Denver post" is the paper, its name in lower case)
    r"statement|bulletin|tweet|filing|memo|announcement)\b"
)
# "a message from the Central Board for Roads and Railways of Moldova
# said", "the resolution of the Central Water Board released on Monday said":
# the body whose text it is (the name may hold "for" and "and").
DOCUMENT_OF = re_compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:message|resolution|decree|letter|notice|decision|declaration|"
    # "a report from ITV revealed" (round 19, post-hoc)
    r"memo|order|ruling|report)\s+(?:from|of|by)\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|for|and|the|de)){0,9}?)"
    r"(?:\s+(?:released|issued|published|sent|adopted)(?:\s+[\w’'-]+){0,3}?)?"
    r"\s+(?:said|says|stated|states|read|reads|announced|revealed|showed|shows)\b"
)
# "according to Palmer officials": officials of a place, unnamed.
GROUP_AFTER = re_compile(
    r"\s+(?:officials|sources|authorities|residents|experts|analysts|investigators|media|"
    r"press|reports?|news\s+reports?)\b"
)
# "According to the Turkmen constitution": a text, no voice.
DOCUMENT_AFTER = re_compile(
    r"\s+(?:constitution|law|laws|rules|charter|treaty|code|data|figures|statistics|census|"
    r"calendar|schedule|tradition|legend|bible|scripture)\b"
)
# "The spokesman for the Bureau of Lakes, Rivers, Canals and Harbours also said":
# a body's spokesperson speaks for it, and its name may hold commas.
SPOKESPERSON_FOR = re_compile(
    r"\bspokes(?:man|woman|person)\s+for\s+(?:the\s+)?(?P<who>[A-Z][^.;:“”\"]{1,80}?)\s+"
    r"(?:(?:also|later)\s+)?(?:said|says|told|added)\b"
)
# A noun of saying (round 18): "Acme's advice is to reboot the router", "news from
# Rangers GM Ole Brandt that the club made an offer" (not "news from Paris that day").
NOUN_OF_SAYING = re_compile(
    rf"(?P<who>{_NAME})['’]s\s+(?:(?:advice|view|position|message|warning|recommendation|"
    r"argument|contention|assessment|explanation)\s+(?:is|was)\s+(?:that|to)\b"
    # "light on Mr Vasso's statement that the shot bounced": a claim of his (seventh round)
    r"|(?:statement|claim|assertion|testimony|account)\s+that\b)"
    r"|\b(?:news|word|confirmation|assurance|warning|announcement)\s+from\s+"
    rf"(?:[A-Za-z.]+\s+){{0,6}}?(?P<who2>{_NAME})\s+that\s"
    r"(?!(?:day|night|morning|evening|afternoon|week|month|year|time|season)\b)"
    # "this week's announcement by the Guild that ballots go out" (eighth round; not "an
    # announcement by the Department that listed the bear": "that" opens a relative clause)
    rf"|\b(?:announcement|statement|warning)\s+by\s+(?:the\s+)?(?P<who3>{_NAME})\s+that\s+"
    r"(?!(?:[a-z]+ed|was|were|is|are|has|had|have|will|would|could|can|may)\b)"
)
# "China's Ministry of State Security said": a named body of its owner speaks
# (but "the Office of X's Web site": the owner; "Peru's transport
# ministry": lower case, unnamed).
OWNED_BODY = re_compile(
    r"^.+?['’]s\s+(?P<body>(?:[A-Z][\w-]*\s+)*?(?:Ministry|Department|Bureau|Commission|"
    r"Committee|Council|Agency|Police|Army|Navy|Court|Parliament|Congress)\b(?:\s+\S+){0,6})$"
)

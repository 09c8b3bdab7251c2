"""Attribution shapes added in the fifth speakers round, read by `attribution.sources`.

Each was missed on hand-checked ECB+ train/dev news (benchmarks/RESULTS-lenses.md,
"Speakers, fifth round"); each is a bounded alternation (no nested repetition of
unbounded parts), so a hostile line is read in linear time.
"""

from __future__ import annotations

import re

from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import ADVERB, NAME, ROLE_HEADS, THAT, VERBS, forms

# "in the words of Tom Vale", "in the words of coach Tom Vale" (fifth round)
WORDS_OF = re_compile(
    rf"\b[Ii]n\s+(?:the\s+)?(?:exact\s+|own\s+)?words\s+of\s+(?:[a-z][\w’'-]*\s+){{0,3}}?(?P<who>{NAME})"
)
# "Jon Wright - director of products at Acme - told the BBC": a role set off by dashes
DASHED = re_compile(
    rf"(?P<who>{NAME})\s+[-–—]\s+(?P<role>[^-–—.;:“”\"]{{3,140}}?)\s+[-–—]\s+"
    rf"(?:{ADVERB}\s+)?(?:(?:has|had)\s+)?(?:said|says|told|tells|added)\b"
)
# "which was first reported by Radar": the passive's agent told it (not "changes announced
# by X": a deed's)
REPORTED_BY = re_compile(
    r"\b(?:was|were|been|is|are|as)\s+(?:first\s+|initially\s+|originally\s+)?"
    rf"(?:reported|revealed|disclosed)\s+by\s+(?:the\s+)?(?P<who>{NAME})"
)
# "Per THR, the talks are delicate": the source of what follows (not "per cent": lower case)
# ("Per Capita Income": Latin)
PER = re_compile(
    rf"(?:^|[,;(]\s*)[Pp]er\s+(?!(?:Capita|Annum|Diem|Se)\b)(?:the\s+)?(?P<who>{NAME})(?=\s*,)"
)
# "According to information from NORDLINK the blackout was due to …"
ACC_INFO = re_compile(
    r"\b[Aa]ccording\s+to\s+(?:information|data|figures|details|estimates|numbers)\s+"
    rf"(?:(?:released|provided|published)\s+)?(?:from|by)\s+(?:the\s+)?(?P<who>{NAME})"
)
# "“…,” Lena Ortiz, a deputy county prosecutor said": the role's closing
# comma left out after a quote
QUOTE_NAME_ROLE = re_compile(
    rf"[”\"]\s*(?P<who>{NAME}),\s+(?P<role>(?:an?|the)\s+[^,;:“”\"]{{3,100}}?)\s+"
    r"(?:said|says|told|added)\b"
)
# "“…,” Kral maintained.": a verb that tells a claim only before "that" or a colon
# (reporting.THAT) tells the quote it closes (seventh round; not "Kral maintained the
# road.": an object follows)
QUOTE_THEN_THAT_VERB = re_compile(
    rf"[”\"]\s*(?P<who>{NAME})\s+(?:{'|'.join(forms(THAT))})\s*[.!]?\s*$"
)
# "K. Paul Brandt, MD, said", "Ana Kova, MD, the guild's chairwoman, said": a degree
# after the name, read as no role
POSTNOMINAL = re_compile(
    r",\s+(?:MD|M\.\s?D\.|Ph\.?\s?D\.?|DDS|RN|Esq\.?|QC|CPA|MBA|MP|OBE|CBE)(?=\s*,)"
)
# "KXLT - TV claims", "SKY - TV reports": a call sign and its medium, one name
SPACED_CALL_SIGN = re_compile(r"\b([A-Z]{2,})\s+-\s+(TV|FM|AM|Radio)\b")
# "Maltese prime minister Paul Zammit criticised …, saying": the name after the role
_ROLE_THEN_NAME = re_compile(
    r"\s+(?:[a-z][\w-]*\s+){1,4}(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)"
)


def saying_subject(text: str, m: re.Match[str]) -> str:
    """The subject of "X did Y, saying": X, or the name after X's role when X is only
    an adjective of it ("Maltese prime minister Paul Zammit", "Beat writer Nina
    Falk")."""
    after = _ROLE_THEN_NAME.match(text, m.end("who"))
    return after.group("who") if after and " " not in m.group("who") else m.group("who")


# A clause and its "saying" (moved here from attribution.py in the sixth round).
# "Prime Minister Ana Kos has brushed off calls to resign, saying ...".
SAYING = re_compile(
    r"^(?:(?:However|But|Meanwhile|Still|Yet),?\s+)?(?:[Tt]he\s+)?"
    r"(?P<who>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the)){0,6})\s+"
    r"(?:(?:has|had|also)\s+)?[a-z][^.;:“”\"]*?,\s+saying\b"
)
# "Transport pressed on after the Road Safety Board withdrew two limits,
# saying ...": the inner clause's subject says it.
SAYING_INNER = re_compile(
    # "…, but Hartley declined to cooperate, saying": a clause after "but" / ", and" too (not
    # "The Council for Trade and Development …, saying": a name's "and")
    r"(?:\b(?:after|when|as|because|while|since|but)|,\s+and)\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the)){0,6})\s+"
    r"(?:(?:has|had|also)\s+)?[a-z][^.;:“”\",]*?,\s+saying\b"
)
# "Left back Tom Van Dijk skipped training, ..., and said he is improving".
AND_SAID = re_compile(
    # "Okafor, who won the title in 2009, landed on Sunday and declared he was fit"
    rf"^(?P<subj>[^,;:“”\"]{{3,80}}?)(?:,\s+who\s[^;:“”\"]{{1,160}}?,)?\s+[a-z]+(?:ed|s)\b[^.;:“”\"]*?,?\s+(?:and|but)\s+"
    # "Mayor Dunn dropped in and “told a vicar that …": a quote opens before the verb
    r"[“\"]?(?:also\s+)?"
    rf"(?:{VERBS})\b"
)


# "Nordlink began to see faults on Sunday, which it said was due to …": a
# body opening the sentence is the "it" that said (sixth round; not a person's name)
IT_SAID = re_compile(
    rf"^(?:The\s+)?(?P<who>{NAME})\s+(?:(?:has|had|have)\s+)?[a-z]+\b[^.;:“”\"]{{0,200}}?,\s+"
    r"which\s+it\s+(?:later\s+)?(?:said|says|claimed|claims|reported|reports|blamed|blames)\b"
)
_PERSON_LIKE = re_compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+){1,2}")


def it_said(text: str) -> str | None:
    """The body "which it said" stands for: the name opening the sentence, if not a
    person's ("Tom Vale bought a car, which it said": no body)."""
    m = IT_SAID.match(text)
    if not m or _PERSON_LIKE.fullmatch(m.group("who")):
        return None
    return m.group("who")


# Sixth round: acronyms, press lines, opening adverbs.
# "the WHO said": an acronym of three to six capitals (not "US", "IT": words too).
ACRONYM = re_compile(r"[A-Z]{3,6}")
# "Nora Vance, Controller ITV Drama says:": a press line opening on the person's name.
LEAD_PERSON = re_compile(r"^(?P<who>[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z’'-]+)){1,3}),\s+")
# Its title: a role's word, then no person's name ("Controller ITV Drama", not
# "Chancellor Angela Merkel" after "In Germany,").
LEAD_TITLE = re_compile(
    r"(?i:(?:"
    + "|".join(sorted(ROLE_HEADS, key=lambda w: (-len(w), w)))
    + r")\.?)(?:\s+(?!(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+\b)[A-Z][\w&’'-]*|\s+of|\s+the){0,5}"
)
# Sentence adverbs a capitalised run may take in ("Later USGS said").
OPENING_ADVERBS = frozenset(
    ("Later", "Earlier", "Meanwhile", "However", "Also", "Still", "Separately", "Instead")
)

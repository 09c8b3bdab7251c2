"""Attribution shapes added in the eighth speakers round, read by `attribution.sources`.

Each was missed on the fresh train/dev round `tune23` or on texts of our own
(benchmarks/RESULTS-lenses.md, "speakers8"): a passive "described by X as", a
transcript's labelled quote ("Name/Role: “…”"), a headline-style "Name telling the
jury, “…”", a body's representatives ("Acme representatives said") and a body's
"announcement by X that".  Each is a bounded pattern (no nested repetition of
unbounded parts), so a hostile line is read in linear time.
"""

from __future__ import annotations

from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import ADVERB, NAME, VERBS

# "The changes were described by the Mercer administration as minor": the agent of a
# passive verb that tells a view ("were described in the past by X as")
# (not "X was described by witnesses as": lower case, no name)
DESCRIBED_BY = re_compile(
    r"\b(?:described|characteri[sz]ed|dismissed|hailed|branded)\s+"
    r"(?:(?:at|in)\s+(?:the|that)\s+(?:time|past)\s+)?by\s+(?:the\s+)?"
    rf"(?P<who>{NAME}(?:\s+(?:administration|government|campaign))?)\s+as\b"
)
# "Ada Fenn/Portside County Prosecutor: “We will prove it.”": a broadcast transcript's
# speaker, named with a slash and a role before the quote (at the sentence's start)
LABELLED_QUOTE = re_compile(rf"^(?P<who>{NAME})\s*/\s*(?P<role>[^/:;“”\"]{{2,80}}?)\s*:\s*[“\"]")
# "Fenn telling the jury, “The girl ran.”": a clause with a participle and its quote
# (the one told may hold a comma: "the nine man, three woman panel")
TELLING_QUOTE = re_compile(
    rf"^(?P<who>{NAME})\s+telling\s+(?:the|a|an|his|her|their)\s+[^.;:“”\"]{{1,60}}?,\s*[“\"]"
)
# "Dunmorites on Twitter reported": the people of a place (one word), a group, unnamed
DEMONYM = re_compile(r"[A-Z][a-z]+ites")
# "Sen. Paul Varga (D - Ore.), who …, said": a party tag spaced by the tokeniser, left out
# before the patterns read the sentence (the unspaced "(D-Ore.)" is read where it stands)
PARTY_TAG = re_compile(r"\s*\((?:D|R|I)\s+-\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)")
# "Veltrix representatives said": a body's representatives speak for it (the third
# test round's convention; "Palmer officials said", staff, stays unnamed)
REPRESENTATIVES = re_compile(
    rf"(?P<who>{NAME})\s+(?:representatives|spokespeople)\s+"
    rf"(?:(?:{ADVERB})\s+)?(?:(?:has|have|had)\s+)?(?:{VERBS})\b"
)
# "Representatives of Veltrix Systems said": the run a name finder reads as one name
REPRESENTATIVES_OF = re_compile(
    r"^(?:Representatives|Spokespeople|Spokesmen|Spokeswomen)\s+(?:of|for|from)\s+(?:the\s+)?"
)


def eighth_sources(text: str) -> list[tuple[str, str]]:
    """`(who, role)` of the eighth round's shapes in one sentence (raw names: the
    caller reads each through the name finder).

    Args:
        text: one sentence.
    """
    out: list[tuple[str, str]] = []
    if " by " in text and (m := DESCRIBED_BY.search(text)):
        out.append((m.group("who"), ""))
    if "/" in text and (m := LABELLED_QUOTE.match(text)):
        # no role: "Fenn's Attorney" would take a later "the district attorney says"
        out.append((m.group("who"), ""))
    if " telling " in text and (m := TELLING_QUOTE.match(text)):
        out.append((m.group("who"), ""))
    if "representatives " in text or "spokespeople " in text:
        out += [(m.group("who"), "") for m in REPRESENTATIVES.finditer(text)]
    return out

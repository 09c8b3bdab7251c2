"""Speakers read after the patterns of `attribution.py`, mostly when none named one.

"..., saying" (its subject), "Nolan made the announcement, stating that" (a late
clause), "“…,” Kral maintained." (a closing verb of `reporting.THAT`), "Nordlink
failed …, which it said", "TASR quoted the head of …, Ivo Kral, as saying" and
"Acme cut jobs and said" (two verbs, one subject).  Moved out of `attribution.py`
in the eighth speakers round: each reads the sentence whole, after the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from library.compare.detectors.text import entities
from library.compare.lenses import clauses
from library.compare.lenses.gates import WORDS
from library.compare.lenses.quoting import quoted_after_role
from library.compare.lenses.reporting import NOT_VOICES, TITLE_WORDS
from library.compare.lenses.said_forms import THAT_FORMS
from library.compare.lenses.shapes import (
    AND_SAID,
    QUOTE_THEN_THAT_VERB,
    SAYING,
    SAYING_INNER,
    it_said,
    saying_subject,
)
from library.compare.lenses.titles import split_title


def late_sources(
    text: str, out: list[tuple[str, str]], run: Callable[[re.Pattern[str]], bool]
) -> None:
    """Add to `out` the speakers of `text` the late forms name, in place.

    Args:
        text: one sentence (as `attribution` rewrote it).
        out: the `(name, role)` sources found so far: most forms here are read only
            when it is empty.
        run: whether a pattern's word gate lets it run on this sentence.
    """
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
    tail = WORDS.findall(text[-24:].lower())[-1:] if not out else []
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

"""The one quoted after a long role: "TASR quoted the head of the port authority,
Ivo Kral, as saying" (seventh speakers round).

`attribution._QUOTED` reads "quoted Jane Doe as saying" and "quoted rail spokesman
Tom Vale as saying": at most four words of role before the name.  A role set off by
commas ("the head of the port authority, Ivo Kral,") is longer; the name after it
is the one quoted.  The source that quotes is no voice of its own (the lens's
convention since the third round: "The Harbour Weekly quoted …" gives the one
quoted only), and neither is a pronoun ("quoted him as saying": voices.py).
"""

from __future__ import annotations

from library.compare.detectors.text import entities
from library.compare.lenses.pattern_cache import re_compile
from library.compare.lenses.reporting import NAME, NOT_VOICES, TITLE_WORDS

QUOTED_AFTER_ROLE = re_compile(
    r"\bquoted\s+(?!(?:him|her|them|it)\b)(?:(?:the|a|an|its|his|her)\s+)?"
    rf"(?P<role>[^,;:“”\"]{{1,80}}?),\s+(?P<who>{NAME}),?\s+as\s+(?:saying|telling)\b"
)


def quoted_after_role(text: str) -> list[tuple[str, str]]:
    """The people one sentence quotes after a role set off by commas, as `(name, role)`."""
    out: list[tuple[str, str]] = []
    for m in QUOTED_AFTER_ROLE.finditer(text):
        names = entities(m.group("who"))
        if not names:
            continue
        name = names[-1]
        if name.lower() in NOT_VOICES or name.split()[-1].lower().rstrip(".") in TITLE_WORDS:
            continue
        out.append((name, m.group("role").strip()))
    return out

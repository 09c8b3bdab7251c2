"""A hostile line must not hang the Voices lens: its reading stays linear.

Before, every "said X" of a line was checked against every source found before
it and each check searched the whole line up to it, so a 1 MB line of ", said
Ab" took minutes; now the checks look at a bounded window and an over-long line
is read in pieces (`attribution._PIECE`).
"""

from __future__ import annotations

import pytest

from library.compare.lenses import voices
from library.compare.lenses.attribution import anonymous, sources
from library.compare.mentions import Mentions
from library.compare.model import Unit

MB = 1_000_000


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "line",
    [
        ", said Ab" * (MB // 9),  # an inverted "said X" again and again
        "Ab " * (MB // 3) + "said",  # one capitalised run a name could start anywhere in
        "a" * MB + " said",  # one word with no space to cut at
        # the third speakers round's shapes: an age and a role, a person from a body,
        # a role before a quoted name, a speech act's guard
        "Ab, 45, a b, said " * (MB // 18),
        "Ab from Ab relief agency the said " * (MB // 34),
        "quoted a b c Ab as saying " * (MB // 26),
        "Ab accused the Ab agreed with the " * (MB // 34),
        "a message from the Ab for Ab and Ab of " * (MB // 39) + "said",  # a body's text
        "the a b, Ab, and the c d, Ab, " * (MB // 31) + "said",  # a pair after roles
        # the fourth round's clause subject: an opening phrase, a description, names and
        # a long appositive before the verb; a letter's words
        "In a b, The a b, Ab - Cd and Ef, head of a b for Ab, " * (MB // 52) + "said",
        "Ab's letter continued, the letter read, expressed unhappiness " * (MB // 62),
        # the fifth round's: "in the words of", "announced the identities of", "cited … to
        # back up his claim that", "who has promised", a quote between "and" and the verb
        "in the words of a b c Ab " * (MB // 25),
        "Ab announced the plans announced the " * (MB // 37) + "of",
        "Ab cited a b claim " * (MB // 19) + "that",
        "Ab, who has Ab, who had " * (MB // 24) + "said",
        "Ab stopped and “ " * (MB // 16) + "told",
        "Ab - a b c - " * (MB // 13) + "said",  # a role between dashes
        "was first reported by Ab " * (MB // 25),
        ", said 17 - year - old Ab" * (MB // 25),
        "Ab Cd spoke" + ", revealing on a b c" * (MB // 20) + " that said",  # a participle
        ", per Ab Cd" * (MB // 11) + ",",
        "according to data from Ab Cd " * (MB // 30),
        "” Ab, a b c d, Ab, MD, said Dr. " * (MB // 33),  # a role left open, a degree
        # the sixth round's: a list of places after "Residents of", a press line's title,
        # "which it said", a body's release, gates on a line of verbs
        "Residents of " + "Ab Cd, " * (MB // 7) + "Ef and Gh told",
        "Ab Cd, Controller " + "Ab " * (MB // 3) + "says:",
        "Ab started " + "a b " * (MB // 4) + ", which it said",
        "according to an Ab Cd release " * (MB // 30),
        "said told says " * (MB // 15),
    ],
    ids=[
        *("said-x", "capitals", "one-word", "age-role", "from-body", "quoted-role"),
        *("speech-act", "document-of", "role-pair", "clause-subject", "letter"),
        *("words-of", "announced-object", "cited-claim", "who-has", "and-quote"),
        *("dashed-role", "reported-by", "age-inverted", "participle", "per", "acc-info"),
        "quote-role-degree",
        *("residents-list", "press-line", "which-it", "release", "verbs"),
    ],
)
def test_a_one_megabyte_line_is_read_in_bounded_time(line: str) -> None:
    found = sources(line)
    anonymous(line)
    assert all(len(name) < 200 for name, _role in found)


@pytest.mark.timeout(60)
def test_the_voices_lens_reads_a_long_line_with_a_voice_in_it() -> None:
    line = "Jane Roe said the road was shut. " + "x " * (MB // 8) + "Mark Diaz said it was open."
    units = (Unit(0, line, 0, len(line)),)
    found, _ = voices.build(units, units, Mentions.build(line, line))
    assert {v.name for v in found} >= {"Jane Roe", "Mark Diaz"}


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "line",
    [
        "Ab released a b statement " + "a b " * (MB // 4),  # a statement, words after
        "Ab " + "said a and " * (MB // 11),  # a lone opening word, then many "and"
        "one a b c man who " * (MB // 18) + "says",  # a person described
    ],
    ids=["issued", "lone-subject", "described"],
)
def test_the_opening_speaker_checks_read_a_long_line_in_bounded_time(line: str) -> None:
    units = (Unit(0, line, 0, len(line)), Unit(1, "“Yes.”", len(line) + 1, len(line) + 7))
    voices.build(units, (), Mentions.build(line, ""))

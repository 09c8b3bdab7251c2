"""`count_words`: the ASCII shortcut counts as the general rule does."""

from __future__ import annotations

import re

import pytest

from library.article import CJK_CHAR, count_words


def _general(text: str) -> int:
    # The rule for any text: each CJK character one word, then \w+ runs.
    return len(CJK_CHAR.findall(text)) + len(re.findall(r"\w+", CJK_CHAR.sub(" ", text)))


@pytest.mark.parametrize(
    "text",
    [
        "The Rivermoor ferry left at 9:45, carrying 1,204 passengers.",
        "snake_case words, don't split; e-mail—and   spaces\tand\nlines",
        "",
        "   ",
        "Mixed 国家安全部 text with 12 words",
    ],
)
def test_count_words_matches_the_general_rule(text: str) -> None:
    assert count_words(text) == _general(text)


def test_ascii_text_counts_runs_of_word_characters() -> None:
    assert count_words("Mayor Ilsa Varn's 3rd term: 2031-2035.") == 8


def test_ascii_counts_match_the_general_rule_whatever_the_bytes() -> None:
    # The ASCII path splits translated bytes: every control character, mark
    # and digit between the letters must count as the pattern counts it.
    import random

    rng = random.Random(17)
    alphabet = [chr(c) for c in range(128)] + list("aZ_ 9'-") * 8
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(60))
        assert count_words(text) == _general(text), text


def test_text_with_marks_beyond_ascii_counts_as_the_general_rule() -> None:
    # Curly quotes, dashes and ellipses stand in as "?" for the ASCII path;
    # any letter or digit beyond ASCII (é, ß, ², ١, 国) keeps the general rule.
    import random

    from library.article import ascii_stand_in

    rng = random.Random(23)
    marks = list("\u2019\u201c\u201d\u2014\u2013\u2026\u00a0\u00d7\u00f7\u3002\u00b7\ud800")
    letters = list("\u00e9\u00df\u00b2\u0661\u56fd\u00c0\u024f\u0250")
    ascii_part = [chr(c) for c in range(32, 127)] + ["\n", "\t"] + list("Quay quay 12 ") * 4
    for pool in (ascii_part + marks, ascii_part + marks + letters):
        for _ in range(2000):
            text = "".join(rng.choice(pool) for _ in range(40))
            assert count_words(text) == _general(text), repr(text)
    assert ascii_stand_in("It\u2019s \u201cshut\u201d \u2014 now") == b"It?s ?shut? ? now"
    assert ascii_stand_in("Caf\u00e9") is None and ascii_stand_in("2 \u00d7 3") is None


def test_every_character_beyond_ascii_counts_as_the_general_rule() -> None:
    # One text per code point (the BMP, and a few beyond): a mark the ASCII
    # path takes as "?" must not be one the general rule counts (kana marks
    # such as the middle dot U+30FB are CJK characters there).
    points = [*range(0x80, 0x10000), 0x1F642, 0x20000, 0x2A6D6, 0xE0001, 0x10FFFF]
    for point in points:
        char = chr(point)
        text = f"Quay{char}pier {char}{char} 12"
        assert count_words(text) == _general(text), hex(point)

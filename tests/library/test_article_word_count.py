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

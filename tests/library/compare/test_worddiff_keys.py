"""The word diff keys each piece by its slice of the whole text's key (one fold per text)."""

from __future__ import annotations

import pytest

from library.compare import worddiff
from library.compare.worddiff import word_diff
from tests.helpers import record_calls

# Invented: a traditional and a simplified copy with full-width letters and marks,
# and an English pair, so folding, the marks map and plain words all take part.
PAIRS = (
    (
        "臨海縣議會週一以７票對２票通過「渡輪停航」決定，ＡＢＣ電台報導。",
        "临海县议会周一以7票对3票通过“渡轮停航”决定，ABC电台报导。",
    ),
    (
        "Mayor Ilse Quandt said the Osterbrook ferry lost 340,000 euros.",
        "The Osterbrook ferry lost 430,000 euros, Mayor Ilse Quandt said!",
    ),
    ("", "Only one side has words."),
)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_keys_from_the_whole_text_give_the_diff_of_keys_per_piece(
    a: str, b: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = word_diff(a, b)
    original = worddiff._key

    def per_piece(text: str) -> str:
        # A whole text's key comes back a character short, so every piece is keyed alone.
        key = original(text)
        return key[:-1] if text in (a, b) and text else key

    monkeypatch.setattr(worddiff, "_key", per_piece)
    assert word_diff(a, b) == fast


def test_each_text_is_folded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = PAIRS[0]
    seen = record_calls(monkeypatch, worddiff, "_key")
    word_diff(a, b)
    assert seen == [a, b]

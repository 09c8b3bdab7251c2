"""`search_index.index_form` spaces out symbols exactly as `symbol_pattern` would.

The form is what the search index holds; the delete trigger re-derives it, so
any difference from the pattern's substitution would leave stale terms.
"""

from __future__ import annotations

import pytest

from library.chinese import index_text
from library.search_index import index_form, symbol_chars, symbol_pattern

TEXTS = [
    "Plain ASCII text of Rivermoor, with 12 numbers.",
    "“Curly quotes” and an em dash — only, no symbol at all.",
    "Coffee☕time at 25°C, ©2031 Harbin Lantern Co.™ 🙂🙂 done",
    "Symbols side by side: ☕☕°°©🙂 and again ☕ at the end☕",
    "Mixed 國家 and ★ stars ★★ with £4 and €5 ½ price ®",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_symbols_spaced_as_the_pattern_does(text: str) -> None:
    folded = index_text(text)
    assert folded is not None
    expected = folded if folded.isascii() else symbol_pattern().sub(r" \g<0> ", folded)
    assert index_form(text) == expected


def test_symbol_set_is_the_pattern_class() -> None:
    chars = symbol_chars()
    assert "☕" in chars and "°" in chars and "🙂" in chars
    assert "’" not in chars and "é" not in chars
    # Every member matches the pattern, and its neighbours outside the set do not.
    pattern = symbol_pattern()
    assert all(pattern.fullmatch(c) for c in chars)
    outside = {chr(ord(c) + 1) for c in chars} - chars
    assert not any(pattern.fullmatch(c) for c in outside)

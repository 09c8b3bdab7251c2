"""Control characters and terminal escapes kept in a body are never read as words."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.controls import blank_controls


def test_blanking_keeps_every_offset() -> None:
    text = "killed \x1b[31m5 people\x1b[0m \x1b]0;title\x07 on\x0cMonday\x85."
    blank = blank_controls(text)
    assert len(blank) == len(text)
    assert "\x1b" not in blank and "\x0c" not in blank and "\x85" not in blank
    assert blank.split() == ["killed", "5", "people", "on", "Monday", "."]
    plain = "Line one.\n\tLine two.\r\n"
    assert blank_controls(plain) is plain  # tab, newline and CR stay; nothing copied


def test_an_escape_sequence_is_not_a_count_and_does_not_hide_one() -> None:
    a = "The fire killed \x1b[31m5 people\x1b[0m on Monday, police said."
    b = "The fire killed 7 people on Monday, police said."
    result = compare_texts(a, b)
    numbers = result.to_dict()["lenses"]["numbers"]
    counted = [n for n in numbers if n.get("a") or n.get("b")]
    assert all(str(n.get("unit", "")).strip() != "m" for n in counted)
    said = repr(numbers)
    assert "0m" not in said and "31m" not in said
    (pair,) = result.pairs
    assert pair.relation == "divergent"
    assert any("5 people" in c.explanation and "7 people" in c.explanation for c in pair.conflicts)

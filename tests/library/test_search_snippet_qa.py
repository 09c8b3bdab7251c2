"""Search snippets mark a number as typed (issue #11 QA): 1.2億, not [1].[2億]."""

from __future__ import annotations

from library.search_snippet import snippet_for

MARKS = ("[", "]")


def test_a_decimal_or_a_date_is_one_mark() -> None:
    assert snippet_for("案件涉及金額約1.2億港元。", "1.2亿", MARKS) == "案件涉及金額約[1.2億]港元。"
    assert snippet_for("增长3.5%的经济", "3.5%", MARKS) == "增长[3.5]%的经济"
    assert snippet_for("on 2022-10-13 he left", "2022-10-13", MARKS) == "on [2022-10-13] he left"


def test_words_apart_stay_marked_apart() -> None:
    assert snippet_for("李家超（John Lee）昨日", "John Lee", MARKS) == "李家超（[John] [Lee]）昨日"
    assert snippet_for("a, b and c", "a b", MARKS) == "[a], [b] and c"

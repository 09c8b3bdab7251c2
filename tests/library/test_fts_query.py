import sqlite3

import pytest

from library.errors import InvalidQuery
from library.fts_query import parse_query

HOSTILE = [
    '"unbalanced',
    "AND",
    "OR NOT",
    "spy*",
    "-minus",
    "title:spies",
    "(group",
    "^caret",
    "NEAR(a b)",
    'a "b c" d"',
    "C++ & co.",
    "'single'",
]


@pytest.fixture
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    conn.executemany(
        "INSERT INTO t(body) VALUES (?)",
        [("spies and AND operators",), ("title: minus spy",), ("NEAR group caret",)],
    )
    return conn


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_a_valid_fts_query(fts: sqlite3.Connection, text: str) -> None:
    query = parse_query(text)
    fts.execute("SELECT * FROM t WHERE t MATCH ?", [query.fts]).fetchall()


def test_operators_are_plain_words(fts: sqlite3.Connection) -> None:
    rows = fts.execute("SELECT body FROM t WHERE t MATCH ?", [parse_query("AND").fts]).fetchall()
    assert rows == [("spies and AND operators",)]


def test_trailing_star_keeps_prefix_search(fts: sqlite3.Connection) -> None:
    rows = fts.execute("SELECT body FROM t WHERE t MATCH ?", [parse_query("spi*").fts]).fetchall()
    assert rows == [("spies and AND operators",)]


def test_balanced_phrase_stays_a_phrase() -> None:
    assert parse_query('"Li Zhaozong" office').fts == '"Li Zhaozong" "office"'


@pytest.mark.parametrize("text", ["", "   ", '"', "***", "-:()"])
def test_no_words_is_a_clear_error(text: str) -> None:
    with pytest.raises(InvalidQuery, match="type at least one word"):
        parse_query(text)


def test_cjk_terms_need_substring_search() -> None:
    assert parse_query("保密局").needs_substring_search
    assert not parse_query("bureau").needs_substring_search

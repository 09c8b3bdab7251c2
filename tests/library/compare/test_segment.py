"""Segmentation edge cases for the comparison engine."""

from __future__ import annotations

import pytest

from library.compare.segment import segment


def texts(body: str) -> list[str]:
    return [u.text for u in segment(body)]


@pytest.mark.parametrize(
    "body",
    [
        "The U.S. Army said on Jan. 5 that it would leave.",
        "Dr. Smith of St. Thomas paid 3.5 million dollars for it.",
        "Yao Yuan, a professor at the University of St. Thomas, spoke on Jan. 5.",
    ],
)
def test_abbreviations_and_decimals_do_not_split(body: str) -> None:
    assert texts(body) == [body]


def test_sentences_split_and_offsets_point_into_body() -> None:
    body = 'He said "We are done." Then he left.\n\nPrices rose 2.5% on Monday. Nobody knew why.'
    units = segment(body)
    assert [u.text for u in units] == [
        'He said "We are done."',
        "Then he left.",
        "Prices rose 2.5% on Monday.",
        "Nobody knew why.",
    ]
    for u in units:
        assert body[u.start : u.end] == u.text
    assert [u.id for u in units] == [0, 1, 2, 3]


def test_headline_and_caption_without_full_stop_stand_alone() -> None:
    body = (
        "Storm Hits Coast, Thousands Evacuated\n\n"
        "Waves break on the pier. (Photo: Jane Doe/Agency)\n\n"
        "The storm reached the coast on Tuesday. It moved north."
    )
    got = texts(body)
    assert got[0] == "Storm Hits Coast, Thousands Evacuated"
    assert "The storm reached the coast on Tuesday." in got
    assert "It moved north." in got


def test_cjk_sentence_enders() -> None:
    body = "我们今天去了北京。天气很好！你呢？"
    assert texts(body) == ["我们今天去了北京。", "天气很好！", "你呢？"]
    for u in segment(body):
        assert body[u.start : u.end] == u.text


def test_units_without_words_are_dropped() -> None:
    assert texts("***\n\nReal sentence here.\n\n—") == ["Real sentence here."]


def test_empty_text() -> None:
    assert segment("") == ()

"""Readers kept by text (`text_memo.py`) answer as uncached, and hand back nothing stale."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from library.compare import compare_texts, text_memo
from library.compare.detectors.text import entities
from library.compare.lenses import antecedent, voices
from library.compare.lenses.antecedent import bodies
from library.compare.lenses.attribution import sources
from library.compare.lenses.unnamed import anonymous
from library.compare.units import unit_terms

SENTENCES = (
    "Harlan Voss, a spokesman for the Dunmore Water Board, said the Keldby reservoir held "
    "41 billion litres.",
    "“We will reopen the Tarn bridge in May,” Mayor Petra Lindqvist told the Orrin Gazette.",
    "Analysts believe the merger of Tarnwell Foods and Brisco Mills will close by June.",
    "Proposals from the Kelby council were late, according to Ines Marlow.",
    "The Ostrava Rail Company says 3,400 passengers were stranded.",
)

READERS: tuple[text_memo.Listed[Any, Any], ...] = (sources, entities, unit_terms, bodies, anonymous)


@pytest.fixture(autouse=True)
def _empty() -> None:
    text_memo.clear()


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
def test_kept_answer_is_the_uncached_answer(reader: text_memo.Listed[Any, Any]) -> None:
    for text in SENTENCES:
        first, again = reader(text), reader(text)  # the second is read from the cache
        assert first == again == reader.uncached(text)
    assert reader.cache_size() == len(SENTENCES)


def test_the_readers_find_what_the_sentences_hold() -> None:
    # Not vacuous: the sentences have sources, names, bodies and an unnamed voice.
    assert ("Petra Lindqvist", "Mayor") in sources(SENTENCES[1])
    assert "Tarnwell Foods" in entities(SENTENCES[2])
    assert anonymous(SENTENCES[2]) == ["Analysts believe"]
    assert bodies(SENTENCES[4]) == ["Ostrava Rail Company"]


def test_a_keyword_argument_is_part_of_the_key() -> None:
    text = "Proposals from the Kelby council were late."
    inside = entities(text)
    opening = entities(text, at_start=True)
    assert inside == entities.uncached(text) == ["Proposals", "Kelby"]
    assert opening == entities.uncached(text, at_start=True) == ["Kelby"]


def test_editing_an_answer_does_not_edit_the_next() -> None:
    found = sources(SENTENCES[0])
    found.append(("Nobody", ""))
    found[0] = ("Somebody Else", "")
    assert sources(SENTENCES[0]) == sources.uncached(SENTENCES[0])


def test_an_edited_sentence_is_read_anew() -> None:
    before = sources(SENTENCES[1])
    edited = SENTENCES[1].replace("Petra Lindqvist", "Jonas Brekke")
    after = sources(edited)
    assert after == sources.uncached(edited)
    assert after != before and ("Jonas Brekke", "Mayor") in after


def test_clear_forgets_every_answer() -> None:
    for reader in READERS:
        reader(SENTENCES[0])
    text_memo.clear()
    assert [r.cache_size() for r in READERS] == [0] * len(READERS)


ARTICLE_A = " ".join(SENTENCES[:3]) + "\n\n" + " ".join(SENTENCES[3:])
ARTICLE_B = (
    "Harlan Voss, a spokesman for the Dunmore Water Board, said the Keldby reservoir held "
    "38 billion litres. Mayor Petra Lindqvist told the Orrin Gazette the Tarn bridge would "
    "reopen in June.\n\nThe Ostrava Rail Company says 3,100 passengers were stranded."
)


def _dump(a: str, b: str) -> str:
    return json.dumps(compare_texts(a, b).to_dict(), sort_keys=True)


def test_a_comparison_opened_again_or_with_an_edited_article_is_the_cold_one() -> None:
    cold = _dump(ARTICLE_A, ARTICLE_B)
    assert _dump(ARTICLE_A, ARTICLE_B) == cold  # every sentence read from the caches
    edited = ARTICLE_B.replace("Harlan Voss", "Mira Okafor")
    warm = _dump(ARTICLE_A, edited)  # A's sentences cached, B's edited one new
    text_memo.clear()
    assert warm == _dump(ARTICLE_A, edited)
    assert "Mira Okafor" in warm and warm != cold


KEPT = (antecedent.unquoted, antecedent._plain, voices._descriptions)
DESCRIBED = "The company said the Tarn bridge was safe, the mayor's spokesman said."
# More sentences than the 8 these readers used to keep.
MANY = (*SENTENCES, DESCRIBED, *(f"Ward {k} of Kelby voted, the clerk said." for k in range(6)))


def _plainly(answer: Any) -> Any:
    """Matches compared by what they matched (a match object equals only itself)."""
    if isinstance(answer, tuple):
        return tuple(_plainly(x) for x in answer)
    return (answer.span(), answer.groupdict()) if isinstance(answer, re.Match) else answer


@pytest.mark.parametrize("reader", KEPT, ids=lambda r: r.__name__)
def test_kept_immutable_answers_are_the_uncached_ones(reader: Any) -> None:
    assert voices._descriptions(DESCRIBED)  # not vacuous: this one has descriptions
    text_memo.clear()
    for text in MANY:
        first, again = _plainly(reader(text)), _plainly(reader(text))
        assert first == again == _plainly(reader.__wrapped__(text))
    # Kept for every sentence, not only the last few (the window opens the article again).
    assert reader.cache_info().currsize == len(MANY)
    text_memo.clear()
    assert reader.cache_info().currsize == 0


def test_a_whole_article_is_read_but_not_kept() -> None:
    article = " ".join([SENTENCES[0]] * (text_memo.LONGEST // len(SENTENCES[0]) + 1))
    assert entities(article) == entities.uncached(article) != []
    assert entities.cache_size() == 0  # the article's text is not held by the cache
    entities(SENTENCES[0])
    assert entities.cache_size() == 1


@pytest.mark.parametrize("reader", KEPT, ids=lambda r: r.__name__)
def test_a_unit_as_long_as_an_article_is_read_but_not_kept(reader: Any) -> None:
    # A line with no sentence end (a pasted table, a data dump) is one unit, whole;
    # these caches keep 16,384 answers, and `unquoted` answers a copy as long: every
    # such text the window compared stayed in memory after it let the article go.
    unit = " ".join([DESCRIBED.rstrip(".")] * (text_memo.LONGEST // len(DESCRIBED) + 1))
    assert _plainly(reader(unit)) == _plainly(reader.__wrapped__(unit))
    assert reader.cache_info().currsize == 0
    reader(DESCRIBED)
    assert reader.cache_info().currsize == 1

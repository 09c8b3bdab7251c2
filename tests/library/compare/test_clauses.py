"""Sub-sentence facts: a clause of a long sentence told alone by the other article (issue #9)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from library.compare import clauses
from library.compare.align import Match, align
from library.compare.backends import SemanticBackend
from library.compare.clauses import ClauseScores, clause_pairs, only_attribution, split
from library.compare.idf import IdfTable
from library.compare.similarity import pair_score, refine
from library.compare.units import terms
from tests.library.compare.fakes import FakeEncoder, FixedScores

THRESHOLD = 0.47

LONG = (
    "Valdane, who turns 31 on June 4, has scored more than 20 goals and "
    "15 assists in each of his five league seasons, while keeping a .540 shot rate."
)
SHORT = "Valdane will be 31 in June."


def test_split_cuts_at_clause_seams_and_carries_a_short_subject() -> None:
    assert split(LONG) == (
        "Valdane turns 31 on June 4, has scored more than 20 goals and "
        "15 assists in each of his five league seasons",
        "keeping a .540 shot rate",
    )
    # A headline's kicker before a colon is dropped, not carried.
    assert split("Dunhill barn blaze: Man charged with burning stables and sheds") == (
        "Man charged with burning stables and sheds",
    )
    assert split("The fire spread quickly; residents of four streets were evacuated.") == (
        "The fire spread quickly",
        "residents of four streets were evacuated",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The suspended co - workers returned to the plant on Monday morning.",  # spaced hyphen
        "Posted March 14, 2016 at 03: 47 pm by the desk editor today",  # a time
        "One sentence with no seam at all in it.",
    ],
)
def test_split_leaves_units_without_a_seam_whole(text: str) -> None:
    assert split(text) == ()


def test_attribution_is_no_claim() -> None:
    assert only_attribution(", police said.")
    assert only_attribution("Bush said.")
    assert not only_attribution(SHORT)  # names and a number, no claim word: still a claim
    assert not only_attribution("Cyclist Charged With DUI, Reckless Endangerment")
    assert not clauses.tells_a_claim("Lena Forsby, also from the research office, said")
    assert clauses.tells_a_claim("residents of four streets were evacuated")


def _scores(texts_a: list[str], texts_b: list[str], cos: float = 0.5) -> ClauseScores:
    ta, tb = [terms(t) for t in texts_a], [terms(t) for t in texts_b]
    idf = IdfTable.from_term_lists([*ta, *tb])
    return ClauseScores(texts_a, texts_b, idf, lambda i, j: cos, 0.3)


def test_a_clause_scores_higher_against_its_partner_than_the_whole_sentence() -> None:
    a = [LONG, "Valdane met the Hornets owner in Ohio last week."]
    b = [SHORT, "The Hornets made an offer to Valdane."]
    got = _scores(a, b)
    ta, tb = terms(LONG), terms(SHORT)
    idf = got.idf
    whole = refine(0.7 * pair_score(ta, tb, idf) + 0.3 * 0.5, ta, tb, idf)
    score, text = got.best(0, 0)
    assert text.startswith("Valdane turns 31")
    assert score > whole


def test_clause_scores_are_silent_between_articles_about_other_people() -> None:
    a = [
        "Anna Berg of Oslo, who was 41, died in the crash on the E6 near Moss.",
        "Police chief Lars Dahl spoke.",
    ]
    b = [
        "Maria Costa died in the crash on the A1 near Porto; police closed the road.",
        "Mayor Rui Silva spoke at Braga.",
    ]
    got = _scores(a, b)
    assert not got.story
    assert got(0, 0) == 0.0


def _pairs(
    clause: Callable[[int, int], float] | None,
    *,
    rank: float = THRESHOLD - 0.1,
    sure: int = 1,
    shape: tuple[int, int] = (3, 3),
    consistent: bool = True,
    free: bool = True,
) -> list[tuple[int, int, float]]:
    cands = (np.array([1]), np.array([2]), np.array([rank]))
    return clause_pairs(
        clause,
        cands,
        THRESHOLD,
        sure=sure,
        shape=shape,
        free=lambda i, j: free,
        is_consistent=lambda i, j: consistent,
    )


def test_clause_pairs_let_in_a_sure_clause() -> None:
    assert _pairs(lambda i, j: clauses.CUT) == [(1, 2, THRESHOLD - 0.1)]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"clause": None},  # a backend without clause scores
        {"clause": lambda i, j: clauses.CUT - 0.01},  # no clause is sure
        {"consistent": False},  # a conflict or a differing count
        {"free": False},  # a unit already paired
        {"sure": 0},  # no pair cleared the cut: maybe two events
        {"shape": (30, 40)},  # one sure pair in thirty units: maybe two events
        {"rank": THRESHOLD - clauses.MARGIN - 0.01},  # the pair as a whole too weak
        {"rank": THRESHOLD},  # over the cut: the other rules' business
    ],
)
def test_clause_pairs_let_nothing_in_without_all_their_conditions(
    kwargs: dict[str, object],
) -> None:
    args: dict[str, object] = {"clause": lambda i, j: 0.9, **kwargs}
    assert _pairs(**args) == []  # type: ignore[arg-type]


def test_clause_pairs_take_each_unit_once_best_clause_first() -> None:
    cands = (np.array([0, 0, 1]), np.array([0, 1, 1]), np.array([0.4, 0.4, 0.4]))
    score = {(0, 0): 0.5, (0, 1): 0.6, (1, 1): 0.55}
    got = clause_pairs(
        lambda i, j: score[(i, j)],
        cands,
        THRESHOLD,
        sure=1,
        shape=(2, 2),
        free=lambda i, j: True,
        is_consistent=lambda i, j: True,
    )
    assert got == [(0, 1, 0.4)]


def _align(
    texts: tuple[list[str], list[str]],
    cells: dict[tuple[int, int], float],
    clause: Callable[[int, int], float] | None,
) -> list[Match]:
    """`align` on fixed scores (`cells`) with these clause scores and no paraphrase head."""
    ta, tb = [terms(t) for t in texts[0]], [terms(t) for t in texts[1]]
    shape = (len(ta), len(tb))
    return align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        backend=FixedScores(cells, shape, THRESHOLD, same=None, clause=clause, merge_floor=0.3),
        texts_a=texts[0],
        texts_b=texts[1],
        is_consistent=lambda i, j: True,
    )


@pytest.mark.parametrize(("clause", "joins"), [(0.6, True), (0.3, False), (None, False)])
def test_align_lets_in_a_free_pair_when_a_clause_tells_the_other_unit(
    clause: float | None, joins: bool
) -> None:
    texts = ["The Hornets made an offer.", LONG]
    texts_b = ["Boston offered a contract.", SHORT]
    # A0~B0 sure; A1~B1 under the threshold, with a clause score for A1~B1.
    cells = {(0, 0): 0.9, (1, 1): 0.35}
    matches = _align((texts, texts_b), cells, None if clause is None else (lambda i, j: clause))
    assert Match((0,), (0,), 0.9) in matches
    assert (Match((1,), (1,), 0.35, True) in matches) is joins


def test_semantic_backend_offers_clause_scores_unless_told_not_to() -> None:
    texts_a, texts_b = [LONG], [SHORT]
    ta, tb = [terms(t) for t in texts_a], [terms(t) for t in texts_b]
    idf = IdfTable.from_term_lists([*ta, *tb])
    on = SemanticBackend(FakeEncoder()).scores(texts_a, texts_b, ta, tb, idf)
    assert isinstance(on.clause, ClauseScores)
    assert on.clause(0, 0) > 0
    off = SemanticBackend(FakeEncoder(), clauses=False).scores(texts_a, texts_b, ta, tb, idf)
    assert off.clause is None


def test_attribution_tails_are_left_out_of_clause_scores() -> None:
    assert clauses.without_attribution("Marlowe said in a statement.") == ""
    assert (
        clauses.without_attribution("the second round's on me, \" Marlowe said in a statement")
        == "the second round's on me"
    )
    # What was said stays: a verb of speech followed by its claim.
    assert clauses.without_attribution("Police said the driver fled.") == (
        "Police said the driver fled"
    )
    # Two quotes of one speaker share only "X said in a statement": no clause score.
    got = _scores(
        ['"I am thrilled to be presenting once more, " Marlowe said in a statement.'],
        ["As people like to say – the second round's on me, \" Marlowe said in a statement."],
    )
    assert got(0, 0) < clauses.CUT


@pytest.mark.parametrize(
    ("clause", "joins"),
    [(clauses.SECOND_CUT, True), (clauses.SECOND_CUT - 0.01, False)],
)
def test_a_free_unit_joins_a_paired_unit_that_tells_it_in_one_clause(
    clause: float, joins: bool
) -> None:
    texts = [LONG, "Snow fell over Boston all night.", SHORT]
    texts_b = [LONG.replace("Valdane", "Jon Valdane")]
    # A0~B0 sure; A2 scores under the threshold with B0 only (B0 is taken).
    matches = _align((texts, texts_b), {(0, 0): 0.9, (2, 0): 0.35}, lambda i, j: clause)
    assert Match((0,), (0,), 0.9) in matches
    assert (Match((2,), (0,), 0.35, True) in matches) is joins

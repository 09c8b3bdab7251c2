"""Paraphrases a little under the threshold: let in only as each other's best partner,
with the claim's own words shared and no rival names (`support.tells_same_claim`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from library.compare.align import align
from library.compare.idf import IdfTable
from library.compare.support import (
    article_names,
    claim_words,
    foreign_names,
    names_shared,
    names_someone_else,
    same_story,
    tells_same_claim,
)
from tests.library.compare.fakes import FixedScores


def test_claim_words_are_lower_case_content_words() -> None:
    got = claim_words("Ann Reyes, 43, was charged with murder on Friday.")
    assert "murder" in got
    assert not {"ann", "reyes", "friday", "43"} & got


def test_same_claim_in_other_words() -> None:
    a = "The ministry has become more outspoken, frequently discussing security issues."
    b = "The ministry, once quiet, has become unusually prominent, frequently addressing security."
    assert tells_same_claim(a, b, a, b)


def test_a_shared_name_and_age_alone_is_not_one_claim() -> None:
    a = "Norma Dorsey, 52, got into a scuffle with two neighbours on Friday."
    b = "Norma Dorsey, 52, is charged with assault."
    assert not tells_same_claim(a, b, a, b)


def test_rival_names_are_two_events_of_one_kind() -> None:
    a = "The frigate Tamar carried out the anti-smuggling patrol in the strait, the navy said."
    b = "This is the third anti-smuggling patrol carried out by the frigate Kestrel in the strait."
    assert foreign_names(a, b) == {"Tamar"}
    assert not tells_same_claim(a, b, a, b)
    # A name the other article uses elsewhere is no rival ("CCP’s" / "CCP's").
    assert foreign_names("He said the CCP’s bureau spoke.", "The CCP's bureau") == set()


def test_a_day_only_one_article_gives_is_a_detail_not_a_rival() -> None:
    # A dates the blast, B names the police force that reports it: one claim.
    a = "A bomb went off at a Brindle bank late Friday, killing a guard and a bomb technician."
    b = "Harrow County Police say a bomb blast at the Brindle bank killed a guard and a technician."
    article_a = a + " The bank stayed shut."
    article_b = b + " Harrow County Police asked for witnesses."
    assert foreign_names(a, article_b) == {"Friday"}
    assert foreign_names(b, article_a) == {"County", "Police"}
    assert tells_same_claim(a, b, article_a, article_b)
    # A day against another day is two dates: still apart.
    b_day = "On Tuesday a bomb blast at the Brindle bank killed a guard and a technician."
    assert not tells_same_claim(a, b_day, article_a, b_day)
    # ... and so it is when the other day comes beside the other side's extra name.
    b_both = b.replace("killed", "on Tuesday killed")
    assert foreign_names(b_both, article_a) == {"County", "Police", "Tuesday"}
    assert not tells_same_claim(a, b_both, article_a, article_b)
    # A look-alike with another named person on each side stays apart.
    a_who = "Ivo Marsh said the bomb at the Brindle bank killed a guard and a technician."
    b_who = "Lena Ostrova said the bomb at the Brindle bank killed a guard and a technician."
    assert not tells_same_claim(a_who, b_who, a_who, b_who)


def test_a_name_written_without_its_accent_is_the_same_name() -> None:
    # One outlet keeps the accent, the other drops it: one square, no rival.
    a = "Thieves rammed a van into the jeweller near Place Tolède at dawn."
    b = "The raid near Place Tolede was the third this spring."
    assert foreign_names(a, b) == set()
    assert foreign_names(b, a) == set()
    # A different square stays a rival.
    assert foreign_names(a, "The raid near Place Marbeuf was the third.") == {"Tolède"}


# Two quakes of one kind, told by two outlets about different places and people.
QUAKE_A = (
    "A strong earthquake struck Tolo Bay in Sulawesi on Tuesday, the Meteorology Agency said. "
    "Residents of Poso and Luwuk fled their homes, said Agus Salim of the Red Cross. "
    "The quake damaged several buildings, officials said."
)
QUAKE_B = (
    "A strong earthquake struck off Aceh province in Sumatra on Friday, the Geophysics Bureau "
    "said. Residents of Banda and Meulaboh fled their homes, said Nina Wirahadi of the relief "
    "agency. The quake damaged several buildings, officials said."
)


def test_article_names_skip_sentence_openings() -> None:
    names = article_names("The quake hit Sulawesi. Residents fled, said Agus Salim.")
    assert names == {"sulaw", "agus", "salim"}  # not "The" nor "Residents"


def test_articles_about_different_events_vouch_for_no_paraphrase() -> None:
    # The sentence pair alone would pass: same claim words, no name on either side.
    a = b = "The quake damaged several buildings, officials said."
    assert tells_same_claim(a, b, a, b)
    shared = names_shared(QUAKE_A, QUAKE_B)
    assert shared is not None and shared < 0.08
    assert not same_story(QUAKE_A, QUAKE_B)
    assert not tells_same_claim(a, b, QUAKE_A, QUAKE_B)
    # The same event told twice shares its names; too few names say nothing.
    assert same_story(QUAKE_A, QUAKE_A.replace("Tuesday", "Wednesday"))
    assert names_shared("It rained. It stopped.", "Rain fell.") is None


def _backend(matrix: Sequence[Sequence[float]]) -> FixedScores:
    """Scores as given, refined by word order as lexical ones are."""
    return FixedScores.grid(
        matrix, same=None, merge_floor=0.0, paraphrase_margin=0.08, prerefined=False
    )


def _align(matrix: Sequence[Sequence[float]], ok: bool = True) -> list[tuple[object, ...]]:
    n_a, n_b = len(matrix), len(matrix[0])
    terms_a = [[f"a{i}"] for i in range(n_a)]
    terms_b = [[f"b{j}"] for j in range(n_b)]
    idf = IdfTable.from_term_lists([*terms_a, *terms_b])
    got = align(terms_a, terms_b, idf, backend=_backend(matrix), is_paraphrase=lambda i, j: ok)
    return [(m.a, m.b, m.paraphrase) for m in got]


def test_mutual_best_paraphrase_under_the_threshold_aligns() -> None:
    assert _align([[0.42, 0.30]]) == [((0,), (0,), True)]
    # Without the support of shared claim words it does not.
    assert _align([[0.42, 0.30]], ok=False) == []
    # Too far under the threshold.
    assert _align([[0.38, 0.30]]) == []


def test_paraphrase_needs_mutual_best_and_is_never_merged() -> None:
    # B0 prefers A1 (0.44 > 0.42): A0~B0 is not let in, A1~B0 is; the merge
    # floor 0 would let a neighbour join a surer pair, never a paraphrase.
    assert _align([[0.42], [0.44]]) == [((1,), (0,), True)]


def test_best_partner_is_counted_among_units_the_sure_pairs_left_free() -> None:
    # A0~B0 is sure; A1's best partner overall is B0, but among free units it is
    # B1, whose best free partner is A1.
    assert _align([[0.50, 0.44], [0.45, 0.41]]) == [((0,), (0,), False), ((1,), (1,), True)]


def test_a_claim_across_sentences_takes_a_paraphrase_pairs_unit() -> None:
    from library.compare.engine import compare

    a = "Prosecutors unsealed a 48-page indictment against Ellen Quist."
    b = (
        "Ellen Quist denied every count in the 47-page indictment, her lawyer said.\n"
        "Prosecutors unsealed the indictment against Ellen Quist."
    )
    # A0~B1 is let in under the threshold as a paraphrase; A0 and B0 are never
    # scored as candidates, yet they state different page counts of one indictment.
    backend = _backend([[0.0, 0.42]])
    got = compare(a, b, backend=backend, threshold=backend.threshold)
    assert [(p.a, p.b, p.relation) for p in got.pairs] == [((0,), (0,), "divergent")]
    assert got.pairs[0].conflicts[0].explanation == "A: 48-page indictment · B: 47-page indictment"


def test_semantic_backend_damps_pairs_between_articles_about_other_events() -> None:
    from library.compare.backends import OTHER_STORY, SemanticBackend
    from library.compare.segment import segment
    from library.compare.units import terms
    from tests.library.compare.fakes import FakeEncoder

    texts_a = [u.text for u in segment(QUAKE_A)]
    texts_b = [u.text for u in segment(QUAKE_B)]
    ta, tb = [terms(t) for t in texts_a], [terms(t) for t in texts_b]
    idf = IdfTable.from_term_lists([*ta, *tb])
    damped = SemanticBackend(FakeEncoder()).scores(texts_a, texts_b, ta, tb, idf)
    plain = SemanticBackend(FakeEncoder(), other_story=1.0).scores(texts_a, texts_b, ta, tb, idf)
    assert OTHER_STORY < 1.0
    assert np.allclose(damped.rank.toarray(), OTHER_STORY * plain.rank.toarray())
    assert np.array_equal(damped.gate.toarray(), plain.gate.toarray())
    # One event told twice keeps its scores.
    same_b = [t.replace("Tuesday", "Wednesday") for t in texts_a]
    tb2 = [terms(t) for t in same_b]
    idf2 = IdfTable.from_term_lists([*ta, *tb2])
    kept = SemanticBackend(FakeEncoder()).scores(texts_a, same_b, ta, tb2, idf2).rank.toarray()
    full = SemanticBackend(FakeEncoder(), other_story=1.0).scores(texts_a, same_b, ta, tb2, idf2)
    assert np.allclose(kept, full.rank.toarray())


def test_names_someone_else_reads_a_name_that_opens_the_sentence() -> None:
    own = "Lions tackle Ivo Brandt was held on Sunday.\nBrandt failed a breath test."
    other = "Lions receiver Tom Varga was held on Sunday.\nVarga failed a breath test."
    assert names_someone_else("Brandt failed a breath test.", own, other)
    # A capitalised opening word that is no name in its own article says nothing.
    assert not names_someone_else("Police held him on Sunday.", own, other)
    # A name the other article gives too is no rival.
    assert not names_someone_else("Brandt failed a breath test.", own, own)

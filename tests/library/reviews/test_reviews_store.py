"""Reviews through `Collection`: stored in notes.db, re-applied after re-import and rebuild."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from library.collection import Collection
from library.compare.model import Comparison
from library.errors import DatabaseReadOnly, NotFound
from library.paths import LIBRARY_DB
from library.reviews import InvalidReview

from .conftest import Pair


def pair_index(comparison: Comparison, words: str) -> int:
    """The machine pair whose A side contains `words`."""
    for index, pair in enumerate(comparison.pairs):
        text = " ".join(comparison.a.units[i].text for i in pair.a)
        if words in text:
            return index
    raise AssertionError(f"no pair with {words!r}")


def unit_of(comparison: Comparison, side: str, words: str) -> int:
    units = comparison.a.units if side == "a" else comparison.b.units
    return next(u.id for u in units if words in u.text)


def test_round_trip_both_orders(two: Pair) -> None:
    col = two.collection
    comparison = col.compare(two.a, two.b)
    pier = pair_index(comparison, "new pier")
    catch = pair_index(comparison, "halved")
    confirmed = col.set_review(two.a, two.b, comparison, pair=pier, judgement="confirm").value
    changed = col.set_review(
        two.a, two.b, comparison, pair=catch, relation="related", reason="Different years"
    ).value
    assert (confirmed.verdict, confirmed.relation) == ("confirmed", comparison.pairs[pier].relation)
    assert (changed.verdict, changed.relation, changed.reason) == (
        "changed",
        "related",
        "Different years",
    )

    # Judging a pair again replaces its review; nothing piles up.
    rejected = col.set_review(two.a, two.b, comparison, pair=pier, judgement="reject").value
    assert rejected.id == confirmed.id and rejected.verdict == "rejected"
    assert rejected.relation == "unrelated"

    mayor, tourists = unit_of(comparison, "a", "mayor"), unit_of(comparison, "b", "Tourists")
    linked = col.link(
        two.a, two.b, comparison, a_units=[mayor], b_units=[tourists], relation="related"
    ).value
    assert linked.verdict == "linked" and linked.machine_relation is None

    reviewed = col.reviewed(two.a, two.b, comparison)
    counts = reviewed.counts
    assert (counts.reviewed, counts.rejected, counts.changed, counts.linked) == (2, 1, 1, 1)
    assert counts.machine_only == len(comparison.pairs) - 2
    assert reviewed.relation(pier) == "unrelated" and reviewed.relation(catch) == "related"
    assert [(r.a, r.b) for r in reviewed.user_pairs] == [((mayor,), (tourists,))]

    # Seen from B, the same reviews, turned around.
    flipped = col.reviewed(two.b, two.a, col.compare(two.b, two.a))
    assert flipped.counts == counts
    assert [(r.a, r.b) for r in flipped.user_pairs] == [((tourists,), (mayor,))]

    # A new Collection (another process) reads the same from notes.db.
    other = Collection(col.data_dir, seed=False)
    try:
        again = other.reviewed(two.a, two.b, other.compare(two.a, two.b))
        assert [r.review for r in again.reviews] == [r.review for r in reviewed.reviews]
    finally:
        other.close()

    assert col.clear_reviews(two.a, two.b, comparison, pair=pier).value == 1
    assert col.clear_reviews(two.a, two.b, comparison).value == 2
    assert col.reviews_for(two.a, two.b) == []


def test_bad_requests_say_why(two: Pair) -> None:
    col = two.collection
    comparison = col.compare(two.a, two.b)
    with pytest.raises(NotFound, match="No pair 99"):
        col.set_review(two.a, two.b, comparison, pair=99, judgement="confirm")
    with pytest.raises(InvalidReview):
        col.set_review(two.a, two.b, comparison, pair=0)
    with pytest.raises(NotFound, match="Unit 99 on side B"):
        col.link(two.a, two.b, comparison, a_units=[0], b_units=[99], relation="same")
    with pytest.raises(InvalidReview, match="reject"):
        col.link(two.a, two.b, comparison, a_units=[3], b_units=[3], relation="unrelated")


def test_new_version_moves_the_review_and_a_lost_passage_is_detached(two: Pair) -> None:
    col = two.collection
    comparison = col.compare(two.a, two.b)
    pier = pair_index(comparison, "new pier")
    review = col.set_review(two.a, two.b, comparison, pair=pier, judgement="confirm").value
    old_start = review.a.anchor.start

    a2 = two.new_version()
    assert a2.id != review.a.article_id  # a new version, a new id
    second = col.compare(a2, two.b)
    reviewed = col.reviewed(a2, two.b, second)
    (applied,) = reviewed.reviews
    assert applied.status == "applied" and applied.pair == pair_index(second, "new pier")
    moved = applied.review.a
    assert moved.anchor.start > old_start and not moved.detached
    assert a2.body[moved.anchor.start : moved.anchor.end] == review.a.anchor.quote
    assert moved.ref.hash == a2.content_hash

    a3 = two.rewritten()
    third = col.compare(a3, two.b)
    (kept,) = col.reviewed(a3, two.b, third).reviews
    assert kept.status == "detached" and kept.review.detached and kept.pair is None
    assert kept.review.a.anchor.quote == review.a.anchor.quote  # the quote is kept
    assert col.reviewed(a3, two.b, third).counts.detached == 1
    # Listed among all reviews, never dropped.
    assert [r.uid for r in col.reviews.all()] == [review.uid]


def test_library_rebuilt_review_waits_then_reattaches(
    data_dir: Path, tmp_path: Path, importer: Callable[[Collection, Path], Pair]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    col = Collection(data_dir, seed=False)
    two = importer(col, folder)
    comparison = col.compare(two.a, two.b)
    review = col.set_review(two.a, two.b, comparison, pair=0, judgement="confirm").value
    col.close()

    (data_dir / LIBRARY_DB).unlink()  # the library is rebuilt; notes.db stays
    col = Collection(data_dir, seed=False)
    try:
        (waiting,) = col.reviews.all()
        assert waiting.uid == review.uid and waiting.waiting
        # Only B back: still waiting, and not lent to whatever has A's old id.
        b = col.library.get(col.import_paths([two.path_b]).results[0].article.id)
        assert b is not None
        (waiting,) = col.reviews.all()
        assert waiting.a.article_id is None and waiting.b.article_id == b.id
        a = col.library.get(col.import_paths([two.path_a]).results[0].article.id)
        assert a is not None
        (back,) = col.reviewed(a, b, col.compare(a, b)).reviews
        assert back.status == "applied" and back.pair == 0 and back.review.uid == review.uid
    finally:
        col.close()


def test_read_only_open_refuses_writes(two: Pair) -> None:
    col = two.collection
    comparison = col.compare(two.a, two.b)
    col.set_review(two.a, two.b, comparison, pair=0, judgement="confirm")
    reader = Collection(col.data_dir, seed=False, read_only=True)
    try:
        assert len(reader.reviewed(two.a, two.b, comparison).reviews) == 1
        with pytest.raises(DatabaseReadOnly):
            reader.set_review(two.a, two.b, comparison, pair=1, judgement="reject")
        with pytest.raises(DatabaseReadOnly):
            reader.clear_reviews(two.a, two.b, comparison)
    finally:
        reader.close()
    assert len(col.reviews_for(two.a, two.b)) == 1


def test_read_only_file_refuses_with_one_line(two: Pair) -> None:
    col = two.collection
    comparison = col.compare(two.a, two.b)
    path = col.data_dir / "notes.db"
    # Opened here: an import whose files no note names leaves notes.db uncreated.
    assert col.notes.path == path
    col.close()
    os.chmod(path, stat.S_IRUSR)
    reader = Collection(col.data_dir, seed=False)
    try:
        with pytest.raises(DatabaseReadOnly) as raised:
            reader.set_review(two.a, two.b, comparison, pair=0, judgement="confirm")
        assert "\n" not in str(raised.value) and "notes.db" in str(raised.value)
    finally:
        reader.close()
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_articles_outside_the_library_see_reviews_of_their_exact_text(two: Pair) -> None:
    # `parallax compare FILE FILE` without --add reads files without storing them (no id).
    col = two.collection
    comparison = col.compare(two.a, two.b)
    col.set_review(two.a, two.b, comparison, pair=0, judgement="reject")
    loose_a, loose_b = replace(two.a, id=None), replace(two.b, id=None)
    (seen,) = col.reviewed(loose_b, loose_a, col.compare(loose_b, loose_a)).reviews
    assert seen.status == "applied" and seen.review.verdict == "rejected"
    assert seen.review.waiting  # no library ids to show


def test_reimport_rewrites_the_review_on_the_new_version(two: Pair) -> None:
    col = two.collection
    comparison = col.compare(two.a, two.b)
    pier = pair_index(comparison, "new pier")
    review = col.set_review(two.a, two.b, comparison, pair=pier, judgement="confirm").value
    a2 = two.new_version()
    stored = col.reviews.get(review.id)  # as stored, not placed on reading
    assert stored.a.ref.hash == a2.content_hash and not stored.a.detached
    assert a2.body[stored.a.anchor.start : stored.a.anchor.end] == review.a.anchor.quote
    assert stored.b == col.reviews.get(review.id).b  # B untouched
    two.rewritten()
    gone = col.reviews.get(review.id)
    assert gone.a.detached and gone.a.ref.hash == a2.content_hash  # kept, with its quote
    assert gone.a.anchor.quote == review.a.anchor.quote


def test_clearing_a_hand_link_leaves_the_review_of_the_pair_it_overlaps(two: Pair) -> None:
    col = two.collection
    comparison = col.compare(two.a, two.b)
    pier = pair_index(comparison, "new pier")
    machine = comparison.pairs[pier]
    fishermen = unit_of(comparison, "b", "Local fishermen")  # the next sentence of B
    col.set_review(two.a, two.b, comparison, pair=pier, judgement="confirm")
    # The pier sentences plus one more of B: a link of its own, over the machine pair.
    wider = sorted({*machine.b, fishermen})
    col.link(two.a, two.b, comparison, a_units=machine.a, b_units=wider, relation="related")
    assert col.reviewed(two.a, two.b, comparison).counts.linked == 1

    assert col.clear_reviews(two.a, two.b, comparison, a_units=machine.a, b_units=wider).value == 1
    (left,) = col.reviews_for(two.a, two.b)
    assert left.verdict == "confirmed"  # the pier's review was not swept away with the link
    # Units that are no link's own still clear the review of the pair they fall in.
    cleared = col.clear_reviews(two.a, two.b, comparison, a_units=machine.a, b_units=machine.b)
    assert cleared.value == 1
    assert col.reviews_for(two.a, two.b) == []

"""`apply_reviews`: pure, over a comparison made from two texts (no database)."""

from __future__ import annotations

import argparse

from library.cli_support import reads_only
from library.compare import compare_texts
from library.notes.anchoring import make_anchor
from library.notes.model import ArticleRef
from library.reviews import Review, ReviewSide, apply_reviews, units_in
from library.reviews.model import Relation, Verdict, relation_named

A = "The pier opens in May. Fishermen lost half their catch. The mayor thanked workers."
B = "The pier opens in June. Fishermen lost half their catch this year. Tourists will come."


def side(text: str, words: str, *, detached: bool = False) -> ReviewSide:
    start = text.index(words)
    anchor = make_anchor(text, start, start + len(words))
    return ReviewSide(ArticleRef(None, "hash"), anchor, (), detached, 1)


def review(
    id_: int, a: ReviewSide, b: ReviewSide, verdict: Verdict, relation: Relation, stamp: str
) -> Review:
    return Review(id_, f"u{id_}", a, b, relation, verdict, stamp, stamp, "same")


def test_reviews_judge_pairs_add_links_and_keep_the_rest() -> None:
    comparison = compare_texts(A, B)
    fish = next(i for i, p in enumerate(comparison.pairs) if 1 in p.a)
    # A passage inside one sentence still names that sentence's pair.
    older = review(1, side(A, "half their"), side(B, "Fishermen"), "confirmed", "same", "1")
    newer = review(2, side(A, "Fishermen"), side(B, "this year"), "changed", "related", "2")
    link = review(3, side(A, "mayor"), side(B, "Tourists"), "linked", "related", "3")
    lost = review(4, side(A, "mayor"), side(B, "Tourists"), "rejected", "unrelated", "4")
    gone = review(5, side(A, "pier", detached=True), side(B, "pier"), "confirmed", "same", "5")

    reviewed = apply_reviews(comparison, [link, newer, older, lost, gone])

    statuses = {r.review.id: r.status for r in reviewed.reviews}
    assert statuses == {1: "unmatched", 2: "applied", 3: "added", 4: "unmatched", 5: "detached"}
    assert reviewed.by_pair[fish].review.id == 2 and reviewed.relation(fish) == "related"
    counts = reviewed.counts
    assert (counts.reviewed, counts.changed, counts.linked, counts.detached) == (1, 1, 1, 1)
    assert counts.machine_only == len(comparison.pairs) - 1

    data = reviewed.to_dict()
    assert data["pairs"][fish]["review"]["verdict"] == "changed"
    assert data["user_pairs"] == [
        {"a": [2], "b": [2], "relation": "related", "review": data["user_pairs"][0]["review"]}
    ]
    assert data["summary"]["reviews"]["unmatched"] == 2
    assert data["a"] == comparison.to_dict()["a"]  # the machine's findings untouched


def test_units_in_ignores_the_space_between_sentences() -> None:
    comparison = compare_texts(A, B)
    first = comparison.a.units[0]
    assert units_in(comparison.a.units, first.start, first.end + 1) == (first.id,)
    assert units_in(comparison.a.units, first.end, first.end + 1) == ()


def test_relation_names_and_read_only_listing() -> None:
    assert relation_named("Not related") == relation_named("not-related") == "unrelated"
    listing = argparse.Namespace(command="review", review_command="list", refs=["1", "2"])
    assert reads_only(listing)
    assert not reads_only(argparse.Namespace(command="review", review_command="set"))


def test_export_sections_count_and_escape() -> None:
    from library.reviews.report import add_to_html, add_to_markdown, html_section, markdown_section

    comparison = compare_texts(A, B)
    fish = review(1, side(A, "Fishermen"), side(B, "Fishermen"), "rejected", "unrelated", "1")
    fish = fish.with_changes(reason="<script>alert(1)</script> *not* [x](y)")
    reviewed = apply_reviews(comparison, [fish])

    page = html_section(reviewed)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "1 reviewed (0 confirmed, 1 rejected, 0 changed)" in page
    text = markdown_section(reviewed)
    assert text.startswith("## Reviews") and "\\*not\\*" in text and "\\[x\\]\\(y\\)" in text
    page = add_to_html("<html><body><p>report</p></body></html>", reviewed)
    assert page.index("report") < page.index("Reviews") < page.index("</body>")
    assert add_to_markdown("# Report\n", reviewed).startswith("# Report\n\n## Reviews")

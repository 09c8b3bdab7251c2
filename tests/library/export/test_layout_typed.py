"""`ComparisonLayout` is built from the `Comparison` itself; a dict is read back into one first."""

from __future__ import annotations

import dataclasses
from typing import Any

from library.article import Article
from library.compare import compare_articles
from library.compare.from_dict import comparison_from_dict
from library.compare.model import Comparison
from library.export.layout import ComparisonLayout

A = Article(
    title="Flood",
    body=(
        "Heavy rain flooded the valley on November 9, officials said.\n\n"
        "About 4,000 people were moved to shelters.\n\n"
        "The mayor visited the town hall."
    ),
)
B = Article(
    title="Valley flood",
    body=(
        "Heavy rain flooded the valley on November 8, officials said.\n\n"
        "About 6,000 people were moved to shelters.\n\n"
        "Residents criticised the slow response."
    ),
)


def _without_scores(layout: ComparisonLayout) -> dict[str, Any]:
    # `to_dict()` rounds scores to 4 places: everything else must be identical.
    return {
        "titles": layout.titles,
        "units": layout.units,
        "emphasis": layout.emphasis,
        "conflict_spans": layout.conflict_spans,
        "only": layout.only,
        "pairs": [dataclasses.replace(p, score=round(p.score, 4)) for p in layout.pairs],
    }


def test_the_typed_path_and_the_json_path_lay_out_the_same() -> None:
    comparison = compare_articles(A, B)
    assert isinstance(comparison, Comparison)
    typed = ComparisonLayout.build(comparison)
    from_json = ComparisonLayout.build(comparison.to_dict())
    assert _without_scores(typed) == _without_scores(from_json)
    assert any(p.relation == "divergent" and p.conflicts for p in typed.pairs)
    assert typed.summary["divergent"] == comparison.summary.divergent
    assert typed.summary["overlap_a"] == comparison.summary.overlap_a
    # Read back, the contract is unchanged (lenses are not part of the layout).
    again = comparison_from_dict(comparison.to_dict()).to_dict()
    expected = comparison.to_dict()
    again.pop("lenses"), expected.pop("lenses")
    assert again == expected


def test_reading_a_dict_is_lenient_where_painting_stays_honest() -> None:
    data = {
        "a": {"title": "A", "units": [{"id": 0, "start": 0, "end": 5, "text": "Alpha"}]},
        "b": {"units": [{"id": 0, "start": 0, "end": 4}]},
        "pairs": [
            {"a": [0], "b": [0], "relation": "contested", "conflicts": [{"kind": "weather"}]},
            {"a": [0], "b": [7], "relation": "same"},  # a unit B does not have
        ],
    }
    comparison = comparison_from_dict(data)
    assert comparison.pairs[0].relation == "same"  # an unknown relation: the calmest
    assert comparison.pairs[0].conflicts[0].kind == "weather"  # shown by its name
    assert comparison.b.title == "" and comparison.summary.shared == 0
    layout = ComparisonLayout.build(data)
    assert len(layout.pairs) == 1  # the pair pointing at a missing unit is not painted
    assert layout.unit_at("a", 2) is not None and layout.unit_at("a", 2).pair == 0  # type: ignore[union-attr]

"""The JSON contract of engine v2: severity, explanation, related."""

from __future__ import annotations

from library.compare import compare_texts


def test_conflict_and_summary_json() -> None:
    d = compare_texts(
        "The council approved 12 new buses for Riverton on Monday.",
        "The council approved 14 new buses for Riverton on Monday.",
    ).to_dict()
    (pair,) = d["pairs"]
    assert pair["relation"] == "divergent"
    assert pair["conflicts"] == [
        {
            "kind": "number",
            "a": "12",
            "b": "14",
            "severity": "high",
            "material": True,
            "explanation": "A: 12 new buses · B: 14 new buses",
        }
    ]
    assert d["summary"]["related"] == 0
    assert set(d["summary"]) >= {"shared", "divergent", "related", "only_a", "only_b"}

"""Pure logic behind the comparison view: scroll mapping, navigation order, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.comparison.navigation import Navigator
from desktop.comparison.offsets import OffsetMap
from desktop.comparison.scroll_sync import anchor_points, map_y, monotonic_chain
from library.export import ComparisonLayout


def test_monotonic_chain_leaves_out_moved_passages() -> None:
    segments = [
        (0.0, 10.0, 0.0, 10.0),
        (20.0, 30.0, 500.0, 510.0),  # moved far down in B: would yank the mapping
        (40.0, 50.0, 40.0, 50.0),
        (60.0, 70.0, 80.0, 90.0),
    ]
    assert monotonic_chain(segments) == [segments[0], segments[2], segments[3]]
    assert monotonic_chain([]) == []


def test_map_y_interpolates_inside_pairs_and_between_them() -> None:
    points = anchor_points([(100.0, 200.0, 300.0, 500.0)], 1000.0, 1200.0)
    assert points[0] == (0.0, 0.0) and points[-1] == (1000.0, 1200.0)
    assert map_y(points, 150.0) == pytest.approx(400.0)  # halfway through the pair
    assert map_y(points, 50.0) == pytest.approx(150.0)  # halfway to the pair
    assert map_y(points, 400.0, reverse=True) == pytest.approx(150.0)
    assert map_y(points, 5000.0) == 1200.0  # clamped at the end


def test_navigator_walks_in_reading_order_without_wrapping() -> None:
    def unit(i: int) -> dict[str, object]:
        return {"id": i, "text": "x" * 9, "start": i * 10, "end": i * 10 + 9}

    def pair(a: int, b: int, rel: str) -> dict[str, object]:
        return {"a": [a], "b": [b], "relation": rel, "score": 1.0, "conflicts": [], "diff": []}

    data = {
        "a": {"title": "A", "units": [unit(i) for i in range(5)]},
        "b": {"title": "B", "units": [unit(i) for i in range(5)]},
        # Listed out of A order on purpose: navigation must follow A's order.
        "pairs": [pair(3, 0, "divergent"), pair(1, 4, "divergent"), pair(2, 2, "same")],
        "only_a": [0, 4],
        "only_b": [1, 3],
        "summary": {},
    }
    nav = Navigator(ComparisonLayout.build(data))
    assert nav.count("divergent") == 2 and nav.count("same") == 1
    first = nav.step("divergent", None, True)
    assert first == 1  # the pair at A unit 1
    assert nav.step("divergent", first, True) == 0
    assert nav.step("divergent", 0, True) is None
    assert nav.step("divergent", 0, False) == 1
    assert nav.step("divergent", None, True, origin=25) == 0  # starts where the reader is
    assert nav.step("same", 1, True) == 2  # from a divergence to the next shared fact


def test_offset_map_handles_characters_outside_the_bmp() -> None:
    text = "a😀b😀c"
    m = OffsetMap(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [m.to_body(m.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert m.to_body(2) == 1  # inside a surrogate pair: the character it splits
    plain = OffsetMap("plain")
    assert plain.to_qt(3) == 3 and plain.to_body(3) == 3


def test_export_file_name_comes_from_the_titles() -> None:
    from desktop.comparison.exporting import suggested_name

    name = suggested_name(["Flooding forces thousands from homes", "River bursts: banks!"], "md")
    assert name == "flooding-forces-thousands-from-vs-river-bursts-banks.md"
    assert suggested_name([], "html") == "comparison.html"


def test_export_dialog_opens_in_the_home_folder(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop.comparison.exporting import ask_save_path

    monkeypatch.setenv("HOME", str(tmp_path))
    offered: list[str] = []

    def fake(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "report"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    assert ask_save_path(None, "md", "a-vs-b.md") == tmp_path / "report.md"
    assert offered == [str(tmp_path / "a-vs-b.md")]

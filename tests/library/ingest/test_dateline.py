"""The publication date stated in the text: a date line or a dateline, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.ingest import read_article
from library.ingest.dateline import stated_date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Title\n\nPublished: 4 March 2024\n\nBody text.", "2024-03-04"),
        ("Title\nMarch 4, 2024\nBody.", "2024-03-04"),
        ("Title\nUpdated March 4, 2024 10:32 GMT\nBody.", "2024-03-04"),
        ("Title\nTuesday, March 4, 2024\nBody.", "2024-03-04"),
        ("Title\n2024-03-04\nBody.", "2024-03-04"),
        ("Title\nPosted on 2024-03-04T10:00:00Z\nBody.", "2024-03-04"),
        ("Title\nBy Jane Roe | March 4, 2024\nBody.", "2024-03-04"),
        ("标题\n2024年3月4日\n正文。", "2024-03-04"),
        ("LONDON — 4 March 2024: The bank said.", "2024-03-04"),
        ("WASHINGTON, March 4 (Reuters) - The Senate voted.", "March 4"),  # no year: as written
    ],
)
def test_a_stated_date_line_or_dateline_is_the_date(text: str, date: str) -> None:
    assert stated_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "On November 11 the bureau published an article.",  # an event, not the date
        "Title\nOn November 11, 2024 the bureau said so.",
        "The article cited, March 4 - no dateline.",
        "Title\nFebruary 30, 2024\nBody.",  # not a date
        "Title\n" + "\n".join(f"Line {i}" for i in range(10)) + "\nMarch 4, 2024",  # too far down
        "",
    ],
)
def test_anything_else_leaves_the_date_empty(text: str) -> None:
    assert stated_date(text) is None


def test_import_uses_the_stated_date_only_where_metadata_has_none(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Storm hits coast\nPublished: 9 November 2025\n\nThe storm came.\n")
    assert read_article(plain).published == "2025-11-09"
    stated = tmp_path / "stated.md"
    stated.write_text("---\npublished: 2025-11-10\n---\nMarch 4, 2024\n\nText.\n")
    assert read_article(stated).published == "2025-11-10"
    story = tmp_path / "story.txt"
    story.write_text("Bureau speaks\n\nOn November 11 the bureau published a warning.\n")
    assert read_article(story).published is None


def test_the_samples_state_no_date(sample_paths: list[Path]) -> None:
    for path in sample_paths:
        assert read_article(path).published is None

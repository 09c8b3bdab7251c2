"""The library table's columns: their order, headers, SQL sort keys, and how a row reads in each.

Kept apart from `LibraryModel` (which pages rows in and out) so the preview and
the tests can read a date or a column without the model's paging machinery.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from library.records import ArticleSummary


class Column(IntEnum):
    """The table's columns, in display order."""

    TITLE = 0
    OUTLET = 1
    DATE = 2
    WORDS = 3
    IMPORTED = 4


HEADERS = {
    Column.TITLE: "Title",
    Column.OUTLET: "Outlet",
    Column.DATE: "Date",
    Column.WORDS: "Words",
    Column.IMPORTED: "Imported",
}

#: The `Collection.page` sort key of each column.
SORT_KEYS = {
    Column.TITLE: "title",
    Column.OUTLET: "outlet",
    Column.DATE: "published",
    Column.WORDS: "word_count",
    Column.IMPORTED: "imported_at",
}


def format_date(value: str | None) -> str:
    """A stored ISO date or timestamp as a short local date ("2024-03-05"); "" if none."""
    return format_imported(value)


# Two imports on one day are told apart by their time.
IMPORTED_FORMAT = "%Y-%m-%d %H:%M"


def format_imported(value: str | None, fmt: str = "%Y-%m-%d") -> str:
    """An ISO timestamp as a local date (or with `fmt`, e.g. to the minute).

    Free-form dates from a source ("Spring 2024") are shown as written.
    """
    if not value:
        return ""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone()
    return parsed.strftime(fmt)


def display(row: ArticleSummary, column: Column) -> str:
    if column == Column.TITLE:
        return row.title
    if column == Column.OUTLET:
        return row.outlet or ""
    if column == Column.DATE:
        return format_date(row.published)
    if column == Column.WORDS:
        # A Chinese article's length is in characters: say so.
        return f"{row.word_count:,}" + (" chars" if row.counts_characters else "")
    return format_imported(row.imported_at, IMPORTED_FORMAT)


def tooltip(row: ArticleSummary, column: Column) -> str | None:
    if column == Column.TITLE:
        parts = [row.title]
        if row.author:
            parts.append(f"by {row.author}")
        if row.source_path:
            parts.append(row.source_path)
        return "\n".join(parts)
    if column == Column.DATE and row.published:
        return row.published
    if column == Column.IMPORTED:
        return f"Imported {format_imported(row.imported_at, IMPORTED_FORMAT)}"
    return None


def sort_value(row: ArticleSummary, column: Column) -> Any:
    """The value `column` sorts on (as SQL sorts it: text ignoring case)."""
    if column == Column.TITLE:
        return row.title.casefold()
    if column == Column.OUTLET:
        return (row.outlet or "").casefold()
    if column == Column.DATE:
        return row.published or ""
    if column == Column.WORDS:
        return row.word_count
    return row.imported_at or ""

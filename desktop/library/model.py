"""`LibraryModel`: the library's current articles as a Qt table model.

A real `QAbstractTableModel` over a plain list of `Article` records: the
database is read once per refresh (on the GUI thread, it is a single quick
query) and the rows are kept in memory, so painting never touches SQLite.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.text import plain_tooltip
from library.article import Article

AnyIndex = QModelIndex | QPersistentModelIndex


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

# Custom roles: the proxy sorts on SORT_ROLE so dates and numbers order
# correctly whatever their display text; views fetch the record with ARTICLE_ROLE.
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class _Row:
    article: Article
    words: int  # cached: counting words in every body on every paint is wasteful
    keys: tuple[Any, ...]  # sort key per column: the proxy asks for them O(n log n) times


# Word counts by content hash, kept across refreshes: counting is the slowest
# part of loading a large library, and an import changes only a few rows.
_WORD_COUNTS: dict[str, int] = {}


def _words(article: Article) -> int:
    count = _WORD_COUNTS.get(article.content_hash)
    if count is None:
        count = _WORD_COUNTS[article.content_hash] = article.word_count
    return count


def _row(article: Article) -> _Row:
    words = _words(article)
    keys = (
        article.title.casefold(),
        (article.outlet or "").casefold(),
        article.published or "",
        words,
        article.imported_at or "",
    )
    return _Row(article, words, keys)


def format_date(value: str | None) -> str:
    """A stored ISO date or timestamp as a short local date ("2024-03-05"); "" if none."""
    if not value:
        return ""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value  # free-form dates from the source are shown as written
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone()
    return parsed.strftime("%Y-%m-%d")


# Two imports on one day are told apart by their time.
IMPORTED_FORMAT = "%Y-%m-%d %H:%M"


def format_imported(value: str | None, fmt: str = "%Y-%m-%d") -> str:
    """An import timestamp as a local date (or with `fmt`, e.g. to the minute)."""
    if not value:
        return ""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone()
    return parsed.strftime(fmt)


class LibraryModel(QAbstractTableModel):
    """The current version of every article, one per row.

    Args:
        articles: initial rows (usually `library.articles()`).
        parent: owning QObject.
    """

    def __init__(self, articles: list[Article] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._row_of: dict[int, int] = {}
        if articles:
            self.set_articles(articles)

    # -- Qt model API --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        # A table has children only under the invisible root.
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == SORT_ROLE:  # first: sorting calls this most
            return row.keys[index.column()]
        article = row.article
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ARTICLE_ROLE:
            return article
        if role == ID_ROLE:
            return int(article.id) if article.id is not None else -1
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row, column)
            return plain_tooltip(tip) if tip else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.WORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {self._display(row, column) or 'none'}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.WORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- our API -------------------------------------------------------------

    def set_articles(self, articles: list[Article]) -> None:
        """Replace every row (after an import or removal)."""
        self.beginResetModel()
        self._rows = [_row(a) for a in articles]
        self._row_of = {int(r.article.id): i for i, r in enumerate(self._rows) if r.article.id}
        self.endResetModel()

    def articles(self) -> list[Article]:
        """Every row's article, in model order."""
        return [r.article for r in self._rows]

    def row_of(self, article_id: int) -> int | None:
        """The model row showing `article_id`, or None."""
        return self._row_of.get(article_id)

    # -- helpers -------------------------------------------------------------

    @staticmethod
    def _display(row: _Row, column: Column) -> str:
        article = row.article
        if column == Column.TITLE:
            return article.title
        if column == Column.OUTLET:
            return article.outlet or ""
        if column == Column.DATE:
            return format_date(article.published)
        if column == Column.WORDS:
            # A Chinese article's length is in characters: say so.
            return f"{row.words:,}" + (" chars" if row.article.counts_characters else "")
        return format_imported(article.imported_at, IMPORTED_FORMAT)

    @staticmethod
    def _tooltip(row: _Row, column: Column) -> str | None:
        article = row.article
        if column == Column.TITLE:
            parts = [article.title]
            if article.author:
                parts.append(f"by {article.author}")
            if article.source_path:
                parts.append(article.source_path)
            return "\n".join(parts)
        if column == Column.DATE and article.published:
            return article.published
        if column == Column.IMPORTED:
            return f"Imported {format_imported(article.imported_at, '%Y-%m-%d %H:%M')}"
        return None

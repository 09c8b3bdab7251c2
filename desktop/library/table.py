"""The library's article table: how it selects, sorts and sizes its columns.

`make_table` builds the `QTableView` the library page shows (whole rows
selected, sorted by import time, newest first, the title column taking the
room left); `fit_columns` widens the short columns to what the rows show.
Both measure about a screenful of rows (`FIT_ROWS`), never every row fetched.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.library.columns import Column

# A long outlet name is elided (its tooltip has it whole) rather than squeeze the titles.
OUTLET_MAX_WIDTH = 220
#: Rows `fit_columns` measures (about a screenful).
FIT_ROWS = 40
#: The columns sized to their content; the title stretches over the rest.
SHORT_COLUMNS = (Column.OUTLET, Column.DATE, Column.WORDS, Column.IMPORTED)


def make_table(model: QAbstractItemModel) -> QTableView:
    """The table over `model`: rows selected whole, sortable, newest import first."""
    table = QTableView()
    table.setObjectName("libraryTable")
    table.setAccessibleName("Articles")
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    # Rows are selected whole, so Tab moving cell to cell only trapped the
    # keyboard in the table: Tab leaves it, for the preview and the panels.
    table.setTabKeyNavigation(False)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    # Fit columns to about a screenful of rows, not the first 1,000 (Qt's
    # default): measuring 200 fetched rows held the GUI thread 0.2-0.4 s.
    for each in (header, table.verticalHeader()):
        each.setResizeContentsPrecision(FIT_ROWS)
    header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
    for column in SHORT_COLUMNS:
        # As narrow as the header; `fit_columns` widens each to its content.
        header.resizeSection(column, header.sectionSizeHint(column))
    table.sortByColumn(Column.IMPORTED, Qt.SortOrder.DescendingOrder)
    return table


def fit_columns(table: QTableView) -> None:
    """Widen the short columns to their content (never narrower than the user left them)."""
    header = table.horizontalHeader()
    for column in SHORT_COLUMNS:
        wanted = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        cap = OUTLET_MAX_WIDTH if column == Column.OUTLET else wanted
        header.resizeSection(column, max(header.sectionSize(column), min(wanted, cap)))

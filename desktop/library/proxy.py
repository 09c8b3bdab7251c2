"""`LibraryProxy`: sorting plus the full-text filter over `LibraryModel`.

The filter itself is computed by the library's FTS5 search (see
`LibraryView`); the proxy only keeps the rows whose article id is among the
hits, so the user's chosen sort order survives every keystroke.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from desktop.library.model import ID_ROLE, SORT_ROLE, Column


class LibraryProxy(QSortFilterProxyModel):
    """Sorts on `SORT_ROLE` and narrows to a set of article ids.

    Args:
        parent: owning QObject.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._allowed: frozenset[int] | None = None
        self.setSortRole(SORT_ROLE)
        # Re-sort when rows are reset after an import.
        self.setDynamicSortFilter(True)

    @property
    def filtering(self) -> bool:
        """Whether a search currently narrows the rows."""
        return self._allowed is not None

    def set_allowed_ids(self, ids: set[int] | frozenset[int] | None) -> None:
        """Show only these article ids; None shows every row."""
        new = None if ids is None else frozenset(ids)
        if new == self._allowed:
            return
        # Qt 6.10+: begin/endFilterChange replace the deprecated invalidateFilter.
        self.beginFilterChange()
        self._allowed = new
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._allowed is None:
            return True
        index = self.sourceModel().index(source_row, Column.TITLE, source_parent)
        return int(index.data(ID_ROLE)) in self._allowed

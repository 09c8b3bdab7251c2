"""`LibraryModel`: the library's current articles as a Qt table model, a page at a time.

It holds titles and metadata only (`ArticleSummary`, never a body) for the
rows fetched so far: the first page when a query runs, the next ones as the
user scrolls (`canFetchMore` / `fetchMore`).  Sorting and the search filter
are SQL (`Collection.page` / `count`: an FTS5 MATCH with a LIMIT and a
separate count), run through `run` (the window's task manager) so the GUI
thread never waits for them.  Each query has a generation number; a result
that arrives after a newer query was asked for is dropped, so the newest
keystroke always wins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.library.columns import HEADERS, SORT_KEYS, Column, display, sort_value, tooltip
from desktop.text import plain_tooltip
from library.records import ArticleSummary

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

#: Rows fetched at a time: a few screens' worth, so scrolling rarely waits.
PAGE_SIZE = 200


# Custom roles: views fetch the row's `ArticleSummary` with ARTICLE_ROLE, its
# id with ID_ROLE; SORT_ROLE is the value the column sorts by.
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
# The roles `data` answers.  Qt asks each cell for ~20 roles (fitting the
# columns to 40 rows at 10k articles: 6,400 calls, ≈ 40 ms on the GUI thread);
# the others are answered None before any work.
_SERVED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ARTICLE_ROLE,
        ID_ROLE,
        SORT_ROLE,
    )
)


class ListingSource(Protocol):
    """What the model reads: `Collection`'s listing methods (safe off the GUI thread)."""

    def page(
        self,
        offset: int = 0,
        limit: int | None = None,
        *,
        order_by: str = "imported_at",
        descending: bool = True,
        filter_query: str | None = None,
    ) -> list[ArticleSummary]: ...

    def count(self, filter_query: str | None = None) -> int: ...

    def position(
        self,
        article_id: int,
        *,
        order_by: str = "imported_at",
        descending: bool = True,
        filter_query: str | None = None,
    ) -> int | None: ...


#: Runs `job` somewhere, then `on_done(result)` or `on_error(exc)` on the GUI
#: thread: `TaskManager.run`, or `run_now` (tests, scripts).
Runner = Callable[
    [Callable[[], Any], Callable[[Any], None] | None, Callable[[BaseException], None] | None],
    object,
]


def run_now(
    job: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """A `Runner` that runs the job at once, on the calling thread."""
    try:
        result = job()
    except Exception as exc:
        if on_error is None:
            raise
        on_error(exc)
        return
    if on_done is not None:
        on_done(result)


# Records are named tuples, not dataclasses: a dataclass generates and compiles
# its methods' source at import (~0.5 ms of CPU each, before the first paint).
class ListingQuery(NamedTuple):
    """What the table lists: the search filter (None: everything) and the sort."""

    filter_query: str | None = None
    order_by: str = "imported_at"
    descending: bool = True


class _Loaded(NamedTuple):
    generation: int
    rows: list[ArticleSummary]
    total: int  # rows the query matches
    library_total: int  # current articles, filter or not


class LibraryModel(QAbstractTableModel):
    """The current version of every article, one per row, fetched in pages.

    Args:
        source: where rows come from (the `Collection`); None lists nothing.
        run: runs the queries off the GUI thread (`TaskManager.run`).
        parent: owning QObject.

    Signals:
        loaded(): a query's rows arrived (after `reload` or a new sort).
        failed(object): a query failed (the exception); the rows are unchanged.
    """

    loaded = Signal()
    failed = Signal(object)

    def __init__(
        self,
        source: ListingSource | None = None,
        run: Runner = run_now,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._run = run
        self._rows: list[ArticleSummary] = []
        self._row_of: dict[int, int] = {}
        self._total = 0
        self._library_total = 0
        self._query = ListingQuery()
        self._generation = 0
        self._busy = False  # a query or page is on its way: no second fetch
        self._reloading = False  # a query (not just a page) is on its way
        self._started = False  # a sort before the first reload only sets the order
        # What the reloads on their way were asked for (see `reload`).
        self._pending_keep = 0
        self._pending_find: list[int] = []
        self._pending_then: list[Callable[[], None]] = []

    # -- Qt model API --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        # A table has children only under the invisible root.
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED_ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return display(row, column)
        if role == ARTICLE_ROLE:
            return row
        if role == ID_ROLE:
            return int(row.id)
        if role == SORT_ROLE:
            return sort_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = tooltip(row, column)
            return plain_tooltip(tip) if tip else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.WORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {display(row, column) or 'none'}"
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` in SQL (the header's click); the selection stays on its articles."""
        if not 0 <= column < len(Column):
            return
        query = self._query._replace(
            order_by=SORT_KEYS[Column(column)],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        if query == self._query:
            return
        self._query = query
        if self._started:
            self.reload(keep=len(self._rows))

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._busy and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._source is None:
            return
        self._busy = True
        generation, query, offset, source = (
            self._generation,
            self._query,
            len(self._rows),
            self._source,
        )

        def job() -> list[ArticleSummary] | None:
            if generation != self._generation:
                return None  # a newer query was asked for before this ran
            return source.page(offset, PAGE_SIZE, **_page_args(query))

        def done(rows: list[ArticleSummary] | None) -> None:
            if rows is None or generation != self._generation:
                return
            # Still busy while the rows go in: a fetchMore from a slot of
            # rowsAboutToBeInserted must not start a second insertion.
            self._append(rows)
            self._busy = False

        self._run(job, done, lambda exc: self._failed(generation, exc))

    # -- our API -------------------------------------------------------------

    @property
    def query(self) -> ListingQuery:
        """What is listed now (or asked for, while a query runs)."""
        return self._query

    @property
    def loading(self) -> bool:
        """Whether a query is on its way (`reload`, a sort, a filter): its rows not in yet."""
        return self._reloading

    @property
    def total(self) -> int:
        """How many articles the query matches (rows not fetched yet included)."""
        return self._total

    @property
    def library_total(self) -> int:
        """How many current articles the library holds, whatever the filter."""
        return self._library_total

    def reload(
        self,
        *,
        keep: int = 0,
        find_ids: Sequence[int] = (),
        then: Callable[[], None] | None = None,
    ) -> None:
        """Run the query again (after an import, a removal, a new filter) in the background.

        Rows whose article is still listed keep their selection (their
        persistent indexes move with them).

        Args:
            keep: fetch at least this many rows (e.g. as many as were shown).
            find_ids: fetch far enough to include these articles' rows.
            then: called on the GUI thread once the rows are in.

        A reload asked for while another is on its way supersedes it (its
        result is dropped) but inherits what it was asked to do: its `keep`,
        `find_ids` and `then` (a restored sort must not lose the window's
        "select the first row" at start-up).
        """
        self._started = True
        self._generation += 1
        self._busy = self._reloading = True
        self._pending_keep = keep = max(keep, self._pending_keep)
        self._pending_find += [i for i in find_ids if i not in self._pending_find]
        if then is not None and then not in self._pending_then:
            self._pending_then.append(then)
        find_ids = list(self._pending_find)
        generation, query, source = self._generation, self._query, self._source

        def job() -> _Loaded | None:
            if generation != self._generation:
                return None  # superseded while queued: not worth running
            if source is None:
                return _Loaded(generation, [], 0, 0)
            total = source.count(query.filter_query)
            library_total = total if query.filter_query is None else source.count(None)
            limit = max(keep, PAGE_SIZE)
            for article_id in find_ids:
                at = source.position(article_id, **_page_args(query))
                if at is not None:
                    limit = max(limit, at + 1)
            rows = source.page(0, limit, **_page_args(query))
            return _Loaded(generation, rows, total, library_total)

        def done(result: _Loaded | None) -> None:
            if result is None or result.generation != self._generation:
                return
            self._reloading = False
            self._replace(result)  # busy meanwhile: no fetchMore inside the layout change
            self._busy = False
            callbacks = self._pending_then
            self._pending_keep, self._pending_find, self._pending_then = 0, [], []
            self.loaded.emit()
            for callback in callbacks:
                callback()

        self._run(job, done, lambda exc: self._failed(generation, exc))

    def set_filter(
        self,
        filter_query: str | None,
        *,
        keep: int = 0,
        find_ids: Sequence[int] = (),
        then: Callable[[], None] | None = None,
    ) -> None:
        """List only the articles matching `filter_query` (None: all), keeping the sort.

        As `reload` otherwise.
        """
        self._query = self._query._replace(filter_query=filter_query)
        self.reload(keep=keep, find_ids=find_ids, then=then)

    def summaries(self) -> list[ArticleSummary]:
        """The rows fetched so far, in model order."""
        return list(self._rows)

    def row_of(self, article_id: int) -> int | None:
        """The model row showing `article_id`, or None (not listed, or not fetched yet)."""
        return self._row_of.get(article_id)

    # -- helpers -------------------------------------------------------------

    def _replace(self, result: _Loaded) -> None:
        # A layout change, not a reset: the selection model's persistent
        # indexes are moved to their article's new row (or dropped), so the
        # selection survives a sort, a filter or a refresh.
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.row() < len(self._rows) else None for i in old]
        self._rows = list(result.rows)
        self._row_of = {int(r.id): i for i, r in enumerate(self._rows)}
        self._total = max(result.total, len(self._rows))
        self._library_total = result.library_total
        new = []
        for index, article_id in zip(old, ids, strict=True):
            row = None if article_id is None else self._row_of.get(int(article_id))
            new.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _append(self, rows: list[ArticleSummary]) -> None:
        fresh = [r for r in rows if int(r.id) not in self._row_of]
        if not fresh:
            self._total = len(self._rows)  # the library shrank meanwhile: stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for i, row in enumerate(fresh, start=first):
            self._rows.append(row)
            self._row_of[int(row.id)] = i
        self._total = max(self._total, len(self._rows))
        self.endInsertRows()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._busy = self._reloading = False
            self._pending_keep, self._pending_find, self._pending_then = 0, [], []
            self.failed.emit(exc)


def _page_args(query: ListingQuery) -> dict[str, Any]:
    return {
        "order_by": query.order_by,
        "descending": query.descending,
        "filter_query": query.filter_query,
    }

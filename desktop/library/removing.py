"""Removing articles from the library, as the library view's Remove does it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTableView, QWidget

from desktop.library.dialogs import ConfirmRemove
from desktop.library.model import ARTICLE_ROLE
from desktop.text import warn
from library.changes import Changes
from library.collection import Collection
from library.errors import ParallaxError
from library.records import ArticleSummary


def remove_articles(
    parent: QWidget, collection: Collection, articles: Sequence[ArticleSummary]
) -> tuple[Changes, str] | None:
    """Ask, then remove `articles` (all versions); their notes are kept.

    Returns:
        What changed and the status line to show, or None if the user said no.
        A failure part-way is shown in a message box; what was removed stays so.
    """
    if not articles or not ConfirmRemove.ask(parent, list(articles)):
        return None
    changes, removed, kept = Changes(), 0, 0
    try:
        for article in articles:
            assert article.id is not None
            op = collection.remove(article.id)
            changes, removed = changes | op.changes, removed + 1
            kept += op.value.notes_kept or 0
    except ParallaxError as exc:
        warn(parent, "Remove from Library", str(exc))
    noun = "article" if removed == 1 else "articles"
    message = f"Removed {removed} {noun} from the library."
    if kept:
        # As `parallax remove` says: notes are never dropped with their article.
        message += (
            f" {kept} note{'s' if kept != 1 else ''} kept: importing the file again"
            " puts them back on it."
        )
    return changes, message


def row_after_selection(table: QTableView) -> int | None:
    """The article to select once the selected rows are removed, as file managers do.

    Returns:
        The id of the first unselected row below the first selected one (the
        row that takes its place), else of the nearest unselected row above it;
        None when every row is selected (nothing will be left to show).
    """
    selected = {index.row() for index in table.selectionModel().selectedRows()}
    if not selected:
        return None
    model = table.model()
    first = min(selected)
    below = range(first + 1, model.rowCount())
    above = range(first - 1, -1, -1)
    for row in (*below, *above):
        if row not in selected:
            summary = model.index(row, 0).data(ARTICLE_ROLE)
            return int(summary.id) if summary is not None else None
    return None

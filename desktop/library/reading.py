"""Reading panes and notes: "Add Note on Selection", noted passages, context menus.

A reading pane is any text view showing an article body with positions equal
to body offsets: the library's preview and the comparison's two panes.
`NoteTargets` finds the focused one's selection for the notes panel and adds
"Add Note on Selection" to each pane's context menu; it only uses the
documented interfaces of the comparison view (`pane(side)`) and the notes
panel (`add_passage_note`, `noted_spans`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QWidget

from desktop.passages import mark_noted
from desktop.viewport import viewport_of
from library.article import Article

# A reading pane as "Add Note on Selection" sees it: the text widget, the
# article it shows, and a getter of its selection as body offsets.
ReadingSource = tuple[QWidget, Article | None, Callable[[], tuple[int, int] | None]]


class ExtraContextActions(QObject):
    """Adds actions below the standard context menu of watched text edits.

    Used for the preview and for the comparison's panes (which are another
    module's widgets: an event filter extends their menu without changing them).

    Args:
        parent: owning QObject.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions: list[QAction] = []
        self.watched: list[QTextEdit] = []
        # Callbacks giving actions for the point clicked (e.g. reviewing the pair there).
        self.providers: list[Callable[[QTextEdit, QPoint], list[QAction]]] = []

    def watch(self, edit: QTextEdit) -> None:
        """Extend `edit`'s context menu from now on."""
        # Mouse menus arrive at the viewport, keyboard ones at the edit itself.
        edit.installEventFilter(self)
        viewport_of(edit).installEventFilter(self)
        self.watched.append(edit)

    def build_menu(self, edit: QTextEdit, pos: QPoint) -> QMenu:
        """The standard menu of `edit` at `pos`, with our actions below it."""
        menu = edit.createStandardContextMenu(pos)
        for provider in self.providers:
            extra = provider(edit, pos)
            if extra:
                menu.addSeparator()
                menu.addActions(extra)
        if self.actions:
            menu.addSeparator()
            menu.addActions(self.actions)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not (self.actions or self.providers):
            return False
        edit = watched if isinstance(watched, QTextEdit) else watched.parent()
        if isinstance(edit, QTextEdit) and isinstance(event, QContextMenuEvent):
            menu = self.build_menu(edit, event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return False


def focused_selection(
    panes: list[ReadingSource], focus: QWidget | None
) -> tuple[Article, int, int] | None:
    """(article, start, end) of the selection in whichever of `panes` has the focus.

    Args:
        panes: (text widget, article shown or None, getter of the selection as
            body offsets) for each reading pane.
        focus: the application's focus widget.
    """
    for edit, article, selection in panes:
        if article is None or focus is None or not edit.isVisible():
            continue
        if focus is not edit and not edit.isAncestorOf(focus):
            continue
        span = selection()
        if span is not None and span[0] != span[1]:
            return article, span[0], span[1]
    return None


class NoteTargets(QObject):
    """Connects the reading panes to the notes panel.

    Args:
        preview: the library's `PreviewPane`.
        comparison_view: the `ComparisonView`, or None if not available.
        notes_dock: the window's `NotesDock` (its panel is built on first need);
            None: no notes.
        parent: owning QObject (the window).

    Signals:
        selection_changed(): a selection changed in some pane (re-check the action).
    """

    selection_changed = Signal()

    def __init__(
        self, preview: Any, comparison_view: Any, notes_dock: Any, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.comparison_view = comparison_view
        self.notes_dock = notes_dock
        self.context_menu: ExtraContextActions = preview.context_menu
        preview.selection_changed.connect(self.selection_changed)
        for pane in self._comparison_panes():
            # The same "Add Note on Selection" in the comparison panes' menus.
            self.context_menu.watch(pane.text_edit)
            pane.text_edit.selectionChanged.connect(self.selection_changed)

    def attach_comparison(self, comparison_view: Any) -> None:
        """Watch the comparison's panes too (the window makes its comparison page late)."""
        self.comparison_view = comparison_view
        for pane in self._comparison_panes():
            self.context_menu.watch(pane.text_edit)
            pane.text_edit.selectionChanged.connect(self.selection_changed)

    def set_actions(self, actions: list[QAction]) -> None:
        """Actions added to every pane's context menu."""
        self.context_menu.actions = list(actions)

    def panes(self) -> list[ReadingSource]:
        """Every pane showing an article body: (text widget, article, selection getter)."""
        preview = self.preview
        found: list[ReadingSource] = [(preview.text_edit, preview.article, preview.selected_span)]
        found += [(p.text_edit, p.article, p.selection_range) for p in self._comparison_panes()]
        return found

    def focused_selection(self) -> tuple[Article, int, int] | None:
        """(article, start, end) of the selection in the focused reading pane."""
        return focused_selection(self.panes(), QApplication.focusWidget())

    def can_add(self) -> bool:
        usable = self.notes_dock is not None and self.notes_dock.usable
        return usable and self.focused_selection() is not None

    def add_note(self) -> bool:
        """Add a note on the focused selection; False if there is none."""
        found = self.focused_selection()
        panel = None if found is None or self.notes_dock is None else self.notes_dock.ensure_panel()
        if found is None or panel is None:
            return False
        panel.add_passage_note(*found)
        return True

    def show_noted_spans(self) -> None:
        """Underline the passages that carry notes, in the preview and the comparison panes."""
        # Not built yet: it shows them once it is (`MainWindow._notes_ready`).
        panel = None if self.notes_dock is None else self.notes_dock.panel
        spans = getattr(panel, "noted_spans", None)
        if not callable(spans):
            return
        article = self.preview.article
        if article is not None and article.id is not None:
            self.preview.highlight_spans(list(spans(int(article.id))))
        for pane in self._comparison_panes():
            shown = pane.article
            if shown is not None and shown.id is not None:
                mark_noted(pane.text_edit, list(spans(int(shown.id))), pane.text_edit.offsets)

    def _comparison_panes(self) -> list[Any]:
        if self.comparison_view is None:
            return []
        return [self.comparison_view.pane(side) for side in ("a", "b")]

"""The user's review of the machine's findings, in the comparison window.

`Reviewing` joins a `ComparisonView` to the `Collection`'s reviews: it lays the
stored reviews over each comparison that arrives (on the GUI thread, which owns
the database connection), offers Confirm / Reject / Mark as … / Clear review on
a pair (pane and claims-list context menus), links the two panes' selections
by hand (Ctrl+L), and repaints the marks after every change.  Every change goes
through `Collection`; this module never touches SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QListWidget, QMenu, QTextEdit, QWidget

from library.compare.model import Comparison
from library.errors import STORE_ERRORS, ParallaxError
from library.export.extras import ExportExtras
from library.reviews import RELATIONS, AppliedReview, Relation, ReviewedComparison, units_in

if TYPE_CHECKING:
    from desktop.comparison.view import ComparisonView
    from library.collection import Collection

# How each relation reads in menus and marks ("unrelated" is what a user calls
# "not related").
TooltipProvider = Callable[[int], str | None]
Judgement = Literal["confirm", "reject"]
RELATION_WORDS: dict[str, str] = {
    "same": "same",
    "divergent": "divergent",
    "related": "related",
    "unrelated": "not related",
}
MARKS = {"confirmed": "✓", "rejected": "✗", "changed": "✎"}


def review_line(applied: AppliedReview) -> str:
    """One plain line saying how the user reviewed a pair, e.g. "Reviewed: confirmed"."""
    review = applied.review
    if review.verdict == "changed":
        return f"Reviewed: marked as {RELATION_WORDS.get(review.relation, review.relation)}"
    return f"Reviewed: {review.verdict}"


def review_mark(applied: AppliedReview | None) -> str:
    """A one-character mark for a reviewed pair ("" when nobody reviewed it)."""
    return "" if applied is None else MARKS.get(applied.review.verdict, "✓")


class RelationChooser:
    """Asks which relation a hand-made link has."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Relation | None:
        """The chosen relation, or None if cancelled (tests replace this)."""
        words = [RELATION_WORDS[r] for r in RELATIONS if r != "unrelated"]
        choice, ok = QInputDialog.getItem(
            parent, "Link Selected Sentences", "The two passages are:", words, 0, False
        )
        if not ok:
            return None
        for relation in RELATIONS:
            if RELATION_WORDS[relation] == choice:
                return relation
        return None


class Reviewing(QObject):
    """Reviews for the comparison shown in `view`, stored through `collection`.

    Args:
        view: the comparison view.
        collection: the open collection (used on the GUI thread only).
    """

    def __init__(self, view: ComparisonView, collection: Collection) -> None:
        super().__init__(view)
        self.view = view
        self.collection = collection
        self.reviews: ReviewedComparison | None = None
        self.act_link = QAction("&Link Selected Sentences…", view)
        self.act_link.setShortcut(QKeySequence("Ctrl+L"))
        self.act_link.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_link.setStatusTip("Link the sentences selected in A and in B by hand")
        self.act_link.triggered.connect(lambda: self.link_selection())
        view.addAction(self.act_link)
        view.review_suffix = self._status_suffix
        view.export_extras = self.export_extras
        view.comparison_ready.connect(lambda _c: self.refresh())
        for side, pane in view.panes.items():
            edit = pane.text_edit
            machine_tip = edit.tooltip_provider
            edit.tooltip_provider = lambda offset, s=side, tip=machine_tip: self._tooltip(
                s, offset, tip
            )
        for key in ("divergent", "same", "related"):
            widget = view.summary.lists[key]
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(lambda pos, w=widget: self._list_menu(w, pos))

    # -- state ---------------------------------------------------------------

    def _articles(self) -> tuple[Any, Any, Comparison] | None:
        a, b = self.view.panes["a"].article, self.view.panes["b"].article
        comparison = self.view._comparison
        if a is None or b is None or not isinstance(comparison, Comparison):
            return None  # still comparing, or a bare `to_dict()` shown: nothing to review
        return a, b, comparison

    def refresh(self) -> None:
        """Lay the stored reviews over the shown comparison and repaint the marks."""
        shown = self._articles()
        try:
            self.reviews = None if shown is None else self.collection.reviewed(*shown)
        except STORE_ERRORS as exc:
            # notes.db locked, or closed under a late comparison as the window
            # closes: the comparison still shows, without reviews.
            self.reviews = None
            self.view.status_message.emit(f"Reviews cannot be read: {exc}")
        self.view.summary.set_reviews(self.reviews, self._engine_index)

    def export_extras(self) -> ExportExtras | None:
        """The notes on the shown pair and its reviews, for an export (GUI thread)."""
        shown = self._articles()
        if shown is None:
            return None
        a, b, comparison = shown
        notes: list[Any] = []
        reviewed: ReviewedComparison | None = None
        try:
            reviewed = self.collection.reviewed(a, b, comparison)
            if a.id is not None and b.id is not None:
                notes += self.collection.notes.for_comparison(a.id, b.id)
            for art in (a, b):
                if art.id is not None:
                    found = self.collection.notes.for_article(art.id)
                    notes += [n for n in found if n.kind == "passage"]
        except STORE_ERRORS as exc:
            # The report is still worth having; the status bar says what is missing.
            self.view.status_message.emit(f"Notes cannot be read for the export: {exc}")
        return ExportExtras(notes=notes, reviewed=reviewed)

    def _engine_index(self, layout_index: int) -> int | None:
        """The engine's index of the view's pair `layout_index` (they differ only
        when the layout skipped a malformed pair)."""
        layout, shown = self.view._layout, self._articles()
        if layout is None or shown is None or not 0 <= layout_index < len(layout.pairs):
            return None
        pair = layout.pairs[layout_index]
        for index, machine in enumerate(shown[2].pairs):
            if (tuple(machine.a), tuple(machine.b)) == (pair.a, pair.b):
                return index
        return None

    def review_of(self, layout_index: int) -> AppliedReview | None:
        """The review in force on the view's pair `layout_index`, if any."""
        index = self._engine_index(layout_index)
        return None if self.reviews is None or index is None else self.reviews.by_pair.get(index)

    def _status_suffix(self, layout_index: int) -> str:
        applied = self.review_of(layout_index)
        return "" if applied is None else f" · {review_line(applied)}"

    def _tooltip(
        self, side: str, offset: int, machine: Callable[[int], str | None] | None
    ) -> str | None:
        text = machine(offset) if machine is not None else None
        layout = self.view._layout
        unit = layout.unit_at(side, offset) if layout is not None else None
        applied = None if unit is None or unit.pair is None else self.review_of(unit.pair)
        if text is None or applied is None:
            return text
        return f"{text}\n{review_line(applied)}"

    # -- actions ---------------------------------------------------------------

    def review_pair(
        self,
        layout_index: int,
        *,
        judgement: Judgement | None = None,
        relation: Relation | None = None,
    ) -> bool:
        """Confirm / reject (`judgement`) or re-relate the view's pair; False if impossible."""
        shown, index = self._articles(), self._engine_index(layout_index)
        if shown is None or index is None:
            return False
        try:
            self.collection.set_review(
                *shown,
                pair=index,
                judgement=judgement,
                relation=relation,
            )
        except ParallaxError as exc:
            self.view.status_message.emit(f"Review not saved: {exc}")
            return False
        self._changed(layout_index)
        return True

    def clear_pair(self, layout_index: int) -> bool:
        """Remove the user's review of the view's pair; False if there was none to remove."""
        shown, index = self._articles(), self._engine_index(layout_index)
        if shown is None or index is None:
            return False
        removed = self.collection.clear_reviews(*shown, pair=index).value
        self._changed(layout_index)
        return removed > 0

    def link_selection(self, relation: Relation | None = None) -> bool:
        """Link what is selected in pane A to what is selected in pane B (Ctrl+L)."""
        shown = self._articles()
        ranges = {side: pane.selection_range() for side, pane in self.view.panes.items()}
        if shown is None:
            self.view.status_message.emit("Wait for the comparison before linking sentences.")
            return False
        comparison = shown[2]
        units = {
            side: units_in(getattr(comparison, side).units, *rng) if rng else ()
            for side, rng in ranges.items()
        }
        if not units["a"] or not units["b"]:
            self.view.status_message.emit("Select a sentence in each article, then press Ctrl+L.")
            return False
        if relation is None:
            relation = RelationChooser.ask(self.view)
            if relation is None:
                return False
        try:
            self.collection.link(*shown, a_units=units["a"], b_units=units["b"], relation=relation)
        except ParallaxError as exc:
            self.view.status_message.emit(f"Link not saved: {exc}")
            return False
        self._changed(None)
        self.view.status_message.emit(f"Linked by hand as {RELATION_WORDS[relation]}.")
        return True

    def _changed(self, layout_index: int | None) -> None:
        self.refresh()
        if layout_index is not None:
            applied = self.review_of(layout_index)
            self.view.status_message.emit(
                review_line(applied) if applied is not None else "Review cleared."
            )

    # -- menus -------------------------------------------------------------------

    def pair_actions(self, layout_index: int, parent: QObject) -> list[QAction]:
        """Confirm, Reject, Mark as …, Clear review for the view's pair `layout_index`."""
        layout = self.view._layout
        if layout is None or self._articles() is None or self._engine_index(layout_index) is None:
            return []
        machine = layout.pairs[layout_index].relation
        out: list[QAction] = []

        def act(text: str, slot: Callable[[], object]) -> None:
            action = QAction(text, parent)
            action.triggered.connect(lambda: slot())
            out.append(action)

        act("Confirm", lambda: self.review_pair(layout_index, judgement="confirm"))
        act("Reject", lambda: self.review_pair(layout_index, judgement="reject"))
        for relation in RELATIONS:
            if relation != machine:
                act(
                    f"Mark as {RELATION_WORDS[relation].title()}",
                    partial(self.review_pair, layout_index, relation=relation),
                )
        act("Clear Review", lambda: self.clear_pair(layout_index))
        out[-1].setEnabled(self.review_of(layout_index) is not None)
        return out

    def actions_at(self, edit: QTextEdit, pos: QPoint) -> list[QAction]:
        """Review actions for the pair under viewport point `pos` of a pane's text."""
        for side, pane in self.view.panes.items():
            if pane.text_edit is edit:
                offset = edit.body_offset_at(pos)
                layout = self.view._layout
                unit = None if offset is None or layout is None else layout.unit_at(side, offset)
                if unit is not None and unit.pair is not None:
                    return self.pair_actions(unit.pair, edit)
        return []

    def _list_menu(self, widget: QListWidget, pos: QPoint) -> None:
        item = widget.itemAt(pos)
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not data or data[0] != "pair":
            return
        menu = QMenu(widget)
        menu.addActions(self.pair_actions(int(data[1]), menu))
        menu.exec(widget.viewport().mapToGlobal(pos))
        menu.deleteLater()

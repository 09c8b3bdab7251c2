"""The user's review of the machine's findings, in the comparison window.

`Reviewing` joins a `ComparisonView` to the `Collection`'s reviews: it lays the
stored reviews over each comparison that arrives (on the GUI thread, which owns
the database connection), offers Confirm / Reject / Mark as … / Review with
Reason… / Clear review on a pair and Note This Claim (pane and claims-list
context menus; Ctrl+Alt+N on the selected pair), links the two panes'
selections by hand (Ctrl+L, with a relation and a reason), and repaints the
marks (`review_marks`: gutter badges, margin bars, hand-link bands) after
every change.  Every change goes through `Collection`; this module never
touches SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, cast

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTextEdit

from desktop.comparison import review_menus
from desktop.comparison.review_dialog import CONFIRM, REJECT, RelationChooser, VerdictChooser
from desktop.comparison.review_marks import (
    RELATION_WORDS,
    UserLink,
    link_at,
    pair_marks,
    review_color,
    review_line,
    user_links,
)
from desktop.text import clip
from library.compare.model import Comparison
from library.errors import STORE_ERRORS, ParallaxError
from library.export.extras import ExportExtras
from library.notes.claims import find_claim
from library.notes.model import Claim
from library.reviews import AppliedReview, Relation, ReviewedComparison, units_in

if TYPE_CHECKING:
    from desktop.comparison.view import ComparisonView
    from library.collection import Collection

TooltipProvider = Callable[[int], str | None]
Judgement = Literal["confirm", "reject"]
# What "Note This Claim" calls (the window gives the notes panel's method).
ClaimNoter = Callable[[Any, Any, Claim], object]


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
        self.links: list[UserLink] = []
        # Set by the window: makes a claim note in the notes panel.
        self.note_claim: ClaimNoter | None = None
        self._current_link: int | None = None
        self.act_link = self._action(
            "&Link Selected Sentences…", "Ctrl+L",
            "Link the sentences selected in A and in B by hand", lambda: self.link_selection(),
        )  # fmt: skip
        self.act_note_claim = self._action(
            "Note This &Claim…", "Ctrl+Alt+N",
            "Write a note on the selected claim (pair)", lambda: self.note_current(),
        )  # fmt: skip
        self.act_review = self._action(
            "&Review Selected Pair…", "Ctrl+Alt+R",
            "Confirm, reject or re-relate the selected pair, with a reason",
            lambda: self.review_current(),
        )  # fmt: skip
        view.review_suffix = self._status_suffix
        view.export_extras = self.export_extras
        view.repaint_reviews = self._repaint
        view.select_linked = self._select_linked
        view.comparison_ready.connect(lambda _c: self.refresh())
        view.gutter.link_clicked.connect(self.select_link)
        view.summary.link_activated.connect(self.select_link)
        for side, pane in view.panes.items():
            edit = pane.text_edit
            machine_tip = edit.tooltip_provider
            edit.tooltip_provider = lambda offset, s=side, tip=machine_tip: self._tooltip(
                s, offset, tip
            )
        for key in ("divergent", "same", "related"):
            widget = view.summary.lists[key]
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(
                lambda pos, w=widget: review_menus.list_menu(self, w, pos)
            )

    def _action(self, text: str, key: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(tip)
        action.triggered.connect(lambda: slot())
        self.view.addAction(action)
        return action

    # -- state ---------------------------------------------------------------

    def _articles(self) -> tuple[Any, Any, Comparison] | None:
        a, b = self.view.panes["a"].article, self.view.panes["b"].article
        comparison = self.view._comparison
        if a is None or b is None or comparison is None:
            return None  # still comparing: nothing to review
        return a, b, comparison

    def _repaint(self, forget: bool) -> None:
        if forget:  # new texts or a new comparison: the old marks would sit on them
            self.reviews = None
        self._paint_marks()

    def refresh(self) -> None:
        """Lay the stored reviews over the shown comparison and repaint the marks."""
        shown = self._articles()
        # Read with the comparison, off the GUI thread (`ComparisonRunner`); good
        # once: a later refresh follows a review change and must read it.
        preloaded, self.view.preloaded_reviews = self.view.preloaded_reviews, None
        if shown is not None and preloaded is not None and preloaded.comparison is shown[2]:
            self.reviews = preloaded
        else:
            try:
                self.reviews = None if shown is None else self.collection.reviewed(*shown)
            except STORE_ERRORS as exc:
                # notes.db locked, or closed under a late comparison as the window
                # closes: the comparison still shows, without reviews.
                self.reviews = None
                self.view.status_message.emit(f"Reviews cannot be read: {exc}")
        self._paint_marks()
        self.view.summary.set_reviews(self.reviews, self._engine_index, self.links)

    def _paint_marks(self) -> None:
        """Gutter badges and hand-link bands; margin bars and link frames in the texts."""
        layout = self.view._layout
        count = len(layout.pairs) if layout is not None and self.reviews is not None else 0
        marks = pair_marks(self.reviews, count, self._engine_index)
        self.links = user_links(self.reviews)
        self._current_link = None
        self.view.gutter.set_reviews(marks, self.links)
        if layout is not None:  # the texts show what the user said of a pair
            self.view.set_user_relations(
                {
                    i: m.relation
                    for i, m in marks.items()
                    if m.relation
                    and 0 <= i < len(layout.pairs)
                    and m.relation != layout.pairs[i].relation
                }
            )
        if self.view._navigator is not None:  # F8 steps through what the user says diverges
            self.view._navigator.set_relations({i: m.relation for i, m in marks.items()})
            self.view._update_actions()
        dark = self.view._qt_palette.dark
        for side, pane in self.view.panes.items():
            bars = []
            for index, mark in marks.items():
                if layout is not None:
                    bars.append(
                        (*layout.pairs[index].extent(side), review_color(dark, mark.verdict))
                    )
            edit = pane.text_edit
            edit.review_bars = bars
            edit.link_frames = [(*link.extent(side), review_color(dark)) for link in self.links]
            edit.viewport().update()
        self.view._update_overviews()  # the review bars beside the scroll bars

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
        self._current_link = None  # a machine pair is selected now
        applied = self.review_of(layout_index)
        return "" if applied is None else f" · {review_line(applied)}"

    def _tooltip(
        self, side: str, offset: int, machine: Callable[[int], str | None] | None
    ) -> str | None:
        text = machine(offset) if machine is not None else None
        layout = self.view._layout
        unit = layout.unit_at(side, offset) if layout is not None else None
        if unit is None:
            return text
        link = link_at(self.links, side, unit.unit_id)
        lines = [text] if text else []
        applied = None if unit.pair is None else self.review_of(unit.pair)
        if applied is not None:
            lines.append(review_line(applied, None))
        if link is not None:
            lines.append(link.line)
        return "\n".join(lines) or None

    # -- actions ---------------------------------------------------------------

    def review_pair(
        self,
        layout_index: int,
        *,
        judgement: Judgement | None = None,
        relation: Relation | None = None,
        reason: str = "",
    ) -> bool:
        """Confirm / reject (`judgement`) or re-relate the view's pair; False if impossible."""
        shown, index = self._articles(), self._engine_index(layout_index)
        if shown is None or index is None:
            return False
        try:
            self.collection.set_review(
                *shown, pair=index, judgement=judgement, relation=relation, reason=reason
            )
        except ParallaxError as exc:
            self.view.status_message.emit(f"Review not saved: {exc}")
            return False
        self._changed(layout_index)
        return True

    def review_with_reason(self, layout_index: int) -> bool:
        """Ask how the user judges the view's pair and why, then store it."""
        layout = self.view._layout
        if layout is None or not 0 <= layout_index < len(layout.pairs):
            return False
        machine = layout.pairs[layout_index].relation
        old = self.review_of(layout_index)
        current: str | None = None
        if old is not None:
            verdict = old.review.verdict
            current = {"confirmed": CONFIRM, "rejected": REJECT}.get(verdict, old.review.relation)
        pair = layout.pairs[layout_index]
        context = "\n".join(
            f"{side.upper()}: {clip(layout.pair_text(pair, side), 160)}" for side in ("a", "b")
        )
        reason = old.review.reason if old is not None else ""
        answer = VerdictChooser.ask(self.view, machine, current, reason, context)
        if answer is None:
            return False
        choice, reason = answer
        if choice in (CONFIRM, REJECT):
            judgement: Judgement = "confirm" if choice == CONFIRM else "reject"
            return self.review_pair(layout_index, judgement=judgement, reason=reason)
        return self.review_pair(layout_index, relation=cast(Relation, choice), reason=reason)

    def review_current(self) -> bool:
        """Ctrl+Alt+R: review the selected pair (or edit the hand link last picked)."""
        if self._current_link is not None:
            return self.edit_link(self._current_link)
        if self.view._current is None:
            self.view.status_message.emit(
                "Select a pair first: click a highlighted sentence or an entry of the lists."
            )
            return False
        return self.review_with_reason(self.view._current)

    def clear_pair(self, layout_index: int) -> bool:
        """Remove the user's review of the view's pair; False if there was none to remove."""
        shown, index = self._articles(), self._engine_index(layout_index)
        if shown is None or index is None:
            return False
        removed = self.collection.clear_reviews(*shown, pair=index).value
        self._changed(layout_index)
        return removed > 0

    def link_selection(self, relation: Relation | None = None, reason: str = "") -> bool:
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
            answer = RelationChooser.ask(self.view)
            if answer is None:
                return False
            relation, reason = answer
        return self._link(units["a"], units["b"], relation, reason)

    def _link(
        self, a_units: tuple[int, ...], b_units: tuple[int, ...], relation: Relation, reason: str
    ) -> bool:
        shown = self._articles()
        if shown is None:
            return False
        try:
            self.collection.link(
                *shown, a_units=a_units, b_units=b_units, relation=relation, reason=reason
            )
        except ParallaxError as exc:
            self.view.status_message.emit(f"Link not saved: {exc}")
            return False
        self._changed(None)
        self.view.status_message.emit(f"Linked by hand as {RELATION_WORDS[relation]}.")
        return True

    def edit_link(self, index: int) -> bool:
        """Change the relation or the reason of hand link `index`."""
        if not 0 <= index < len(self.links) or self.reviews is None:
            return False
        link = self.links[index]
        review = self.reviews.user_pairs[index].review
        answer = RelationChooser.ask(self.view, review.relation, review.reason)
        if answer is None:
            return False
        return self._link(link.units_a, link.units_b, *answer)

    def remove_link(self, index: int) -> bool:
        """Delete hand link `index` (only it: a machine pair's review stays)."""
        shown = self._articles()
        if shown is None or not 0 <= index < len(self.links):
            return False
        link = self.links[index]
        removed = self.collection.clear_reviews(
            *shown, a_units=link.units_a, b_units=link.units_b
        ).value
        self._changed(None)
        self.view.status_message.emit("Link removed." if removed else "Nothing to remove.")
        return removed > 0

    def select_link(self, index: int, anchor: str | None = None) -> None:
        """Select hand link `index`: framed in both texts, brought level (a click on
        its band, its list entry, or one of its sentences in `anchor`'s pane)."""
        if not 0 <= index < len(self.links):
            return
        link = self.links[index]
        view = self.view
        view._set_current(None)
        color = review_color(view._qt_palette.dark)
        at = view.panes["a"].viewport_height() / 4
        if anchor is not None:  # the clicked sentence stays put, as for machine pairs
            pane = view.panes[anchor]
            shown = pane.y_span(*link.extent(anchor))[0] - pane.scroll_value()
            at = shown if 0 <= shown <= pane.viewport_height() - 20 else at
        with view.sync.hold():
            for side, pane in view.panes.items():
                pane.text_edit.current_spans = [link.extent(side)]
                pane.text_edit.current_color = color
                pane.text_edit.viewport().update()
                pane.scroll_to_y(pane.y_span(*link.extent(side))[0], at)
        self._current_link = index
        view.status_message.emit(link.line)

    def _select_linked(self, side: str, unit_id: int) -> bool:
        """A click on a sentence no machine pair has: select its hand link, if any."""
        link = link_at(self.links, side, unit_id)
        if link is None:
            self._current_link = None  # a one-sided sentence is selected now
            return False
        self.select_link(link.index, side)
        return True

    def _changed(self, layout_index: int | None) -> None:
        self.refresh()
        if layout_index is not None:
            applied = self.review_of(layout_index)
            self.view.status_message.emit(
                review_line(applied) if applied is not None else "Review cleared."
            )

    # -- claim notes --------------------------------------------------------------

    def claim_of(self, layout_index: int | None = None, link: int | None = None) -> Claim | None:
        """The claim of the view's pair `layout_index` (or of hand link `link`)."""
        shown = self._articles()
        if shown is None or self.reviews is None:
            return None
        if link is not None:
            if not 0 <= link < len(self.links):
                return None
            units = (self.links[link].units_a, self.links[link].units_b)
        else:
            index = None if layout_index is None else self._engine_index(layout_index)
            if index is None:
                return None
            machine = shown[2].pairs[index]
            units = (tuple(machine.a), tuple(machine.b))
        try:
            return find_claim(self.reviews, *units)
        except ParallaxError:
            # A rejected pair is no claim any more: note the passages as they are.
            comparison = shown[2]
            text = " ↔ ".join(
                " ".join(u.text for u in side.units if u.id in set(ids))
                for side, ids in ((comparison.a, units[0]), (comparison.b, units[1]))
            )
            return Claim(units_a=units[0], units_b=units[1], text=text)

    def note_claim_of(self, layout_index: int | None = None, link: int | None = None) -> bool:
        """Start a note on a claim in the notes panel; False (and says why) if impossible."""
        shown = self._articles()
        claim = self.claim_of(layout_index, link)
        if shown is None or claim is None or self.note_claim is None:
            self.view.status_message.emit(
                "Select a claim first: click a highlighted sentence or an entry of the lists."
                if self.note_claim is not None
                else "Notes are not available."
            )
            return False
        self.note_claim(shown[0], shown[1], claim)
        return True

    def note_current(self) -> bool:
        """Ctrl+Alt+N: a note on the selected pair (or the hand link last clicked)."""
        if self._current_link is not None:
            return self.note_claim_of(link=self._current_link)
        return self.note_claim_of(self.view._current)

    # -- menus (built in `review_menus`) ------------------------------------------

    def pair_actions(self, layout_index: int, parent: QObject) -> list[QAction]:
        """Confirm, Reject, Mark as …, Review with Reason…, Clear Review, Note This Claim…"""
        return review_menus.pair_actions(self, layout_index, parent)

    def link_actions(self, index: int, parent: QObject) -> list[QAction]:
        """Edit Link…, Remove Link, Note This Claim… for hand link `index`."""
        return review_menus.link_actions(self, index, parent)

    def actions_at(self, edit: QTextEdit, pos: QPoint) -> list[QAction]:
        """Review actions for the pair (or hand link) under viewport point `pos` of a pane."""
        return review_menus.actions_at(self, edit, pos)

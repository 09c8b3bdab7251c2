"""The Lenses panel inside the comparison view, and what picking one of its entries does.

Built by `ComparisonView` beside its summary (`view.lenses`): the panel sits
at the right of the texts and folds into the rail like the summary does
("Lenses", F6, View menu; its heading has a fold button, the view's toolbar
stays as narrow as it was).  Picking an entry shows its sentences in both panes at once,
framed; picking it again steps to its next occurrence (a voice quoted three
times in A is three clicks).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette

from desktop.comparison.lenses_panel import LensesPanel
from desktop.comparison.rail import PanelFold
from library.export import ComparisonLayout

if TYPE_CHECKING:
    from desktop.comparison.view import ComparisonView
    from library.compare.model import Comparison

LENSES_ROOM = 340  # the panel's width plus its splitter handle


class LensNavigation(QObject):
    """The view's Lenses panel, its fold into the rail, and jumps to its entries.

    Args:
        view: the comparison view (the panel joins its `outer` splitter).
    """

    def __init__(self, view: ComparisonView) -> None:
        super().__init__(view)
        self.view = view
        self.panel = LensesPanel(view)
        view.outer.addWidget(self.panel)
        view.outer.setStretchFactor(view.outer.indexOf(self.panel), 0)
        self.fold = PanelFold(
            self.panel, view.rail, "lenses", "Lenses", "F6", view.position.keep, self.fits, view
        )
        self.action = self.fold.action
        self.panel.fold_button.clicked.connect(lambda: self.fold.set_open(False, remember=True))
        view.installEventFilter(self)  # refit on resizes, after the summary has
        # The user opened one side panel where the two do not fit: the other
        # folds, rather than the window growing wider (off the screen).
        self.fold.opened_by_user.connect(lambda: self._make_room(view.summary_fold))
        view.summary_fold.opened_by_user.connect(lambda: self._make_room(self.fold))
        self.panel.units_activated.connect(self.show_units)
        self._last: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self._turn = 0
        # Folded until the view is known to have room: an open panel in a hidden
        # view would still widen the window's minimum size.
        self.fold.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self.fold.fit()
        return False

    def _make_room(self, other: PanelFold) -> None:
        """Fold `other` for this window if the view is too narrow for both panels."""
        # The splitter's own sum of its children's minimum widths: the view's
        # layout answers from its cache until its next turn.
        outer = self.view.outer
        if other.is_open() and outer.minimumSizeHint().width() > outer.width():
            other.fold_for_room()

    def fits(self) -> bool:
        """Whether the texts keep their share of the window with the lenses open too."""
        from desktop.comparison import view as module

        # The summary's fold may not have refit yet: ask what it will decide.
        mode = self.view.summary_fold.mode()
        summary = mode == "open" or (mode == "auto" and self.view._summary_fits())
        room = LENSES_ROOM + (module.SUMMARY_ROOM if summary else 0)
        texts = self.view.width() - room - module.TEXTS_OVERHEAD
        return texts >= module.TEXTS_SHARE * self.view.window().width()

    def set_comparison(
        self, comparison: Comparison | None, layout: ComparisonLayout | None
    ) -> None:
        """Show the lenses of the painted comparison (None while comparing)."""
        self._last = None
        self.panel.set_comparison(comparison, layout)

    def show_units(self, a_ids: Sequence[int], b_ids: Sequence[int], what: str = "") -> None:
        """Frame units `a_ids` of A and `b_ids` of B and scroll each pane to one of them.

        The same request again scrolls to the next unit of each side (round robin).

        Args:
            a_ids: unit ids of A (may be empty).
            b_ids: unit ids of B.
            what: what was picked ("Li Linyi", "9 Nov"), for the status line.
        """
        view = self.view
        layout = view.layout_data()
        if layout is None:
            return
        key = (tuple(a_ids), tuple(b_ids))
        self._turn = self._turn + 1 if key == self._last else 0
        self._last = key
        view._set_current(None)  # a lens entry is not a pair: no pair stays selected
        view._selected = (list(a_ids), list(b_ids))
        said = []
        with view.sync.hold():  # both panes move on purpose: neither chases the other
            for side, ids in (("a", a_ids), ("b", b_ids)):
                pane = view.panes[side]
                units = [u for uid in ids if (u := layout.unit(side, uid)) is not None]
                edit = pane.text_edit
                edit.current_spans = [(u.start, u.end) for u in units]
                edit.current_color = pane.palette().color(QPalette.ColorRole.Highlight)
                edit.viewport().update()
                if units:
                    k = self._turn % len(units)
                    top, _ = pane.y_span(units[k].start, units[k].end)
                    pane.scroll_to_y(top, pane.viewport_height() / 4)
                    said.append(f"{side.upper()} {k + 1} of {len(units)}")
                else:
                    said.append(f"not in {side.upper()}")
        more = len(a_ids) > 1 or len(b_ids) > 1
        view.status_message.emit(
            f"{what}: {', '.join(said)}" + (" (click again for the next)" if more else "")
        )

"""The summary panel: overlap per article, counts, and clickable lists of claims.

Lists: divergent claims (with their conflicts), shared facts, and what only A or
only B reports.  Activating an entry asks the view to jump there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.comparison.review_marks import UserLink, review_line, review_mark
from desktop.comparison.wrapped_rows import WrappedRowDelegate
from desktop.text import clip, plain_tooltip
from library.export.layout import ComparisonLayout
from library.export.wording import LOW_OVERLAP_TEXT, explain, low_overlap, reason

_ROLE = Qt.ItemDataRole.UserRole
# Height (px) of the divergent-claims section when it only says there are none.
EMPTY_DIVERGENT_HEIGHT = 90
MIN_WIDTH = 260
SIDE_MARGIN = 10
LAYOUT_BATCH = 40  # list entries measured per event-loop turn


class SummaryPanel(QWidget):
    """Overlap bars, counts and the claim lists of one comparison.

    Args:
        parent: owning widget.

    Signals:
        pair_activated(int): the user picked a divergent claim or shared fact.
        unit_activated(str, int): the user picked a one-sided unit (side, unit id).
        link_activated(int): the user picked a pair they linked by hand (its index).
    """

    pair_activated = Signal(int)
    unit_activated = Signal(str, int)
    link_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison summary")
        self._texts: dict[int, str] = {}  # each pair entry's text, before review marks
        # Each pair entry's list (the machine's relation) and place in A's order.
        self._home: dict[int, str] = {}
        self._rank: dict[int, int] = {}
        self._counts_text = ""  # the counts line, before "N reviewed"
        self._empty: dict[str, str] = {}  # what each list says when it has no entry
        self.setMinimumWidth(MIN_WIDTH)
        heading = QLabel("Summary")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)

        self.bars = {side: QProgressBar() for side in ("a", "b")}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for side, bar in self.bars.items():
            bar.setRange(0, 100)
            bar.setFormat("%p% shared")
            bar.setAccessibleName(f"Share of article {side.upper()} also in the other")
            bar.setToolTip(f"Share of article {side.upper()}'s text the other article also reports")
            form.addRow(f"Article {side.upper()}", bar)
        self.counts = QLabel("No comparison yet")
        self.counts.setTextFormat(Qt.TextFormat.RichText)  # bold numbers; no user text
        self.counts.setWordWrap(True)

        self.lists = {
            key: QListWidget() for key in ("divergent", "same", "related", "only_a", "only_b")
        }
        # Divergent claims matter most: their list is always in view; the rest share tabs.
        self.divergent_label = QLabel("Divergent claims")
        self.divergent_label.setStyleSheet("font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Four tabs must not widen the panel: scroll the tab bar instead.
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        names = {
            "divergent": "Divergent claims",
            "same": "Shared facts",
            "related": "Related: same subject, different facts",
            "only_a": "Only in A",
            "only_b": "Only in B",
        }
        # Qt's own painting cut a Chinese entry's second line (wrapped_rows.py).
        self._rows = WrappedRowDelegate(self)
        for key, widget in self.lists.items():
            widget.setWordWrap(True)
            widget.setItemDelegate(self._rows)
            widget.setAlternatingRowColors(True)
            widget.setAccessibleName(names[key])
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
            widget.setSpacing(2)
            # Word-wrapped entries are measured one by one: hundreds of them (two
            # long texts) took 60 ms in one go; in batches the window repaints between.
            widget.setLayoutMode(QListView.LayoutMode.Batched)
            widget.setBatchSize(LAYOUT_BATCH)
            if key != "divergent":
                self.tabs.addTab(widget, names[key])
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.divergent_label)
        top_layout.addWidget(self.lists["divergent"], 1)
        self.sections = QSplitter(Qt.Orientation.Vertical)
        self.sections.setChildrenCollapsible(False)
        self.sections.addWidget(top)
        self.sections.addWidget(self.tabs)
        self._divergent_shrunk = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_MARGIN, 8, SIDE_MARGIN, 8)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(self.sections, 1)

    def _fit_sections(self, divergent: int) -> None:
        """No divergent claims: give their (empty) list's room to the tabs below."""
        total = sum(self.sections.sizes()) or 400
        if divergent == 0:
            self.sections.setSizes([EMPTY_DIVERGENT_HEIGHT, max(1, total - EMPTY_DIVERGENT_HEIGHT)])
        elif self._divergent_shrunk:
            self.sections.setSizes([total // 2, total - total // 2])
        self._divergent_shrunk = divergent == 0

    def set_layout(self, layout: ComparisonLayout | None) -> None:
        """Show the summary of `layout` (None clears).

        Args:
            layout: the comparison layout.
        """
        for widget in self.lists.values():
            widget.clear()
        self._texts, self._home, self._rank = {}, {}, {}
        self._counts_text = ""
        if layout is None:
            for bar in self.bars.values():
                bar.setValue(0)
            self.counts.setText("No comparison yet")
            return
        s = layout.summary
        for side, bar in self.bars.items():
            bar.setValue(round(float(s.get(f"overlap_{side}", 0.0)) * 100))
        shared = len(layout.pairs_in_order("a", "same"))
        divergent = len(layout.pairs_in_order("a", "divergent"))
        related = len(layout.pairs_in_order("a", "related"))
        only_a, only_b = len(layout.only["a"]), len(layout.only["b"])
        self._counts_text = (
            f"<b>{shared}</b> shared · <b>{divergent}</b> divergent · "
            + (f"<b>{related}</b> related · " if related else "")
            + f"<b>{only_a}</b> only in A · <b>{only_b}</b> only in B"
        )
        self.counts.setText(self._counts_text)
        self._rank = {pair.index: i for i, pair in enumerate(layout.pairs_in_order("a"))}
        for relation in ("divergent", "same", "related"):
            target = self.lists[relation]
            for pair in layout.pairs_in_order("a", relation):
                # The reason first: it is what a long entry must not lose.
                # A warning sign only where the articles disagree; related pairs'
                # differences are different facts, and minor notes are notes.
                lines = [
                    f"{'⚠' if relation == 'divergent' and c.severity != 'low' else '·'} {reason(c)}"
                    for c in pair.conflicts
                ]
                lines += [
                    f"A: {clip(layout.pair_text(pair, 'a'), 160)}",
                    f"B: {clip(layout.pair_text(pair, 'b'), 160)}",
                ]
                self._texts[pair.index] = "\n".join(lines)
                self._home[pair.index] = relation
                item = QListWidgetItem(self._texts[pair.index])
                item.setData(_ROLE, ("pair", pair.index))
                item.setToolTip(plain_tooltip(explain(pair)))
                target.addItem(item)
        for side in ("a", "b"):
            target = self.lists[f"only_{side}"]
            for uid in layout.only[side]:
                unit = layout.unit(side, uid)
                if unit is not None:
                    item = QListWidgetItem(clip(unit.text, 240))
                    item.setData(_ROLE, ("unit", side, uid))
                    target.addItem(item)
        agree = "No divergent claims: where the articles overlap, they agree."
        self._empty = {
            "divergent": LOW_OVERLAP_TEXT if low_overlap(s) else agree,
            "same": "No shared facts.",
            "related": "No related pairs.",
            "only_a": "Nothing that only A reports.",
            "only_b": "Nothing that only B reports.",
        }
        self._label_lists()
        # Wide enough for every tab label: "B only (43)" must never hide behind arrows.
        tabs_width = self.tabs.tabBar().sizeHint().width() + 2 * SIDE_MARGIN
        self.setMinimumWidth(max(MIN_WIDTH, tabs_width))

    def _label_lists(self) -> None:
        """Placeholders in empty lists; each list's entry count in its title."""
        real: dict[str, int] = {}
        for key, widget in self.lists.items():
            for row in reversed(range(widget.count())):
                if widget.item(row).data(_ROLE) is None:
                    widget.takeItem(row)  # an old placeholder
            real[key] = widget.count()
            if real[key] == 0 and key in self._empty:
                placeholder = QListWidgetItem(self._empty[key])
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable, no data
                widget.addItem(placeholder)
        self.divergent_label.setText(f"Divergent claims ({real['divergent']})")
        self._fit_sections(real["divergent"])  # room again once the user adds one
        for key, name in (
            ("same", "Shared"),
            ("related", "Related"),
            ("only_a", "A only"),
            ("only_b", "B only"),
        ):
            self.tabs.setTabText(self.tabs.indexOf(self.lists[key]), f"{name} ({real[key]})")

    def set_reviews(
        self,
        reviews: Any,
        engine_index: Callable[[int], int | None],
        links: Sequence[UserLink] = (),
    ) -> None:
        """Mark reviewed entries (✓ ✗ ✎), list the hand links, count what was reviewed.

        Args:
            reviews: the `ReviewedComparison` of the shown comparison, or None.
            engine_index: the engine's pair index of a layout pair index.
            links: the pairs linked by hand, listed under their relation.
        """
        if not self._counts_text:
            return
        by_pair = {} if reviews is None else reviews.by_pair
        entries: list[tuple[int, QListWidgetItem]] = []
        for key in ("divergent", "same", "related"):
            widget = self.lists[key]
            for row in reversed(range(widget.count())):
                data = widget.item(row).data(_ROLE)
                if data and data[0] == "pair":
                    entries.append((int(data[1]), widget.takeItem(row)))
        # A pair the user re-related moves to that relation's list: "Divergent
        # claims" lists what the user says diverges, marked ✎.
        for layout_index, item in sorted(entries, key=lambda e: self._rank.get(e[0], 0)):
            index = engine_index(layout_index)
            applied = None if index is None else by_pair.get(index)
            text = self._texts.get(layout_index, item.text())
            mark = review_mark(applied)
            item.setText(f"{mark} {review_line(applied)}\n{text}" if applied else text)
            home = self._home.get(layout_index, "same")
            if applied is not None and applied.review.verdict == "changed":
                home = applied.review.relation if applied.review.relation in self.lists else home
            self.lists[home].addItem(item)
        self._list_links(links)
        extra = ""
        if reviews is not None:
            counts = reviews.counts
            extra = (
                f" · <b>{counts.reviewed}</b> reviewed, <b>{counts.machine_only}</b> machine-only"
            )
            extra += f" · <b>{counts.linked}</b> linked by hand" if counts.linked else ""
            if counts.detached:  # kept, never dropped: the text they were on changed
                extra += f" · <b>{counts.detached}</b> detached (passage no longer in the text)"
        self.counts.setText(self._counts_text + extra)

    def _list_links(self, links: Sequence[UserLink]) -> None:
        for key in ("divergent", "same", "related"):
            widget = self.lists[key]
            for row in reversed(range(widget.count())):
                data = widget.item(row).data(_ROLE)
                if data and data[0] == "link":
                    widget.takeItem(row)
        for link in links:
            target = self.lists.get(link.relation)
            if target is None:
                continue
            item = QListWidgetItem(
                f"↔ {clip(link.line, 120)}\n"
                f"A: {clip(link.text_a, 160)}\nB: {clip(link.text_b, 160)}"
            )
            item.setData(_ROLE, ("link", link.index))
            item.setToolTip(plain_tooltip(link.line))
            target.addItem(item)
        self._label_lists()

    def set_current(self, pair: int | None) -> None:
        """Select the list entry of `pair` without re-emitting activation."""
        for key in ("divergent", "same", "related"):
            widget = self.lists[key]
            widget.blockSignals(True)
            try:
                widget.clearSelection()
                for row in range(widget.count()):
                    item = widget.item(row)
                    if pair is not None and item.data(_ROLE) == ("pair", pair):
                        widget.setCurrentItem(item)
                        widget.scrollToItem(item)
            finally:
                widget.blockSignals(False)

    def _activated(self, item: QListWidgetItem) -> None:
        data = item.data(_ROLE)
        if not data:
            return
        if data[0] == "pair":
            self.pair_activated.emit(int(data[1]))
        elif data[0] == "link":
            self.link_activated.emit(int(data[1]))
        else:
            self.unit_activated.emit(str(data[1]), int(data[2]))

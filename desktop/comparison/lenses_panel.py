"""The Lenses panel: who each article quotes, what happened when, what it counts, whom it names.

Four tabs over the comparison's lenses (the engine's typed records,
`Comparison.lenses`, computed by `library.compare.lenses`): Voices, Timeline
(a picture over a list), Numbers and Names.  Each entry names the units it
stands for; activating it asks the view to show them in both panes.  Every text
shown is plain: names and roles come from the articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.comparison.timeline_widget import TimelineWidget
from desktop.comparison.wrapped_rows import WrappedRowDelegate
from desktop.text import clip, plain_label, plain_tooltip
from library.compare.lenses.counts import NumberRow
from library.compare.lenses.names import Name
from library.compare.lenses.timeline import Row
from library.compare.lenses.unnamed import Unnamed
from library.compare.lenses.voices import Voice
from library.compare.model import Comparison
from library.export.layout import ComparisonLayout
from library.export.timeline_layout import clash_links, date_label, reading_order

_ROLE = Qt.ItemDataRole.UserRole
_ENTRY = Qt.ItemDataRole.UserRole + 1  # a voice's or name's lens entry (for "Same as…")
# The tabs whose entries can be taught as the same as another ("Same as…").
ALIAS_TABS = ("voices", "names")
LENS_TABS = ("voices", "timeline", "numbers", "names")
MIN_WIDTH = 300
# How to read the picture: one short line, the long form in its tooltip.
TIMELINE_KEY = "● both  ○ one side  ▬ month or year  ! conflict"
TIMELINE_KEY_TIP = (
    "Article A above, B below. A filled mark joined across the lanes: both articles give "
    "the date. A hollow mark: one side only. A bar: a month or a year given without a "
    "day. A “!” and a dashed line: the two dates of one event in conflict. Hover a mark "
    "for its sentence; click it to show it in both articles."
)
SIDE_MARGIN = 10
_Entry = TypeVar("_Entry")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """What "Same as…" and "Forget alias" are given of a voice or a name: its forms."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    """What an entry stands for: units of A and of B, what to call it, its timeline row."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    what: str
    row: int = -1  # the timeline row (-1: not a timeline entry)


def _times(ids: Sequence[int], side: str) -> str:
    return f"{side.upper()} ×{len(ids)}" if ids else ""


def _counts(a: Sequence[int], b: Sequence[int]) -> str:
    return " · ".join(x for x in (_times(a, "a"), _times(b, "b")) if x)


def _alias_entry(e: Voice | Name) -> AliasEntry:
    """What "Same as…" and "Forget alias" need of a voice or a name: its forms."""
    return AliasEntry(e.name, tuple(e.aliases) if isinstance(e, Name) else ())


def _units(e: Voice | Name) -> tuple[Sequence[int], Sequence[int]]:
    return e.a, e.b


def _counted(r: NumberRow) -> tuple[Sequence[int], Sequence[int]]:
    return [c.unit for c in r.a], [c.unit for c in r.b]


class LensesPanel(QWidget):
    """The four lenses of one comparison in tabs.

    Args:
        parent: owning widget.

    Signals:
        units_activated(object, object, str): show these unit ids of A and of B
            (lists), with a short description of what was picked.
        entry_menu_requested(str, object, QPoint): a context menu was asked for
            on an entry of the Voices or Names tab: the tab's key, the entry
            (an `AliasEntry`) and where (global position).
    """

    units_activated = Signal(object, object, str)
    entry_menu_requested = Signal(str, object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison lenses")
        self.setMinimumWidth(MIN_WIDTH)
        self._timeline_rows: tuple[Row, ...] = ()
        self._pending: tuple[Comparison | None, ComparisonLayout | None] | None = None
        heading = QLabel("Lenses")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        self.fold_button = QToolButton()
        self.fold_button.setText("›")
        self.fold_button.setAutoRaise(True)
        self.fold_button.setToolTip("Fold the lenses into the rail (F6)")
        self.fold_button.setAccessibleName("Fold the lenses")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.fold_button)
        self.lists = {key: QListWidget() for key in LENS_TABS}
        names = {
            "voices": "Who is quoted",
            "timeline": "Dated statements",
            "numbers": "Quantities",
            "names": "Names mentioned",
        }
        # Qt's own painting cut an entry's lines after a Chinese one (wrapped_rows.py).
        self._rows = WrappedRowDelegate(self)
        for key, widget in self.lists.items():
            widget.setWordWrap(True)
            widget.setItemDelegate(self._rows)
            widget.setAlternatingRowColors(True)
            widget.setAccessibleName(names[key])
            widget.setSpacing(2)
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
        for key in ALIAS_TABS:
            widget = self.lists[key]
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(
                lambda pos, k=key: self._menu_requested(k, pos)
            )
        self.timeline = TimelineWidget()
        self.timeline.row_activated.connect(self._timeline_row)
        self.timeline.height_changed.connect(lambda _h: self._fit_timeline())
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setWidget(self.timeline)
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # How to read the picture, in words (shapes, not only colours, carry it).
        self.timeline_key = plain_label(QLabel(TIMELINE_KEY))
        self.timeline_key.setToolTip(TIMELINE_KEY_TIP)
        # The key never widens the panel (the tooltip says it all anyway).
        self.timeline_key.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        small = QFont(self.timeline_key.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.timeline_key.setFont(small)
        self.timeline_key.setStyleSheet("color: palette(placeholder-text);")
        picture = QWidget()
        picture_layout = QVBoxLayout(picture)
        picture_layout.setContentsMargins(0, 0, 0, 0)
        picture_layout.setSpacing(2)
        picture_layout.addWidget(self.timeline_scroll)
        picture_layout.addWidget(self.timeline_key)
        timeline_tab = QSplitter(Qt.Orientation.Vertical)
        timeline_tab.setChildrenCollapsible(False)
        timeline_tab.addWidget(picture)
        timeline_tab.addWidget(self.lists["timeline"])
        timeline_tab.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        for key in LENS_TABS:
            page = timeline_tab if key == "timeline" else self.lists[key]
            self.tabs.addTab(page, key.capitalize())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_MARGIN, 8, SIDE_MARGIN, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        # Wide enough for every tab's name: none may hide behind scroll arrows.
        tabs_width = self.tabs.tabBar().sizeHint().width() + 2 * SIDE_MARGIN + 8
        self.setMinimumWidth(max(MIN_WIDTH, tabs_width))
        self.set_comparison(None, None)
        self._fill_pending()

    # -- filling --------------------------------------------------------------------

    def set_comparison(
        self, comparison: Comparison | None, layout: ComparisonLayout | None
    ) -> None:
        """Show the lenses of `comparison` (None, or a comparison without lenses, clears).

        A folded panel fills itself when it is next shown: the lists of two long
        articles cost the GUI thread time nobody is looking at.

        Args:
            comparison: the engine's comparison (its `lenses` are shown).
            layout: its layout (the sentences behind each entry, for tooltips).
        """
        self._pending = (comparison, layout)
        if self.isVisible():
            self._fill_pending()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fill_pending()

    def _fill_pending(self) -> None:
        if self._pending is None:
            return
        (comparison, layout), self._pending = self._pending, None
        for widget in self.lists.values():
            widget.clear()
        lenses = comparison.lenses if comparison is not None else None
        self._layout = layout
        if lenses is None or layout is None:
            empty = "No comparison yet." if comparison is None else "No lenses for this comparison."
            for widget in self.lists.values():
                self._note(widget, empty)
            self._timeline_rows = ()
            self.timeline.set_rows(())
            self._fit_timeline()
            return
        self._fill_voices(lenses.voices, lenses.anonymous)
        self._timeline_rows = lenses.timeline
        self._fill_timeline(layout)
        self._fill_numbers(lenses.numbers)
        self._fill_names(lenses.names)

    def _unit_text(self, side: str, uid: int) -> str:
        unit = self._layout.unit(side, uid) if self._layout is not None else None
        return unit.text if unit is not None else ""

    def _tip(self, a: Sequence[int], b: Sequence[int]) -> str:
        lines = []
        for side, ids in (("a", a), ("b", b)):
            lines += [
                f"{side.upper()} #{u}: {clip(self._unit_text(side, u), 200)}" for u in ids[:3]
            ]
            if len(ids) > 3:
                lines.append(f"{side.upper()}: and {len(ids) - 3} more")
        return plain_tooltip("\n".join([*lines, "Click to show it in both articles."]))

    def _header(self, widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable, no data
        font = QFont(widget.font())
        font.setWeight(QFont.Weight.DemiBold)
        item.setFont(font)
        widget.addItem(item)

    def _note(self, widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)

    def _entry(
        self,
        widget: QListWidget,
        text: str,
        a: Sequence[int],
        b: Sequence[int],
        what: str,
        row: int = -1,
        entry: AliasEntry | None = None,
    ) -> None:
        item = QListWidgetItem(text)
        item.setData(_ROLE, Target(tuple(a), tuple(b), what, row))
        if entry is not None:
            item.setData(_ENTRY, entry)
        item.setToolTip(self._tip(a, b))
        widget.addItem(item)

    def _grouped(
        self,
        widget: QListWidget,
        entries: Sequence[_Entry],
        headings: tuple[str, str, str],
        line: Callable[[_Entry], tuple[str, str]],
        units: Callable[[_Entry], tuple[Sequence[int], Sequence[int]]],
        entry: Callable[[_Entry], AliasEntry] | None = None,
    ) -> None:
        """Entries under "both", "only A", "only B" headings, each with its count."""
        sided = [(e, *units(e)) for e in entries]
        groups = (
            [x for x in sided if x[1] and x[2]],
            [x for x in sided if x[1] and not x[2]],
            [x for x in sided if x[2] and not x[1]],
        )
        for heading, group in zip(headings, groups, strict=True):
            if group:
                self._header(widget, f"{heading} ({len(group)})")
            for e, a, b in group:
                text, what = line(e)
                self._entry(widget, text, a, b, what, entry=entry(e) if entry else None)

    def _fill_voices(self, voices: Sequence[Voice], anonymous: dict[str, list[Unnamed]]) -> None:
        widget = self.lists["voices"]

        def line(v: Voice) -> tuple[str, str]:
            da, db = clip(v.description_a, 140), clip(v.description_b, 140)
            lines = [f"{v.name}   {_counts(v.a, v.b)}"]
            if da and da == db:
                lines.append(da)
            else:
                lines += [f"{s}: {d}" for s, d in (("A", da), ("B", db)) if d]
            return "\n".join(lines), v.name

        heads = ("Quoted by both", "Only A quotes", "Only B quotes")
        self._grouped(widget, voices, heads, line, _units, _alias_entry)
        if not voices:
            self._note(widget, "Neither article names a source.")
        said = {s: anonymous.get(s, []) for s in ("a", "b")}
        self._header(widget, f"Unnamed sources: A {len(said['a'])} · B {len(said['b'])}")
        for side, found in said.items():
            for m in found:
                a, b = ([m.unit], []) if side == "a" else ([], [m.unit])
                text = f"{side.upper()}: {clip(m.text, 80)}"
                self._entry(widget, text, a, b, text)

    def _fill_timeline(self, layout: ComparisonLayout) -> None:
        widget = self.lists["timeline"]
        rows = self._timeline_rows
        self.timeline.set_rows(rows, clash_links(rows, layout.pairs), self._unit_text)
        self._fit_timeline()
        for k in reading_order(rows):
            r = rows[k]
            date = date_label(r.date)
            if r.date.startswith("????"):
                date += " (year not stated)"
            both = "both" if r.a and r.b else "A only" if r.a else "B only"
            head = f"{date}   {'⚠ conflict' if r.conflict else both}"
            sides = (("A", r.a, r.text_a), ("B", r.b, r.text_b))
            said = [f"{s}: {'; '.join(texts)}" for s, ids, texts in sides if ids]
            self._entry(widget, f"{head}\n{' · '.join(said)}", r.a, r.b, date, row=k)
        if not rows:
            self._note(widget, "Neither article dates anything.")

    def _fit_timeline(self) -> None:
        # The picture's own height plus room for a horizontal scroll bar.
        bar = self.timeline_scroll.horizontalScrollBar().sizeHint().height()
        self.timeline_scroll.setFixedHeight(self.timeline.sizeHint().height() + bar + 4)

    def _fill_numbers(self, numbers: Sequence[NumberRow]) -> None:
        widget = self.lists["numbers"]

        def line(r: NumberRow) -> tuple[str, str]:
            sides = [
                f"{s}: {', '.join(c.text for c in found)}"
                for s, found in (("A", r.a), ("B", r.b))
                if found
            ]
            mark = {True: "  (same)", False: "  ⚠ differs", None: ""}[r.agree]
            return f"{clip(r.thing, 120)}\n{' · '.join(sides)}{mark}", r.thing

        heads = ("Both count", "Only A counts", "Only B counts")
        self._grouped(widget, numbers, heads, line, _counted)
        if not numbers:
            self._note(widget, "Neither article gives a number.")

    def _fill_names(self, names: Sequence[Name]) -> None:
        widget = self.lists["names"]

        def line(n: Name) -> tuple[str, str]:
            text = f"{n.name}   {_counts(n.a, n.b)}"
            if n.description:
                text += f"\n{clip(n.description, 140)}"
            if n.aliases:
                text += f"\nalso: {clip('; '.join(n.aliases), 160)}"
            return text, n.name

        heads = ("Both name", "Only A names", "Only B names")
        self._grouped(widget, names, heads, line, _units, _alias_entry)
        if not names:
            self._note(widget, "No names found.")

    # -- activation -----------------------------------------------------------------

    def show_lens(self, key: str) -> None:
        """Bring the tab of lens `key` ("voices", "timeline", "numbers", "names") forward."""
        if key in LENS_TABS:
            self.tabs.setCurrentIndex(LENS_TABS.index(key))

    def current_lens(self) -> str:
        """The key of the lens on top."""
        return LENS_TABS[max(0, self.tabs.currentIndex())]

    def entry_at(self, key: str, pos: QPoint) -> AliasEntry | None:
        """The voice or name entry at `pos` of tab `key`'s list."""
        item = self.lists[key].itemAt(pos)
        found = item.data(_ENTRY) if item is not None else None
        return found if isinstance(found, AliasEntry) else None

    def entries(self, key: str) -> list[AliasEntry]:
        """Every voice or name entry tab `key` lists, in its order."""
        widget = self.lists[key]
        found = (widget.item(k).data(_ENTRY) for k in range(widget.count()))
        return [e for e in found if isinstance(e, AliasEntry)]

    def _menu_requested(self, key: str, pos: QPoint) -> None:
        entry = self.entry_at(key, pos)
        if entry is not None:
            widget = self.lists[key]
            self.entry_menu_requested.emit(key, entry, widget.viewport().mapToGlobal(pos))

    def _activated(self, item: QListWidgetItem) -> None:
        data = item.data(_ROLE)
        if isinstance(data, Target):
            self.units_activated.emit(list(data.a), list(data.b), data.what)

    def _timeline_row(self, row: int) -> None:
        if 0 <= row < len(self._timeline_rows):
            r = self._timeline_rows[row]
            widget = self.lists["timeline"]
            for k in range(widget.count()):
                data = widget.item(k).data(_ROLE)
                if isinstance(data, Target) and data.row == row:
                    widget.setCurrentRow(k)
                    widget.scrollToItem(widget.item(k))
            self.units_activated.emit(list(r.a), list(r.b), date_label(r.date))

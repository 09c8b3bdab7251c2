"""A slim rail at the comparison's right edge: closed side panels, one click to open.

Summary and notes give the reading panes their room by folding into the rail; a
folded panel shows as a narrow button with its name written vertically, so it
is never lost (as Meld and IDEs fold their tool windows).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QSplitter, QToolButton, QVBoxLayout, QWidget

RAIL_WIDTH = 26
FOCUS_RING = 2  # pixels
PANEL_MODES = ("auto", "open", "closed")


class RailButton(QToolButton):
    """A narrow button whose text reads bottom to top.

    Args:
        text: the panel's name ("Summary", "Notes").
        tip: the tooltip (names the shortcut).
        parent: owning widget.
    """

    def __init__(self, text: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(f"Show {text}")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """As wide as one line of text, as tall as the text is long."""
        metrics = self.fontMetrics()
        return QSize(RAIL_WIDTH, metrics.horizontalAdvance(self.text()) + 28)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The usual button frame, then the text turned a quarter left."""
        painter = QPainter(self)
        if self.underMouse() or self.hasFocus():
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Midlight))
        if self.hasFocus():
            # Reached by Tab: a ring in the highlight colour, as the toolbar's
            # buttons have (the fill alone is faint in the dark scheme).
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_RING)
            painter.setPen(pen)
            half = FOCUS_RING / 2
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.translate(0, self.height())
        painter.rotate(-90)
        rect = QRectF(0, 0, self.height(), self.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"‹  {self.text()}")
        painter.end()


class SideRail(QWidget):
    """A column of `RailButton`s; hides itself when none is shown.

    Args:
        parent: owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Folded panels")
        self.setFixedWidth(RAIL_WIDTH)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)
        self.buttons: dict[str, RailButton] = {}

    def add_button(self, key: str, text: str, tip: str) -> RailButton:
        """Add a (hidden) button for panel `key`; show it with `set_folded`."""
        button = RailButton(text, tip, self)
        button.hide()
        self._layout.insertWidget(len(self.buttons), button)
        self.buttons[key] = button
        return button

    def set_folded(self, key: str, folded: bool) -> None:
        """Show panel `key`'s button while the panel is folded away."""
        self.buttons[key].setVisible(folded)
        self.setVisible(any(not b.isHidden() for b in self.buttons.values()))


class PanelFold(QObject):
    """Opens a side panel or folds it into the rail: "open", "closed" or "auto".

    "auto" (the default until the user chooses) opens the panel only while the
    view has room for it (`fits()` says so); a choice made with the action or
    the rail button is the new mode, and `mode_changed` reports it to be remembered.

    Args:
        panel: the panel widget.
        rail: the rail its button lives on.
        key: the rail button's key.
        name: the panel's name ("Summary").
        shortcut: the toggle's key.
        before_change: called before the panel shows or hides (keeps the
            reading position).
        fits: whether the view has room for the panel now ("auto" opens it then).
        parent: the view (the action is added to it).

    Signals:
        mode_changed(str): the user chose "open" or "closed".
        opened_by_user(): the user opened the panel (it is shown now).
    """

    mode_changed = Signal(str)
    opened_by_user = Signal()

    def __init__(
        self,
        panel: QWidget,
        rail: SideRail,
        key: str,
        name: str,
        shortcut: str,
        before_change: Callable[[], None],
        fits: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.panel, self.rail, self.key = panel, rail, key
        self._fits = fits
        self._before_change = before_change
        self._mode = "auto"
        tip = f"Show or fold the {name.lower()} panel ({shortcut})"
        self.action = QAction(f"{name} Panel", parent)
        self.action.setIconText(name)
        self.action.setCheckable(True)
        self.action.setChecked(True)
        self.action.setShortcut(QKeySequence(shortcut))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.setToolTip(tip)
        self.action.toggled.connect(lambda on: self.set_open(on, remember=True))
        parent.addAction(self.action)
        button = rail.add_button(key, name, f"Show the {name.lower()} ({shortcut})")
        button.clicked.connect(lambda: self.set_open(True, remember=True))

    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Apply a remembered mode (unknown values mean "auto")."""
        self._mode = mode if mode in PANEL_MODES else "auto"
        self.fit()

    def is_open(self) -> bool:
        return not self.panel.isHidden()

    def fold_for_room(self) -> None:
        """Fold: the other panel was opened where the two do not fit.

        Kept folded for this window (a resize does not bring it back to widen
        the window again), but not saved as the user's choice: on the next
        start, on a wider screen, its saved mode applies again.
        """
        self._mode = "closed"
        self.set_open(False)

    def fit(self) -> None:
        """The view changed size: open or fold the panel by the mode."""
        mode = self._mode
        self.set_open(mode == "open" or (mode == "auto" and self._fits()))

    def set_open(self, open_: bool, *, remember: bool = False) -> None:
        """Open or fold the panel; `remember`: the user chose (emits the new mode)."""
        if remember:
            mode = "open" if open_ else "closed"
            if mode != self._mode:
                self._mode = mode
                self.mode_changed.emit(mode)
        if self.panel.isHidden() != open_:
            return  # already so
        self._before_change()
        self.panel.setVisible(open_)
        if open_:
            give_room(self.panel)
        self.rail.set_folded(self.key, not open_)
        self.action.blockSignals(True)
        self.action.setChecked(open_)
        self.action.blockSignals(False)
        if open_ and remember:
            self.opened_by_user.emit()


def give_room(panel: QWidget) -> None:
    """Widen a panel just shown in a splitter that kept it at no width.

    A splitter child hidden before its first layout comes back at width 0:
    "open" but invisible, with its rail button gone.  It gets its preferred
    width from the widest child (the texts).
    """
    splitter = panel.parentWidget()
    if not isinstance(splitter, QSplitter):
        return
    sizes = splitter.sizes()
    index = splitter.indexOf(panel)
    widest = max(range(len(sizes)), key=sizes.__getitem__)
    if sizes[index] > 0 or widest == index or sizes[widest] == 0:
        return  # already has room, or the splitter is not laid out yet
    want = max(panel.sizeHint().width(), panel.minimumSizeHint().width())
    want = min(want, sizes[widest] // 2)
    sizes[widest] -= want
    sizes[index] = want
    splitter.setSizes(sizes)

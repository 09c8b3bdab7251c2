"""The comparison page's keyboard order: toolbar, text A, text B, the side panels.

`QToolBar` makes the buttons of its actions `NoFocus`: right for a main
window's toolbar, whose every action a menu reaches too, but the comparison's
toolbar is the page's own row of controls, and a keyboard user must reach each
button with Tab and Shift+Tab, as a mouse user reaches it with a click.  The
order follows the page, top to bottom and left to right: the toolbar, the two
texts, then what stands at their right (the summary, the lenses, the rail).
Qt's own order is the order widgets were made in, which put the toolbar's
buttons after the notes panel and the summary's lists after the notes too.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QWidget


def tab_reachable(toolbar: QToolBar) -> list[QWidget]:
    """Give `toolbar`'s buttons Tab focus; returns them left to right."""
    buttons = []
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is None or action.isSeparator():
            continue
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab, not a click: the texts keep it
        button.setProperty("tabStop", True)  # its focus ring (parallax.qss)
        buttons.append(button)
    return buttons


def tab_stops(container: QWidget) -> list[QWidget]:
    """The outermost widgets inside `container` that Tab stops at, in their present order.

    A stop inside another (a tab widget's tab bar and lists) is left out:
    `setTabOrder` moves a widget with the stops inside it, in their own order,
    and ordering them one by one after their tab widget tore the chain apart
    (the tab widget, which hands its focus to its tab bar, ended up after the
    lists, and Tab went round and round the lenses).
    """
    stops: list[QWidget] = []
    widget = container.nextInFocusChain()
    # The chain is a ring through the window; `stops` guards against a broken one.
    while widget is not None and widget is not container and widget not in stops:
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return [w for w in stops if not any(o is not w and o.isAncestorOf(w) for o in stops)]


def chain_tabs(widgets: Sequence[QWidget]) -> None:
    """Make Tab go from each of `widgets` to the next (Shift+Tab back)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)

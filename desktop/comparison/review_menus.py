"""The review context menus: on a pair or a hand link, in a pane or in the claims lists.

Plain functions over a `Reviewing` (they only call its operations), kept apart
so `reviewing.py` holds the state and the operations.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QMenu, QTextEdit

from desktop.comparison.review_marks import RELATION_WORDS, link_at
from library.reviews import RELATIONS

if TYPE_CHECKING:
    from desktop.comparison.reviewing import Reviewing


def pair_actions(r: Reviewing, layout_index: int, parent: QObject) -> list[QAction]:
    """Confirm, Reject, Mark as …, Review with Reason…, Clear Review, Note This Claim…"""
    layout = r.view._layout
    if layout is None or r._articles() is None or r._engine_index(layout_index) is None:
        return []
    machine = layout.pairs[layout_index].relation
    out: list[QAction] = []
    act = partial(_act, out, parent)
    act("Confirm", lambda: r.review_pair(layout_index, judgement="confirm"))
    act("Reject", lambda: r.review_pair(layout_index, judgement="reject"))
    for relation in RELATIONS:
        if relation != machine:
            act(
                f"Mark as {RELATION_WORDS[relation].title()}",
                partial(r.review_pair, layout_index, relation=relation),
            )
    act("Review with Reason…", lambda: r.review_with_reason(layout_index))
    act("Clear Review", lambda: r.clear_pair(layout_index))
    out[-1].setEnabled(r.review_of(layout_index) is not None)
    act("Note This Claim…", lambda: r.note_claim_of(layout_index))
    out[-1].setShortcut(r.act_note_claim.shortcut())
    out[-1].setEnabled(r.note_claim is not None)
    return out


def link_actions(r: Reviewing, index: int, parent: QObject) -> list[QAction]:
    """Edit Link…, Remove Link, Note This Claim… for hand link `index`."""
    out: list[QAction] = []
    act = partial(_act, out, parent)
    act("Edit Link…", lambda: r.edit_link(index))
    act("Remove Link", lambda: r.remove_link(index))
    act("Note This Claim…", lambda: r.note_claim_of(link=index))
    out[-1].setEnabled(r.note_claim is not None)
    return out


def actions_at(r: Reviewing, edit: QTextEdit, pos: QPoint) -> list[QAction]:
    """Review actions for the pair (or hand link) under viewport point `pos` of a pane."""
    for side, pane in r.view.panes.items():
        if pane.text_edit is edit:
            offset = pane.text_edit.body_offset_at(pos)
            layout = r.view._layout
            unit = None if offset is None or layout is None else layout.unit_at(side, offset)
            if unit is None:
                return []
            out = [] if unit.pair is None else pair_actions(r, unit.pair, edit)
            link = link_at(r.links, side, unit.unit_id)
            if link is not None:  # a sentence can be in a machine pair and a hand link
                if out:
                    out.append(QAction(edit))
                    out[-1].setSeparator(True)
                out += link_actions(r, link.index, edit)
            return out
    return []


def list_menu(r: Reviewing, widget: QListWidget, pos: QPoint) -> None:
    """The context menu of a claims-list entry (a machine pair or a hand link)."""
    item = widget.itemAt(pos)
    data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    if not data or data[0] not in ("pair", "link"):
        return
    menu = QMenu(widget)
    if data[0] == "pair":
        menu.addActions(pair_actions(r, int(data[1]), menu))
    else:
        menu.addActions(link_actions(r, int(data[1]), menu))
    menu.exec(widget.viewport().mapToGlobal(pos))
    menu.deleteLater()


def _act(out: list[QAction], parent: QObject, text: str, slot: Callable[[], object]) -> None:
    action = QAction(text, parent)
    action.triggered.connect(lambda: slot())
    out.append(action)

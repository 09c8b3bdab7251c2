"""Teaching aliases from the window: "Same as…" and "Forget alias" on a voice or a name.

The text alone cannot tell that "Ministry of State Security" and "National
Security Department" are one body; the user can.  Right-click an entry of the
Lenses panel's Voices or Names tab: "Same as…" picks another entry of the list
(or takes a typed name) and teaches the pair through `Collection.teach_alias`;
"Forget alias" removes a taught pair the entry came from.  The comparison on
screen is then run again (the collection's comparison reads the taught pairs),
so the lists show one entry, or two again.  The "Aliases…" dialog lists every
taught pair with Remove.  Every text here is plain: the names come from the
articles or from the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.text import clip, plain_label, plain_tooltip
from library.compare.aliases import TaughtAliases, alias_key
from library.errors import ParallaxError

if TYPE_CHECKING:
    from desktop.comparison.lenses_panel import AliasEntry
    from desktop.comparison.view import ComparisonView
    from library.collection import Collection
    from library.records import Alias

MENU_NAME_LIMIT = 60  # a name in a menu item, clipped
_PAIR = Qt.ItemDataRole.UserRole  # an Aliases dialog line: (name, alias)


def taught_for(entry: AliasEntry, taught: list[Alias]) -> list[Alias]:
    """The taught pairs behind a lens entry: those of the alias group any of its forms is in.

    Args:
        entry: the forms of a voice or a name.
        taught: every taught pair.
    """
    groups = TaughtAliases((x.name, x.alias) for x in taught)
    forms = [entry.name, *entry.aliases]
    mine = {g for f in forms if (g := groups.key(alias_key(f))) is not None}
    return [x for x in taught if groups.group.get(alias_key(x.name)) in mine]


class SameAsDialog(QDialog):
    """Asks which other name an entry is the same as: one of the list, or typed."""

    def __init__(self, parent: QWidget | None, name: str, choices: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Same As")
        question = plain_label(QLabel(f"“{clip(name, 80)}” is the same person, body or place as:"))
        question.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setEditable(True)  # any name may be typed, not only the listed ones
        self.choice.addItems(choices)
        self.choice.setCurrentIndex(-1)  # nothing picked for the user: the field starts empty
        self.setMinimumWidth(380)
        self.choice.setAccessibleName("The other name")
        line = self.choice.lineEdit()
        if line is not None:
            line.setPlaceholderText("Pick or type a name")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.choice)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, choices: list[str]) -> str | None:
        """The other name, or None if cancelled or empty (tests replace this)."""
        dialog = cls(parent, name, choices)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return " ".join(dialog.choice.currentText().split()) or None


class AliasesDialog(QDialog):
    """Every taught pair, one a line, with Remove.

    Args:
        collection: where the pairs are stored.
        parent: owning widget.

    Signals:
        changed(): a pair was removed.
    """

    changed = Signal()

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.setWindowTitle("Aliases")
        self.resize(460, 320)
        intro = plain_label(
            QLabel(
                "Names taught to stand for one person, body or place. Comparisons "
                "group them in the Voices and Names lenses. To teach one, right-click "
                "a voice or a name in the Lenses panel and choose “Same as…”."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Taught aliases")
        self.list.setWordWrap(True)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.reload()

    def reload(self) -> None:
        """List the pairs as stored now."""
        self.list.clear()
        for pair in self.collection.aliases():
            item = QListWidgetItem(f"{pair.name}  =  {pair.alias}")  # items are plain text
            item.setToolTip(plain_tooltip(f"{pair.name}\n=\n{pair.alias}"))
            item.setData(_PAIR, (pair.name, pair.alias))
            self.list.addItem(item)
        if not self.list.count():
            item = QListWidgetItem("No aliases taught yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # a note, not a pair
            self.list.addItem(item)
        self._update()

    def _update(self) -> None:
        item = self.list.currentItem()
        self.remove_button.setEnabled(item is not None and item.data(_PAIR) is not None)

    def remove_selected(self) -> None:
        """Forget the selected pair."""
        item = self.list.currentItem()
        pair = item.data(_PAIR) if item is not None else None
        if not pair:
            return
        try:
            self.collection.forget_alias(*pair)
        except ParallaxError:
            self.reload()  # already gone (another window?): the list says so, nothing to redo
            return
        self.reload()
        self.changed.emit()


class AliasTeaching(QObject):
    """ "Same as…" / "Forget alias" on the view's lenses, stored through `collection`.

    Args:
        view: the comparison view (its Lenses panel and its runner).
        collection: the open collection (used on the GUI thread only).
    """

    def __init__(self, view: ComparisonView, collection: Collection) -> None:
        super().__init__(view)
        self.view = view
        self.collection = collection
        self.panel = view.lenses.panel
        self.panel.entry_menu_requested.connect(self._show_menu)
        self.act_aliases = QAction("&Aliases…", view)
        self.act_aliases.setStatusTip("The names taught to stand for one person, body or place")
        self.act_aliases.triggered.connect(lambda _checked=False: self.show_aliases())

    def actions_for(self, lens: str, entry: AliasEntry) -> list[QAction]:
        """The context menu of one voice or name: "Same as…" and a "Forget alias" per pair."""
        name = entry.name
        same = QAction(f"Same as… ({clip(name, MENU_NAME_LIMIT)})", self)
        same.triggered.connect(lambda _checked=False: self.ask_same_as(lens, entry))
        found = [same]
        try:
            taught = taught_for(entry, self.collection.aliases())
        except ParallaxError:
            taught = []
        for pair in taught:
            said = f"{clip(pair.name, MENU_NAME_LIMIT)} = {clip(pair.alias, MENU_NAME_LIMIT)}"
            forget = QAction(f"Forget Alias: {said}", self)
            forget.triggered.connect(lambda _checked=False, p=pair: self.forget(p.name, p.alias))
            found.append(forget)
        return found

    def _show_menu(self, lens: str, entry: AliasEntry, where: QPoint) -> None:
        menu = QMenu(self.panel)
        menu.addActions(self.actions_for(lens, entry))
        menu.exec(where)

    def ask_same_as(self, lens: str, entry: AliasEntry) -> None:
        """Ask which entry (or typed name) `entry` is the same as, and teach it."""
        name = entry.name
        choices = [e.name for e in self.panel.entries(lens) if e.name != name]
        other = SameAsDialog.ask(self.view, name, list(dict.fromkeys(choices)))
        if other:
            self.teach(name, other)

    def teach(self, name: str, other: str) -> bool:
        """Teach `name` = `other` and compare again; False (and a status line) if refused."""
        try:
            op = self.collection.teach_alias(name, other)
        except ParallaxError as exc:
            self.view.status_message.emit(f"Alias not taught: {exc}")
            return False
        said = "taught" if op.changes.aliases else "already taught"
        self.view.status_message.emit(f"Alias {said}: {clip(name, 60)} = {clip(other, 60)}")
        if op.changes.aliases:  # an already-taught pair changes nothing on screen
            self.compare_again()
        return True

    def forget(self, name: str, alias: str) -> None:
        """Forget a taught pair and compare again."""
        try:
            changes = self.collection.forget_alias(name, alias)
        except ParallaxError as exc:
            self.view.status_message.emit(f"Alias not forgotten: {exc}")
            return
        if changes.aliases:
            self.compare_again()

    def show_aliases(self) -> AliasesDialog:
        """Open the Aliases dialog (modeless); a removal compares the pair on screen again."""
        dialog = AliasesDialog(self.collection, self.view)
        dialog.changed.connect(self.compare_again)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def compare_again(self) -> None:
        """Run the comparison on screen again (it reads the taught pairs afresh)."""
        a, b = (self.view.panes[s].article for s in ("a", "b"))
        if a is not None and b is not None:
            self.view.open_articles(a, b)

"""`RecentComparisons`: the last few article pairs compared, newest first.

Stored by article id (the ids of the versions compared) with the titles at
the time, so the menu can be drawn without touching the database and a
pair whose article was since removed can be dropped with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QMenu

from desktop.settings import Settings
from desktop.text import clip, plain_tooltip
from library.article import Article

KEY = "recent/comparisons"
MAX_RECENT = 10


# A named tuple, not a dataclass: a dataclass compiles its methods' source at
# import (~0.5 ms of CPU before the first paint).
class RecentPair(NamedTuple):
    """One remembered comparison."""

    id_a: int
    id_b: int
    title_a: str
    title_b: str

    @property
    def label(self) -> str:
        return f"{clip(self.title_a, 40)} ↔ {clip(self.title_b, 40)}"


class RecentComparisons:
    """The recent-comparisons list in `settings`.

    Args:
        settings: where the list is kept.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def pairs(self) -> list[RecentPair]:
        """Newest first; damaged entries are skipped."""
        raws = self._settings.str_list(KEY)
        if not raws:  # as at the first start-up: json (~2 ms of imports) not needed
            return []
        import json

        pairs = []
        for raw in raws:
            try:
                data = json.loads(raw)
                pairs.append(
                    RecentPair(int(data["a"]), int(data["b"]), str(data["ta"]), str(data["tb"]))
                )
            except (ValueError, KeyError, TypeError):
                continue
        return pairs

    def add(self, article_a: Article, article_b: Article) -> None:
        """Put this pair at the top (moving it if already listed, in either order)."""
        if article_a.id is None or article_b.id is None:
            return
        new = RecentPair(int(article_a.id), int(article_b.id), article_a.title, article_b.title)
        same = {(new.id_a, new.id_b), (new.id_b, new.id_a)}
        pairs = [new] + [p for p in self.pairs() if (p.id_a, p.id_b) not in same]
        self._save(pairs[:MAX_RECENT])

    def remove(self, pair: RecentPair) -> None:
        self._save([p for p in self.pairs() if p != pair])

    def clear(self) -> None:
        self._save([])

    def _save(self, pairs: list[RecentPair]) -> None:
        import json

        self._settings.set_str_list(
            KEY,
            [
                json.dumps(
                    {"a": p.id_a, "b": p.id_b, "ta": p.title_a, "tb": p.title_b}, ensure_ascii=False
                )
                for p in pairs
            ],
        )


def fill_recent_menu(
    menu: QMenu, recent: RecentComparisons, open_pair: Callable[[RecentPair], None]
) -> None:
    """(Re)build File > Recent Comparisons, numbered &1…&0 for the keyboard.

    Args:
        menu: the submenu, filled just before it shows.
        recent: the list to show.
        open_pair: called with the pair chosen.
    """
    menu.clear()
    pairs = recent.pairs()
    for n, pair in enumerate(pairs, start=1):
        # "&" in a title is text, not a keyboard mnemonic.
        action = menu.addAction(f"&{n % 10} {pair.label.replace('&', '&&')}")
        action.setToolTip(plain_tooltip(f"{pair.title_a}\n↔ {pair.title_b}"))
        action.triggered.connect(lambda _checked=False, p=pair: open_pair(p))
    if not pairs:
        menu.addAction("No recent comparisons").setEnabled(False)
        return
    menu.addSeparator()
    menu.addAction("Clear List", recent.clear)

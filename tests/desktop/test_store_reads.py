"""The window writes only through `Collection`'s operations (issue #10's "one door").

It may read through the stores a `Collection` holds (`collection.notes.search`,
`collection.library.current`), as Anki's views read through `col.decks`; any
other call on a store reached that way is a write that would return no
`Changes` for the other views, and no SQL connection is touched at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

#: The store methods that only read.  A store method not listed here is taken as a write.
READS = frozenset(
    {"all", "all_notes", "articles", "count", "current", "exists", "find", "find_uid"}
    | {"for_article", "for_articles", "for_comparison", "get", "get_meta", "notes", "page"}
    | {"raw_notes", "search", "side", "tags", "titles", "trash", "versions"}
)
#: The stores a `Collection` holds, as the window names them.
STORES = frozenset({"notes", "library", "reviews"})
#: Raw SQLite handles: never reached for from the window.
HANDLES = frozenset({"db", "conn"})


def _is_collection(node: ast.expr) -> bool:
    """`collection`, `self.collection`, `window.collection`…"""
    if isinstance(node, ast.Name):
        return node.id == "collection"
    return isinstance(node, ast.Attribute) and node.attr == "collection"


def _is_store(node: ast.expr) -> bool:
    """`collection.notes` (or `.library`, `.reviews`), or a view's `self.store`."""
    if not isinstance(node, ast.Attribute):
        return False
    if node.attr == "store":
        return True
    return node.attr in STORES and _is_collection(node.value)


def offences(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in HANDLES and _is_store(node.value):
            found.append(f"{name}:{node.lineno} reaches .{node.attr}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method = node.func.attr
            if _is_store(node.func.value) and method not in READS:
                found.append(f"{name}:{node.lineno} calls store method {method}()")
    return found


def test_the_window_only_reads_through_the_stores() -> None:
    root = Path(desktop.__file__).parent
    found = [
        o
        for path in sorted(root.rglob("*.py"))
        for o in offences(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
    ]
    assert found == []


def test_the_check_catches_a_write_past_the_collection() -> None:
    source = (
        "self.collection.notes.delete(3)\n"  # a write: no Changes for the other views
        "self.store.update(note)\n"
        "collection.library.db.execute('DELETE FROM articles')\n"
        "self.collection.delete_note(3)\n"  # the door: fine
        "self.collection.notes.for_article(4)\n"  # a read: fine
        "self.notes.show_noted_spans()\n"  # not a store (the window's note targets)
        "self.recent.remove(pair)\n"
    )
    assert [o.split()[0] for o in offences(source, "bad.py")] == [
        "bad.py:1",
        "bad.py:2",
        "bad.py:3",
    ]

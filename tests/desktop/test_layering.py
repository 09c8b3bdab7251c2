"""The window reaches the data only through `Collection` (no store, no SQL of its own),
and runs background work only through `desktop.tasks.TaskManager`."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

#: Modules the window must not import: the stores and SQLite sit behind `Collection`.
FORBIDDEN_MODULES = (
    "sqlite3",
    "sqlite_utils",
    "library.database",
    "library.store",
    "library.notes.store",
    "library.reviews.store",
)
FORBIDDEN_NAMES = {"LibraryStore", "NotesStore", "ReviewsStore", "Database"}


def _offences(path: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
            names: list[str] = []
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            names = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            if any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN_MODULES):
                found.append(f"{path.name}:{node.lineno} imports {module}")
        found += [f"{path.name}:{node.lineno} imports {n}" for n in names if n in FORBIDDEN_NAMES]
    return found


def test_desktop_imports_no_store_and_no_sqlite() -> None:
    root = Path(desktop.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 20
    offences = [o for path in files for o in _offences(path)]
    assert offences == []


def test_the_check_catches_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import sqlite3\nfrom library.store import LibraryStore\n"
        "from library.notes import NotesStore\nfrom library.collection import Collection\n"
    )
    lines = {offence.split()[0] for offence in _offences(bad)}
    assert lines == {"bad.py:1", "bad.py:2", "bad.py:3"}  # not the Collection


#: Ways to start a thread; only the task manager may use them.
THREAD_MAKERS = {"QThreadPool", "QThread", "QRunnable", "Thread", "ThreadPoolExecutor", "Pool"}


def _thread_makers(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    used |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    return sorted(used & THREAD_MAKERS)


def test_background_work_goes_through_the_task_manager() -> None:
    root = Path(desktop.__file__).parent
    makers = {
        str(path.relative_to(root)): found
        for path in sorted(root.rglob("*.py"))
        if (found := _thread_makers(path))
    }
    assert makers == {"tasks.py": ["ThreadPoolExecutor"]}

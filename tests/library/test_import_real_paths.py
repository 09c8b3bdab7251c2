"""A folder import's source paths: the folder resolved once, each file as `Path.resolve` has it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from library.importer import collect_files, import_paths
from library.paths import display_path
from library.store import LibraryStore

BODY = "The Quayside council met on Tuesday.\n\nIt voted 7 to 2 for the new ferry timetable."


@pytest.fixture
def linked_tree(tmp_path: Path) -> Path:
    """real/inbox with nested folders, a linked file and a linked folder; `via` links to real."""
    inbox = tmp_path / "real" / "inbox"
    (inbox / "one" / "two").mkdir(parents=True)
    (inbox / "a.txt").write_text("Alpha\n\n" + BODY)
    (inbox / "one" / "two" / "b.txt").write_text("Beta\n\n" + BODY + " Beta.")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.txt").write_text("Gamma\n\n" + BODY + " Gamma.")
    (elsewhere / "d.txt").write_text("Delta\n\n" + BODY + " Delta.")
    (inbox / "one" / "c.txt").symlink_to(elsewhere / "c.txt")  # a linked file
    (inbox / "linked").symlink_to(elsewhere)  # a linked folder: not walked into
    (tmp_path / "via").symlink_to(tmp_path / "real")
    return tmp_path


@pytest.mark.skipif(os.name != "posix", reason="the walk resolves once only on POSIX")
@pytest.mark.parametrize("given", ["via/inbox", "real/inbox", "real/inbox/one/../one/.."])
def test_walked_files_resolve_as_path_resolve_does(
    linked_tree: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.chdir(linked_tree)  # a relative folder, as typed in a terminal
    found = collect_files([Path(given)])
    names = sorted(f.path.name for f in found)
    assert names == ["a.txt", "b.txt", "c.txt"]
    for item in found:
        assert item.real_path == str(item.path.resolve()) or item.path.is_symlink()
    assert all(f.real_path is not None for f in found)  # known without resolving each file
    store = LibraryStore(linked_tree / "home")
    report = import_paths(store, [Path(given)])
    stored = sorted(r.article.source_path or "" for r in report.results if r.article)
    assert stored == sorted(display_path(f.path.resolve()) for f in found)
    # The linked file is stored under its target, as before.
    assert display_path((linked_tree / "elsewhere" / "c.txt").resolve()) in stored
    store.close()

"""Shared fixtures: a private data dir per test, the sample articles, headless Qt."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Set before any Qt import so every test runs headless, with or without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from library.collection import Collection
    from library.notes import NotesStore
    from library.store import LibraryStore

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO / "resources" / "articles"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a QApplication as `gui`, as qutebrowser does."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures or "qtmodeltester" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh Parallax data dir; `$PARALLAX_HOME` points at it so nothing touches ~."""
    home = tmp_path / "parallax-home"
    monkeypatch.setenv("PARALLAX_HOME", str(home))
    yield home


@pytest.fixture
def test_data() -> Path:
    """Our own small input files (tests/data)."""
    return DATA


@pytest.fixture
def sample_paths() -> list[Path]:
    """The two sample articles shipped in resources/articles."""
    return sorted(SAMPLES.glob("*.md"))


@pytest.fixture
def collection(data_dir: Path) -> Iterator[Collection]:
    """A `Collection` in `data_dir`, seeded with the two sample articles; closed after.

    Test files whose articles differ define their own `collection`.
    """
    from library.collection import Collection

    coll = Collection(data_dir)
    yield coll
    coll.close()


@pytest.fixture
def notes_store(data_dir: Path) -> Iterator[NotesStore]:
    """A `NotesStore` in `data_dir` (no library bound); closed after."""
    from library.notes import NotesStore

    notes = NotesStore(data_dir)
    yield notes
    notes.close()


@pytest.fixture
def library_store(tmp_path: Path) -> Iterator[LibraryStore]:
    """An empty `LibraryStore` in a fresh folder; closed after."""
    from library.store import LibraryStore

    store = LibraryStore(tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def collection_of(
    data_dir: Path, tmp_path: Path
) -> Iterator[Callable[[dict[str, str]], Collection]]:
    """Make a library (no samples) of files {name: text}, imported as one folder; closed after."""
    from library.collection import Collection

    opened: list[Collection] = []

    def make(articles: dict[str, str]) -> Collection:
        folder = tmp_path / "articles"
        folder.mkdir()
        for name, text in articles.items():
            (folder / name).write_text(text, encoding="utf-8")
        collection = Collection(data_dir, seed=False)
        opened.append(collection)
        collection.import_paths([folder])
        return collection

    yield make
    for collection in opened:
        collection.close()

"""Two small articles on the same story, imported into a fresh data dir (no samples)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from library.article import Article
from library.collection import Collection

TEXT_A = """# Harbour pier opens

The harbour authority said on Monday that the new pier will open in May.

Fishermen said the construction had halved their catch.

The mayor thanked the workers who built the pier.
"""

TEXT_B = """# Pier to open soon

The harbour authority announced on Monday that the new pier will open in June.

Local fishermen said the construction had halved their catch this year.

Tourists are expected to arrive by the thousands.
"""

#: A new version of A: a paragraph inserted above, the reviewed sentences kept.
TEXT_A2 = """# Harbour pier opens

UPDATE: the authority spoke again on Tuesday, and repeated its plans.

The harbour authority said on Monday that the new pier will open in May.

Fishermen said the construction had halved their catch.

The mayor thanked the workers who built the pier.
"""

#: A version of A with none of the old sentences.
TEXT_A3 = "# Harbour pier opens\n\nA completely rewritten story about the weather today.\n"


@dataclass
class Pair:
    collection: Collection
    a: Article
    b: Article
    path_a: Path
    path_b: Path

    def new_version(self) -> Article:
        """A's file changed (a paragraph inserted above), imported: its new version."""
        return self.reimport(TEXT_A2)

    def rewritten(self) -> Article:
        """A's file rewritten from scratch, imported: its new version."""
        return self.reimport(TEXT_A3)

    def reimport(self, text: str | None = None) -> Article:
        """Write `text` into A's file (if given) and import it; A's current version."""
        if text is not None:
            self.path_a.write_text(text, encoding="utf-8")
        article = self.collection.library.get(
            self.collection.import_paths([self.path_a]).results[0].article.id
        )
        assert article is not None
        self.a = article
        return article


def import_two(collection: Collection, folder: Path) -> Pair:
    path_a, path_b = folder / "harbour-a.md", folder / "harbour-b.md"
    path_a.write_text(TEXT_A, encoding="utf-8")
    path_b.write_text(TEXT_B, encoding="utf-8")
    a = collection.library.get(collection.import_paths([path_a]).results[0].article.id)
    b = collection.library.get(collection.import_paths([path_b]).results[0].article.id)
    assert a is not None and b is not None
    return Pair(collection, a, b, path_a, path_b)


@pytest.fixture
def importer() -> Callable[[Collection, Path], Pair]:
    """`import_two(collection, folder)`, for tests that build their own collection."""
    return import_two


@pytest.fixture
def two(data_dir: Path, tmp_path: Path) -> Iterator[Pair]:
    """Articles A and B in a fresh collection (closed afterwards)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    collection = Collection(data_dir, seed=False)
    try:
        yield import_two(collection, folder)
    finally:
        collection.close()

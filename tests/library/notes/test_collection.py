"""End to end through `Collection`: re-importing a changed file moves its notes along."""

from __future__ import annotations

import ast
from pathlib import Path

from library.collection import Collection

FIRST = """# Harbour plans

The harbour authority said on Monday that the new pier will open in May.

Fishermen said the construction had halved their catch.
"""

SECOND = """# Harbour plans

UPDATE: officials spoke again on Tuesday.

The harbour authority said on Monday that the new pier will open in June.

Fishermen said the construction had halved their catch.
"""

THIRD = "# Harbour plans\n\nA completely rewritten story about the weather.\n"


def test_reimport_reanchors_and_detaches(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "harbour.md"
    source.write_text(FIRST, encoding="utf-8")
    collection = Collection(data_dir, seed=False)
    try:
        imported = collection.import_paths([source]).results[0].article
        assert imported is not None
        article = collection.library.get(imported.id)  # the report holds no body
        notes = collection.notes
        catch = notes.add_quote_note(article, "halved their catch", "Source?")
        pier = notes.add_quote_note(article, "the new pier will open in May", "Date differs")

        source.write_text(SECOND, encoding="utf-8")
        result = collection.import_paths([source]).results[0]
        assert result.status == "new_version" and result.article is not None
        new = collection.library.get(result.article.id)
        assert new.id is not None and new.id != article.id
        moved = notes.get(catch.id)
        assert moved.article_id == new.id and not moved.detached
        assert moved.anchor is not None
        assert new.body[moved.anchor.start : moved.anchor.end] == "halved their catch"
        fuzzy = notes.get(pier.id)
        assert fuzzy.anchor is not None and not fuzzy.detached
        assert "pier will open in June" in new.body[fuzzy.anchor.start : fuzzy.anchor.end]

        source.write_text(THIRD, encoding="utf-8")
        third = collection.import_paths([source]).results[0].article
        assert third is not None and third.id is not None
        gone = notes.for_article(third.id)
        assert {n.id for n in gone} == {catch.id, pier.id}
        assert all(n.detached and n.anchor and n.anchor.quote for n in gone)
    finally:
        collection.close()


def test_notes_code_never_touches_the_network() -> None:
    package = Path(__file__).resolve().parents[3] / "library" / "notes"
    banned = {"socket", "urllib", "http", "requests", "ssl", "ftplib", "smtplib"}
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in banned, f"{path.name} imports {name}"

"""What an import loads and opens once, before its first file: only what its files need.

An in-process import loads no worker-pool machinery; a file whose front
matter is plain `key: "text"` lines loads no YAML (and reads exactly as
YAML reads it); an import whose files no note names never opens the notes
store, and one that a note waits for still re-attaches it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from library.collection import Collection
from library.ingest.front_matter import load_front_matter
from library.ingest.simple_front_matter import split_simple
from library.notes.named import NamedArticles
from tests.helpers import python_output

_LOADED = (
    "import sys\n"
    "from pathlib import Path\n"
    "from library.collection import Collection\n"
    "c = Collection(sys.argv[1], seed=False)\n"
    "report = c.import_paths([Path(sys.argv[2])])\n"
    "assert report.count('added') == int(sys.argv[3]), report.summary()\n"
    "heavy = ['multiprocessing', 'concurrent.futures', 'yaml', 'frontmatter',\n"
    "         'library.notes.store', 'library.notes.relink']\n"
    "print(' '.join(m for m in heavy if m in sys.modules))\n"
)


def _inbox(folder: Path, count: int, header: str = 'title: "Story {n}"') -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"s{n:03d}.md").write_text(
            f'---\n{header.format(n=n)}\noutlet: "Kestrel Post"\n---\n\n'
            f"The ferry to Orlin island ran {n} times on Sunday.\n",
            encoding="utf-8",
        )
    return folder


def test_an_in_process_import_loads_no_pool_yaml_or_notes_store(tmp_path: Path) -> None:
    # 60 files: read a chunk at a time (`in_chunks`), the pool's path without a pool.
    inbox = _inbox(tmp_path / "inbox", 60)
    loaded = python_output(
        _LOADED, str(tmp_path / "home"), str(inbox), "60", PARALLAX_IMPORT_WORKERS="0"
    )
    assert loaded.split() == []
    assert not (tmp_path / "home" / "notes.db").exists()


def test_a_dated_header_still_loads_yaml(tmp_path: Path) -> None:
    # The check above can fail: an unquoted date is YAML's to read.
    inbox = _inbox(tmp_path / "inbox", 2, header="published: 2031-04-1{n}")
    loaded = python_output(_LOADED, str(tmp_path / "home"), str(inbox), "2")
    assert "yaml" in loaded.split()


TEXTS = [
    '---\ntitle: "Quay"\noutlet: "Tarn Daily"\n---\n\nText of the quay.\n',
    '---\r\ntitle: "Crlf"\r\n---\r\n\r\nLine one.\r\nLine two.\r\n',
    '-----  \ntitle: "Long boundary"\n\n\n-----\nBody.\n',
    '---\n\n\ntitle: "Blank lines first"\n---\nBody.\n',
    '---\ntitle: "No closing boundary"\nBody.\n',
    '---\ncontent: "a key python-frontmatter takes as its own"\n---\nBody.\n',
    '---\ntitle: "Two"\n---\nBody with\n---\na third boundary.\n',
    "---\n---\nEmpty header.\n",
    "No front matter at all.\n\nSecond paragraph.\n",
    '  \n---\ntitle: "After a blank line"\n---\nBody.\n',
    '{\n"title": "JSON front matter"\n}\nBody.\n',
    "}\nA closing brace first.\n",
    "---\ntitle: plain\n---\nBody.\n",
    '---\ntitle: "x"\n---\n',
]


@pytest.mark.parametrize("text", TEXTS)
def test_simple_front_matter_splits_as_python_frontmatter_does(text: str) -> None:
    simple = split_simple(text)
    try:
        expected: object = load_front_matter(text)
    except Exception as exc:  # the library's own failure: never taken by the fast path
        expected = type(exc)
    if simple is not None:
        assert simple == expected


def test_the_fast_path_takes_the_common_shapes() -> None:
    # Without this, a `split_simple` that always declined would pass the test above.
    taken = [t for t in TEXTS if split_simple(t) is not None]
    assert len(taken) >= 8
    assert split_simple(TEXTS[5]) is None  # "content" breaks python-frontmatter's Post


def test_no_notes_db_names_nothing_and_creates_nothing(tmp_path: Path) -> None:
    named = NamedArticles(tmp_path / "notes.db")
    assert not named.may_name("abc", "/a/b.md")
    assert not (tmp_path / "notes.db").exists()


def test_named_articles_follow_notes_added_meanwhile(data_dir: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Pier vote\n\nThe pier at Dunmore will close in June.\n", encoding="utf-8")
    collection = Collection(data_dir, seed=False)
    try:
        first = collection.import_paths([story]).results[0].article
        assert first is not None
        named = NamedArticles(data_dir / "notes.db")
        assert not named.may_name(first.content_hash, first.source_path)  # no notes.db yet
        collection.notes.add_article_note(first.id, "Ask the harbour master")
        # The store's connection committed: read again, the article is named now.
        assert named.may_name(first.content_hash, first.source_path)
        assert named.may_name(None, first.source_path)
        assert not named.may_name("0" * 64, "/elsewhere/other.txt")
        named.close()
    finally:
        collection.close()


def test_an_unreadable_notes_db_leaves_the_question_to_the_store(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_bytes(b"not a database at all" * 100)
    assert NamedArticles(tmp_path / "notes.db").may_name("abc", "/a/b.md")


def test_an_import_no_note_names_leaves_the_notes_store_closed(
    data_dir: Path, tmp_path: Path
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Canal\n\nThe canal at Brisk reopened.\n", encoding="utf-8")
    collection = Collection(data_dir, seed=False)
    try:
        assert collection.import_paths([story]).count("added") == 1
        assert "notes" not in vars(collection)  # the cached property was never read
        assert not (data_dir / "notes.db").exists()
    finally:
        collection.close()


def test_reading_the_names_leaves_no_files_behind(data_dir: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Weir\n\nThe weir at Castlow was rebuilt.\n", encoding="utf-8")
    collection = Collection(data_dir, seed=False)
    first = collection.import_paths([story]).results[0].article
    assert first is not None
    collection.notes.add_article_note(first.id, "Who paid?")
    collection.close()
    named = NamedArticles(data_dir / "notes.db")
    assert named.may_name(first.content_hash, first.source_path)
    named.close()
    assert sorted(p.name for p in data_dir.glob("notes.db*")) == ["notes.db"]

"""Chinese search, library and notes: inside runs, either script, ranked, from old files."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from library.article import Article, ArticleId
from library.errors import InvalidQuery
from library.fts_query import fold_query, parse_query
from library.notes import NotesStore
from library.notes.schema import migrations as notes_migrations
from library.search_index import index_form
from library.store import LibraryStore
from library.store.schema import migrations as library_migrations

# Small news texts written for these tests, one per script.
SIMPLIFIED = (
    "【本报北京10月13日讯】自2022年10月陈一新接任国家安全部部长以来，"
    "该部通过WeChat公众号发布了多篇文章。\n\n"
    "国家安全部称，自2005年以来共破获间谍案件数十起。"
)
TRADITIONAL = (
    "【本報台北訊】國家安全部局長李兆宗週三表示，該局已於2005年完成改組。\n\n"
    "他說，部分學校的網絡曾遭入侵。"
)
ENGLISH = "The Ministry of State Security said on Tuesday that its WeChat account was hacked."


@pytest.fixture
def library(tmp_path: Path) -> LibraryStore:
    store = LibraryStore(tmp_path)
    for i, body in enumerate((SIMPLIFIED, TRADITIONAL, ENGLISH)):
        store.add(Article(title=f"Article {i}", body=body, source_path=f"/{i}"))
    return store


def _paths(store: LibraryStore, query: str) -> set[str | None]:
    return {hit.article.source_path for hit in store.search(query)}


def test_traditional_and_simplified_queries_find_the_same_articles(library: LibraryStore) -> None:
    assert _paths(library, "國家安全部") == _paths(library, "国家安全部") == {"/0", "/1"}
    assert _paths(library, "學校") == _paths(library, "学校") == {"/1"}


def test_two_character_words_inside_runs(library: LibraryStore) -> None:
    assert _paths(library, "部长") == {"/0"}
    assert _paths(library, "改组") == {"/1"}
    assert _paths(library, "间谍") == {"/0"}
    assert _paths(library, "局") == {"/1"}


def test_latin_words_and_numbers_touching_chinese(library: LibraryStore) -> None:
    assert _paths(library, "WeChat") == {"/0", "/2"}
    assert _paths(library, "wechat") == {"/0", "/2"}  # case-insensitive
    assert _paths(library, "2022") == {"/0"}
    assert _paths(library, "2005") == {"/0", "/1"}
    assert _paths(library, "2005年") == {"/0", "/1"}


def test_chinese_and_english_terms_together(library: LibraryStore) -> None:
    assert _paths(library, "WeChat 国家安全部") == {"/0"}
    assert _paths(library, '"国家 安全部"') == {"/0", "/1"}
    assert _paths(library, "国家安全部 北京") == {"/0"}


def test_chinese_results_are_ranked(library: LibraryStore) -> None:
    hits = library.search("国家安全部")
    assert hits[0].article.source_path == "/0"  # named twice, not once
    assert hits[0].rank < hits[1].rank < 0


def test_snippets_show_the_original_script(library: LibraryStore) -> None:
    [hit] = library.search("国家安全部局长")
    assert "[國家安全部局長]" in hit.snippet
    [hit] = library.search("學校")
    assert "[學校]" in hit.snippet
    hits = library.search("WeChat")
    assert all("[WeChat]" in h.snippet for h in hits)


@pytest.mark.parametrize(
    "text",
    ["國家*", "国 AND 家", '"国家', "NOT 部长", "部长:", "^国", "国家 OR", "😀国家", "ＷｅＣｈａｔ",
     "(2022)", "国" * 300, "a\ud800b", "〇", "々"],
)  # fmt: skip
def test_no_traceback_on_any_input(library: LibraryStore, text: str) -> None:
    library.search(text)


def test_punctuation_only_is_a_clear_error(library: LibraryStore) -> None:
    with pytest.raises(InvalidQuery):
        library.search("，。【】")


def test_fold_query_forms() -> None:
    assert fold_query(parse_query("國家安全部")).fts == '"国 家 安 全 部"'
    assert fold_query(parse_query("局長 budget*")).fts == '"局 长" "budget"*'
    assert fold_query(parse_query("国家*")).fts == '"国 家"'  # a CJK token is whole
    assert fold_query(parse_query('"Li Zhaozong"')).fts == '"Li Zhaozong"'


def test_removed_and_superseded_articles_leave_the_index(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    first = store.add(Article(title="t", body="旧文本提到部长。", source_path="/a")).article
    store.add(Article(title="t", body="新文本提到局长。", source_path="/a"))
    assert store.search("部长") == []
    assert len(store.search("局長")) == 1
    store.remove(first.id or 0)
    assert store.search("局长") == []


def test_old_library_is_reindexed_on_open(tmp_path: Path) -> None:
    # A library.db as the previous version left it: unicode61 over the raw text.
    db = sqlite_utils.Database(tmp_path / "library.db")
    library_migrations.apply(db, stop_before="m003_chinese_search")
    for i, body in enumerate((SIMPLIFIED, TRADITIONAL)):
        db.table("articles").insert(
            {"id": i + 1, "source_key": f"/{i}", "version": 1, "title": f"T{i}", "body": body,
             "source_path": f"/{i}", "content_hash": str(i), "imported_at": "2024-01-01"}
        )  # fmt: skip
    db.close()
    store = LibraryStore(tmp_path)
    assert _paths(store, "國家安全部") == {"/0", "/1"}
    assert _paths(store, "2005") == {"/0", "/1"}


# -- notes ---------------------------------------------------------------------


@pytest.fixture
def notes(tmp_path: Path) -> NotesStore:
    return NotesStore(tmp_path, make_backups=False)


def test_notes_search_folds_scripts(notes: NotesStore) -> None:
    simplified = notes.add_article_note(1, "局长李兆宗的说法与通报不符。", ["核实"])
    traditional = notes.add_article_note(2, "國家安全部局長的說法需要核實。")
    assert {h.note.id for h in notes.search("局長")} == {simplified.id, traditional.id}
    assert {h.note.id for h in notes.search("说法")} == {simplified.id, traditional.id}
    [hit] = notes.search("國家安全部")
    assert hit.note.id == traditional.id
    assert "[國家安全部局長]" in notes.search("国家安全部局长")[0].snippet


def test_notes_tag_filter_with_chinese_tags(notes: NotesStore) -> None:
    tagged = notes.add_article_note(1, "局长的说法。", ["核实"])
    notes.add_article_note(2, "局长的另一说法。")
    assert [h.note.id for h in notes.search("局长", tag="核实")] == [tagged.id]
    assert [h.note.id for h in notes.search("核實")] == [tagged.id]  # tags are indexed too


def test_notes_passage_quotes_are_searchable_in_either_script(notes: NotesStore) -> None:
    article = Article(title="t", body=TRADITIONAL, id=ArticleId(3))
    note = notes.add_quote_note(article, "已於2005年完成改組", "日期待查")
    [hit] = notes.search("改组")
    assert hit.note.id == note.id
    assert "[改組]" in hit.snippet


def test_notes_index_follows_edits_and_trash(notes: NotesStore) -> None:
    note = notes.add_article_note(1, "部长辞职。")
    notes.update(note.id, text="局长辞职。")
    assert notes.search("部长") == []
    assert [h.note.id for h in notes.search("局長")] == [note.id]
    notes.delete(note.id)
    assert notes.search("局长") == []
    notes.restore(note.id)
    assert [h.note.id for h in notes.search("局长")] == [note.id]


def test_old_notes_file_is_reindexed_on_open(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "notes.db")
    notes_migrations.apply(db, stop_before="m006_chinese_search")
    db.table("notes").insert(
        {"id": 1, "uid": "u1", "kind": "article", "text": "局长的说法与WeChat通报不符", "tags": "",
         "created_at": "2024-01-01", "updated_at": "2024-01-01", "article_id": 1, "detached": 0}
    )  # fmt: skip
    db.close()
    store = NotesStore(tmp_path, make_backups=False)
    assert [h.note.id for h in store.search("局長")] == [1]
    assert [h.note.id for h in store.search("wechat")] == [1]
    assert [h.note.id for h in store.search("說法")] == [1]


def test_symbols_are_tokens_of_their_own(tmp_path: Path) -> None:
    # Emoji and other symbols are indexed (the query parser may search for
    # them) without gluing the words around them together.
    assert (index_form("Coffee☕time 25°C 🙂国家") or "").split() == [
        "Coffee", "☕", "time", "25", "°", "C", "🙂", "国", "家",
    ]  # fmt: skip
    store = LibraryStore(tmp_path)
    store.add(Article(title="t", body="Coffee☕time at 25°C 🙂"))
    assert len(store.search("coffee")) == len(store.search("25")) == 1
    rows = store.db.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", ['"☕" "🙂"']
    ).fetchone()
    assert rows == (1,)


def test_snippet_of_a_match_deep_in_a_long_body(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    body = "经济发展会议。" * 1000 + "國家安全部局長李兆宗表示。" + "经济发展会议。" * 10
    store.add(Article(title="t", body=body))
    [hit] = store.search("局长")
    assert "[局長]" in hit.snippet and hit.snippet.startswith("…")


def test_snippet_starts_at_a_word(library: LibraryStore) -> None:
    [hit] = library.search("hacked")
    assert hit.snippet.startswith("…") and hit.snippet[1] != " "
    assert "[hacked]" in hit.snippet

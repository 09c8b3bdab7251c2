"""An article's language: read from its script at import, stated ones kept, old rows backfilled."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from library import language
from library.article import Article
from library.store import LibraryStore
from library.store.schema import migrations as library_migrations

# Small news texts written for these tests.
CHINESE = "【本报北京10月13日讯】国家安全部部长陈一新13日在北京会见了来访的WeChat代表团。"
TRADITIONAL = "國家安全部局長李兆宗週三表示，該局已於2005年完成改組。"
ENGLISH = "The Ministry of State Security said on Tuesday that Li Linyi (李林一) had resigned."
FRENCH = "Le ministre a démissionné mardi, selon un communiqué publié dans la soirée."


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (CHINESE, "zh"),
        (TRADITIONAL, "zh"),
        (ENGLISH, "en"),
        (FRENCH, "und"),
        ("東京都は水曜日、新しい計画を発表した。", "ja"),
        ("서울시는 수요일 새로운 계획을 발표했다.", "ko"),
        ("", "und"),
        ("2024", "und"),
        ("你好", "zh"),
        ("该镇有九个墓园：Bucher、Calvertville、Goodwin、Kelley、Owens 和 Walnut Grove。", "zh"),
        ("Li Linyi resigns", "und"),
    ],
)
def test_detect_reads_the_script(text: str, code: str) -> None:
    assert language.detect(text) == code


@pytest.mark.parametrize(
    ("tag", "code"),
    [("zh-Hant-TW", "zh"), ("zh_CN", "zh"), ("Chinese", "zh"), ("en-US", "en"), ("fr", "fr")],
)
def test_stated_tags_reduce_to_their_family(tag: str, code: str) -> None:
    assert language.family(tag) == code
    assert language.of(tag, ENGLISH if code != "en" else CHINESE) == code


def test_import_stores_the_detected_language_unless_stated(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    zh = store.add(Article(title="t", body=CHINESE)).article
    en = store.add(Article(title="t", body=ENGLISH)).article
    stated = store.add(Article(title="t", body=TRADITIONAL, language="zh-Hant")).article
    assert (zh.language, en.language, stated.language) == ("zh", "en", "zh-Hant")
    listed = store.page(order_by="id", descending=False)
    assert [s.language for s in listed] == ["zh", "en", "zh-Hant"]


def test_old_library_gets_languages_on_open(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "library.db")
    library_migrations.apply(db, stop_before="m007_article_language")
    for i, (body, lang) in enumerate(((CHINESE, None), (ENGLISH, None), (FRENCH, "fr"))):
        db.table("articles").insert(
            {"id": i + 1, "source_key": f"/{i}", "version": 1, "title": f"T{i}", "body": body,
             "language": lang, "source_path": f"/{i}", "content_hash": str(i),
             "imported_at": "2024-01-01"}
        )  # fmt: skip
    db.close()
    store = LibraryStore(tmp_path)
    assert [store.get(i).language for i in (1, 2, 3)] == ["zh", "en", "fr"]

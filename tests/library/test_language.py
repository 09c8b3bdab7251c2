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


def _detect_reference(text: str) -> str:
    """`language.detect` before its ASCII fast path."""
    sample = text[: language.SAMPLE_CHARS]
    han = len(language._HAN.findall(sample))
    kana = len(language._KANA.findall(sample))
    hangul = len(language._HANGUL.findall(sample))
    words = language._LATIN_WORD.findall(sample)
    if hangul > max(han, len(words)):
        return "ko"
    if kana and kana * 5 >= han and kana + han > len(words):
        return "ja"
    if han * 2 > len(words):
        return "zh"
    english = sum(1 for w in words if w.lower() in language._ENGLISH)
    if len(words) >= 3 and english / len(words) >= language._ENGLISH_SHARE:
        return "en"
    return language.UNDETERMINED


def test_fast_paths_detect_what_the_full_count_detects() -> None:
    import random

    words = ["The", "of", "AND", "said", "harbour", "Le", "ministre", "x", "42", "İt", "été"]
    words += ["国家", "東京", "서울", "Ünited", "WAS", "\u0130s"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(0, 40))) for _ in range(3000)]
    texts += [ENGLISH, FRENCH, CHINESE, "", "a b", "The " * 2000 + "le " * 9000]
    for text in texts:
        assert language.detect(text) == _detect_reference(text), repr(text)


def test_ascii_text_of_any_bytes_is_detected_as_the_full_count_detects() -> None:
    # The ASCII path splits translated bytes: digits, "_", marks and control
    # characters between the letters must part words as `[A-Za-z]+` does.
    import random

    rng = random.Random(17)
    pieces = [chr(c) for c in range(128)] + ["the ", "said ", "was ", "Pellow ", "_", "2"] * 6
    texts = ["".join(rng.choice(pieces) for _ in range(50)) for _ in range(3000)]
    texts += ["THE_MAYOR2SAID", "the\x0bmayor\x1fsaid", "Pellow Varn"]
    for text in texts:
        assert language.detect(text) == _detect_reference(text), repr(text)
    assert language.detect("THE_MAYOR2SAID") == "en"


def test_latin_text_with_marks_beyond_ascii_is_detected_as_the_full_count_detects() -> None:
    import random

    rng = random.Random(29)
    marks = ["\u2019", "\u201c", "\u201d", "\u2014", "\u2026", "\u00d7", "\u00f7", "\u00a0"]
    words = ["the ", "said ", "was ", "Pellow ", "caf\u00e9 ", "\u00c9t\u00e9 ", "\u56fd\u5bb6 "]
    pieces = marks + words + [chr(c) for c in range(32, 127)]
    texts = ["".join(rng.choice(pieces) for _ in range(40)) for _ in range(3000)]
    texts += ["The mayor\u2019s \u201cplan\u201d \u2014 said the port."]
    for text in texts:
        assert language.detect(text) == _detect_reference(text), repr(text)


def test_every_character_beyond_ascii_is_detected_as_the_full_count_detects() -> None:
    # One text per code point: a mark the ASCII path takes as "?" must be
    # none the full count reads as kana, Han or Hangul (U+30FB, U+FA6E...).
    for point in [*range(0x80, 0x10000), 0x1F642, 0x20000, 0xE0001, 0x10FFFF]:
        char = chr(point)
        for text in (f"{char}{char}{char}{char} Ok", f"The pier{char} said{char}{char} it"):
            assert language.detect(text) == _detect_reference(text), (hex(point), text)

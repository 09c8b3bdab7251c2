"""Other coverage across scripts: a Chinese report and its English coverage (invented texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import coverage_xl
from library.article import Article
from library.collection import Collection

# One invented event told in Chinese and in English; a Chinese report of
# another event; an English report of another event of the same kind.
ZH = Article(
    title="国家安全部：李林一涉嫌间谍罪被依法逮捕",
    body=(
        "新华社北京10月13日电 国家安全部13日发布消息称，李林一涉嫌为境外间谍情报机关"
        "窃取国家秘密，已于2022年10月11日被依法逮捕。\n\n"
        "国家安全部表示，李林一曾在上海一家研究所工作，共向境外提供情报37份。"
    ),
    outlet="新华社",
    published="2022-10-13",
    language="zh",
    source_path="/t/zh_arrest.txt",
)
EN = Article(
    title="China arrests researcher Li Linyi on espionage charges",
    body=(
        "BEIJING — China's Ministry of State Security said on October 13 that Li Linyi, "
        "a former researcher at a Shanghai institute, was arrested on October 11, 2022 on "
        "suspicion of spying for a foreign intelligence agency.\n\n"
        "According to Xinhua, Li passed 37 documents to foreign handlers."
    ),
    outlet="Voice of America",
    published="2022-10-13",
    language="en",
    source_path="/t/en_arrest.txt",
)
ZH_OTHER = Article(
    title="广州暴雨致地铁停运",
    body=(
        "新华社广州6月2日电 广州市2日遭遇强降雨，多条地铁线路停运，约1200名乘客滞留。"
        "\n\n气象部门表示，降雨将持续到周五。"
    ),
    outlet="新华社",
    published="2023-06-02",
    language="zh",
    source_path="/t/zh_rain.txt",
)
EN_OTHER = Article(
    title="Iran says it arrested Omid Karimi as a spy",
    body=(
        "TEHRAN — Iran's intelligence ministry said on March 3 that Omid Karimi, an "
        "engineer, was arrested in 2019 on suspicion of spying for a foreign agency.\n\n"
        "The ministry said he passed 12 documents to handlers abroad."
    ),
    outlet="Wire",
    published="2020-03-03",
    language="en",
    source_path="/t/en_other.txt",
)
ZH_TRADITIONAL = Article(
    title="國家安全部：李林一涉嫌間諜罪被依法逮捕",
    body=(
        "國家安全部13日發布消息稱，李林一涉嫌為境外間諜情報機關竊取國家秘密，"
        "已於2022年10月11日被依法逮捕。"
    ),
    outlet="中央社",
    published="2022-10-14",
    language="zh",
    source_path="/t/zh_trad.txt",
)
NO_NAMES = Article(
    title="天气",
    body="今天很好。",
    language="zh",
    source_path="/t/zh_plain.txt",
)


@pytest.fixture
def collection(tmp_path: Path) -> Collection:
    col = Collection(tmp_path / "home", seed=False)
    for article in [ZH_OTHER, EN_OTHER, ZH, EN, ZH_TRADITIONAL, NO_NAMES]:
        col.library.add(article)
    yield col
    col.close()


def _id(col: Collection, source_path: str) -> int:
    return next(int(a.id or 0) for a in col.library.articles() if a.source_path == source_path)


def test_chinese_report_finds_its_english_coverage_first_among_the_english(
    collection: Collection,
) -> None:
    related = collection.related(_id(collection, ZH.source_path or ""))
    paths = [r.article.source_path for r in related]
    assert EN.source_path in paths
    # Above the other events in either script (when proposed at all).
    for other in (EN_OTHER, ZH_OTHER):
        if other.source_path in paths:
            assert paths.index(EN.source_path) < paths.index(other.source_path)
    found = related[paths.index(EN.source_path)]
    assert "李林一" in found.names and "国家安全部" in found.names
    assert "37" in found.numbers


def test_english_report_finds_the_chinese_one(collection: Collection) -> None:
    related = collection.related(_id(collection, EN.source_path or ""))
    paths = [r.article.source_path for r in related]
    assert paths[0] in (ZH.source_path, ZH_TRADITIONAL.source_path)
    assert ZH.source_path in paths
    if ZH_OTHER.source_path in paths:
        assert paths.index(ZH.source_path) < paths.index(ZH_OTHER.source_path)


def test_traditional_script_report_finds_the_simplified_one(collection: Collection) -> None:
    related = collection.related(_id(collection, ZH_TRADITIONAL.source_path or ""))
    assert related[0].article.source_path == ZH.source_path


def test_article_without_names_does_not_crash(collection: Collection) -> None:
    collection.related(_id(collection, NO_NAMES.source_path or ""))


def test_query_terms_cross_scripts() -> None:
    zh_terms = coverage_xl.query_terms(ZH)
    assert '"li linyi"' in zh_terms
    assert '"ministry of state security"' in zh_terms
    assert '"xinhua"' in zh_terms
    assert '"october 13"' in zh_terms
    en_terms = coverage_xl.query_terms(EN)
    assert '"国 家 安 全 部"' in en_terms
    assert '"10 月 13 日"' in en_terms


def test_cross_features_match_names_dates_numbers() -> None:
    features, names, _dates, numbers = coverage_xl.features(ZH, EN)
    assert {"李林一", "国家安全部", "上海"} <= set(names)
    assert features["dates"] > 0.5 and "37" in numbers
    other, *_ = coverage_xl.features(ZH, EN_OTHER)
    assert other["names"] < features["names"]


def test_hostile_names_stay_fts5_safe(collection: Collection) -> None:
    hostile = Article(
        title='Ministry of "State" Security OR NEAR(Li* - Linyi) AND "Xinhua',
        body='Beijing said "Li Linyi" ^was {arrested} on October 13: NOT 37* (Xinhua)',
        language="en",
        source_path="/t/hostile.txt",
    )
    collection.library.add(hostile)
    related = collection.related(_id(collection, "/t/hostile.txt"))
    assert ZH.source_path in [r.article.source_path for r in related]


def test_an_all_english_library_never_reads_the_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise AssertionError("the dictionary was read")

    monkeypatch.setattr(coverage_xl, "_reverse", refuse)
    monkeypatch.setattr(coverage_xl, "_segments", refuse)
    col = Collection(tmp_path / "home", seed=False)
    try:
        for article in [EN, EN_OTHER]:
            col.library.add(article)
        related = col.related(_id(col, EN.source_path or ""))
        assert [r.article.source_path for r in related] == [EN_OTHER.source_path]
    finally:
        col.close()


def test_the_embedding_weighs_more_across_scripts(collection: Collection) -> None:
    from library.coverage import WEIGHTS, candidate_features

    def embed(texts: list[str]) -> list[list[float]]:
        return [[1.0, 0.0] for _ in texts]  # every lead alike

    _source, scored = candidate_features(
        collection.library, _id(collection, ZH.source_path or ""), embed=embed
    )
    by_path = {item.article.source_path: features for item, features in scored}
    assert by_path[EN.source_path]["embedding_xl"] == pytest.approx(1.0)
    assert "embedding_xl" not in by_path[ZH_TRADITIONAL.source_path]  # same script
    assert WEIGHTS["embedding_xl"] > 0

"""Other coverage of the same event: `Collection.related` and `parallax related`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from library.article import Article
from library.cli import main
from library.collection import Collection
from library.errors import NotFound

# Two reports of one event by different outlets, one report of another event
# of the same kind told in the same words, and unrelated articles.
QUAKE_A = Article(
    title="Strong earthquake shakes Valdoria coast, killing 14",
    body=(
        "A magnitude 6.8 earthquake struck off the coast of Valdoria on Tuesday, "
        "killing at least 14 people in the port town of Marenko, officials said.\n\n"
        "Interior minister Petra Holm said rescue teams were searching collapsed "
        "buildings. The quake hit at 3:40 a.m. on March 12, the Valdoria Seismic "
        "Institute said, at a depth of 10 kilometres."
    ),
    outlet="Coast Herald",
    published="2024-03-12",
    source_path="/t/quake_a.txt",
)
QUAKE_B = Article(
    title="Marenko counts its dead after 6.8 quake",
    body=(
        "Rescuers in Marenko dug through rubble on Tuesday after a 6.8 magnitude "
        "earthquake killed 14 people, according to interior minister Petra Holm.\n\n"
        "The Valdoria Seismic Institute said the earthquake struck on March 12 "
        "offshore. Aftershocks rattled the coast through the day."
    ),
    outlet="Northern Wire",
    published="2024-03-13",
    source_path="/t/quake_b.txt",
)
OTHER_QUAKE = Article(
    title="Earthquake shakes Valdoria coast, killing 3",
    body=(
        "A magnitude 5.9 earthquake struck the coast of Valdoria on Friday, "
        "killing 3 people in the fishing village of Oskar Bay, officials said.\n\n"
        "Rescue teams were searching collapsed buildings. The quake hit on "
        "November 2, the Valdoria Seismic Institute said; mayor Ilse Dorn asked "
        "residents to stay outdoors."
    ),
    outlet="Coast Herald",
    published="2021-11-02",
    source_path="/t/other_quake.txt",
)
UNRELATED = [
    Article(
        title=f"Local bakery wins prize {i}",
        body=f"The bakery on Main Street won a regional bread prize for the {i}th time. "
        "Its owner thanked the coast's farmers for the flour.",
        source_path=f"/t/bakery_{i}.txt",
    )
    for i in range(4)
]


@pytest.fixture
def collection(tmp_path: Path) -> Collection:
    col = Collection(tmp_path / "home", seed=False)
    for article in [QUAKE_A, OTHER_QUAKE, *UNRELATED, QUAKE_B]:
        col.library.add(article)
    yield col
    col.close()


def _id(col: Collection, title: str) -> int:
    return next(int(a.id or 0) for a in col.library.articles() if a.title == title)


def test_same_event_ranks_first_above_same_kind_of_event(collection: Collection) -> None:
    source = _id(collection, QUAKE_A.title)
    related = collection.related(source)
    titles = [r.article.title for r in related]
    assert titles[0] == QUAKE_B.title
    assert titles.index(OTHER_QUAKE.title) > 0
    assert source not in [r.article.id for r in related]
    first = related[0]
    assert "Holm" in first.names and "Marenko" in first.names
    assert "6.8" in first.numbers and "March 12" in first.dates
    assert first.shared_facts is None  # only counted when asked


def test_reverse_direction_and_limit(collection: Collection) -> None:
    related = collection.related(_id(collection, QUAKE_B.title), limit=1)
    assert [r.article.title for r in related] == [QUAKE_A.title]


def test_shared_facts_only_for_the_top_few(collection: Collection) -> None:
    related = collection.related(_id(collection, QUAKE_A.title), facts=1)
    assert related[0].shared_facts is not None and related[0].shared_facts >= 1
    assert all(r.shared_facts is None for r in related[1:])


def test_other_versions_of_the_same_source_are_not_related(collection: Collection) -> None:
    collection.library.add(
        Article(title=QUAKE_A.title, body=QUAKE_A.body + " Updated.", source_path="/t/quake_a.txt")
    )
    current = _id(collection, QUAKE_A.title)
    related = collection.related(current)
    assert all(r.article.source_path != "/t/quake_a.txt" for r in related)


def test_missing_id_is_not_found(collection: Collection) -> None:
    with pytest.raises(NotFound):
        collection.related(999)


def test_never_reads_every_body(collection: Collection) -> None:
    source = _id(collection, QUAKE_A.title)
    statements: list[str] = []
    collection.library.db.conn.set_trace_callback(statements.append)
    try:
        collection.related(source, facts=2)
    finally:
        collection.library.db.conn.set_trace_callback(None)
    reading_bodies = [s for s in statements if re.search(r"\bbody\b", s) and "articles" in s]
    assert reading_bodies
    for sql in reading_bodies:
        # One article by id or source, or the bounded candidate query.
        assert re.search(r"\bLIMIT\b", sql) or re.search(r"WHERE (id|source_key) = ", sql), sql


def test_optional_embedding_hook_is_used(collection: Collection) -> None:
    calls: list[int] = []

    def embed(texts: list[str]) -> list[list[float]]:
        calls.append(len(texts))
        # Puts the other quake's lead closest to the source: it can move up.
        return [[1.0, 0.0] if "Oskar" in t or i == 0 else [0.0, 1.0] for i, t in enumerate(texts)]

    related = collection.related(_id(collection, QUAKE_A.title), embed=embed, limit=20)
    assert calls == [len(related) + 1]  # once: the source and every candidate
    plain = collection.related(_id(collection, QUAKE_A.title), limit=20)
    score = {r.article.title: r.score for r in plain}
    boosted = {r.article.title: r.score for r in related}
    assert boosted[OTHER_QUAKE.title] > score[OTHER_QUAKE.title]
    assert boosted[QUAKE_B.title] == pytest.approx(score[QUAKE_B.title])


def test_an_article_sharing_nothing_has_no_related(tmp_path: Path) -> None:
    col = Collection(tmp_path / "home", seed=False)
    col.library.add(Article(title="Alpha", body="Zebra quantum marmalade.", source_path="/a"))
    col.library.add(Article(title="Beta", body="Violin orbit tundra.", source_path="/b"))
    assert col.related(_id(col, "Alpha")) == []
    col.close()


# -- the command line --------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_text_and_json(collection: Collection, capsys: pytest.CaptureFixture[str]) -> None:
    source = _id(collection, QUAKE_A.title)
    home = str(collection.data_dir)
    collection.close()
    code, out, _ = _run(capsys, "--data-dir", home, "related", str(source), "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert QUAKE_B.title in lines[0] and "(Northern Wire)" in lines[0]
    assert "shared:" in lines[1] and "Holm" in lines[1]
    code, out, _ = _run(capsys, "--data-dir", home, "related", str(source), "--json", "--facts")
    data = json.loads(out)
    assert data[0]["title"] == QUAKE_B.title
    assert data[0]["shared_facts"] >= 1
    assert set(data[0]["shared"]) == {"names", "dates", "numbers", "terms"}
    code, _out, err = _run(capsys, "--data-dir", home, "related", "999")
    assert code == 1 and "No article with id 999" in err


def test_cli_titles_are_printed_safely(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    col = Collection(tmp_path / "home", seed=False)
    col.library.add(QUAKE_A)
    col.library.add(
        Article(title="Marenko \x1b[2J quake", body=QUAKE_B.body, source_path="/t/evil.txt")
    )
    source = _id(col, QUAKE_A.title)
    col.close()
    code, out, _ = _run(capsys, "--data-dir", str(tmp_path / "home"), "related", str(source))
    assert code == 0
    assert "\x1b" not in out and "␛[2J" in out

"""The floor of "other coverage": unrelated articles are not listed as reports of the event.

Texts are invented (the quake reports of `test_coverage`, and the cross-script
arrest reports of `test_coverage_xl`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from library.article import Article
from library.cli import main
from library.collection import Collection
from library.coverage import WEIGHTS
from library.coverage_floor import FLOOR, XL_FLOOR, evidence, likely, split
from tests.library.test_coverage import OTHER_QUAKE, QUAKE_A, QUAKE_B, UNRELATED
from tests.library.test_coverage_xl import EN, EN_OTHER, ZH, ZH_OTHER

# Shares the quake reports' everyday words (coast, Tuesday, officials, rescue)
# but reports something else: a ferry timetable change in another town.
FERRY = Article(
    title="Ferry timetable changes on the coast from Tuesday",
    body=(
        "The ferry between Lindholt and Skarvik will leave an hour earlier from "
        "Tuesday, officials said. Rescue drills on the coast moved to the weekend.\n\n"
        "Harbour master Nils Aberg said the change follows complaints from commuters."
    ),
    outlet="Coast Herald",
    published="2024-03-12",
    source_path="/t/ferry.txt",
)


def _id(col: Collection, title: str) -> int:
    return next(int(a.id or 0) for a in col.library.articles() if a.title == title)


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    col = Collection(tmp_path / "home", seed=False)
    for article in [QUAKE_A, OTHER_QUAKE, *UNRELATED, FERRY, QUAKE_B]:
        col.library.add(article)
    yield col
    col.close()


def test_keeps_the_same_event_and_puts_unrelated_ones_under_the_floor(
    collection: Collection,
) -> None:
    related = collection.related(_id(collection, QUAKE_A.title), limit=20)
    flags = {r.article.title: r.likely for r in related}
    assert flags[QUAKE_B.title] is True
    assert flags[FERRY.title] is False  # ranked (it shares words), not listed as coverage
    assert any(title.startswith("Local bakery") for title in flags)
    assert not any(v for title, v in flags.items() if title.startswith("Local bakery"))
    likely_rows, weaker = split(related)
    assert likely_rows[0].article.title == QUAKE_B.title
    assert [r.score for r in weaker] == sorted((r.score for r in weaker), reverse=True)


def test_an_article_alone_on_its_event_has_no_likely_coverage(collection: Collection) -> None:
    related = collection.related(_id(collection, FERRY.title), limit=20)
    assert related  # candidates were found and ranked ...
    assert not any(r.likely for r in related)  # ... but none is shown as its event


def test_the_sample_pair_is_one_event(tmp_path: Path) -> None:
    col = Collection(tmp_path / "home", seed=True)
    ids = [int(a.id or 0) for a in col.library.articles()]
    assert len(ids) == 2
    for article_id in ids:
        related = col.related(article_id)
        assert [r.likely for r in related] == [True]
    col.close()


def test_a_chinese_report_and_its_english_coverage_pass_the_floor(tmp_path: Path) -> None:
    col = Collection(tmp_path / "home", seed=False)
    for article in [ZH_OTHER, EN_OTHER, ZH, EN]:
        col.library.add(article)
    for source, mate in ((ZH, EN), (EN, ZH)):
        related = col.related(_id(col, source.title))
        flags = {r.article.title: r.likely for r in related}
        assert flags[mate.title] is True
        assert flags.get(ZH_OTHER.title, False) is False
    col.close()


def test_dates_and_embeddings_rank_but_lift_no_row_over_the_floor() -> None:
    weak = {"terms": 0.05, "names": 0.05, "title": 0.0, "dates": 0.0, "numbers": 0.0}
    assert not likely(weak, WEIGHTS, 1)
    lifted = dict(weak, published=1.0, embedding=1.0)
    assert evidence(lifted, WEIGHTS) == evidence(weak, WEIGHTS)
    assert not likely(lifted, WEIGHTS, 1)
    assert likely(dict(weak, terms=FLOOR), WEIGHTS, 1)


def test_a_same_script_row_needs_a_shared_name() -> None:
    assert not likely({"terms": 1.0, "names": 0.0, "dates": 1.0}, WEIGHTS, 0)
    assert likely({"terms": 1.0, "names": 0.1}, WEIGHTS, 1)


def test_cross_script_rows_have_their_own_floor() -> None:
    # Glosses of common words reach 0.3-0.5 between unrelated articles.
    assert not likely({"glosses": 0.45, "names": 0.05}, WEIGHTS, 1)
    assert likely({"glosses": XL_FLOOR, "names": 0.0}, WEIGHTS, 0)


# -- the command line --------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_cli_lists_weaker_matches_apart(
    collection: Collection, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _id(collection, QUAKE_A.title)
    home = str(collection.data_dir)
    collection.close()
    code, out = _run(capsys, "--data-dir", home, "related", str(source), "--limit", "20")
    assert code == 0
    lines = out.splitlines()
    assert QUAKE_B.title in lines[0]
    heading = next(i for i, line in enumerate(lines) if "probably about something else" in line)
    assert any(FERRY.title in line for line in lines[heading:])
    assert not any(FERRY.title in line for line in lines[:heading])
    assert "No other coverage" not in out
    code, out = _run(capsys, "--data-dir", home, "related", str(source), "--json", "--limit", "20")
    flags = {row["title"]: row["likely_same_event"] for row in json.loads(out)}
    assert flags[QUAKE_B.title] is True and flags[FERRY.title] is False


def test_cli_says_when_nothing_passes_the_floor(
    collection: Collection, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _id(collection, FERRY.title)
    home = str(collection.data_dir)
    collection.close()
    code, out = _run(capsys, "--data-dir", home, "related", str(source))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == f"No other coverage of the event of #{source} in the library."
    assert "Weaker matches, probably about something else" in lines[1]
    assert len(lines) > 2

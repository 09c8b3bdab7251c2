"""The sample pair's voices and dates, exactly: the issue's answers, right side, nothing invented.

Issue #13: both quote Li Linyi; only A quotes Yao Yuan, Cai Shunkun and a former
agent (Eric); only B quotes Zhong Zhidong and Tang Jingyuan; A dates the
ministry's case to November 9, B a different case to October 13; both place
the bureau's WeChat article on the 10th.  The sample articles are the seeds in
`resources/articles/`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from library.compare import Comparison, compare_texts
from tests.library.compare.lenses.test_lenses import voice

REPO = Path(__file__).resolve().parents[4]
MSS = ("Ministry of State Security", "National Security Department")


def _body(name: str) -> str:
    text = (REPO / "resources" / "articles" / name).read_text(encoding="utf-8")
    return text[text.find("\n---", 3) + 4 :]


@pytest.fixture(scope="module", params=[(), (MSS,)], ids=["plain", "taught-alias"])
def sample(request: pytest.FixtureRequest) -> Comparison:
    a = _body("confidentiality-bureau-steps-into-spotlight.md")
    b = _body("fourth-plenary-session-approaches.md")
    return compare_texts(a, b, aliases=request.param)


def test_every_voice_speaks_where_it_is_named(sample: Comparison) -> None:
    ls = sample.lenses
    assert ls is not None
    sides = {v.name: ("a" if v.a else "") + ("b" if v.b else "") for v in ls.voices}
    assert sides == {
        "Li Linyi": "ab",
        "Yao Yuan": "a",
        "Cai Shunkun": "a",
        "Eric": "a",
        "Zhong Zhidong": "b",
        "Tang Jingyuan": "b",
    }
    for v in ls.voices:  # nothing invented: each unit names its voice
        surname = v.name.split()[-1]
        for side, ids in (("a", v.a), ("b", v.b)):
            units = sample.a.units if side == "a" else sample.b.units
            assert all(surname in units[i].text for i in ids), (v.name, side, ids)


def test_every_dated_statement_on_its_side(sample: Comparison) -> None:
    ls = sample.lenses
    assert ls is not None
    rows = {r.date: ("a" if r.a else "") + ("b" if r.b else "") for r in ls.timeline}
    assert rows == {
        "????-10-10": "ab",  # the bureau's WeChat article: "October 10" / "the 10th"
        "????-10-13": "b",  # B's case
        "????-11-09": "a",  # A's case
        "????-11-10": "a",
        "????-11-11": "a",
        "2005-??-??": "a",
        "2022-10-??": "a",
        "2024-03-??": "b",
        "two years ago": "b",
    }
    assert not any(r.conflict for r in ls.timeline)


def test_no_ordinary_word_is_listed_as_a_name(sample: Comparison) -> None:
    ls = sample.lenses
    assert ls is not None
    listed = {n.name for n in ls.names}
    noise = {"Clearly", "Everyone", "Dark", "Life", "Death", "Bureau", "Premier", "Insecurity"}
    assert not listed & noise
    assert not any(n.startswith(("Former ", "Following ", "Strong ", "Rare ")) for n in listed)
    assert {"Zhongnanhai", "Two Sessions", "Fourth Plenary Session", "Li Linyi"} <= listed
    assert not any("Sessions" in r.thing for r in ls.numbers)


def test_sample_pair_roles_unnamed_sources_and_dates(sample: Comparison) -> None:
    # Who speaks where: `test_every_voice_speaks_where_it_is_named`.
    ls = sample.lenses
    assert ls is not None
    assert voice(ls, "Eric")["description_a"] == "Former CCP special agent"
    assert "professor of international studies" in str(voice(ls, "Yao Yuan")["description_a"])
    unnamed = ls.to_dict()["anonymous"]
    assert unnamed["a"]["count"] >= 1 and unnamed["b"]["count"] >= 3
    rows = {r.date: r for r in ls.timeline}
    # A dates the ministry's case to November 9, B a different case to October 13:
    # two rows, neither linked nor flagged.
    nov9, oct13 = rows["????-11-09"], rows["????-10-13"]
    assert nov9.a and not nov9.b and not nov9.conflict
    assert oct13.b and not oct13.a and not oct13.conflict
    # Both place the bureau's WeChat article on the 10th.
    tenth = rows["????-10-10"]
    assert tenth.text_a == ["October 10"] and tenth.text_b == ["the 10th"]
    assert "WeChat" in sample.a.units[tenth.a[0]].text
    assert "WeChat" in sample.b.units[tenth.b[0]].text
    assert not any(r.conflict for r in ls.timeline)

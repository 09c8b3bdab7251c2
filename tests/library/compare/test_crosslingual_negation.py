"""Chinese against English: a claim negated on one side only is never "same" (issue #11 QA).

Our own sentences, written for these tests.
"""

from __future__ import annotations

from library.compare.crosslingual import Languages, conflicts
from library.compare.detectors import passages

ZH_EN = Languages("zh", "en")
EN_ZH = Languages("en", "zh")


def _negation(first: str, second: str, langs: Languages = ZH_EN) -> list[tuple[str, str]]:
    a, b = passages(first, second)
    return [(c.a, c.b) for c in conflicts(a, b, langs) if c.kind == "negation"]


def test_a_claim_negated_in_english_only_conflicts() -> None:
    found = _negation(
        "当地警方认定火灾系人为纵火。", "The police did not conclude that the fire was arson."
    )
    assert found == [("当地警方认定火灾系人为纵火", "not conclude")]


def test_opposite_verbs_across_languages() -> None:
    found = _negation("该部门承认此前存在管理漏洞。", "The department denied there were loopholes.")
    assert found == [("承认此前存在", "denied there")]
    found = _negation(
        "The department admitted there were loopholes.", "该部门否认此前存在管理漏洞。", EN_ZH
    )
    assert found == [("admitted there", "否认此前存在")]


def test_both_negated_or_neither_is_no_conflict() -> None:
    assert _negation("警方并未逮捕任何人。", "Police did not arrest anyone.") == []
    assert _negation("该部门否认存在漏洞。", "The department denied any loopholes.") == []
    assert _negation("警方逮捕了三名男子。", "Police arrested three men.") == []
    # 不断, 未来: words starting with a cue negate nothing; "not only" neither.
    assert _negation("双方不断加强合作。", "The two sides keep strengthening cooperation.") == []
    assert (
        _negation("双方加强了合作。", "The two sides not only talked but also signed a deal.") == []
    )

"""Names lens over a journalist's own Chinese reports (issue #11 QA): defects found by use.

All texts are invented for these tests (news style, no evaluation data).
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.lenses.chinese_names import find_names


def _people(text: str) -> list[str]:
    return [n.text for n in find_names(text) if n.kind == "person"]


def test_a_person_after_a_workers_role_is_found() -> None:
    # 退休职工李兆宗 / 行政长官李家超: roles the lens did not know.
    assert _people("某涉密单位退休职工李兆宗违规携带涉密文件出境。") == ["李兆宗"]
    assert "李家超" in _people("行政長官李家超昨日表示，政府會依法處理。")


def test_a_person_before_an_english_name_in_brackets_is_found() -> None:
    assert _people("港府今日回應，李家超（John Lee）稱依法處理。") == ["李家超"]
    assert _people("保安局局长邓炳强(Chris Tang)指出，警方已拘捕12人。") == ["邓炳强"]


def test_a_latin_word_glued_to_chinese_is_not_a_name_with_the_chinese() -> None:
    c = compare_texts(
        "保密局于10月10日首次在WeChat公众号发文。", "保密局于十月十日首次在WeChat公众号发文。"
    )
    assert c.lenses is not None
    names = [n.name for n in c.lenses.names]
    assert "WeChat" in names
    assert not any("WeChat" in n and n != "WeChat" for n in names)


def _timeline(a: str, b: str) -> dict[str, tuple[list[str], list[str]]]:
    c = compare_texts(a, b)
    assert c.lenses is not None
    return {r.date: (r.text_a, r.text_b) for r in c.lenses.timeline}


def test_timeline_reads_chinese_numerals_and_this_month() -> None:
    a = "【本报北京11月20日讯】保密局于10月10日首次在微信公众号发文。代表团将于本月9日抵达上海。"
    b = "【本台11月21日讯】保密局于十月十日首次在微信公众号发文。代表团将于11月9日抵达上海。"
    rows = _timeline(a, b)
    assert rows["????-10-10"] == (["10月10日"], ["十月十日"])
    assert rows["????-11-09"] == (["本月9日"], ["11月9日"])
    # The datelines say when each report was filed: no statement of either.
    assert "????-11-20" not in rows and "????-11-21" not in rows


def test_timeline_day_alone_takes_the_datelines_month() -> None:
    rows = _timeline(
        "【新华社北京11月9日电】国家安全部9日发布通报称，一名职工被判刑。",
        "【本台11月10日讯】国家安全部9日发布通报称，一名职工被判刑。",
    )
    assert rows == {"????-11-09": (["9日"], ["9日"])}


HK_A = (
    "【明報專訊】行政長官李家超（John Lee）昨日（11月9日）表示，政府會依法處理所有國安案件。"
    "保安局局長鄧炳強（Chris Tang）指出，警方已拘捕12人。"
)
HK_B = (
    "【明报专讯】行政长官李家超（John Lee）昨日（11月9日）表示，政府会依法处理所有国安案件。"
    "保安局局长邓炳强（Chris Tang）指出，警方已拘捕15人。"
)


def test_a_speaker_with_an_english_name_in_brackets_still_speaks() -> None:
    c = compare_texts(HK_A, HK_B)
    assert c.lenses is not None
    voices = {v.key: (v.name, v.a, v.b) for v in c.lenses.voices}
    names = [v[0] for v in voices.values()]
    assert any("李家超" in n for n in names), names
    assert any("鄧炳強" in n or "邓炳强" in n for n in names), names


def test_the_english_name_in_brackets_is_the_same_entry() -> None:
    c = compare_texts(HK_A, HK_B)
    assert c.lenses is not None
    people = [(n.name, n.aliases) for n in c.lenses.names if "Lee" in n.name or "李家超" in n.name]
    assert len(people) == 1, people
    name, aliases = people[0]
    assert "John Lee" in name and ("李家超" in name or "李家超" in aliases)


def test_a_currency_is_no_place() -> None:
    assert find_names("他补充，案件涉及金额约1.5亿港元。") == []
    assert find_names("罚款为3000新台币。") == []


def _numbers(a: str, b: str) -> list[tuple[list[str], list[str], bool | None]]:
    c = compare_texts(a, b)
    assert c.lenses is not None
    return [([x.text for x in r.a], [x.text for x in r.b], r.agree) for r in c.lenses.numbers]


def test_years_in_chinese_and_in_english_agree() -> None:
    # 八年 against "eight years" was "⚠ differs" (96 months against 8).
    rows = _numbers("法院判处其有期徒刑八年。", "The court sentenced him to eight years in prison.")
    assert rows == [(["八年"], ["eight"], True)]


def test_a_count_differing_across_languages_is_one_row() -> None:
    rows = _numbers(
        "法院判处其有期徒刑七年六个月，3名官员被免职。",
        "The court sentenced him to eight years in prison, and five officials were dismissed.",
    )
    assert (["七年六个月"], ["eight"], False) in rows
    assert (["3名"], ["five"], False) in rows


def test_a_count_of_serving_officials_meets_its_english_row() -> None:
    rows = _numbers("该案涉及3名在职官员。", "The case involved five serving officials.")
    assert rows == [(["3名"], ["five"], False)]

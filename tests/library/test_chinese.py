"""library.chinese: folding with offsets kept, runs, index form, display width."""

from __future__ import annotations

import pytest

from library.chinese import (
    count_label,
    display_width,
    fit,
    fold,
    index_text,
    is_chinese,
    is_cjk,
    pad,
    runs,
)

TRADITIONAL = "【本報訊】國家安全部局長李兆宗週三表示，該局已於2005年改組，開通WeChat帳號。"
SIMPLIFIED = "【本报讯】国家安全部局长李兆宗周三表示，该局已于2005年改组，开通WeChat帐号。"


def test_fold_makes_traditional_simplified_and_keeps_simplified() -> None:
    assert fold(TRADITIONAL) == fold(SIMPLIFIED)
    assert fold("国家安全部局长") == "国家安全部局长"
    assert fold("局長") == "局长"


def test_fold_keeps_length_and_offsets_on_thousands_of_characters() -> None:
    text = (TRADITIONAL + "\n\n" + SIMPLIFIED + " Mr. Li, café. 𠮷野家 ＷｅＣｈａｔ２０２２") * 100
    folded = fold(text)
    assert len(folded) == len(text) > 5000
    at = text.index("國家安全部")
    assert folded[at : at + 5] == "国家安全部"
    # Characters OpenCC's phrase tables would rewrite as a whole keep one-to-one.
    assert all(len(fold(c)) == 1 for c in set(text))


def test_fold_full_width_letters_and_digits() -> None:
    assert fold("ＷｅＣｈａｔ２０２２，") == "WeChat2022，"


def test_fold_leaves_other_text_alone() -> None:
    for text in ("", "Plain English.", "Zürich", "かな 한국어"):
        assert fold(text) == text


def test_is_cjk() -> None:
    assert all(is_cjk(c) for c in "国國かカ한〇𠮷")
    assert not any(is_cjk(c) for c in "aZ9，。 ")


def test_runs_split_chinese_from_digits_and_latin() -> None:
    text = "自2022年10月陈一新接任国家安全部部长以来用WeChat"
    words = [r.word for r in runs(text)]
    assert words[:6] == ["自", "2022", "年", "10", "月", "陈"]
    assert words[-2:] == ["用", "WeChat"]
    assert [r.kind for r in runs("年WeChat2022")] == ["cjk", "word", "digit"]
    for run in runs(text):
        assert text[run.start : run.end] == run.word


def test_index_text_spaces_cjk_characters_out() -> None:
    spaced = index_text("國家安全部2022年用WeChat") or ""
    assert spaced.split() == ["国", "家", "安", "全", "部", "2022", "年", "用", "WeChat"]
    assert index_text("No Chinese here.") == "No Chinese here."
    assert index_text(None) is None


def test_display_width() -> None:
    assert display_width("abc") == 3
    assert display_width("国家安全") == 8
    assert display_width("ＷｅＣｈａｔ") == 12
    assert display_width("e\u0301") == 1  # combining accent takes no column
    assert pad("国家", 6) == "国家  "
    assert pad("国家", 6, align=">") == "  国家"
    assert display_width(pad("国家安全部部长", 4)) == 14  # never cut by pad
    assert fit("国家安全部部长", 7) == "国家安…"
    assert display_width(fit("国家安全部部长", 7)) <= 7
    assert fit("short", 10) == "short"


def test_chinese_counts_are_labelled_characters() -> None:
    assert is_chinese(SIMPLIFIED)
    assert is_chinese(TRADITIONAL)
    assert not is_chinese("The Ministry of State Security (国家安全部) said on Tuesday.")
    assert count_label(1234, SIMPLIFIED) == "1,234 chars"
    assert count_label(1234, "An English article.") == "1,234 words"


@pytest.mark.parametrize("text", ["", "\x00", "\ud800", "𠮷" * 3, "a" * 10_000])
def test_no_input_raises(text: str) -> None:
    assert len(fold(text)) == len(text)
    runs(text)
    index_text(text)
    display_width(text)

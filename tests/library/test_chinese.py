"""library.chinese: folding with offsets kept, runs, index form, display width."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.article import Article
from library.chinese import (
    cut_at_word,
    display_width,
    fit,
    fold,
    index_text,
    is_chinese,
    is_cjk,
    pad,
    runs,
)
from library.cli import main
from library.ingest.titles import derive_title

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
    chinese = Article(title="t", body=SIMPLIFIED)
    assert chinese.counts_characters and chinese.length_label.endswith(" chars")
    assert chinese.to_dict()["word_count_unit"] == "chars"
    english = Article(title="t", body="The Ministry of State Security (国家安全部) said so.")
    assert english.length_label == "12 words" and not english.counts_characters


@pytest.mark.parametrize("text", ["", "\x00", "\ud800", "𠮷" * 3, "a" * 10_000])
def test_no_input_raises(text: str) -> None:
    assert len(fold(text)) == len(text)
    runs(text)
    index_text(text)
    display_width(text)


def test_derived_titles_drop_datelines() -> None:
    assert (
        derive_title("【本报北京10月13日讯】国家安全部发布通报\n\n正文。") == "国家安全部发布通报"
    )
    assert derive_title("【本報台北訊】\n\n國家安全部發布通報。") == "國家安全部發布通報。"
    assert derive_title("【本报讯】") == "【本报讯】"  # nothing else to use


def test_derived_titles_never_cut_inside_a_word() -> None:
    body = "自2022年10月陈一新接任国家安全部部长以来该部通过WeChat公众号发布了多篇文章" * 3 + "。"
    title = derive_title(body)
    assert title.endswith("…") and body.startswith(title[:-1])
    assert len(title) <= 91
    clause = "国家安全部称自2005年以来共破获间谍案件数十起其中多起涉及境外机构，" * 2 + "余下" * 40
    assert derive_title(clause + "。") == clause[: clause.rindex("，")] + "…"  # at the clause
    for limit in range(1, 40):
        cut = cut_at_word(body, limit)[:-1]
        assert not cut.endswith(("20", "202", "WeC", "WeCha")), cut


def test_cli_list_columns_line_up_with_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    files = {
        "zh.md": "---\noutlet: 人民日报\npublished: 2022-10-13\n---\n\n# 国家安全部发布通报\n\n"
        + SIMPLIFIED,
        "en.md": "---\noutlet: Daily Post\npublished: 2022-10-14\n---\n\n# Ministry statement\n\n"
        "The ministry said on Tuesday that its account was hacked.",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    home = str(tmp_path / "home")
    assert (
        main(["--data-dir", home, "import", str(tmp_path / "zh.md"), str(tmp_path / "en.md")]) == 0
    )
    capsys.readouterr()
    assert main(["--data-dir", home, "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line for line in lines if "通报" in line or "Ministry" in line]
    assert len(rows) == 2
    # The titles start in the same terminal column on every row and the header.
    starts = {display_width(lines[0][: lines[0].index("TITLE")])}
    for row in rows:
        title = "国家安全部" if "国家安全部" in row else "Ministry"
        starts.add(display_width(row[: row.index(title)]))
    assert len(starts) == 1
    chinese_row = next(r for r in rows if "通报" in r)
    assert " chars  " in chinese_row and "words" in next(r for r in rows if "Ministry" in r)
    assert main(["--data-dir", home, "show", chinese_row.split()[0]]) == 0
    assert "chars" in capsys.readouterr().out

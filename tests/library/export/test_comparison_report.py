"""Comparison reports: the layout adapter and the HTML / Markdown exports."""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from library.article import Article
from library.export import ComparisonLayout, ExportExtras, to_html, to_markdown

BODY_A = "The summit opened on November 9 in Geneva.\n\nTalks ran late.\n\nOnly A says this."
BODY_B = "Talks ran late.\n\nThe summit opened on October 13 in Geneva.\n\nOnly B <b>says</b> this."


def _unit(body: str, uid: int, text: str) -> dict[str, Any]:
    start = body.index(text)
    return {"id": uid, "text": text, "start": start, "end": start + len(text)}


def hand_built() -> dict[str, Any]:
    """A comparison in the engine's JSON contract, written out by hand."""
    a_units = [
        _unit(BODY_A, 0, "The summit opened on November 9 in Geneva."),
        _unit(BODY_A, 1, "Talks ran late."),
        _unit(BODY_A, 2, "Only A says this."),
    ]
    b_units = [
        _unit(BODY_B, 0, "Talks ran late."),
        _unit(BODY_B, 1, "The summit opened on October 13 in Geneva."),
        _unit(BODY_B, 2, "Only B <b>says</b> this."),
    ]
    return {
        "a": {"title": "A", "units": a_units},
        "b": {"title": "B", "units": b_units},
        "pairs": [
            {
                "a": [0],
                "b": [1],
                "relation": "divergent",
                "score": 0.8,
                "conflicts": [{"kind": "date", "a": "November 9", "b": "October 13"}],
                "diff": [
                    [0, "The summit opened on "],
                    [-1, "November 9"],
                    [1, "October 13"],
                    [0, " in Geneva."],
                ],
            },
            {
                "a": [1],
                "b": [0],
                "relation": "same",
                "score": 1.0,
                "conflicts": [],
                "diff": [[0, "Talks ran late."]],
            },
        ],
        "only_a": [2],
        "only_b": [2],
        "summary": {
            "shared": 1,
            "divergent": 1,
            "only_a": 1,
            "only_b": 1,
            "overlap_a": 0.8,
            "overlap_b": 0.7,
        },
    }


ARTICLE_A = Article(title="Summit opens", body=BODY_A, outlet="Daily A", published="2025-11-09")
ARTICLE_B = Article(title="Summit <opens>", body=BODY_B, outlet="B & Co", published="2025-10-13")


def test_layout_marks_units_and_differing_words() -> None:
    layout = ComparisonLayout.build(hand_built())
    assert layout.highlighted("a") == {0: "divergent", 1: "same"}
    assert layout.highlighted("b") == {0: "same", 1: "divergent"}
    ((start, end, pair),) = layout.emphasis["a"]
    assert BODY_A[start:end] == "November 9" and pair == 0
    ((start, end, _),) = layout.emphasis["b"]
    assert BODY_B[start:end] == "October 13"
    unit = layout.unit_at("b", BODY_B.index("October"))
    assert unit is not None and unit.unit_id == 1 and unit.pair == 0
    assert layout.unit_at("a", BODY_A.index("\n")) is None  # the blank line is no unit
    assert "date: November 9 vs October 13" in layout.pairs[0].describe()


def test_layout_ignores_a_diff_that_does_not_cover_the_text() -> None:
    data = hand_built()
    data["pairs"][0]["diff"] = [[-1, "something else entirely"], [1, "x"]]
    layout = ComparisonLayout.build(data)
    # Only the conflict text is emphasised, found in the unit text itself.
    assert [BODY_A[s:e] for s, e, _ in layout.emphasis["a"]] == ["November 9"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_report_is_self_contained_and_highlights_claims(tmp_path: Path) -> None:
    page = to_html(hand_built(), ARTICLE_A, ARTICLE_B)
    out = tmp_path / "report.html"
    out.write_text(page, encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    assert '<strong class="emph conflict">November 9</strong>' in text
    assert '<strong class="emph conflict">October 13</strong>' in text
    assert "date: November 9 vs October 13" in text
    assert 'class="same" id="a-u1"' in text
    assert "Only A says this." in text
    # Article text is escaped, never markup; nothing is loaded from elsewhere.
    assert "Only B &lt;b&gt;says&lt;/b&gt; this." in text and "Summit &lt;opens&gt;" in text
    parser = _Collector()
    parser.feed(text)
    assert not [t for t, _ in parser.tags if t in {"script", "link", "img", "iframe"}]
    assert not re.search(r"(src|href)=\"(https?:)?//", text)
    assert "url(" not in text


def test_markdown_report_lists_claims_and_one_sided_text(tmp_path: Path) -> None:
    md = to_markdown(hand_built(), ARTICLE_A, ARTICLE_B)
    out = tmp_path / "report.md"
    out.write_text(md, encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    assert "## Divergent claims (1)" in text
    assert "The summit opened on **November 9** in Geneva." in text
    assert "The summit opened on **October 13** in Geneva." in text
    assert "date: November 9 vs October 13" in text
    assert "## Only in B (1)" in text and r"Only B \<b\>says\</b\> this." in text
    assert "| Text shared with the other article | 80% | 70% |" in text


def test_reports_accept_the_real_engine() -> None:
    from library.compare import compare_articles

    comparison = compare_articles(ARTICLE_A, ARTICLE_B)
    assert ComparisonLayout.build(comparison).pairs  # the engine aligns the summit lines
    assert "Talks ran late." in to_html(comparison, ARTICLE_A, ARTICLE_B)
    assert "Talks ran late." in to_markdown(comparison, ARTICLE_A, ARTICLE_B)


def test_markdown_escapes_entities_and_leading_list_markers() -> None:
    body_a = "1. Numbered claim here.\n\n- Dashed claim here.\n\nAT&amp;T paid <script>x</script>."
    body_b = "Nothing in common at all."
    a, b = Article(title="A & B", body=body_a), Article(title="B", body=body_b)
    from library.compare import compare_articles

    md = to_markdown(compare_articles(a, b), a, b)
    assert "- 1\\. Numbered claim here." in md
    assert "- \\- Dashed claim here." in md
    assert "AT\\&amp;T paid \\<script\\>x\\</script\\>." in md
    assert "## A: A \\& B" in md


def test_conflict_emphasis_finds_the_whole_number_not_a_digit_inside_another() -> None:
    body_a = "In 2015, 5 people died."
    body_b = "In 2015, 6 people died."
    data = {
        s: {"title": s, "units": [_unit(body, 0, body)]}
        for s, body in (("a", body_a), ("b", body_b))
    }
    data["pairs"] = [
        {
            "a": [0],
            "b": [0],
            "relation": "divergent",
            "score": 0.9,
            "conflicts": [{"kind": "number", "a": "5", "b": "6"}],
            "diff": [[-1, "something else"]],  # not covering: conflict spans only
        }
    ]
    layout = ComparisonLayout.build(data)
    assert [body_a[s:e] for s, e, _ in layout.conflict_spans["a"]] == ["5"]
    assert [s for s, _, _ in layout.conflict_spans["a"]] == [body_a.index(" 5 ") + 1]
    assert [s for s, _, _ in layout.conflict_spans["b"]] == [body_b.index("6")]


def test_html_escapes_markup_in_every_article_field() -> None:
    from library.compare import compare_articles

    evil = '<script>alert("x")</script> & "quoted" \'single\''
    a = Article(title=evil, body=f"The mayor said {evil} on 5 May.", outlet=evil, url=evil)
    b = Article(title="B", body=f"The mayor said {evil} on 6 May.")
    page = to_html(compare_articles(a, b), a, b)
    parser = _Collector()
    parser.feed(page)
    assert not [t for t, _ in parser.tags if t in {"script", "link", "img", "iframe"}]
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert all(not str(v).startswith("alert") for _, attrs in parser.tags for v in attrs.values())


# -- extras: generated-at line, no local paths, notes and reviews -------------------


def _extras_case() -> tuple[Any, Article, Article, ExportExtras]:
    from library.compare import compare_texts
    from library.notes.anchoring import make_anchor
    from library.notes.model import ArticleRef, Claim, Note
    from library.reviews import Review, ReviewSide, apply_reviews

    text_a = "The pier opens in May. Fishermen lost half their catch. The mayor thanked workers."
    text_b = "The pier opens in June. Fishermen lost half their catch this year. Tourists come."
    # No title metadata, imported from a file deep in the user's home folder.
    a = Article(title="", body=text_a, source_path="/home/alice/secret/pier-a.md", id=1)
    b = Article(title="Pier", body=text_b, outlet="Harbour News", source_path="/home/al/b.md", id=2)
    comparison = compare_texts(text_a, text_b)

    def side(text: str, words: str) -> ReviewSide:
        start = text.index(words)
        return ReviewSide(ArticleRef(None, "h"), make_anchor(text, start, start + len(words)), ())

    fish = Review(
        1,
        "u1",
        side(text_a, "Fishermen"),
        side(text_b, "Fishermen"),
        "unrelated",
        "rejected",
        "1",
        "1",
        "same",
    )
    fish = fish.with_changes(reason="Different <i>years</i>")
    start = text_a.index("mayor")
    stamp = "2026-01-01T00:00:00Z"
    notes = [
        Note(
            1,
            "n1",
            "Check <script>alert(1)</script> the *dates*",
            "comparison",
            1,
            stamp,
            stamp,
            article_b_id=2,
        ),
        Note(
            2,
            "n2",
            "Claim note",
            "claim",
            1,
            stamp,
            stamp,
            article_b_id=2,
            claim=Claim((0,), (0,), "May vs June"),
        ),
        Note(
            3,
            "n3",
            "Who is the mayor?",
            "passage",
            1,
            stamp,
            stamp,
            anchor=make_anchor(text_a, start, start + len("mayor")),
        ),
    ]
    extras = ExportExtras(
        notes=notes,
        reviewed=apply_reviews(comparison, [fish]),
        generated_at=datetime(2026, 11, 30, 14, 5),
    )
    return comparison, a, b, extras


def test_reports_say_when_they_were_generated() -> None:
    comparison, a, b, extras = _extras_case()
    for build in (to_html, to_markdown):
        assert "Generated by Parallax on 2026-11-30 14:05" in build(comparison, a, b, extras)
        assert "Generated by Parallax on 20" in build(comparison, a, b)  # now, by default


def test_reports_never_show_a_local_path() -> None:
    comparison, a, b, extras = _extras_case()
    for build in (to_html, to_markdown):
        for report in (build(comparison, a, b), build(comparison, a, b, extras)):
            assert "/home/alice" not in report and "secret" not in report
            assert "pier-a.md" in report  # the untitled article is named by its file
            assert "Harbour News" in report


def test_reports_carry_notes_and_reviews_escaped() -> None:
    comparison, a, b, extras = _extras_case()
    page = to_html(comparison, a, b, extras)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<i>years</i>" not in page and "&lt;i&gt;years&lt;/i&gt;" in page
    assert page.index("Your notes") < page.index("Reviews") < page.index("</body>")
    for words in ("Claim note", "May vs June", "Who is the mayor?", "On a passage in A"):
        assert words in page
    assert "1 rejected" in page

    text = to_markdown(comparison, a, b, extras)
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*dates\\*" in text and "<i>" not in text
    assert text.index("## Your notes") < text.index("## Reviews")
    for words in ("Claim note", "May vs June", "Who is the mayor?", "Quote: “mayor”"):
        assert words in text
    assert "1 rejected" in text

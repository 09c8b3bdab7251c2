"""Related pairs in the layout and the exports: their own quiet style, never shared."""

from __future__ import annotations

from library.article import Article
from library.compare import compare_texts
from library.compare.report import render_report
from library.export import ComparisonLayout, to_html, to_markdown

A = "On March 4 the ministry said that Anna Petrov had sold 12 maps."
B = "On May 20 the ministry said that Ivan Sokol had sold 30 maps."


def _articles() -> tuple[Article, Article]:
    return Article(title="Daily", body=A), Article(title="Herald", body=B)


def test_layout_keeps_related_and_does_not_emphasise_it() -> None:
    layout = ComparisonLayout.build(compare_texts(A, B))
    assert [p.relation for p in layout.pairs] == ["related"]
    assert layout.highlighted("a") == {0: "related"}
    assert layout.emphasis["a"] == [] and layout.conflict_spans["a"] == []
    assert layout.pairs[0].describe().startswith("Related, different facts")


def test_html_and_markdown_have_a_related_section() -> None:
    a, b = _articles()
    comparison = compare_texts(A, B)
    page = to_html(comparison, a, b)
    assert "Related: same subject, different facts (1)" in page
    assert 'class="related"' in page and 'class="claim related"' in page
    assert "0 shared facts, 0 divergent claims, 1 related pair." in page
    md = to_markdown(comparison, a, b)
    assert "## Related: same subject, different facts (1)" in md
    assert "Related — same subject, different facts" in md


def test_terminal_report_related_section_and_explanations() -> None:
    text = render_report(compare_texts(A, B), color=False)
    assert "0 shared facts, 0 divergent claims, 1 related pair," in text
    assert "Related: same subject, different facts (1)" in text
    assert "· date: A: March 4 · B: May 20" in text

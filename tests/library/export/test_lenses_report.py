"""The lenses in the exported reports: HTML tables and an inline SVG timeline, Markdown tables."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from library.article import Article
from library.compare import compare_articles
from library.export import to_html, to_markdown
from library.ingest import read_article

HOSTILE = "<script>alert(1)</script>"
A = Article(
    title="Flood A",
    body=(
        "The river burst its banks on November 9, 2024.\n\n"
        "Mayor Anna Keller said the town would rebuild.\n\n"
        "Officials counted 4,000 evacuees in October 2024.\n\n"
        f"Only A adds that {HOSTILE} happened."
    ),
)
B = Article(
    title="Flood B",
    body=(
        "The river burst its banks on November 9, 2024, after heavy rain.\n\n"
        "Anna Keller, the mayor, told reporters the town would rebuild.\n\n"
        "Analysts believe the dams were too old."
    ),
)


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if found.get("href"):
            self.hrefs.append(str(found["href"]))


def _svg(page: str) -> ET.Element:
    match = re.search(r"<svg\b.*?</svg>", page, re.S)
    assert match, "the timeline is an inline SVG"
    return ET.fromstring(match.group())  # well-formed XML


def test_html_report_has_every_lens_and_the_timeline_picture() -> None:
    comparison = compare_articles(A, B)
    page = to_html(comparison, A, B)
    for heading in ("Voices", "Timeline", "Numbers", "Names"):
        assert f"<h2>{heading}</h2>" in page
    assert "<td>Anna Keller</td>" in page or "Anna Keller</td>" in page
    assert "Unnamed sources in B: 1" in page
    svg = _svg(page)
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert {"9 Nov 2024", "Oct 2024"} <= texts
    groups = [g.get("class", "") for g in svg.iter("{http://www.w3.org/2000/svg}g")]
    assert any("band" in c for c in groups) and any("linked" in c for c in groups)
    # Self-contained: nothing loaded from elsewhere, the article's markup escaped.
    parser = _Anchors()
    parser.feed(page)
    assert not parser.tags & {"script", "link", "img", "iframe"}
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "&lt;script&gt;" in page


def test_every_link_in_the_html_report_has_its_anchor() -> None:
    # Regression: units only one side reports had no anchor, so the "Only in A"
    # list (and now the lenses) linked to nothing.
    page = to_html(compare_articles(A, B), A, B)
    parser = _Anchors()
    parser.feed(page)
    internal = [h[1:] for h in parser.hrefs if h.startswith("#")]
    assert internal and set(internal) <= parser.ids
    only = re.search(r'<span id="a-u3">([^<]*)', page)
    assert only and "Only A adds" in only.group(1)


def test_html_report_escapes_lens_text() -> None:
    data = compare_articles(A, B).to_dict()
    data["lenses"]["voices"] = [
        {"name": HOSTILE, "description_a": "a & b", "description_b": "", "a": [1], "b": []}
    ]
    data["lenses"]["timeline"][0]["text_a"] = [HOSTILE]
    page = to_html(data, A, B)
    assert HOSTILE not in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page
    assert "<td>a &amp; b</td>" in page
    _svg(page)  # the hostile date text keeps the picture well-formed


def test_reports_without_lenses_still_export() -> None:
    data = compare_articles(A, B).to_dict()
    data["lenses"] = None  # an older saved comparison
    page = to_html(data, A, B)
    assert "<h2>Voices</h2>" not in page and "<svg" not in page
    assert "## Voices" not in to_markdown(data, A, B)


def test_markdown_has_all_four_lens_tables(sample_paths: list[Path]) -> None:
    if len(sample_paths) < 2:
        pytest.skip("sample articles not in resources/articles")
    a, b = (read_article(p) for p in sample_paths[:2])
    md = to_markdown(compare_articles(a, b), a, b)
    for heading in ("## Voices", "## Timeline", "## Numbers", "## Names"):
        assert heading in md
    assert "| Li Linyi |" in md


def test_a_title_kept_out_of_a_name_is_shown_beside_it() -> None:
    comparison = compare_articles(A, B)
    keller = next(n for n in comparison.to_dict()["lenses"]["names"] if n["name"] == "Anna Keller")
    assert keller["description"] == "Mayor"
    html = to_html(comparison, A, B)
    assert re.search(r"<td>Anna Keller</td>\s*<td>Mayor</td>", html)
    markdown = to_markdown(comparison, A, B)
    assert re.search(r"\| Anna Keller \| Mayor \|", markdown)

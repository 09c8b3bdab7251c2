"""Export a comparison as a self-contained HTML report or as Markdown.

Both reports carry the same facts as the desktop view: titles and metadata of
both articles, the summary, a legend, every divergent claim with its differing
words emphasised and its conflicts spelled out, the shared facts, and what only
one side reports.  The HTML also shows both full texts side by side with the
view's highlighting.  It uses inline CSS only: no scripts, fonts, images or
links that would load anything, so it opens offline and can be mailed as is.
"""

from __future__ import annotations

import html
import re
from typing import Any

from library.article import Article
from library.export.extras import (
    ExportExtras,
    article_name,
    generated_line,
    html_notes,
    markdown_notes,
    source_of,
)
from library.export.layout import ComparisonLayout, PairInfo, UnitSpan
from library.export.lenses_html import LENS_CSS, lens_sections
from library.export.lenses_markdown import lens_tables
from library.export.theme import DARK, LEGEND, LIGHT, Theme

__all__ = ["ExportExtras", "to_html", "to_markdown"]


# -- shared helpers -------------------------------------------------------------


def _meta(article: Article) -> list[tuple[str, str]]:
    rows = [
        ("Outlet", article.outlet),
        ("Author", article.author),
        ("Published", article.published),
    ]
    rows.append(("Source", source_of(article)))
    return [(k, v) for k, v in rows if v]


def _pieces(body: str, unit: UnitSpan, layout: ComparisonLayout) -> list[tuple[str, int]]:
    """The unit's text as `(text, level)` pieces: 0 plain, 1 differing word, 2 conflict."""
    return [
        (body[a:b], lvl) for a, b, lvl in layout.emphasis_level(unit.side, unit.start, unit.end)
    ]


def _pair_pieces(
    pair: PairInfo, side: str, layout: ComparisonLayout, body: str
) -> list[list[tuple[str, int]]]:
    """`_pieces` of each of the pair's units on `side` that the layout knows."""
    return [
        _pieces(body, unit, layout)
        for uid in pair.units(side)
        if (unit := layout.unit(side, uid)) is not None
    ]


def _html_piece(text: str, level: int) -> str:
    if level == 2:
        return f'<strong class="emph conflict">{html.escape(text)}</strong>'
    if level == 1:
        return f'<strong class="emph">{html.escape(text)}</strong>'
    return html.escape(text)


def _counts(summary: dict[str, Any]) -> str:
    shared, divergent = int(summary.get("shared", 0)), int(summary.get("divergent", 0))
    related = int(summary.get("related", 0))
    return (
        f"{shared} shared fact{'' if shared == 1 else 's'}, "
        f"{divergent} divergent claim{'' if divergent == 1 else 's'}"
        + (f", {related} related pair{'' if related == 1 else 's'}." if related else ".")
    )


# Report sections in order; related pairs (same subject, different facts) last.
_SECTIONS = (
    ("Divergent claims", "divergent"),
    ("Shared facts", "same"),
    ("Related: same subject, different facts", "related"),
)


def _percent(value: Any) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "–"


# -- HTML -------------------------------------------------------------------------


def _css_vars(theme: Theme) -> str:
    return (
        f"--shared-bg:{theme.shared_bg};--shared-line:{theme.shared_line};"
        f"--div-bg:{theme.divergent_bg};--div-line:{theme.divergent_line};"
        f"--emph-bg:{theme.emphasis_bg};--text:{theme.text};"
        f"--rel-bg:{theme.related_bg};--rel-line:{theme.related_line};"
    )


_CSS = """
:root{%(light)s--page:#ffffff;--muted:#5b5b5b;--rule:#d0d0d0}
@media (prefers-color-scheme: dark){:root{%(dark)s--page:#1e1e1e;--muted:#b0b0b0;--rule:#444}}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);
 background:var(--page);margin:2rem auto;max-width:1200px;padding:0 1.5rem}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.2rem;border-bottom:1px solid var(--rule);
 padding-bottom:.2rem;margin-top:2rem}
.muted{color:var(--muted)}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.meta dt{font-weight:600;float:left;clear:left;width:6.5rem}.meta dd{margin:0 0 0 6.5rem}
table.summary{border-collapse:collapse}table.summary td,table.summary th{padding:.2rem .8rem;
 border-bottom:1px solid var(--rule);text-align:left}
.same{background:var(--shared-bg);text-decoration:underline solid var(--shared-line);
 text-underline-offset:3px}
.divergent{background:var(--div-bg);text-decoration:underline wavy var(--div-line);
 text-underline-offset:3px}
.related{background:var(--rel-bg);text-decoration:underline dotted var(--rel-line);
 text-underline-offset:3px}
.emph{font-weight:700}.conflict{background:var(--emph-bg)}
.legend{list-style:none;padding:0}.legend li{margin:.3rem 0}
.swatch{display:inline-block;min-width:5.5rem;padding:0 .4rem;margin-right:.6rem}
.claim{border-left:4px solid var(--div-line);padding:.3rem .9rem;margin:1rem 0}
.claim.shared{border-left-color:var(--shared-line)}
.claim.related{border-left:2px dotted var(--rel-line)}
.claim p{margin:.3rem 0}.side{font-weight:700;margin-right:.4rem}
.body{white-space:pre-wrap;overflow-wrap:anywhere}
@media print{.grid{display:block}}
"""


def _html_body(article: Article, layout: ComparisonLayout, side: str) -> str:
    body = article.body
    out: list[str] = []
    pos = 0
    for unit in layout.units[side]:
        if unit.start < pos or unit.end > len(body):
            continue
        out.append(html.escape(body[pos : unit.start]))
        text = html.escape(body[unit.start : unit.end])
        if unit.relation is None:  # no highlight, but the lists and lenses link here
            out.append(f'<span id="{side}-u{unit.unit_id}">{text}</span>')
            pos = unit.end
            continue
        inner = "".join(_html_piece(t, level) for t, level in _pieces(body, unit, layout))
        tip = (
            html.escape(layout.pairs[unit.pair].describe(), quote=True)
            if unit.pair is not None
            else ""
        )
        out.append(
            f'<span class="{unit.relation}" id="{side}-u{unit.unit_id}" '
            f'title="{tip}">{inner}</span>'
        )
        pos = unit.end
    out.append(html.escape(body[pos:]))
    return "".join(out)


def _html_claim(pair: PairInfo, layout: ComparisonLayout, articles: dict[str, Article]) -> str:
    parts = []
    for side in ("a", "b"):
        chunks = [
            "".join(_html_piece(t, lvl) for t, lvl in pieces)
            for pieces in _pair_pieces(pair, side, layout, articles[side].body)
        ]
        parts.append(
            f'<p><span class="side">{side.upper()}</span>'
            f'<a href="#{side}-u{pair.units(side)[0]}">{" ".join(chunks)}</a></p>'
        )
    extra = "".join(f"<li>{html.escape(c.describe())}</li>" for c in pair.conflicts)
    cls = {"divergent": "claim", "related": "claim related"}.get(pair.relation, "claim shared")
    score = f'<p class="muted">Match score {pair.score:.2f}</p>'
    return f'<div class="{cls}">{"".join(parts)}{f"<ul>{extra}</ul>" if extra else ""}{score}</div>'


def to_html(
    comparison: Any, article_a: Article, article_b: Article, extras: ExportExtras | None = None
) -> str:
    """A self-contained HTML report of `comparison` (inline CSS, no external resources).

    Args:
        comparison: an engine `Comparison` or its `to_dict()` form.
        article_a: article A; unit offsets point into its body.
        article_b: article B.
        extras: the user's notes, the reviews and the report's date, if any.
    """
    layout = ComparisonLayout.build(comparison)
    articles = {"a": article_a, "b": article_b}
    esc = html.escape
    css = _CSS % {"light": _css_vars(LIGHT), "dark": _css_vars(DARK)} + LENS_CSS
    s = layout.summary
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Parallax comparison: {esc(article_name(article_a))} / "
        f"{esc(article_name(article_b))}</title>",
        f"<style>{css}</style></head><body>",
        "<h1>Parallax comparison</h1>",
        f'<p class="muted">{esc(generated_line(extras))}</p>',
        '<div class="grid">',
    ]
    for side, art in articles.items():
        meta = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in _meta(art))
        out.append(
            f"<section><h2>{side.upper()}: {esc(article_name(art))}</h2>"
            f'<dl class="meta">{meta}</dl></section>'
        )
    out.append('</div><h2>Summary</h2><table class="summary">')
    out.append("<tr><th></th><th>A</th><th>B</th></tr>")
    out.append(
        f"<tr><td>Text shared with the other article</td><td>{_percent(s.get('overlap_a'))}</td>"
        f"<td>{_percent(s.get('overlap_b'))}</td></tr>"
    )
    out.append(
        f"<tr><td>Reported only here</td><td>{s.get('only_a', len(layout.only['a']))}</td>"
        f"<td>{s.get('only_b', len(layout.only['b']))}</td></tr></table>"
    )
    out.append(f"<p>{_counts(s)}</p>")
    out.append('<h2>Legend</h2><ul class="legend">')
    for key, text in LEGEND:
        cls = {"same": "same", "divergent": "divergent", "related": "related"}.get(key, "")
        sample = "Differing" if key == "divergent" else "Sample"
        inner = (
            f'<strong class="emph conflict">{sample}</strong> text'
            if key == "divergent"
            else f"{sample} text"
        )
        out.append(f'<li><span class="swatch {cls}">{inner}</span>{esc(text)}</li>')
    out.append("</ul>")
    for heading, relation in _SECTIONS:
        pairs = layout.pairs_in_order("a", relation)
        out.append(f"<h2>{heading} ({len(pairs)})</h2>")
        out += [_html_claim(p, layout, articles) for p in pairs] or ['<p class="muted">None.</p>']
    out += lens_sections(comparison, layout)
    for side in ("a", "b"):
        ids = layout.only[side]
        out.append(f"<h2>Only in {side.upper()} ({len(ids)})</h2><ul>")
        for uid in ids:
            unit = layout.unit(side, uid)
            if unit is not None:
                out.append(f'<li><a href="#{side}-u{uid}">{esc(unit.text)}</a></li>')
        out.append("</ul>")
    out.append('<h2>Full texts</h2><div class="grid">')
    for side, art in articles.items():
        out.append(
            f"<section><h3>{side.upper()}: {esc(article_name(art))}</h3>"
            f'<div class="body">{_html_body(art, layout, side)}</div></section>'
        )
    out.append("</div>")
    if extras is not None:
        out.append(html_notes(extras.notes, articles))
    out.append("</body></html>")
    page = "\n".join(out)
    if extras is not None and extras.reviewed is not None:
        from library.reviews.report import add_to_html

        page = add_to_html(page, extras.reviewed)
    return page


# -- Markdown ---------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
# A list marker at the start of a text would nest a list inside the report's own
# list item ("- 1. Item" is a bullet holding a numbered list).
_MD_LEADING_MARKER = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+])(?=\s|$)")


def _md(text: str) -> str:
    """Escape Markdown syntax and fold newlines, so article text never becomes markup."""
    out = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_LEADING_MARKER.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", out)


def _bold_runs(pieces: list[tuple[str, int]]) -> list[tuple[str, bool]]:
    """Markdown has one emphasis level: merge runs, bridging spaces between bold runs.

    "**about** **4,000**" reads worse than "**about 4,000**".
    """
    runs: list[tuple[str, bool]] = []
    for text, level in pieces:
        bold = level > 0
        if runs and runs[-1][1] == bold:
            runs[-1] = (runs[-1][0] + text, bold)
        elif bold and len(runs) >= 2 and runs[-2][1] and not runs[-1][0].strip():
            gap = runs.pop()[0]
            runs[-1] = (runs[-1][0] + gap + text, True)
        else:
            runs.append((text, bold))
    return runs


def _md_side(pair: PairInfo, side: str, layout: ComparisonLayout, body: str) -> str:
    chunks: list[str] = []
    for pieces in _pair_pieces(pair, side, layout, body):
        for text, emph in _bold_runs(pieces):
            core = _md(text)
            # Keep the piece's edge spaces outside any markers: "** x**" is not bold.
            lead = " " if text[:1].isspace() else ""
            trail = " " if text[-1:].isspace() else ""
            chunks.append(f"{lead}**{core}**{trail}" if emph and core else f"{lead}{core}{trail}")
        chunks.append(" ")
    return re.sub(r"\s+", " ", "".join(chunks)).strip()


def to_markdown(
    comparison: Any, article_a: Article, article_b: Article, extras: ExportExtras | None = None
) -> str:
    """A Markdown report of `comparison`: metadata, summary, legend, claims, one-sided text.

    Args:
        comparison: an engine `Comparison` or its `to_dict()` form.
        article_a: article A; unit offsets point into its body.
        article_b: article B.
        extras: the user's notes, the reviews and the report's date, if any.
    """
    layout = ComparisonLayout.build(comparison)
    bodies = {"a": article_a.body, "b": article_b.body}
    s = layout.summary
    out = ["# Parallax comparison", "", _md(generated_line(extras)), ""]
    for side, art in (("a", article_a), ("b", article_b)):
        out.append(f"## {side.upper()}: {_md(article_name(art))}")
        out += [f"- **{k}:** {_md(v)}" for k, v in _meta(art)]
        out.append("")
    out += [
        "## Summary",
        "",
        "| | A | B |",
        "|---|---|---|",
        f"| Text shared with the other article | {_percent(s.get('overlap_a'))} "
        f"| {_percent(s.get('overlap_b'))} |",
        f"| Reported only here | {s.get('only_a', 0)} | {s.get('only_b', 0)} |",
        "",
        _counts(s),
        "",
        "## Legend",
        "",
    ]
    out += [f"- {text}" for _key, text in LEGEND]
    out.append("- In this Markdown report, **bold** marks the differing words.")
    out.append("")
    for heading, relation in _SECTIONS:
        pairs = layout.pairs_in_order("a", relation)
        out += [f"## {heading} ({len(pairs)})", ""]
        if not pairs:
            out += ["None.", ""]
        for n, pair in enumerate(pairs, 1):
            out.append(f"{n}. Match score {pair.score:.2f}")
            for side in ("a", "b"):
                out.append(f"   - **{side.upper()}:** {_md_side(pair, side, layout, bodies[side])}")
            out += [f"   - {_md(c.describe())}" for c in pair.conflicts]
        out.append("")
    out += lens_tables(comparison, _md)
    for side in ("a", "b"):
        ids = layout.only[side]
        out += [f"## Only in {side.upper()} ({len(ids)})", ""]
        for uid in ids:
            unit = layout.unit(side, uid)
            if unit is not None:
                out.append(f"- {_md(unit.text)}")
        out.append("")
    if extras is not None:
        out += markdown_notes(extras.notes, {"a": article_a, "b": article_b}, _md)
    md = "\n".join(out).rstrip() + "\n"
    if extras is not None and extras.reviewed is not None:
        from library.reviews.report import add_to_markdown

        md = add_to_markdown(md, extras.reviewed)
    return md

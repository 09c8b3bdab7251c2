"""The comparison's lenses in the HTML report: voices, numbers and names as tables,
the timeline as an inline SVG picture above its table.

Read from the JSON form (`to_dict()["lenses"]`), like the Markdown tables.
Every cell is escaped; unit numbers link to the sentence in the report's full
texts (`#a-u12`), which carry an anchor for every unit.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from library.compare.lenses.timeline import Row
from library.export.layout import ComparisonLayout
from library.export.timeline_layout import date_label, reading_order
from library.export.timeline_svg import timeline_svg

LENS_CSS = """
table.lens{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
table.lens th,table.lens td{padding:.25rem .6rem;border-bottom:1px solid var(--rule);
 text-align:left;vertical-align:top}
table.lens td.ids{white-space:nowrap}
.warn{color:var(--div-line);font-weight:700}
figure.timeline{margin:.5rem 0;overflow-x:auto}
figure.timeline figcaption{color:var(--muted);font-size:.9rem}
@media (prefers-color-scheme: dark){a{color:#6cb4ff}}
"""

# The report's text column is 1200 px at most: the picture takes most of it.
TIMELINE_WIDTH = 1000
TIMELINE_CAPTION = (
    "Article A above, B below. A line joins a date both give; a band is a month or a "
    "year the text gives without a day; a dashed line and “!” mark the two dates of one "
    "event in conflict. Hover a mark for its sentence; click it to read it below."
)


def _lenses(comparison: Any) -> dict[str, Any] | None:
    data = comparison.to_dict() if hasattr(comparison, "to_dict") else comparison
    found = data.get("lenses") if isinstance(data, dict) else None
    return found if isinstance(found, dict) else None


def _ids(side: str, ids: Sequence[int]) -> str:
    links = [f'<a href="#{side}-u{int(i)}">{int(i)}</a>' for i in ids]
    return ", ".join(links) or "–"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Cells are HTML already (escaped by the caller); the header is plain text."""
    if not rows:
        return ['<p class="muted">None.</p>']
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = ["<tr>" + "".join(row) + "</tr>" for row in rows]
    return [f'<table class="lens"><tr>{head}</tr>', *body, "</table>"]


def _td(text: str) -> str:
    return f"<td>{html.escape(text)}</td>"


def _td_ids(side: str, ids: Sequence[int]) -> str:
    return f'<td class="ids">{_ids(side, ids)}</td>'


def lens_sections(comparison: Any, layout: ComparisonLayout) -> list[str]:
    """HTML lines for the four lenses ([] when the comparison has none).

    Args:
        comparison: an engine `Comparison` or its `to_dict()` form.
        layout: its layout (the sentences behind the timeline's marks).
    """
    lenses = _lenses(comparison)
    if lenses is None:
        return []
    out = ["<h2>Voices</h2>"]
    out += _table(
        ["Voice", "A units", "B units", "Described in A", "Described in B"],
        [
            [
                _td(v["name"]),
                _td_ids("a", v["a"]),
                _td_ids("b", v["b"]),
                _td(v["description_a"]),
                _td(v["description_b"]),
            ]
            for v in lenses.get("voices", [])
        ],
    )
    unnamed = lenses.get("anonymous", {})
    out.append("<ul>")
    for side in ("a", "b"):
        said = unnamed.get(side, {}).get("mentions", [])
        listed = "; ".join(
            f'<a href="#{side}-u{int(m["unit"])}">{html.escape(str(m["text"]))}</a>' for m in said
        )
        out.append(
            f"<li>Unnamed sources in {side.upper()}: {len(said)}"
            + (f" ({listed})" if listed else "")
            + "</li>"
        )
    out.append("</ul>")
    out += _timeline(lenses.get("timeline", []), layout)
    out.append("<h2>Numbers</h2>")
    marks = {True: "same", False: "⚠ differs", None: ""}
    out += _table(
        ["Counted", "A", "B", ""],
        [
            [
                _td(r["thing"]),
                *(
                    "<td>"
                    + ("; ".join(
                        f'{html.escape(c["text"])} (<a href="#{s}-u{int(c["unit"])}">'
                        f'unit {int(c["unit"])}</a>)'
                        for c in r[s]
                    ) or "–")
                    + "</td>"
                    for s in ("a", "b")
                ),
                _td(marks[r.get("agree")]),
            ]
            for r in lenses.get("numbers", [])
        ],
    )  # fmt: skip
    out.append("<h2>Names</h2>")
    out += _table(
        ["Name", "Title", "A units", "B units", "Also written"],
        [
            [_td(n["name"]), _td(n.get("description") or ""), _td_ids("a", n["a"]),
             _td_ids("b", n["b"]), _td("; ".join(n["aliases"]))]
            for n in lenses.get("names", [])
        ],
    )  # fmt: skip
    return out


def _row(data: Mapping[str, Any]) -> Row:
    """A timeline row of its JSON form (`Row.to_dict()`), as the picture reads it."""
    return Row(
        date=str(data.get("date", "")),
        a=[int(u) for u in data.get("a", ())],
        b=[int(u) for u in data.get("b", ())],
        text_a=[str(t) for t in data.get("text_a", ())],
        text_b=[str(t) for t in data.get("text_b", ())],
        conflict=bool(data.get("conflict")),
        partial=bool(data.get("partial")),
    )


def _timeline(rows: list[dict[str, Any]], layout: ComparisonLayout) -> list[str]:
    out = ["<h2>Timeline</h2>"]
    if not rows:
        return [*out, '<p class="muted">None.</p>']
    # The picture reads the lens's typed rows; this report reads the JSON form.
    typed = [_row(r) for r in rows]

    def unit_text(side: str, uid: int) -> str:
        unit = layout.unit(side, uid)
        return unit.text if unit is not None else ""

    svg = timeline_svg(typed, pairs=layout.pairs, unit_text=unit_text, width=TIMELINE_WIDTH)
    out.append(
        f'<figure class="timeline">{svg}'
        f"<figcaption>{html.escape(TIMELINE_CAPTION)}</figcaption></figure>"
    )
    out += _table(
        ["Date", "A units", "B units", "A wrote", "B wrote", ""],
        [
            [
                _td(date_label(r["date"]) + (" (year not stated)" if r["date"][:1] == "?" else "")),
                _td_ids("a", r["a"]),
                _td_ids("b", r["b"]),
                _td("; ".join(r["text_a"])),
                _td("; ".join(r["text_b"])),
                '<td class="warn">⚠ conflict</td>' if r["conflict"] else "<td></td>",
            ]
            for r in (rows[k] for k in reading_order(typed))
        ],
    )
    return out

"""The lenses as small aligned text tables, for the command line and Markdown.

Every cell from an article goes through `terminal.safe` before it is laid out:
names and roles are data and may hold terminal controls.
"""

from __future__ import annotations

from collections.abc import Sequence

from library.chinese import display_width, fit
from library.compare.lenses import Lenses
from library.terminal import safe

# Widest a text cell may grow (a role or a list of dates as written).
MAX_CELL = 60

# Said instead of a bare header when a lens found nothing: a header over no rows
# reads like a failed command.
EMPTY = {
    "voices": "No one is quoted by name in either article.",
    "timeline": "No dates found in either article.",
    "numbers": "No counted numbers found in either article.",
    "names": "No names found in either article.",
}


def _ids(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids) or "–"


def _both(a: str, b: str) -> str:
    return " / ".join(x for x in (a, b) if x)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell (wide characters count two)."""
    cells = [[fit(safe(c), MAX_CELL) for c in row] for row in [header, *rows]]
    widths = [max(display_width(r[k]) for r in cells) for k in range(len(header))]

    def line(row: Sequence[str]) -> str:
        padded = (c + " " * (w - display_width(c)) for c, w in zip(row, widths, strict=True))
        return "  ".join(padded).rstrip()

    return "\n".join([line(cells[0]), line(["-" * w for w in widths]), *map(line, cells[1:])])


def voices(ls: Lenses) -> str:
    """Name · A units · B units · descriptions; then the unnamed sources per side."""
    rows = [
        [
            v.name,
            _ids(v.a),
            _ids(v.b),
            " / ".join(x for x in (v.description_a, v.description_b) if x),
        ]
        for v in ls.voices
    ]
    header = ["Voice", "A units", "B units", "Description (A / B)"]
    out = table(header, rows) if rows else EMPTY["voices"]
    for side in ("a", "b"):
        said = [m.text for m in ls.anonymous.get(side, [])]
        out += f"\nUnnamed in {side.upper()}: {len(said)}" + (
            f" ({'; '.join(said)})" if said else ""
        )
    return out


def timeline(ls: Lenses) -> str:
    """Date · A units · B units · as written · ⚠ when the detectors found a conflict."""
    rows = [
        [
            r.date,
            _ids(r.a),
            _ids(r.b),
            _both("; ".join(r.text_a), "; ".join(r.text_b)),
            "⚠ conflict" if r.conflict else "",
        ]
        for r in ls.timeline
    ]
    if not rows:
        return EMPTY["timeline"]
    return table(["Date", "A units", "B units", "As written (A / B)", ""], rows)


def numbers(ls: Lenses) -> str:
    """What is counted · A · B · whether they agree."""
    rows = []
    for r in ls.numbers:
        a = "; ".join(f"{c.text} (#{c.unit})" for c in r.a) or "–"
        b = "; ".join(f"{c.text} (#{c.unit})" for c in r.b) or "–"
        mark = {True: "same", False: "⚠ differs", None: ""}[r.agree]
        rows.append([r.thing, a, b, mark])
    if not rows:
        return EMPTY["numbers"]
    return table(["Counted", "A", "B", "A vs B"], rows)


def names(ls: Lenses) -> str:
    """Name · A units · B units · other forms."""
    rows = [[n.name, _ids(n.a), _ids(n.b), "; ".join(n.aliases)] for n in ls.names]
    if not rows:
        return EMPTY["names"]
    return table(["Name", "A units", "B units", "Also written"], rows)


RENDERERS = {"voices": voices, "timeline": timeline, "numbers": numbers, "names": names}


def render_lens(ls: Lenses, lens: str) -> str:
    """One lens as a text table.

    Args:
        ls: the comparison's lenses.
        lens: "voices", "timeline", "numbers" or "names".
    """
    return RENDERERS[lens](ls)

"""The comparison's lenses as Markdown tables (voices, timeline, numbers, names).

Read from the JSON form (`to_dict()["lenses"]`), so an export of a saved
comparison works the same; every cell is escaped by the report's own escaper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def _ids(ids: Sequence[int]) -> str:
    return ", ".join(str(i) for i in ids) or "–"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return [*out, ""]


def lens_tables(comparison: Any, md: Callable[[str], str]) -> list[str]:
    """Markdown lines for the four lenses ([] when the comparison has none).

    Args:
        comparison: an engine `Comparison` or its `to_dict()` form.
        md: escapes article text so it never becomes markup.
    """
    data = comparison.to_dict() if hasattr(comparison, "to_dict") else comparison
    lenses = data.get("lenses") if isinstance(data, dict) else None
    if not lenses:
        return []
    out = ["## Voices", ""]
    voices = lenses.get("voices", [])
    out += _table(
        ["Voice", "A units", "B units", "Described in A", "Described in B"],
        [
            [md(v["name"]), _ids(v["a"]), _ids(v["b"]), md(v["description_a"]),
             md(v["description_b"])]
            for v in voices
        ],
    ) if voices else ["None.", ""]  # fmt: skip
    unnamed = lenses.get("anonymous", {})
    for side in ("a", "b"):
        said = [m["text"] for m in unnamed.get(side, {}).get("mentions", [])]
        listed = f" ({md('; '.join(said))})" if said else ""
        out.append(f"- Unnamed sources in {side.upper()}: {len(said)}{listed}")
    out += ["", "## Timeline", ""]
    rows = [
        [
            md(r["date"]), _ids(r["a"]), _ids(r["b"]), md("; ".join(r["text_a"])),
            md("; ".join(r["text_b"])), "⚠ conflict" if r["conflict"] else "",
        ]
        for r in lenses.get("timeline", [])
    ]  # fmt: skip
    out += (
        _table(["Date", "A units", "B units", "A wrote", "B wrote", ""], rows)
        if rows
        else ["None.", ""]
    )
    out += ["## Numbers", ""]
    marks = {True: "same", False: "⚠ differs", None: ""}
    rows = [
        [
            md(r["thing"]),
            md("; ".join(f"{c['text']} (unit {c['unit']})" for c in r["a"])) or "–",
            md("; ".join(f"{c['text']} (unit {c['unit']})" for c in r["b"])) or "–",
            marks[r["agree"]],
        ]
        for r in lenses.get("numbers", [])
    ]
    out += _table(["Counted", "A", "B", ""], rows) if rows else ["None.", ""]
    out += ["## Names", ""]
    rows = [
        [md(n["name"]), md(n.get("description") or ""), _ids(n["a"]), _ids(n["b"]),
         md("; ".join(n["aliases"]))]
        for n in lenses.get("names", [])
    ]  # fmt: skip
    heads = ["Name", "Title", "A units", "B units", "Also written"]
    out += _table(heads, rows) if rows else ["None.", ""]
    return out

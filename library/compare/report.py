"""Readable terminal report of a `Comparison` (the `parallax compare` output)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

from library.compare.model import Comparison, Pair, Unit
from library.compare.worddiff import is_variant
from library.terminal import safe

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RED = "\x1b[31m"
_GREEN = "\x1b[32m"
_YELLOW = "\x1b[33m"
_CYAN = "\x1b[36m"
_MAGENTA = "\x1b[35m"
_WIDTH = 96
_BREAKS = re.compile(r"[ \t]*[\r\n]\s*")


def render_report(comparison: Comparison, *, color: bool) -> str:
    """Render `comparison` as plain text, with ANSI colour when `color` is true.

    Sections: summary, shared facts, divergent claims (with their conflicts),
    related pairs (same subject, different facts; only when there are some),
    only in A, only in B.  Inside pairs the words that differ are marked: in
    colour (red = only A, green = only B), else as `[-…-]` / `{+…+}`.

    Args:
        comparison: the result of `compare_texts` / `compare_articles`.
        color: emit ANSI escape codes.
    """

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    s = comparison.summary
    # Article text is data: every piece is made safe before colour is added.
    title_a = safe(comparison.a.title or "A")
    title_b = safe(comparison.b.title or "B")
    lines = [
        paint(_BOLD, f"A: {title_a}"),
        paint(_BOLD, f"B: {title_b}"),
        "",
        f"{_n(s.shared, 'shared fact')}, {_n(s.divergent, 'divergent claim')}, "
        + (f"{_n(s.related, 'related pair')}, " if s.related else "")
        + f"{_n(s.only_a, 'sentence')} only in A, {s.only_b} only in B; "
        f"aligned text covers {s.overlap_a:.0%} of A and {s.overlap_b:.0%} of B.",
    ]
    if comparison.languages is not None and comparison.languages.differ:
        lines.append(comparison.languages.describe())
    same = [p for p in comparison.pairs if p.relation == "same"]
    divergent = [p for p in comparison.pairs if p.relation == "divergent"]
    related = [p for p in comparison.pairs if p.relation == "related"]
    lines += _section(paint(_BOLD + _GREEN, f"Shared facts ({len(same)})"))
    for p in same:
        lines += _pair_lines(p, comparison, color)
        lines += _conflict_lines(p, paint, "·")
    lines += _section(paint(_BOLD + _YELLOW, f"Divergent claims ({len(divergent)})"))
    for p in divergent:
        lines += _pair_lines(p, comparison, color)
        lines += _conflict_lines(p, paint, "≠")
    if related:
        title = f"Related: same subject, different facts ({len(related)})"
        lines += _section(paint(_BOLD + _MAGENTA, title))
        for p in related:
            lines += _pair_lines(p, comparison, color, marked=False)
            lines += _conflict_lines(p, paint, "·")
    for name, ids, units in (
        ("A", comparison.only_a, comparison.a.units),
        ("B", comparison.only_b, comparison.b.units),
    ):
        lines += _section(paint(_BOLD + _CYAN, f"Only in {name} ({len(ids)})"))
        for i in ids:
            lines += _wrap(f"[{name}{i}] ", safe(units[i].text, multiline=True))
    return "\n".join(lines) + "\n"


def _conflict_lines(pair: Pair, paint: Callable[[str, str], str], mark: str) -> list[str]:
    # One line per conflict: its kind, severity when minor, and the engine's
    # explanation ("A: 48-page indictment · B: 47-page indictment").
    out = []
    for c in pair.conflicts:
        minor = " (minor)" if not c.material else ""
        text = safe(c.explanation)  # article text: no terminal escapes
        out.append("    " + paint(_YELLOW, f"{mark} {c.kind}{minor}: ") + text)
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _section(title: str) -> list[str]:
    return ["", title]


def _wrap(prefix: str, text: str) -> list[str]:
    return textwrap.wrap(
        text, width=_WIDTH, initial_indent="  " + prefix, subsequent_indent="      "
    ) or ["  " + prefix]


def _ids(side: str, ids: tuple[int, ...]) -> str:
    return "+".join(f"{side}{i}" for i in ids)


def _joined(units: tuple[Unit, ...], ids: tuple[int, ...]) -> str:
    return safe(" ".join(units[i].text for i in ids), multiline=True)


def _pair_lines(
    pair: Pair, comparison: Comparison, color: bool, *, marked: bool = True
) -> list[str]:
    head = f"  {_ids('A', pair.a)} ~ {_ids('B', pair.b)}  (score {pair.score:.2f})"
    out = [f"{_DIM}{head}{_RESET}" if color else head]
    if not pair.diff or not marked:
        out += _wrap("A: ", _joined(comparison.a.units, pair.a))
        out += _wrap("B: ", _joined(comparison.b.units, pair.b))
        return out
    # Marked-up texts are wrapped on the plain words, then colour is applied per
    # token, so escape codes never count towards the line width.
    for side, keep, mark in (("A", -1, _RED), ("B", 1, _GREEN)):
        parts: list[str] = []
        for k, (op, raw) in enumerate(pair.diff):
            text = safe(raw, multiline=True)
            if op == 0 or (op == keep and is_variant(pair.diff, k)):
                parts.append(text)  # 國 / 国: one character in two scripts, not marked
            elif op == keep:
                if color:
                    parts.append(f"{mark}{text}{_RESET}")
                else:
                    parts.append(f"[-{text}-]" if keep == -1 else f"{{+{text}+}}")
        # A pair may span a paragraph break; the report shows each side on one line.
        body = _BREAKS.sub(" ", "".join(parts))
        if color:
            out.append(f"    {side}: {body}")
        else:
            out += _wrap(f"{side}: ", body)
    return out

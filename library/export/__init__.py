"""Exports that are more than display: comparison reports as HTML and Markdown (Qt-free).

The names below load on first use: importing a small module of this package
(e.g. `library.export.writer`, which the notes panel uses at start-up) must not
load the report builders.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from library.export.comparison_report import ExportExtras, to_html, to_markdown
    from library.export.layout import ComparisonLayout, ConflictInfo, PairInfo, UnitSpan

_WHERE = {
    "ComparisonLayout": "layout",
    "ConflictInfo": "layout",
    "PairInfo": "layout",
    "UnitSpan": "layout",
    "ExportExtras": "comparison_report",
    "to_html": "comparison_report",
    "to_markdown": "comparison_report",
}

__all__ = [
    "ComparisonLayout",
    "ConflictInfo",
    "ExportExtras",
    "PairInfo",
    "UnitSpan",
    "to_html",
    "to_markdown",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"library.export.{module}"), name)

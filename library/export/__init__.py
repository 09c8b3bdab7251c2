"""Exports that are more than display: comparison reports as HTML and Markdown (Qt-free)."""

from library.export.comparison_report import ExportExtras, to_html, to_markdown
from library.export.layout import ComparisonLayout, ConflictInfo, PairInfo, UnitSpan

__all__ = [
    "ComparisonLayout",
    "ConflictInfo",
    "ExportExtras",
    "PairInfo",
    "UnitSpan",
    "to_html",
    "to_markdown",
]

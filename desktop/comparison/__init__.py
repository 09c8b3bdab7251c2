"""The side-by-side comparison view: two reading panes, a link gutter, overview strips,
navigation, a summary panel and exports.  `ComparisonView` is the entry point.

It is imported on first use (`from desktop.comparison import ComparisonView`),
not with the package: the library page uses small helpers from here (e.g.
`offsets`) and must not load the whole view at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.comparison.view import ComparisonView

__all__ = ["ComparisonView"]


def __getattr__(name: str) -> Any:
    if name == "ComparisonView":
        from desktop.comparison.view import ComparisonView

        return ComparisonView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

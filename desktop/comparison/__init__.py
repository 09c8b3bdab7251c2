"""The side-by-side comparison view: two reading panes, a link gutter, overview strips,
navigation, a summary panel and exports.  `ComparisonView` is the entry point."""

from desktop.comparison.view import ComparisonView

__all__ = ["ComparisonView"]

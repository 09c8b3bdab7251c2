"""The side-by-side comparison view: two reading panes, a link gutter, overview strips,
navigation, a summary panel and exports.  `ComparisonView` is the entry point."""

from desktop.comparison._none_guard import protect_none

# Before any painting: PySide6 6.12 on CPython 3.11 leaks references to None
# (see _none_guard); the view's painting would otherwise abort the process.
protect_none()

from desktop.comparison.view import ComparisonView  # noqa: E402 - after the guard

__all__ = ["ComparisonView", "protect_none"]

"""Parallax's headless core: articles, import, comparison, stores and the CLI.

Nothing in this package imports Qt; the desktop package builds on it.
"""

__version__ = "0.1.0"

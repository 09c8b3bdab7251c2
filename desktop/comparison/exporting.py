"""Export plumbing for the view: format table, file naming, the save dialog, writing.

The reports themselves are built Qt-free in `library.export.comparison_report`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from library.article import Article
from library.export import to_html, to_markdown
from library.export.extras import ExportExtras
from library.export.writer import write_export

# fmt -> (label shown in the dialog, file suffix)
FORMATS = {"html": ("HTML report", "html"), "md": ("Markdown", "md")}


def _slug(title: str, words: int = 4) -> str:
    """A short file-name-safe form of a title: its first few words, lower case."""
    return "-".join(re.findall(r"\w+", title.lower())[:words])


def suggested_name(titles: list[str], fmt: str) -> str:
    """A default file name such as `flooding-forces-thousands-from-vs-river-bursts.html`.

    Args:
        titles: the compared articles' titles.
        fmt: "html" or "md".
    """
    slug = "-vs-".join(s for s in (_slug(t) for t in titles) if s)
    return f"{slug or 'comparison'}.{FORMATS[fmt][1]}"


def ask_save_path(parent: QWidget | None, fmt: str, suggested: str) -> Path | None:
    """Run the save dialog; the path gets the format's suffix if it has none.

    Args:
        parent: dialog parent.
        fmt: "html" or "md".
        suggested: the file name offered, in the home folder (a bare name
            would open the dialog wherever Parallax happened to be started).
    """
    label, suffix = FORMATS[fmt]
    name, _ = QFileDialog.getSaveFileName(
        parent,
        f"Export comparison as {label}",
        str(Path.home() / suggested),
        f"{label} (*.{suffix})",
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(f".{suffix}")


def write_report(
    path: Path,
    fmt: str,
    comparison: Any,
    article_a: Article | None,
    article_b: Article | None,
    *,
    data_dir: Path,
    extras: ExportExtras | None = None,
) -> Path:
    """Write the report of `comparison` to `path` through the guarded export writer.

    Args:
        path: the file to write (UTF-8, mode 0600, replaced atomically).
        fmt: "html" or "md".
        comparison: the engine `Comparison` (or its dict), None if there is none.
        article_a: article A.
        article_b: article B.
        data_dir: Parallax's data folder, whose files are never written over.
        extras: the user's notes and the reviews to include.

    Returns:
        The file written.

    Raises:
        ValueError: unknown format.
        RuntimeError: nothing to export.
        ParallaxError: `path` is one of Parallax's own files, or cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use 'html' or 'md'")
    if comparison is None or article_a is None or article_b is None:
        raise RuntimeError("no comparison to export")
    build = to_html if fmt == "html" else to_markdown
    report = build(comparison, article_a, article_b, extras)
    return write_export(path, report, data_dir=data_dir)

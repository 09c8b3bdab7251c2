"""Export and import actions for the Notes menu (Markdown/JSON out, JSON in).

File names are asked through `ask_path`, a small classmethod tests replace.
Results and errors go to a callback (the panel's status line), never to a
modal box, so nothing blocks and nothing is lost silently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from library.changes import Changes
from library.collection import Collection
from library.errors import ParallaxError
from library.export.writer import write_export
from library.notes.export import select_notes, to_json, to_markdown

TitleLookup = Callable[[int], str | None]
Report = Callable[[str, bool], None]  # (message, is_error)


class NotesTransfer:
    """Builds the export/import actions.

    Args:
        collection: the open collection (imports go through it).
        parent: parent for the actions and dialogs.
        titles: article id → title, for the Markdown headings.
        report: shows a one-line result (message, is_error).
        current_article: the id of the article whose notes "This Article" exports.
        on_import: called with what a successful import changed (to refresh views).
    """

    def __init__(
        self,
        collection: Collection,
        parent: QWidget,
        titles: TitleLookup,
        report: Report,
        current_article: Callable[[], int | None],
        on_import: Callable[[Changes], None],
    ) -> None:
        self.collection = collection
        self.parent = parent
        self.titles = titles
        self.report = report
        self.current_article = current_article
        self.on_import = on_import
        self.export_md = QAction("Export Notes as Markdown…", parent)
        self.export_md.triggered.connect(lambda: self.export("md", None))
        self.export_json = QAction("Export Notes as JSON…", parent)
        self.export_json.triggered.connect(lambda: self.export("json", None))
        self.export_article = QAction("Export This Article's Notes…", parent)
        self.export_article.triggered.connect(self._export_current)
        self.import_json = QAction("Import Notes…", parent)
        self.import_json.triggered.connect(self.import_file)

    def actions(self) -> list[QAction]:
        return [self.export_md, self.export_json, self.export_article, self.import_json]

    @classmethod
    def ask_path(
        cls, parent: QWidget | None, title: str, *, save: bool, name_filter: str, default: str
    ) -> Path | None:
        """Ask for a file name (a native dialog); None if cancelled."""
        if save:
            chosen, _ = QFileDialog.getSaveFileName(parent, title, default, name_filter)
        else:
            chosen, _ = QFileDialog.getOpenFileName(parent, title, default, name_filter)
        return Path(chosen) if chosen else None

    def export(self, fmt: str, article_id: int | None) -> Path | None:
        """Export all notes (or one article's) as "md" or "json"; returns the file written."""
        is_json = fmt == "json"
        name = "parallax-notes" + (f"-article-{article_id}" if article_id else "")
        path = self.ask_path(
            self.parent,
            "Export Notes",
            save=True,
            name_filter="JSON (*.json)" if is_json else "Markdown (*.md);;JSON (*.json)",
            default=str(Path.home() / f"{name}.{'json' if is_json else 'md'}"),
        )
        if path is None:
            return None
        is_json = is_json or path.suffix.lower() == ".json"
        try:
            notes = select_notes(self.collection.notes, article_id)
            text = to_json(notes) if is_json else to_markdown(notes, self.titles)
            write_export(path, text, data_dir=self.collection.data_dir)
        except ParallaxError as exc:
            self.report(str(exc), True)
            return None
        self.report(f"Exported {len(notes)} note(s) to {path}", False)
        return path

    def import_file(self) -> bool:
        """Ask for a JSON export and import it; notes already present are left as they are."""
        path = self.ask_path(
            self.parent, "Import Notes", save=False, name_filter="JSON (*.json)", default=""
        )
        if path is None:
            return False
        try:
            # A FIFO or device would block the window (or never end) on read.
            if path.exists() and not path.is_file():
                self.report(f"Cannot read {path.name}: it is not a regular file.", True)
                return False
            text = path.read_text(encoding="utf-8-sig")  # Notepad writes a BOM
            op = self.collection.import_notes(text)
        except (OSError, UnicodeDecodeError) as exc:
            self.report(f"Cannot read {path.name}: {exc}", True)
            return False
        except ParallaxError as exc:
            self.report(f"{path.name}: {exc}", True)
            return False
        self.report(f"Imported {path.name}: {op.value.summary()}", False)
        self.on_import(op.changes)
        return True

    def _export_current(self) -> None:
        article_id = self.current_article()
        if article_id is None:
            self.report("Open an article first.", True)
            return
        self.export("md", article_id)

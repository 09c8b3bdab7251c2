"""`Collection`: one user's Parallax data, as the CLI and the window both use it.

Like Anki's collection object, it is the single door to the stores in a data
directory: the article library (rebuildable) and the notes (irreplaceable).
Operations that touch both, such as re-anchoring notes when an article is
re-imported as a new version, live here so no caller can forget half.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from library.article import Article
from library.database import quarantine, refuse_truncated
from library.errors import DatabaseCorrupt, ImportRefused, NotFound, ParallaxError
from library.importer import FileResult, ImportReport, ProgressCallback, import_paths
from library.paths import LIBRARY_DB, display_path
from library.paths import data_dir as resolve_data_dir
from library.samples import seed_if_new
from library.store import LibraryStore
from library.word_weights import LibraryWeights

if TYPE_CHECKING:
    from library.compare import Comparison
    from library.notes import NotesStore


#: SQLite's largest integer: no article id is above it.
MAX_ID = 2**63 - 1


class Collection:
    """The stores in one data directory.

    Args:
        data_dir: explicit directory (`--data-dir`); None uses `$PARALLAX_HOME`
            or the platform's user data dir.
        seed: import the sample articles if this library was never seeded.
        read_only: a reading command (`list`, `search`, `notes export`…):
            both stores open without writing, so they work on a full disk or
            a read-only mount.  A first run still creates the files.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        seed: bool = True,
        read_only: bool = False,
    ):
        self.data_dir = resolve_data_dir(data_dir, create=not read_only)
        self.read_only = read_only
        #: Where a damaged library.db was moved on opening, for the UI to mention.
        self.library_recovered_from: Path | None = None
        try:
            # A truncated (0-byte) library.db was silently a new library.
            refuse_truncated(self.data_dir / LIBRARY_DB)
            self.library = LibraryStore(self.data_dir, read_only=read_only)
        except DatabaseCorrupt as exc:
            if "newer version" in str(exc):
                raise
            # The library is an index of the user's files: set the damaged
            # file aside (never delete it) and start afresh.
            self.library_recovered_from = quarantine(self.data_dir / LIBRARY_DB)
            self.library = LibraryStore(self.data_dir, read_only=read_only)
        if seed and self.library.db.read_only_reason is None:
            seed_if_new(self.library)
        self.word_weights = LibraryWeights()

    @cached_property
    def notes(self) -> NotesStore:
        """The notes store, opened on first use (its file is separate: `notes.db`).

        Bound to this library: notes whose article is not in it wait for it
        (the library was rebuilt, or the article removed) instead of being
        shown on whatever article has their old id now.
        """
        from library.notes import NotesStore

        return NotesStore(self.data_dir, library=self.library, read_only=self.read_only)

    def close(self) -> None:
        self.library.close()
        if "notes" in self.__dict__:
            self.notes.close()

    def import_paths(
        self,
        paths: Iterable[Path],
        *,
        on_progress: ProgressCallback | None = None,
        should_cancel: Callable[[], bool] | None = None,
        on_result: Callable[[FileResult], None] | None = None,
    ) -> ImportReport:
        """Import files and folders; notes follow their article.

        Notes on a replaced version move to the new one, and notes waiting
        for an article (the library was rebuilt, or it was removed) attach
        to it again when its file is imported.
        """
        notes_failed: list[ParallaxError] = []

        def after_each(result: FileResult) -> None:
            if result.status == "new_version" and result.previous_id is not None:
                assert result.article is not None
                self.notes.reanchor(result.previous_id, result.article)
            elif result.status == "unchanged" and result.article is not None:
                self._reanchor_left_behind(result.article)
            if result.article is not None and not notes_failed:
                try:
                    self.notes.attach_waiting(result.article)
                except ParallaxError as exc:
                    # notes.db locked or unreadable: the import stands, and
                    # importing the file again ("unchanged") attaches them.
                    # Tried once per import, not once per file.
                    notes_failed.append(exc)
            if on_result is not None:
                on_result(result)

        return import_paths(
            self.library,
            paths,
            on_progress=on_progress,
            should_cancel=should_cancel,
            on_result=after_each,
        )

    def _reanchor_left_behind(self, current: Article) -> None:
        # A new version whose notes could not be moved (notes.db locked when it
        # was imported) would otherwise leave them on the old version for good:
        # re-importing the file reports "unchanged" and finishes the move.
        assert current.id is not None
        for old in self.library.versions(current.id):
            if old.id != current.id and old.id is not None:
                self.notes.reanchor(old.id, current)

    def resolve(self, ref: str) -> Article:
        """An article from a library id ("3") or a file path (imported if new).

        Raises:
            NotFound: neither an id in the library nor an existing file.
            ImportRefused: the file exists but cannot be read as an article.
        """
        path = Path(ref)
        try:
            exists = path.exists()
            is_dir = exists and path.is_dir()
        except OSError as exc:  # e.g. a file inside a folder the user cannot read
            reason = (exc.strerror or "error").lower()
            raise ImportRefused(f"{display_path(path)} cannot be read ({reason})") from exc
        # ASCII digits only: "٣" and "²" pass str.isdigit() ("²" then broke int()).
        if ref.isascii() and ref.isdigit() and not exists:
            if len(ref) > len(str(MAX_ID)) or int(ref) > MAX_ID:
                raise NotFound(f"No article with id {ref} in the library.")
            return self.library.current(int(ref))
        if not exists:
            raise NotFound(f"{ref} is neither an article id nor an existing file.")
        if is_dir:
            raise ImportRefused(f"{display_path(path)} is a folder, not an article file.")
        report = self.import_paths([path])
        result = report.results[0]
        if result.article is None:
            raise ImportRefused(f"{display_path(path)} {result.reason}")
        return result.article

    def compare(
        self,
        article_a: Article,
        article_b: Article,
        *,
        library_texts: Sequence[str] | None = None,
    ) -> Comparison:
        """Compare two articles, with word weights learnt from the whole library.

        Args:
            library_texts: the library's article bodies, read beforehand by the
                caller; a worker thread passes them so that it never touches
                the database connection the GUI thread owns.  None reads them
                here.
        """
        from library.compare import compare_articles

        if library_texts is None:
            library_texts = [article.body for article in self.library.articles()]
        idf = self.word_weights.for_texts(library_texts)
        return compare_articles(article_a, article_b, idf=idf)

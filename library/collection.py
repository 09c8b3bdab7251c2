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
from library.database import quarantine
from library.errors import DatabaseCorrupt, ImportRefused, NotFound
from library.importer import FileResult, ImportReport, ProgressCallback, import_paths
from library.paths import LIBRARY_DB, display_path
from library.paths import data_dir as resolve_data_dir
from library.samples import seed_if_new
from library.store import LibraryStore
from library.word_weights import LibraryWeights

if TYPE_CHECKING:
    from library.compare import Comparison
    from library.compare.backends import BackendChoice
    from library.compare.vector_cache import ArticleVectors
    from library.notes import NotesStore


#: SQLite's largest integer: no article id is above it.
MAX_ID = 2**63 - 1


class Collection:
    """The stores in one data directory.

    Args:
        data_dir: explicit directory (`--data-dir`); None uses `$PARALLAX_HOME`
            or the platform's user data dir.
        seed: import the sample articles if this library was never seeded.
        backend: the similarity backend comparisons use unless told otherwise
            ("semantic" or "lexical"; see `library.compare.backends`).
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        seed: bool = True,
        backend: str = "semantic",
    ):
        self.data_dir = resolve_data_dir(data_dir)
        self.backend = backend
        #: One line for the user when the last comparison could not use the
        #: backend asked for (the model failed to load); None otherwise.
        self.backend_notice: str | None = None
        #: Where a damaged library.db was moved on opening, for the UI to mention.
        self.library_recovered_from: Path | None = None
        try:
            self.library = LibraryStore(self.data_dir)
        except DatabaseCorrupt as exc:
            if "newer version" in str(exc):
                raise
            # The library is an index of the user's files: set the damaged
            # file aside (never delete it) and start afresh.
            self.library_recovered_from = quarantine(self.data_dir / LIBRARY_DB)
            self.library = LibraryStore(self.data_dir)
        if seed:
            seed_if_new(self.library)
        self.word_weights = LibraryWeights()

    @cached_property
    def vectors(self) -> ArticleVectors:
        """Sentence vectors of stored articles, cached in `library.db` (see `compare`)."""
        from library.compare.vector_cache import ArticleVectors
        from library.store.embeddings import EmbeddingCache

        return ArticleVectors(EmbeddingCache(self.library.path))

    @cached_property
    def notes(self) -> NotesStore:
        """The notes store, opened on first use (its file is separate: `notes.db`)."""
        from library.notes import NotesStore

        return NotesStore(self.data_dir)

    def close(self) -> None:
        if "vectors" in self.__dict__:
            self.vectors.store.close()
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
        """Import files and folders; notes on a replaced version follow the new one."""

        def after_each(result: FileResult) -> None:
            if result.status == "new_version" and result.previous_id is not None:
                assert result.article is not None
                self.notes.reanchor(result.previous_id, result.article)
            elif result.status == "unchanged" and result.article is not None:
                self._reanchor_left_behind(result.article)
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
        if ref.isdigit() and not Path(ref).exists():
            if int(ref) > MAX_ID:
                raise NotFound(f"No article with id {ref} in the library.")
            return self.library.current(int(ref))
        path = Path(ref)
        if not path.exists():
            raise NotFound(f"{ref} is neither an article id nor an existing file.")
        if path.is_dir():
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
        backend: str | None = None,
    ) -> Comparison:
        """Compare two articles, with word weights learnt from the whole library.

        Safe on a worker thread when `library_texts` is given: the sentence
        vector cache opens its own connection there.  If the semantic backend's
        model cannot load, the words-only engine runs and `backend_notice`
        says so in one line.

        Args:
            library_texts: the library's article bodies, read beforehand by the
                caller; a worker thread passes them so that it never touches
                the database connection the GUI thread owns.  None reads them
                here.
            backend: "semantic" or "lexical"; None uses the collection's `backend`.
        """
        from library.compare import compare_articles

        if library_texts is None:
            library_texts = [article.body for article in self.library.articles()]
        idf = self.word_weights.for_texts(library_texts)
        choice = self.similarity_backend(backend or self.backend, (article_a, article_b))
        self.backend_notice = choice.notice
        return compare_articles(article_a, article_b, idf=idf, backend=choice.backend)

    def similarity_backend(self, name: str, articles: Sequence[Article]) -> BackendChoice:
        """The backend `name` for comparing `articles`, its sentence vectors cached.

        Raises:
            ValueError: unknown backend name.
        """
        from library.compare.backends import fallback, make_backend
        from library.compare.embedding import ModelUnavailable

        if name != "semantic":
            return make_backend(name)
        try:
            embed = self.vectors.prepare(articles)
        except ModelUnavailable as exc:
            return fallback(exc)
        return make_backend(name, embed=embed)

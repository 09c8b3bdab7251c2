"""`Collection`: one user's Parallax data, as the CLI and the window both use it.

Like Anki's collection object, it is the single door to the stores in a data
directory: the article library (rebuildable) and the notes (irreplaceable).
Operations that touch both, such as re-anchoring notes when an article is
re-imported as a new version, live here so no caller can forget half.  Every
mutation (see `library.collection_ops`) returns what it changed, a
`library.changes.Changes`, which the window hands to each of its views.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from library.article import Article
from library.changes import NOTHING, Changes, Op
from library.collection_ops import CollectionOps
from library.errors import DatabaseCorrupt, ImportRefused, NotFound, ParallaxError
from library.paths import LIBRARY_DB, NOTES_DB, display_path
from library.paths import data_dir as resolve_data_dir
from library.samples import seed_if_new
from library.set_aside import quarantine, refuse_truncated
from library.store import LibraryStore
from library.word_weights import LibraryWeights

if TYPE_CHECKING:
    from library.compare import Comparison
    from library.compare.backends import BackendChoice
    from library.compare.vector_cache import ArticleVectors
    from library.coverage import Embedder, Related
    from library.importer import FileResult, ImportReport, ProgressCallback
    from library.notes import NotesStore
    from library.reviews import Review, ReviewedComparison, ReviewsStore
    from library.store.aliases import Alias
    from library.store.listing import ArticleSummary, Listing


#: SQLite's largest integer: no article id is above it.
MAX_ID = 2**63 - 1


class Collection(CollectionOps):
    """The stores in one data directory.

    Args:
        data_dir: explicit directory (`--data-dir`); None uses `$PARALLAX_HOME`
            or the platform's user data dir.
        seed: import the sample articles if this library was never seeded.
        read_only: a reading command (`list`, `search`, `notes export`…):
            both stores open without writing, so they work on a full disk or
            a read-only mount.  A first run still creates the files.
        backend: the similarity backend comparisons use unless told otherwise
            ("semantic" or "lexical"; see `library.compare.backends`).
        set_aside: move a damaged library.db aside and start afresh; False
            (a worker's `reopen`) lets `DatabaseCorrupt` propagate instead.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        seed: bool = True,
        read_only: bool = False,
        backend: str = "semantic",
        set_aside: bool = True,
    ):
        self.data_dir = resolve_data_dir(data_dir, create=not read_only)
        self.read_only = read_only
        self.backend = backend
        #: One line for the user when the last comparison could not use the
        #: backend asked for (the model failed to load); None otherwise.
        self.backend_notice: str | None = None
        #: Where a damaged library.db was moved on opening, for the UI to mention.
        self.library_recovered_from: Path | None = None
        try:
            # A truncated (0-byte) library.db was silently a new library.
            refuse_truncated(self.data_dir / LIBRARY_DB)
            self.library = LibraryStore(self.data_dir, read_only=read_only)
        except DatabaseCorrupt:  # DatabaseTooNew is not one: it propagates
            if not set_aside:
                raise
            # The library is an index of the user's files: set the damaged
            # file aside (never delete it) and start afresh.
            self.library_recovered_from = quarantine(self.data_dir / LIBRARY_DB)
            self.library = LibraryStore(self.data_dir, read_only=read_only)
        if seed and self.library.db.read_only_reason is None:
            seed_if_new(self.library)
        self.word_weights = LibraryWeights(self.library.path)

    @cached_property
    def vectors(self) -> ArticleVectors:
        """Sentence vectors of stored articles, cached in `library.db` (see `compare`)."""
        from library.compare.vector_cache import ArticleVectors
        from library.store.embeddings import EmbeddingCache

        return ArticleVectors(EmbeddingCache(self.library.path))

    @cached_property
    def notes(self) -> NotesStore:
        """The notes store, opened on first use (its file is separate: `notes.db`).

        Bound to this library: notes whose article is not in it wait for it
        (the library was rebuilt, or the article removed) instead of being
        shown on whatever article has their old id now.
        """
        from library.notes import NotesStore

        return NotesStore(self.data_dir, library=self.library, read_only=self.read_only)

    @staticmethod
    def load_notes_modules() -> None:
        """Import what opening the notes store needs, without opening it.

        For a worker thread: the window then opens notes.db on its GUI thread
        without first importing the store's modules there (≈ 60 ms).
        """
        import library.notes.store  # noqa: F401

    def reopen(self, *, read_only: bool = False) -> Collection:
        """Another `Collection` on the same data directory, for a worker thread.

        A SQLite connection belongs to the thread that opened it: a job that
        runs off the GUI thread opens its own (and closes it, or uses `with`).
        A damaged library.db is never moved aside here, under the window that
        uses it: the job fails with `DatabaseCorrupt` and says so.
        """
        return Collection(
            self.data_dir, seed=False, read_only=read_only, backend=self.backend, set_aside=False
        )

    def __enter__(self) -> Collection:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

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
        """Import files and folders; notes follow their article.

        Notes on a replaced version move to the new one, and notes waiting
        for an article (the library was rebuilt, or it was removed) attach
        to it again when its file is imported.  The report's `changes` says
        what the views showing the collection must refresh.
        """
        # Loaded on the first import (with ingest and the worker pool; multiprocessing
        # only when a pool starts), not when the window or the CLI opens the collection.
        from library.importer import import_paths
        from library.notes.named import NamedArticles

        notes_failed: list[ParallaxError] = []
        # Most files are named by no note: those skip the notes store (and
        # opening it, on an import into a library with no notes.db yet).
        named = NamedArticles(self.data_dir / NOTES_DB)

        def after_each(result: FileResult) -> None:
            # The report holds no bodies; re-anchoring reads the stored one.
            if result.status == "new_version" and result.previous_id is not None:
                assert result.article is not None
                article = self.library.get(result.article.id)
                self.notes.reanchor(result.previous_id, article)
                self._reanchor_reviews(result.previous_id, article)
            elif result.status == "unchanged" and result.article is not None:
                self._reanchor_left_behind(self.library.get(result.article.id))
            summary = result.article
            if (
                summary is not None
                and not notes_failed
                and named.may_name(summary.content_hash, summary.source_path)
            ):
                try:
                    self.notes.attach_waiting(summary)  # its file and hash: no body read
                except ParallaxError as exc:
                    # notes.db locked or unreadable: the import stands, and
                    # importing the file again ("unchanged") attaches them.
                    # Tried once per import, not once per file.
                    notes_failed.append(exc)
            if on_result is not None:
                on_result(result)

        try:
            report = import_paths(
                self.library,
                paths,
                on_progress=on_progress,
                should_cancel=should_cancel,
                on_result=after_each,
            )
        finally:
            named.close()
        report.changes = import_changes(report)
        return report

    def _reanchor_reviews(self, previous_id: int, current: Article) -> None:
        # Reviews are found on any version anyway (by the file, placed when
        # read); moving them now lets the next version start from this text.
        # A failure (notes.db locked) must not undo the import.
        with contextlib.suppress(ParallaxError):
            self.reviews.reanchor(self.library.get(previous_id), current)

    def _reanchor_left_behind(self, current: Article) -> None:
        # A new version whose notes could not be moved (notes.db locked when it
        # was imported) would otherwise leave them on the old version for good:
        # re-importing the file reports "unchanged" and finishes the move.
        assert current.id is not None
        for old in self.library.versions(current.id):
            if old.id != current.id and old.id is not None:
                self.notes.reanchor(old.id, current)

    def resolve(self, ref: str, *, add: bool = True) -> Article:
        """An article from a library id ("3") or a file path (imported if new).

        Args:
            ref: a library id or a file path.
            add: import a file into the library; False reads it without
                storing it (the article then has no id).

        Raises:
            NotFound: neither an id in the library nor an existing file.
            ImportRefused: the file exists but cannot be read as an article.
        """
        if not ref.strip():  # Path("") is the current folder: ". is a folder" confused
            raise NotFound("An empty name is neither an article id nor a file.")
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
        if not add:
            from library.ingest import read_article

            try:
                return read_article(path)
            except ImportRefused as exc:
                raise ImportRefused(f"{display_path(path)} {exc}") from exc
        report = self.import_paths([path])
        result = report.results[0]
        if result.article is None:
            raise ImportRefused(f"{display_path(path)} {result.reason}")
        return self.library.get(result.article.id)

    def compare(
        self,
        article_a: Article,
        article_b: Article,
        *,
        library_texts: Sequence[str] | None = None,
        backend: str | None = None,
    ) -> Comparison:
        """Compare two articles, with word weights learnt from the whole library.

        Safe in a worker thread: the word weights and the sentence vector
        cache are read through their own connections, never the caller's
        store.  If the semantic backend's model cannot load, the words-only
        engine runs and `backend_notice` says so in one line.

        Args:
            library_texts: ignored (the weights are kept in the library as
                articles are imported); accepted so existing callers still work.
            backend: "semantic" or "lexical"; None uses the collection's `backend`.
        """
        from library.compare import compare_articles

        del library_texts
        idf = self.word_weights.for_articles(article_a, article_b)
        choice = self.similarity_backend(backend or self.backend, (article_a, article_b))
        self.backend_notice = choice.notice
        taught = [(x.name, x.alias) for x in self.aliases()]
        return compare_articles(
            article_a, article_b, idf=idf, backend=choice.backend, aliases=taught
        )

    # -- aliases the user taught (stored in library.db) ----------------------

    def teach_alias(self, name: str, alias: str) -> Op[tuple[Alias, bool]]:
        """Teach that two names stand for one person, body or place.

        Comparisons from then on group them in the Voices and Names lenses and
        treat them as one name when aligning and detecting conflicts.

        Returns:
            The pair as stored and whether it is new (False: already taught),
            with `Changes(aliases=True)` when it is new.

        Raises:
            InvalidAlias: a name is empty, too long, or both are the same.
        """
        from library.database import write_transaction
        from library.store import aliases

        with write_transaction(self.library.db, aliases.PURPOSE):
            pair, new = aliases.teach(self.library.db.conn, name, alias)
        return Op((pair, new), Changes(aliases=True) if new else NOTHING)

    def forget_alias(self, name: str, alias: str) -> Changes:
        """Forget a taught pair (either way round).

        Raises:
            NotFound: that pair was never taught.
        """
        from library.database import write_transaction
        from library.store import aliases

        with write_transaction(self.library.db, aliases.PURPOSE):
            removed = aliases.forget(self.library.db.conn, name, alias)
        if not removed:
            raise NotFound(f"No alias {name!r} = {alias!r} was taught.")
        return Changes(aliases=True)

    def aliases(self) -> list[Alias]:
        """Every taught pair, oldest first.  Safe in a worker thread (own connection)."""
        from library.store import aliases

        return aliases.read(self.library.path)

    # -- reviews (stored in notes.db beside the notes) -----------------------

    @cached_property
    def reviews(self) -> ReviewsStore:
        """The reviews store: the `reviews` table of notes.db, on the notes' connection."""
        from library.reviews import ReviewsStore

        return ReviewsStore(self.notes)

    def reviews_for(self, article_a: Article, article_b: Article) -> list[Review]:
        """The reviews of two articles, facing A→B, placed in their current text."""
        return self.reviews.for_articles(article_a, article_b)

    def reviewed(
        self, article_a: Article, article_b: Article, comparison: Comparison
    ) -> ReviewedComparison:
        """`comparison` (of these two articles) with their reviews laid over it."""
        from library.reviews import actions

        return actions.reviewed(self.reviews, article_a, article_b, comparison)

    def related(
        self,
        article_id: int,
        *,
        limit: int = 10,
        facts: int = 0,
        embed: Embedder | None = None,
    ) -> list[Related]:
        """Other articles of the library that likely report the same event, best first.

        Reads only the article's body and those of the candidates FTS5 finds
        (see `library.coverage`), never the whole library.  Rows under the
        floor (`Related.likely` False, see `library.coverage_floor`) are
        ranked too: callers list them apart, as probably about something else.

        Args:
            limit: how many to return.
            facts: count the shared facts (the comparison engine's
                `summary.shared`) for this many of the top ones; comparing
                is much slower than ranking.
            embed: optional sentence embedder for the ranking.

        Raises:
            NotFound: no article has that id.
        """
        from library.coverage import related_articles

        source, ranked = related_articles(self.library, article_id, limit=limit, embed=embed)
        if facts <= 0 or not ranked:
            return ranked
        for index, item in enumerate(ranked[:facts]):
            # Word weights are the library's own (kept at import): no body read.
            comparison = self.compare(source, item.article)
            ranked[index] = item.with_facts(comparison.summary.shared)
        return ranked

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

    # -- listing (read-only; safe in a worker thread) ------------------------

    @cached_property
    def listing(self) -> Listing:
        """Pages and counts of the library, each on its own short connection.

        The window's table runs these on a worker thread, where the library
        store's own connection (the GUI thread's) must not be used.
        """
        from library.store.listing import Listing

        return Listing(self.library.path)

    def page(
        self,
        offset: int = 0,
        limit: int | None = None,
        *,
        order_by: str = "imported_at",
        descending: bool = True,
        filter_query: str | None = None,
    ) -> list[ArticleSummary]:
        """Current articles' metadata, sorted and filtered in SQL; no body read.

        Args:
            order_by: a key of `library.store.listing.SORT_COLUMNS`.
            filter_query: what was typed in a search box; None lists all.

        Raises:
            InvalidQuery: `filter_query` has no word to search for.
        """
        return self.listing.page(
            offset, limit, order_by=order_by, descending=descending, filter_query=filter_query
        )

    def count(self, filter_query: str | None = None) -> int:
        """How many current articles `page` lists with this filter."""
        return self.listing.count(filter_query)

    def position(
        self,
        article_id: int,
        *,
        order_by: str = "imported_at",
        descending: bool = True,
        filter_query: str | None = None,
    ) -> int | None:
        """The row of `article_id` in that `page` listing, or None if it is not listed."""
        return self.listing.position(
            article_id, order_by=order_by, descending=descending, filter_query=filter_query
        )


def import_changes(report: ImportReport) -> Changes:
    """What an import changed: new articles (and the notes and reviews that follow them)."""
    stored = [r for r in report.results if r.article is not None]
    written = [r for r in stored if r.status in ("added", "new_version")]
    return Changes(
        articles=bool(written),
        # Waiting notes attach to any article met, even one already stored.
        notes=bool(stored),
        reviews=any(r.status == "new_version" for r in stored),
        article_ids=tuple(int(r.article.id) for r in written if r.article is not None),
    )

"""Word weights learnt from the user's library, for the comparison engine.

With only the two compared articles to count, a word both report looks common
and weighs little; a library of other coverage tells which words are really
rare.  Paragraphs are the counted documents: they are cheap to split (no
sentence segmentation over the whole library) and close in size to the
sentences the engine's own fallback counts.

The counts are kept in the library as articles come and go
(`library.store.word_frequencies`); a comparison reads only the counts of the
two articles' words, so its set-up costs the same at 50 articles or 50,000.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from library.article import Article
from library.database import open_for_reading, translate_errors
from library.store import word_frequencies

if TYPE_CHECKING:
    from library.compare.idf import IdfTable

#: Below this many articles the library says little more than the two compared
#: texts do, and the engine's own per-comparison weights are used instead.
MIN_ARTICLES = 20


def idf_from_counts(df: Mapping[str, int], n_docs: int) -> IdfTable:
    """An `IdfTable` from stored document frequencies (terms absent from `df` have none)."""
    from library.compare.idf import IdfTable

    return IdfTable(df=dict(df), n_docs=n_docs)


class LibraryWeights:
    """IDF from the library's stored counts, for the words of two articles.

    Safe to call from a worker thread: it opens its own short connection to
    the library file, never the one the caller's thread owns.

    Args:
        db_path: the library database (`library.db`).
    """

    def __init__(self, db_path: Path, min_articles: int = MIN_ARTICLES) -> None:
        self.db_path = db_path
        self.min_articles = min_articles

    def for_articles(self, *articles: Article) -> IdfTable | None:
        """The weights of every word of `articles`, or None if the library is too small."""
        from library.compare.units import terms

        if not self.db_path.exists():  # connect() would create an empty file
            return None
        # As every reading command opens it: also on a read-only mount, where
        # a plain connection cannot make the -shm file of a WAL database.
        db = open_for_reading(self.db_path, f"{self.db_path.name} was opened for reading only.")
        conn = db.conn
        try:
            with translate_errors(self.db_path):
                (n_articles,) = conn.execute(
                    "SELECT count(*) FROM articles WHERE superseded_by IS NULL"
                ).fetchone()
                if n_articles < self.min_articles:
                    return None
                # The engine asks for the terms of these bodies' sentences,
                # which are those of their paragraphs (and of the whole body).
                wanted: set[str] = set()
                for article in articles:
                    wanted.update(terms(article.body))
                    for found in word_frequencies.paragraph_terms(article.body):
                        wanted |= found
                df, n_docs = word_frequencies.lookup(conn, wanted)
        finally:
            db.close()
        return idf_from_counts(df, n_docs)

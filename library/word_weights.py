"""Word weights learnt from the user's library, for the comparison engine.

With only the two compared articles to count, a word both report looks common
and weighs little; a library of other coverage tells which words are really
rare.  Paragraphs are the counted documents: they are cheap to split (no
sentence segmentation over the whole library) and close in size to the
sentences the engine's own fallback counts.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from library.article import split_paragraphs

if TYPE_CHECKING:
    from library.compare.idf import IdfTable

#: Below this many articles the library says little more than the two compared
#: texts do, and the engine's own per-comparison weights are used instead.
MIN_ARTICLES = 20


class LibraryWeights:
    """IDF over a library's paragraphs, rebuilt only when the library's texts change.

    Safe to call from a worker thread: it touches no database, only the texts
    it is given, and a lock guards the cached table.
    """

    def __init__(self, min_articles: int = MIN_ARTICLES) -> None:
        self.min_articles = min_articles
        self._lock = threading.Lock()
        self._key: str | None = None
        self._table: IdfTable | None = None

    def for_texts(self, texts: Sequence[str]) -> IdfTable | None:
        """The weights for a library whose article bodies are `texts`, or None if too small."""
        if len(texts) < self.min_articles:
            return None
        digest = hashlib.blake2b(digest_size=16)
        for text in sorted(texts):
            digest.update(text.encode("utf-8"))
            digest.update(b"\0")
        key = digest.hexdigest()
        # The engine (segmenter, numpy) loads on first comparison, not at start-up.
        from library.compare.idf import IdfTable
        from library.compare.units import terms

        with self._lock:
            if key != self._key:
                self._table = IdfTable.from_term_lists(
                    terms(paragraph) for text in texts for paragraph in split_paragraphs(text)
                )
                self._key = key
            return self._table

"""Sentence vectors for the articles being compared: from the cache, encoding only what is missing.

`ArticleVectors.prepare(articles)` segments each article as the engine does,
reads the vectors cached for that article version, encodes the missing
sentences in one batch (loading the model only then) and stores them.  The
function it returns is what `SemanticBackend` calls, so a comparison opened a
second time, or an article compared against another, is not re-encoded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from library.article import Article
from library.compare.embedding import Vectors, load_encoder, model_id
from library.compare.model import Unit
from library.compare.segment import segment

Span = tuple[int, int]


class VectorStore(Protocol):
    """Where vectors are kept (`library.store.embeddings.EmbeddingCache`)."""

    def get(self, article_id: int, model: str) -> dict[Span, npt.NDArray[np.float32]]: ...

    def put(
        self, article_id: int, model: str, items: Iterable[tuple[Span, npt.NDArray[Any]]]
    ) -> bool: ...

    def close(self) -> None: ...


class Encoder(Protocol):
    """A loaded sentence encoder: texts -> unit-length vectors."""

    model_id: str

    def __call__(self, texts: Sequence[str]) -> Vectors: ...


class ArticleVectors:
    """Vectors for the units of stored articles, cached in a `VectorStore`.

    Args:
        store: the cache.
        load: loads the encoder (raises `ModelUnavailable`); called only on a miss.
        model: the model id vectors are stored under; by default the bundled model's.
    """

    def __init__(
        self,
        store: VectorStore,
        load: Callable[[], Encoder] = load_encoder,
        model: Callable[[], str] = model_id,
    ) -> None:
        self.store = store
        self.load = load
        self.model = model
        #: Sentences encoded so far (not read from the cache), for tests and benchmarks.
        self.encoded = 0

    def prepare(self, articles: Sequence[Article]) -> Callable[[Sequence[str]], Vectors]:
        """Fill the cache for `articles` and return a texts -> vectors function over their units.

        Raises:
            ModelUnavailable: sentences are missing from the cache and the model cannot load.
        """
        model = self.model()
        known: dict[str, Vectors] = {}
        todo: list[tuple[Article, list[Unit]]] = []
        for article in articles:
            units = segment(article.body)
            cached = self.store.get(article.id, model) if article.id is not None else {}
            for u in units:
                if (u.start, u.end) in cached:
                    known.setdefault(u.text, cached[(u.start, u.end)])
            missing = [u for u in units if (u.start, u.end) not in cached]
            if missing:
                todo.append((article, missing))
        # One batch for all articles, each text once: a sentence both articles
        # carry (a wire story, a quote) or one already cached for the other
        # article is not encoded again.
        fresh = list(dict.fromkeys(u.text for _, missing in todo for u in missing))
        fresh = [t for t in fresh if t not in known]
        if fresh:
            for t, v in zip(fresh, self._encode(fresh), strict=True):
                known[t] = v
        for article, missing in todo:
            if article.id is not None:
                self.store.put(
                    article.id, model, (((u.start, u.end), known[u.text]) for u in missing)
                )

        def embed(texts: Sequence[str]) -> Vectors:
            # Units the engine made differently from `segment` (merged or cut)
            # are encoded on the spot; normally every text is known.
            unknown = [t for t in dict.fromkeys(texts) if t not in known]
            if unknown:
                for t, v in zip(unknown, self._encode(unknown), strict=True):
                    known[t] = v
            if not texts:
                return np.zeros((0, 512), dtype=np.float32)
            return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)

        return embed

    def _encode(self, texts: list[str]) -> Vectors:
        unique = list(dict.fromkeys(texts))  # a repeated line is encoded once
        self.encoded += len(unique)
        # Rounded to float16 as the cache stores them, so a comparison gives
        # the same result whether its vectors were just made or read back.
        made = np.asarray(self.load()(unique), dtype=np.float16).astype(np.float32)
        row = {t: k for k, t in enumerate(unique)}
        out: Vectors = made[[row[t] for t in texts]] if texts else made
        return out

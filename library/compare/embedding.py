"""Optional sentence-embedding similarity backend.

The default engine is lexical and needs no model.  This backend lets a caller
plug in any sentence encoder: a callable mapping a list of texts to an
`(n, d)` array.  `EmbeddingBackend.from_sentence_transformers()` wraps the
sentence-transformers package when it is installed (it is not a dependency;
nothing here downloads a model unless that constructor is called).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from library.compare.idf import IdfTable
from library.compare.similarity import FloatMatrix

Encoder = Callable[[list[str]], Any]


class EmbeddingBackend:
    """Cosine similarity of sentence embeddings, clipped to [0, 1].

    Args:
        encode: maps a list of texts to an array-like of shape `(len(texts), d)`.
    """

    def __init__(self, encode: Encoder) -> None:
        self.encode = encode

    @classmethod
    def from_sentence_transformers(cls, model: str = "all-MiniLM-L6-v2") -> EmbeddingBackend:
        """Build a backend from a sentence-transformers model (optional extra).

        Args:
            model: model name or local path.

        Raises:
            ImportError: sentence-transformers is not installed.
        """
        from sentence_transformers import SentenceTransformer  # optional extra

        encoder = SentenceTransformer(model)
        return cls(lambda texts: encoder.encode(texts, normalize_embeddings=True))

    def score_matrix(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> FloatMatrix:
        """Cosine of the embeddings of every (A, B) unit pair.

        Args:
            texts_a: unit texts of A.
            texts_b: unit texts of B.
            terms_a: unused (lexical view).
            terms_b: unused.
            idf: unused.
        """
        if not texts_a or not texts_b:
            return np.zeros((len(texts_a), len(texts_b)))
        ea = np.asarray(self.encode(list(texts_a)), dtype=np.float64)
        eb = np.asarray(self.encode(list(texts_b)), dtype=np.float64)
        # Not in place: `asarray` may hand back the encoder's own (cached) array.
        ea = ea / np.maximum(np.linalg.norm(ea, axis=1, keepdims=True), 1e-12)
        eb = eb / np.maximum(np.linalg.norm(eb, axis=1, keepdims=True), 1e-12)
        out: FloatMatrix = np.clip(ea @ eb.T, 0.0, 1.0)
        return out

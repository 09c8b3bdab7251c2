"""Stand-ins for the sentence encoder and a similarity backend: unit tests never load the model."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from library.compare.align import PARAPHRASE_MARGIN
from library.compare.idf import IdfTable
from library.compare.similarity import LEXICAL_FLOOR, Scores

DIM = 32
#: (A unit, B unit) -> score.
Cells = dict[tuple[int, int], float]


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


def _unsure(i: int, j: int) -> float:
    """A paraphrase head that is never sure either way."""
    return 0.5


def cells_of(matrix: sparse.spmatrix) -> Cells:
    """The stored entries of a sparse score matrix, as `FixedScores` cells."""
    coo = sparse.coo_matrix(matrix)
    return dict(
        zip(zip(coo.row.tolist(), coo.col.tolist(), strict=True), coo.data.tolist(), strict=True)
    )


class FixedScores:
    """A similarity backend whose scores are set cell by cell.

    The alignment rules (`repeats`, `two_facts`, `order`, the paraphrase head,
    clauses, the low-score admissions) are tested on scores chosen by hand, not
    on what the model would say.

    Args:
        cells: (A unit, B unit) -> score, the gate and the ranking score alike;
            every other pair scores 0.
        shape: (units of A, units of B).
        threshold: the alignment cut the backend owns.
        rank: ranking scores, where they differ from the gate (`cells`).
        same: the paraphrase head (`Scores.same`); by default never sure,
            None for a backend without one.
        clause: clause scores (`Scores.clause`); None for a backend without them.
        merge_floor: a neighbour's gate needed to join a pair; by default no
            merges (most of these tests are about pairs, not merged runs).
        paraphrase_margin: how far under the cut `is_paraphrase` may let a pair in.
        prerefined: scores are final; False has `align` apply the word-order
            check to the unit terms, as it does for the lexical backend.
    """

    candidate_floor = LEXICAL_FLOOR

    def __init__(
        self,
        cells: Cells,
        shape: tuple[int, int],
        threshold: float = 0.47,
        *,
        rank: Cells | None = None,
        same: Callable[[int, int], float] | None = _unsure,
        clause: Callable[[int, int], float] | None = None,
        merge_floor: float = 0.9,
        paraphrase_margin: float = PARAPHRASE_MARGIN,
        prerefined: bool = True,
    ) -> None:
        self.threshold, self.merge_floor = threshold, merge_floor
        self.paraphrase_margin, self.prerefined = paraphrase_margin, prerefined
        self.cells, self.rank, self.shape = cells, rank, shape
        self.same, self.clause = same, clause

    @classmethod
    def grid(
        cls, rows: Sequence[Sequence[float]], threshold: float = 0.47, **options: Any
    ) -> FixedScores:
        """Scores given as a dense grid, one row per unit of A; zero cells are no pair."""
        cells = {(i, j): v for i, row in enumerate(rows) for j, v in enumerate(row) if v}
        return cls(cells, (len(rows), len(rows[0])), threshold, **options)

    def scores(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> Scores:
        """The set cells, whatever the texts (new matrices each call, as a real backend's)."""
        gate = _matrix(self.cells, self.shape)
        rank = gate if self.rank is None else _matrix(self.rank, self.shape)
        return Scores(gate, rank, self.same, self.clause)


def _matrix(cells: Cells, shape: tuple[int, int]) -> sparse.csr_matrix:
    rows = [i for i, _ in cells]
    cols = [j for _, j in cells]
    return sparse.csr_matrix((list(cells.values()), (rows, cols)), shape=shape)

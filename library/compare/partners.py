"""Each unit's best-scoring partner among the candidates, refining as few pairs as possible.

`align` matches the sure pairs greedily, then needs, for each unit left free,
its best partner (among free units for the pairs under the threshold; among
all units for a second partner).  Refining every candidate for that made
align's word-order checks grow with the square of the article: on long texts
with much shared vocabulary, free units keep many candidates.  The word-order
check only lowers a score, so a unit's candidates are read best rank first and
the search stops once no rank left can reach the best refined score found:
the same partner as refining them all, ties broken the same way (lowest id).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from library.compare.similarity import FloatMatrix

#: (refined score, id of A's unit, id of B's unit)
Scored = tuple[float, int, int]


class Candidates:
    """Candidate pairs with their ranks; refined scores computed once each, on demand.

    Args:
        rows: A's unit id of each candidate.
        cols: B's unit id of each candidate (no pair twice).
        ranks: each candidate's ranking score, an upper bound of its refined score.
        refined: the refined score of (i, j) from its rank.
        low: refined scores under this are no candidates at all.
    """

    def __init__(
        self,
        rows: np.ndarray,
        cols: np.ndarray,
        ranks: FloatMatrix,
        refined: Callable[[int, int, float], float],
        low: float,
    ) -> None:
        self._refined = refined
        self.low = low
        self._known: dict[tuple[int, int], float] = {}
        self._a = _Lists(rows, cols, ranks)
        self._b = _Lists(cols, rows, ranks)

    def score(self, i: int, j: int, rank: float) -> float:
        """The refined score of (i, j), whose rank is `rank`."""
        s = self._known.get((i, j))
        if s is None:
            s = self._known[i, j] = self._refined(i, j, rank)
        return s

    def units_a(self) -> list[int]:
        """A's units that have candidates, in order."""
        return self._a.units

    def units_b(self) -> list[int]:
        """B's units that have candidates, in order."""
        return self._b.units

    def best_of_a(self, i: int, allowed: Callable[[int], bool]) -> tuple[float, int] | None:
        """(score, j) of A's unit i's best partner j with `allowed(j)`, refined at least `low`."""
        return self._best(self._a, i, allowed, lambda mine, other, r: self.score(mine, other, r))

    def best_of_b(self, j: int, allowed: Callable[[int], bool]) -> tuple[float, int] | None:
        """(score, i) of B's unit j's best partner i with `allowed(i)`, refined at least `low`."""
        return self._best(self._b, j, allowed, lambda mine, other, r: self.score(other, mine, r))

    def _best(
        self,
        lists: _Lists,
        unit: int,
        allowed: Callable[[int], bool],
        score: Callable[[int, int, float], float],
    ) -> tuple[float, int] | None:
        best: tuple[float, int] | None = None
        ranks, others = lists.ranks, lists.others
        for k in lists.span(unit):  # best rank first, ties by id
            rank, other = ranks[k], others[k]
            if best is not None and rank < best[0]:
                break  # refining only lowers: nothing left can reach the best
            if not allowed(other):
                continue
            s = score(unit, other, rank)
            if s >= self.low and (
                best is None or s > best[0] or (s == best[0] and other < best[1])
            ):
                best = (s, other)
        return best

    def mutual_best(
        self, free_a: Callable[[int], bool], free_b: Callable[[int], bool]
    ) -> list[Scored]:
        """Pairs of free units that are each other's best free partner, best first, ties by ids."""
        best_b = {
            j: found
            for j in self.units_b()
            if free_b(j) and (found := self.best_of_b(j, free_a)) is not None
        }
        out = []
        for i in self.units_a():
            if not free_a(i):
                continue
            found = self.best_of_a(i, free_b)
            if found is not None and (partner := best_b.get(found[1])) and partner[1] == i:
                out.append((found[0], i, found[1]))
        return sorted(out, key=lambda x: (-x[0], x[1], x[2]))

    def firsts(self, free_a: Callable[[int], bool], free_b: Callable[[int], bool]) -> list[Scored]:
        """Each free unit's best partner among all units, as pairs, best first, ties by ids.

        Read in this order, a unit's first pair is its best one: exactly what
        the whole sorted list of refined candidates gives each free unit.
        """
        out: set[Scored] = set()
        for i in self.units_a():
            if free_a(i) and (found := self.best_of_a(i, _any)) is not None:
                out.add((found[0], i, found[1]))
        for j in self.units_b():
            if free_b(j) and (found := self.best_of_b(j, _any)) is not None:
                out.add((found[0], found[1], j))
        return sorted(out, key=lambda x: (-x[0], x[1], x[2]))


def _any(_: int) -> bool:
    return True


class _Lists:
    """Each unit's candidates on one side as (rank, other unit), best rank first, ties by id."""

    def __init__(self, mine: np.ndarray, other: np.ndarray, ranks: FloatMatrix) -> None:
        order = np.lexsort((other, -ranks, mine))
        sorted_mine = mine[order]
        self.others: list[int] = other[order].tolist()
        self.ranks: list[float] = ranks[order].tolist()
        self.units: list[int] = np.unique(sorted_mine).tolist()
        starts = np.searchsorted(sorted_mine, self.units).tolist()
        ends = [*starts[1:], len(self.others)] if starts else []
        self._spans = {u: range(lo, hi) for u, lo, hi in zip(self.units, starts, ends, strict=True)}

    def span(self, unit: int) -> range:
        """Positions of `unit`'s candidates in `ranks` and `others`."""
        return self._spans.get(unit, range(0))

"""Whether two Chinese sentences differ by an exchange of two phrases (PAWS-style swaps).

A word-swapped twin exchanges two phrases across something that stays put:
"甲由乙训练，由丙骑乘" / "甲由丙训练，由乙骑乘" (x P y Q z → x Q y P z).  A
paraphrase reorders too, but it moves one phrase as a whole ("1978年5月15日出生"
/ "出生于1978年5月15日"): one block slides past its neighbour, nothing takes its place.

So the two folded strings are tiled with their longest common substrings
(greedy string tiling, tiles of two characters or more), tiles that follow each
other in both strings are merged into blocks, and the blocks are read as a
permutation.  `exchange` is the share of the shared text whose order is restored
by exchanging two blocks that are *not* neighbours (something stays between
them); a swap of neighbours is a single block move and does not count.

A change of voice (被, 受到, 遭到, 由, 把 used a different number of times) inverts
who comes first without changing who did what ("部长会见了代表团" / "代表团受到部长的
会见"): no exchange is reported then.  Nor do two items of an enumeration count
(both blocks next to an enumeration comma 、: "甲、乙和丙" / "丙、乙和甲").

Measured on PAWS-X zh dev only (benchmarks/RESULTS-chinese.md): an exchange is found
in 53 % of the non-paraphrases and 9.5 % of the paraphrases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from library.chinese import fold

#: Markers of the passive or the 把 construction: a different count means the
#: sentence changed voice, and the roles' order with it.
VOICE_MARKERS = ("被", "受到", "遭到", "由", "把")
#: Tiles shorter than this are chance (one shared character says nothing about order).
MIN_TILE = 2

_NOT_TEXT = re.compile(r"\s+")


def exchange(a: str, b: str) -> float:
    """The share of their common text that exchanging two separated phrases puts back in order.

    0.0 when the sentences are in the same order, differ by one phrase moved
    past its neighbour, or changed voice (see the module docstring).
    """
    sa, sb = _normal(a), _normal(b)
    if sa == sb:  # a copy, or the same text in the other script: nothing to tile
        return 0.0
    if any(sa.count(m) != sb.count(m) for m in VOICE_MARKERS):
        return 0.0
    spans = _blocks(_tiles(sa, sb))
    blocks = [(rank, mass) for rank, mass, _, _ in spans]
    total = sum(mass for _, mass in blocks)
    if len(blocks) < 3 or not total:
        return 0.0
    base = _heaviest_increasing(blocks)
    best = 0
    for i in range(len(blocks)):
        for k in range(i + 2, len(blocks)):
            if blocks[i][0] < blocks[k][0]:
                continue  # already in order: exchanging them only breaks it
            if _listed(sa, spans[i]) and _listed(sa, spans[k]):
                continue  # two items of one enumeration: their order says nothing
            swapped = list(blocks)
            swapped[i], swapped[k] = swapped[k], swapped[i]
            best = max(best, _heaviest_increasing(swapped) - base)
    return best / total


def _listed(text: str, span: tuple[int, int, int, int]) -> bool:
    """Whether a block sits next to an enumeration comma (、), inside or just outside it."""
    _, _, start, end = span
    return "、" in text[max(0, start - 1) : start + 1] or "、" in text[max(0, end - 1) : end + 1]


@lru_cache(maxsize=4096)
def _normal(text: str) -> str:
    # Every candidate pair asks about the same unit texts again: fold each once.
    return _NOT_TEXT.sub("", fold(text)).lower()


def _tiles(a: str, b: str) -> list[tuple[int, int, int]]:
    """Greedy string tiling: (start in a, start in b, length), longest first, sorted by `a`.

    Each round takes the longest common substring of the characters not yet
    tiled (ties: the earliest in `a`, then in `b`), down to `MIN_TILE`.  Only
    runs starting at equal characters are extended, so the work follows the
    characters the two share, not len(a) x len(b).
    """
    where: dict[str, list[int]] = {}
    for j, ch in enumerate(b):
        where.setdefault(ch, []).append(j)
    free_a, free_b = [True] * len(a), [True] * len(b)
    out: list[tuple[int, int, int]] = []
    while True:
        best = (0, 0, 0)
        for i, ch in enumerate(a):
            if not free_a[i]:
                continue
            for j in where.get(ch, ()):
                if not free_b[j]:
                    continue
                if i and j and free_a[i - 1] and free_b[j - 1] and a[i - 1] == b[j - 1]:
                    continue  # inside a longer run, counted from its start
                n = 1
                while (
                    i + n < len(a)
                    and j + n < len(b)
                    and free_a[i + n]
                    and free_b[j + n]
                    and a[i + n] == b[j + n]
                ):
                    n += 1
                if n > best[2]:
                    best = (i, j, n)
        i, j, n = best
        if n < MIN_TILE:
            return sorted(out)
        for k in range(n):
            free_a[i + k] = free_b[j + k] = False
        out.append(best)


def _blocks(tiles: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Tiles next to each other in both strings, merged, in `a` order.

    Each block is (rank in b, characters tiled, start in a, end in a); merged
    tiles may have untiled characters between them, which the span covers.
    """
    rank = {t: r for r, t in enumerate(sorted(tiles, key=lambda t: t[1]))}
    out: list[tuple[int, int, int, int]] = []
    last = -2
    for t in tiles:
        r = rank[t]
        if out and r == last + 1:
            r0, mass, start, _ = out[-1]
            out[-1] = (r0, mass + t[2], start, t[0] + t[2])
        else:
            out.append((r, t[2], t[0], t[0] + t[2]))
        last = r
    return out


def _heaviest_increasing(blocks: list[tuple[int, int]]) -> int:
    """Characters in the heaviest run of blocks whose `b` ranks increase (O(n²), n is small)."""
    best: list[int] = []
    for k, (r, mass) in enumerate(blocks):
        best.append(mass + max((best[j] for j in range(k) if blocks[j][0] < r), default=0))
    return max(best, default=0)

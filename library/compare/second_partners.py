"""A unit left alone joins its best partner's pair as a second pair (many-to-one).

`align` asks this rule with the learned paraphrase head's vouch
(`head_rule.HeadRule.vouches_second`), or with the claim words when
`align.MANY_TO_ONE` is on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from library.compare.match import Match


def second_partners(
    scored: Sequence[tuple[float, int, int]],
    matches: Sequence[Match],
    used_a: dict[int, int],
    used_b: dict[int, int],
    threshold: float,
    vouch: Callable[[int, int], bool],
    *,
    margin: float = 0.0,
    sure_partner: bool = True,
) -> list[Match]:
    """Units left alone whose best partner already sits in a sure pair.

    A headline and a body sentence may both tell the fact the other article
    tells once: one-to-one matching gives the shared sentence to one of them
    and leaves the other alone.  Such a unit joins its best partner in a
    second pair when both pairs clear the threshold (the partner's own pair is
    sure too) and `vouch` (`support.tells_same_claim`, no conflict) agrees.
    """
    first_a: dict[int, tuple[float, int]] = {}
    first_b: dict[int, tuple[float, int]] = {}
    for s, i, j in scored:  # best score first
        first_a.setdefault(i, (s, j))
        first_b.setdefault(j, (s, i))
    out: list[Match] = []
    taken: set[int] = set()
    for i, (s, j) in sorted(first_a.items()):
        m = matches[used_b[j]] if j in used_b else None
        if (
            i in used_a
            or s < threshold - margin
            or m is None
            or not _holds(m, threshold, sure_partner)
        ):
            continue
        if not vouch(i, j):
            continue
        out.append(Match((i,), (j,), s, s < threshold))
        taken.add(i)
    for j, (s, i) in sorted(first_b.items()):
        m = matches[used_a[i]] if i in used_a else None
        if j in used_b or i in taken or s < threshold - margin or m is None:
            continue
        if not _holds(m, threshold, sure_partner) or not vouch(i, j):
            continue
        out.append(Match((i,), (j,), s, s < threshold))
    return out


def _holds(m: Match, threshold: float, sure: bool) -> bool:
    """Whether a pair may take a second partner: a sure one, or any when `sure` is off."""
    return not sure or (m.score >= threshold and not m.paraphrase)

"""The floor of "other coverage": below it a candidate is probably about something else.

`library.coverage` ranks every candidate FTS5 proposes, so in a library where
nothing else reports the event the first rows are still *some* articles, at
scores near 0.  The floor says which rows are likely reports of the same event
(`Related.likely`); the rest are shown apart as weaker matches.

Calibrated on ECB+ train/dev only (`benchmarks/eval_coverage_floor.py`):
libraries of 3 to 100 documents (a query, one other report of its event,
unrelated documents) and the 921-document library's top 10.  Two findings
set the rule:

- the weighted score is not on one scale across library sizes (the word
  weights are the library's idf: in a small library shared words weigh less),
  but a floor of 0.15 on it kept >= 96% of same-event rows at every size of 3
  or more;
- requiring at least one shared name (person, place, organisation; not the
  outlet, see `event_names`) removed most unrelated rows the score alone
  let through (in 3-100 document
  libraries 93-98% of unrelated rows removed, against 77-89% by the score
  alone) and cost no same-event row at 0.15.  In a library of two articles
  idf says nothing: 10-18% of same-event pairs fall under the floor there.

Only what ECB+ measures counts towards the floor: the publication dates
(ECB+ has none, and one library's articles are often all of one week) and the
optional embedding (another scale, and not used by the app's panel) rank but
do not lift a row over the floor.

Chinese-English pairs are scored on other features (dictionary glosses,
names by pinyin) whose values two unrelated articles already reach: their
floor is set above 99% of unrelated cross-script pairs (English ECB+ against
recombined PAWS-X Chinese), with no shared name required (names by pinyin
match by chance in most unrelated pairs).  No real Chinese-English pair of
one event exists in the evaluation data: invented pairs check it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.article import Article
    from library.coverage import Related

#: Same-script rows: at least this much evidence and one shared name.
FLOOR = 0.15
#: Chinese-English rows (features of `library.coverage_xl`): this much evidence.
XL_FLOOR = 0.6
#: Features that rank but are not evidence of the same event (see the module's docstring).
NOT_EVIDENCE = frozenset(("published", "embedding", "embedding_xl"))


def evidence(features: dict[str, float], weights: dict[str, float]) -> float:
    """The weighted sum of the features that count towards the floor."""
    return sum(
        weights.get(name, 0.0) * value
        for name, value in features.items()
        if name not in NOT_EVIDENCE
    )


def likely(features: dict[str, float], weights: dict[str, float], names: int) -> bool:
    """Whether a candidate likely reports the same event.

    Args:
        features: its features (`library.coverage.candidate_features`).
        weights: the ranking's feature weights.
        names: how many names both articles mention besides their outlets
            (`event_names`).
    """
    if "glosses" in features:  # a Chinese-English pair (library.coverage_xl)
        return evidence(features, weights) >= XL_FLOOR
    return names > 0 and evidence(features, weights) >= FLOOR


def event_names(item: Related, source: Article) -> list[str]:
    """The names both articles mention, but for the outlets' own.

    A dateline ("Xinhua, Beijing") names the publisher, not the event: two
    reports of one agency on different events share it and nothing else.
    """
    outlets = {o.casefold() for o in (source.outlet, item.article.outlet) if o}
    return [n for n in item.names if n.casefold() not in outlets]


def split(related: Iterable[Related]) -> tuple[list[Related], list[Related]]:
    """The likely reports of the same event and the weaker matches, each in rank order."""
    strong: list[Related] = []
    weak: list[Related] = []
    for item in related:
        (strong if item.likely else weak).append(item)
    return strong, weak

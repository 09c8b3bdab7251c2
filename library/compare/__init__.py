"""Comparison engine: align the facts two articles share and flag where they diverge.

`compare_texts(a, b)` splits both texts into sentence units, aligns them out of
order, classifies each aligned pair as "same" or "divergent" (with typed
conflicts), word-diffs inside pairs, and leaves the rest as only-in-A/B.
"""

from __future__ import annotations

from library.article import Article
from library.compare.align import ALIGN_THRESHOLD, align
from library.compare.conflicts import find_conflicts
from library.compare.embedding import EmbeddingBackend
from library.compare.idf import IdfTable
from library.compare.model import (
    Comparison,
    Conflict,
    Pair,
    Side,
    Summary,
    Unit,
    summarise,
)
from library.compare.segment import segment
from library.compare.similarity import LexicalBackend, SimilarityBackend
from library.compare.units import terms
from library.compare.worddiff import word_diff

# Conflicts concrete enough to pair two lower-scoring sentences as one claim told
# two ways; attribution and quote differences are too loose for that.
HARD_KINDS = frozenset({"number", "date", "entity", "negation"})

__all__ = [
    "HARD_KINDS",
    "Comparison",
    "Conflict",
    "EmbeddingBackend",
    "IdfTable",
    "LexicalBackend",
    "Pair",
    "Side",
    "SimilarityBackend",
    "Summary",
    "Unit",
    "compare_articles",
    "compare_texts",
]


def compare_texts(
    text_a: str,
    text_b: str,
    *,
    idf: IdfTable | None = None,
    title_a: str = "",
    title_b: str = "",
    backend: SimilarityBackend | None = None,
    threshold: float | None = None,
) -> Comparison:
    """Compare two texts; offsets in the result point into `text_a` / `text_b`.

    Args:
        text_a: body of article A.
        text_b: body of article B.
        idf: word weights, e.g. `IdfTable.from_texts(library bodies)`; by default
            built from the sentences of both texts.
        title_a: title shown for A.
        title_b: title shown for B.
        backend: similarity backend; lexical (no model) by default.
        threshold: minimum alignment score (higher = fewer, surer pairs); None
            uses the backend's own.
    """
    if threshold is None:
        threshold = float(getattr(backend, "threshold", ALIGN_THRESHOLD))
    units_a, units_b = segment(text_a), segment(text_b)
    terms_a = [terms(u.text) for u in units_a]
    terms_b = [terms(u.text) for u in units_b]
    if idf is None:
        idf = IdfTable.from_term_lists([*terms_a, *terms_b])
    pairs: list[Pair] = []

    def is_divergent(i: int, j: int) -> bool:
        a, b = units_a[i].text, units_b[j].text
        found = find_conflicts(a, b, word_diff(a, b))
        return any(c.kind in HARD_KINDS for c in found)

    matches = align(
        terms_a,
        terms_b,
        idf,
        backend=backend,
        threshold=threshold,
        texts_a=[u.text for u in units_a],
        texts_b=[u.text for u in units_b],
        is_divergent=is_divergent,
    )
    for m in matches:
        a = text_a[units_a[m.a[0]].start : units_a[m.a[-1]].end]
        b = text_b[units_b[m.b[0]].start : units_b[m.b[-1]].end]
        diff = word_diff(a, b)
        conflicts = find_conflicts(a, b, diff)
        if m.score < threshold and not any(c.kind in HARD_KINDS for c in conflicts):
            # Let in below the threshold for a conflict that a merge then diluted.
            continue
        pairs.append(
            Pair(
                a=m.a,
                b=m.b,
                relation="divergent" if conflicts else "same",
                score=m.score,
                conflicts=conflicts,
                diff=diff,
            )
        )
    side_a = Side(title_a, units_a)
    side_b = Side(title_b, units_b)
    paired = tuple(pairs)
    in_a = {i for p in paired for i in p.a}
    in_b = {j for p in paired for j in p.b}
    return Comparison(
        a=side_a,
        b=side_b,
        pairs=paired,
        only_a=tuple(u.id for u in units_a if u.id not in in_a),
        only_b=tuple(u.id for u in units_b if u.id not in in_b),
        summary=summarise(side_a, side_b, paired),
    )


def compare_articles(
    article_a: Article,
    article_b: Article,
    *,
    idf: IdfTable | None = None,
    backend: SimilarityBackend | None = None,
) -> Comparison:
    """Compare two `Article` records; unit offsets point into each article's `body`.

    Args:
        article_a: article A.
        article_b: article B.
        idf: word weights (see `compare_texts`).
        backend: similarity backend (see `compare_texts`).
    """
    return compare_texts(
        article_a.body,
        article_b.body,
        idf=idf,
        title_a=article_a.title,
        title_b=article_b.title,
        backend=backend,
    )

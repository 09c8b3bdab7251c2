"""Comparison engine: align the facts two articles share and flag where they diverge.

`compare_texts(a, b)` splits both texts into sentence units, aligns them out of
order, classifies each aligned pair as "same", "divergent" (a material conflict)
or "related" (the same subject with different facts), word-diffs inside pairs,
and leaves the rest as only-in-A/B.  The pipeline reads top-down in `engine.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from library.article import Article
from library.compare.model import (
    Comparison,
    Conflict,
    Pair,
    Side,
    Summary,
    Unit,
)

if TYPE_CHECKING:
    from library.compare.aliases import AliasPairs
    from library.compare.embedding import EmbeddingBackend
    from library.compare.idf import IdfTable
    from library.compare.similarity import LexicalBackend, SimilarityBackend

#: Names loaded on first use, so that importing a record type from this
#: package (the window does at start-up) does not load the engine, numpy and
#: scipy: `from library.compare import IdfTable` still works.
_LAZY = {
    "EmbeddingBackend": "library.compare.embedding",
    "IdfTable": "library.compare.idf",
    "LexicalBackend": "library.compare.similarity",
    "SimilarityBackend": "library.compare.similarity",
    "MATERIAL_KINDS": "library.compare.kinds",
    "HARD_KINDS": "library.compare.kinds",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    # Kept for callers of the first engine: HARD_KINDS are the material kinds.
    value = getattr(import_module(module), "MATERIAL_KINDS" if name == "HARD_KINDS" else name)
    globals()[name] = value
    return value


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
    published_a: str | None = None,
    published_b: str | None = None,
    aliases: AliasPairs = (),
    language_a: str | None = None,
    language_b: str | None = None,
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
        published_a: A's publication date (ISO), to resolve "two years ago".
        published_b: B's publication date.
        aliases: name pairs the user taught to be the same ("Ministry of State
            Security", "National Security Department"); see `aliases.py`.
        language_a: A's stated language ("zh", "en-US"…); read from the text when None.
        language_b: B's stated language.  Texts in different languages are
            matched by meaning, names, numbers and dates (`crosslingual.py`),
            with the cross-language backend's own threshold.
    """
    from library.compare.align import ALIGN_THRESHOLD
    from library.compare.blas_threads import one_thread
    from library.compare.engine import compare

    if threshold is None:
        threshold = float(getattr(backend, "threshold", ALIGN_THRESHOLD))
    with one_thread():  # small products: a second BLAS thread only spins (blas_threads.py)
        return compare(
            text_a,
            text_b,
            idf=idf,
            title_a=title_a,
            title_b=title_b,
            backend=backend,
            threshold=threshold,
            published_a=published_a,
            published_b=published_b,
            aliases=aliases,
            language_a=language_a,
            language_b=language_b,
        )


def compare_articles(
    article_a: Article,
    article_b: Article,
    *,
    idf: IdfTable | None = None,
    backend: SimilarityBackend | None = None,
    aliases: AliasPairs = (),
) -> Comparison:
    """Compare two `Article` records; unit offsets point into each article's `body`.

    Args:
        article_a: article A.
        article_b: article B.
        idf: word weights (see `compare_texts`).
        backend: similarity backend (see `compare_texts`).
        aliases: taught name pairs (see `compare_texts`).
    """
    return compare_texts(
        article_a.body,
        article_b.body,
        idf=idf,
        title_a=article_a.title,
        title_b=article_b.title,
        backend=backend,
        published_a=article_a.published,
        published_b=article_b.published,
        aliases=aliases,
        language_a=article_a.language,
        language_b=article_b.language,
    )

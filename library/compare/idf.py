"""Word weights (inverse document frequency) for the similarity scores.

A rare word shared by two sentences ("Zhaozong", "topographic") is much
stronger evidence of the same fact than a common one ("official").  The
weights can come from the user's library as it grows (`IdfTable.from_texts`
over stored article bodies); without one, `compare_texts` builds a table from
the sentences of the two texts being compared, which is enough on its own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from library.compare.units import terms

# Weights are IDF ** IDF_POWER.  The square root flattens the scale: with IDF
# taken from the two articles being compared, the words of the shared story
# ("earthquake", "Bureau") are frequent in both and would otherwise count for
# little, yet they are what makes two sentences report the same event.
# Chosen on ECB+ dev (ROC-AUC 0.911 -> 0.917, best F1 0.378 -> 0.402) and PAWS
# dev (0.738 -> 0.774).
IDF_POWER = 0.5


@dataclass(frozen=True)
class IdfTable:
    """Document frequencies of terms and the smoothed IDF derived from them.

    Args:
        df: term -> number of documents containing it (terms as made by `units.terms`).
        n_docs: number of documents counted.
    """

    df: Mapping[str, int]
    n_docs: int
    _cache: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> IdfTable:
        """Count each text as one document (e.g. each article body in the library).

        Args:
            texts: the documents.
        """
        return cls.from_term_lists(terms(text) for text in texts)

    @classmethod
    def from_term_lists(cls, docs: Iterable[Iterable[str]]) -> IdfTable:
        """Count documents that are already lists of terms.

        Args:
            docs: one iterable of terms per document.
        """
        df: Counter[str] = Counter()
        n = 0
        for doc in docs:
            n += 1
            df.update(set(doc))
        return cls(df=dict(df), n_docs=n)

    def weight(self, term: str) -> float:
        """Smoothed IDF, `(ln((N + 1) / (df + 1)) + 1) ** IDF_POWER`; unseen terms get the maximum.

        Args:
            term: a normalised term.
        """
        w = self._cache.get(term)
        if w is None:
            idf = math.log((self.n_docs + 1) / (self.df.get(term, 0) + 1)) + 1.0
            w = idf**IDF_POWER
            self._cache[term] = w
        return w

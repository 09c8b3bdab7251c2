"""Turn a unit's text into the normalised terms the similarity scores work on.

Terms are lower-cased words with a light suffix strip and a prefix cut, so that
"arrested"/"arrests" and "confidential"/"confidentiality" meet; numbers keep
their digits; CJK runs, split from digits and Latin, become folded
characters and bigrams (`chinese_text.py`; no word segmenter needed).
"""

from __future__ import annotations

import re
from functools import lru_cache

from library.compare.chinese_text import cjk_terms, is_cjk_run, tokens
from library.compare.text_memo import listed

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*|[^\W\d_](?:[^\W_]|['’](?=[^\W\d_]))*|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+",
    re.UNICODE,
)

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "nor",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
        "said",
        "says",
        "say",
        "told",
        "according",
        "mr",
        "mrs",
        "ms",
        "one",
        "two",
        "new",
        "year",
        "years",
        "also",
        "its",
        "it's",
        "there's",
        "may",
        "might",
        "must",
        "shall",
        "us",
        "upon",
        "per",
        "via",
        "yet",
        "still",
        "even",
        "however",
    ]
)

# Words that flip a statement; they are kept as terms (so "not" still counts as
# text) but never as evidence that two sentences are about the same thing.
NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "cannot",
        "n't",
        "denied",
        "denies",
        "deny",
        "refused",
        "refuses",
        "refuse",
    ]
)

_SUFFIXES = (
    "ization",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ies",
    "ied",
    "ed",
    "es",
    "ly",
    "s",
)
_PREFIX = 7


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude but stable stem: lower-case, strip one common suffix, cut to 7 characters.

    Args:
        word: one word token.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w[:1].isdigit():
        return w.replace(",", "")
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    return w[:_PREFIX]


def terms(text: str) -> list[str]:
    """Content terms of `text` in order: stems of non-stopwords, CJK bigrams.

    Args:
        text: a unit's text.
    """
    out: list[str] = []
    for tok in tokens(text, _TOKEN):
        if is_cjk_run(tok):  # Chinese: characters and bigrams, folded (chinese_text.py)
            out.extend(cjk_terms(tok))
            continue
        low = tok.lower().replace("’", "'")
        if low in STOPWORDS or low in NEGATIONS or (len(low) == 1 and not low.isdigit()):
            continue
        out.append(stem(low))
    return out


#: `terms` of a unit, kept by its text (text_memo.py): the engine asks them of every
#: unit of both articles, again for each comparison the window opens with an article.
#: (`terms` itself stays uncached: the importer reads passing chunks with it.)
unit_terms = listed(maxsize=32768)(terms)

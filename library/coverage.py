"""Other coverage of the same event: which library articles report what this one reports.

`related_articles` ranks the library's other articles by how likely they
report the same event as a given one, without reading every body:

1. the article's most distinctive words are picked by their document
   frequency in the search index (an `fts5vocab` view of `articles_fts`);
2. FTS5 finds the articles holding any of them, best bm25 first, up to
   `CANDIDATES` of them: only those bodies are read;
3. each candidate is scored on what two reports of one event share and two
   events of the same kind do not: names (people, places, organisations),
   dates and numbers, rare words, the headline's words, and how close the
   publication dates are.  An optional `embed` callable adds sentence
   embeddings of the headline and lead.

Across scripts (`library.coverage_xl`, only when the library holds both
Chinese and Latin-script articles): a second FTS5 query in the other script
(pinyin of people, CC-CEDICT senses of bodies and places, dates and numbers)
adds up to 20 candidates, and a Chinese-English pair is scored on names by
pinyin and sense keys, dates and numbers by value, dictionary glosses
("glosses") and the embedding counted twice ("embedding_xl").  Same-script
pairs are scored as before.

The shared-fact counts (the comparison engine's `summary.shared`) are slower
and computed by `Collection.related(..., facts=N)` for the top few only.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from library import coverage_floor as floor
from library import coverage_mentions, coverage_xl
from library.article import Article
from library.chinese import has_cjk
from library.coverage_mentions import fold_word as _fold_word
from library.search_index import index_form
from library.store import LibraryStore

#: Sentence embedder: texts in, one vector per text out (the semantic backend).
Embedder = Callable[[Sequence[str]], Sequence[Sequence[float]]]

#: Articles FTS5 proposes for re-ranking: the only bodies read besides the article's own.
CANDIDATES = 100
#: Candidates (by shared words) whose names, dates and numbers are compared.
SHORTLIST = 20
#: Distinctive words of the article put in the candidate query.
QUERY_TERMS = 30
#: The temp view of the index's vocabulary (per connection, made on first use).
_VOCAB = "temp.parallax_coverage_vocab"

#: Feature weights, tuned on ECB+ train/dev (benchmarks/eval_coverage.py).
WEIGHTS: dict[str, float] = {
    "terms": 1.0,
    "names": 0.5,
    "dates": 0.5,
    "numbers": 0.3,
    "title": 0.3,
    "published": 0.3,
    "embedding": 0.5,
    # Chinese-English pairs only (library.coverage_xl): the shared words of a
    # same-script pair, and more trust in the multilingual encoder.
    "glosses": 1.0,
    "embedding_xl": 0.5,
}

_WORD = re.compile(r"[^\W_]+")
#: Every ASCII character that is not a letter or digit, made a space (the
#: tokenizer's split for ASCII text, without a regex).
_ASCII_SPLIT = {c: " " for c in range(128) if not chr(c).isalnum()}
#: English words in almost every article (idf about 0): never looked up.
_COMMON = frozenset((
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "may", "might", "more", "most", "my", "new", "no", "not", "now", "of", "on", "one", "only",
    "or", "other", "our", "out", "over", "people", "said", "says", "she", "since", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "told", "two", "up", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "will", "with", "would", "year", "years", "you", "your",
))  # fmt: skip


@dataclass(frozen=True)
class Related:
    """One article of the library ranked as other coverage of the same event.

    Attributes:
        article: the candidate (current version, body included).
        score: how likely it reports the same event (higher is likelier; no fixed scale).
        names, dates, numbers: what both articles mention, as the source writes
            it (names rarest first).
        terms: the rarest words both use (index form, lower case).
        shared_facts: the comparison engine's count of shared facts, when
            computed (`Collection.related(..., facts=N)`), else None.
        likely: over the floor (`library.coverage_floor`): likely the same
            event; False for a weaker match, probably about something else.
    """

    article: Article
    score: float
    names: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    shared_facts: int | None = None
    likely: bool = True

    def with_facts(self, count: int) -> Related:
        return replace(self, shared_facts=count)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (`parallax related --json`)."""
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "published": a.published,
            "score": round(self.score, 4),
            "shared": {
                "names": list(self.names),
                "dates": list(self.dates),
                "numbers": list(self.numbers),
                "terms": list(self.terms),
            },
            "shared_facts": self.shared_facts,
            "likely_same_event": self.likely,
        }


@dataclass
class _Profile:
    """What an article says, reduced to the features scored here."""

    terms: Counter[str]
    title_terms: set[str]
    names: dict[str, str] = field(default_factory=dict)  # folded -> as written
    dates: dict[str, str] = field(default_factory=dict)  # normalised -> as written
    numbers: dict[str, str] = field(default_factory=dict)
    published: dt.date | None = None


def related_articles(
    library: LibraryStore,
    article_id: int,
    *,
    limit: int = 10,
    candidates: int = CANDIDATES,
    embed: Embedder | None = None,
    weights: dict[str, float] | None = None,
) -> tuple[Article, list[Related]]:
    """The library's other articles most likely to report the same event, best first.

    Args:
        library: the store to search (read on the calling thread).
        article_id: any version's id; its current version is the source.
        limit: how many to return.
        candidates: how many articles FTS5 proposes for re-ranking.
        embed: optional sentence embedder; adds headline-and-lead similarity.
        weights: feature weights (default `WEIGHTS`), for tuning.

    Returns:
        The source article and the ranked list (other versions of the same
        source are never listed), each row flagged `likely` or not by the
        floor (`library.coverage_floor`).

    Raises:
        NotFound: no article has that id.
    """
    weights = WEIGHTS if weights is None else weights
    source, scored = candidate_features(
        library, article_id, candidates=max(candidates, limit), embed=embed
    )
    ranked = [
        replace(
            item,
            score=score(features, weights),
            likely=floor.likely(features, weights, len(floor.event_names(item, source))),
        )
        for item, features in scored
    ]
    ranked.sort(key=lambda r: (-r.score, r.article.id or 0))
    return source, ranked[:limit]


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    """The weighted sum of a candidate's features (see `candidate_features`)."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def candidate_features(
    library: LibraryStore,
    article_id: int,
    *,
    candidates: int = CANDIDATES,
    embed: Embedder | None = None,
) -> tuple[Article, list[tuple[Related, dict[str, float]]]]:
    """The candidates FTS5 finds for `article_id`, each with its features, unranked.

    Features (each about 0..1): "terms" (idf-weighted cosine of the words),
    "names", "dates", "numbers" (overlap of what both mention), "title"
    (idf-weighted overlap of the headlines), "published" (closeness of the
    publication dates), "embedding" (only with `embed`).
    """
    source = library.current(article_id)
    db = library.db
    db.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, articles_fts, row)"
    )
    # Rows of `articles` are rows of the index (every version is indexed);
    # counting the FTS5 table itself would read all of it.
    total = max(1, int(db.execute("SELECT count(*) FROM articles").fetchone()[0]))
    profile = _profile(source)
    # The commonest words are left out: their document lists are the longest
    # to count, and they say nothing about the event.
    df = _document_frequencies(library, [t for t in profile.terms if t not in _COMMON])
    idf = {t: math.log((total + 1) / (n + 0.5)) for t, n in df.items() if n > 0}
    # A word absent from the source has no looked-up frequency: give it the
    # weight of a typical source word, so long candidates are not favoured.
    default_idf = _median(idf.values()) if idf else 1.0
    idf.update(dict.fromkeys(_COMMON, 0.0))
    query_terms = _distinctive(profile.terms, df, total)
    found = _candidates(library, source, query_terms, candidates) if query_terms else []
    crossing = coverage_xl.crosses(library, source, _VOCAB)
    from_xl: set[int | None] = set()
    if crossing:
        seen = {a.id for a in found}
        more = [a for a in coverage_xl.candidates(library, source) if a.id not in seen]
        from_xl = {a.id for a in more}
        found += more
    if not found:
        return source, []
    source_vector = _weighted(profile.terms, idf, default_idf)
    source_norm = math.sqrt(sum(w * w for w in source_vector.values())) or 1.0
    similarity = _embedding_similarity(embed, source, found)
    _mentions(profile, source)
    quick = []
    for position, article in enumerate(found):
        other = _Profile(
            terms=_tokens(f"{article.title}\n{article.body}"),
            title_terms=set(_tokens(article.title)),
            published=_date(article.published),
        )
        vector = _weighted(other.terms, idf, default_idf)
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        shared_terms = source_vector.keys() & vector.keys()
        cosine = sum(source_vector[t] * vector[t] for t in shared_terms) / (source_norm * norm)
        title = _title_overlap(profile, other, idf, default_idf)
        quick.append((cosine + title, position, article, other, shared_terms, cosine, title))
    # Names, dates and numbers (a slower pass over each text) only for the
    # likeliest: the others share too few words to be the same report.
    quick.sort(key=lambda q: (-q[0], q[1]))
    out = []
    source_zh = coverage_xl.is_chinese(source) if crossing else False
    for rank, (_q, position, article, other, shared_terms, cosine, title) in enumerate(quick):
        # The other script's likeliest (by the words they do share) and those
        # its own query found: the pinyin and dictionary pass is the slow one.
        if (
            crossing
            and (rank < SHORTLIST or article.id in from_xl)
            and coverage_xl.is_chinese(article) != source_zh
        ):
            sim = similarity[position] if similarity is not None else None
            out.append(_cross_item(source, article, cosine, title, profile, other, sim))
            continue
        if rank < SHORTLIST:
            _mentions(other, article)
        names = profile.names.keys() & other.names.keys()
        dates = profile.dates.keys() & other.dates.keys()
        numbers = profile.numbers.keys() & other.numbers.keys()
        features = {
            "terms": cosine,
            "names": _dice(profile.names, other.names, names, idf, default_idf),
            "dates": _dice_count(profile.dates, other.dates, dates),
            "numbers": _dice_count(profile.numbers, other.numbers, numbers),
            "title": title,
            "published": _closeness(profile.published, other.published),
        }
        if similarity is not None:
            features["embedding"] = similarity[position]
        rare = sorted(shared_terms & idf.keys(), key=lambda t: (-idf[t], t))[:8]
        item = Related(
            article=article,
            score=0.0,
            names=tuple(
                dict.fromkeys(
                    profile.names[n] for n in sorted(names, key=lambda n: (-idf.get(n, 0), n))
                )
            ),
            dates=tuple(profile.dates[d] for d in sorted(dates)),
            numbers=tuple(profile.numbers[n] for n in sorted(numbers)),
            terms=tuple(rare),
        )
        out.append((item, features))
    return source, out


def _cross_item(
    source: Article,
    article: Article,
    cosine: float,
    title: float,
    profile: _Profile,
    other: _Profile,
    similarity: float | None,
) -> tuple[Related, dict[str, float]]:
    """A candidate in the other script, scored on what survives translation."""
    xl, names, dates, numbers = coverage_xl.features(source, article)
    features = {"terms": cosine, "title": title, **xl}
    features["published"] = _closeness(profile.published, other.published)
    if similarity is not None:
        features["embedding"] = features["embedding_xl"] = similarity
    return Related(article, 0.0, names=names, dates=dates, numbers=numbers), features


# -- reading the index -------------------------------------------------------


def _document_frequencies(library: LibraryStore, terms: list[str]) -> dict[str, int]:
    """How many indexed rows hold each term (one lookup per term, never a scan)."""
    df: dict[str, int] = {}
    # Chunks stay under SQLite's variable limit on old builds.
    for start in range(0, len(terms), 500):
        chunk = terms[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = library.db.execute(
            f"SELECT term, doc FROM {_VOCAB} WHERE term IN ({marks})", chunk
        ).fetchall()
        df.update({str(term): int(doc) for term, doc in rows})
    return df


def _distinctive(terms: Counter[str], df: dict[str, int], total: int) -> list[str]:
    """The article's words that best single it out, for the candidate query.

    Words only this article has find nothing; words most articles have find
    everything: both are left out.
    """
    ceiling = max(50, total // 50) if total >= 200 else total
    scored = [
        ((1 + math.log(count)) * math.log((total + 1) / df[t]), t)
        for t, count in terms.items()
        if 2 <= df.get(t, 0) <= ceiling
    ]
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [t for _s, t in scored[:QUERY_TERMS]]


def _candidates(
    library: LibraryStore, source: Article, terms: list[str], limit: int
) -> list[Article]:
    """Current articles of other sources matching any of `terms`, best bm25 first."""
    from library.store.library_store import _article, _prefixed

    match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
    key = library.db.execute("SELECT source_key FROM articles WHERE id = ?", [source.id]).fetchone()
    sql = f"""
        SELECT {_prefixed("a.")}
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ? AND a.superseded_by IS NULL AND a.source_key != ?
        ORDER BY bm25(articles_fts, 2.0, 1.0), a.id LIMIT ?
    """
    rows = library.db.execute(sql, [match, key[0] if key else "", limit]).fetchall()
    return [_article(row) for row in rows]


# -- features ----------------------------------------------------------------


def _profile(article: Article) -> _Profile:
    """The article's words, without names, dates and numbers yet (see `_mentions`)."""
    return _Profile(
        terms=_tokens(f"{article.title}\n{article.body}"),
        title_terms=set(_tokens(article.title)),
        published=_date(article.published),
    )


def _mentions(profile: _Profile, article: Article) -> None:
    """Add the names, dates and numbers `article` mentions to its `profile`."""
    text = f"{article.title}\n{article.body}"
    if has_cjk(text) and coverage_xl.is_chinese(article):
        # Chinese has no spaces nor capitals: names by dictionary and pinyin.
        names, dates, numbers = coverage_xl.zh_mentions(text)
    else:
        names, dates, numbers = coverage_mentions.mentions(text)
    profile.names.update(names)
    profile.dates.update(dates)
    profile.numbers.update(numbers)


def _tokens(text: str) -> Counter[str]:
    """Words as the search index holds them (folded, spaced CJK, no diacritics), counted."""
    if text.isascii():
        return Counter(text.translate(_ASCII_SPLIT).lower().split())
    # Only CJK needs the index's folding (curly quotes and accents do not).
    folded = index_form(text) or "" if has_cjk(text) else text
    counts: Counter[str] = Counter()
    for word, n in Counter(_WORD.findall(folded)).items():
        counts[_fold_word(word)] += n
    return counts


def _weighted(terms: Counter[str], idf: dict[str, float], default: float) -> dict[str, float]:
    get = idf.get
    return {t: _damped(n) * w for t, n in terms.items() if (w := get(t, default))}


@lru_cache(maxsize=256)
def _damped(count: int) -> float:
    """A word's weight grows with the log of its count: a name said ten times is not 10x."""
    return 1 + math.log(count)


def _dice(
    a: dict[str, str], b: dict[str, str], shared: set[str], idf: dict[str, float], default: float
) -> float:
    """Overlap of two name sets, rare names (by their words' idf) weighing more."""

    def weight(name: str) -> float:
        return idf.get(name, default)

    total = sum(weight(n) for n in a) + sum(weight(n) for n in b)
    return 2 * sum(weight(n) for n in shared) / total if total else 0.0


def _dice_count(a: dict[str, str], b: dict[str, str], shared: set[str]) -> float:
    return 2 * len(shared) / (len(a) + len(b)) if a and b else 0.0


def _title_overlap(a: _Profile, b: _Profile, idf: dict[str, float], default: float) -> float:
    shared = sum(idf.get(t, default) for t in a.title_terms & b.title_terms)
    total = sum(idf.get(t, default) for t in a.title_terms) + sum(
        idf.get(t, default) for t in b.title_terms
    )
    return 2 * shared / total if total else 0.0


def _closeness(a: dt.date | None, b: dt.date | None) -> float:
    """1 for the same day, falling to 0 at a month apart; 0 when either is unknown."""
    if a is None or b is None:
        return 0.0
    return max(0.0, 1 - abs((a - b).days) / 30)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _embedding_similarity(
    embed: Embedder | None, source: Article, others: list[Article]
) -> list[float] | None:
    if embed is None or not others:
        return None
    vectors = embed([_lead(a) for a in [source, *others]])
    first = vectors[0]
    return [_cosine(first, v) for v in vectors[1:]]


def _lead(article: Article) -> str:
    return f"{article.title}. {article.body[:600]}"


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def _median(values: Any) -> float:
    ordered = sorted(values)
    return float(ordered[len(ordered) // 2])

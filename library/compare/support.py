"""Evidence that two units scoring a little under the threshold still tell one claim.

Below the alignment threshold, two sentences about the same subject with
different facts ("the Pike-Ridley partnership has been key" / "Pike threw a
touchdown pass to Ridley") score like a claim told in other words.  What tells
them apart, on the hand-judged ECB+ train/dev pairs, is cheap:

* the claim's own words: at least `MIN_SHARED_WORDS` lower-case content words
  in common besides the names, and a quarter of the shorter side's (a shared
  name and age alone are a related pair: "Dorsey, 52, got into a scuffle"
  / "Dorsey, 52, is charged");
* no name on each side that the other article never uses (two warships, two
  phones, two players in one role are a different event of the same kind); a
  name on one side only asks for more shared words, and so does a day or month
  one side gives beside the other side's extra name (a detail, not a rival).

* the two articles share a fair part of the names they give
  (`ARTICLE_NAMES_MIN`): two articles about different events of one kind
  (two quakes, two rehab stays) tell look-alike sentences, but about
  different people and places.

`align` asks this only of pairs that are each other's best partner.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from library.compare.units import STOPWORDS, stem

# Chosen on the real divergence set (ECB+ train/dev) with ECB+ hard negatives as
# the guard (benchmarks/RESULTS-compare.md, "Paraphrases under the threshold").
MIN_SHARED_WORDS = 2
# ... and this share of the shorter side's claim words.
MIN_SHARE = 0.25
_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)
# Share of the two articles' names (union) that both give, under which no pair is
# vouched for: ECB+ hard negatives (different events of one kind) have a median of
# 0.055 and 53 % of them fall under it; the 50 hand-judged same-event pairs have 0.081
# at least; ECB+ same-event pairs fall under it 1.9 % (dev) / 3.3 % (train) of the
# time (0.08: 4.1 % / 6.4 %, too close to the judged pairs' minimum).
# benchmarks/RESULTS-compare.md, "Articles that share their names".
ARTICLE_NAMES_MIN = 0.06
# Fewer names than this in the two articles together say nothing (Chinese has no capitals).
ARTICLE_NAMES_FEW = 8
# Capitalised words that name a day or a month, not a person or place ("May" is left
# out: a surname as often as a month).
CALENDAR = frozenset([
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "June", "July", "August", "September",
    "October", "November", "December",
])  # fmt: skip
_SENTENCE_START = re.compile(
    r"(?:^|[.!?。！？:;][\"'”’)\]]*\s+|\n\s*)([^\W\d_][\w’'-]*)", re.UNICODE
)
# Prefix length under which two capitalised words are taken as one name
# ("Confidentiality" / "confidential", "Iran" / "Iranian").
_NAME_PREFIX = 5


def claim_words(text: str) -> set[str]:
    """Stems of the lower-case content words of `text` (what is said, not who)."""
    return {
        stem(w) for w in _WORD.findall(text) if w.islower() and w not in STOPWORDS and len(w) > 2
    }


def _key(word: str) -> str:
    """A word's name key: lower case, no accents, no possessive ("CCP’s" / "CCP's" / "CCP").

    One outlet writes "Vendôme", the other "Vendome": the same place.
    """
    w = _unaccent(word.lower().replace("’", "'"))
    return (w[:-2] if w.endswith("'s") else w)[:_NAME_PREFIX]


@lru_cache(maxsize=65536)
def _unaccent(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=8)
def _article_words(article: str) -> frozenset[str]:
    return frozenset(_key(w) for w in _WORD.findall(article))


@lru_cache(maxsize=8)
def article_names(article: str) -> frozenset[str]:
    """Name keys of an article: capitalised words that do not open a sentence."""
    opening = {m.start(1) for m in _SENTENCE_START.finditer(article)}
    return frozenset(
        _key(m.group())
        for m in _WORD.finditer(article)
        if m.start() not in opening and m.group()[0].isupper() and len(m.group()) >= 3
    )


def names_shared(article_a: str, article_b: str) -> float | None:
    """Share of the two articles' names that both give; None when they give too few."""
    a, b = article_names(article_a), article_names(article_b)
    union = a | b
    if len(union) < ARTICLE_NAMES_FEW:
        return None
    return len(a & b) / len(union)


def same_story(article_a: str, article_b: str) -> bool:
    """Whether two articles may report one event, as far as their names tell."""
    shared = names_shared(article_a, article_b)
    return shared is None or shared >= ARTICLE_NAMES_MIN


def foreign_names(text: str, other_article: str) -> set[str]:
    """Capitalised words of `text` (not its first word) the other article never uses."""
    known = _article_words(other_article)
    words = _WORD.findall(text)
    return {
        w
        for w in words[1:]
        if w[0].isupper() and len(w) >= 3 and not w.isupper() and _key(w) not in known
    }


def names_someone_else(text: str, own_article: str, other_article: str) -> bool:
    """Whether `text` names someone or somewhere the other article never names.

    As `foreign_names`, and its first word counts too when its own article uses
    that word as a name elsewhere ("Brandt was pulled over", the article having
    named "Ivo Brandt" mid-sentence).
    """
    if foreign_names(text, other_article):
        return True
    words = _WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    key = _key(words[0])
    return key in article_names(own_article) and key not in _article_words(other_article)


def tells_same_claim(text_a: str, text_b: str, article_a: str, article_b: str) -> bool:
    """Whether two units that nearly align share the claim's words and no rival names.

    Args:
        text_a: the unit of A.
        text_b: the unit of B.
        article_a: the whole of article A.
        article_b: the whole of article B.
    """
    if not same_story(article_a, article_b):
        return False
    ca, cb = claim_words(text_a), claim_words(text_b)
    shared = len(ca & cb)
    foreign = (foreign_names(text_a, article_b), foreign_names(text_b, article_a))
    # Each side names someone or somewhere the other article never names: two events of
    # one kind.  But a side whose only such names are days or months dates its telling:
    # beside the other side's extra name it adds a detail (a day against a day is two
    # dates, still apart, whatever other names come beside them).
    if all(foreign) and (
        bool(foreign[0] - CALENDAR) == bool(foreign[1] - CALENDAR)
        or all(f & CALENDAR for f in foreign)
    ):
        return False
    rivals = sum(bool(f) for f in foreign)
    # A name only one side gives may be a detail the other leaves out: the claim
    # must then be told in more of the same words.
    need, share = (MIN_SHARED_WORDS, MIN_SHARE) if rivals == 0 else (MIN_SHARED_WORDS + 1, 0.4)
    return shared >= need and shared >= share * min(len(ca), len(cb))

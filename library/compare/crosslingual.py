"""Comparing two articles written in different languages (a Chinese original, an English report).

Shared words say nothing across languages, so units are scored by meaning and by
language-neutral anchors instead:

- the cosine of the multilingual sentence embeddings (when the semantic backend
  is on; without it the anchors alone speak);
- CC-CEDICT glosses of the Chinese words found among the English words, and
  names matched through pinyin (`glosses.py`);
- numbers and dates, normalised on both sides (十二 = 12, 4万 = 40,000,
  十月十三日 = October 13).

No word diff is made for such pairs (the words cannot line up), and of the
conflict detectors numbers and dates run, read in each side's language, and a
negation on one side only (认定 / "did not conclude", 承认 / "denied") is a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse

from library import language
from library.chinese import HAN_CHAR, fold
from library.compare.detectors.base import Passage
from library.compare.detectors.chinese import claim_at as _zh_claim
from library.compare.detectors.chinese import negation_cues as zh_negation_cues
from library.compare.detectors.chinese import zh_dates, zh_numbers
from library.compare.detectors.negation import negation_cues as en_negation_cues
from library.compare.glosses import gloss_overlap, shared_names
from library.compare.idf import IdfTable
from library.compare.kinds import conflict
from library.compare.model import Conflict
from library.compare.quantities import dates, numbers
from library.compare.similarity import FloatMatrix, Scores

# Anchor score of a cross-language pair: the gloss overlap + ANCHOR per shared name,
# number or date (at most ANCHOR_CAP).  With the model, the pair scores
# W_COS x cosine + (1 - W_COS) x anchor score.  Set by hand, then checked on the
# translation pairs of PAWS-X zh dev / PAWS-Wiki dev (benchmarks/eval_crosslingual.py):
# at 0.45, 99.0 % of translations and 0.1 % of random pairs clear the threshold; our
# article pair aligns 10 of 10 sentences with or without the model.
W_COS = 0.75
ANCHOR = 0.15
ANCHOR_CAP = 0.3
CROSS_THRESHOLD = 0.45
# Without the model, the anchors alone.
ANCHOR_THRESHOLD = 0.3
CROSS_FLOOR = 0.15
#: Above any score: no gate reaches it.
NO_MERGE = 2.0


class Languages(NamedTuple):
    """The languages of A and B ("zh", "en", … or "und"), as stated or read from the text."""

    a: str
    b: str
    #: Whether sentence embeddings took part (False: the words-only backend,
    #: or no model): then only names, numbers, dates and glosses matched.
    by_meaning: bool = True

    @property
    def differ(self) -> bool:
        """True when the pair is compared across languages.

        Two known languages differ when they are not the same; an undetermined
        one (a French article, an English headline without "the") differs only
        from a CJK one: their scripts share no word either way.
        """
        if language.UNDETERMINED in (self.a, self.b):
            return (self.a in language.CJK) != (self.b in language.CJK)
        return self.a != self.b

    def describe(self) -> str:
        """One plain line for a reader, or "" when the two share a language."""
        if not self.differ:
            return ""
        how = (
            "matched by meaning and by names, numbers and dates"
            if self.by_meaning
            else "matched only by names, numbers, dates and dictionary glosses (no model)"
        )
        return (
            f"A is {language.name(self.a)}, B is {language.name(self.b)}: {how}; "
            "no word-by-word diff."
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: `{"a", "b", "crosslingual", "by_meaning"}`."""
        return {
            "a": self.a,
            "b": self.b,
            "crosslingual": self.differ,
            "by_meaning": self.by_meaning,
        }


def languages(
    text_a: str, text_b: str, stated_a: str | None = None, stated_b: str | None = None
) -> Languages:
    """The two articles' languages: the stated ones, else read from their texts."""
    return Languages(language.of(stated_a, text_a), language.of(stated_b, text_b))


@dataclass(frozen=True, slots=True)
class _Facts:
    """A unit's numbers and dates, normalised; the values as written, for conflicts."""

    numbers: dict[float, str]
    dates: dict[tuple[int, int], str]


def facts(text: str, lang: str) -> _Facts:
    """The numbers and (month, day) dates of one passage, read in its language."""
    if lang == "zh":
        found = zh_dates(text)
        day = {(d.month, d.day): d.text for d, _, _ in found if d.month and d.day}
        nums: dict[float, str] = {}
        for n in zh_numbers(text, [(s, e) for _, s, e in found]):
            # 十二年 is read as 144 months; English says "12 years".
            years = n.unit == "个月" and "年" in n.text and n.value % 12 == 0
            nums[_key(n.value / 12 if years else n.value)] = n.text
        return _Facts(nums, day)
    mentions, spans = dates(text)
    day = {(d.month, d.day): d.text for d in mentions if d.month and d.day}
    return _Facts({_key(v): t for t, v in numbers(text, spans)}, day)


def _key(value: float) -> float:
    # English percentages carry a tiny offset (quantities.py keeps them apart
    # from plain numbers); Chinese ones do not.
    return round(value, 2)


class CrossBackend:
    """Scores unit pairs across two languages (see the module docstring).

    Args:
        langs: the languages of A and B.
        embed: texts -> unit-length vectors (the semantic backend's), or None.
    """

    name = "crosslingual"
    candidate_floor = CROSS_FLOOR
    # No merges: `align` merges a neighbour when the joined text's *word overlap* does
    # not drop, and across languages it is always 0, so every neighbour would qualify.
    merge_floor = NO_MERGE

    def __init__(self, langs: Languages, embed: Any = None) -> None:
        self.langs = langs
        self.embed = embed
        self.threshold = CROSS_THRESHOLD if embed is not None else ANCHOR_THRESHOLD

    @classmethod
    def around(cls, backend: Any, langs: Languages) -> CrossBackend:
        """The cross-language backend that uses `backend`'s embeddings, if it has any."""
        return cls(langs, getattr(backend, "embed", None))

    def scores(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> Scores:
        """Gate and ranking scores (the same here) for every (A unit, B unit) pair."""
        del terms_a, terms_b, idf  # shared words say nothing across languages
        dense = self.matrix(texts_a, texts_b)
        dense[dense < self.candidate_floor] = 0.0
        m = sparse.csr_matrix(dense)
        return Scores(m, m)

    def score_matrix(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> FloatMatrix:
        """The scores as a dense matrix (older `SimilarityBackend` callers)."""
        return self.matrix(texts_a, texts_b)

    def matrix(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> FloatMatrix:
        """Dense cross-language scores, one row per unit of A."""
        out = np.zeros((len(texts_a), len(texts_b)))
        if not texts_a or not texts_b:
            return out
        facts_a = [facts(t, self.langs.a) for t in texts_a]
        facts_b = [facts(t, self.langs.b) for t in texts_b]
        for i, ta in enumerate(texts_a):
            for j, tb in enumerate(texts_b):
                out[i, j] = self._anchors(ta, tb, facts_a[i], facts_b[j])
        if self.embed is not None:
            va = np.asarray(self.embed(list(texts_a)), dtype=np.float64)
            vb = np.asarray(self.embed(list(texts_b)), dtype=np.float64)
            out = W_COS * np.clip(va @ vb.T, 0.0, 1.0) + (1 - W_COS) * out
        return np.minimum(out, 1.0)

    def _anchors(self, ta: str, tb: str, fa: _Facts, fb: _Facts) -> float:
        shared = len(fa.numbers.keys() & fb.numbers.keys()) + len(fa.dates.keys() & fb.dates.keys())
        gloss = 0.0
        zh_en = {self.langs.a: ta, self.langs.b: tb}
        if set(zh_en) == {"zh", "en"}:
            gloss = gloss_overlap(zh_en["zh"], zh_en["en"])
            shared += len(shared_names(zh_en["zh"], zh_en["en"]))
        return gloss + min(ANCHOR_CAP, ANCHOR * shared)


def conflicts(a: Passage, b: Passage, langs: Languages) -> tuple[Conflict, ...]:
    """Numbers and dates two passages in different languages state differently.

    A date conflicts when both sides give a full date (month and day) and none
    agrees; a number when each side has a value the other lacks (the first of
    each is named); negation when one side negates the claim (不, 并非, 否认 /
    not, never, denied) and the other does not.  Names and quotes are not
    compared across languages.
    """
    fa, fb = facts(a.text, langs.a), facts(b.text, langs.b)
    out: list[Conflict] = []
    if fa.dates and fb.dates and not fa.dates.keys() & fb.dates.keys():
        out.append(conflict("date", next(iter(fa.dates.values())), next(iter(fb.dates.values()))))
    only_a = [t for v, t in fa.numbers.items() if v not in fb.numbers]
    only_b = [t for v, t in fb.numbers.items() if v not in fa.numbers]
    if only_a and only_b:
        out.append(conflict("number", only_a[0], only_b[0]))
    if {langs.a, langs.b} == {"zh", "en"}:
        zh, en = (a.text, b.text) if langs.a == "zh" else (b.text, a.text)
        said = _polarity(zh, en)
        if said is not None:
            x, y = said if langs.a == "zh" else said[::-1]
            out.append(conflict("negation", x, y))
    return tuple(out)


# Verbs that affirm what 否认 / "denied" negate: named as the other side's claim.
_ZH_AFFIRM = re.compile("承认|证实|确认|同意|接受|支持")
_EN_AFFIRM = re.compile(
    r"\b(?:admit(?:s|ted)?|confirm(?:s|ed)?|acknowledg(?:e|es|ed)|accept(?:s|ed)?|"
    r"agree(?:s|d)?|approve(?:s|d)?|support(?:s|ed)?)\b\s*\w*",
    re.I,
)
_ZH_CLAUSE = re.compile(f"[{HAN_CHAR.pattern[1:-1]}]+")


def _polarity(zh: str, en: str) -> tuple[str, str] | None:
    """(Chinese, English) wording when exactly one side negates its claim, else None.

    Without a parser the negated word cannot be found on the other side (as the
    English detector does): a sentence matched to its translation says the same
    thing, so a negation on one side only is taken as the claim reversed.
    """
    # 非 / 别 / 无 / 勿 alone are mostly inside words (南非, 分别, 无用) or names (不列颠).
    zc = [(c, at) for c, at in zh_negation_cues(zh) if _strong(zh, c, at)]
    ec = en_negation_cues(_EN_NUMBER_SIGN.sub(" ", en))
    if bool(zc) == bool(ec):
        return None
    if zc and _EN_NEGATIVE_WORD.search(en):
        return None  # 不可靠 / "unreliable", 不多 / "few": negated in the word itself
    if zc:
        cue, at = zc[0]
        zh_said = _zh_claim(zh, at, len(cue))
        m = _EN_AFFIRM.search(en)
        en_said = m.group().strip() if m else _last_clause(en)
        return zh_said, en_said
    m = _ZH_AFFIRM.search(fold(zh))
    zh_said = _zh_claim(zh, m.start(), 2) if m else _zh_last_clause(zh)
    return zh_said, ec[0]


_ZH_WEAK = frozenset("非别无勿")
# English words that carry their own negation, as a Chinese 不 or 无 phrase does.
_EN_NEGATIVE_WORD = re.compile(
    r"\b(?:un[a-z]{3,}|in(?:capable|complete|sufficient|valid|effective|correct|accurate)|"
    r"[a-z]{3,}less|few|fewer|little|lack(?:s|ed|ing)?|fail(?:s|ed|ing)?|absent|"
    r"without|nor|neither|rarely|seldom|hardly|barely|less|inactive|refus\w*|reject\w*|"
    r"non-?[a-z]+|distrust\w*|disagree\w*|questionable|"
    r"den(?:y|ied|ies))\b",
    re.I,
)


# "No. 5", "No . 5": a number sign, not a negation.
_EN_NUMBER_SIGN = re.compile(r"\bNo\s*\.")
# 比不上, 不休, 不谋而合: idioms and endings that negate no claim.
_ZH_NOT_CLAIM = ("不上", "不休", "不谋而合", "不多", "不列颠", "不丹", "不相同", "不一")


def _strong(zh: str, cue: str, at: int) -> bool:
    """Whether a Chinese negation cue negates a claim (not 南非, 分别, 沉没, 不列颠)."""
    folded = fold(zh)
    if cue in _ZH_WEAK:
        # 无法 / 无需 (cannot, need not) negate; 无 alone is mostly a word's part (无用).
        nxt, prev = folded[at + 1 : at + 2], folded[at - 1 : at] if at else ""
        return (cue == "无" and nxt in tuple("法需须权意力人")) or (cue == "非" and prev == "而")
    if cue == "没" and at and folded[at - 1] in "沉淹埋出隐吞":
        return False  # 沉没: sank
    return not any(folded.startswith(w, at) for w in _ZH_NOT_CLAIM)


def _last_clause(text: str) -> str:
    clauses = [c for c in re.split(r"[,;:]\s*", text.strip().rstrip(".!?")) if c.strip()]
    return " ".join(clauses[-1].split()[-6:]) if clauses else text.strip()[:40]


def _zh_last_clause(text: str) -> str:
    runs = _ZH_CLAUSE.findall(text)
    return runs[-1][-16:] if runs else text.strip()[:16]

"""Sub-sentence facts: one clause of a long sentence told alone by the other article.

A headline ("Harriers clinch title spot with 3-1 win") or a short sentence
("Valdane will be 31 in June") often tells what is only one clause of a long
sentence in the other article ("Valdane, who turns 31 on June 4, has
scored ...").  Scored as a whole, the long sentence's other clauses dilute
the word overlap and the pair stays under the cut although the short side's
claim is all there.  The labelling guide of the real divergence set calls such
a pair `same` (one side may add details).

`split` cuts a unit at the seams where news prose joins clauses (semicolons,
dashes, a colon, ", which" / ", who" / ", and" / ", after" ..., and a bare
"after" / "when" / "because"); `ClauseScores` scores each clause against the
other unit with the plain word overlap (the gate's lexical part, with the
word-order check) mixed with the whole units' cosine, as the semantic
backend's gate mixes them.  Encoding each clause instead scored no better on
the real divergence set (benchmarks/RESULTS-compare.md, "Sub-sentence facts")
and costs ~2.5 ms a clause, more than the warm budget of a whole comparison
leaves.  `align` asks it only of units still free after every other rule
(`align.CLAUSE_*`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from library.compare.idf import IdfTable
from library.compare.pair_score import unit_facts
from library.compare.similarity import pair_score, refine
from library.compare.support import claim_words, names_shared
from library.compare.units import terms

# `align` lets a pair of units still free after every other rule in when one clause
# of either, scored alone against the other unit, reaches CUT, the pair's own score
# is at least threshold - MARGIN and it has no conflict (`is_consistent`).  Real
# divergence set (semantic): cut 0.47 let in 9 pairs, all judged same; 0.44 two
# more facts for one unjudged pair; 0.42 and 0.40 judged `related` pairs ("edited
# nearly 300 reports on the dam scandal" / "the basis for many of its 300 reports").
# Asking `is_paraphrase` too let in none: the claim words of a clause's partner are
# often few ("Valdane will be 31 in June.").
CUT = 0.44
MARGIN = 0.2
# ... only between articles where this many pairs, and this share of the shorter
# article's units, already cleared the threshold: the two tell one event (ECB+ hard
# negatives: 69 false "same" with no bound, 65 with the names bound `STORY_MIN`, 64
# (as without the rule) with 0.1; the real set keeps 5 of its 6 new pairs).
MIN_SURE = 1
MIN_SURE_SHARE = 0.1
# ... and then a free unit with a unit already paired (many-to-one): a long sentence
# aligned for one of its clauses tells another clause the other article gives alone.
# Its clause must clear SECOND_CUT, the cut a whole sentence pair must clear (0.44
# let in a judged `related` pair and a hard negative, "two other players who were
# arrested for investigation of DUI" against another player's DUI arrest).
SECOND = True
SECOND_CUT = 0.47
#: Only each unit's this many best-ranked free partners are asked.
TOP = 3
#: Clause scores under this are never computed in full (`ClauseScores`).
FLOOR = min(CUT, SECOND_CUT)
#: Clauses speak only between articles that share at least this part of their names
#: (`support.names_shared`): two articles about different events of one kind (ECB+
#: hard negatives) tell look-alike background clauses ("the Sixers were eliminated
#: in the first round by Detroit"); `paraphrase_head.STORY_MIN` is the same bound.
STORY_MIN = 0.2
#: A clause shorter than this many words is a fragment ("he said"), not a claim.
MIN_WORDS = 4

# ECB+ and wire copy write a hyphen with spaces inside compounds ("co - workers",
# "20 - 13"): only a dash, a double hyphen or an en/em dash joins clauses.
_SEAM = re.compile(
    r"\s*(;|(?<!\d):\s|\s(?:—|–|--)\s|—|"
    r",\s(?:which|who|whom|whose|where|while|after|when|and|but|as|before|including|"
    r"making|putting|killing|leaving)\b"
    r"|\s(?:after|when|while|before|because)\s)\s*",
    re.IGNORECASE,
)
_TRIM = " ,.\"'“”‘’()"
#: A clause (or unit) needs this many claim words besides the verbs of speech: "Lena
#: Forsby, also from the research office, said" and ", police said." tell who spoke,
#: not what happened.
MIN_CLAIM_WORDS = 2
_SPEECH = claim_words(
    "said says say told tells tell added adds stated states according announced announces"
)


_SPOKEN_LAST = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|announced|wrote|writes)\W*$",
    re.IGNORECASE,
)


# Who said it, at the end of a unit or clause: `, " Marlowe said in a statement.`
# Two quotes of one speaker share these words whatever each quote says.
_SAID_TAIL = re.compile(
    r"[,\"”]*\s*(?:[\w.'’-]+\s+){0,4}?(?:said|says|told|added|stated|wrote)"
    r"(?:\s+(?:in|on|at|to|during|late|early|yesterday|today|tonight|last|this)\b"
    r"[^,;\"”]{0,30})?\W*$",
    re.IGNORECASE,
)


#: How far from its end a unit's attribution may start (the pattern is slow to try at
#: every position of a long unit).
_TAIL_CHARS = 100


# Asked of every unit and clause of both articles, again for each candidate pair:
# two 40k-word articles hold ~7,000 units, and a smaller cache evicted them between asks.
@lru_cache(maxsize=32768)
def without_attribution(text: str) -> str:
    """A unit or clause without its closing "X said (in a statement)"."""
    cut = max(0, len(text) - _TAIL_CHARS)
    return (text[:cut] + _SAID_TAIL.sub("", text[cut:])).strip(_TRIM)


@lru_cache(maxsize=4096)
def tells_a_claim(text: str) -> bool:
    """Whether a clause says what happened, not only who said it.

    A clause ending in its verb of speech ("Lena Forsby, also from the research
    office, said") only introduces what follows.
    """
    if _SPOKEN_LAST.search(text):
        return False
    return len(claim_words(text) - _SPEECH) >= MIN_CLAIM_WORDS


def only_attribution(text: str) -> bool:
    """Whether a unit only says who spoke (", police said.", "Bush said.").

    A headline in title case or "Valdane will be 31 in June." has no claim word
    at all (names, numbers and stop words) and is a claim all the same.
    """
    words = claim_words(text)
    if words and words <= _SPEECH:
        return True
    return bool(_SPOKEN_LAST.search(text)) and len(words - _SPEECH) <= 1


def numbers_apart(text_a: str, text_b: str) -> bool:
    """Whether each side gives a number the other lacks ("Drake 5" / "65 - 53")."""
    na, nb = unit_facts(text_a).numbers, unit_facts(text_b).numbers
    return bool(na - nb) and bool(nb - na)


@lru_cache(maxsize=4096)
def split(text: str) -> tuple[str, ...]:
    """The clauses of a unit (each at least `MIN_WORDS` words); () when it has no seam.

    A short opening piece before a comma is the subject of the clause after it
    ("Valdane, who turns 31 ...": "Valdane turns 31 ..."), so it is carried
    into that clause; before a colon it is a headline's kicker, and dropped.
    """
    pieces = _SEAM.split(text)  # text, seam, text, seam, ...
    if len(pieces) < 3:
        return ()
    parts = [p.strip(_TRIM) for p in pieces[::2]]
    if len(parts[0].split()) < MIN_WORDS and pieces[1].lstrip().startswith(","):
        parts[:2] = [f"{parts[0]} {parts[1]}"]
    return tuple(p for p in parts if len(p.split()) >= MIN_WORDS)


@lru_cache(maxsize=8192)
def _terms(text: str) -> tuple[str, ...]:
    """Content terms of a clause or unit (cached: a comparison opened again asks the same)."""
    return tuple(terms(text))


class ClauseScores:
    """The best score of a clause of one unit against the whole other unit, when first asked.

    Args:
        texts_a: unit texts of A.
        texts_b: unit texts of B.
        idf: word weights of the two articles.
        cosine: (A unit, B unit) -> cosine of the two units' vectors.
        weight: the cosine's share in the mix (the semantic backend's `weight`).
    """

    def __init__(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        idf: IdfTable,
        cosine: Callable[[int, int], float],
        weight: float,
    ) -> None:
        self.texts = (texts_a, texts_b)
        self.idf = idf
        self.cosine = cosine
        self.weight = weight
        shared = names_shared("\n".join(texts_a), "\n".join(texts_b))
        #: Whether the two articles share enough of their names for clauses to speak.
        self.story = shared is None or shared >= STORY_MIN
        self._seen: dict[tuple[int, int], tuple[float, str]] = {}

    def __call__(self, i: int, j: int) -> float:
        """Best clause score of unit i of A against unit j of B (either side's clauses).

        Scores under `FLOOR` (the lowest cut `align` applies) read as 0.
        """
        return self.best(i, j)[0]

    def best(self, i: int, j: int) -> tuple[float, str]:
        """The best clause score and that clause's text ("" when neither unit splits)."""
        found = self._seen.get((i, j))
        if found is None:
            a, b = (without_attribution(t) for t in (self.texts[0][i], self.texts[1][j]))
            found = (0.0, "")
            cos = None
            for clause_of, other in ((a, b), (b, a)) if self.story else ():
                clauses = split(clause_of)
                if not clauses or not other or only_attribution(other):
                    continue
                if cos is None:
                    cos = max(0.0, float(self.cosine(i, j)))
                t_other = _terms(other)
                for c in map(without_attribution, clauses):
                    t_c = _terms(c)
                    if not t_c or not t_other or not tells_a_claim(c) or numbers_apart(c, other):
                        continue
                    base = (1 - self.weight) * pair_score(t_c, t_other, self.idf)
                    base += self.weight * cos
                    # The word-order check only lowers a score: skip it when the
                    # score cannot matter (most candidates of long articles).
                    if base < max(found[0], FLOOR):
                        continue
                    s = refine(base, t_c, t_other, self.idf)
                    if s > found[0]:
                        found = (s, c)
            self._seen[(i, j)] = found
        return found


def clause_pairs(
    clause: Callable[[int, int], float] | None,
    candidates: tuple[Any, Any, Any],
    threshold: float,
    *,
    sure: int,
    shape: tuple[int, int],
    free: Callable[[int, int], bool],
    is_consistent: Callable[[int, int], bool] | None,
    cut: float = CUT,
) -> list[tuple[int, int, float]]:
    """Free units let in because a clause of one tells the other: `(i, j, rank)`.

    Best clause score first (ties by ids), one pair per unit, each clearing
    `cut`, scoring at least `threshold - MARGIN` as a whole and without
    conflict; only between articles already shown to tell one event
    (`MIN_SURE`, `MIN_SURE_SHARE`).

    Args:
        clause: `ClauseScores` of the two articles (None: the backend has none).
        candidates: `(rows, cols, ranks)` arrays of the candidate pairs.
        threshold: the alignment cut.
        sure: how many pairs cleared the threshold.
        shape: how many units A and B have.
        free: whether both units are still unpaired.
        is_consistent: no conflict and no differing count between the two units.
        cut: the least clause score.
    """
    if clause is None or is_consistent is None:
        return []
    if sure < MIN_SURE or sure < MIN_SURE_SHARE * min(shape):
        return []
    rows, cols, ranks = candidates
    # The score window first, in one array pass: on long articles most of the
    # candidates lie outside it, and reading each in Python grew with n².
    window = (ranks >= threshold - MARGIN) & (ranks < threshold)
    rows, cols, ranks = rows[window], cols[window], ranks[window]
    near = [
        (i, j, r)
        for i, j, r in zip(rows.tolist(), cols.tolist(), ranks.tolist(), strict=True)
        if free(i, j)
    ]
    # Each unit's few best-ranked partners only: on long articles thousands of
    # candidates are free, and a clause told alone is among its partner's best.
    top_a: dict[int, list[float]] = {}
    top_b: dict[int, list[float]] = {}
    for i, j, r in near:
        top_a.setdefault(i, []).append(r)
        top_b.setdefault(j, []).append(r)
    least_a = {i: sorted(v, reverse=True)[:TOP][-1] for i, v in top_a.items()}
    least_b = {j: sorted(v, reverse=True)[:TOP][-1] for j, v in top_b.items()}
    scored = sorted(
        (-s, i, j, r)
        for i, j, r in near
        if (r >= least_a[i] or r >= least_b[j]) and (s := clause(i, j)) >= cut
    )
    out: list[tuple[int, int, float]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j, r in scored:
        if i in used_a or j in used_b or not is_consistent(i, j):
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, r))
    return out

"""The comparison pipeline, top to bottom; each stage is a call into its own module.

1. segment: sentence units with offsets (`segment.py`);
2. terms: normalised content terms per unit (`units.py`), word weights (`idf.py`);
3. score and align: all-pairs scores by the similarity backend, out-of-order
   one-to-one matching with merges (`similarity.py`, `align.py`);
4. word diff inside each candidate pair (`worddiff.py`);
5. mentions: who each article names and their short forms (`mentions.py`);
6. conflicts: every registered detector (`detectors/`), once per candidate pair;
7. relation: same / divergent / related (`relation.py`), and conflicts across
   sentences that were not aligned as a whole (`crossing.py`);
8. summary: counts and coverage (`model.summarise`);
9. lenses: voices, timeline, numbers, names (`lenses/`).

Two articles in different languages (`crosslingual.py`) are scored by meaning
and by names, numbers and dates, get no word diff, and only number and date
conflicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from library.compare import conflict_gate, materiality
from library.compare.aliases import AliasPairs, TaughtAliases
from library.compare.align import ALIGN_THRESHOLD, Match, align
from library.compare.conflicts import firm
from library.compare.controls import blank_controls
from library.compare.crossing import cross_pairs
from library.compare.crosslingual import CrossBackend, Languages, languages
from library.compare.crosslingual import conflicts as cross_conflicts
from library.compare.detectors import Passage, degree, detect_all, passages
from library.compare.detectors.numbers import counts_differ
from library.compare.idf import IdfTable
from library.compare.kinds import MATERIAL_KINDS, is_material
from library.compare.lenses import build_lenses
from library.compare.mentions import Mentions
from library.compare.model import Comparison, Conflict, DiffOp, Pair, Side, Unit, summarise
from library.compare.relation import classify
from library.compare.segment import segment
from library.compare.similarity import SimilarityBackend
from library.compare.slots import slot_pairs
from library.compare.support import tells_same_claim
from library.compare.trust import NEGATION_MIN_SCORE, gate
from library.compare.units import unit_terms
from library.compare.worddiff import word_diff


@dataclass(slots=True)
class Candidates:
    """Word diffs and conflicts of candidate pairs, each computed once.

    The aligner asks whether a lower-scoring pair diverges; the pipeline later
    needs the same pair's diff and conflicts: both read this cache.

    Args:
        units_a: units of A.
        units_b: units of B.
        text_a: the text A's offsets point into.
        text_b: the text B's offsets point into.
        mentions: names of both articles.
        langs: the two articles' languages; when they differ, no word diff
            and only the cross-language conflicts.
    """

    units_a: tuple[Unit, ...]
    units_b: tuple[Unit, ...]
    text_a: str
    text_b: str
    mentions: Mentions
    langs: Languages | None = None
    _seen: dict[
        tuple[tuple[int, ...], tuple[int, ...]],
        tuple[tuple[tuple[DiffOp, str], ...], tuple[Conflict, ...]],
    ] = field(default_factory=dict)

    @classmethod
    def of_sentences(cls, sents_a: Sequence[str], sents_b: Sequence[str]) -> Candidates:
        """Candidates over ready-made sentence lists (one unit per sentence), for benchmarks.

        Args:
            sents_a: sentences of A.
            sents_b: sentences of B.
        """

        def units(sents: Sequence[str]) -> tuple[str, tuple[Unit, ...]]:
            out, pos = [], 0
            for k, s in enumerate(sents):
                out.append(Unit(k, s, pos, pos + len(s)))
                pos += len(s) + 1
            return "\n".join(sents), tuple(out)

        text_a, units_a = units(sents_a)
        text_b, units_b = units(sents_b)
        return cls(units_a, units_b, text_a, text_b, Mentions.build(text_a, text_b))

    def text(self, side: str, ids: tuple[int, ...]) -> str:
        """The body text a pair covers on `side` (from its first to its last unit)."""
        units, body = (self.units_a, self.text_a) if side == "a" else (self.units_b, self.text_b)
        return body[units[ids[0]].start : units[ids[-1]].end]

    def passages(self, a: tuple[int, ...], b: tuple[int, ...]) -> tuple[Passage, Passage]:
        """The two sides of a candidate pair as detector input (with their articles)."""
        return passages(
            self.text("a", a),
            self.text("b", b),
            self.mentions,
            article_a=self.text_a,
            article_b=self.text_b,
        )

    def judge(
        self, a: tuple[int, ...], b: tuple[int, ...]
    ) -> tuple[tuple[tuple[DiffOp, str], ...], tuple[Conflict, ...]]:
        """The word diff and the conflicts of units `a` of A against units `b` of B."""
        key = (a, b)
        found = self._seen.get(key)
        if found is None:
            pa, pb = self.passages(a, b)
            if self.langs is not None and self.langs.differ:
                found = ((), cross_conflicts(pa, pb, self.langs))
            else:
                diff = word_diff(pa.text, pb.text)
                found = (diff, detect_all(pa, pb, diff))
            self._seen[key] = found
        return found

    def is_divergent(self, i: int, j: int) -> bool:
        """Whether unit i of A and unit j of B disagree on a detail in a slot both surely share.

        Asked of pairs scoring under the threshold (`align`): the conflict
        alone does not show that they tell one claim, so its slot must be
        pinned down on both sides (`conflicts.firm`).
        """
        found = self.judge((i,), (j,))[1]
        return any(is_material(c) for c in found) and firm(*self.passages((i,), (j,)), found)

    def is_consistent(self, i: int, j: int) -> bool:
        """Whether unit i of A and unit j of B have no conflict and no differing count."""
        # A material kind kept low (a prospect against its denial) counts too.
        if any(c.kind in MATERIAL_KINDS for c in self.judge((i,), (j,))[1]):
            return False
        return not counts_differ(self.units_a[i].text, self.units_b[j].text)

    def is_paraphrase(self, i: int, j: int) -> bool:
        """Whether unit i of A and unit j of B tell one claim in other words, without conflict."""
        if not self.is_consistent(i, j):
            return False
        a, b = self.units_a[i].text, self.units_b[j].text
        return tells_same_claim(a, b, self.text_a, self.text_b)


def compare(
    text_a: str,
    text_b: str,
    *,
    idf: IdfTable | None = None,
    title_a: str = "",
    title_b: str = "",
    backend: SimilarityBackend | None = None,
    threshold: float = ALIGN_THRESHOLD,
    published_a: str | None = None,
    published_b: str | None = None,
    aliases: AliasPairs = (),
    language_a: str | None = None,
    language_b: str | None = None,
) -> Comparison:
    """Compare two texts; see `library.compare.compare_texts` for the arguments."""
    # Same length: offsets into the blanked texts are offsets into the bodies.
    text_a, text_b = blank_controls(text_a), blank_controls(text_b)
    langs = languages(text_a, text_b, language_a, language_b)
    langs = langs._replace(by_meaning=getattr(backend, "embed", None) is not None)
    if langs.differ:  # words cannot line up: meaning and anchors instead
        cross = CrossBackend.around(backend, langs)
        backend, threshold = cross, cross.threshold
    # 1-2. Segment, terms, word weights.
    units_a, units_b = segment(text_a), segment(text_b)
    terms_a = [unit_terms(u.text) for u in units_a]
    terms_b = [unit_terms(u.text) for u in units_b]
    if aliases:  # taught aliases: every form of a name gets the words of the first
        taught = TaughtAliases(aliases)
        terms_a = [taught.rewrite_terms(u.text, t) for u, t in zip(units_a, terms_a, strict=True)]
        terms_b = [taught.rewrite_terms(u.text, t) for u, t in zip(units_b, terms_b, strict=True)]
    if idf is None:
        idf = IdfTable.from_term_lists([*terms_a, *terms_b])
    # 5. Mentions first: the aligner's divergence test already runs the detectors.
    mentions = Mentions.build(text_a, text_b, aliases=aliases)
    candidates = Candidates(units_a, units_b, text_a, text_b, mentions, langs)
    # 3. Score and align.
    matches = align(
        terms_a,
        terms_b,
        idf,
        backend=backend,
        threshold=threshold,
        texts_a=[u.text for u in units_a],
        texts_b=[u.text for u in units_b],
        is_divergent=candidates.is_divergent,
        is_paraphrase=candidates.is_paraphrase,
        is_consistent=candidates.is_consistent,
    )
    # 4, 6, 7. Word diff, conflicts and relation of each aligned pair.
    pairs = [p for m in matches if (p := _pair(m, candidates, threshold)) is not None]
    # 7. Claims that sentences not aligned as a whole tell differently.
    # A pair let in under the threshold as a paraphrase does not keep its units
    # from a surer claim across sentences (a count both state differently).
    # Across languages there are no shared words to anchor such claims.
    if not langs.differ:
        held = [p for p in pairs if not (p.relation == "same" and p.score < threshold)]
        pairs = _displaced(pairs, cross_pairs(candidates, terms_a, terms_b, held, idf))
        # A named person's number told two ways in sentences no pair joins (`slots.py`).
        pairs = _displaced(pairs, slot_pairs(candidates, pairs, terms_a, terms_b, idf))
    pairs.sort(key=lambda p: (p.a[0], p.b[0]))
    # 7. The learnt gate: a conflict it is unsure of is kept as a note, and its
    # pair shows as related (`conflict_gate.py`); it never makes a pair divergent.
    gate = conflict_gate.load()
    pairs = [
        conflict_gate.review(p, *candidates.passages(p.a, p.b), gate)
        if conflict_gate.reads(p)  # sides built only for the pairs it reads
        else p
        for p in pairs
    ]
    # 7. Material only where the two sentences tell one fact apart from the value.
    pairs = [
        materiality.review(p, *candidates.passages(p.a, p.b)) if materiality.reads(p) else p
        for p in pairs
    ]
    # 8. Summary.
    side_a, side_b = Side(title_a, units_a), Side(title_b, units_b)
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
        languages=langs,
        # 9. Lenses.
        lenses=build_lenses(
            units_a, units_b, paired, mentions, published_a=published_a, published_b=published_b
        ),
    )


def _displaced(pairs: list[Pair], new: list[Pair]) -> list[Pair]:
    """`pairs` without those that share a unit with a `new` pair, then `new`."""
    taken_a = {i for p in new for i in p.a}
    taken_b = {j for p in new for j in p.b}
    return [p for p in pairs if not (taken_a & set(p.a) or taken_b & set(p.b))] + new


def _pair(m: Match, candidates: Candidates, threshold: float) -> Pair | None:
    diff, conflicts = candidates.judge(m.a, m.b)
    if m.score < threshold and not m.paraphrase and not any(is_material(c) for c in conflicts):
        # Let in below the threshold for a conflict that a merge then diluted.
        return None
    via = "aligned" if m.score >= threshold or m.paraphrase else "aligned-low"
    # 7. A conflict too weakly anchored for a contradiction stays as a note
    # (the pair is then related, see `trust.py`).
    states: tuple[str, ...] = ()
    if m.score < NEGATION_MIN_SCORE and any(c.kind == "negation" for c in conflicts):
        states = tuple(c.explanation for c in degree.detect(*candidates.passages(m.a, m.b), diff))
    conflicts = gate(conflicts, via, m.score, states)
    # The ranking score mixes in how central each sentence is to the other
    # article, so a sentence found word for word in both read as "0.79";
    # a reader takes the score as likeness: the same words are 1.0.
    same_words = _words(candidates.units_a, m.a) == _words(candidates.units_b, m.b)
    return Pair(
        a=m.a,
        b=m.b,
        relation=classify(conflicts),
        score=1.0 if same_words else m.score,
        conflicts=conflicts,
        diff=diff,
        via=via,
    )


def _words(units: Sequence[Unit], ids: Sequence[int]) -> list[str]:
    return " ".join(units[i].text for i in ids).split()

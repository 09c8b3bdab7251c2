"""Similarity backends, and the one place where one is chosen by name.

* `lexical`: IDF-weighted word overlap (`similarity.LexicalBackend`); no model.
* `semantic` (the default): the lexical score mixed with the cosine of
  multilingual sentence embeddings (`SemanticBackend`).  Word overlap alone
  misses a fact told in other words ("has recently come out of the shadows" /
  "has also stepped into the spotlight"); the embedding lifts such pairs, while
  the lexical part keeps the word-order check and the precision of "same".

Each backend returns sparse gate and ranking scores (`similarity.Scores`) and
owns its thresholds (`threshold`, `candidate_floor`, `merge_floor`), which
`align` reads.  `make_backend(name)` builds one; when the model cannot be
loaded it falls back to the lexical backend and says so in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, NamedTuple, Protocol

import numpy as np
import numpy.typing as npt
from scipy import sparse

from library.chinese import is_chinese
from library.compare import language_mix, pair_score, paraphrase_head
from library.compare.clauses import ClauseScores
from library.compare.idf import IdfTable
from library.compare.similarity import (
    LEXICAL_MERGE_FLOOR,
    FloatMatrix,
    LexicalBackend,
    Scores,
    SimilarityBackend,
    refine,
)
from library.compare.support import same_story

BackendName = Literal["semantic", "lexical"]
BACKENDS: tuple[BackendName, ...] = ("semantic", "lexical")
DEFAULT_BACKEND: BackendName = "semantic"

#: Maps unit texts to unit-length vectors, one row per text (e.g. `embedding.load_encoder()`,
#: or a cache in front of it).
Embed = Callable[[Sequence[str]], npt.NDArray[Any]]
Vectors = npt.NDArray[np.float32]

# Share of the embedding cosine in the mixed score: 0.7 x lexical + 0.3 x cosine.
# Chosen on ECB+ dev and PAWS dev (benchmarks/eval_semantic.py); see
# benchmarks/RESULTS-compare.md.
MIX_WEIGHT = 0.3
# Alignment cut for the mixed score.  "Same" must be precise first, so the cut is the
# lowest tried that keeps false "same" on ECB+ hard negatives no higher than the lexical
# backend's (50 in 430 article pairs at 0.47 vs lexical 76; 0.42 gave 154, 0.45 gave 80).
# On the real divergence set it gives same precision 0.969 (lexical 0.947, 0.42: 0.863),
# at shared-fact recall 0.292 (lexical 0.333, 0.42: 0.466); the sample pair keeps 3 of
# its 7 shared facts as "same", as lexical does.  benchmarks/eval_threshold.py,
# RESULTS-compare.md "Choosing the semantic threshold".
SEMANTIC_THRESHOLD = 0.47
# Pairs whose mixed gate is below this are never considered.
SEMANTIC_FLOOR = 0.25
# Each other's best partner, with no conflict and the claim's words shared
# (`support.tells_same_claim`), aligns down to threshold - this: a fact told in
# other words ("has become more outspoken" / "has become unusually prominent").
# Real divergence set: shared-fact recall 0.300 -> 0.359 at same precision 0.951;
# ECB+ hard negatives 50 -> 72 false "same" (lexical 76); 0.1 gave less recall
# at lower precision.  RESULTS-compare.md, "Paraphrases under the threshold".
SEMANTIC_PARAPHRASE_MARGIN = 0.08
# Candidates whose mixed score is under this skip the word-order check (it would move
# them by under 4 %: the penalty ramps as (score / 0.7) ** 4).
REFINE_FROM = 0.3
# Ranking scores between two articles that share few of their names
# (`support.same_story`: different events of one kind) are scaled by this, so only
# a near-identical sentence is "same" there.  ECB+ hard negatives: false "same"
# 71 -> 65 (0.9) / 64 (0.8); the judged real pairs and the sample pair all share
# enough names, so nothing else moved.  RESULTS-compare.md, "Articles that share
# their names".
OTHER_STORY = 0.8


class Backend(SimilarityBackend, Protocol):
    """What `align` needs from a similarity backend."""

    name: str
    threshold: float
    candidate_floor: float
    merge_floor: float

    def scores(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> Scores:
        """Sparse gate and ranking scores for every (A unit, B unit) pair."""
        ...


class SemanticBackend:
    """`(1 - w) x lexical + w x cosine of sentence embeddings`, for gate and ranking alike.

    The gate mixes the plain word overlap with the cosine, so a paraphrase that
    shares few words can still clear the floor; the ranking score mixes the
    lexical ranking (story terms, centrality) with the same cosine.  A pair
    with no shared term becomes a candidate only if the cosine alone lifts it
    over the floor.

    Args:
        embed: texts -> unit-length vectors (cached or not).
        weight: the cosine's share `w`.
        threshold: alignment cut for the mixed score.
        candidate_floor: pairs whose mixed gate is below this are never considered.
        lexical: the lexical backend mixed in.
        paraphrase_margin: how far under `threshold` a supported paraphrase may
            align (see `align`).
        learned: rank candidates by the learned pair score (`pair_score.py`);
            None follows `pair_score.LEARNED` (off: see there).
        other_story: factor on the ranking scores of two articles that share few
            of their names (`support.same_story`); 1 turns it off.
        head: offer the learned paraphrase head's verdicts to `align`
            (`Scores.same`); off, or without its weights, the engine runs as before.
        clauses: offer `align` the best score of a clause of one unit against the
            other unit (`Scores.clause`, `clauses.py`).
    """

    name = "semantic"
    merge_floor = LEXICAL_MERGE_FLOOR

    def __init__(
        self,
        embed: Embed,
        *,
        weight: float = MIX_WEIGHT,
        threshold: float = SEMANTIC_THRESHOLD,
        candidate_floor: float = SEMANTIC_FLOOR,
        lexical: LexicalBackend | None = None,
        paraphrase_margin: float = SEMANTIC_PARAPHRASE_MARGIN,
        learned: bool | None = None,
        other_story: float = OTHER_STORY,
        head: bool = True,
        clauses: bool = True,
    ) -> None:
        self.embed = embed
        #: Offer `align` the learned paraphrase head's verdicts (`paraphrase_head.py`).
        self.head = head
        #: Offer `align` the clause scores of units (`clauses.py`).
        self.clauses = clauses
        #: Rank candidates by the learned pair score (`pair_score.py`) instead of the mix;
        #: the ranking scores are then final (`align` does not refine them again).
        self.learned = pair_score.LEARNED if learned is None else learned
        #: Ranking scores are scaled by this between articles that share few names.
        self.other_story = other_story
        self.weight = weight
        self.threshold = threshold
        self.candidate_floor = candidate_floor
        self.lexical = lexical or LexicalBackend()
        self.paraphrase_margin = paraphrase_margin

    def score_matrix(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> FloatMatrix:
        """The ranking scores as a dense matrix (older `SimilarityBackend` callers)."""
        out: FloatMatrix = self.scores(texts_a, texts_b, terms_a, terms_b, idf).rank.toarray()
        return out

    def scores(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> Scores:
        """Mixed gate and ranking scores (see the class docstring).

        Args:
            texts_a: unit texts of A (embedded).
            texts_b: unit texts of B.
            terms_a: content terms of each unit of A (lexical part).
            terms_b: content terms of each unit of B.
            idf: word weights.
        """
        mixed, cos, vectors = self._mixed(texts_a, texts_b, terms_a, terms_b, idf)
        if self.other_story < 1.0 and not same_story("\n".join(texts_a), "\n".join(texts_b)):
            # Two articles that share few of their names report different events of
            # one kind: only a near-identical sentence is the same fact there.
            mixed = Scores(mixed.gate, mixed.rank * self.other_story)
        head = paraphrase_head.load() if self.head else None
        # Vectors of another encoder (another width) are never read by the head.
        if head is not None and vectors is not None and head.reads(vectors[0]):
            mixed = mixed._replace(same=paraphrase_head.Verdicts(head, *vectors, texts_a, texts_b))
        if self.clauses and cos is not None:
            cosine = cos  # bound for the lambda (mypy: not Optional)
            mixed = mixed._replace(
                clause=ClauseScores(
                    texts_a, texts_b, idf, lambda i, j: float(cosine[i, j]), self.weight
                )
            )
        if not self.learned or cos is None:
            return mixed
        x, rows, cols, refined, zh = self._candidates(
            mixed, _wide(cos), texts_a, texts_b, terms_a, terms_b, idf
        )
        score = refined.copy()
        if len(rows):
            learned = pair_score.score(x, self.threshold)
            score[~zh] = learned[~zh]
        # Only candidates get a ranking score: `align` never looks at the others.
        return Scores(
            mixed.gate,
            sparse.csr_matrix((score, (rows, cols)), shape=mixed.rank.shape),
            mixed.same,
            mixed.clause,
        )

    @property
    def prerefined(self) -> bool:
        """Whether the ranking scores already carry the word-order check (learned mode)."""
        return self.learned

    def candidate_features(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> tuple[FloatMatrix, list[int], list[int]]:
        """Feature rows of the candidate pairs and their units (for `fit_pair_score.py`)."""
        mixed, cos, _ = self._mixed(texts_a, texts_b, terms_a, terms_b, idf)
        if cos is None:
            return np.zeros((0, len(pair_score.FEATURES))), [], []
        x, rows, cols, _, _ = self._candidates(
            mixed, _wide(cos), texts_a, texts_b, terms_a, terms_b, idf
        )
        return x, rows.tolist(), cols.tolist()

    def _candidates(
        self,
        mixed: Scores,
        cos: FloatMatrix,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> tuple[
        FloatMatrix, npt.NDArray[np.int_], npt.NDArray[np.int_], FloatMatrix, npt.NDArray[np.bool_]
    ]:
        """Candidates (gate over the floor): features, units, refined mix, Chinese flag."""
        gate = mixed.gate.tocoo()
        keep = gate.data >= self.candidate_floor
        rows, cols = gate.row[keep], gate.col[keep]
        rank = np.asarray(mixed.rank.tocsr()[rows, cols]).ravel() if len(rows) else np.zeros(0)
        lex = self.lexical.sparse_scores(terms_a, terms_b, idf).gate.tocsr()
        plain = np.asarray(lex[rows, cols]).ravel() if len(rows) else np.zeros(0)
        refined = np.array(
            [
                refine(float(r), terms_a[i], terms_b[j], idf) if r >= REFINE_FROM else float(r)
                for i, j, r in zip(rows.tolist(), cols.tolist(), rank.tolist(), strict=True)
            ]
        )
        zh_a = [is_chinese(t) for t in texts_a]
        zh_b = [is_chinese(t) for t in texts_b]
        zh = np.array(
            [zh_a[i] or zh_b[j] for i, j in zip(rows.tolist(), cols.tolist(), strict=True)],
            dtype=bool,
        )
        x = pair_score.features(
            texts_a,
            texts_b,
            rows.tolist(),
            cols.tolist(),
            refined.tolist(),
            plain.tolist(),
            cos[rows, cols].tolist(),
            pair_score.article_match(cos),
        )
        return x, rows, cols, refined, zh

    def _mixed(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> tuple[Scores, npt.NDArray[np.float32] | None, tuple[Vectors, Vectors] | None]:
        """The hand-set mix, the dense cosine matrix and the unit vectors (None without units)."""
        lex = self.lexical.sparse_scores(terms_a, terms_b, idf)
        shape = (len(texts_a), len(texts_b))
        if not texts_a or not texts_b:
            return lex, None, None
        w = self.weight
        ea = np.asarray(self.embed(texts_a), dtype=np.float32)
        eb = np.asarray(self.embed(texts_b), dtype=np.float32)
        cos = np.clip(ea @ eb.T, 0.0, 1.0)
        # Already CSR: no coo/csr round trip (each a copy of ~2 M entries at 50k words).
        rank = lex.rank.tocsr()
        rank.sort_indices()
        gate_csr = lex.gate.tocsr()
        gate_csr.sort_indices()
        # Same pattern in both (see `LexicalBackend.sparse_scores`).  int32 rows:
        # only indexes, and half the bytes over every shared pair.
        indptr, cols = gate_csr.indptr, gate_csr.indices
        rows = np.repeat(np.arange(shape[0], dtype=np.int32), np.diff(indptr))
        on_lex = cos[rows, cols].astype(np.float64)
        # Chinese pairs: more cosine, and word-order penalties (language_mix.py).
        views = language_mix.mix(
            texts_a,
            texts_b,
            rows,
            cols,
            (gate_csr.data, rank.data),
            on_lex,
            w,
            (terms_a, terms_b, idf),
        )
        # Pairs that share no term: only the cosine speaks for them.
        alone = cos >= self.candidate_floor / w if w > 0 else np.zeros(shape, dtype=bool)
        alone[rows, cols] = False
        # The lexical scores are mixed in: free them before the mix is laid out
        # (peak memory at 50k words, where nearly every pair shares a term).
        del rows, on_lex, lex, rank, gate_csr
        extra_r, extra_c = np.nonzero(alone)
        del alone
        extra = w * cos[extra_r, extra_c].astype(np.float64)
        gate, ranked = _with_extra(shape, indptr, cols, views, extra_r, extra_c, extra)
        mixed = Scores(gate, ranked)
        # float32 as computed: only the learned score reads it (as float64, `_wide`),
        # and a float64 copy is ~35 MB at 50k words.
        return mixed, cos, (ea, eb)


def _with_extra(
    shape: tuple[int, int],
    indptr: npt.NDArray[np.int_],
    cols: npt.NDArray[np.int_],
    views: Sequence[FloatMatrix],
    extra_r: npt.NDArray[np.int_],
    extra_c: npt.NDArray[np.int_],
    extra: FloatMatrix,
) -> list[sparse.csr_matrix]:
    """One CSR matrix per view: its values on the pattern (`indptr`, `cols`) plus the extra pairs.

    The same matrices as `csr_matrix((concat(view, extra), (concat(rows, extra_r),
    concat(cols, extra_c))))`, whose indices come out sorted within each row (scipy
    sums duplicates, so sorts; there are none here), without that COO round trip's
    copies of every index and value.  `cols` must be sorted within each row and
    `extra_r`/`extra_c` in row-major order (`np.nonzero`), disjoint from the pattern.
    """
    n = shape[0]
    extra_ptr = np.searchsorted(extra_r, np.arange(n + 1))
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.diff(indptr) + np.diff(extra_ptr), out=out_ptr[1:])
    size = int(out_ptr[-1])
    out_cols = np.empty(size, dtype=np.int32)
    outs = [np.empty(size, dtype=np.float64) for _ in views]
    for i in range(n):
        lo, hi, elo, ehi, o = indptr[i], indptr[i + 1], extra_ptr[i], extra_ptr[i + 1], out_ptr[i]
        end = out_ptr[i + 1]
        if elo == ehi:
            out_cols[o:end] = cols[lo:hi]
            for out, view in zip(outs, views, strict=True):
                out[o:end] = view[lo:hi]
            continue
        c = np.concatenate([cols[lo:hi], extra_c[elo:ehi]])
        order = np.argsort(c, kind="stable")
        out_cols[o:end] = c[order]
        for out, view in zip(outs, views, strict=True):
            out[o:end] = np.concatenate([view[lo:hi], extra[elo:ehi]])[order]
    # Each matrix its own index arrays, as before: neither may be changed through the other.
    return [
        sparse.csr_matrix(
            (out, out_cols if k == 0 else out_cols.copy(), out_ptr.copy()), shape=shape
        )
        for k, out in enumerate(outs)
    ]


def _wide(cos: npt.NDArray[np.float32]) -> FloatMatrix:
    """The cosine matrix as float64, as the learned score was fitted on."""
    out: FloatMatrix = cos.astype(np.float64)
    return out


class BackendChoice(NamedTuple):
    """The backend to use, and a one-line notice when it is not the one asked for."""

    backend: Backend
    notice: str | None = None


def make_backend(name: str = DEFAULT_BACKEND, *, embed: Embed | None = None) -> BackendChoice:
    """Build the backend called `name`; the semantic one falls back to lexical if its model fails.

    Args:
        name: "semantic" or "lexical".
        embed: the embedding function for "semantic" (e.g. a cache in front of
            the encoder); by default the bundled encoder, loaded on first use.

    Raises:
        ValueError: unknown name.
    """
    if name == "lexical":
        return BackendChoice(LexicalBackend())
    if name != "semantic":
        raise ValueError(f"unknown comparison backend {name!r}; choose from {', '.join(BACKENDS)}")
    if embed is None:
        from library.compare.embedding import ModelUnavailable, load_encoder

        try:
            embed = load_encoder()
        except ModelUnavailable as exc:
            return fallback(exc)
    return BackendChoice(SemanticBackend(embed))


def fallback(reason: Exception) -> BackendChoice:
    """The lexical backend, with the one line that tells the user why."""
    return BackendChoice(
        LexicalBackend(), f"Semantic matching is off ({reason}); comparing by shared words only."
    )

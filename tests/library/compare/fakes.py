"""A tiny stand-in for the sentence encoder, so unit tests never load the real model."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

DIM = 32


class FakeEncoder:
    """Deterministic unit vectors: a hashed bag of words, or a vector chosen per text.

    Args:
        same_meaning: groups of texts that must get the same vector (paraphrases).
    """

    model_id = "fake-1"

    def __init__(self, same_meaning: Sequence[Sequence[str]] = ()) -> None:
        self.calls: list[list[str]] = []
        self.fixed: dict[str, npt.NDArray[np.float32]] = {}
        for k, group in enumerate(same_meaning):
            v = np.zeros(DIM, dtype=np.float32)
            v[k % DIM] = 1.0
            for text in group:
                self.fixed[text] = v

    @property
    def encoded(self) -> int:
        return sum(len(c) for c in self.calls)

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for r, text in enumerate(texts):
            if text in self.fixed:
                out[r] = self.fixed[text]
                continue
            for word in text.lower().split():
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
                out[r, h % DIM] += 1.0
            norm = float(np.linalg.norm(out[r]))
            if norm:
                out[r] /= norm
        return out

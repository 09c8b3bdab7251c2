"""Alignment, the JSON contract, determinism, the report and the two sample articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from library.article import Article
from library.compare import Comparison, IdfTable, compare_articles, compare_texts
from library.compare.report import render_report
from library.compare.worddiff import word_diff

REPO = Path(__file__).resolve().parents[3]

A_TEXT = (
    "Flood Waters Rise in Riverton\n\n"
    "The mayor of Riverton ordered the evacuation of the harbour district on Sunday. "
    "Officials opened three shelters at local schools. "
    "Engineers inspected the old stone bridge over the Miller river. "
    "A bakery owner said business had never been worse."
)
B_TEXT = (
    "Engineers spent the afternoon inspecting the old stone bridge across the Miller river. "
    "A football match was postponed. "
    "On Sunday the Riverton mayor ordered the harbour district evacuated."
)


def test_out_of_order_matches() -> None:
    c = compare_texts(A_TEXT, B_TEXT)
    got = {(p.a, p.b) for p in c.pairs}
    assert ((1,), (2,)) in got  # mayor / evacuation: first in A, last in B
    assert ((3,), (0,)) in got  # bridge inspection: late in A, first in B
    assert 1 in c.only_b  # the football match is only in B
    assert 0 in c.only_a  # the headline
    assert all(p.relation == "same" for p in c.pairs)


def test_one_unit_matches_two_shorter_units() -> None:
    a = (
        "The court sentenced the former warehouse manager to seven years in prison "
        "for selling hundreds of restricted specialised devices online."
    )
    b = (
        "The weather was mild. The court sentenced the former warehouse manager to seven years "
        "in prison. He had sold hundreds of restricted specialised devices online."
    )
    c = compare_texts(a, b)
    assert [(p.a, p.b) for p in c.pairs] == [((0,), (1, 2))]
    assert c.only_b == (0,)


def test_same_words_different_case_is_not_same() -> None:
    a = "A retired employee of a classified unit leaked confidential information on November 9."
    b = "A retired employee of a classified unit leaked confidential information on October 13."
    c = compare_texts(a, b)
    assert [p.relation for p in c.pairs] == ["divergent"]
    assert [(k.kind, k.a, k.b) for k in c.pairs[0].conflicts] == [
        ("date", "November 9", "October 13")
    ]


def test_deterministic() -> None:
    first = json.dumps(compare_texts(A_TEXT, B_TEXT).to_dict(), sort_keys=True)
    for _ in range(3):
        assert json.dumps(compare_texts(A_TEXT, B_TEXT).to_dict(), sort_keys=True) == first


def test_to_dict_schema() -> None:
    d = compare_texts(A_TEXT, B_TEXT, title_a="Ta", title_b="Tb").to_dict()
    assert set(d) == {"a", "b", "pairs", "only_a", "only_b", "summary", "lenses", "languages"}
    assert d["languages"] == {"a": "en", "b": "en", "crosslingual": False, "by_meaning": False}
    assert d["a"]["title"] == "Ta"
    for side, text in (("a", A_TEXT), ("b", B_TEXT)):
        for u in d[side]["units"]:
            assert set(u) == {"id", "text", "start", "end"}
            assert text[u["start"] : u["end"]] == u["text"]
    assert d["pairs"]
    for p in d["pairs"]:
        assert set(p) == {"a", "b", "relation", "score", "conflicts", "diff"}
        assert p["relation"] in {"same", "divergent"}
        assert isinstance(p["score"], float)
        for op, text in p["diff"]:
            assert op in (-1, 0, 1)
            assert isinstance(text, str)
    s = d["summary"]
    assert set(s) == {
        "shared",
        "divergent",
        "related",
        "only_a",
        "only_b",
        "overlap_a",
        "overlap_b",
    }
    assert s["shared"] + s["divergent"] == len(d["pairs"])
    assert s["only_a"] == len(d["only_a"])
    assert 0.0 <= s["overlap_a"] <= 1.0
    json.dumps(d)  # plain JSON types only


def test_empty_and_unrelated_inputs() -> None:
    assert compare_texts("", "").to_dict()["pairs"] == []
    c = compare_texts("Cats sleep all day.", "The bond market rallied.")
    assert c.pairs == ()
    assert c.only_a == (0,)
    assert c.summary.overlap_a == 0.0


def test_compare_articles_and_library_idf() -> None:
    a = Article(title="One", body=A_TEXT)
    b = Article(title="Two", body=B_TEXT)
    idf = IdfTable.from_texts([A_TEXT, B_TEXT, "The mayor spoke. The river rose."])
    c = compare_articles(a, b, idf=idf)
    assert c.a.title == "One"
    assert c.summary.shared >= 2


def test_word_diff_round_trips() -> None:
    a = "The mayor ordered the evacuation on Sunday."
    b = "On Sunday the mayor ordered an evacuation."
    d = word_diff(a, b)
    assert "".join(t for op, t in d if op <= 0) == a
    assert "".join(t for op, t in d if op >= 0) == b
    assert all(op in (-1, 0, 1) for op, _ in d)


def test_report_plain_and_colour() -> None:
    c = compare_texts(
        A_TEXT + " Rescuers found 12 survivors on Tuesday.",
        B_TEXT + " Rescuers found 15 survivors on Tuesday.",
        title_a="Riverton Daily",
    )
    plain = render_report(c, color=False)
    assert "\x1b[" not in plain
    for heading in ("Shared facts", "Divergent claims", "Only in A", "Only in B"):
        assert heading in plain
    assert "Riverton Daily" in plain
    # Each conflict is one line: kind, then the engine's explanation with what is counted.
    assert "≠ number: A: 12 survivors · B: 15 survivors" in plain
    coloured = render_report(c, color=True)
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).count("Shared facts") == 1


# --- the two sample articles ------------------------------------------------------------


def _sample(marker: str) -> str | None:
    candidates = sorted((REPO / "resources" / "articles").glob("*"))
    candidates += sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    for path in candidates:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):  # Markdown front matter
            end = text.find("\n---", 3)
            text = text[end + 4 :] if end > 0 else text
        if marker in text:
            return text
    return None


@pytest.fixture(scope="module")
def samples() -> Comparison:
    a = _sample("The current director of the Central Confidentiality Office")
    b = _sample("Li Zhaozong serves as the current director")
    # The samples ship in resources/articles: a skip here would hide every test below.
    assert a is not None and b is not None, "sample articles not found"
    return compare_texts(a, b)


def _pair_for(c: Comparison, text_a: str) -> tuple[str, list[str]]:
    for p in c.pairs:
        if any(text_a in c.a.units[i].text for i in p.a):
            return p.relation, [c.b.units[j].text for j in p.b]
    return "unaligned", []


def test_samples_director_is_shared(samples: Comparison) -> None:
    relation, b = _pair_for(samples, "The current director of the Central Confidentiality Office")
    assert relation == "same"
    assert any(t.startswith("Li Zhaozong serves as the current director") for t in b)


def test_samples_one_institution_is_shared(samples: Comparison) -> None:
    relation, b = _pair_for(samples, "are two names for one institution")
    assert relation == "same"
    assert any("operate as two entities under one institution" in t for t in b)


@pytest.mark.xfail(
    strict=False,
    reason="lexical score 0.39 < 0.42: it aligned only because a negation count "
    "('no longer' vs none) was taken for a conflict; the semantic score lifts it",
)
def test_samples_commentator_is_shared(samples: Comparison) -> None:
    relation, b = _pair_for(samples, "Current affairs commentator Li Linyi told Dajiyuan")
    assert relation == "same"
    assert any("Li Linyi remarked to Dajiyuan" in t for t in b)


def test_samples_different_cases_are_not_the_same_fact(samples: Comparison) -> None:
    # A: a retired employee leaked secrets (November 9); B: a warehouse manager sold
    # equipment (October 13).  Many shared words, different cases.
    relation, _ = _pair_for(samples, "a retired employee of a classified unit")
    assert relation != "same"
    relation, _ = _pair_for(samples, "an employee of a state-owned enterprise was arrested")
    assert relation != "same"


def test_samples_summary(samples: Comparison) -> None:
    s = samples.summary
    assert s.shared >= 3
    assert 0.0 < s.overlap_a < 0.5
    assert s.only_b > s.only_a  # B is the longer article


def test_pluggable_backend() -> None:
    from library.compare import EmbeddingBackend

    vocab = ["mayor", "evacuat", "bridge", "football"]

    def encode(texts: list[str]) -> list[list[float]]:
        # A toy "embedding": which topic words occur; enough to drive the aligner.
        return [[1.0 if w in t.lower() else 0.0 for w in vocab] + [0.01] for t in texts]

    c = compare_texts(A_TEXT, B_TEXT, backend=EmbeddingBackend(encode), threshold=0.9)
    got = {(p.a, p.b) for p in c.pairs}
    assert ((3,), (0,)) in got  # bridge
    assert all(0.0 <= p.score <= 1.0 for p in c.pairs)


def test_deterministic_across_hash_seeds() -> None:
    import os
    import subprocess
    import sys

    code = (
        "import json, sys; from library.compare import compare_texts; "
        "a, b = json.load(sys.stdin); "
        "print(json.dumps(compare_texts(a, b).to_dict(), sort_keys=True))"
    )
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps([A_TEXT, B_TEXT]),
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            check=True,
        )
        outs.add(run.stdout)
    assert len(outs) == 1


def test_lower_scoring_pair_aligns_when_it_diverges() -> None:
    # A changed number costs shared words, so two versions of one claim may score
    # a little under the threshold; a material conflict lets them align anyway.
    a = "Rescuers pulled 12 survivors from the collapsed school in Riverton on Tuesday."
    b = "On Tuesday, rescue teams freed 15 survivors from the ruins of the Riverton school."
    score = compare_texts(a, b).pairs[0].score
    c = compare_texts(a, b, threshold=score + 0.03)
    assert [p.relation for p in c.pairs] == ["divergent"]
    assert ("number", "12", "15") in [(k.kind, k.a, k.b) for k in c.pairs[0].conflicts]
    # Too far below the threshold to align as one sentence, but the two still
    # count survivors in the same town: reported as a claim told differently
    # across sentences (engine v2), no longer dropped.
    far = compare_texts(a, b, threshold=score + 0.1).pairs
    assert [(p.relation, [k.kind for k in p.conflicts]) for p in far] == [("divergent", ["number"])]


def test_merged_pair_score_stays_within_one() -> None:
    # The merge adds half the overlap gained to the pair's score; the contract says 0-1.
    import numpy as np

    from library.compare.match import Match
    from library.compare.merge import merge_neighbours

    idf = IdfTable.from_term_lists([["bridg"], ["flood"]])
    merged = merge_neighbours(
        [Match((0,), (0,), 0.99)],
        np.ones((2, 1)),
        [["bridg"], ["flood"]],
        [["bridg", "flood"]],
        idf,
        {0: 0},
        {0: 0},
    )
    assert [(m.a, m.b) for m in merged] == [((0, 1), (0,))]
    assert merged[0].score == 1.0


def test_colour_report_keeps_a_pair_across_paragraphs_on_one_line() -> None:
    c = compare_texts(
        "The mayor met the council.\n\nThe council approved the new budget.",
        "The mayor met the council and the council approved the new budget.",
    )
    assert [(p.a, p.b) for p in c.pairs] == [((0, 1), (0,))]
    lines = re.sub(r"\x1b\[[0-9;]*m", "", render_report(c, color=True)).splitlines()
    assert "    A: The mayor met the council. The council approved the new budget." in lines


def test_embedding_backend_leaves_the_encoders_arrays_alone() -> None:
    import numpy as np

    from library.compare import EmbeddingBackend

    cached = np.array([[3.0, 4.0]])
    backend = EmbeddingBackend(lambda texts: cached)
    idf = IdfTable.from_term_lists([])
    assert backend.score_matrix(["x"], ["y"], [["x"]], [["y"]], idf)[0, 0] == 1.0
    assert cached.tolist() == [[3.0, 4.0]]


def test_a_sentence_found_word_for_word_in_both_scores_one() -> None:
    # The ranking score mixes in each sentence's centrality, so an article
    # compared with itself showed "score 0.79" for identical sentences.
    text = (
        "The council approved the budget on Monday. "
        "Critics said the plan cuts library hours. "
        "The mayor will sign it next week."
    )
    result = compare_texts(text, text)
    assert len(result.pairs) == 3
    assert all(p.score == 1.0 and p.relation == "same" for p in result.pairs)
    other = compare_texts(text, text.replace("Monday", "Tuesday"))
    changed = next(p for p in other.pairs if p.a == (0,))
    assert changed.score < 1.0

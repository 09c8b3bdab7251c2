"""The conflict gate: a learnt check that demotes an unsure conflict to a note.

Sentences are made up (no eval text), shaped like the judged proposals of
`benchmarks/divergence_set/pool.jsonl`.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from library.compare import compare_texts, conflict_gate
from library.compare.detectors import passages
from library.compare.model import Conflict, Pair
from tests.helpers import load_benchmark

REPO = Path(__file__).resolve().parents[3]

SAME_SLOT = (
    "Prosecutors filed a 48-page indictment against Dana Whitcombe on Tuesday in Harlow.",
    "Prosecutors filed a 47-page indictment against Dana Whitcombe on Tuesday in Harlow.",
)
# B's count is another quarterback's; A's "He" is the starter named a sentence before.
OTHER_OWNER = (
    "Corin Ashby threw for 280 yards as the Larks beat Pelham 31-17 on Sunday.\n"
    "He has 22 touchdown passes this season.",
    "The Larks beat Pelham 31-17 on Sunday behind Corin Ashby.\n"
    "Tomas Reid, the Larks' other quarterback, has 9 touchdown passes this season and was "
    "not used.",
)


def _fit_script() -> ModuleType:
    return load_benchmark("fit_conflict_gate")


def test_fitted_file_loads() -> None:
    gate = conflict_gate.load()
    assert gate is not None
    assert len(gate.weights) == len(gate.means) == len(conflict_gate.FEATURES)
    assert 0.0 < gate.threshold < 1.0


def test_a_file_for_other_features_is_not_used(tmp_path: Path) -> None:
    data = json.loads(conflict_gate.PARAMETERS.read_text(encoding="utf-8"))
    data["features"] = ["bias", "something else"]
    other = tmp_path / "gate.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    assert conflict_gate.load(other) is None
    assert conflict_gate.load(tmp_path / "missing.json") is None


def test_features_of_a_same_slot_conflict() -> None:
    a, b = passages(*SAME_SLOT)
    c = Conflict("number", "48", "47", explanation="A: 48-page indictment · B: 47-page indictment")
    bias, overlap, window, head_same, pronoun = conflict_gate.features(c, a, b)
    assert bias == 1.0
    assert overlap == 0.8  # the same content words but the two numbers (8 of 10)
    assert window == 1.0  # the same words either side of the value
    assert head_same == 1.0  # both count pages of an indictment
    assert pronoun == 0.0


def test_features_of_a_look_alike_told_of_someone_else() -> None:
    a, b = passages(
        "He has 22 touchdown passes this season.",
        "Tomas Reid, the other quarterback, has 9 touchdown passes and was not used.",
    )
    c = Conflict("number", "22", "9", explanation="A: 22 touchdown passes · B: 9 touchdown passes")
    _, overlap, window, head_same, pronoun = conflict_gate.features(c, a, b)
    assert pronoun == 1.0  # A's owner is named in another sentence
    assert head_same == 1.0  # the same thing counted ...
    assert overlap < 0.5  # ... in sentences told differently
    assert window < 1.0


def test_a_clear_same_slot_conflict_stays_divergent() -> None:
    pairs = compare_texts(*SAME_SLOT).pairs
    assert [p.relation for p in pairs] == ["divergent"]
    assert [c.material for c in pairs[0].conflicts] == [True]


def test_a_look_alike_with_another_owner_is_demoted_and_explained() -> None:
    pairs = compare_texts(*OTHER_OWNER).pairs
    counted = [p for p in pairs if any(c.kind == "number" for c in p.conflicts)]
    assert [p.relation for p in counted] == ["related"]
    (note,) = counted[0].conflicts
    assert not note.material
    assert note.explanation.startswith("A: 22 touchdown passes · B: 9 touchdown passes (")
    assert "its owner is named in another sentence" in note.explanation


def test_the_look_alike_was_divergent_before_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    # The gate, not a rule, makes the difference above.
    monkeypatch.setattr(conflict_gate, "load", lambda: None)
    relations = [p.relation for p in compare_texts(*OTHER_OWNER).pairs]
    assert "divergent" in relations


def test_review_only_demotes() -> None:
    a, b = passages(*SAME_SLOT)
    gate = conflict_gate.Gate((-50.0, 0.0, 0.0, 0.0, 0.0), 0.5, (1.0, 0.0, 0.0, 0.0, 0.0))
    note = Conflict("attribution", "police", "the mayor", severity="low")
    same = Pair((0,), (0,), "same", 0.9, (note,), ())
    assert conflict_gate.review(same, a, b, gate) is same
    high = Conflict("number", "48", "47")
    out = conflict_gate.review(Pair((0,), (0,), "divergent", 0.9, (high, note), ()), a, b, gate)
    assert out.relation == "related"
    assert [c.material for c in out.conflicts] == [False, False]
    assert out.conflicts[1] == note


def test_fit_script_reproduces_the_shipped_parameters() -> None:
    fit = _fit_script()
    rows, x = fit.read_table(fit.TABLE)
    made = fit.fit_table(rows, x)
    shipped = json.loads(conflict_gate.PARAMETERS.read_text(encoding="utf-8"))
    assert made == shipped


def test_fit_on_a_tiny_synthetic_table() -> None:
    fit = _fit_script()
    rng = np.random.default_rng(0)
    signal = rng.random(200)
    y = (signal + 0.3 * rng.random(200) > 0.8).astype(float)
    x = np.column_stack([np.ones(200), signal])
    beta = fit.fit(x, y, np.ones(200), 0.1)
    assert beta[1] > 0  # the feature that tells real from false gets a positive weight
    again = fit.fit(x, y, np.ones(200), 0.1)
    assert np.array_equal(beta, again)  # deterministic
    prob = 1 / (1 + np.exp(-(x @ beta)))
    keys = [str(k) for k in range(200)]
    t = fit.choose_threshold(prob, y, keys, 0.8)
    real, kept, _ = fit.pair_precision(prob, y, keys, t)
    assert real / kept >= 0.8
    # The lowest such threshold: one step lower falls under the target.
    lower = max(p for p in prob if p < t)
    real, kept, _ = fit.pair_precision(prob, y, keys, lower)
    assert real / kept < 0.8


def test_a_claim_across_sentences_is_not_read() -> None:
    # Told in two different sentences by construction: little overlap says
    # nothing there, and `crossing.py` gates it where it is made.
    a, b = passages(*SAME_SLOT)
    gate = conflict_gate.Gate((-50.0, 0.0, 0.0, 0.0, 0.0), 0.5, (1.0, 0.0, 0.0, 0.0, 0.0))
    crossed = Pair(
        (0,), (0,), "divergent", 0.2, (Conflict("number", "48", "47"),), (), "cross-name"
    )
    assert conflict_gate.review(crossed, a, b, gate) is crossed

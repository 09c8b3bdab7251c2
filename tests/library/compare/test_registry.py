"""One registry of detectors, one table of kinds: the engine needs no change to add one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from library.compare import compare_texts, detectors
from library.compare.detectors import REGISTRY, Passage, detect_all, passages
from library.compare.kinds import MATERIAL_KINDS, SEVERITY, conflict, is_material
from library.compare.model import Conflict


def test_every_detector_is_registered_once() -> None:
    assert len(set(REGISTRY)) == len(REGISTRY)
    names = {f"{d.__module__.rsplit('.', 1)[-1]}.{d.__name__}" for d in REGISTRY}
    assert {"dates.detect", "numbers.detect", "names.detect", "negation.detect"} <= names
    assert {"speech.detect_attribution", "speech.detect_quote"} <= names


def test_kinds_severity_and_material_in_one_place() -> None:
    assert {"number", "date", "negation", "entity"} == MATERIAL_KINDS
    assert SEVERITY["attribution"] == SEVERITY["quote"] == "low"
    c = conflict("quote", "x", "y")
    assert (c.severity, c.material, is_material(c)) == ("low", False, False)
    assert conflict("number", "5", "6", context_a="5 buses").explanation == "A: 5 buses · B: 6"


def test_a_new_detector_needs_only_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    def detect_colour(a: Passage, b: Passage, diff: object) -> Iterator[Conflict]:
        if "red" in a.text and "blue" in b.text:
            yield conflict("other", "red", "blue", severity="high")

    monkeypatch.setattr(detectors, "REGISTRY", (*REGISTRY, detect_colour))
    c = compare_texts(
        "The mayor painted the old bridge red.", "The mayor painted the old bridge blue."
    )
    assert [p.relation for p in c.pairs] == ["divergent"]
    assert [k.kind for k in c.pairs[0].conflicts] == ["other"]


def test_repeated_conflicts_are_reported_once() -> None:
    a, b = passages("Sales rose 5% in May.", "Sales rose 8% in May.")
    found = detect_all(a, b, ())
    assert len(found) == len(set(found)) == 1


def test_conflicts_are_computed_once_per_candidate_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    real = detectors.detect_all

    def counting(a: Passage, b: Passage, diff: object) -> tuple[Conflict, ...]:
        calls.append((a.text, b.text))
        return real(a, b, diff)  # type: ignore[arg-type]

    monkeypatch.setattr("library.compare.engine.detect_all", counting)
    compare_texts(
        "Rescuers pulled 12 survivors from the collapsed school in Riverton on Tuesday.",
        "On Tuesday, rescue teams freed 15 survivors from the ruins of the Riverton school.",
    )
    assert calls and len(calls) == len(set(calls))

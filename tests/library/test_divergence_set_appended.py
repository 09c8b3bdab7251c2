"""Judged engine proposals are appended as new lines: the scorer merges a pair's lines."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import load_benchmark


def _scorer() -> ModuleType:
    return load_benchmark("eval_real_divergence")


def _line(a: int, b: int, label: str = "same") -> str:
    lab = {"a": a, "b": b, "label": label, "note": "n", "by": "read"}
    return json.dumps({"split": "dev", "doc_a": "1_1ecb", "doc_b": "1_2ecb", "labels": [lab]})


def test_a_pair_on_two_lines_gets_the_labels_of_both(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_text(_line(1, 2) + "\n" + _line(3, 4, "related") + "\n", encoding="utf-8")
    judged = _scorer().read_judgments(path)
    assert set(judged[("dev", "1_1ecb", "1_2ecb")]) == {(1, 2), (3, 4)}


def test_one_sentence_pair_labelled_on_two_lines_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_text(_line(1, 2) + "\n" + _line(1, 2, "related") + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="labelled twice"):
        _scorer().read_judgments(path)

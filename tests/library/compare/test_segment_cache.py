"""Segmentation compiles pysbd's rules once, not on every call."""

from __future__ import annotations

import re

import pytest

from library.compare.segment import segment, split_sentences

TEXT = (
    "Dr. Smith met Gov. Jones in St. Louis on Jan. 5 at 3 p.m. to discuss the U.S. budget. "
    "They agreed on nothing! Mr. Li asked: why? Prof. Wang of the Univ. of Tokyo said no. "
    "The Nov. 9 meeting in Washington, D.C. ended early, said Sen. Brown (R-Ohio)."
)


def test_second_segmentation_compiles_no_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    segment(TEXT)  # first use compiles pysbd's rules
    split_sentences.cache_clear()
    compiled: list[object] = []
    original = re._compiler.compile  # type: ignore[attr-defined]

    def counting(pattern: object, flags: int = 0) -> object:
        compiled.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", counting)  # type: ignore[attr-defined]
    re.purge()  # re's own small cache does not count
    units = segment(TEXT + " One more sentence about Dr. Who.")
    assert compiled == []
    assert [u.text for u in units][:2] == [
        "Dr. Smith met Gov. Jones in St. Louis on Jan. 5 at 3 p.m. to discuss the U.S. budget.",
        "They agreed on nothing!",
    ]


def test_offsets_still_point_into_the_text() -> None:
    split_sentences.cache_clear()
    for unit in segment(TEXT):
        assert TEXT[unit.start : unit.end] == unit.text

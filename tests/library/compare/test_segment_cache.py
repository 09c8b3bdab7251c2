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


# Lines where abbreviations' letters occur with and without a period after them,
# in several cases, next to the letters that `re.IGNORECASE` folds to ASCII.
LINES = [
    TEXT,
    "The first state to vote was Ariz. and no one said no. No. 5 was next, st. 9.",
    "ST. LOUIS — The Gen. told CO. officers at 10 a.m. that the Corp. was fine.",
    "He lives on Main St. near the Ft. Worth exit, e.g. the one by Mt. Hood i.e. there.",
    "A \u212aelvin reading: Dr. \u017fmith and \u0130stanbul's Prof. \u0131lker met Capt. Ahab.",
    "Nothing here is abbreviated at all, and the sentence ends plainly.",
    "Art. 5 of the Const. says: Sept. 11, Vol. 3, pp. 4-5. Fig. 2 shows it.",
]


def test_abbreviation_pass_gives_pysbds_own_text() -> None:
    """The shortcut (abbreviations with no period after them skipped) changes no output."""
    from pysbd.lang.english import English

    from library.compare import segment as segment_module

    replacer = segment_module.pysbd.abbreviation_replacer.AbbreviationReplacer
    for line in LINES:
        ours = replacer(line, English).search_for_abbreviations_in_string(line)
        theirs = segment_module._original_search(replacer(line, English), line)
        assert ours == theirs


def test_abbreviations_without_a_period_run_no_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "st" inside "first" or "state" (no "st." anywhere) costs no findall any more."""
    from pysbd.lang.english import English

    from library.compare import segment as segment_module

    calls: list[object] = []
    real = segment_module._RE.findall

    def counting(pattern: object, *args: object, **kwargs: object) -> object:
        calls.append(pattern)
        return real(pattern, *args, **kwargs)

    monkeypatch.setattr(segment_module._RE, "findall", counting)
    line = "The first state to ratify it was the last one to fix its costs and its stats."
    replacer = segment_module.pysbd.abbreviation_replacer.AbbreviationReplacer
    assert replacer(line, English).search_for_abbreviations_in_string(line) == line
    assert calls == []


def test_a_full_method_cache_starts_again_with_the_same_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    segment_module = importlib.import_module("library.compare.segment")
    split_sentences.cache_clear()
    expected = [(u.start, u.end) for u in segment(TEXT)]
    monkeypatch.setattr(segment_module, "_METHODS", 2)  # emptied on nearly every call
    split_sentences.cache_clear()
    assert [(u.start, u.end) for u in segment(TEXT)] == expected
    split_sentences.cache_clear()

"""Long runs of capitals in the speaker and home-town readers (fix16).

A name pattern without a left boundary was tried from every capital of a run
("KKKK…", "Ab-Ab-…", "'O'O…"), each time reading to the run's end: quadratic.
Starts are now taken only near a run's start (`capital_near_run_start`).  The
texts are invented; the tests check what is read, never how fast.
"""

from __future__ import annotations

import re

import pytest

from library.compare.detectors import hometown, speech
from library.compare.detectors.hometown import Home, homes
from library.compare.detectors.speech import speakers
from library.compare.detectors.text import RUN_DEPTH

_RUN = "K" * 4000
# The lookbehind that bounds where a name may start; without it, each pattern
# is the unbounded one it replaced.
_BOUND = re.compile(r"\(\?<!\[[^\]]*\]\{" + str(RUN_DEPTH + 1) + r"\}\)")


def _unbounded(rx: re.Pattern[str]) -> re.Pattern[str]:
    assert _BOUND.search(rx.pattern), rx.pattern
    return re.compile(_BOUND.sub("", rx.pattern))


def _unbounded_shape(rx: re.Pattern[str]) -> re.Pattern[str]:
    return _unbounded(rx) if _BOUND.search(rx.pattern) else rx


def test_a_run_of_4000_capitals_reads_as_it_did() -> None:
    assert speakers(f"{_RUN} went home after the vote in Dunmere.") == []
    assert speakers(f"{_RUN} said the bridge would close.") == [_RUN]
    assert speakers(f"{_RUN}. Tomas Verell said the bridge would close.") == [
        f"{_RUN}. Tomas Verell"
    ]
    assert homes(f"{_RUN} went home after the vote in Dunmere.") == []
    assert homes(f"{_RUN}. Ivo Brandt, 34, of Kellerton, was charged.") == [
        Home("Kellerton", False, "Ivo Brandt", "34", "Ivo Brandt, 34, of Kellerton")
    ]
    told = homes(f"A {_RUN} man was charged. Kellerton resident Ivo Brandt said so.")
    assert [(h.town, h.person) for h in told] == [("Kellerton", "Ivo Brandt")]


@pytest.mark.parametrize("run", ["Ab-" * 3000, "'O" * 3000, "A." * 3000])
def test_other_capital_runs_read_no_name(run: str) -> None:
    text = f"Then {run} went home."
    assert speakers(text) == []
    assert homes(text) == []


# Ordinary invented sentences of the shapes both readers look for.
_SENTENCES = [
    "Tomas Verell, a professor at Ostmark University, told reporters the dam held.",
    "The bridge will close on 14 May, said Ada Kovac of the Dunmere council.",
    "According to Lina Sorvik the vote was delayed; Mr. Piet van Drost also said so.",
    "Ivo Brandt, 34, of Kellerton, was charged with arson on Tuesday.",
    "Ivo Brandt of Marsh Hollow, 34, was released.",
    "A 27-year-old Kellerton woman, Mira Oster, was hurt.",
    "Longtime resident Ivo Brandt said the river rose fast.",
    "Dunmere resident Ada Kovac, a native of the Lowlands, said she saw it.",
    "O'Rourke-Hale said the McAllister farm at Kellerton-on-Sea was spared.",
    "eBay and iPhone users in Orlo said prices rose; U.S.-based Kestrel Ltd. agreed.",
    "Nobody said anything at all.",
]


def _readings() -> list[tuple[list[str], list[Home]]]:
    return [(speakers(s), homes(s)) for s in _SENTENCES]


def test_ordinary_sentences_read_as_without_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    bounded = _readings()
    assert any(found for found, _ in bounded) and any(told for _, told in bounded)
    monkeypatch.setattr(speech, "_SPEAKER_BEFORE", _unbounded(speech._SPEAKER_BEFORE))
    monkeypatch.setattr(hometown, "_SHAPES", tuple(map(_unbounded_shape, hometown._SHAPES)))
    assert _readings() == bounded


def test_a_name_glued_deep_into_a_run_is_not_read() -> None:
    # The bound's one difference: a capital 40+ characters into a run that had
    # none before it starts no name (the run is no name's first word).
    glued = "x" * (RUN_DEPTH + 5)
    assert speakers(f"{glued}-Verell said the bridge would close.") == []
    assert homes(f"{glued}-Kellerton resident Ivo Brandt was charged.") == []
    near = "x" * (RUN_DEPTH - 5)
    assert speakers(f"{near}-Verell said the bridge would close.") == ["Verell"]

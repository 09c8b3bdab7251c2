"""pysbd patterns answered without running them (`segment_needs.py`): same sentences."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import random
import re
from typing import Any

import pysbd
import pytest

from library.compare import segment_needs
from library.compare.segment_needs import NEEDS

segment_module = importlib.import_module("library.compare.segment")

# Invented lines with the shapes the patterns look for: lists, quotes, initials,
# references, marks, dots, degrees.
LINES = (
    "The plan has three parts: a. roads, b. schools and c. clinics.",
    "Items (a) roads and (b) ports were listed, and 3) rail came last.",
    "Steps: 1. survey the site 2. clear it 3. build.",
    "Mayor Ilse Varn said 'we will rebuild' on Tuesday, i.e. within days.",
    "The report cited work.[12] Other studies agreed.",
    "Wait!!! Did the Korvath council really say so?!?",
    "He left at 5 p.m. Then the lights went out . . . and nobody came.",
    "The reading was 40°. 5 more were taken at the Delmar U.S. station.",
    "It rose 2.5% to 1,250.75 units in Brenholt, said J. Osk.",
    "‘Quoted’ text, and ‘single’ marks in the Tarsk Gazette....  Then more.",
    "",
    "no marks at all here",
)


def _pysbd_strings() -> set[str]:
    """Every string constant of pysbd's modules and of the classes in them."""
    found: set[str] = set()

    def walk(owner: Any, depth: int = 0) -> None:
        for name in dir(owner):
            value = getattr(owner, name, None)
            if isinstance(value, str):
                found.add(value)
            elif isinstance(getattr(value, "pattern", None), str):
                found.add(value.pattern)
            elif inspect.isclass(value) and value.__module__.startswith("pysbd") and depth < 3:
                walk(value, depth + 1)

    for info in pkgutil.walk_packages(pysbd.__path__, "pysbd."):
        walk(importlib.import_module(info.name))
    return found


def test_every_key_is_a_pattern_pysbd_writes() -> None:
    strings = _pysbd_strings()
    assert [key for key in NEEDS if key not in strings] == []


@pytest.mark.parametrize("pattern", sorted(NEEDS))
def test_a_failed_need_means_no_match(pattern: str) -> None:
    # The claim the shortcut rests on, on the invented lines and on random strings
    # built from the characters the patterns read.
    rng = random.Random(5)
    alphabet = [*"abzAZ019 .)(!?'‘’∯°[],-⁃\tmp", " a.", "4. ", "x)", "a∯m∯", "...."]
    randoms = ["".join(rng.choices(alphabet, k=rng.randint(1, 14))) for _ in range(4000)]
    texts = [*LINES, *randoms]
    rx = re.compile(pattern)
    wrong = [t for t in texts if not NEEDS[pattern](t) and rx.search(t)]
    assert wrong == []
    assert any(not NEEDS[pattern](t) for t in texts)  # the need does turn work away


def test_same_sentences_with_and_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    split = segment_module.split_sentences.__wrapped__
    with_needs = [split(line) for line in LINES]
    monkeypatch.setattr(segment_needs, "NEEDS", {})
    monkeypatch.setattr(segment_module, "NEEDS", {})
    assert [split(line) for line in LINES] == with_needs
    assert with_needs[0] != ()


def test_a_pattern_that_cannot_match_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"\d{1,2}(?=\)\s)"
    asked: list[str] = []

    def need(text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setitem(NEEDS, pattern, need)
    shim = segment_module._RE
    # The real pattern would find "3" here; the need says it cannot, so it is not run.
    assert shim.findall(pattern, "and 3) rail") == []
    assert shim.sub(r"(\s\.){3}\s", "", "x . . . y") == "xy"  # no need given: runs
    assert asked == ["and 3) rail"]


def test_a_sub_with_no_match_gives_a_plain_str() -> None:
    class Text(str):
        pass

    out = segment_module._RE.sub(r"(?<=a∯m)∯(?=\s[A-Z])", ".", Text("no marks"))
    assert type(out) is str and out == "no marks"

"""Word gates of the Voices lens (`lenses/gates.py`): the words each pattern needs are
read from the pattern itself, and skipping a pattern whose words a sentence lacks
never changes what the lens finds."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from library.compare.lenses import attribution, clauses, gates, said_forms
from library.compare.lenses.reporting import VERBS
from library.compare.segment import segment

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bsaid\b", {"said"}),
        (r"\b(?:said|told)\s+(?:the|a)\b", {"said", "told"}),
        (r"\s(?:was\s+quoted|said)\b", {"quoted", "said"}),  # past "was": too common
        (r"(?<=, )said\b", {"said"}),  # a lookbehind of non-letters sets the word off
        (r"\bemphasi[sz]ed\b", {"emphasised", "emphasized"}),
        (r"\b[Aa]ccording\s+to", {"according"}),
    ],
)
def test_heads_are_the_words_a_match_opens_with(pattern: str, words: set[str]) -> None:
    assert gates.heads(pattern) == words


@pytest.mark.parametrize(
    "pattern",
    [
        r"said",  # "unsaid": a letter may come before, so no word is known
        r"\b\w+\s+said",  # any word first
        r"\b[a-z]{2,}ly\s+said",  # letters repeated without a bound
        r"\bwas\s",  # only a skipped word
        r"(?<=x)said",  # a lookbehind of a letter
    ],
)
def test_no_heads_when_the_first_word_is_not_known(pattern: str) -> None:
    assert gates.heads(pattern) is None


def test_gates_read_each_mandatory_step() -> None:
    found = gates.gates(r"(?P<who>[A-Z]\w*(?:\s+[A-Z]\w*)*)\s+(?:also\s+)?(?:said|told)\b")
    assert found == (frozenset({"also", "said", "told"}),)
    assert gates.gates(r"(?P<who>[A-Z]\w*)\s*said") == ()  # "\s*": a letter may come before


def test_a_sentence_without_the_words_is_skipped() -> None:
    gate = gates.gates(r"\bciting\s+(?P<who>[A-Z]\w*)")
    assert gates.may_match(gate, {"citing", "the"})
    assert not gates.may_match(gate, {"cited", "the"})
    assert gates.may_match((), set())  # no gate: always read


def test_the_verb_gate_holds_every_verb_of_saying() -> None:
    assert gates.VERB is not None
    assert {"said", "told", "says", "according"} - gates.VERB == {"according"}
    assert {"criticized", "criticised", "quoted", "saying"} <= gates.VERB
    for rx in (said_forms.BEFORE, said_forms.APPOSITIVE, clauses._SUBJECT):
        assert VERBS in rx.pattern  # the patterns gated by verb=True hold the lexicon


def _lines_of_our_own() -> list[str]:
    """Every sentence the speakers tests write (texts of our own, each shape and its
    look-alike), and the sample articles' sentences."""
    out: set[str] = set()
    for path in sorted(HERE.glob("test_lenses*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and len(text) >= 12 and " " in text:
                out.update(u.text for u in segment(text))
    for path in sorted((REPO / "resources" / "articles").glob("*.md")):
        out.update(u.text for u in segment(path.read_text(encoding="utf-8")))
    return sorted(out)


def test_gates_never_change_what_the_lens_reads() -> None:
    lines = _lines_of_our_own()
    assert len(lines) > 500
    changed = [t for t in lines if attribution._sources(t) != attribution._sources(t, gated=False)]
    assert changed == []


def test_a_gated_pattern_still_fires_and_its_lookalike_does_not() -> None:
    said = attribution.sources("The lawyer for Acme, Jane Doe, criticized the ruling.")
    assert [n for n, _ in said] == ["Jane Doe"]
    assert attribution.sources("The lawyer for Acme, Jane Doe, a criticized man, left.") == []
    assert attribution.sources("Jane Doe, citing Acme Corp, left.")[-1][0] == "Acme Corp"
    assert attribution.sources("Jane Doe, cited in Acme Corp files, left.") == []
    assert re.search(r"\bsaid\b", "unsaid words") is None

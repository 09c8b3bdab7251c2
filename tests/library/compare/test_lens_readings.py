"""Voices and names are read before the alignment, and are the lenses built after it."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from library.compare import compare_texts
from library.compare.backends import SemanticBackend
from library.compare.lenses import build_lenses, read_articles
from library.compare.mentions import Mentions
from library.compare.segment import segment
from tests.library.compare.fakes import FakeEncoder

# Invented coverage: two voices, a place, a date and a count told two ways.
TEXT_A = (
    "The Varnholt council voted on 3 May to close the Osterbrook ferry, "
    "Mayor Ilse Quandt said.\n\n"
    '"We lost 340,000 euros last year," said Tomas Verlinde, the harbour master. '
    "Quandt said repairs would take two years."
)
TEXT_B = (
    "Varnholt's council shut the Osterbrook ferry on 3 May, according to Mayor Ilse Quandt.\n\n"
    "Harbour master Tomas Verlinde said the service lost 430,000 euros last year. "
    "The ferry ran for 41 years."
)


def test_lenses_from_readings_are_the_lenses_read_inside() -> None:
    units_a, units_b = segment(TEXT_A), segment(TEXT_B)
    mentions = Mentions.build(TEXT_A, TEXT_B)
    pairs = compare_texts(TEXT_A, TEXT_B).pairs
    inside = build_lenses(units_a, units_b, pairs, mentions)
    given = build_lenses(
        units_a, units_b, pairs, mentions, readings=read_articles(units_a, units_b, mentions)
    )
    assert given == inside
    assert given.voices and given.names, "the invented pair has voices and names"


def test_the_engine_reads_voices_and_names_before_it_aligns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = importlib.import_module("library.compare.engine")
    events: list[str] = []
    align, read = engine.align, engine.read_articles

    def aligning(*args: Any, **kwargs: Any) -> Any:
        events.append("align")
        return align(*args, **kwargs)

    def reading(*args: Any, **kwargs: Any) -> Any:
        events.append("read")
        return read(*args, **kwargs)

    monkeypatch.setattr(engine, "align", aligning)
    monkeypatch.setattr(engine, "read_articles", reading)
    compare_texts(TEXT_A, TEXT_B, backend=SemanticBackend(FakeEncoder()))
    assert events == ["read", "align"]

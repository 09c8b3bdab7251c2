"""Fixtures for the comparison engine's tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from library.compare.detectors import Detector, passages
from library.compare.mentions import Mentions
from library.compare.worddiff import word_diff

Run = Callable[..., list[tuple[str, str, str]]]


def _run(detector: Detector, a: str, b: str, *, context: str = "") -> list[tuple[str, str, str]]:
    """`(kind, a, b)` of `detector`'s conflicts; `context` is more of article A's text."""
    men = Mentions.build(a + "\n" + context, b)
    pa, pb = passages(a, b, men)
    return [(c.kind, c.a, c.b) for c in detector(pa, pb, word_diff(a, b))]


@pytest.fixture
def run() -> Run:
    """Run one detector on two sentences (see `_run`)."""
    return _run

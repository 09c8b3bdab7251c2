"""Shared fixtures: a private data dir per test, the sample articles, headless Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any Qt import so every test runs headless, with or without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO / "resources" / "articles"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a QApplication as `gui`, as qutebrowser does."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures or "qtmodeltester" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh Parallax data dir; `$PARALLAX_HOME` points at it so nothing touches ~."""
    home = tmp_path / "parallax-home"
    monkeypatch.setenv("PARALLAX_HOME", str(home))
    yield home


@pytest.fixture
def test_data() -> Path:
    """Our own small input files (tests/data)."""
    return DATA


@pytest.fixture
def sample_paths() -> list[Path]:
    """The two sample articles shipped in resources/articles."""
    return sorted(SAMPLES.glob("*.md"))

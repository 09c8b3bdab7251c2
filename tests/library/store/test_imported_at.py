"""`imported_at`: now in UTC to the second, made once per second during a large import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from library.article import Article
from library.store import LibraryStore
from library.store import library_store as store_module


@pytest.mark.parametrize("now", [1_900_000_000.0, 1_900_000_000.999, 1_900_000_001.25])
def test_imported_at_is_the_utc_second(monkeypatch: pytest.MonkeyPatch, now: float) -> None:
    monkeypatch.setattr(store_module.time, "time", lambda: now)
    expected = dt.datetime.fromtimestamp(now, dt.UTC).isoformat(timespec="seconds")
    assert store_module._imported_at() == expected


def test_each_article_is_stamped_with_its_own_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter([1_900_000_000.1, 1_900_000_000.9, 1_900_000_002.0])
    monkeypatch.setattr(store_module.time, "time", lambda: next(clock))
    store = LibraryStore(tmp_path / "home")
    stamps = [
        store.add(Article(title=f"T{i}", body=f"Ferry {i} left Quayside.")).article.imported_at
        for i in range(3)
    ]
    assert stamps == ["2030-03-17T17:46:40+00:00"] * 2 + ["2030-03-17T17:46:42+00:00"]
    store.close()

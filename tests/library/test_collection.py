"""`Collection`: opening a data dir."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library.collection import Collection
from library.errors import DatabaseCorrupt, DatabaseTooNew


def test_a_library_from_a_newer_parallax_is_refused_not_moved(tmp_path: Path) -> None:
    Collection(tmp_path / "home", seed=False).close()
    conn = sqlite3.connect(tmp_path / "home" / "library.db")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew) as raised:
        Collection(tmp_path / "home")
    assert not isinstance(raised.value, DatabaseCorrupt)  # never quarantined as damaged
    assert "newer version" in str(raised.value)
    assert not list((tmp_path / "home").glob("library.db.corrupt-*"))

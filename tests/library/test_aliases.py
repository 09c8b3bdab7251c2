"""Taught aliases: stored in library.db, taught by CLI and Collection, used by compare."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from library.changes import Changes
from library.cli import main
from library.collection import Collection
from library.errors import NotFound
from library.store.aliases import InvalidAlias
from library.store.schema import migrations

MSS = ("Ministry of State Security", "National Security Department")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_teach_list_forget(tmp_path: Path) -> None:
    col = Collection(tmp_path, seed=False)
    try:
        op = col.teach_alias(*MSS)
        alias, new = op.value
        assert new and (alias.name, alias.alias) == MSS
        assert op.changes == Changes(aliases=True)  # a comparison on screen must re-run
        # The same pair either way round, in another case and spacing, is already known.
        op = col.teach_alias("the  national security department", "ministry of state security")
        again, new = op.value
        assert not new and again.name == MSS[0]
        assert not op.changes  # nothing to refresh
        assert [(a.name, a.alias) for a in col.aliases()] == [MSS]
        assert col.forget_alias(MSS[1], MSS[0]) == Changes(aliases=True)
        assert col.aliases() == []
        with pytest.raises(NotFound):
            col.forget_alias(*MSS)
    finally:
        col.close()


@pytest.mark.parametrize("pair", [("", "X"), ("Same", " same "), ("A\nB", "C"), ("x" * 201, "y")])
def test_invalid_pairs_are_refused(tmp_path: Path, pair: tuple[str, str]) -> None:
    col = Collection(tmp_path, seed=False)
    try:
        with pytest.raises(InvalidAlias):
            col.teach_alias(*pair)
        assert col.aliases() == []
    finally:
        col.close()


def test_comparisons_use_the_taught_aliases(tmp_path: Path) -> None:
    col = Collection(tmp_path, seed=False, backend="lexical")
    a_file, b_file = tmp_path / "a.txt", tmp_path / "b.txt"
    a_file.write_text("Leak case\n\nThe National Security Department issued a notice.\n")
    b_file.write_text("Secrets\n\nThe Ministry of State Security disclosed a case.\n")
    try:
        a, b = col.resolve(str(a_file), add=False), col.resolve(str(b_file), add=False)

        def names() -> list[str]:
            lenses = col.compare(a, b).lenses
            assert lenses is not None
            return [n.name for n in lenses.names if n.a and n.b]

        assert names() == []
        col.teach_alias(*MSS)
        assert names() == ["Ministry of State Security"]
    finally:
        col.close()


def test_cli_add_list_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = str(tmp_path)
    code, out, _ = run(capsys, "--data-dir", home, "alias", "add", *MSS)
    assert code == 0 and out == f"Taught: {MSS[0]} = {MSS[1]}\n"
    code, out, _ = run(capsys, "--data-dir", home, "alias", "add", MSS[1], MSS[0], "--json")
    assert code == 0 and json.loads(out)["new"] is False
    code, out, _ = run(capsys, "--data-dir", home, "alias", "list", "--json")
    assert [(x["name"], x["alias"]) for x in json.loads(out)] == [MSS]
    code, out, _ = run(capsys, "--data-dir", home, "alias", "list")
    assert out.splitlines()[0] == f"{MSS[0]} = {MSS[1]}"
    code, out, _ = run(capsys, "--data-dir", home, "alias", "remove", *MSS)
    assert code == 0
    code, out, err = run(capsys, "--data-dir", home, "alias", "remove", *MSS)
    assert code == 1 and err.startswith("parallax: No alias")
    code, out, _ = run(capsys, "--data-dir", home, "alias", "list")
    assert out.startswith("No aliases taught")


def test_cli_never_prints_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "alias", "add", "A\x1b[31m", "B")
    assert code == 1 and "\x1b" not in out + err


def test_an_older_library_gains_the_table(tmp_path: Path) -> None:
    # A library.db made before m008 (and with or without the article-language step).
    db = sqlite_utils.Database(tmp_path / "library.db")
    migrations.apply(db, stop_before="m008_aliases")
    db.conn.execute(f"PRAGMA user_version = {len(migrations._migrations) - 1}")
    db.close()
    col = Collection(tmp_path, seed=False)
    try:
        col.teach_alias(*MSS)
        assert len(col.aliases()) == 1
    finally:
        col.close()
    conn = sqlite3.connect(tmp_path / "library.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations._migrations)
    conn.close()

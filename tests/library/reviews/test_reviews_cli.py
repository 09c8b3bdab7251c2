"""`parallax review …` and `parallax compare --json` with reviews, on the sample articles."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from library.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    status, out, err = run(capsys, *args, "--json")
    assert status == 0, err
    return json.loads(out)


def test_set_link_list_clear(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    comparison = as_json(capsys, "compare", "1", "2")
    assert len(comparison["pairs"]) >= 2 and comparison["only_a"] and comparison["only_b"]
    assert all(p["review"] is None for p in comparison["pairs"])
    assert comparison["summary"]["reviews"]["machine_only"] == len(comparison["pairs"])

    first = as_json(capsys, "review", "set", "1", "2", "--pair", "0", "--verdict", "confirm")
    assert (first["verdict"], first["pair"]) == ("confirmed", 0)
    a_unit, b_unit = comparison["pairs"][1]["a"][0], comparison["pairs"][1]["b"][0]
    changed = as_json(
        capsys, "review", "set", "1", "2", "--a-unit", str(a_unit), "--b-unit", str(b_unit),
        "--verdict", "relation=not related", "--reason", "Two different statements",
    )  # fmt: skip
    assert (changed["verdict"], changed["relation"], changed["pair"]) == (
        "rejected",
        "unrelated",
        1,
    )
    only_a, only_b = str(comparison["only_a"][0]), str(comparison["only_b"][0])
    linked = as_json(
        capsys, "review", "link", "1", "2", "--a-unit", only_a, "--b-unit", only_b,
        "--relation", "related",
    )  # fmt: skip
    assert (linked["verdict"], linked["pair"]) == ("linked", None)

    listed = as_json(capsys, "review", "list", "1", "2")
    assert listed["summary"] == {
        "machine": len(comparison["pairs"]), "reviewed": 2,
        "machine_only": len(comparison["pairs"]) - 2, "confirmed": 1, "rejected": 1,
        "changed": 0, "linked": 1, "detached": 0, "unmatched": 0,
    }  # fmt: skip
    assert [r["status"] for r in listed["reviews"]] == ["applied", "applied", "added"]
    assert len(as_json(capsys, "review", "list")) == 3
    # The other way round: the same reviews, sides swapped.
    back = as_json(capsys, "review", "list", "2", "1")
    assert back["summary"]["reviewed"] == 2
    assert back["reviews"][2]["units_a"] == [int(only_b)]

    reviewed = as_json(capsys, "compare", "1", "2")
    assert reviewed["pairs"][0]["review"]["verdict"] == "confirmed"
    assert reviewed["pairs"][1]["review"]["reason"] == "Two different statements"
    assert reviewed["user_pairs"][0]["a"] == [int(only_a)]
    assert reviewed["summary"]["reviews"]["reviewed"] == 2 and len(reviewed["reviews"]) == 3

    status, out, _ = run(capsys, "review", "list", "1", "2")
    assert status == 0 and "confirmed" in out and "2 reviewed" in out
    status, out, _ = run(capsys, "compare", "1", "2")
    assert "Reviews:" in out and "machine-only" in out

    assert as_json(capsys, "review", "clear", "1", "2", "--pair", "0") == {"removed": 1}
    assert as_json(capsys, "review", "clear", "1", "2", "--all") == {"removed": 2}
    assert as_json(capsys, "review", "list") == []


def test_mistakes_are_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "review", "set", "1", "2", "--pair", "999", "--verdict", "reject")
    assert status == 1 and err.count("\n") == 1 and "No pair 999" in err
    with pytest.raises(SystemExit) as exited:
        main(["review", "set", "1", "2", "--pair", "0", "--verdict", "maybe"])
    assert exited.value.code == 2
    assert "expected confirm, reject or relation=" in capsys.readouterr().err
    status, _, err = run(capsys, "review", "clear", "1", "2")
    assert status == 1 and "--all" in err
    status, _, err = run(capsys, "review", "list", "1")
    assert status == 1 and err.count("\n") == 1


def test_stored_text_never_reaches_the_terminal_raw(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = "see \x1b[31mred\x1b[0m\rover"
    run(capsys, "review", "set", "1", "2", "--pair", "0", "--verdict", "reject", "--reason", reason)
    for args in (("review", "list", "1", "2"), ("review", "list"), ("compare", "1", "2")):
        status, out, _ = run(capsys, *args)
        assert status == 0 and "\x1b" not in out and "\r" not in out
    assert as_json(capsys, "review", "list")[0]["reason"] == reason  # JSON keeps it exactly


def test_read_only_notes_file_refuses_with_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "review", "set", "1", "2", "--pair", "0", "--verdict", "confirm")
    notes_db = data_dir / "notes.db"
    os.chmod(notes_db, stat.S_IRUSR)
    try:
        status, out, err = run(capsys, "review", "set", "1", "2", "--pair", "0", "--verdict",
                               "reject")  # fmt: skip
        assert status == 1 and out == "" and err.count("\n") == 1 and "read-only" in err
        # Reading still works, and shows the review unchanged.
        listed = as_json(capsys, "review", "list", "1", "2")
        assert [r["verdict"] for r in listed["reviews"]] == ["confirmed"]
    finally:
        os.chmod(notes_db, stat.S_IRUSR | stat.S_IWUSR)


def test_claim_notes_from_the_cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    comparison = as_json(capsys, "compare", "1", "2")
    # Any machine pair is a claim; take a divergent one when the engine finds one (how
    # many it finds on the samples depends on the tuned threshold, not on notes).
    pairs = comparison["pairs"]
    pair = next((p for p in pairs if p["relation"] == "divergent"), pairs[0])
    spec = f"{','.join(map(str, pair['a']))}:{','.join(map(str, pair['b']))}"
    note = as_json(
        capsys, "notes", "add", "--article", "1", "--article-b", "2", "--claim", spec,
        "--text", "Who said this first?",
    )  # fmt: skip
    assert note["kind"] == "claim" and note["article_b_id"] == 2
    assert (note["claim"]["units_a"], note["claim"]["units_b"]) == (pair["a"], pair["b"])
    a_text = comparison["a"]["units"][pair["a"][0]]["text"]
    assert a_text in note["claim"]["text"]
    hits = as_json(capsys, "notes", "search", "said this first")
    assert [h["id"] for h in hits] == [note["id"]]

    whole = as_json(capsys, "notes", "add", "--article", "1", "--article-b", "2", "--text", "Hm")
    assert whole["kind"] == "comparison"

    # A claim the comparison does not have is refused, naming the ones it has.
    status, _, err = run(capsys, "notes", "add", "--article", "1", "--article-b", "2",
                         "--claim", "0:999", "--text", "x")  # fmt: skip
    assert status == 1 and "no claim 0:999" in err and spec in err
    status, _, err = run(capsys, "notes", "add", "--article", "1", "--claim", spec, "--text", "x")
    assert status == 1 and "--article-b" in err
    status, _, err = run(capsys, "notes", "add", "--article", "1", "--article-b", "2",
                         "--claim", "three:four", "--text", "x")  # fmt: skip
    assert status == 1 and "A_UNITS:B_UNITS" in err

    # A pair linked by hand is a claim too; a rejected one no longer is.
    only_a, only_b = comparison["only_a"][0], comparison["only_b"][0]
    run(capsys, "review", "link", "1", "2", "--a-unit", str(only_a), "--b-unit", str(only_b),
        "--relation", "divergent")  # fmt: skip
    status, _, err = run(capsys, "notes", "add", "--article", "1", "--article-b", "2",
                         "--claim", f"{only_a}:{only_b}", "--text", "linked")  # fmt: skip
    assert status == 0, err
    index = comparison["pairs"].index(pair)
    run(capsys, "review", "set", "1", "2", "--pair", str(index), "--verdict", "reject")
    status, _, err = run(capsys, "notes", "add", "--article", "1", "--article-b", "2",
                         "--claim", spec, "--text", "gone")  # fmt: skip
    assert status == 1 and "no claim" in err

"""Every `--json` the CLI prints is built by a record's `to_dict()`, never by hand (issue #10).

The first test finds every command that takes `--json` in the parser and
requires an entry in `JSON_RECORDS`; the second runs each command with those
records' `to_dict` marked and finds every mark in what it printed.  A command
that prints no record (a count, the pair the user typed) says so with `()`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

from library.cli import COMMAND_NAMES, build_parser, main

MARK = "_made_by_to_dict"

#: Every command taking `--json` -> the records whose `to_dict()` its JSON holds.
JSON_RECORDS: dict[str, tuple[str, ...]] = {
    "import": ("library.importer:ImportReport",),
    "list": ("library.store.listing:ArticleSummary",),
    "show": ("library.article:Article",),
    "search": ("library.store.outcomes:SearchHit",),
    "remove": ("library.collection_ops:Removed",),
    "compare": ("library.compare.model:Comparison",),
    "related": ("library.coverage:Related",),
    "notes add": ("library.notes.model:Note",),
    "notes list": ("library.notes.model:Note",),
    "notes show": ("library.notes.model:Note",),
    "notes search": ("library.notes.search:NoteHit",),
    "notes import": ("library.notes.export:ImportReport",),
    "review list": (
        "library.store.listing:ArticleSummary",
        "library.reviews.model:Review",
        "library.reviews.apply:ReviewCounts",
    ),
    "review set": ("library.reviews.model:Review",),
    "review link": ("library.reviews.model:Review",),
    "review clear": (),  # how many reviews were removed
    "alias add": ("library.store.aliases:Alias",),
    "alias list": ("library.store.aliases:Alias",),
    "alias remove": (),  # the pair as typed: nothing is left stored to print
    "check": ("library.check:CheckResult",),
}

ARTICLE = "Harbour of Velmor reopens\n\nThe Velmor harbour reopened on Tuesday after 40 days."


def _json_commands(parser: argparse.ArgumentParser, prefix: str = "") -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                path = f"{prefix} {name}".strip()
                if "--json" in child._option_string_actions:
                    yield path
                yield from _json_commands(child, path)


def test_every_json_command_names_the_records_it_prints() -> None:
    parser = build_parser(full=COMMAND_NAMES)
    assert set(_json_commands(parser)) == set(JSON_RECORDS), "add the command to JSON_RECORDS"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def _mark(monkeypatch: pytest.MonkeyPatch, target: str) -> str:
    """Make `target`'s `to_dict()` add MARK: its class name."""
    module, _, name = target.partition(":")
    cls = getattr(import_module(module), name)
    original: Callable[[Any], dict[str, Any]] = cls.to_dict

    def marked(self: Any) -> dict[str, Any]:
        return {**original(self), MARK: name}

    monkeypatch.setattr(cls, "to_dict", marked)  # fails if the record has no to_dict
    return name


def _marks(data: Any) -> set[str]:
    if isinstance(data, dict):
        found = {data[MARK]} if MARK in data else set()
        return found.union(*(_marks(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_marks(v) for v in data))
    return set()


def _units(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A unit only A reports and one only B does (for `review link`)."""
    comparison = json.loads(_run(capsys, "compare", "1", "2", "--json"))
    return str(comparison["only_a"][0]), str(comparison["only_b"][0])


def _setup(command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[str]:
    """Whatever `command` needs in the library first; its arguments."""
    if command == "import":
        (tmp_path / "velmor.txt").write_text(ARTICLE, encoding="utf-8")
        return [str(tmp_path / "velmor.txt")]
    if command in ("notes list", "notes show", "notes search", "notes import"):
        _run(capsys, "notes", "add", "--article", "1", "--text", "Ask the Velmor harbour master")
        if command == "notes import":
            (tmp_path / "notes.json").write_text(
                _run(capsys, "notes", "export", "--format", "json"), encoding="utf-8"
            )
            return [str(tmp_path / "notes.json")]
        return {"notes list": [], "notes show": ["1"], "notes search": ["Velmor"]}[command]
    if command == "review list":
        _run(capsys, "review", "set", "1", "2", "--pair", "0", "--verdict", "confirm")
        return ["1", "2"]
    if command == "review link":
        only_a, only_b = _units(capsys)
        return ["1", "2", "--a-unit", only_a, "--b-unit", only_b, "--relation", "related"]
    if command == "alias list":
        _run(capsys, "alias", "add", "Mara Quell", "M. Quell")
    return {
        "show": ["1"],
        "search": ["Zhaozong"],
        "remove": ["2"],
        "compare": ["1", "2", "--backend", "lexical"],
        "related": ["1"],
        "notes add": ["--article", "1", "--text", "Check the date"],
        "review set": ["1", "2", "--pair", "0", "--verdict", "confirm"],
        "alias add": ["Mara Quell", "M. Quell"],
    }.get(command, [])


@pytest.mark.parametrize("command", [c for c, records in JSON_RECORDS.items() if records])
def test_the_json_printed_is_the_records_to_dict(
    command: str,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = _setup(command, capsys, tmp_path)  # before marking: the set-up prints JSON too
    expected = {_mark(monkeypatch, target) for target in JSON_RECORDS[command]}
    out = _run(capsys, *command.split(), *args, "--json")
    assert _marks(json.loads(out)) == expected

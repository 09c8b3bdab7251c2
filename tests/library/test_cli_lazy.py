"""`parallax --help` lists every command without importing the commands' modules.

`--help` was 2.7x `python -c "import sqlite3, json, argparse"`: `library.cli`
imported every subcommand module (notes, reviews, aliases, check, the CLI
support with the terminal sanitiser) only to build argparse.
"""

from __future__ import annotations

import pytest

from library.cli import COMMANDS, build_parser, main
from tests.helpers import modules_loaded_by_cli

COMMAND_MODULES = (
    "library.cli_articles",
    "library.cli_support",
    "library.notes.cli",
    "library.reviews.cli",
    "library.aliases_cli",
    "library.check",
    "library.terminal",
    "library.errors",
)


def test_top_level_help_imports_no_command_module() -> None:
    loaded = modules_loaded_by_cli("--help")
    assert loaded.isdisjoint(COMMAND_MODULES), sorted(loaded & set(COMMAND_MODULES))


def test_a_command_imports_its_own_module_only() -> None:
    loaded = modules_loaded_by_cli("alias", "--help")
    assert "library.aliases_cli" in loaded
    others = {"library.cli_articles", "library.notes.cli", "library.reviews.cli", "library.check"}
    assert loaded.isdisjoint(others), sorted(loaded & others)


def test_the_table_help_is_each_command_own_help() -> None:
    # The stubs must list exactly what the commands' own parsers would.
    names = [name for name, _, _ in COMMANDS]
    assert build_parser().format_help() == build_parser(full=names).format_help()


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for name, help_line, _ in COMMANDS:
        assert f"    {name} " in out
        assert help_line.split()[0] in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["import"], ["PATH", "--json"]),
        (["list"], ["--json"]),
        (["show"], ["id", "--json"]),
        (["search"], ["query", "--limit", "--json"]),
        (["remove"], ["id", "--json"]),
        (["compare"], ["--add", "--backend", "--lens", "--json"]),
        (["related"], ["--limit", "--facts", "--json"]),
        (["notes"], ["add", "list", "search", "export"]),
        (["notes", "add"], ["--article", "--quote", "--claim", "--text", "--tag"]),
        (["review"], ["list", "set", "link"]),
        (["alias"], ["add", "list", "remove"]),
        (["check"], ["--json"]),
    ],
)
def test_every_command_help_shows_its_options(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: parallax {' '.join(argv)} ")
    for option in expected:
        assert option in out


@pytest.mark.parametrize(
    ("argv", "last_line"),
    [
        (["list", "--bogus"], "parallax: error: unrecognized arguments: --bogus"),
        (["show", "x"], "parallax show: error: argument id: not a whole number: 'x'"),
        (["compare", "1"], "parallax compare: error: the following arguments are required: B"),
        (["notes", "frob"], "parallax notes: error: argument SUBCOMMAND: invalid choice: 'frob'"),
        (
            ["lst"],
            "parallax: error: give two files (or article ids) to compare, or none to open "
            "the library",
        ),
        (["--bogus"], "parallax: error: unrecognized arguments: --bogus"),
    ],
)
def test_bad_arguments_give_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], last_line: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].startswith("usage: parallax")
    assert lines[-1].startswith(last_line)

"""`parallax`: the command line, a thin layer over `Collection`.

    parallax                      open the window on the library
    parallax FILE_A FILE_B        open the window on a comparison (as `meld a b`)
    parallax import PATH...       import files and folders
    parallax list | show ID | search QUERY | remove ID | related ID
    parallax compare A B          compare two articles (ids or files)
    parallax compare A B --lens voices|timeline|numbers|names   one lens of it
    parallax notes …              private notes
    parallax review …             confirm, reject, relink the machine's pairs
    parallax alias add|list|remove   names that stand for one person or body
    parallax check                check library.db and notes.db for damage

Every listing command takes `--json`.  Errors a user can act on print as one
line and exit with status 1; nothing here imports Qt: the window is opened
through the `open_window` callable that `desktop.launch` passes in.

`parallax --help` lists the commands from `COMMANDS` without importing their
modules; the chosen command's module builds its own parser when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import import_module

from library import __version__
from library.cli_parser import ArgumentParser

# Not `typing.TYPE_CHECKING`: `typing` is a few ms of `parallax --help` (mypy
# reads this name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

# (data dir, files, screenshot PNG, screenshot size or None) -> exit status
OpenWindow = Callable[[str | None, list[str], str | None, tuple[int, int] | None], int]

#: Every command: (name, one-line help, "module:function" that registers its parser).
#: The help line is what `parallax --help` shows without importing the module
#: (`tests/library/test_cli_lazy.py` checks it is the module's own).
COMMANDS: tuple[tuple[str, str, str], ...] = (
    (
        "import",
        "import article files and folders (recursively)",
        "library.cli_articles:register_import",
    ),
    ("list", "list the articles in the library", "library.cli_articles:register_list"),
    ("show", "show one article with its metadata", "library.cli_articles:register_show"),
    ("search", "full-text search over titles and bodies", "library.cli_articles:register_search"),
    (
        "remove",
        "remove an article (all its versions) from the library",
        "library.cli_articles:register_remove",
    ),
    (
        "compare",
        "compare two articles: library ids or files",
        "library.cli_articles:register_compare",
    ),
    (
        "related",
        "other articles in the library on the same event",
        "library.cli_articles:register_related",
    ),
    ("notes", "private notes on articles, passages and comparisons", "library.notes.cli:register"),
    (
        "review",
        "confirm, reject or change the machine's pairs; link passages by hand",
        "library.reviews.cli:register",
    ),
    (
        "alias",
        "teach that two names are the same (used by every comparison)",
        "library.aliases_cli:register",
    ),
    ("check", "check library.db and notes.db for damage (read-only)", "library.check:register"),
)
COMMAND_NAMES = frozenset(name for name, _, _ in COMMANDS)


def build_parser(full: Iterable[str] = ()) -> argparse.ArgumentParser:
    """The `parallax` parser.

    Args:
        full: the commands whose own parser (options, subcommands, handler) is
            built, importing their modules; every other command is a stub
            with its one-line help, enough for `parallax --help` and for
            argparse to name it among the choices.
    """
    parser = ArgumentParser(
        prog="parallax",
        description="Compare news coverage: shared facts, divergent claims, private notes.",
        epilog="Run `parallax COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"Parallax {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the library and notes live (default: $PARALLAX_HOME or the user data dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = set(full)
    for name, help_line, target in COMMANDS:
        if name in wanted:
            module, _, function = target.partition(":")
            getattr(import_module(module), function)(sub)
        else:
            sub.add_parser(name, help=help_line)
    _accept_data_dir_anywhere(parser)
    return parser


def _accept_data_dir_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let `--data-dir` follow the command too (`parallax list --data-dir D`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if "--data-dir" not in child._option_string_actions:
                    hidden = argparse.SUPPRESS
                    child.add_argument("--data-dir", metavar="DIR", default=hidden, help=hidden)
                _accept_data_dir_anywhere(child)


def build_window_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="parallax",
        description="Open the Parallax window, on the library or on a comparison of two files.",
        epilog="Commands: import, list, show, search, remove, compare, notes, review "
        "(`parallax --help`).",
    )
    parser.add_argument("--data-dir", metavar="DIR")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window to PNG and exit (works without a display)",
    )
    parser.add_argument(
        "--screenshot-size",
        metavar="WxH",
        type=window_size,
        help="the window's size for --screenshot, e.g. 1280x800 (default 1440x900)",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="two files or ids to compare")
    return parser


def window_size(text: str) -> tuple[int, int]:
    """ "1280x800" -> (1280, 800), for `--screenshot-size`."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError("give the size as WIDTHxHEIGHT, e.g. 1280x800")
    size = int(width), int(height)
    if not (200 <= size[0] <= 8000 and 200 <= size[1] <= 8000):
        raise argparse.ArgumentTypeError("width and height must be 200 to 8000 pixels")
    return size


def wants_color(stream: TextIO) -> bool:
    """Whether to colour the output (`library.cli_support.wants_color`, loaded with a command)."""
    from library.cli_support import wants_color as wants

    return wants(stream)


def main(
    argv: Sequence[str] | None = None,
    *,
    open_window: OpenWindow | None = None,
) -> int:
    """Run the command line.

    Args:
        argv: arguments without the program name (default: sys.argv[1:]).
        open_window: starts the GUI; `desktop.launch` supplies it.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = _first_positional(args_list)
    if command not in COMMAND_NAMES and not _asks_for_help(args_list):
        return _open_window(args_list, open_window)
    parser = build_parser(full=[command] if command else [])
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 0
    # Loaded once a command runs: `parallax --help` needs none of it.
    from library.cli_support import CliContext
    from library.errors import ParallaxError

    ctx = CliContext(args=args, color=wants_color(sys.stdout))
    try:
        return int(args.handler(ctx))
    except ParallaxError as exc:
        ctx.warn(f"parallax: {exc}")
        return 1
    except KeyboardInterrupt:
        ctx.warn("parallax: interrupted.")  # one line, not a traceback or nothing
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if "collection" in ctx.__dict__:
            ctx.collection.close()


def _open_window(args_list: list[str], open_window: OpenWindow | None) -> int:
    parser = build_window_parser()
    args = parser.parse_args(args_list)
    if len(args.files) not in (0, 2):
        parser.error("give two files (or article ids) to compare, or none to open the library")
    if open_window is None:
        sys.stderr.write("parallax: the window is not available in this installation.\n")
        return 2
    return open_window(args.data_dir, list(args.files), args.screenshot, args.screenshot_size)


def _first_positional(args: list[str]) -> str | None:
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("--data-dir", "--screenshot", "--screenshot-size"):
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def _asks_for_help(args: list[str]) -> bool:
    return _first_positional(args) is None and any(a in ("-h", "--help", "--version") for a in args)

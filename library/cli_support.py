"""What every `parallax` subcommand gets: parsed args, output streams, the collection.

A subcommand module exposes `register(subparsers)`, which adds its parsers and
sets `handler=` on each; a handler takes a `CliContext` and returns the exit
status.  Errors a user can act on are raised as `ParallaxError` and printed by
`library.cli` as one line.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from library.cli_parser import ArgumentParser as ArgumentParser  # re-exported
from library.terminal import clean, dumps, safe, safe_json

if TYPE_CHECKING:
    from library.collection import Collection

Handler = Callable[["CliContext"], int]

#: Placed around matched words by the stores' search; never found in real text.
HIT_MARKS = ("\x02", "\x03")

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
GREEN, YELLOW, RED, CYAN = "\033[32m", "\033[33m", "\033[31m", "\033[36m"


def wants_color(stream: TextIO) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return _is_terminal(stream)


class CliContext:
    """One command's environment.

    A plain class, not a dataclass: `dataclasses` (with `inspect` and `ast`)
    was a tenth of `parallax --help`'s start-up.

    Attributes:
        args: the parsed command line (`args.data_dir` is the `--data-dir` option).
        out, err: where to write (default: stdout, stderr); tests pass StringIO.
        color: whether ANSI colour codes may be written to `out`.
    """

    def __init__(
        self,
        args: argparse.Namespace,
        out: TextIO | None = None,
        err: TextIO | None = None,
        color: bool = False,
    ) -> None:
        self.args = args
        self.out: TextIO = sys.stdout if out is None else out
        self.err: TextIO = sys.stderr if err is None else err
        self.color = color

    @cached_property
    def collection(self) -> Collection:
        # Imported here: the stores pull in sqlite-utils and numpy, which
        # `parallax --help` (and a usage error) must not wait for.
        from library.collection import Collection

        data_dir = getattr(self.args, "data_dir", None)
        collection = Collection(data_dir, read_only=reads_only(self.args))
        if collection.library_recovered_from is not None:
            self.warn(
                "parallax: warning: the library database was damaged; it was moved to "
                f"{collection.library_recovered_from} and a new, empty library was started."
            )
        if collection.library.db.note:
            self.warn(f"parallax: note: {collection.library.db.note}")
        return collection

    # Every line a command writes goes through print/warn/print_json, which make
    # any control character visible (library.terminal); only the colour codes
    # Parallax adds itself survive.  Values are also passed through `safe` where
    # they are formatted, so a stored "ESC [ 1 m" never reaches a colour terminal.

    def print(self, text: str = "") -> None:
        self.out.write(clean(text, keep_colors=self.color) + "\n")

    def warn(self, text: str) -> None:
        self.err.write(clean(text, keep_colors=self.color) + "\n")

    def print_json(self, data: Any) -> None:
        self.out.write(dumps(data) + "\n")

    def print_json_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        """A JSON array written one object per line, as each row comes.

        The same data as `print_json(list(rows))`: a whole library printed
        with indentation goes through json's pure-Python encoder and one big
        string (seconds and megabytes at 10k articles); per row, it is C.
        """
        self.out.write("[")
        for n, row in enumerate(rows):
            self.out.write(("\n  " if n == 0 else ",\n  ") + dumps(row, indent=None))
        self.out.write("\n]\n")

    def print_data(self, text: str, *, is_json: bool = False) -> None:
        """An export written to stdout: exact when redirected, made safe on a terminal.

        JSON stays valid JSON of the same data (controls written as `\\uXXXX`).
        """
        if _is_terminal(self.out):
            text = safe_json(text) if is_json else safe(text, multiline=True)
        self.out.write(text)

    def highlight(self, snippet: str) -> str:
        """A search snippet for the terminal: matches in bold yellow, or in [brackets]."""
        start, end = (BOLD + YELLOW, RESET) if self.color else ("[", "]")
        return highlight(snippet, start, end, for_terminal=True)

    def style(self, text: str, *codes: str) -> str:
        """`text` made safe (one line), wrapped in ANSI codes when colour is on."""
        text = safe(text)
        if not self.color or not codes:
            return text
        return "".join(codes) + text + RESET


def _is_terminal(stream: TextIO) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def highlight(snippet: str, start: str, end: str, *, for_terminal: bool = False) -> str:
    """A search snippet on one line, `HIT_MARKS` replaced by `start`/`end`.

    Adjacent matched words ("Li Zhaozong") become one highlight.  With
    `for_terminal`, the text between the marks is made safe to print first
    (the marks themselves are control characters, so the order matters).
    """
    snippet = snippet.replace(HIT_MARKS[1] + " " + HIT_MARKS[0], " ").replace("\n", " ")
    pieces = re.split(f"([{''.join(HIT_MARKS)}])", snippet)
    marks = {HIT_MARKS[0]: start, HIT_MARKS[1]: end}
    return "".join(
        marks[piece] if piece in marks else safe(piece) if for_terminal else piece
        for piece in pieces
    )


#: Commands that only read: they open both stores read-only (`mode=ro`), so
#: they work on a full disk or a read-only mount and never wait for a writer.
READ_ONLY_COMMANDS = frozenset(
    {"list", "show", "search", "notes list", "notes show", "notes search", "notes export"}
    | {"related", "alias list"}
)


def reads_only(args: argparse.Namespace) -> bool:
    """Whether the parsed command only reads (`compare` of two library ids included)."""
    command = str(getattr(args, "command", None))
    if command == "notes":
        command += f" {getattr(args, 'notes_command', None)}"
    if command in ("review", "alias"):
        command += f" {getattr(args, f'{command}_command', None)}"
    if command in ("compare", "review list"):
        # A file path is imported first; library ids (or none) only read.
        refs = (args.a, args.b) if command == "compare" else args.refs
        return all(is_plain_number(ref) and not _exists(ref) for ref in refs)
    return command in READ_ONLY_COMMANDS


def _exists(ref: str) -> bool:
    try:
        return Path(ref).exists()
    except OSError:  # a name too long for the file system is no file
        return False


#: SQLite's largest integer; a bigger id or limit cannot even be looked up.
MAX_SQLITE_INT = 2**63 - 1


def is_plain_number(text: str) -> bool:
    """True for a string of ASCII digits: what Parallax takes as an id."""
    return text.isascii() and text.isdigit()


def record_id(text: str) -> int:
    """argparse type for an article or note id: a whole number SQLite can hold."""
    # ASCII digits only: int() also takes " 1", "+1", "٣" and "１", so
    # `remove ٣` removed article 3.
    if not is_plain_number(text):
        if text.startswith("-") and is_plain_number(text[1:]):
            raise argparse.ArgumentTypeError(f"out of range: {text}")
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    value = int(text) if len(text) <= 19 else MAX_SQLITE_INT + 1
    if not 0 <= value <= MAX_SQLITE_INT:
        raise argparse.ArgumentTypeError(f"out of range: {text}")
    return value


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def utf8_text(text: str) -> str:
    """argparse type for text Parallax stores or searches (a note, a tag, a query).

    Bytes that are not UTF-8 reach `sys.argv` as lone surrogates (Python's
    "surrogateescape"), which SQLite refuses; say so here, as one line.
    File names are not checked: they may be any bytes.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            "not valid UTF-8 text (check the terminal's encoding)"
        ) from None
    return text


@contextlib.contextmanager
def ctrl_c_stops_between_files() -> Iterator[Callable[[], bool]]:
    """Ctrl-C during a long command: stop at the next file, not mid-write.

    A KeyboardInterrupt raised inside a SQLite callback (the search-index
    function) became that file's "OperationalError" refusal and the import
    went on.  While this is active, the first Ctrl-C only sets a flag (the
    yielded callable returns True); a second one interrupts at once.
    """
    interrupted = False

    def on_sigint(signum: int, frame: Any) -> None:
        nonlocal interrupted
        if interrupted:
            raise KeyboardInterrupt
        interrupted = True

    try:
        previous = signal.signal(signal.SIGINT, on_sigint)
    except ValueError:  # not the main thread: leave Ctrl-C alone
        yield lambda: False
        return
    try:
        yield lambda: interrupted
    finally:
        signal.signal(signal.SIGINT, previous)

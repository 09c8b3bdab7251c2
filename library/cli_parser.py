"""The argparse class every `parallax` parser uses, kept light for `parallax --help`.

Only `argparse` and `re` (which argparse loads anyway) are imported here:
`library.cli` builds its top-level parser from this module without loading any
command's module (see `library.cli.COMMANDS`).
"""

from __future__ import annotations

import argparse
import re

# Not `typing.TYPE_CHECKING`: `typing` is a few ms of `parallax --help` (mypy
# reads this name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# A message with nothing but printable ASCII and newlines needs no cleaning;
# anything else (a bad choice or option echoed from the command line) goes
# through `library.terminal.clean`, loaded only then.
_NEEDS_CLEANING = re.compile(r"[^\n\x20-\x7e]")


class ArgumentParser(argparse.ArgumentParser):
    """argparse that makes what it echoes (a bad choice, an unknown option) safe to print.

    Subparsers made by `add_subparsers().add_parser` are of this class too.
    """

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message and _NEEDS_CLEANING.search(message):
            from library.terminal import clean

            message = clean(message)
        super()._print_message(message, file)

"""Blank out terminal escapes and control characters before a text is read.

A body may keep control characters from its file (a log pasted into an
article, `ls --color` output, a stray form feed): they are stored as they came
and shown visibly, never executed.  The engine must not *read* them, though:
"\\x1b[0m" would otherwise be the quantity "0 m" and "\\x1b[31m5 people" hides
the count "5 people".  Each escape sequence and control character becomes
spaces of the same length, so every offset still points into the original body.
"""

from __future__ import annotations

import re

# CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), other two-byte ESC
# sequences, then any single C0/C1 control except tab, newline and carriage
# return.  Every branch is bounded or linear: no nested quantifiers.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]"
)


def blank_controls(text: str) -> str:
    """`text` with escapes and control characters replaced by as many spaces."""
    if _CONTROLS.search(text) is None:  # the common case: nothing to copy
        return text
    return _CONTROLS.sub(lambda m: " " * len(m.group()), text)

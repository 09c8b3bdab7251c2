"""Stored text made safe to print on a terminal.

A title, note or file name is data: it may hold an ESC sequence that would
retitle or clear the terminal, a BEL, a carriage return or backspace that
overwrites what was printed, or a bidi override that reorders the rest of the
line.  Everything the command line prints goes through `safe` (one line) or
`clean` (a whole block of output), which replace such characters with a
visible stand-in and leave every other character, Chinese, emoji and accents
included, unchanged:

- C0 controls and DEL become their Unicode "control pictures" (ESC → ␛),
- C1 controls (U+0080–U+009F, 0x9B is an 8-bit CSI) become `\\x9b`,
- bidi embeddings, overrides and isolates, and the other invisible
  format characters that reorder or hide text, become `\\u202e`,
- lone surrogates (an undecodable file name) become `\\xNN` like `display_path`.

`\\n` and `\\t` are kept only where a multi-line body is printed on purpose.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: The colour codes Parallax itself writes (SGR: `ESC [ digits ; … m`).
_SGR = re.compile(r"\x1b\[[0-9;]{0,16}m")

#: Format characters that reorder or hide text on a terminal.  The bidi *marks*
#: (LRM, RLM, ALM) stay: Arabic and Hebrew text uses them and they move no run.
_FORMAT = (
    list(range(0x202A, 0x202F))  # LRE RLE PDF LRO RLO
    + list(range(0x2066, 0x206A))  # LRI RLI FSI PDI
    + list(range(0x206A, 0x2070))  # deprecated shaping/swapping controls
    + [0x2028, 0x2029]  # line and paragraph separators
    + [0xFFF9, 0xFFFA, 0xFFFB]  # interlinear annotation
)


def _table(*, multiline: bool) -> dict[int, str]:
    table: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}
    table[0x7F] = "\u2421"  # ␡
    table.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})
    table.update({c: f"\\u{c:04x}" for c in _FORMAT})
    # Lone surrogates: bytes a file name could not decode, shown as display_path does.
    table.update({c: f"\\x{c - 0xDC00:02x}" for c in range(0xDC80, 0xDD00)})
    table.update({c: f"\\u{c:04x}" for c in range(0xD800, 0xE000) if c not in table})
    if multiline:
        del table[ord("\n")], table[ord("\t")]
    return table


_ONE_LINE = _table(multiline=False)
_MULTILINE = _table(multiline=True)


def safe(text: object, *, multiline: bool = False) -> str:
    """`text` with every character that could drive or spoof a terminal made visible.

    Args:
        text: what to print (converted with `str`; None becomes "").
        multiline: keep newlines and tabs (a body printed on purpose); a
            Windows line end "\\r\\n" is then a plain newline.  Otherwise
            newlines are shown as ␊ so one record stays on one line.
    """
    text = "" if text is None else str(text)
    if multiline:
        return text.replace("\r\n", "\n").translate(_MULTILINE)
    return text.translate(_ONE_LINE)


def clean(text: str, *, keep_colors: bool = False) -> str:
    """A block of output made safe, optionally keeping Parallax's own colour codes.

    The last line of defence in the writer: the values inside `text` should
    already have been passed through `safe`.  With `keep_colors`, SGR colour
    sequences (which can only set colours and weights) survive; every other
    escape sequence is made visible.

    Args:
        text: composed output, possibly several lines.
        keep_colors: keep `ESC [ … m` sequences (only when writing to a colour terminal).
    """
    if not keep_colors or "\x1b" not in text:
        return safe(text, multiline=True)
    parts: list[str] = []
    last = 0
    for match in _SGR.finditer(text):
        parts.append(safe(text[last : match.start()], multiline=True))
        parts.append(match.group())
        last = match.end()
    parts.append(safe(text[last:], multiline=True))
    return "".join(parts)


#: Characters json.dumps(ensure_ascii=False) leaves raw but a terminal may act on.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u206f\ufff9-\ufffb\ud800-\udfff]"
)


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """`data` as JSON that is safe to print: readable UTF-8, yet no raw control.

    json.dumps already writes C0 controls as `\\u001b`; C1 controls, bidi
    controls and lone surrogates it would leave raw are written as `\\uXXXX`
    too.  They can only occur inside JSON strings, so the result decodes to
    exactly `data`.
    """
    return safe_json(json.dumps(data, ensure_ascii=False, indent=indent))


def safe_json(text: str) -> str:
    """JSON text with the characters `dumps` escapes written as `\\uXXXX`: same data."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

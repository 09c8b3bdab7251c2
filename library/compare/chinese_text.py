"""Chinese in the comparison engine: terms, sentences and diff pieces.

Chinese is written without spaces, so the English rules (a word is a run of
letters, a sentence ends at ". ") do not apply.  Here:

- `tokens`: Chinese runs always split from digits and Latin words
  ("自2022年10月" is 自 · 2022 · 年 · 10 · 月), so numbers still match;
- `cjk_terms`: a Chinese run's terms are its characters plus its bigrams,
  folded to simplified (`library.chinese.fold`) for matching only;
- `sentences`: a Chinese line breaks after 。！？ (and ASCII !? right after a
  Chinese character), keeping closing quotes and brackets ”’」』）》 with the
  sentence; a Latin "Mr. Li left." inside it is never broken;
- `DIFF_PIECE`: the word diff's pieces, one Chinese character at a time.

Offsets always point into the original text: folding keeps lengths.
"""

from __future__ import annotations

import re

from library.chinese import CJK_CHAR, fold

_CJK_CLASS = CJK_CHAR.pattern[1:-1]
# A run of CJK characters, or anything else between them.
_SPLIT = re.compile(f"([{_CJK_CLASS}]+)")
# A sentence end: full-width enders (or ASCII !? after a Chinese character),
# then any closing quotes and brackets, which stay with the sentence.
_END = re.compile(f"(?:[。！？｡]+|(?<=[{_CJK_CLASS}])[!?]+)[”’」』）》〉\"')\\]]*")
#: One diff piece: a CJK character, a word or number, or one mark (with the spaces after it).
DIFF_PIECE = re.compile(f"[{_CJK_CLASS}]\\s*|[^\\W{_CJK_CLASS}]+\\s*|[^\\w\\s]\\s*|\\s+")


def is_cjk_run(token: str) -> bool:
    """Whether `token` is all CJK characters (a piece `tokens` returns whole)."""
    return bool(token) and all(CJK_CHAR.fullmatch(c) for c in token)


def tokens(text: str, word: re.Pattern[str]) -> list[str]:
    """`text`'s tokens in order: CJK runs whole, the rest by the `word` pattern.

    Args:
        text: a unit's text.
        word: the pattern for words and numbers outside CJK runs.
    """
    out: list[str] = []
    for k, piece in enumerate(_SPLIT.split(text)):
        if k % 2:
            out.append(piece)
        elif piece:
            out.extend(word.findall(piece))
    return out


def cjk_terms(run: str) -> list[str]:
    """Terms of one CJK run: each character and each bigram, folded to simplified.

    Characters keep one-character words (国, 死) and bigrams keep word order
    and two-character words (部长, 纵火).
    """
    run = fold(run)
    # Bigrams first, then characters: the order checks (similarity.refine) read
    # consecutive terms, and bigram after bigram keeps the word order visible
    # (PAWS-X zh dev ROC-AUC 0.684, against 0.635 with the two interleaved).
    return [run[i : i + 2] for i in range(len(run) - 1)] + list(run)


def sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` of a Chinese line, stripped of spaces.

    >>> line = "他说：「我们走。」随后离开。Mr. Li left."
    >>> [line[s:e] for s, e in sentences(line)]
    ['他说：「我们走。」', '随后离开。', 'Mr. Li left.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(line):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        piece = line[s:e]
        stripped = piece.strip()
        if stripped:
            at = s + piece.find(stripped)
            out.append((at, at + len(stripped)))
    return out

"""What some of pysbd's patterns need in a line before they can match at all.

pysbd runs about a hundred `re.sub`/`re.findall` rules over every line.  Most
open with a literal, which `re` finds with a fast scan; the costliest ones
open with a look-behind or an alternation, so `re` tries them at every
position of the line (three list patterns alone were a third of pysbd's
regex time at 10k words).  For those, `NEEDS` holds a check that every
match implies: a short substring, or a small pattern opening with a literal
or a character set, that any match must contain.  When the check fails the
pattern cannot match, so its `findall` is `[]`, its `search` is None and its
`sub` returns the line unchanged, and `segment._cached_re` answers so without
running it.

Each key is the pattern's exact text as pysbd writes it: a pysbd release that
changes a pattern no longer finds it here, and that pattern runs as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGIT_DOT_END = re.compile(r"\d\.[\s)]")
_LOWER_DOT_AT_START = re.compile(r"[a-z]\.")
_SPACE_LOWER_DOT = re.compile(r"\s[a-z]\.")
_LOWER_PAREN = re.compile(r"[a-z]\)")
_DIGIT_PAREN_SPACE = re.compile(r"\d\)\s")
_DOT_THEN_REFERENCE = re.compile(r"[.∯][\[\d]")
_THREE_MARKS = re.compile(r"[!?]{3}")
_SPACE_QUOTE = re.compile(r"\s'")
_LOWER_DOT_LOWER = re.compile(r"[a-z]\.[a-z]")
_SPACE_CAPITAL_DOT = re.compile(r"\s[A-Z]\.")
_DIGIT_DOT_NONSPACE = re.compile(r"\d\.\S")
_DOTS_SPACED = re.compile(r"\.\s\.\s\.\s\.")
_SPACED_DOTS = re.compile(r"\s\.\s\.\s\.\s")


def _lower_dot(text: str) -> bool:
    # "a." at the very start of the line, or after any space.
    return bool(_LOWER_DOT_AT_START.match(text) or _SPACE_LOWER_DOT.search(text))


NEEDS: dict[str, Callable[[str], bool]] = {
    # Numbered lists ("1. ", " 2.)"): every branch is one or two digits before ". " or ".)".
    r"\s\d{1,2}(?=\.\s)|^\d{1,2}(?=\.\s)|\s\d{1,2}(?=\.\))|^\d{1,2}(?=\.\))|(?<=\s\-)\d{1,2}"
    r"(?=\.\s)|(?<=^\-)\d{1,2}(?=\.\s)|(?<=\s\⁃)\d{1,2}(?=\.\s)|(?<=^\⁃)\d{1,2}(?=\.\s)|"
    r"(?<=s\-)\d{1,2}(?=\.\))|(?<=^\-)\d{1,2}(?=\.\))|(?<=\s\⁃)\d{1,2}(?=\.\))|(?<=^\⁃)\d{1,2}"
    r"(?=\.\))": lambda t: bool(_DIGIT_DOT_END.search(t)),
    # Lettered lists ("a. "): one lower-case letter, at the start or after a space, before ".".
    r"(?<=^)[a-z](?=\.)|(?<=\A)[a-z](?=\.)|(?<=\s)[a-z](?=\.)": _lower_dot,
    # Lettered lists ("(a)", "b)"): lower-case letters right before ")".
    r"(?<=\()[a-z]+(?=\))|(?<=^)[a-z]+(?=\))|(?<=\A)[a-z]+(?=\))|(?<=\s)[a-z]+(?=\))": lambda t: (
        ")" in t and bool(_LOWER_PAREN.search(t))
    ),
    r"\d{1,2}(?=\)\s)": lambda t: ")" in t and bool(_DIGIT_PAREN_SPACE.search(t)),
    # Numbered references ("word.[12] Next", "word.3 Next"): "." or "∯", then "[" or a digit.
    r"(?<=[^\d\s])(\.|∯)((\[(\d{1,3},?\s?-?\s?)*\b\d{1,3}\])+|((\d{1,3}\s?)?\d{1,3}))(\s)"
    r"(?=[A-Z])": lambda t: bool(_DOT_THEN_REFERENCE.search(t)),
    # "!!!", "?!?": three marks in a row.
    r"(?<=\S)(!|\?){3,}(?=(\s|\Z|$))": lambda t: bool(_THREE_MARKS.search(t)),
    # Single quotes after a space (a sub and a search of the same opening).
    r"(?<=\s)'(?:[^']|'[a-zA-Z])*'": lambda t: bool(_SPACE_QUOTE.search(t)),
    r"(?<=\s)'(?:[^']|'[a-zA-Z])*'\S": lambda t: bool(_SPACE_QUOTE.search(t)),
    r"(?<=\s)‘(?:[^’]|’[a-zA-Z])*’": lambda t: "‘" in t,
    # "e.g.", "i.e.": a letter, a period, a letter.
    r"\b[a-z](?:\.[a-z])+[.]": lambda t: bool(_LOWER_DOT_LOWER.search(t)),
    r"(?<=a∯m)∯(?=\s[A-Z])": lambda t: "a∯m∯" in t,
    r"(?<=p∯m)∯(?=\s[A-Z])": lambda t: "p∯m∯" in t,
    r"(?<=\S)\.{3}(?=\.\s[A-Z])": lambda t: "...." in t,
    r"(?<=\s[A-Z])\.(?=,?\s)": lambda t: bool(_SPACE_CAPITAL_DOT.search(t)),
    r"(?<=\d)\.(?=\S)": lambda t: bool(_DIGIT_DOT_NONSPACE.search(t)),
    r"(?<=[a-z])(\.\s){3}\.($|\\n)": lambda t: bool(_DOTS_SPACED.search(t)),
    r"(\s\.){3}\s": lambda t: bool(_SPACED_DOTS.search(t)),
    r"(?<=[a-zA-z]°)\.(?=\s*\d+)": lambda t: "°." in t,
}

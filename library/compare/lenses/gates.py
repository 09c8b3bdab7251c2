"""Word gates: which patterns of `attribution.py` a sentence can match at all.

Most sentences a lens reads hold no verb of saying, yet every pattern was run on
each of them (long alternations tried at every capital).  `gate_of(rx)` reads, from
the parsed pattern itself, sets of words a match must hold: for a place in the
pattern that only a non-letter can precede, every word a match can hold there
(its letters, lower-cased).  A sentence missing a word of one of those sets
cannot match, so the pattern is skipped with a few set tests.  The sets are
derived, not written by hand, so a verb added to the lexicon is gated with no
second edit, and a gate never changes what a pattern finds (`tests/.../
test_lenses_gates.py` checks both).
"""

from __future__ import annotations

import re
import re._constants as sre_c
import re._parser as sre_parse
from typing import Any

from library.compare.lenses.pattern_cache import CACHE, re_compile
from library.compare.lenses.reporting import VERBS

#: Beyond this many words at one place the place gives no gate.
_LIMIT = 4000
#: A repetition is read at most this many times over; beyond, no gate there.
_UNROLL = 8
#: Words a match may hold first that nearly every sentence holds ("was quoted as
#: saying", "went on to say"): the gate reads the word after them instead.
SKIP = frozenset(
    ("is", "was", "were", "are", "has", "had", "have", "been", "would", "will", "went", "on", "to")
)

# A path through the pattern: the letters of the word read so far, and its state:
# in the word; the word read; between words (a non-letter read); not known whether a
# letter came before (a letter read then may continue a longer word: no gate).
_READING, _ENDED, _GAP, _UNKNOWN = 0, 1, 2, 3
_Path = tuple[str, int]


class _Open(Exception):
    """No finite set of words at this place (`\\w+`, `.`, a letter of unknown start)."""


def _chars(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """Letters of a character class (lower-cased), and whether it holds a non-letter."""
    letters: set[str] = set()
    other = False
    for op, av in items:
        if op is sre_c.NEGATE:
            raise _Open
        if op is sre_c.LITERAL:
            codes = [av]
        elif op is sre_c.RANGE:
            if av[1] - av[0] > 30:
                raise _Open
            codes = list(range(av[0], av[1] + 1))
        elif op is sre_c.CATEGORY and av in (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_DIGIT):
            other = True
            continue
        else:
            raise _Open
        for code in codes:
            c = chr(code).lower()
            if "a" <= c <= "z":
                letters.add(c)
            else:
                other = True
    return letters, other


def _letter(path: _Path, c: str) -> _Path:
    word, state = path
    if state == _UNKNOWN:
        raise _Open  # "spokesman" may end "newspokesman": no word known
    return path if state == _ENDED else (c if state == _GAP else word + c, _READING)


def _other(path: _Path) -> _Path:
    word, state = path
    if state == _READING:
        return ("", _GAP) if word in SKIP else (word, _ENDED)
    return ("", _GAP) if state == _UNKNOWN else path


def _walk(seq: list[tuple[Any, Any]], paths: set[_Path]) -> set[_Path]:
    """Every path after reading `seq` from each of `paths`."""
    for op, av in seq:
        if all(state == _ENDED for _, state in paths):
            return paths
        if op is sre_c.AT:
            if av in (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING, sre_c.AT_BOUNDARY):
                # at the start, or a boundary a letter follows: no letter before
                paths = {("", _GAP) if s == _UNKNOWN else (w, s) for w, s in paths}
            continue
        if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            direction, sub = av
            if op is sre_c.ASSERT and direction < 0:  # "(?<=, )": what comes before
                try:
                    before = _walk(list(sub), {("", _UNKNOWN)})
                except _Open:
                    before = set()
                if before and all(s == _GAP for _, s in before):
                    paths = {("", _GAP) if s == _UNKNOWN else (w, s) for w, s in paths}
            continue  # otherwise zero-width: reads no letter
        if op is sre_c.LITERAL:
            c = chr(av).lower()
            paths = {_letter(p, c) if "a" <= c <= "z" else _other(p) for p in paths}
        elif op is sre_c.IN:
            letters, other = _chars(av)
            nxt = {_letter(p, c) for p in paths for c in letters}
            paths = nxt | {_other(p) for p in paths} if other else nxt
        elif op is sre_c.BRANCH:
            paths = set().union(*(_walk(list(alt), paths) for alt in av[1]))
        elif op is sre_c.SUBPATTERN:
            paths = _walk(list(av[-1]), paths)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            low, high, sub = av
            found = set(paths) if low == 0 else set()
            cur = paths
            for k in range(1, _UNROLL + 1):
                cur = _walk(list(sub), cur)
                if k >= low:
                    if cur <= found:
                        break  # a fixed point: more repeats read nothing new
                    found |= cur
                if k == high:
                    break
            else:
                raise _Open  # letters repeated without a bound
            paths = found
        else:
            raise _Open
        if len(paths) > _LIMIT:
            raise _Open
    return paths


def _words(seq: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The words a match of `seq` can hold first (past `SKIP`), or None."""
    try:
        found = _walk(seq, {("", _UNKNOWN)})
    except _Open:
        return None
    if any(state in (_GAP, _UNKNOWN) for _, state in found):
        return None  # a match of no word at all, or of skipped words only
    return frozenset(w for w, _ in found)


def heads(pattern: str) -> frozenset[str] | None:
    """Every first word (its letters, lower-cased; past the words of `SKIP`) a match
    of `pattern` can hold; None when that is not a finite set or a letter may come
    right before the match ("spokesman" in "newspokesman")."""
    return _words(list(sre_parse.parse(pattern)))


def gates(pattern: str) -> tuple[frozenset[str], ...]:
    """Word sets a match of `pattern` holds a word of each: read from the start and
    from after each step of the pattern's top level (a mandatory step)."""
    seq = list(sre_parse.parse(pattern))
    found = {_words(seq[i:]) for i in range(len(seq))}
    return tuple(sorted((g for g in found if g is not None), key=len))


def is_word_set(value: object) -> bool:
    """Whether a kept value is a frozenset of words (a damaged cache may hold anything)."""
    return isinstance(value, frozenset) and all(isinstance(w, str) for w in value)


def is_gate_tuple(value: object) -> bool:
    """Whether a kept value has the shape `gates()` returns: a tuple of word sets."""
    return isinstance(value, tuple) and all(is_word_set(g) for g in value)


#: The first words of a verb of saying (`VERBS`) set off by a space or a quote.
VERB = CACHE.derived("heads", rf"\s(?:{VERBS})\b", heads, lambda v: v is None or is_word_set(v))


def gate_of(rx: re.Pattern[str], verb: bool = False) -> tuple[frozenset[str], ...]:
    """The gates of a pattern: (`verb`: the pattern has a mandatory verb of saying
    with a space or a quote before it) the verbs' first words alone, else its own.
    A pattern holding the whole lexicon is not parsed again (its parse is slow at
    import, and its other steps are common words): no gate of its own."""
    if verb:
        return () if VERB is None else (VERB,)
    # Read from the parsed pattern once per install (`pattern_cache`): ~0.3 s at import.
    if VERBS in rx.pattern:
        return ()
    return CACHE.derived("gates", rx.pattern, gates, is_gate_tuple)


#: A sentence's words as the gates read them (of its lower-cased text).
WORDS = re_compile(r"[a-z]+")


def may_match(gate: tuple[frozenset[str], ...], words: set[str]) -> bool:
    """Whether a sentence of `words` (lower-cased, `WORDS`) can hold a match."""
    # a plain loop: called some 70 times a sentence, a generator in `all` cost a third
    # of the gate's time (seventh round, to pay for its patterns; same answers)
    for g in gate:  # noqa: SIM110 (faster than `all` over a generator here)
        if g.isdisjoint(words):
            return False
    return True

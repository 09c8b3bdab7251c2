"""Results of readers that depend on a sentence's text alone, kept by that text.

The window compares one article against many and opens a comparison again;
within one comparison the detectors read a unit once for every candidate pair
it is in.  A reader whose answer depends on its arguments alone (a sentence's
named sources, its capitalised names) is wrapped in `listed`: its answers are
kept by argument (least recently used out first), so a sentence read again is
not parsed again.  An edited article has edited sentences, so new keys: nothing
stale is handed back.  `kept` is the same for readers whose answer cannot be
edited (a string, a tuple): a plain `functools.lru_cache`, registered so that
`clear()` empties it too.

Answers are stored as tuples and handed out as fresh lists, so a caller that
edits its list cannot change what the next caller gets.  `clear()` empties
every cache (a benchmark's "cold" run, a test).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, update_wrapper, wraps
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_ALL: list[Listed[Any, Any]] = []
_KEPT: list[Any] = []  # the `kept` caches
#: Texts longer than this (characters) are not kept by `listed`: sentences and the
#: passages of a few sentences the detectors read are, whole articles are not.
LONGEST = 5000


class Listed(Generic[P, T]):
    """`fn` behind a bounded cache of its answers; called like `fn`, answers a new list.

    Attributes:
        uncached: the reader itself, for tests that compare it with the cache.
    """

    def __init__(self, fn: Callable[P, list[T]], maxsize: int, longest: int) -> None:
        self.uncached = fn
        self.longest = longest

        def kept(*args: Any, **kwargs: Any) -> tuple[T, ...]:
            return tuple(fn(*args, **kwargs))

        self._cache = lru_cache(maxsize=maxsize)(kept)
        # Keyed by the arguments as given (keywords too), all hashable.
        self._kept: Callable[..., tuple[T, ...]] = self._cache
        update_wrapper(self, fn)
        _ALL.append(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> list[T]:
        if args and isinstance(args[0], str) and len(args[0]) > self.longest:
            # A whole article (the name index reads one): kept, it would hold the
            # text alive long after the window let it go; read once a comparison.
            return self.uncached(*args, **kwargs)
        return list(self._kept(*args, **kwargs))

    def cache_clear(self) -> None:
        """Forget every kept answer."""
        self._cache.cache_clear()

    def cache_size(self) -> int:
        """How many answers are kept."""
        return int(self._cache.cache_info().currsize)


def listed(maxsize: int, longest: int = LONGEST) -> Callable[[Callable[P, list[T]]], Listed[P, T]]:
    """Decorator: keep up to `maxsize` answers of a reader of hashable arguments.

    Args:
        maxsize: answers kept; a 10,000-word article is ~500 sentences, and the
            window may hold a few articles' worth.
        longest: a first argument (the text) longer than this is read, not kept.
    """

    def wrap(fn: Callable[P, list[T]]) -> Listed[P, T]:
        return Listed(fn, maxsize, longest)

    return wrap


def kept(maxsize: int, longest: int = LONGEST) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Decorator: `functools.lru_cache` for a reader whose answer is immutable (a str,
    a tuple), emptied by `clear()` too.

    Args:
        maxsize: answers kept.
        longest: a first argument (the text) longer than this is read, not kept:
            a unit can be a whole line with no sentence end (a pasted table), and
            kept it would stay in memory, with its answer, after the window let
            the article go (as in `listed`).
    """

    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        cached: Callable[..., T] = lru_cache(maxsize=maxsize)(fn)
        _KEPT.append(cached)

        @wraps(fn)
        def read(*args: P.args, **kwargs: P.kwargs) -> T:
            if args and isinstance(args[0], str) and len(args[0]) > longest:
                return fn(*args, **kwargs)
            return cached(*args, **kwargs)

        # As lru_cache's wrapper has them (tests, a benchmark's cold run).
        read.cache_info = cached.cache_info  # type: ignore[attr-defined]
        read.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return read

    return wrap


def clear() -> None:
    """Empty every cache made by `listed` and `kept` (a cold run starts with nothing read)."""
    for memo in _ALL:
        memo.cache_clear()
    for cached in _KEPT:
        cached.cache_clear()

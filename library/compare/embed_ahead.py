"""Sentence vectors made in a worker thread while the engine reads the texts.

A cold comparison spends about 40 % of its time encoding sentences, and the
backend asks for the vectors only once both texts are segmented, their terms
and word weights built and their names read (`engine.compare`, stages 1-5):
work that does not need the vectors.  The encoder's heavy steps are numpy
calls that release the GIL, so on a second core each side's sentences can be
encoded while that work goes on.  `EmbedAhead` starts `embed(texts)` for each
side as soon as it is segmented and hands the backend the result when it asks
for exactly those texts: the same call on the same texts, so the same vectors
and the same comparison, sooner.

One worker thread runs the calls one after the other, so an `embed` that is
not safe to call from two threads at once (a cache in front of the encoder) is
never called twice at the same time; a call for other texts waits for the
started ones first.  With vectors already cached (the window reads them from
`library.db`) the calls are dictionary look-ups and nothing changes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

Embed = Callable[[Sequence[str]], Any]


class EmbedAhead:
    """`embed` with calls started ahead in a worker thread; call it as `embed` itself.

    Args:
        embed: texts -> one vector per text (the backend's own).
    """

    def __init__(self, embed: Embed) -> None:
        self.embed = embed
        self._pool: ThreadPoolExecutor | None = None
        self._started: dict[tuple[str, ...], Future[Any]] = {}

    @classmethod
    def around(cls, backend: Any) -> tuple[Any, EmbedAhead | None]:
        """A copy of `backend` whose `embed` is an `EmbedAhead`, and that wrapper.

        A backend without `embed` (the lexical one) comes back as it is, with None.
        The caller's backend is not changed: it may be shared between threads.
        """
        embed = getattr(backend, "embed", None)
        if not callable(embed):
            return backend, None
        ahead = cls(embed)
        mine = copy.copy(backend)
        mine.embed = ahead
        return mine, ahead

    def start(self, texts: Sequence[str]) -> None:
        """Begin `embed(texts)` in the worker thread (once per distinct list)."""
        key = tuple(texts)
        if not key or key in self._started:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed-ahead")
        self._started[key] = self._pool.submit(self.embed, list(key))

    def done_starting(self) -> None:
        """No more calls will be started: the worker ends once the started ones are done."""
        if self._pool is not None:
            self._pool.shutdown(wait=False)

    def __call__(self, texts: Sequence[str]) -> Any:
        """The vectors of `texts`: the started call's result, or `embed(texts)` now.

        A started call's result is handed over once (its memory is not kept for
        the rest of the comparison); an error it raised is raised here, where
        the backend would have met it.
        """
        job = self._started.pop(tuple(texts), None)
        if job is not None:
            return job.result()
        if self._started:  # never two calls of `embed` at once
            wait(list(self._started.values()))
        return self.embed(texts)

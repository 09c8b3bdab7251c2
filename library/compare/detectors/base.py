"""The shape every conflict detector shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from library.compare.mentions import Mentions
from library.compare.model import Conflict, DiffOp

Diff = Sequence[tuple[DiffOp, str]]


@dataclass(frozen=True, slots=True)
class Passage:
    """One side of a candidate pair: its text and what its article names.

    Args:
        text: the joined units of this side.
        side: "a" or "b".
        mentions: names of both articles of the comparison and their aliases
            (built from the two passages alone when the articles are not known).
        article: the whole text of this side's article ("" = just `text`): a value
            an article states somewhere is one it knows, not one it contradicts.
    """

    text: str
    side: str = "a"
    mentions: Mentions = field(default_factory=Mentions)
    article: str = ""

    def outside(self) -> Callable[[int, int], bool]:
        """A test: does article span `[start, end)` lie outside this passage?

        What the article says *elsewhere* is what it knows besides this claim;
        inside the passage, the detectors already match values one to one.
        """
        at = self.article.find(self.text)
        end_at = at + len(self.text)
        return lambda start, end: at < 0 or end <= at or start >= end_at


class Detector(Protocol):
    """`detect(a, b, diff)`: the conflicts of one kind between two passages."""

    def __call__(self, a: Passage, b: Passage, diff: Diff) -> Iterable[Conflict]: ...

"""How the user's reviews show on the comparison: marks on reviewed pairs, hand links drawn.

`Reviewing` turns a `ReviewedComparison` into plain records here; the link map
(gutter) and the reading panes paint them:

* a reviewed machine pair gets a badge (✓ confirmed, ✗ rejected, ✎ changed) on
  its band in the gutter and a bar in the right margin of both texts;
* a pair linked by hand (Ctrl+L) is drawn as a band of its own style (dash-dot
  outline in the review colour) with a ↔ badge, and its passages are framed
  dash-dot in the texts.

The review colour is the Okabe-Ito bluish green: apart from the blue of shared
facts, the orange of divergent claims and the purple of related pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor

from library.reviews import AppliedReview, ReviewedComparison, span_of

RELATION_WORDS: dict[str, str] = {
    "same": "same",
    "divergent": "divergent",
    "related": "related",
    "unrelated": "not related",
}
MARKS = {"confirmed": "✓", "rejected": "✗", "changed": "✎", "linked": "↔"}
# How much of a reason a status line or a list entry shows (tooltips show it all).
REASON_CHARS = 90


def review_color(dark: bool, verdict: str = "confirmed") -> QColor:
    """The colour of review marks; a rejection is grey (the pair no longer counts)."""
    if verdict == "rejected":
        return QColor("#9a9a9a" if dark else "#6b6b6b")
    return QColor("#3fcfa2" if dark else "#009e73")


def _clipped(text: str, limit: int | None) -> str:
    text = " ".join(text.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def review_line(applied: AppliedReview, reason_chars: int | None = REASON_CHARS) -> str:
    """One plain line saying how the user reviewed a pair, with the reason if any.

    E.g. "Reviewed: confirmed — Both quote the notice" or "Linked by hand as related".
    """
    review = applied.review
    relation = RELATION_WORDS.get(review.relation, review.relation)
    if review.verdict == "changed":
        line = f"Reviewed: marked as {relation}"
    elif review.verdict == "linked":
        line = f"Linked by hand as {relation}"
    else:
        line = f"Reviewed: {review.verdict}"
    if review.reason.strip():
        line += f" — {_clipped(review.reason, reason_chars)}"
    return line


def review_mark(applied: AppliedReview | None) -> str:
    """A one-character mark for a reviewed pair ("" when nobody reviewed it)."""
    return "" if applied is None else MARKS.get(applied.review.verdict, "✓")


@dataclass(frozen=True, slots=True)
class PairMark:
    """The badge of a reviewed machine pair.

    Args:
        mark: ✓, ✗ or ✎.
        verdict: "confirmed", "rejected" or "changed".
        line: the review in plain words (for tooltips).
        relation: the pair's relation as the user has it ("unrelated" if rejected).
    """

    mark: str
    verdict: str
    line: str
    relation: str = ""


@dataclass(frozen=True, slots=True)
class UserLink:
    """A pair the user linked by hand, as body-offset spans of each text.

    Args:
        index: its position among the comparison's hand links.
        relation: what the user says links the passages.
        a_start, a_end: the passage in article A (body offsets).
        b_start, b_end: the passage in article B.
        units_a, units_b: the comparison's unit ids under each passage.
        line: the link in plain words, with its reason (for tooltips).
        text_a, text_b: the linked sentences.
    """

    index: int
    relation: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    units_a: tuple[int, ...]
    units_b: tuple[int, ...]
    line: str
    text_a: str = ""
    text_b: str = ""

    def extent(self, side: str) -> tuple[int, int]:
        return (self.a_start, self.a_end) if side == "a" else (self.b_start, self.b_end)


def pair_marks(
    reviews: ReviewedComparison | None, count: int, engine_index: Callable[[int], int | None]
) -> dict[int, PairMark]:
    """The badge of each reviewed pair, by the view's pair index (`count` pairs)."""
    if reviews is None:
        return {}
    by_pair = reviews.by_pair
    out: dict[int, PairMark] = {}
    for layout_index in range(count):
        index = engine_index(layout_index)
        applied = None if index is None else by_pair.get(index)
        if applied is not None:
            verdict = applied.review.verdict
            line, relation = review_line(applied, None), applied.review.relation
            out[layout_index] = PairMark(review_mark(applied), verdict, line, relation)
    return out


def user_links(reviews: ReviewedComparison | None) -> list[UserLink]:
    """The pairs the user made that the machine does not, placed in the two texts."""
    if reviews is None:
        return []
    comparison: Any = reviews.comparison
    out: list[UserLink] = []
    for index, applied in enumerate(reviews.user_pairs):
        try:
            a = span_of(comparison.a.units, applied.a)
            b = span_of(comparison.b.units, applied.b)
        except ValueError:
            continue  # `apply_reviews` found these units; a stale comparison may not have them
        line = review_line(applied, None)
        texts = [
            " ".join(u.text for u in units if u.id in set(ids))
            for units, ids in ((comparison.a.units, applied.a), (comparison.b.units, applied.b))
        ]
        out.append(
            UserLink(index, applied.review.relation, *a, *b, applied.a, applied.b, line, *texts)
        )
    return out


def link_at(links: list[UserLink], side: str, unit_id: int) -> UserLink | None:
    """The hand link that includes unit `unit_id` of `side`, if any."""
    for link in links:
        if unit_id in (link.units_a if side == "a" else link.units_b):
            return link
    return None

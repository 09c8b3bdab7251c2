"""Attach notes to passages and find those passages again after an edit.

An anchor is the quoted text plus a little context on each side plus offsets.
When an article comes back as a changed version the offsets are only a hint:
`relocate` looks for the quote exactly first, then fuzzily with
diff-match-patch's Bitap `match_main` (on the quote's head, its tail and the
context around it), and accepts a place only if the text there is still close
to the quote.  A quote that cannot be placed is reported as `None`, and the
store marks the note detached rather than guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from library.errors import NotFound
from library.notes.model import Anchor

CONTEXT_CHARS = 48
# Bitap works on machine words: match_main refuses patterns over 32 chars.
_PATTERN = 32
# How close the text found must be to the old quote (1.0 = identical).
MIN_SIMILARITY = 0.6
# A changed quote must also keep some of its surroundings (unrelated text of
# the same length scores under 0.2; nearby text on the same topic about 0.5).
MIN_CONTEXT = 0.6


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a quote was found: offsets into the new body and how alike the text is."""

    start: int
    end: int
    similarity: float


def make_anchor(body: str, start: int, end: int, *, context: int = CONTEXT_CHARS) -> Anchor:
    """The anchor for `body[start:end]`, with `context` characters each side.

    Raises:
        ValueError: the range is empty or outside the body.
    """
    if not 0 <= start < end <= len(body):
        raise ValueError(f"Passage {start}–{end} is not inside the article (0–{len(body)}).")
    return Anchor(
        quote=body[start:end],
        prefix=body[max(0, start - context) : start],
        suffix=body[end : end + context],
        start=start,
        end=end,
    )


def find_quote(body: str, quote: str) -> tuple[int, int]:
    """Offsets of `quote` in `body`: exact match first, then ignoring case and spacing.

    Raises:
        NotFound: the quote is not in the text (the message says so plainly).
    """
    quote = quote.strip()
    if not quote:
        raise NotFound("The quote is empty.")
    at = body.find(quote)
    if at >= 0:
        return at, at + len(quote)
    # People retype quotes: tolerate case and runs of whitespace.
    folded, positions = _fold(body)
    wanted, _ = _fold(quote)
    at = folded.find(wanted)
    if at < 0 or not wanted:
        raise NotFound(f"The quote {_short(quote)} is not in the article's text.")
    return positions[at], positions[at + len(wanted) - 1] + 1


def relocate(anchor: Anchor, body: str) -> Placement | None:
    """Find `anchor`'s passage in `body` (a changed version), or None if it is gone.

    Args:
        anchor: the passage as noted on the previous version.
        body: the new version's text.
    """
    quote = anchor.quote
    if not quote or not body:
        return None
    if body[anchor.start : anchor.end] == quote:
        return Placement(anchor.start, anchor.end, 1.0)
    exact = _exact(anchor, body)
    if exact is not None and _context(anchor, body, exact) >= 0.5:
        return exact
    # The same words elsewhere, in another context, may be a repeat of the
    # phrase while the noted spot was edited: weigh them with the fuzzy finds.
    candidates = [c for c in _fuzzy_candidates(anchor, body) if c is not None]
    if exact is not None:
        candidates.append(exact)
    # The quote alone can match a similar sentence elsewhere better than its
    # edited self; the context around each candidate breaks the tie.
    best = max(
        candidates, key=lambda p: p.similarity + 0.5 * _context(anchor, body, p), default=None
    )
    if best is None or best.similarity < MIN_SIMILARITY:
        return None
    if best.similarity < 1.0 and _context(anchor, body, best) < MIN_CONTEXT:
        # Similar words in a different place (a short phrase that recurs):
        # better shown detached than attached to the wrong passage.
        return None
    return _snap_to_words(anchor, body, _snap_to_context(anchor, body, best))


def moved_anchor(anchor: Anchor, body: str, placement: Placement) -> Anchor:
    """The anchor rewritten for its new place (quote and context from the new body)."""
    return make_anchor(body, placement.start, placement.end)


# -- helpers ----------------------------------------------------------------


def _exact(anchor: Anchor, body: str) -> Placement | None:
    # Every exact occurrence; prefer the one whose context still matches, then
    # the one nearest the old offset.
    quote = anchor.quote
    hits: list[int] = []
    at = body.find(quote)
    while at >= 0 and len(hits) < 200:
        hits.append(at)
        at = body.find(quote, at + 1)
    if not hits:
        return None

    def score(pos: int) -> tuple[float, int]:
        before = body[max(0, pos - len(anchor.prefix)) : pos]
        after = body[pos + len(quote) : pos + len(quote) + len(anchor.suffix)]
        context = _similarity(anchor.prefix, before) + _similarity(anchor.suffix, after)
        return (-context, abs(pos - anchor.start))

    best = min(hits, key=score)
    return Placement(best, best + len(quote), 1.0)


def _fuzzy_candidates(anchor: Anchor, body: str) -> list[Placement | None]:
    dmp = diff_match_patch()
    # Loose on position (articles get paragraphs inserted above a passage),
    # strict on content: the similarity check below has the last word.
    dmp.Match_Distance = max(1000, len(body))
    dmp.Match_Threshold = 0.35
    quote, n = anchor.quote, len(anchor.quote)
    expected = min(max(anchor.start, 0), len(body))
    head, tail = quote[:_PATTERN], quote[-_PATTERN:]
    out: list[Placement | None] = []

    start = _match(dmp, body, head, expected)
    if start is not None:
        end = _match(dmp, body, tail, start + n - len(tail))
        out.append(_placement(quote, body, start, end + len(tail) if end is not None else None))
    end_at = _match(dmp, body, tail, expected + n - len(tail))
    if end_at is not None:
        end = end_at + len(tail)
        out.append(_placement(quote, body, max(0, end - n), end))
    # Unchanged context on both sides brackets the passage exactly.
    pre, suf = anchor.prefix[-16:], anchor.suffix[:16]
    if len(pre) >= 6 and len(suf) >= 6:
        at = body.find(pre)
        for _ in range(50):
            if at < 0:
                break
            start = at + len(pre)
            stop = body.find(suf, start, start + 2 * n + 16 + len(suf))
            if stop > start:
                out.append(_placement(quote, body, start, stop))
            at = body.find(pre, at + 1)
    # The context can survive when the quote itself was reworded.
    before = anchor.prefix[-_PATTERN:]
    if len(before) >= 8:
        found = _match(dmp, body, before, expected - len(before))
        if found is not None:
            start = found + len(before)
            after = anchor.suffix[:_PATTERN]
            end_at = _match(dmp, body, after, start + n) if len(after) >= 8 else None
            out.append(_placement(quote, body, start, end_at))
    return out


def _context(anchor: Anchor, body: str, place: Placement) -> float:
    """How well the text around `place` matches the anchor's prefix and suffix (0–1)."""
    before = body[max(0, place.start - len(anchor.prefix)) : place.start]
    after = body[place.end : place.end + len(anchor.suffix)]
    return (_similarity(anchor.prefix, before) + _similarity(anchor.suffix, after)) / 2


def _snap_to_context(anchor: Anchor, body: str, place: Placement) -> Placement:
    # Bitap finds *a* good alignment, which can be a few characters off when
    # the quote's first or last word changed; the unchanged context right
    # before and after it marks the edges exactly.
    start, end = place.start, place.end
    slack = max(8, min(24, len(anchor.quote) // 4))
    before = anchor.prefix[-16:]
    if len(before) >= 6:
        at = _nearest(body, before, start - len(before), slack)
        if at is not None:
            start = at + len(before)
    after = anchor.suffix[:16]
    if len(after) >= 6:
        at = _nearest(body, after, end, slack)
        if at is not None and at > start:
            end = at
    if end <= start or (start, end) == (place.start, place.end):
        return place
    similarity = _similarity(anchor.quote, body[start:end])
    if similarity < MIN_SIMILARITY:
        return place
    return Placement(start, end, similarity)


def _nearest(body: str, needle: str, near: int, slack: int) -> int | None:
    """The occurrence of `needle` starting closest to `near`, at most `slack` away."""
    lo = max(0, near - slack)
    found: list[int] = []
    at = body.find(needle, lo, near + slack + len(needle))
    while at >= 0:
        found.append(at)
        at = body.find(needle, at + 1, near + slack + len(needle))
    return min(found, key=lambda pos: abs(pos - near), default=None)


def _snap_to_words(anchor: Anchor, body: str, place: Placement) -> Placement:
    # A fuzzy match of "open in May" against "open in June" ends inside
    # "June"; if the note's quote ended (or began) on a word boundary, so
    # should the new one.
    start, end = place.start, place.end
    if _word_edge(anchor.quote[:1], anchor.prefix[-1:]):
        while start > 0 and start > place.start - 12 and _inside_word(body, start):
            start -= 1
    if _word_edge(anchor.quote[-1:], anchor.suffix[:1]):
        while end < len(body) and end < place.end + 12 and _inside_word(body, end):
            end += 1
    if (start, end) == (place.start, place.end):
        return place
    return Placement(start, end, _similarity(anchor.quote, body[start:end]))


def _word_edge(inner: str, outer: str) -> bool:
    return inner.isalnum() and not outer.isalnum()


def _inside_word(body: str, at: int) -> bool:
    return 0 < at < len(body) and body[at - 1].isalnum() and body[at].isalnum()


def _match(dmp: diff_match_patch, body: str, pattern: str, loc: int) -> int | None:
    if not pattern:
        return None
    loc = min(max(loc, 0), len(body))
    at = dmp.match_main(body, pattern, loc)
    return None if at < 0 else int(at)


def _placement(quote: str, body: str, start: int, end: int | None) -> Placement | None:
    if end is None or end <= start or end - start > 2 * len(quote) + 16:
        end = min(len(body), start + len(quote))
    if start >= end:
        return None
    return Placement(start, end, _similarity(quote, body[start:end]))


def _similarity(a: str, b: str) -> float:
    """1 − Levenshtein distance / longer length, on characters."""
    if not a and not b:
        return 1.0
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0.1
    diffs = dmp.diff_main(a, b, False)
    return 1.0 - dmp.diff_levenshtein(diffs) / max(len(a), len(b))


def _fold(text: str) -> tuple[str, list[int]]:
    # Lower-case with whitespace runs collapsed, plus each folded char's source offset.
    chars: list[str] = []
    positions: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space and chars:
                chars.append(" ")
                positions.append(i)
            space = True
            continue
        space = False
        for low in ch.lower():
            chars.append(low)
            positions.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), positions


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "…")

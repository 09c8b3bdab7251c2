"""Anchoring: passages found again after edits; unplaceable notes detached, never dropped."""

from __future__ import annotations

from pathlib import Path

from library.article import Article, ArticleId
from library.notes import NotesStore
from library.notes.anchoring import find_quote, make_anchor, relocate

OLD = (
    "Officials confirmed on Monday that the reservoir reached its lowest level in forty years. "
    "Farmers in the valley have been asked to cut water use by a third.\n\n"
    "The regional minister said emergency pipelines would be built before the summer, "
    "although engineers doubt the timetable.\n\n"
    "Rain is not expected until October, forecasters said."
)
QUOTE = "emergency pipelines would be built before the summer"


def _article(body: str, id_: int) -> Article:
    return Article(title="Drought", body=body, id=ArticleId(id_))


def _anchor_on(body: str, quote: str):  # type: ignore[no-untyped-def]
    start = body.index(quote)
    return make_anchor(body, start, start + len(quote))


def test_make_anchor_keeps_context() -> None:
    anchor = _anchor_on(OLD, QUOTE)
    assert anchor.quote == QUOTE
    assert OLD[anchor.start - len(anchor.prefix) : anchor.start] == anchor.prefix
    assert 0 < len(anchor.prefix) <= 48 and 0 < len(anchor.suffix) <= 48


def test_unchanged_text_stays_put() -> None:
    anchor = _anchor_on(OLD, QUOTE)
    place = relocate(anchor, OLD)
    assert place is not None and (place.start, place.end) == (anchor.start, anchor.end)


def test_text_inserted_above_moves_the_anchor() -> None:
    new = "UPDATE: the minister spoke again on Tuesday.\n\n" + OLD
    place = relocate(_anchor_on(OLD, QUOTE), new)
    assert place is not None and new[place.start : place.end] == QUOTE


def test_repeated_quote_prefers_matching_context() -> None:
    body = "Alpha said yes. Beta said no. Alpha said yes. Gamma agreed."
    anchor = make_anchor(body, 30, 45)  # the second "Alpha said yes."
    new = "Intro. " + body
    place = relocate(anchor, new)
    assert place is not None and place.start == 37


def test_small_edit_inside_quote_is_found_fuzzily() -> None:
    new = OLD.replace("would be built before the summer", "will be built before summer")
    place = relocate(_anchor_on(OLD, QUOTE), new)
    assert place is not None
    found = new[place.start : place.end]
    assert "pipelines will be built before summer" in found
    assert place.similarity >= 0.6


def test_long_quote_with_edits_at_both_ends() -> None:
    quote = OLD[OLD.index("The regional") : OLD.index("timetable.") + 10]
    new = OLD.replace("The regional minister", "The minister").replace("timetable.", "schedule.")
    place = relocate(_anchor_on(OLD, quote), new)
    assert place is not None
    assert new[place.start : place.end].startswith("The minister said")


def test_removed_passage_is_not_placed() -> None:
    new = OLD.replace(
        "The regional minister said emergency pipelines would be built before the summer, "
        "although engineers doubt the timetable.\n\n",
        "",
    )
    assert relocate(_anchor_on(OLD, QUOTE), new) is None


def test_find_quote_tolerates_case_and_spacing() -> None:
    start, end = find_quote(OLD, "FARMERS in the\n valley")
    assert OLD[start:end] == "Farmers in the valley"


def test_reanchor_after_edit_and_detached_notes(notes_store: NotesStore) -> None:
    old = _article(OLD, 1)
    kept = notes_store.add_quote_note(old, QUOTE, "Is that realistic?")
    gone = notes_store.add_quote_note(old, "Rain is not expected until October", "Check forecast")
    whole = notes_store.add_article_note(1, "About the whole piece")
    pair = notes_store.add_comparison_note(5, 1, "Compare with the other outlet")

    new_body = "Breaking update.\n\n" + OLD.replace(
        "Rain is not expected until October, forecasters said.", "Storms arrived overnight."
    )
    new = _article(new_body, 2)
    report = notes_store.reanchor(1, new)

    assert sorted(report.moved) == sorted([kept.id, gone.id, whole.id, pair.id])
    assert report.reattached == [kept.id] and report.detached == [gone.id]
    moved = notes_store.get(kept.id)
    assert moved.article_id == 2 and not moved.detached
    assert moved.anchor is not None and new_body[moved.anchor.start : moved.anchor.end] == QUOTE
    detached = notes_store.get(gone.id)
    # Never dropped: still listed for the new version, with its quote, flagged.
    assert detached.detached and detached.article_id == 2
    assert detached.anchor is not None
    assert detached.anchor.quote == "Rain is not expected until October"
    assert gone.id in [n.id for n in notes_store.for_article(2)]
    assert notes_store.get(whole.id).article_id == 2
    assert notes_store.get(pair.id).article_b_id == 2 and notes_store.get(pair.id).article_id == 5
    assert notes_store.for_article(1) == []


def test_detached_note_reattaches_when_text_returns(notes_store: NotesStore) -> None:
    note = notes_store.add_quote_note(_article(OLD, 1), QUOTE, "n")
    notes_store.reanchor(1, _article("Completely different text about something else.", 2))
    assert notes_store.get(note.id).detached
    notes_store.reanchor(2, _article(OLD, 3))
    back = notes_store.get(note.id)
    assert not back.detached and back.article_id == 3


def test_manual_attach(notes_store: NotesStore) -> None:
    note = notes_store.add_quote_note(_article(OLD, 1), QUOTE, "n")
    notes_store.reanchor(1, _article("Nothing in common here at all.", 2))
    fixed = notes_store.attach(note.id, _article("Nothing in common here at all.", 2), 0, 7)
    assert not fixed.detached and fixed.anchor is not None and fixed.anchor.quote == "Nothing"


def test_reanchor_with_no_notes_is_cheap(notes_store: NotesStore) -> None:
    report = notes_store.reanchor(42, _article(OLD, 43))
    assert report.moved == [] and report.detached == []


def test_randomised_edits_reanchor_or_detach() -> None:
    """Many passages: edits elsewhere never lose them, one changed word still finds
    them at the right place, and a rewritten passage is not mistaken for another."""
    import random

    sample = Path(__file__).resolve().parents[3] / "resources" / "articles"
    words = next(iter(sorted(sample.glob("*.md")))).read_text(encoding="utf-8").split()
    rng = random.Random(7)
    for _ in range(60):
        body = " ".join(words[rng.randint(0, 100) : rng.randint(500, 800)])
        qs = body.index(" ", rng.randint(0, len(body) - 200)) + 1
        qe = body.find(" ", qs + rng.randint(5, 150))
        anchor = make_anchor(body, qs, qe)
        insert = "An inserted paragraph about something else entirely. "
        moved = body[: qs // 2] + insert + body[qs // 2 :]
        place = relocate(anchor, moved)
        assert place is not None and moved[place.start : place.end] == anchor.quote

        parts = anchor.quote.split(" ")
        if len(parts) >= 6:  # one word of a short quote is too much of it
            parts[rng.randrange(len(parts))] = "CHANGED"
            edited_quote = " ".join(parts)
            edited = body[:qs] + edited_quote + body[qe:]
            place = relocate(anchor, edited)
            assert place is not None
            assert (place.start, place.end) == (qs, qs + len(edited_quote))

        gone = body[:qs] + "Zebra quantum marmalade " * 3 + body[qe:]
        if anchor.quote not in gone:  # (if it is, the same words elsewhere are fair game)
            assert relocate(anchor, gone) is None

"""A denial about another thing than the other side's statement names."""

from __future__ import annotations

from library.compare.detectors import negation, passages


def _found(a: str, b: str) -> list[tuple[str, str]]:
    pa, pb = passages(a, b)
    return [(c.severity, c.explanation) for c in negation.detect(pa, pb, ())]


def test_a_denial_about_another_place_is_a_note() -> None:
    got = _found(
        '"Tessa never checked into Holloway but is back at Northgate Clinic.',
        "Tessa Vane checks into Northgate Clinic",
    )
    assert [s for s, _ in got] == ["low"]
    assert "holloway" in got[0][1] and "northgate clinic" in got[0][1]


def test_a_denial_of_the_same_place_stays_a_conflict() -> None:
    got = _found(
        "Tessa Vane did not check into Northgate Clinic.", "Tessa Vane checks into Northgate Clinic"
    )
    assert [s for s, _ in got] == ["high"]
    # The other side names no place: nothing says the denial is about another.
    got = _found('"Tessa never checked into Holloway.', "Tessa Vane checked into rehab on Friday.")
    assert [s for s, _ in got] == ["high"]


def test_a_denial_held_for_one_moment_is_a_note() -> None:
    got = _found(
        "Mayor Ilse Darrow toured the library on Sunday.",
        "Mayor Ilse Darrow, who was not at the library at the time of the flood, came by Sunday.",
    )
    assert [s for s, _ in got] == ["low"]
    got = _found(
        "Mayor Ilse Darrow toured the library on Sunday.",
        "Mayor Ilse Darrow was not at the library on Sunday.",
    )
    assert [s for s, _ in got] == ["high"]


def test_a_denial_at_the_moment_the_other_side_names_stays_a_conflict() -> None:
    got = _found(
        "Mayor Ilse Darrow was at the library at the time of the flood.",
        "Mayor Ilse Darrow was not at the library at the time of the flood.",
    )
    assert [s for s, _ in got] == ["high"]

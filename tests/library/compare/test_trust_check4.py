"""Divergent only where a careful reader agrees, on the CHECK4 / CHECK5 pools'
shapes: each look-alike of a false proposal is read right or demoted, while a clear
conflict of the same shape still makes its pair divergent.

Sentences are made up (no eval text), shaped like the proposals judged in
`benchmarks/divergence_set/pool.jsonl` (`half: check4` / `check5`).
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors.number_mentions import mentions
from library.compare.model import Comparison


def _relations(c: Comparison) -> list[str]:
    return [p.relation for p in c.pairs]


def _read(text: str) -> list[float]:
    return [m.q.value for m in mentions(text)]


# --- step 1: numbers that name something are not counts ----------------------------


def test_label_numbers_are_names_not_counts() -> None:
    assert _read("Moreno threw for 280 yards against the Hawks back in Week 9, they said.") == [
        280.0
    ]
    assert _read("No. 2 Valley Owls 71, No. 10 Hill Rams 60") == [71.0, 60.0]
    assert _read("It was Moreno's third pick - six of the year.") == []
    assert _read("It was Moreno's third pick-six of the year.") == []
    assert _read("The bus took Route 44 and Flight 612 left late in Game 4.") == []
    assert _read("They had a first down on the 4 with 12 seconds left.") == [12.0]
    assert _read("They reached the 9-yard line.") == []
    assert _read("He scored 4 touchdowns on 3 drives.") == [4.0, 3.0]


def test_a_week_number_is_no_count_of_players() -> None:
    a = "Moreno threw for more than 280 yards against the Hawks back in Week 9, so who knows."
    b = "The Hawks will have to play on without their top two wide receivers, so who knows."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_seed_is_no_count_of_points() -> None:
    a = "No. 2 Valley Owls 71, No. 10 Hill Rams 60"
    b = "Tom Berry scored 10 points and Sam Lind added 9 for the tenth-seeded Hill Rams."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_pick_six_is_no_count_of_interceptions() -> None:
    a = "It was Moreno's second interception returned for a score this year, three for the club."
    b = "It was Moreno's second pick - six of the year for the club."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_the_seconds_of_a_duration_are_no_count() -> None:
    a = "Lund picked off a pass and ran it back 40 yards for a lead with 3 minutes 52 seconds left."
    b = "With just under four minutes left, Lund picked off a pass and ran it back 40 yards."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_real_count_next_to_a_label_still_conflicts() -> None:
    a = "Moreno threw for 280 yards against the Hawks in Week 9 on Sunday at home."
    b = "Moreno threw for 210 yards against the Hawks in Week 9 on Sunday at home."
    assert _relations(compare_texts(a, b)) == ["divergent"]
    c = "No. 10 Hill Rams lost 71-60 as Tom Berry scored 10 points for the Rams."
    d = "No. 10 Hill Rams lost 71-60 as Tom Berry scored 16 points for the Rams."
    assert _relations(compare_texts(c, d)) == ["divergent"]

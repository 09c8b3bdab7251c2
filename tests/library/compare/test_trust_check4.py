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


def _heads(text: str) -> list[tuple[float, tuple[str, ...]]]:
    return [(m.q.value, m.after) for m in mentions(text)]


def test_label_numbers_are_names_not_counts() -> None:
    assert _heads("Moreno threw for 280 yards against the Hawks back in Week 9, they said.") == [
        (280.0, ("yard",)),
        (9.0, ("#week",)),
    ]
    assert [h for _, h in _heads("No. 2 Valley Owls 71, No. 10 Hill Rams 60")] == [
        ("#no",),
        (),
        ("#no",),
        (),
    ]
    assert _read("It was Moreno's third pick - six of the year.") == []
    assert _read("It was Moreno's third pick-six of the year.") == []
    assert [h for _, h in _heads("He took Route 44 and Flight 612 late in Game 4.")] == [
        ("#route",),
        ("#flight",),
        ("#game",),
    ]
    assert _heads("The Rams lined up at the 4 with 12 seconds left.") == [
        (4.0, ("#yardline",)),
        (12.0, ("#clock",)),  # time left on the clock: a moment, not a count
    ]
    assert _heads("They reached the 9-yard line.") == [(9.0, ("#yardline",))]
    assert _heads("He scored with 3 minutes 52 seconds left.")[1] == (52.0, ("#remainder",))
    assert _read("He scored 4 touchdowns on 3 drives.") == [4.0, 3.0]


def test_a_label_changed_is_still_a_conflict() -> None:
    a = "Moreno threw for 280 yards against the Hawks in Week 9, and they won the game."
    b = "Moreno threw for 280 yards against the Hawks in Week 12, and they won the game."
    assert _relations(compare_texts(a, b)) == ["divergent"]
    c = "Moreno ran it in from the 9-yard line with a minute left to win the game."
    d = "Moreno ran it in from the 4-yard line with a minute left to win the game."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_a_week_number_is_no_count_of_players() -> None:
    a = "Moreno threw for more than 280 yards against the Hawks back in Week 9, so who knows."
    b = "The Hawks will have to play on without their top two wide receivers, so who knows."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_seed_is_no_count_of_points() -> None:
    a = "No. 2 Valley Owls 71, No. 10 Hill Rams 60"
    b = "Tom Berry scored 10 points and Sam Lind added 9 for the tenth-seeded Hill Rams."
    assert "divergent" not in _relations(compare_texts(a, b))


def test_a_pick_six_is_no_count_of_interceptions() -> None:
    a = "That made it Moreno's third interception run back for a score, three for the Owls."
    b = "That made it Moreno's third pick - six this season for the Owls."
    assert "divergent" not in _relations(compare_texts(a, b))
    assert [m.q.text for m in mentions(b)] == []


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


# --- step 2: a running count at two moments; a career or an average against one game ---


def test_a_record_before_and_after_the_fight_is_two_moments() -> None:
    a = "Ivan Brenner (41-2, 33 KOs) stopped a tired Joe Mallory in Hamburg on Saturday night."
    b = "Champion Ivan Brenner, 42-2, 33 KOs, easily stopped Joe Mallory in Hamburg on Saturday."
    c = compare_texts(a, b)
    assert "divergent" not in _relations(c)
    notes = [k.explanation for p in c.pairs for k in p.conflicts]
    assert any("two moments" in n for n in notes)
    # Two records far apart are no single result: still a conflict.
    d = "Champion Ivan Brenner, 38-2, 33 KOs, easily stopped Joe Mallory in Hamburg on Saturday."
    assert _relations(compare_texts(a, d)) == ["divergent"]


def test_a_lead_at_two_moments_is_no_conflict_but_a_final_score_is() -> None:
    a = "The Hawks scored again on their second possession, taking a 14-0 lead on a short run."
    b = "The Hawks scored on their opening two possessions and kicked a field goal for a 17-7 lead."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "The Hawks beat the Owls 24-17 on Sunday in front of a home crowd."
    d = "The Hawks beat the Owls 24-14 on Sunday in front of a home crowd."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_a_career_total_is_not_one_games_points() -> None:
    a = "Lund hit a jumper and became the college all-time scoring leader with 3,051 points."
    b = "Lund scored 19 points and became the college all-time scoring leader as the Owls won."
    assert "divergent" not in _relations(compare_texts(a, b))
    # Two careers' totals for the same record still conflict.
    c = "Lund hit a jumper and became the college all-time scoring leader with 3,058 points."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_season_average_is_not_one_games_line() -> None:
    a = "Lund scored 19 points and grabbed nine rebounds a game for the Owls this winter."
    b = "Lund led all players with 19 points while also grabbing six rebounds for the Owls."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Lund scored 19 points and grabbed seven rebounds a game for the Owls this winter."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_one_career_total_told_two_ways_still_conflicts() -> None:
    a = "Moreno now has 1,811 career points for the Owls."
    b = "Moreno finished with 18 points and now has 1,812 for his career."
    c = compare_texts(a, b)
    assert _relations(c) == ["divergent"]
    assert [k.explanation for p in c.pairs for k in p.conflicts if k.material] == [
        "A: 1,811 career points · B: 1,812 for his career"
    ]


# --- step 3: a statement's date and a publication stamp are not the event's date -------


def test_the_day_police_spoke_is_not_the_day_of_the_arrest() -> None:
    a = "A smuggler arrested Monday in a port raid has been discovered dead in a cell in Genoa."
    b = "A smuggler was discovered dead in a cell in Genoa after his arrest, officers said Tuesday."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "A smuggler arrested Thursday in a port raid has been discovered dead in a cell in Genoa."
    d = "A smuggler arrested Friday in a port raid has been discovered dead in a cell in Genoa."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_a_promise_and_the_deed_have_two_dates_but_two_statements_conflict() -> None:
    a = "As it promised [Monday], Orbis today released an urgent fix for a flaw in its browser."
    b = "Orbis on Tuesday released an urgent fix for a flaw in its browser used by attackers."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Orbis released an urgent fix for a flaw in its browser, the company said Monday."
    d = "Orbis released an urgent fix for a flaw in its browser, the company said Thursday."
    assert _relations(compare_texts(c, d)) == ["divergent"]


def test_a_stamp_line_joined_to_a_sentence_is_not_the_event_date() -> None:
    a = "March 9, 2011\\nThe linebacker was booked for reckless driving on March 6, 2011."
    b = "The linebacker was booked for reckless driving late on Sunday, March 6, 2011."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "The linebacker was booked for reckless driving late on Sunday, March 2, 2011."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_stamp_line_inside_a_passage_dates_nothing() -> None:
    from library.compare.detectors import dates, passages

    a = "March 9, 2011\nThe tackle was arrested for drunk driving early on March 6."
    pa, pb = passages(a, "The tackle was arrested for drunk driving early on Sunday, March 6.")
    assert list(dates.detect(pa, pb, [])) == []
    pa, pc = passages(a, "The tackle was arrested for drunk driving early on Sunday, March 2.")
    assert [c.explanation for c in dates.detect(pa, pc, [])] == ["A: March 6 · B: Sunday, March 2"]


# --- step 4: a complement, an open bound, a whole with others, a spoken list ---------


def test_games_missed_of_a_total_fit_the_games_played() -> None:
    a = "Moreno went through a hard year, missing 9 of the Owls' 14 games with a sore knee."
    b = "A sore knee that limited him to only five games this year slowed Moreno down."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "A sore knee that made him miss five games this year slowed Moreno down."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_three_plus_is_a_lower_bound() -> None:
    a = "Lane was let go in May after nearly five seasons in charge of the Hill Rams."
    b = "Lane joins us after four - plus seasons in charge of the Hill Rams."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "Lane joins us after two seasons in charge of the Hill Rams."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_passengers_and_crew_are_more_than_the_passengers() -> None:
    a = "The liner Aurora said it would fly its 310 passengers over the gulf to avoid an attack."
    b = "The liner Aurora said it would fly some 500 passengers and crew over the gulf instead."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "The liner Aurora said it would fly its 410 passengers over the gulf to avoid an attack."
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_a_spoken_list_is_no_count() -> None:
    assert _read("One, Lund looks tired, and two, Berg is as sharp as ever.") == []
    assert _read("The blast killed two, and wounded three.") == [2.0, 3.0]


# --- a denial raised to the verb of thinking ------------------------------------------


def test_a_denial_raised_to_feel_is_one_denial() -> None:
    a = "\"I feel on the court we weren't running the plan that we want to have as a team."
    b = '"I didn\'t feel on the court we were running the plan we wanted to have as a team."'
    assert "divergent" not in _relations(compare_texts(a, b))
    c = '"I feel on the court we were running the plan we wanted to have as a team."'
    assert _relations(compare_texts(a, c)) == ["divergent"]


def test_two_weeks_or_two_yard_lines_after_other_words_are_two_things() -> None:
    a = "Berg missed the game after a knee sprain in the club's Week 12 loss at Denver."
    b = "Even when Berg was out, Moreno got only one carry; the club used him 20 times in Week 7."
    assert "divergent" not in _relations(compare_texts(a, b))
    c = "His second pick came late, his club trailing 10 - 7, the ball at the Hawks 12 - yard line."
    d = "They gave the ball to the Hawks at the 31 - yard line and the Hawks drove for the win."
    assert "divergent" not in _relations(compare_texts(c, d))


def test_a_bare_total_meets_the_career_total_not_the_games_points() -> None:
    from library.compare.detectors import numbers, passages

    a = "Lane ended his career in 1981 with 1,790 points. Moreno now has 1,811."
    b = "Moreno finished with 18 points and now has 1,812 for his career."
    pa, pb = passages(a, b)
    assert [c.explanation for c in numbers.detect(pa, pb, [])] == [
        "A: 1,811 · B: 1,812 for his career"
    ]


def test_one_sum_converted_at_two_rates_is_no_conflict() -> None:
    a = "The strike followed a euro80 billion ($104 billion) rescue loan agreed at the weekend."
    b = "The strike followed a \ufffd80 billion ($114 billion) rescue loan agreed at the weekend."
    assert "divergent" not in _relations(compare_texts(a, b))
    # Two converted sums far apart are two sums: still a conflict.
    c = "The strike followed a euro80 billion ($150 billion) rescue loan agreed at the weekend."
    assert _relations(compare_texts(a, c)) == ["divergent"]

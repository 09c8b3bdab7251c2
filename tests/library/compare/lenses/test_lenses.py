"""Lenses: voices, timeline, numbers and names over a comparison."""

from __future__ import annotations

from pathlib import Path

from library.compare import compare_texts
from library.compare.lenses import Lenses, Unnamed
from library.compare.lenses.timeline import parse_published

REPO = Path(__file__).resolve().parents[4]


def lenses(a: str, b: str, **kw: str) -> Lenses:
    found = compare_texts(a, b, **kw).lenses  # type: ignore[arg-type]
    assert found is not None
    return found


def voice(ls: Lenses, name: str) -> dict[str, object]:
    return next(v.to_dict() for v in ls.voices if v.name == name)


# --- voices -------------------------------------------------------------------


def test_speaker_patterns_and_roles() -> None:
    a = (
        "The plant closed on Monday. "
        "Union leader Maria Costa told reporters that the closure was illegal. "
        "Tom Reed, a spokesman for the company, said the plant had lost money for years. "
        "“We had no choice at all,” said Paul Novak. "
        "The decision was final, according to Helen Price."
    )
    b = "The factory shut down this week. Costa believes the workers were misled."
    ls = lenses(a, b)
    costa = voice(ls, "Maria Costa")
    assert costa["description_a"] == "Union leader"
    assert costa["a"] == [1] and costa["b"] == [1]  # "Costa" is Maria Costa on B
    reed = voice(ls, "Tom Reed")
    assert reed["description_a"] == "a spokesman for the company"
    assert reed["b"] == []
    assert voice(ls, "Paul Novak")["a"] == [3]
    assert voice(ls, "Helen Price")["a"] == [4]
    # The one quoted by both comes first.
    assert ls.voices[0].name == "Maria Costa"


def test_recipient_and_pronouns_are_not_voices() -> None:
    ls = lenses("He told Reuters the talks failed. It said nothing.", "The talks failed.")
    assert [v.name for v in ls.voices] == []


def test_anonymous_attributions_counted_per_side() -> None:
    a = "Analysts believe the deal is dead. Some speculate the chief will resign."
    b = "Observers say the deal may survive."
    d = lenses(a, b).to_dict()["anonymous"]
    assert d["a"]["count"] == 2 and d["b"]["count"] == 1
    assert [m["text"] for m in d["a"]["mentions"]] == ["Analysts believe", "Some speculate"]
    assert lenses(a, b).voices == ()


def test_unnamed_sources_are_typed_records_with_todays_json() -> None:
    a = "Analysts believe the bridge will hold. The mayor spoke."
    ls = lenses(a, "Observers say the bridge may fall.")
    assert ls.anonymous["a"] == [Unnamed("Analysts believe", 0)]
    assert ls.anonymous["b"] == [Unnamed("Observers say", 0)]
    assert ls.to_dict()["anonymous"]["a"] == {
        "count": 1,
        "mentions": [{"text": "Analysts believe", "unit": 0}],
    }


# --- timeline -----------------------------------------------------------------


def test_partial_dates_link_and_stay_partial() -> None:
    a = "On October 10, the bureau published an article on its WeChat account about leaks."
    b = "On the 10th, the bureau's WeChat account released an article about media leaks."
    rows = [r.to_dict() for r in lenses(a, b).timeline]
    assert rows == [
        {
            "date": "????-10-10",
            "a": [0],
            "b": [0],
            "conflict": False,
            "partial": True,
            "text_a": ["October 10"],
            "text_b": ["the 10th"],
        }
    ]


def test_relative_dates_resolved_against_publication() -> None:
    a = "Two years ago, the mayor opened the bridge. In March 2024 the bridge closed."
    b = "The mayor spoke on November 10 of this year."
    rows = {r.date: r for r in lenses(a, b, published_a="2025-06-01").timeline}
    assert rows["2023-??-??"].text_a == ["Two years ago"]
    assert rows["2024-03-??"].a == [1]
    # B's publication date is unknown: the year stays open, nothing is guessed.
    assert rows["????-11-10"].b == [0]
    rows = {r.date: r for r in lenses(a, b, published_b="2025-12-01").timeline}
    assert rows["two years ago"].partial
    assert rows["2025-11-10"].text_b == ["November 10"]


def test_date_conflict_flagged_by_the_detectors_rule() -> None:
    a = "The minister said the new bridge across the river will open on May 3, 2025."
    b = "The minister said the new bridge across the river will open on May 5, 2025."
    rows = lenses(a, b).timeline
    assert {r.date for r in rows} == {"2025-05-03", "2025-05-05"}
    assert all(r.conflict for r in rows)


def test_different_events_not_linked() -> None:
    a = "Chen took over the department in October 2022."
    b = "On October 13, the department disclosed a case."
    rows = lenses(a, b).timeline
    assert len(rows) == 2 and not any(r.a and r.b for r in rows)


def test_parse_published() -> None:
    assert parse_published("2024-11-12T08:00:00Z") is not None
    assert parse_published("last Tuesday") is None
    assert parse_published("2024-02-30") is None


# --- numbers and names --------------------------------------------------------


def test_numbers_with_what_they_count() -> None:
    a = "Police arrested 12 protesters and seized 40,000 dollars."
    b = "Police arrested 14 protesters in the square."
    rows = [r.to_dict() for r in lenses(a, b).numbers]
    arrested = next(r for r in rows if r["a"] and r["a"][0]["text"] == "12")
    assert arrested["thing"] == "12 protesters"
    assert [c["text"] for c in arrested["b"]] == ["14"]
    assert arrested["agree"] is False
    money = next(r for r in rows if r["a"] and r["a"][0]["value"] == 40000)
    assert money["b"] == [] and money["agree"] is None


def test_names_grouped_by_alias() -> None:
    a = (
        "The Central Confidentiality Committee Office (referred to as the Central Office) "
        "met John Smith in June. Smith left early."
    )
    b = "The Central Office said Mr. Smith was absent."
    names = {n.name: n for n in lenses(a, b).names}
    smith = names["John Smith"]
    assert smith.a == [0, 1] and smith.b == [0]
    assert smith.aliases == ["Smith"]  # "Mr. Smith" is read as "Smith"
    office = names["Central Confidentiality Committee Office"]
    assert "Central Office" in office.aliases and office.b == [0]


def test_json_carries_every_lens() -> None:
    d = compare_texts("Ann Lee said prices rose 5%.", "Ann Lee said prices rose.").to_dict()
    assert set(d["lenses"]) == {"voices", "anonymous", "timeline", "numbers", "names"}


# --- regressions and the Markdown export --------------------------------------


def test_relative_date_is_not_a_count() -> None:
    ls = lenses("Two years ago the plant closed.", "The plant closed.")
    assert ls.numbers == ()
    assert [r.date for r in ls.timeline] == ["two years ago"]


def test_opening_word_is_a_name_only_when_known() -> None:
    names = {n.name for n in lenses("Current rules apply. Ann Lee agreed.", "Lee agreed.").names}
    assert "Current" not in names and "Ann Lee" in names


def test_markdown_export_has_lens_tables() -> None:
    from library.article import Article
    from library.export.comparison_report import to_markdown

    a = "Ann Lee, a city planner, said the bridge opened on May 3. It cost 40 million dollars."
    b = "The bridge opened on May 3, Ann Lee said. Analysts believe it was | late."
    text = to_markdown(compare_texts(a, b), Article(title="A", body=a), Article(title="B", body=b))
    for heading in ("## Voices", "## Timeline", "## Numbers", "## Names"):
        assert heading in text
    assert "| Ann Lee | 0 | 0 | a city planner |  |" in text
    assert "| ????-05-03 | 0 | 0 | May 3 | May 3 |  |" in text
    assert "Unnamed sources in B: 1 (Analysts believe)" in text


def test_said_about_someone_is_not_their_voice() -> None:
    from library.compare.lenses.voices import sources

    assert sources("Police said Hollister was laid off on Jan. 9.") == []
    assert sources("He said Smith was being brought to the county jail.") == []
    assert sources("“It is a privilege,” said NBT Media Group president Ruth Ames.") == [
        ("Ruth Ames", "NBT Media Group president")
    ]
    assert sources("The barge sank, said Somchai Wongsa, owner of the Sea Lotus.") == [
        ("Somchai Wongsa", "owner of the Sea Lotus")
    ]


def test_police_and_investigators_are_unnamed() -> None:
    ls = lenses(
        "Police said the driver fled. Investigators say the tape helps.", "The driver fled."
    )
    assert ls.voices == ()
    assert ls.to_dict()["anonymous"]["a"]["count"] == 2


def test_ordinal_is_not_a_day() -> None:
    ls = lenses("He will host the 81st annual ceremony on February 22.", "The ceremony is set.")
    assert [r.date for r in ls.timeline] == ["????-02-22"]


def test_pronoun_speaks_for_the_voice_just_named() -> None:
    a = (
        "Arun Mehta, a navy press officer, told the BBC the crew fired first. "
        "He said the boat was carrying rifles. "
        "The navy patrols the gulf. The weather was calm. The ship sank. "
        "He said nothing else."
    )
    sinha = voice(lenses(a, "The ship sank."), "Arun Mehta")
    assert sinha["a"] == [0, 1]  # the last "He said" is too far from the name


def test_titles_split_off_and_surnames_merged() -> None:
    a = (
        "Alder Police Chief Mark Holm said the man was calm. "
        "The shop closed early. “He was quiet,” Holm said. "
        "Police said they had located Dean Voss, 41, of Alder."
    )
    ls = lenses(a, "The man was calm.")
    assert [v.to_dict() for v in ls.voices] == [
        {
            "name": "Mark Holm",
            "description_a": "Alder Police Chief",
            "description_b": "",
            "a": [0, 2],
            "b": [],
        }
    ]


def test_middle_name_and_of_phrase_fold_into_one_voice() -> None:
    a = (
        "Lt. Ruth Beck of the Idaho State Police said the blast was huge. "
        "Attorney Nils Jon Berger said his client was ill."
    )
    b = "Ruth Beck said two died. Nils Berger, his lawyer, told reporters he would appeal."
    found = {v.name: v for v in lenses(a, b).voices}
    assert set(found) == {"Ruth Beck", "Nils Jon Berger"}
    assert found["Ruth Beck"].description_a == "Lt. of the Idaho State Police"
    assert found["Nils Jon Berger"].b == [1]
    assert found["Nils Jon Berger"].description_b == "his lawyer"


def test_clause_after_a_name_is_not_a_role() -> None:
    from library.compare.lenses.voices import sources

    assert sources("The Harbour Gazette, she has yet to agree, said.") == [("Harbour Gazette", "")]
    assert sources("Moreau, in explaining her choice, said the plan stands.") == [("Moreau", "")]

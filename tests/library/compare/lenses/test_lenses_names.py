"""The Names and Numbers lenses keep ordinary capitalised words, headline words,
titles and named numbers out; model years stay off the timeline."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.lenses import Lenses
from library.compare.lenses.names import is_headline

SPY_A = (
    "The Confidentiality Bureau of the CCP has recently come out of the shadows.\n\n"
    "On October 10, the Bureau for the first time published an article on WeChat.\n\n"
    "“Everyone is clear that this is a ship in danger. Everyone has to watch his mood. "
    "Clearly knowing the danger, you can’t say a word,” said Yao Yuan.\n\n"
    "Former CCP special agent Eric believes the campaign is a preparation for war."
)
SPY_B = (
    "Life and Death at Zhongnanhai: The Confidentiality Bureau Issues a Strong Warning\n\n"
    "Dark clouds hang over Tiananmen Square in Beijing.\n\n"
    "[People News] Following the Ministry of State Security of the CCP, the "
    "Confidentiality Bureau has also stepped into the spotlight.\n\n"
    "The Ministry of State Security said the warning was a matter of life and death.\n\n"
    'The press conference of the Premier during the CCP\'s "Two Sessions" was cancelled '
    "after 30 years.\n\n"
    "“Insecurity is why there is a constant emphasis on security,” said Tang Jingyuan."
)


def lenses(a: str, b: str) -> Lenses:
    found = compare_texts(a, b).lenses
    assert found is not None
    return found


def names(ls: Lenses) -> dict[str, tuple[list[int], list[int], list[str]]]:
    return {n.name: (n.a, n.b, n.aliases) for n in ls.names}


def test_ordinary_capitalised_words_are_not_names() -> None:
    found = names(lenses(SPY_A, SPY_B))
    for word in ("Everyone", "Clearly", "Dark", "Life", "Death", "Insecurity", "Premier"):
        assert not any(word in n.split() for n in found), word
    assert not any("Strong Warning" in n or "Issues" in n or "Following" in n for n in found)
    assert not any(n.startswith("Former") for n in found)
    # Real names at those places stay: in a headline, a sentence's middle, after a tag.
    for name in ("Zhongnanhai", "Tiananmen Square", "Beijing", "Yao Yuan", "Tang Jingyuan"):
        assert name in found, name
    assert found["Eric"][0] == [3]


def test_a_headline_keeps_the_names_the_articles_give_elsewhere() -> None:
    found = names(lenses(SPY_A, SPY_B))
    # "The Confidentiality Bureau Issues a Strong Warning": the bureau, not "... Issues".
    assert 0 in found["Confidentiality Bureau"][1]
    assert is_headline("Rare Criticism from the CCP's Bureau Regarding Media Leaks")
    assert not is_headline("Xi Jinping met Joe Biden in San Francisco on Tuesday.")
    assert not is_headline("Tang said so.")


def test_the_bureau_is_the_bureau_last_named_and_x_of_the_ccp_is_x() -> None:
    found = names(lenses(SPY_A, SPY_B))
    assert "Bureau" not in found
    bureau = found["Confidentiality Bureau"]
    assert bureau[0] == [0, 1] and "Bureau" in bureau[2]
    assert "Confidentiality Bureau of the CCP" in bureau[2]
    ministry = found["Ministry of State Security"]
    assert ministry[1] == [2, 3] and "Ministry of State Security of the CCP" in ministry[2]


def test_titles_stay_out_of_names_and_become_the_voices_role() -> None:
    ls = lenses(
        "Mayor Anna Keller said the town would rebuild. Keller added that help was coming.",
        "Engineer Peter Grant said the warning came late.",
    )
    found = names(ls)
    assert "Anna Keller" in found and "Mayor Anna Keller" not in found
    described = {n.name: n.to_dict()["description"] for n in ls.names}
    assert described["Anna Keller"] == "Mayor" and described["Peter Grant"] == "Engineer"
    assert "Peter Grant" in found and not any("Engineer" in n for n in found)
    voices = {v.name: v for v in ls.voices}
    assert voices["Anna Keller"].description_a == "Mayor"
    assert voices["Peter Grant"].description_b == "Engineer"
    # A title in a body's name stays: "General Office".
    found = names(lenses("The General Office of the State Council issued a notice.", "Fine."))
    assert any(n.startswith("General Office") for n in found)


def test_a_named_number_is_a_name_not_a_count() -> None:
    ls = lenses(SPY_A, SPY_B)
    assert "Two Sessions" in names(ls)
    things = [r.thing for r in ls.numbers]
    assert not any("Sessions" in t for t in things)
    assert any(t.startswith("30 years") for t in things)
    # At a sentence's start a number word still counts.
    ls = lenses("Two Sessions were held. Three Chinese ships sank.", "Nothing.")
    assert any(r.a and r.a[0].text == "Three" for r in ls.numbers)


def test_model_years_are_not_dates() -> None:
    ls = lenses(
        "Police said he crashed his 2008 Bentley on March 3, 2009. "
        "Witnesses saw a blue 2013 Honda Civic and a 1967 model of the van.",
        "The 2014 Oscars were held in Los Angeles.",
    )
    dates = sorted(r.date for r in ls.timeline)
    assert dates == ["2009-03-03", "2014-??-??"]


def test_a_first_name_ending_in_ly_is_kept() -> None:
    found = names(lenses("Kelly Brandt said the bridge was closed.", "Separately Ann Keller left."))
    assert "Kelly Brandt" in found and "Ann Keller" in found

"""Attribution across a clause, and groups and bodies named before (lenses/clauses.py,
voices.py): forms found missing on the fresh hand-checked ECB+ round (see
benchmarks/RESULTS-lenses.md, "fresh round"), in texts of our own.
"""

from __future__ import annotations

from library.compare.lenses.voices import sources
from tests.library.compare.lenses.voices_support import speaker_names as names
from tests.library.compare.lenses.voices_support import voices_of


def test_a_subject_with_a_relative_clause_speaks_not_the_name_after_said() -> None:
    text = (
        "The Guild of Film Editors and Sound Mixers, which hands out the annual prizes, "
        "said Dana Kell, 41, will host the evening."
    )
    assert names(text) == ["Guild of Film Editors and Sound Mixers"]


def test_an_agent_after_a_passive_or_a_statement() -> None:
    text = "The mayor said the bridge was safe, a statement echoed by its chief engineer, Tom Ruiz."
    assert ("Tom Ruiz", "chief engineer") in sources(text)
    assert names("The cases reported by the Harbour Bureau involve fraud.") == []


def test_a_participle_of_saying_and_a_role_before_the_name() -> None:
    assert names("Nolan made the announcement in Oslo, stating that filming starts soon.") == [
        "Nolan"
    ]
    text = "Boston general manager Ed Price has sounded tired saying that the deal was done."
    assert names(text) == ["Ed Price"]


def test_a_column_of_a_paper_a_release_and_a_domain() -> None:
    assert names('"A new coach is coming," Metro Weekly\'s "Sideline" is reporting.') == [
        "Metro Weekly"
    ]
    assert names("The tanker was let go, a Marine Ministry release said.") == ["Marine Ministry"]
    assert names("The inmate is still at large, KTVZNews. com reports.") == ["KTVZNews"]


def test_a_win_is_no_claim() -> None:
    assert names("It was a good year for the Hawks, who claimed the league's top prize.") == []


def test_a_quoted_work_in_the_role_after_according_to() -> None:
    assert sources("According to “Dune” studio Northlight Pictures, the deal is open.") == [
        ("Northlight Pictures", "“Dune” studio")
    ]


def test_they_and_the_pair_are_the_two_named_together() -> None:
    found = voices_of(
        '"She is a fine host," said Ann Marsh and Leo Brandt, the producers of the show.',
        '"She has flair," the pair said on Monday.',
        "Marsh and Brandt have dropped the opening speech.",
        "They said there may be more music this year.",
    )
    assert found == {"Ann Marsh": [0, 1, 3], "Leo Brandt": [0, 1, 3]}


def test_a_representative_of_a_body_named_before() -> None:
    found = voices_of(
        "According to film studio Northlight Pictures, the deal is not done.",
        '"Nothing is signed yet," a studio representative told the radio.',
    )
    assert found == {"Northlight Pictures": [0, 1]}


def test_the_police_after_a_named_police_force() -> None:
    found = voices_of(
        "Harbour County Police say a bomb went off at a bank.",
        "The police say they have no suspects.",
    )
    assert found == {"Harbour County Police": [0, 1]}


def test_he_said_for_a_titled_single_name() -> None:
    found = voices_of(
        '"We will rebuild," said Ruth Onyango, head of the relief group.',
        "President Okafor also visited the harbour on Tuesday.",
        '"This is a hard day," he told the workers.',
    )
    assert found["Okafor"] == [2]


def test_a_lone_capital_then_a_noun_is_no_participle_subject() -> None:
    assert names("Defense lawyers objected, arguing that the question was unfair.") == []
    assert names("Okoro sued, claiming he was fired without cause.") == ["Okoro"]


def test_a_police_force_named_by_its_town() -> None:
    assert names("A man faces a murder charge, Lakeside police said.") == ["Lakeside police"]
    assert names("But police said the road was shut.") == []
    assert names("State police say the bank was damaged.") == []


def test_a_deed_verb_before_a_clause_is_a_claim() -> None:
    assert names("Fire officer Ann Cole admitted it was hopeless to rescue the mill.") == [
        "Ann Cole"
    ]
    assert names("Later Ann Cole admitted her part in the plan.") == []


def test_a_long_role_and_a_place_after_an_inverted_verb() -> None:
    text = '"He was the last one," said ex - LAPD vice squad detective Sam Ortiz Monday.'
    assert names(text) == ["Sam Ortiz"]
    assert names("The shops were shut, says the CBC's Ana Lima in Rome.") == ["Ana Lima"]
    assert sources("No one was hurt, said the Central Vale fire chief, Tom Hale.") == [
        ("Tom Hale", "Central Vale fire chief")
    ]


def test_confirmed_and_described_by_an_agent() -> None:
    text = "His death was confirmed by Lea Moss, a spokeswoman for the agency."
    assert names(text) == ["Lea Moss"]
    text = 'The man described by The Harbour Times as "the last of his kind" died.'
    assert names(text) == ["Harbour Times"]
    assert names("If confirmed by the Assembly, she will head the bureau.") == []


def test_an_owner_is_no_antecedent_and_the_pastor_is_the_one_named() -> None:
    found = voices_of(
        "Fire chief Tom Hale spoke on Monday.",
        "Authorities did not know whether Mrs Vance's ties to the church mattered.",
        '"It is all guesswork," he said.',
    )
    assert found == {"Tom Hale": [2]} or found == {"Tom Hale": [0, 2]}
    found = voices_of(
        "Pastor Abel Moyo said the hall was insured.",
        "The pastor said services would go on.",
    )
    assert found == {"Abel Moyo": [0, 1]}


def test_forms_of_the_third_fresh_round() -> None:
    text = '"We see new exploits," wrote security expert Dev Rao on the company blog.'
    assert names(text) == ["Dev Rao"]
    assert names("Browser flaw 'fixed', say Contoso") == ["Contoso"]
    assert names("The Ledger obituary points out that he had been passed over.") == ["Ledger"]
    assert names("He died at home, the paper reported, citing his grandson Nick Hale.") == [
        "Nick Hale"
    ]
    assert names("Arden himself voiced suspicion that the aide was leaking.") == ["Arden"]
    assert names("A Contoso spokesman on Wednesday said the patch was out.") == ["Contoso"]


def test_said_the_company_after_a_quote() -> None:
    found = voices_of(
        "Contoso has said that a patch fixed the flaw.",
        '"The fix will keep users safe," said the company on Tuesday.',
    )
    assert found == {"Contoso": [0, 1]}


def test_the_lines_of_a_quote_do_not_use_up_the_reach_of_a_pronoun() -> None:
    found = voices_of(
        "The singer Mia Lund spoke to a magazine.",
        '"They only photograph me when I am holding a glass," she told the magazine.',
        '"Believe me, I am worn out.',
        "I went out a lot.",
        'But those people were never close to me."',
        "Last spring, the star said she now drank only at weddings.",
    )
    assert found == {"Mia Lund": [1, 5]}


def test_a_body_in_lower_case_and_one_subject_with_two_verbs() -> None:
    text = "It is unclear why, but the Omani transport ministry said ships were sent."
    assert names(text) == ["Omani transport ministry"]
    assert names("According to Texas authorities, he fled.") == []
    found = voices_of(
        "Contoso Telecom reported that an outage is unlikely.",
        "The company is sending engineers but predicts that delays will go on.",
    )
    assert found == {"Contoso Telecom": [0, 1]}


def test_a_pronoun_after_an_opening_clause_and_a_released_response() -> None:
    found = voices_of(
        "The singer Mia Lund spoke to a magazine about her habits.",
        "When asked about parties she said she had had enough fun.",
        "As usual, she released a playful reply to the award: “I am so glad.”",
    )
    assert found == {"Mia Lund": [1, 2]}


def test_forms_of_the_fourth_fresh_round() -> None:
    assert names('Moss\' son, actor Leo Moss, tweeted: "She passed peacefully."') == ["Leo Moss"]
    text = "It was countered by Ledger's Ann Cole and Tom Ruiz, who wrote that he had stayed."
    assert set(names(text)) == {"Ann Cole", "Tom Ruiz"}
    assert names("Statement by Dana Price") == ["Dana Price"]
    assert names("Mr Hale also called for shipping firms to do more.") == ["Hale"]
    assert names("Firefighters said as many as 35 guests were still upstairs.") == []
    text = "Mr Hale, originally from Leeds, worked in South Africa, says the Press Agency."
    assert names(text) == ["Press Agency"]


def test_guards_of_the_fifth_fresh_round() -> None:
    assert names("Criminals have posted sample code that abuses this bug.") == []
    assert names("Contoso revealed on Friday that the flaw was fixed.") == ["Contoso"]
    assert names("Friends of Ana Ruiz have described her as a bright student.") == []
    assert names("State - run TV reported that two bridges had collapsed.") == []
    assert names("She was one of six hikers, according to South African media reports.") == []
    text = "Omar Haddad from Chile's Red Cross rescue agency said four villages were hit."
    assert "Cross rescue agency" not in names(text)
    found = voices_of('"It was limited," Insp Dave Hale said.', "Inspector Hale said it was rare.")
    assert list(found) == ["Dave Hale"]


def test_an_estimate_and_a_poll_of_a_named_body() -> None:
    assert names("The U. K. Weather Office puts the magnitude at 7. 3.") == ["U. K. Weather Office"]
    text = "An opinion poll published by the Ledger newspaper on Sunday said most were unhappy."
    assert names(text) == ["Ledger"]

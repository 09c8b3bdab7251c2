"""Aliases the user taught: one name for the lenses, the aligner and the detectors."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.aliases import TaughtAliases, alias_key
from library.compare.mentions import Mentions
from library.compare.units import terms

MSS = ("Ministry of State Security", "National Security Department")


def test_pairs_join_into_groups_whatever_the_order_or_case() -> None:
    taught = TaughtAliases([("A Corp", "B Group"), ("the b group", "C Holdings")])
    keys = {taught.key(alias_key(n)) for n in ("A Corp", "B GROUP", "C Holdings")}
    assert len(keys) == 1 and None not in keys
    assert taught.forms(taught.key("a corp") or "") == ["A Corp", "B Group", "C Holdings"]
    assert taught.key("d limited") is None
    # A longer name holding a taught form ("CCP's National Security Department").
    assert taught.key("ccp's b group") == taught.key("a corp")


def test_mentions_treat_taught_forms_as_one_name() -> None:
    a = "The National Security Department issued a notice."
    b = "The Ministry of State Security disclosed a case."
    assert not Mentions.build(a, b).same(
        "National Security Department", "Ministry of State Security"
    )
    m = Mentions.build(a, b, aliases=[MSS])
    assert m.same("CCP’s National Security Department", "Ministry of State Security")
    assert m.mentioned("Ministry of State Security", "a")


def test_rewritten_terms_put_the_first_form_in_place() -> None:
    taught = TaughtAliases([MSS])
    text = "The National Security Department warned students."
    assert taught.rewrite_terms(text, terms(text)) == terms(
        "The Ministry of State Security warned students."
    )
    plain = "Students were warned."
    assert taught.rewrite_terms(plain, terms(plain)) == terms(plain)


def test_an_alias_makes_one_names_entry() -> None:
    a = "On Monday the National Security Department issued a notice."  # "the" is no name
    b = "On Tuesday the Ministry of State Security disclosed a case."
    before = compare_texts(a, b).lenses
    assert before is not None
    assert {n.name for n in before.names} >= set(MSS)
    after = compare_texts(a, b, aliases=[MSS]).lenses
    assert after is not None
    (entry,) = [n for n in after.names if n.name == "Ministry of State Security"]
    assert entry.aliases == ["National Security Department"]
    assert (entry.a, entry.b) == ([0], [0])
    assert "National Security Department" not in {n.name for n in after.names}


def test_an_alias_makes_one_voice() -> None:
    a = "Robert Smith said the bridge was unsafe."
    b = "Bob Smith told reporters the bridge would stay closed."
    before = compare_texts(a, b).lenses
    assert before is not None and len(before.voices) == 2
    after = compare_texts(a, b, aliases=[("Bob Smith", "Robert Smith")]).lenses
    assert after is not None
    (voice,) = after.voices
    assert (voice.name, voice.a, voice.b) == ("Bob Smith", [0], [0])


def test_an_alias_lets_two_sentences_align() -> None:
    a = "The State Protection Office arrested two engineers."
    b = "The Secrecy Bureau detained two engineers last week."
    assert compare_texts(a, b).pairs == ()  # too few shared words without it
    (pair,) = compare_texts(a, b, aliases=[("Secrecy Bureau", "State Protection Office")]).pairs
    assert (pair.a, pair.b, pair.relation) == ((0,), (0,), "same")


def test_an_alias_is_no_conflict_of_names() -> None:
    a = "The State Protection Office fined the firm."
    b = "The Secrecy Bureau fined the firm."
    (before,) = compare_texts(a, b).pairs
    assert [k.kind for k in before.conflicts] == ["entity"]  # two bodies, as far as it knows
    (pair,) = compare_texts(a, b, aliases=[("Secrecy Bureau", "State Protection Office")]).pairs
    assert (pair.relation, pair.conflicts) == ("same", ())


def test_an_alias_gives_two_unmatched_sentences_an_anchor() -> None:
    # The two names share no word: only the taught alias ties the sentences.
    a = (
        "Rain fell all day.\n"
        "On November 9, the State Protection Office reported a leak of secret maps by a clerk.\n"
        "Traffic was light."
    )
    b = (
        "Prices rose again.\n"
        "A warehouse manager was sentenced for a leak of secret equipment, the Secrecy "
        "Bureau said on October 13.\n"
        "Markets were calm."
    )
    taught = [("Secrecy Bureau", "State Protection Office")]
    assert compare_texts(a, b).pairs == ()
    (pair,) = compare_texts(a, b, aliases=taught).pairs
    assert (pair.a, pair.b) == ((1,), (1,))
    assert [(k.kind, k.a, k.b) for k in pair.conflicts] == [("date", "November 9", "October 13")]


def test_a_taught_name_typed_in_lower_case_keeps_the_articles_spelling() -> None:
    # Was printed as typed: "ministry of state security", "bob smith".
    a = "On Monday the National Security Department issued a notice."
    b = "On Tuesday the Ministry of State Security disclosed a case."
    taught = [("ministry of state security", "National Security Department")]
    lenses = compare_texts(a, b, aliases=taught).lenses
    assert lenses is not None
    assert "Ministry of State Security" in {n.name for n in lenses.names}
    a, b = "Robert Smith said the bridge was unsafe.", "Bob Smith told reporters it was shut."
    lenses = compare_texts(a, b, aliases=[("bob smith", "Robert Smith")]).lenses
    assert lenses is not None
    assert [v.name for v in lenses.voices] == ["Bob Smith"]

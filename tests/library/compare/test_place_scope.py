"""Where a number counts: two tolls for two places are two slots, not a contradiction.

Sentences are made up (no eval text), shaped like the look-alikes of real
coverage: a province's toll against the region's ("170,000 in Aceh" /
"230,000 across Asia"), the marchers in one city against the strikers
nationwide.  The same place, or no place on either side, keeps a clear
conflict divergent.
"""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors import numbers, place
from library.compare.engine import Candidates
from library.compare.model import Comparison
from library.compare.one_slot import not_one_slot


def _only(c: Comparison) -> tuple[str, list[str]]:
    (p,) = c.pairs
    return p.relation, [x.explanation for x in p.conflicts]


def test_a_province_toll_against_a_continent_toll_is_related_with_both_places() -> None:
    relation, notes = _only(
        compare_texts(
            "The floods killed 17,000 people in Aceh.",
            "The floods killed 23,000 people across Asia.",
        )
    )
    assert relation == "related"
    assert any("where? A: in Aceh · B: across Asia" in n for n in notes)


def test_a_named_place_against_a_wider_scope_word_is_related() -> None:
    relation, notes = _only(
        compare_texts(
            "Police said 30,000 people marched in Athens on Wednesday.",
            "Police said 100,000 people marched nationwide on Wednesday.",
        )
    )
    assert relation == "related"
    assert any("where? A: in Athens · B: nationwide" in n for n in notes)
    relation, _ = _only(
        compare_texts(
            "The floods killed 17,000 people in Aceh province.",
            "The floods killed 23,000 people in the region.",
        )
    )
    assert relation == "related"
    # "in the province" may be a province the other side names, not a continent spanned.
    relation, notes = _only(
        compare_texts(
            "The floods killed 17,000 villagers in the province and more elsewhere.",
            "The floods killed 23,000 villagers across Asia.",
        )
    )
    assert relation == "related"
    assert any("where? A: in the province · B: across Asia" in n for n in notes)


def test_a_place_opening_the_sentence_scopes_its_number() -> None:
    relation, notes = _only(
        compare_texts(
            "In Aceh, the tsunami killed 170,000 people.",
            "Across Asia, the tsunami killed 230,000 people.",
        )
    )
    assert relation == "related"
    assert any("where?" in n for n in notes)


def test_the_same_place_keeps_a_clear_conflict_divergent() -> None:
    a = "The quake killed 12 people in Aceh on Sunday."
    assert _only(compare_texts(a, "The quake killed 15 people in Aceh on Sunday."))[0] == (
        "divergent"
    )
    # One place named two ways ("Banda Aceh" / "Aceh province") is one place.
    assert (
        _only(
            compare_texts(
                "The quake killed 12 people in Banda Aceh on Sunday.",
                "The quake killed 15 people in Aceh province on Sunday.",
            )
        )[0]
        == "divergent"
    )


def test_no_place_or_a_place_on_one_side_keeps_todays_reading() -> None:
    # "the city" may be the city the other side names; the place of the quake
    # ("a quake in Iran") is where the event was, not what is counted.
    for a, b in (
        (
            "The quake killed 12 people in the city on Sunday.",
            "The quake killed 15 people in Bam on Sunday.",
        ),
        (
            "A quake in Iran killed 12 people on Sunday.",
            "The quake killed 15 people in Bam on Sunday.",
        ),
        ("The quake killed 12 people on Sunday.", "The quake killed 15 people on Sunday."),
        ("In February, the quake killed 170 people.", "In February, the quake killed 230 people."),
    ):
        assert _only(compare_texts(a, b))[0] == "divergent", (a, b)


def test_where_reads_names_scope_nouns_and_adverbs() -> None:
    def at(text: str, number: str) -> str:
        k = text.index(number)
        return place.where(text, k, k + len(number))[0]

    assert at("The floods killed 17,000 people in Aceh province.", "17,000") == "=aceh"
    assert at("It killed 230,000 across the whole region.", "230,000") == "~region"
    assert at("Some 100,000 people struck nationwide.", "100,000") == "~nation"
    assert at("It killed 40 people in January.", "40") == ""  # a month is no place
    assert at("A quake in Iran killed 12 people.", "12") == ""  # the event's place
    assert not place.other_place(("=aceh", "in Aceh"), ("", ""))
    assert not place.other_place(("=banda aceh", ""), ("=aceh", ""))
    assert not place.other_place(("=bam", "in Bam"), ("~local", "in the city"))
    assert place.other_place(("=asia", "across Asia"), ("~province", "in the province"))
    assert place.other_place(("=asia", "Across Asia"), ("~local", "in the city"))
    assert place.other_place(("=athens", ""), ("~nation", ""))
    assert place.other_place(("~local", ""), ("~world", ""))


def test_across_sentences_two_places_are_two_slots() -> None:
    a = "Aceh officials said the floods killed 17,000 people in Aceh."
    b = "Aceh officials later said the floods killed 23,000 people across Asia."
    cands = Candidates.of_sentences([a], [b])
    pa, pb = cands.passages((0,), (0,))
    ((x, y),) = list(numbers.conflicting(pa, pb))
    why = not_one_slot(x, y, a, b, cands, named=True)
    assert why == "where? A: in Aceh · B: across Asia"


# --- "Surname," opening a sentence names the person the article gives in full ----

_A = (
    "Police arrested Dorian Castellane, the owner of a fishing firm in Millbrook, on Wednesday.\n"
    "The charges follow years of inquiry into the harbour.\n"
    "Castellane, alleged to own 19 boats, appeared before a judge in Port Elms on a charge"
    " of fraud."
)
_B = (
    "Dorian K. Castellane was charged with fraud by police in Nova Scotia on Wednesday.\n"
    "A second owner, Ivo Brandt, was charged as well.\n"
    "Castellane, who is said to own {n} boats, employs about 400 fishermen from the harbour."
)


def test_a_sentence_opening_with_a_surname_names_the_person_given_in_full() -> None:
    # Two full forms ("Dorian Castellane" / "Dorian K. Castellane") leave the
    # pair no single long form for "Castellane": the article's own full name does.
    found = compare_texts(_A, _B.format(n=20))
    assert [(p.a, p.b, p.relation) for p in found.pairs if p.relation == "divergent"] == [
        ((2,), (2,), "divergent")
    ]
    assert "divergent" not in [p.relation for p in compare_texts(_A, _B.format(n=19)).pairs]


def test_a_capitalised_opening_word_without_a_full_name_is_no_anchor() -> None:
    from library.compare.crossing import _surname_opening

    assert _surname_opening("Castellane, 52, owns 20 boats.", "Castellane", _A) == (
        "dorian castellane"
    )
    assert _surname_opening("Castellane, 52, owns 20 boats.", "Castellane", "No one else.") == ""
    assert _surname_opening("Castellane owns 20 boats.", "Castellane", _A) == ""  # no comma
    assert _surname_opening("Meanwhile, 20 wives.", "Meanwhile", "The Meanwhile Inn") == ""

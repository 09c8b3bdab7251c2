"""Shared data and helpers for the comparison-view tests (no tests here).

Inline flood articles with a hand-built comparison (written in the engine's JSON
contract, read into the engine's typed records: the view takes only those), so
view behaviour is tested independently of how the engine happens to align.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import fields
from typing import Any

from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView
from library.article import Article
from library.compare.model import Comparison, Conflict, Pair, Side, Summary, Unit

FLOOD_A = Article(
    title="Flooding forces thousands from homes",
    outlet="Valley Herald",
    published="2025-11-10",
    body=(
        "Heavy rain caused the Meridian River to burst its banks on November 9, "
        "forcing about 4,000 residents to leave their homes, officials said.\n\n"
        "The regional governor, Anna Keller, declared a state of emergency on Sunday "
        "evening and asked the army for help.\n\n"
        "Water levels at the Stanton gauge reached 7.2 metres, the highest since "
        "records began in 1953.\n\n"
        "Local shop owner Peter Grant said the water rose faster than anyone expected.\n\n"
        "The national weather service had issued a red warning two days earlier.\n\n"
        "Schools in the valley will remain closed until Wednesday."
    ),
)
FLOOD_B = Article(
    title="River bursts banks as storm hits the valley",
    outlet="Morning Post",
    published="2025-11-09",
    body=(
        "Schools in the valley will remain closed until Wednesday.\n\n"
        "The Meridian River burst its banks on November 8 after days of heavy rain, "
        "and some 6,000 residents were evacuated, the authorities said.\n\n"
        "Governor Anna Keller declared a state of emergency on Sunday and asked the "
        "army for help.\n\n"
        "Residents criticised the slow response of the regional government.\n\n"
        "At the Stanton gauge the water reached 7.2 metres, the highest level since "
        "records began in 1953.\n\n"
        "The weather service had issued a red warning three days earlier."
    ),
)

# (A sentence, B sentence, relation, conflicts) for the hand-built comparison.
PAIRS: list[tuple[str, str, str, list[dict[str, str]]]] = [
    (
        "Heavy rain caused the Meridian River to burst its banks on November 9, "
        "forcing about 4,000 residents to leave their homes, officials said.",
        "The Meridian River burst its banks on November 8 after days of heavy rain, "
        "and some 6,000 residents were evacuated, the authorities said.",
        "divergent",
        [
            {"kind": "date", "a": "November 9", "b": "November 8"},
            {"kind": "number", "a": "4,000", "b": "6,000"},
        ],
    ),
    (
        "The regional governor, Anna Keller, declared a state of emergency on Sunday "
        "evening and asked the army for help.",
        "Governor Anna Keller declared a state of emergency on Sunday and asked the army for help.",
        "same",
        [],
    ),
    (
        "Water levels at the Stanton gauge reached 7.2 metres, the highest since "
        "records began in 1953.",
        "At the Stanton gauge the water reached 7.2 metres, the highest level since "
        "records began in 1953.",
        "same",
        [],
    ),
    (
        "The national weather service had issued a red warning two days earlier.",
        "The weather service had issued a red warning three days earlier.",
        "divergent",
        [{"kind": "number", "a": "two", "b": "three"}],
    ),
    (
        "Schools in the valley will remain closed until Wednesday.",
        "Schools in the valley will remain closed until Wednesday.",
        "same",
        [],
    ),
]


def _units(body: str) -> list[dict[str, Any]]:
    units = []
    for n, m in enumerate(re.finditer(r"[^\n]+", body)):
        units.append({"id": n, "text": m.group(), "start": m.start(), "end": m.end()})
    return units


def word_diff(a: str, b: str) -> list[list[Any]]:
    """A word-level diff in the engine's `[op, text]` form (difflib, for tests only)."""
    ta, tb = re.findall(r"\w+|\W+", a), re.findall(r"\w+|\W+", b)
    out: list[list[Any]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb).get_opcodes():
        if tag == "equal":
            out.append([0, "".join(ta[i1:i2])])
            continue
        if i2 > i1:
            out.append([-1, "".join(ta[i1:i2])])
        if j2 > j1:
            out.append([1, "".join(tb[j1:j2])])
    return out


def as_comparison(data: dict[str, Any]) -> Comparison:
    """The engine's typed `Comparison` of a hand-written one in its JSON contract."""
    a, b = (
        Side(
            data[s]["title"],
            tuple(Unit(u["id"], u["text"], u["start"], u["end"]) for u in data[s]["units"]),
        )
        for s in ("a", "b")
    )
    pairs = tuple(
        Pair(
            tuple(p["a"]),
            tuple(p["b"]),
            p["relation"],
            p["score"],
            tuple(Conflict(c["kind"], c["a"], c["b"]) for c in p["conflicts"]),
            tuple((op, text) for op, text in p["diff"]),
        )
        for p in data["pairs"]
    )
    # As the view read the JSON form: a count or share not written is 0.
    written = data.get("summary", {})
    summary = Summary(**{f.name: written.get(f.name, 0) for f in fields(Summary)})
    return Comparison(a, b, pairs, tuple(data["only_a"]), tuple(data["only_b"]), summary)


def hand_built() -> Comparison:
    """A comparison of FLOOD_A and FLOOD_B, hand-built (no lenses)."""
    return as_comparison(flood_json())


def flood_json() -> dict[str, Any]:
    """The hand-built comparison of FLOOD_A and FLOOD_B in the engine's JSON contract."""
    units = {"a": _units(FLOOD_A.body), "b": _units(FLOOD_B.body)}

    def uid(side: str, text: str) -> int:
        return next(u["id"] for u in units[side] if u["text"] == text)

    pairs: list[dict[str, Any]] = [
        {
            "a": [uid("a", a)],
            "b": [uid("b", b)],
            "relation": rel,
            "score": 0.9 if rel == "same" else 0.6,
            "conflicts": conflicts,
            "diff": word_diff(a, b),
        }
        for a, b, rel, conflicts in PAIRS
    ]
    in_a = {i for p in pairs for i in p["a"]}
    in_b = {i for p in pairs for i in p["b"]}
    only_a = [u["id"] for u in units["a"] if u["id"] not in in_a]
    only_b = [u["id"] for u in units["b"] if u["id"] not in in_b]
    return {
        "a": {"title": FLOOD_A.title, "units": units["a"]},
        "b": {"title": FLOOD_B.title, "units": units["b"]},
        "pairs": pairs,
        "only_a": only_a,
        "only_b": only_b,
        "summary": {
            "shared": 3,
            "divergent": 2,
            "only_a": len(only_a),
            "only_b": len(only_b),
            "overlap_a": 0.8,
            "overlap_b": 0.75,
        },
    }


def make_view(qtbot: QtBot) -> ComparisonView:
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(qtbot: QtBot) -> ComparisonView:
    """A view painting the hand-built flood comparison."""
    view = make_view(qtbot)
    view.show_comparison(FLOOD_A, FLOOD_B, hand_built())
    return view


def unit_id(side: str, text: str) -> int:
    found = hand_built().a if side == "a" else hand_built().b
    return next(u.id for u in found.units if u.text == text)


def pair_of(view: ComparisonView, index: int | None) -> tuple[list[int], list[int]]:
    layout = view.layout_data()
    assert layout is not None and index is not None
    pair = layout.pairs[index]
    return list(pair.a), list(pair.b)


def format_at(view: ComparisonView, side: str, offset: int) -> QTextCharFormat:
    cursor = QTextCursor(view.pane(side).text_edit.document())
    cursor.setPosition(offset + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def long_articles() -> tuple[Article, Article, Comparison]:
    paras_a = [f"Paragraph {i} of A says the count was {i}." for i in range(120)]
    paras_b = [f"Intro line {i} only in B." for i in range(30)]
    paras_b += [f"Paragraph {i} of A says the count was {i}." for i in range(120)]
    body_a, body_b = "\n\n".join(paras_a), "\n\n".join(paras_b)
    ua, ub = _units(body_a), _units(body_b)
    pairs = [
        {"a": [i], "b": [30 + i], "relation": "same", "score": 1.0, "conflicts": [],
         "diff": [[0, paras_a[i]]]}
        for i in range(120)
    ]  # fmt: skip
    data = {
        "a": {"title": "A", "units": ua},
        "b": {"title": "B", "units": ub},
        "pairs": pairs,
        "only_a": [],
        "only_b": list(range(30)),
        "summary": {"shared": 120, "divergent": 0, "only_a": 0, "only_b": 30},
    }
    long_a, long_b = Article(title="Long A", body=body_a), Article(title="Long B", body=body_b)
    return long_a, long_b, as_comparison(data)

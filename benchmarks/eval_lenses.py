"""Voices and timeline against a hand-checked set of ECB+ article pairs.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_lenses.py [--role ROLE] [-v]

`benchmarks/lenses_set/gold.json` lists, for the ECB+ train/dev pairs (and 41 test
pairs, roles `test` to `test4`), every
named speaker of each article with the sentences where they speak, and (for the
first 72) every dated statement with its date as written, normalised (rules in
`benchmarks/lenses_set/README.md`; `"dates": null` = speakers only, not scored
for dates).  The lenses run on one unit per sentence
(the eval's own sentence split), with no publication date, so labels stay as
written ("friday", "????-03-??").

Reported per role and overall.  Roles: `tune` to `tune23` (each held
out and reported in the round before, then tuned on), `report` (labelled
after the last change, never tuned on), `test`, `test2` (12 pairs each) and
`test3` (7 pairs) and `test4` (10 pairs, dates labelled too) of ECB+ *test*
documents, topics 36-45: for reporting only, no rule is ever written from them).
`tuned` pools every round but `report` and the test rounds.  Run from another
checkout (PYTHONPATH=/work/main) for the "before" numbers.

- speakers: precision and recall of the named voices of each article (a voice
  is right when its name is the gold speaker's, a shorter form of it, or the same
  with a middle initial more or less);
- attributions: the same over (speaker, sentence) pairs;
- dated events: precision and recall over (sentence, date) pairs.

`-v` prints each miss and false hit with its sentence, on the terminal only.
Eval texts never leave `/work/shared/eval/`.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from library.compare.lenses import timeline, voices
from library.compare.mentions import Mentions
from library.compare.model import Unit

HERE = Path(__file__).resolve().parent
GOLD = HERE / "lenses_set" / "gold.json"
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
if not EVAL.exists():
    EVAL = Path("/work/shared/eval")

#: Rounds of the set, in order: each tuned on once reported (see lenses_set/README.md).
ROLES = (
    *("tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10"),
    "tune11",
    "tune12",
    "tune13",
    "tune14",
    "tune15",
    "tune16",
    "tune17",
    "tune18",
    "tune19",
    "tune20",
    "report",
    "tune21",
    "tune22",
    "tune23",
    "test",
    "test2",
    "test3",
    "test4",
)
#: Report-only rounds of ECB+ *test* documents: never tuned on, kept out of `tuned` and `all`.
HELD = ("test", "test2", "test3", "test4")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "a": "1", "an": "1",
}  # fmt: skip


@dataclass
class Tally:
    """True positives, predictions and gold items of one measure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def line(self) -> str:
        p = self.tp / self.predicted if self.predicted else 1.0
        r = self.tp / self.gold if self.gold else 1.0
        return f"P {p:.3f} ({self.tp}/{self.predicted})  R {r:.3f} ({self.tp}/{self.gold})"


@dataclass
class Scores:
    speakers: Tally = field(default_factory=Tally)
    attributions: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)

    def add(self, other: Scores) -> None:
        self.speakers.add(other.speakers)
        self.attributions.add(other.attributions)
        self.dates.add(other.dates)


def _norm(name: str) -> list[str]:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I).replace("’", "'")
    # "Canadian Broadcasting Corp." and "Canadian Broadcasting Corp" are one name, and
    # "U. S. Geological Survey" and "US Geological Survey"
    name = re.sub(r"\b([A-Z])\.\s?(?=[A-Z]\.)", r"\1", name)
    # "WCVB - TV" and "WCVB-TV" are one name: a hyphen separates words (fifth round)
    name = re.sub(r"\s*-\s*", " ", re.sub(r"'s\b", "", name))
    return [w.strip(".") for w in name.lower().split()]


def same_speaker(found: str, gold: str) -> bool:
    """Equal names, or one a shorter form of the other ("Kroon", "Summit")."""
    f, g = _norm(found), _norm(gold)
    if not f or not g:
        return False
    short, long_ = (f, g) if len(f) <= len(g) else (g, f)
    n = len(short)
    if long_[-n:] == short or long_[:n] == short:
        return True
    # "Dirk A. Kempthorne" and "Dirk Kempthorne" are one name: the voice of both sides
    # takes the fuller form (seventh round; main's numbers are given under this rule too)
    if _acronym_of(found, gold) or _acronym_of(gold, found):
        return True
    f, g = _no_middle(f), _no_middle(g)
    return len(f) >= 2 and f == g


def _acronym_of(short: str, long_: str) -> bool:
    """ "AMD" for "Advanced Micro Devices": the initials of the longer name's words (the
    voice of both sides takes the fuller form; eighth round, main's numbers given under
    this rule too)."""
    words = [w for w in long_.split() if w[:1].isupper()]
    return (
        short.isupper()
        and len(short) >= 2
        and len(words) >= 2
        and short == "".join(w[0] for w in words)
    )


def _no_middle(words: list[str]) -> list[str]:
    """The words of a name without its middle initials ("dirk a kempthorne" -> two)."""
    return [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]] if words else words


def date_label(d: timeline.Dated) -> str:
    """A statement's date as the gold writes it: fields, else the weekday or words."""
    if d.year is not None or d.month is not None or d.day is not None:
        return d.label
    text = d.text.lower()
    for day in _WEEKDAYS:
        if day in text:
            return day
    return " ".join(_NUMBERS.get(w, w) for w in text.split())


def load_rows(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for split in ("train", "dev", "test"):
        with (EVAL / f"ecbplus_pairs_{split}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                key = (row["doc_a"], row["doc_b"])
                if key in wanted:
                    rows[key] = row
    return rows


def sentences(row: dict[str, Any], side: str) -> list[str]:
    found = list(row[f"sentences_{side}"])
    return found[1:] if row[f"doc_{side}"].endswith("plus") else found  # a URL first


def units_of(sents: list[str]) -> tuple[str, tuple[Unit, ...]]:
    out, pos = [], 0
    for k, s in enumerate(sents):
        out.append(Unit(k, s, pos, pos + len(s)))
        pos += len(s) + 1
    return "\n".join(sents), tuple(out)


def score_pair(entry: dict[str, Any], row: dict[str, Any], verbose: bool) -> Scores:
    sents = {side: sentences(row, side) for side in ("a", "b")}
    text_a, units_a = units_of(sents["a"])
    text_b, units_b = units_of(sents["b"])
    found, _ = voices.build(units_a, units_b, Mentions.build(text_a, text_b))
    out = Scores()
    for side, units in (("a", units_a), ("b", units_b)):
        gold = entry[side]
        name = entry[f"doc_{side}"]

        def say(kind: str, what: str, unit: int, name: str = name, side: str = side) -> None:
            if verbose:
                print(f"  {name} {kind}: {what} @{unit}: {sents[side][unit][:160]}")

        # Speakers: each found voice matched to at most one gold speaker.
        spoken = [(v.name, v.a if side == "a" else v.b) for v in found]
        spoken = [(n, ids) for n, ids in spoken if ids]
        gold_speakers: dict[str, list[int]] = gold["speakers"]
        taken: set[str] = set()
        attributed: set[tuple[str, int]] = set()
        for n, ids in spoken:
            match = next((g for g in gold_speakers if g not in taken and same_speaker(n, g)), None)
            out.speakers.predicted += 1
            if match is not None:
                taken.add(match)
                out.speakers.tp += 1
            else:
                say("false speaker", n, ids[0])
            attributed |= {(match or f"?{n}", i) for i in ids}
        for g in gold_speakers:
            if g not in taken:
                say("missed speaker", g, gold_speakers[g][0])
        out.speakers.gold += len(gold_speakers)
        gold_attr = {(g, i) for g, ids in gold_speakers.items() for i in ids}
        out.attributions.tp += len(attributed & gold_attr)
        out.attributions.predicted += len(attributed)
        out.attributions.gold += len(gold_attr)
        for g, i in sorted(attributed - gold_attr, key=lambda x: x[1]):
            say("false attribution", g, i)
        for g, i in sorted(gold_attr - attributed, key=lambda x: x[1]):
            say("missed attribution", g, i)
        # Dated events (not labelled for a speakers-only round).
        if gold["dates"] is None:
            continue
        predicted = {(d.unit, date_label(d)) for u in units for d in timeline.statements(u, None)}
        gold_dates = {(i, label) for i, label in gold["dates"]}
        out.dates.tp += len(predicted & gold_dates)
        out.dates.predicted += len(predicted)
        out.dates.gold += len(gold_dates)
        for i, label in sorted(predicted - gold_dates):
            say("false date", label, i)
        for i, label in sorted(gold_dates - predicted):
            say("missed date", label, i)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--role", choices=ROLES)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"skipped: {EVAL} not found")
        return
    entries = json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]
    rows = load_rows({(e["doc_a"], e["doc_b"]) for e in entries})
    totals: dict[str, Scores] = {r: Scores() for r in (*ROLES, "tuned", "all")}
    for e in entries:
        if args.role and e["role"] != args.role:
            continue
        if args.verbose:
            print(f"{e['doc_a']} / {e['doc_b']} ({e['role']})")
        s = score_pair(e, rows[(e["doc_a"], e["doc_b"])], args.verbose)
        totals[e["role"]].add(s)
        if e["role"] not in ("report", *HELD):
            totals["tuned"].add(s)
        if e["role"] not in HELD:  # `all`: the train/dev pairs, comparable with earlier rounds
            totals["all"].add(s)
    for role, s in totals.items():
        if s.speakers.gold + s.dates.gold == 0:
            continue
        print(f"{role:>6}  speakers      {s.speakers.line()}")
        print(f"{'':>6}  attributions  {s.attributions.line()}")
        print(f"{'':>6}  dated events  {s.dates.line()}")


if __name__ == "__main__":
    main()

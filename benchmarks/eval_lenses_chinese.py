"""Names and speakers of the lenses against hand-labelled Chinese sentences.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_lenses_chinese.py [-v]

`benchmarks/lenses_set/zh_gold.json` labels 95 sentences of PAWS-X Chinese
dev (human-translated Wikipedia; rules and selection in the file): the people,
bodies and places each names, and its named speakers.  Each sentence is
compared as article A against an empty B (`compare_texts`), so every lens
runs as in the app; the Names lens's entries of A (and their other forms)
are the predicted names, the Voices lens's the predicted speakers.  Only
names in Chinese characters are scored (the gold leaves Latin names out).

Reported: precision and recall of names (exact string, simplified), of names
whose span overlaps a gold name (lenient: 阿米尔·汗 for 阿米尔·汗 and 汗 …),
and of speakers.  Run from another checkout (`cd ../main && PYTHONPATH=.
python ../wt/zh-lenses/benchmarks/eval_lenses_chinese.py`) to measure its code.
`-v` prints misses and false hits on the terminal only; eval texts never
leave `/work/shared/eval/`.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from library.chinese import fold, has_cjk
from library.compare import compare_texts

HERE = Path(__file__).resolve().parent
GOLD = HERE / "lenses_set" / "zh_gold.json"
EVAL = Path("/work/shared/eval/pawsx_zh_dev.jsonl")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _chinese(name: str) -> bool:
    """A name in Chinese characters (a Latin initial inside a dotted name allowed)."""
    return has_cjk(name) and not _LATIN_WORD.search(name)


def predict(text: str) -> tuple[set[str], set[str]]:
    """Chinese names and speakers the lenses give for one sentence (simplified)."""
    ls = compare_texts(text, "").lenses
    if ls is None:
        return set(), set()
    names = {fold(f) for n in ls.names if n.a for f in [n.name, *n.aliases] if _chinese(f)}
    speakers = set()
    for v in ls.voices:
        if v.a:
            speakers.update(fold(f) for f in re.split(r" \(|\)", v.name) if _chinese(f))
    return names, speakers


def _score(hits: int, predicted: int, gold: int) -> str:
    p = hits / predicted if predicted else 1.0
    r = hits / gold if gold else 1.0
    return f"P {p:.2f} ({hits}/{predicted})  R {r:.2f} ({hits}/{gold})"


def _overlap(x: str, ys: set[str]) -> bool:
    return any(x in y or y in x for y in ys if len(min(x, y, key=len)) >= 2)


def measure(
    sentences: list[dict[str, object]], texts: dict[str, dict[str, str]], verbose: bool
) -> None:
    """Score one set of labelled sentences and print the scores."""
    counts = dict.fromkeys(("nh", "np", "ng", "lh_p", "lh_g", "sh", "sp", "sg"), 0)
    by_kind: dict[str, list[int]] = {k: [0, 0] for k in ("people", "bodies", "places")}
    for s in sentences:
        text = texts[str(s["id"])][str(s["field"])]
        names, speakers = predict(text)
        labels = {k: [str(n) for n in s[k]] for k in ("people", "bodies", "places", "speakers")}  # type: ignore[attr-defined]
        want = {fold(n) for k in ("people", "bodies", "places") for n in labels[k]}
        said = {fold(n) for n in labels["speakers"]}
        counts["nh"] += len(names & want)
        counts["np"] += len(names)
        counts["ng"] += len(want)
        counts["lh_p"] += sum(_overlap(n, want) for n in names)
        counts["lh_g"] += sum(_overlap(n, names) for n in want)
        counts["sh"] += len(speakers & said)
        counts["sp"] += len(speakers)
        counts["sg"] += len(said)
        for kind, found in by_kind.items():
            found[0] += len(names & {fold(n) for n in labels[kind]})
            found[1] += len(labels[kind])
        if verbose and (names ^ want or speakers ^ said):
            print(s["id"], "| missed", sorted(want - names), sorted(said - speakers))
            print("   false", sorted(names - want), sorted(speakers - said))
    print(f"{len(sentences)} sentences, {counts['ng']} gold names, {counts['sg']} gold speakers")
    print("names, exact:   ", _score(counts["nh"], counts["np"], counts["ng"]))
    lp = counts["lh_p"] / counts["np"] if counts["np"] else 1.0
    lr = counts["lh_g"] / counts["ng"] if counts["ng"] else 1.0
    print(f"names, overlap:  P {lp:.2f}  R {lr:.2f}")
    for kind, (hits, total) in by_kind.items():
        print(f"  recall of {kind}: {hits}/{total}")
    print("speakers:       ", _score(counts["sh"], counts["sp"], counts["sg"]))


def main() -> None:
    """Print the scores per role (`tune`, `heldout`)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="print each miss and false hit")
    parser.add_argument("--role", help="only this role (tune or heldout)")
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    texts = {}
    with EVAL.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            texts[row["id"]] = row
    roles = [args.role] if args.role else list(dict.fromkeys(s["role"] for s in gold["sentences"]))
    for role in roles:
        print(f"== {role}")
        measure([s for s in gold["sentences"] if s["role"] == role], texts, args.v)


if __name__ == "__main__":
    main()

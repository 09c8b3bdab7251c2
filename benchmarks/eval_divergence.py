"""Divergence detection: planted changes must be flagged, paraphrases must stay "same".

Run by hand (not in CI); reads `../shared/eval/` and skips cleanly when absent.

1. Planted changes: sentences of the ECB+ *train* documents are copied with one
   detail changed (a number, a date, a name, or a negation added/removed), and
   `compare_texts(original, changed)` must align them as "divergent" with a
   conflict of the right kind that names the changed words.
2. Paraphrases: pairs labelled as paraphrases (PAWS dev/test positives; MRPC test
   positives, evaluation only) should mostly come out "same".

Usage::

    .venv/bin/python benchmarks/eval_divergence.py
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Callable

from eval_compare import EVAL, load

from library.compare import compare_texts

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WRITTEN = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
AUX = re.compile(r"\b(is|was|are|were|has|have|had|will|would|can|could)\b")
NOT = re.compile(r"\b(is|was|are|were|has|have|had|will|would|can|could|did|does|do) not\b")
NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)\b")

Edit = tuple[str, str, str, str]  # kind, changed sentence, old words, new words


def change_number(s: str, rng: random.Random) -> Edit | None:
    """Replace one number (not a year) with a different one."""
    month = re.compile(r"(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s*$")
    nums = [m for m in re.finditer(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?!\d)(?![.,]\d)", s)]
    # Days of a month are dates (the date test covers them), not quantities.
    nums = [m for m in nums if not month.search(s[: m.start()])]
    nums = [m for m in nums if not re.match(r"\s*(" + "|".join(MONTHS) + ")", s[m.end() :])]
    words = [m for m in re.finditer(r"\b(" + "|".join(WRITTEN) + r")\b", s)]
    if nums:
        m = rng.choice(nums)
        old = int(m.group().replace(",", ""))
        new = f"{old + rng.randint(1, 9) * (1 if old < 10 else max(1, old // 10)):,}"
        if new in s:
            return None
    elif words:
        m = rng.choice(words)
        new = rng.choice([w for w in WRITTEN if w not in s])
    else:
        return None
    return "number", s[: m.start()] + new + s[m.end() :], m.group(), new


def change_date(s: str, rng: random.Random) -> Edit | None:
    """Move a month, weekday or year."""
    m = re.search(r"\b(" + "|".join(MONTHS + WEEKDAYS) + r")\b", s)
    if m and not (m.group() == "May" and not re.search(r"May \d", s)):
        pool = MONTHS if m.group() in MONTHS else WEEKDAYS
        new = rng.choice([x for x in pool if x != m.group()])
        return "date", s[: m.start()] + new + s[m.end() :], m.group(), new
    y = re.search(r"\b(19|20)\d\d\b", s)
    if y:
        new = str(int(y.group()) + rng.choice([-3, -2, -1, 1, 2, 3]))
        return "date", s[: y.start()] + new + s[y.end() :], y.group(), new
    return None


def change_entity(s: str, rng: random.Random, names: list[str]) -> Edit | None:
    """Swap a name (not sentence-initial, not a month or weekday) for a name from elsewhere."""
    cands = [m for m in NAME.finditer(s) if m.group().split()[0] not in MONTHS + WEEKDAYS]
    if not cands:
        return None
    m = rng.choice(cands)
    new = rng.choice(names)
    if new.split()[0] in s or m.group().split()[0] in new:
        return None
    return "entity", s[: m.start()] + new + s[m.end() :], m.group(), new


def change_negation(s: str, rng: random.Random) -> Edit | None:
    """Remove an existing 'X not', or add 'not' after the first auxiliary verb."""
    m = NOT.search(s)
    if m:
        return "negation", s[: m.start()] + m.group(1) + s[m.end() :], "not", ""
    m = AUX.search(s)
    if m:
        return "negation", s[: m.end()] + " not" + s[m.end() :], "", "not"
    return None


def planted(limit_per_kind: int = 500, seed: int = 13) -> None:
    """Run the planted-change test and print its table."""
    rng = random.Random(seed)
    sents: list[str] = []
    seen: set[str] = set()
    for row in load("ecbplus_pairs_train.jsonl"):
        for side in "ab":
            for k, s in enumerate(row[f"sentences_{side}"]):
                if k == 0 and row[f"doc_{side}"].endswith("ecbplus"):
                    continue
                if 8 <= len(s.split()) <= 45 and s not in seen and not s.isupper():
                    seen.add(s)
                    sents.append(s)
    names = sorted({m.group() for s in sents for m in NAME.finditer(s)})
    makers: dict[str, Callable[[str], Edit | None]] = {
        "number": lambda s: change_number(s, rng),
        "date": lambda s: change_date(s, rng),
        "entity": lambda s: change_entity(s, rng, names),
        "negation": lambda s: change_negation(s, rng),
    }
    print("### Planted changes in ECB+ train sentences\n")
    print("| change | n | aligned | flagged divergent | right kind of conflict "
          "| conflict names the changed words |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    misses: list[str] = []
    for kind, make in makers.items():
        order = sents[:]
        rng.shuffle(order)
        n = aligned = divergent = right_kind = names_words = 0
        for s in order:
            edit = make(s)
            if edit is None:
                continue
            _, changed, old, new = edit
            c = compare_texts(s, changed)
            n += 1
            if c.pairs:
                aligned += 1
            if any(p.relation == "divergent" for p in c.pairs):
                divergent += 1
            conflicts = [k for p in c.pairs for k in p.conflicts]
            # A changed clock time or day number is rightly a date/time conflict.
            # A changed speaker is rightly an attribution conflict.
            ok = {"number": {"number", "date"}, "entity": {"entity", "attribution"}}.get(
                kind, {kind}
            )
            same_kind = [k for k in conflicts if k.kind in ok]
            if same_kind:
                right_kind += 1
            if any((old in k.a or not old) and (new in k.b or not new) for k in same_kind) or (
                kind == "negation" and same_kind
            ):
                names_words += 1
            elif len(misses) < 12 and n % 7 == 0:
                found = [(k.kind, k.a, k.b) for k in conflicts]
                misses.append(f"{kind}: {old!r} -> {new!r}: {found} | {changed[:150]}")
            if n >= limit_per_kind:
                break
        print(f"| {kind} | {n} | {100 * aligned / n:.1f}% | {100 * divergent / n:.1f}% "
              f"| {100 * right_kind / n:.1f}% | {100 * names_words / n:.1f}% |")  # fmt: skip
    print("\nSample misses:\n")
    for m in misses:
        print(f"- {m}")
    print()


def paraphrases() -> None:
    """How paraphrase pairs are classified."""
    print("### Paraphrase pairs (label 1) through `compare_texts`\n")
    print("| set | n | same | divergent | not aligned | most frequent conflict kinds |")
    print("|---|---|---|---|---|---|")
    for name in ("paws_wiki_dev.jsonl", "paws_wiki_test.jsonl", "mrpc_test.jsonl"):
        counts: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for row in load(name):
            if row["label"] != 1:
                continue
            c = compare_texts(row["a"], row["b"])
            rel = {p.relation for p in c.pairs}
            counts["divergent" if "divergent" in rel else "same" if rel else "none"] += 1
            kinds.update({k.kind for p in c.pairs for k in p.conflicts})
        n = sum(counts.values())
        top = ", ".join(f"{k} {v}" for k, v in kinds.most_common(3))
        print(f"| {name.removesuffix('.jsonl')} | {n} | {100 * counts['same'] / n:.1f}% "
              f"| {100 * counts['divergent'] / n:.1f}% | {100 * counts['none'] / n:.1f}% "
              f"| {top} |")  # fmt: skip
    print()


def main() -> int:
    """Run both tests."""
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    planted()
    paraphrases()
    return 0


if __name__ == "__main__":
    sys.exit(main())

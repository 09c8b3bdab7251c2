"""Seeded fuzzing of the comparison engine with hostile and odd text (run by hand).

Each case is built from (seed, case id) alone, so any failure can be replayed
with `--only ID`.  A case is a pair of texts: a near copy of an invented news
story with one hostile piece changed (so the detectors engage), or one of the
odd shapes (empty side, equal texts, a 100k-character line, one word 50k times).
Every case runs `compare_texts` on one backend, `Comparison.to_dict()` through
JSON, and the terminal report, and is checked for:

- an exception (type and the innermost library frame are recorded),
- a hang: no answer within `--timeout` seconds (the worker is killed; the
  engine's regexes cannot be interrupted from inside the process),
- a report line with a raw control character (the terminal must never see one),
- an explanation with a control or markup character the two texts did not hold
  (the engine must not make markup; quoting the article's own is expected).

Usage:
    PYTHONPATH=. python benchmarks/fuzz_compare.py --seed 16 --count 2000
    PYTHONPATH=. python benchmarks/fuzz_compare.py --seed 16 --only 137 --show

The summary prints case ids, kinds and counts, never texts (use --show on
one id to see its pair).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

#: Invented sentences with slots; {X} takes a hostile or ordinary piece.
_TEMPLATES = (
    "The council of Velmora said {X} people attended the meeting on {D}.",
    "Police in Kestrel Bay arrested {N} men aged {X} near the harbour.",
    "The storm moved {X} miles north of Port Adlin on {D}, officials said.",
    "Mayor Ilse Varga told reporters that {X} percent of the budget was spent.",
    "The fire began at {X} and burned {N} acres east of Dunmere.",
    "A spokesman for Orlan Freight said the ship carried {X} containers.",
    "Judge Amos Tell sentenced the driver to {X} years on {D}.",
    "The quake, of magnitude {X}, struck {N} kilometres south of Brisk.",
    "Officials said {X} was the {O} attempt since {D}.",
    "Ms. Rhea Quill, {X}, was named chief executive of Talmont Bank.",
    "She did not say whether the {X} vote would be held in {D}.",
    "維爾莫拉市政府表示，{X}人參加了{D}的會議。",
    "警方在凱斯特灣逮捕了{N}名男子，年齡{X}歲。",
    "قال مجلس فيلمورا إن {X} شخصا حضروا الاجتماع.",
    "The bridge opened {X} days ago, {N} years after work began, the mayor said {W}.",
    "Prices rose {X} percent to ${X} million in the {O} quarter of {D}.",
    "Between {X} and {N} people were killed {P} Dunmere at {T}.",
    "The 2008-{X} season ended {X} months ago, and the team {V} won on {W}.",
    "The {X}-year-old suspect will appear in court next {W}, police said.",
    "The plane flew {X} km/h at {X} feet, {X} miles {P} Port Adlin.",
    "“We did not {V} expect {X} votes,” said Tova Renn, {X}, on {D}.",
    "據報導，{X}名乘客於{D}在{X}公里外獲救，損失約{X}萬元。",
)
_WEEKDAYS = ("Friday", "Monday", "last Sunday", "next Wednesday", "Tuesdays", "yesterday")
_VERBS = ("never", "not", "", "no longer", "hardly")

#: Pieces likely to break number, date, time, bearing or text parsing.
_NUMBERS = (
    "1e999",
    "10^400",
    "٣٤٥",
    "１２３",
    "1,2,3,4",
    "$-0.00",
    "½",
    "3/0",
    "0/0",
    "-0",
    "9" * 400,
    "0.000000000000000000001",
    "1.2.3",
    "1,,000",
    "$1e308",
    "NaN",
    "inf",
    "-1",
    "+7",
    "⁵",
    "²³",
    "Ⅻ",
    "𝟗𝟗",
    "৩",
    "๓",
    "1 000 000",
    "1'000",
    "10 ^ 400",
    "3½",
    "-½",
    "1/2/3",
    "2**1000",
    "0x1F",
    "1_000",
    "1.5 billion trillion",
    "a billion",
    "sixty-twelve",
    "minus zero",
    "twenty-first",
    "100000000000000000000th",
    "兩萬",
    "廿",
    "卅",
    "〇",
    "一億億",
    "三分之",
    "萬萬",
    "百分之",
    "负三",
    "零点",
)
_DATES = (
    "February 30",
    "Feb. 30, 2020",
    "year 0",
    "the year 99999",
    "the 32nd",
    "March 0",
    "0/0/0000",
    "31/31/31",
    "2020-13-45",
    "9999-99-99",
    "Monday the 31st of February",
    "12 BC",
    "the 1990s",
    "last 400 years",
    "2 days ago",
    "10^400 days ago",
    "2月30日",
    "〇年",
    "二〇二〇年十三月",
    "卅一日",
    "廿九日",
    "March 1e999",
    "13th month",
)
_TIMES = ("25:61 p.m.", "0:00", "24:00", "99:99", "12:60 a.m.", "noon o'clock", "-1:30")
_ORDINALS = ("0th", "1st", "-3rd", "22nd", "1e3rd", "١st", "first", "zeroth", "millionth")
_AGES = ("aged 500", "aged -1", "aged 0", "aged 1e9", "500-year-old", "aged ½")
_PERCENT = ("150%", "-5%", "1e999%", "%", "%%", "5 %", "百分之五百", "٪٥", "0.0000%")
_PLACES = (
    "0 miles north of",
    "north of north",
    "north-north-south of",
    "1e999 km west of",
    "-3 miles east of",
    "north of",
    "of of of",
    "south of 𝟗𝟗",
)
_ODD = (
    "\u0301",
    "\u200d",
    "\u200f",
    "\u202e",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x1b]0;x\x07",
    "\x85",
    "\x9b",
    "\t",
    "\r\n",
    "\f",
    "\v",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\U0001f600",
    "\U0001f1fa\U0001f1f8",
    "👨‍👩‍👧",
    "<b>",
    "</div>",
    "<script>x</script>",
    "&amp;",
    "&#0;",
    "」",
    "，",
    "。",
    "！",
    "？",
    "……",
    "《》",
    "“",
    '"',
    "'",
    "(",
    ")",
    "[[",
    "]]",
    "\\",
    "$",
    "€",
    "£",
    "¥",
    "*",
    "…",
    "—",
    "--",
    "...",
    "?!",
    "Mr.",
    "U.S.",
    "e.g.",
)
_KINDS = (_NUMBERS, _DATES, _TIMES, _ORDINALS, _AGES, _PERCENT, _PLACES, _ODD)

#: Characters a terminal could act on: C0 (bar newline), DEL, C1, bidi controls.
_RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MARKUP = re.compile(r"[<>&]")


def _piece(rng: random.Random) -> str:
    return rng.choice(rng.choice(_KINDS))


def _sentence(rng: random.Random) -> str:
    template = rng.choice(_TEMPLATES)
    return template.format(
        X=_piece(rng),
        D=rng.choice(_DATES) if rng.random() < 0.4 else "March 3",
        N=rng.choice(("two", "12", "1,500", _piece(rng))),
        O=rng.choice(_ORDINALS),
        P=rng.choice(_PLACES),
        T=rng.choice(_TIMES),
        W=rng.choice(_WEEKDAYS),
        V=rng.choice(_VERBS),
    )


def _near_copy(rng: random.Random, text: str) -> str:
    """`text` with one piece changed: a hostile piece swapped, inserted or deleted."""
    for pieces in rng.sample(_KINDS, len(_KINDS)):
        present = [p for p in pieces if p and p in text]
        if present:
            old = rng.choice(present)
            return text.replace(old, _piece(rng), 1)
    cut = rng.randrange(len(text) + 1) if text else 0
    return text[:cut] + _piece(rng) + text[cut:]


def _odd_shape(rng: random.Random, story: str) -> tuple[str, str]:
    shape = rng.randrange(12)
    words = ("word ", "1,000 ", "北 ", "٣ ", "\u200d", "of ")
    huge = "".join(rng.choice(words) for _ in range(20_000))
    return [
        (story, story),
        ("", story),
        (story, ""),
        ("", ""),
        (huge[:100_000], _near_copy(rng, huge[:100_000])),
        ("vote " * 50_000, "vote " * 49_999 + "poll "),
        ("?!.,;:…。！" * rng.randint(1, 3000), story),
        ("".join(rng.choice("0123456789 ") for _ in range(5000)), story),
        ("\U0001f600" * 3000, "\U0001f600" * 2999),
        (" ".join(rng.choice(_ODD) for _ in range(2000)), story),
        (story.replace(" ", "\u00a0"), story.replace(" ", "\u3000")),
        (story.replace(". ", ".\x00\n\f\r\n"), story),
    ][shape]


#: Publication dates as stored metadata may hold them (front matter is free text).
_PUBLISHED = (
    None,
    "2024-03-05",
    "0001-01-01",
    "9999-12-31",
    "2020-02-30",
    "0000-00-00",
    "2024-13-01",
    "garbage",
    "",
    "１９９９-０１-０１",
    "2024-03-05T25:61",
    "99999-01-01",
)
_LANGUAGES = (None, None, None, "en", "zh", "ar", "xx", "", "en-US", "zh-Hant")


def make_case(seed: int, case_id: int) -> tuple[str, str, str, dict[str, str | None]]:
    """The pair for (seed, case_id), its shape name and the other arguments; deterministic."""
    rng = random.Random(f"fuzz16:{seed}:{case_id}")
    story = " ".join(_sentence(rng) for _ in range(rng.randint(1, 8)))
    kw: dict[str, str | None] = {}
    if rng.random() < 0.4:
        kw = {"published_a": rng.choice(_PUBLISHED), "published_b": rng.choice(_PUBLISHED)}
    if rng.random() < 0.15:
        kw |= {"language_a": rng.choice(_LANGUAGES), "language_b": rng.choice(_LANGUAGES)}
    if rng.random() < 0.1:
        kw |= {"title_a": _piece(rng), "title_b": _sentence(rng)}
    if rng.random() < 0.12:
        a, b = _odd_shape(rng, story)
        return a, b, "odd", kw
    b = story
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        b = _near_copy(rng, b)
    return story, b, "near", kw


def _strings(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, f"{path}[]")
    elif isinstance(data, str):
        yield path, data


def _innermost(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/library/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}: {str(exc)[:80]}"


def check_case(a: str, b: str, backend: object, kw: dict[str, str | None]) -> list[str]:
    """Run one pair through engine, JSON and report; the problems found."""
    from library.compare import compare_texts
    from library.compare.report import render_report

    try:
        comparison = compare_texts(a, b, backend=backend, **kw)  # type: ignore[arg-type]
        data = json.loads(json.dumps(comparison.to_dict()))
        report = render_report(comparison, color=False)
    except Exception as exc:  # every failure is the finding
        return [f"exception: {_innermost(exc)}"]
    problems = []
    if _RAW_CONTROL.search(report):
        problems.append("report: raw control character")
    for path, text in _strings(data):
        if not path.endswith("explanation") and "lenses" not in path:
            continue
        for pattern, label in ((_CONTROL, "control"), (_MARKUP, "markup")):
            made = {c for c in pattern.findall(text) if c not in a and c not in b}
            if made:
                problems.append(f"{label} made by engine in {path}")
    return problems


def _worker(seed: int, start: int, count: int, backend_name: str, timeout: float) -> None:
    import resource

    from library.compare.backends import make_backend

    backend = make_backend(backend_name).backend
    for case_id in range(start, start + count):
        # A CPU-time limit per case (SIGXCPU ends the worker): on a shared,
        # loaded machine wall time would call a slow-but-fine case a hang.
        limit = int(time.process_time() + timeout) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (limit, resource.RLIM_INFINITY))
        print(json.dumps({"start": case_id}), flush=True)
        a, b, _, kw = make_case(seed, case_id)
        began = time.process_time()
        problems = check_case(a, b, backend, kw)
        cpu = round(time.process_time() - began, 2)
        print(json.dumps({"done": case_id, "problems": problems, "cpu": cpu}), flush=True)


def _run(seed: int, count: int, backend: str, timeout: float) -> dict[int, list[str]]:
    """Run cases in a worker process, restarting it after a hang; problems by case id."""
    found: dict[int, list[str]] = {}
    slow: list[tuple[float, int]] = []
    next_id = 0
    while next_id < count:
        cmd = [
            sys.executable,
            __file__,
            "--worker",
            "--seed",
            str(seed),
            "--start",
            str(next_id),
            "--count",
            str(count - next_id),
            "--backend",
            backend,
            "--timeout",
            str(timeout),
        ]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        current = next_id
        for line in _lines_with_timeout(proc, timeout * 10):
            if line is None:
                found[current] = [f"hang: no answer in {timeout * 10:.0f} s wall time"]
                proc.kill()
                break
            msg = json.loads(line)
            if "start" in msg:
                current = msg["start"]
                continue
            if msg["problems"]:
                found[msg["done"]] = msg["problems"]
            slow.append((msg["cpu"], msg["done"]))
            if msg["done"] % 200 == 0:
                print(f"  … {backend} case {msg['done']}", file=sys.stderr, flush=True)
        else:
            code = proc.wait()
            if code == -signal.SIGXCPU:
                found[current] = [f"hang: over {timeout:.0f} s of CPU time"]
            elif code != 0 and current not in found:
                found[current] = [f"worker died (exit {code})"]
        proc.wait()
        next_id = current + 1
    slow.sort(reverse=True)
    print(f"slowest {backend} cases (cpu s, id): {slow[:5]}")
    return found


def _lines_with_timeout(proc: subprocess.Popen[str], timeout: float) -> Iterator[str | None]:
    import selectors

    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    while True:
        if not selector.select(timeout):
            yield None
            return
        line = proc.stdout.readline()
        if not line:
            return
        yield line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--backend", choices=("lexical", "semantic", "both"), default="both")
    parser.add_argument("--timeout", type=float, default=30.0, help="CPU seconds per case")
    parser.add_argument("--only", type=int, help="run this one case id in-process")
    parser.add_argument("--show", action="store_true", help="with --only: print the pair")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    names = ("lexical", "semantic") if args.backend == "both" else (args.backend,)
    if args.worker:
        _worker(args.seed, args.start, args.count, names[0], args.timeout)
        return
    if args.only is not None:
        from library.compare.backends import make_backend

        a, b, shape, kw = make_case(args.seed, args.only)
        if args.show:
            print(f"shape {shape} {kw}\nA: {a!r}\nB: {b!r}")
        for name in names:
            print(name, check_case(a, b, make_backend(name).backend, kw) or "ok")
        return
    for name in names:
        found = _run(args.seed, args.count, name, args.timeout)
        kinds = Counter(p for problems in found.values() for p in problems)
        print(f"{name}: seed {args.seed}, {args.count} cases, {len(found)} with problems")
        for problem, n in kinds.most_common():
            ids = [i for i, ps in found.items() if problem in ps][:8]
            print(f"  {n:5d}  {problem}  (cases {ids})")


if __name__ == "__main__":
    main()

"""Scale benchmark: Parallax's core on a 10k / 50k-article library, each against a baseline.

Builds libraries of real news text from `../shared/eval/` (see `build_corpus`)
through the real import path (`Collection.import_paths` over a folder of
Markdown files, committed in batches of files), then measures, in the same run:

- import throughput vs a bare sqlite3 insert of the same files' text with the
  same FTS5 schema (external-content FTS5 table + triggers) and one commit per
  file; peak memory of both processes;
- `parallax list --json` vs a sqlite3 query of the same columns printed as
  JSON (time and peak memory, each a fresh process);
- filtering by a word found in every article: a count-only FTS5 query vs the
  library's search path (`LibraryStore.search` with limit = row count, as the
  window used it; and `count()` + `page()` when the store has them);
- `parallax --help` vs `python -c "import sqlite3, json, argparse"`;
- the first comparison in a fresh process (`Collection.compare` on two
  articles of one ECB+ pair: word weights included) vs `compare_articles` on
  the same two without library weights; peak memory;
- the window on the same library (`scale_window.py`): start-up to first paint
  vs a bare QMainWindow + QTableView, a filter keystroke, a comparison opened.

Usage (from the worktree root):
    .venv/bin/python benchmarks/library_scale.py [--sizes 10000,50000] [--runs 3]
    # import only, `--runs` interleaved rounds (after, bare, before, then reversed); workers
    # (0: read in-process); or where an in-process import's CPU goes (stages, SQL by statement):
    .venv/bin/python benchmarks/library_scale.py --sizes 2000 --import-only --workers 2 --before DIR
    .venv/bin/python benchmarks/library_scale.py --sizes 2000 --stages --before /work/main

Corpus: the 982 distinct ECB+ documents (sentence 0, the URL, dropped from
`*ecbplus` documents), paragraphs of three sentences.  Article i >= 982 is
document i mod 982 with four sentences inserted from a pool of ECB+ and MRPC
news sentences (seeded by i), so every article is distinct, real news text.
Nothing here is written to the repository; results go to RESULTS-scale.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_children import COMPARE_CHILD, SEARCH_CHILD
from scale_window import measure_window

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent.parent / "shared" / "eval"
if not EVAL.exists():
    EVAL = Path("/work/shared/eval")
PY = sys.executable
#: A word in (nearly) every article: the filter-as-you-type worst case.
EVERYWHERE = "the"

_LIST_COLUMNS = (
    "id, version, title, outlet, author, published, url, language, source_path, "
    "content_hash, imported_at, encoding, word_count"
)


# -- corpus -------------------------------------------------------------------


def load_documents() -> tuple[list[list[str]], list[str], tuple[int, int]]:
    """ECB+ documents (sentence lists), a sentence pool, and the indexes of one real pair."""
    docs: dict[str, list[str]] = {}
    first_pair: tuple[str, str] | None = None
    for split in ("train", "dev", "test"):
        with open(EVAL / f"ecbplus_pairs_{split}.jsonl", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                for key in ("a", "b"):
                    name, sents = rec[f"doc_{key}"], rec[f"sentences_{key}"]
                    if name.endswith("ecbplus"):
                        sents = sents[1:]
                    docs.setdefault(name, [s for s in sents if s.strip()])
                if first_pair is None:
                    first_pair = (rec["doc_a"], rec["doc_b"])
    names = sorted(docs)
    assert first_pair is not None
    # The compared pair goes first, so it is articles 1 and 2 at every size.
    names.remove(first_pair[0])
    names.remove(first_pair[1])
    names = [*first_pair, *names]
    documents = [docs[n] for n in names]
    pool = [s for d in documents for s in d]
    with open(EVAL / "mrpc_train.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            pool += [rec["a"], rec["b"]]
    return documents, pool, (0, 1)


def article_text(i: int, documents: list[list[str]], pool: list[str]) -> str:
    base = documents[i % len(documents)]
    sents = list(base)
    if i >= len(documents):
        rng = random.Random(i)
        for _ in range(4):
            sents.insert(rng.randrange(len(sents) + 1), rng.choice(pool))
    title = sents[0][:90].replace('"', "'").strip()
    paragraphs = [" ".join(sents[k : k + 3]) for k in range(0, len(sents), 3)]
    day = 1 + i % 28
    head = (
        f'---\ntitle: "{title} ({i})"\noutlet: "Outlet {i % 37}"\n'
        f'published: "2012-{1 + i % 12:02d}-{day:02d}"\n---\n\n'
    )
    return head + "\n\n".join(paragraphs) + "\n"


def build_corpus(folder: Path, n: int) -> None:
    documents, pool, _ = load_documents()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:06d}.md").write_text(article_text(i, documents, pool), encoding="utf-8")


# -- measuring ------------------------------------------------------------------


def run(
    cmd: list[str], *, stdout: int | None = subprocess.DEVNULL, repo: Path = REPO
) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KiB) and stdout of one child process (`repo`'s code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=repo, stdout=stdout, stderr=subprocess.PIPE, text=True, env=_env(repo)
    )
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed ({proc.returncode}):\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss, out


def _env(repo: Path = REPO) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(repo), QT_QPA_PLATFORM="offscreen")
    if repo in _BYTECODE:  # compiled modules cached, as an install has them
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _BYTECODE[repo]
    return env


#: `--bytecode`: each checkout's compiled-module cache (`cache_bytecode`).
_BYTECODE: dict[Path, str] = {}


def cache_bytecode(repo: Path, work: Path) -> None:
    """Compile `repo`'s code into a cache its children use (`_env`).

    Without it, a machine with `PYTHONDONTWRITEBYTECODE=1` (this one) compiles
    every module a child imports from source each run, which an installed
    Parallax never does: ~40 ms of an import's set-up, none of the bare insert's.
    """
    _BYTECODE[repo] = str(work / f"pyc-{abs(hash(str(repo.resolve())))}")
    for folder in ("library", "desktop"):
        run([PY, "-m", "compileall", "-q", folder], repo=repo)


def best(cmd: list[str], runs: int) -> tuple[float, int]:
    """Median time and max peak RSS over `runs` runs."""
    results = [run(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


#: Bytes a child wrote (Linux; 0 elsewhere): for an import, the WAL mostly.
WRITTEN = """
def written():
    try:
        return int(open("/proc/self/io").read().split("wchar: ")[1].split()[0])
    except (OSError, IndexError):
        return 0
"""

IMPORT_CHILD = (
    WRITTEN
    + """
import resource, sys, time
from pathlib import Path
if len(sys.argv) > 3:  # --workers: the pool's size (a checkout without a pool ignores it)
    try:
        import library.import_pipeline as pipeline
        pipeline.default_workers = lambda: int(sys.argv[3])
    except ImportError:
        pass
from library.collection import Collection
c = Collection(sys.argv[1], seed=False)
t, cpu, wrote = time.perf_counter(), time.process_time(), written()
report = c.import_paths([Path(sys.argv[2])])
elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
# The pool's workers have exited (and been waited for) when import_paths returns.
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, report.count("added"), report.count("refused"), cpu,
      kids.ru_utime + kids.ru_stime, written() - wrote)
"""
)

BARE_IMPORT_CHILD = (
    WRITTEN
    + """
import os, sqlite3, sys, time
from pathlib import Path
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL"); conn.execute("PRAGMA synchronous=NORMAL")
conn.execute('''CREATE TABLE articles (id INTEGER PRIMARY KEY, source_key TEXT,
  version INTEGER, title TEXT, body TEXT, source_path TEXT, content_hash TEXT,
  imported_at TEXT, word_count INTEGER)''')
conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content=articles, "
             "tokenize='unicode61 remove_diacritics 2')")
conn.execute('''CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body); END''')
t, cpu, wrote = time.perf_counter(), time.process_time(), written()
clock, inserting, committing = time.process_time, 0.0, 0.0
for root, dirs, files in os.walk(sys.argv[2]):
    dirs.sort()
    for name in sorted(files):
        text = (Path(root) / name).read_text(encoding="utf-8")
        conn.execute("BEGIN")
        a = clock()
        conn.execute("INSERT INTO articles (source_key, version, title, body, source_path, "
                     "content_hash, imported_at, word_count) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                     [name, text[:80], text, name, str(hash(text)), "2024", len(text.split())])
        b = clock()
        conn.execute("COMMIT")
        inserting, committing = inserting + b - a, committing + clock() - b
print(time.perf_counter() - t, time.process_time() - cpu, inserting, committing,
      written() - wrote)
"""
)

#: `--stages`: where an in-process import's CPU goes, per file (process time):
#: each stage of reading and preparing over every file, then a real import
#: with each SQL statement timed (INSERT includes its search index row).
STAGES_CHILD = """
import os, sqlite3, sys, tempfile, time
from collections import defaultdict
from pathlib import Path
os.environ["PARALLAX_IMPORT_WORKERS"] = "0"
spent = defaultdict(float)
class Timed(sqlite3.Connection):
    def execute(self, sql, *args):
        t = time.process_time()
        try:
            return super().execute(sql, *args)
        finally:
            word = sql.split(None, 1)[0].upper()
            kind = ("INSERT" if "INTO articles " in sql and word == "INSERT" else
                    "word_df upserts" if "INTO word_df " in sql else
                    "COMMIT" if word == "COMMIT" else "BEGIN" if word == "BEGIN" else
                    "SAVEPOINT/RELEASE" if word in ("SAVEPOINT", "RELEASE") else
                    "lookups" if word == "SELECT" else "other")
            spent[kind] += time.process_time() - t
    def executemany(self, sql, *args):
        t = time.process_time()
        try:
            return super().executemany(sql, *args)
        finally:
            spent["word_df upserts"] += time.process_time() - t
connect = sqlite3.connect
sqlite3.connect = lambda *a, **k: connect(*a, **dict(k, factory=Timed))
from library.article import count_words
from library.collection import Collection
from library.importer import collect_files
from library.ingest.reader import read_article
from library.language import detect
try:
    from library.store.word_frequencies import body_terms as body_counts
except ImportError:  # a checkout before the flat terms
    from library.store.word_frequencies import body_counts
try:
    from library.import_pipeline import index_form
except ImportError:  # a checkout before the ASCII fast path
    from library.search_index import index_form
c = Collection(Path(sys.argv[1]), seed=False)
spent.clear()
t = time.process_time()
report = c.import_paths([Path(sys.argv[2])])
total, n = time.process_time() - t, report.count("added")
print(f"import, in-process: {total / n * 1e3:.3f}")
for kind, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
    print(f"  SQL {kind}: {secs / n * 1e3:.3f}")
print(f"  everything else: {(total - sum(spent.values())) / n * 1e3:.3f}")
print("stages, again over every file (caches warm):")
files = [f.path for f in collect_files([Path(sys.argv[2])])]
def stage(name, fn, items):
    t = time.process_time()
    out = [fn(x) for x in items]
    print(f"  {name}: {(time.process_time() - t) / len(items) * 1e3:.3f}")
    return out
bodies = [a.body for a in stage("read_article", read_article, files)]
stage("language", detect, bodies)
stage("word count", count_words, bodies)
stage("word counts", body_counts, bodies)
stage("index form", index_form, bodies)
"""

SQL_LIST_CHILD = f"""
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
cur = conn.execute("SELECT {_LIST_COLUMNS} FROM articles WHERE superseded_by IS NULL "
                   "ORDER BY imported_at DESC, id DESC")
names = [d[0] for d in cur.description]
sys.stdout.write(json.dumps([dict(zip(names, row)) for row in cur], ensure_ascii=False))
"""


def measure_import(
    size: int, work: Path, runs: int, before: Path | None, workers: int | None = None
) -> None:
    """Import throughput only: `runs` rounds of (this code, bare insert, `before`'s code),
    each into a fresh library, interleaved so that the machine's load hits all alike.

    Besides wall-clock time, each run's CPU time (the import's process plus its
    worker processes, if any) per file: on a loaded machine that is the steadier
    number, and wall-clock ratios follow the share of the cores each run got."""
    corpus = work / f"corpus-{size}"
    print(f"\n== import, {size} articles ==", flush=True)
    build_corpus(corpus, size)
    rates: dict[str, list[float]] = {"after": [], "bare": [], "before": []}
    cpus: dict[str, list[float]] = {"after": [], "bare": [], "before": []}
    extra = [] if workers is None else [str(workers)]
    for i in range(runs):
        jobs = [("after", IMPORT_CHILD, REPO), ("bare", BARE_IMPORT_CHILD, REPO)]
        if before is not None:
            jobs.append(("before", IMPORT_CHILD, before))
        if i % 2:
            # after, bare, before / before, bare, after: a load that rises or
            # falls through the run weighs on both sides alike.
            jobs.reverse()
        for name, child, repo in jobs:
            home = Path(tempfile.mkdtemp(prefix=f"{name}-{size}-{i}-", dir=work))
            target = home / "bare.db" if name == "bare" else home
            args = [] if name == "bare" else extra
            _, rss, out = run([PY, "-c", child, str(target), str(corpus), *args],
                              stdout=subprocess.PIPE, repo=repo)  # fmt: skip
            fields = [float(x) for x in out.split()]
            rates[name].append(size / fields[0])
            cpus[name].append(sum(fields[3:5]) if name != "bare" else fields[1])
            split = ""
            if name != "bare" and fields[4] > 0:  # a pool: the writer's share, the workers'
                split = (f" (writer {fields[3] / size * 1e3:.2f} + "
                         f"workers {fields[4] / size * 1e3:.2f})")  # fmt: skip
            if name == "bare":
                split = (f" (INSERT {fields[2] / size * 1e3:.2f}, "
                         f"COMMIT {fields[3] / size * 1e3:.2f})")  # fmt: skip
            if len(fields) > 4 + (name != "bare"):  # a checkout's child without it: none
                split += f", wrote {fields[-1] / size / 1024:.0f} KiB/file"
            print(f"  round {i + 1} {name}: {rates[name][-1]:.0f} files/s, "
                  f"CPU {cpus[name][-1] / size * 1e3:.2f} ms/file{split}, "
                  f"peak {rss / 1024:.0f} MiB", flush=True)  # fmt: skip
    for name in ("after", "before"):
        for got, bare, cpu, bare_cpu in zip(
            rates[name], rates["bare"], cpus[name], cpus["bare"], strict=False
        ):
            print(f"{name}: {got:.0f} files/s = {got / bare:.2f}x of bare ({bare:.0f}/s); "
                  f"CPU {cpu / bare_cpu:.1f}x bare's")  # fmt: skip


def measure_stages(size: int, work: Path, before: Path | None) -> None:
    """Where an in-process import's CPU goes, per file, for this code (and `before`'s)."""
    corpus = work / f"corpus-{size}"
    build_corpus(corpus, size)
    for name, repo in [("after", REPO), ("before", before)]:
        if repo is None:
            continue
        home = Path(tempfile.mkdtemp(prefix=f"stages-{name}-", dir=work))
        _, _, out = run([PY, "-c", STAGES_CHILD, str(home), str(corpus)],
                        stdout=subprocess.PIPE, repo=repo)  # fmt: skip
        print(f"\n== {name} ({repo}), {size} articles: CPU ms per file ==\n{out}", flush=True)


def measure(size: int, work: Path, runs: int) -> dict[str, float]:
    corpus = work / f"corpus-{size}"
    home = work / f"home-{size}"
    print(f"\n== {size} articles ==", flush=True)
    t = time.perf_counter()
    build_corpus(corpus, size)
    print(f"corpus written in {time.perf_counter() - t:.1f} s", flush=True)
    r: dict[str, float] = {}

    _, rss, out = run([PY, "-c", IMPORT_CHILD, str(home), str(corpus)], stdout=subprocess.PIPE)
    secs, added, refused, *_ = out.split()
    r["import_s"], r["import_rss"] = float(secs), rss / 1024
    bare_db = work / f"bare-{size}.db"
    _, bare_rss, out = run([PY, "-c", BARE_IMPORT_CHILD, str(bare_db), str(corpus)],
                           stdout=subprocess.PIPE)  # fmt: skip
    r["bare_import_s"], r["bare_import_rss"] = float(out.split()[0]), bare_rss / 1024
    print(
        f"import: {size / r['import_s']:.0f} files/s (added {added}, refused {refused}), "
        f"peak {r['import_rss']:.0f} MiB | bare sqlite: {size / r['bare_import_s']:.0f} files/s, "
        f"peak {r['bare_import_rss']:.0f} MiB | throughput ratio "
        f"{r['bare_import_s'] / r['import_s']:.2f}x of bare",
        flush=True,
    )

    db = home / "library.db"
    r["list_s"], rss = best([PY, "-m", "desktop.launch", "--data-dir", str(home), "list",
                             "--json"], runs)  # fmt: skip
    r["list_rss"] = rss / 1024
    r["sql_list_s"], rss = best([PY, "-c", SQL_LIST_CHILD, str(db)], runs)
    r["sql_list_rss"] = rss / 1024
    print(
        f"list --json: {r['list_s']:.2f} s, {r['list_rss']:.0f} MiB | sqlite3: "
        f"{r['sql_list_s']:.2f} s, {r['sql_list_rss']:.0f} MiB | "
        f"{r['list_s'] / r['sql_list_s']:.1f}x time, "
        f"{r['list_rss'] / r['sql_list_rss']:.1f}x memory",
        flush=True,
    )

    _, _, out = run([PY, "-c", SEARCH_CHILD, str(home), EVERYWHERE], stdout=subprocess.PIPE)
    bare, full, paged = (float(x) for x in out.split())
    r["fts_count_ms"], r["search_all_ms"], r["page_ms"] = bare * 1e3, full * 1e3, paged * 1e3
    line = (
        f"filter {EVERYWHERE!r}: count-only FTS {bare * 1e3:.1f} ms | search(limit=all) "
        f"{full * 1e3:.0f} ms ({full / bare:.0f}x)"
    )
    if paged >= 0:
        line += f" | count()+page(0, 200) {paged * 1e3:.1f} ms ({paged / bare:.1f}x)"
    print(line, flush=True)

    r["help_s"], _ = best([PY, "-m", "desktop.launch", "--help"], runs + 2)
    r["bare_help_s"], _ = best([PY, "-c", "import sqlite3, json, argparse"], runs + 2)
    print(
        f"--help: {r['help_s'] * 1e3:.0f} ms | python -c 'import sqlite3, json, argparse': "
        f"{r['bare_help_s'] * 1e3:.0f} ms | {r['help_s'] / r['bare_help_s']:.2f}x",
        flush=True,
    )

    secs, rss, out = run([PY, "-c", COMPARE_CHILD, str(home), "library"], stdout=subprocess.PIPE)
    r["compare_s"], r["compare_rss"] = float(out), rss / 1024
    secs, rss, out = run([PY, "-c", COMPARE_CHILD, str(home), "bare"], stdout=subprocess.PIPE)
    r["bare_compare_s"], r["bare_compare_rss"] = float(out), rss / 1024
    print(
        f"first comparison: Collection.compare {r['compare_s']:.2f} s, peak "
        f"{r['compare_rss']:.0f} MiB | compare_articles without library weights "
        f"{r['bare_compare_s']:.2f} s, {r['bare_compare_rss']:.0f} MiB",
        flush=True,
    )
    measure_window(home, runs)  # start-up, filter and comparison in the window
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000", help="comma-separated article counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per timed command (median)")
    parser.add_argument("--work", type=Path, help="keep corpora and libraries here")
    parser.add_argument("--import-only", action="store_true", help="measure import only")
    parser.add_argument("--before", type=Path, help="with --import-only: also this checkout")
    parser.add_argument(
        "--workers", type=int, help="with --import-only: the import's worker processes (0: none)"
    )
    parser.add_argument(
        "--bytecode", action="store_true", help="children use compiled modules, as an install does"
    )
    parser.add_argument(
        "--stages",
        action="store_true",
        help="where an in-process import's CPU goes, stage by stage and SQL statement by kind",
    )
    args = parser.parse_args()
    if not (EVAL / "ecbplus_pairs_train.jsonl").exists():
        print(f"skipped: no evaluation data at {EVAL}")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu(s), repo {REPO}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        for repo in [REPO, args.before] if args.bytecode else []:
            if repo is not None:
                cache_bytecode(repo, work)
        for size in sizes:
            if args.stages:
                measure_stages(size, work, args.before)
            elif args.import_only:
                measure_import(size, work, args.runs, args.before, args.workers)
            else:
                measure(size, work, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A large import's files read ahead by worker processes while one thread stores them.

Reading a file (decoding, front matter, normalisation), telling its language,
counting its words for the comparison weights and folding its text for the
search index cost as much CPU as storing it.  `read_ahead` hands that work to
a small pool of processes, a few chunks of files ahead of the writer; the
writer (the caller's thread, the only one that touches the database) still
stores each file all or nothing (in batches: `library.store.import_batch`),
in the order the files were met, so
the report, refusals, progress and cancellation are those of an import read
in-process.

Bounded: at most two chunks of `POOL_CHUNK` files per worker are read ahead
(and at most `CHUNK_BYTES` each), so memory does not grow with the import.

A pool is used only where it helps and is safe to start: with a core to
spare (`default_workers`).  A process with a single thread (the CLI) forks
its workers.  Forking a process with other threads (the window's: Qt's, the
task manager's) can leave a child stuck on a lock another thread held, so
there a large import (`FORKSERVER_MIN_FILES`) asks a fork server instead
(`start_method`): a fresh single-threaded interpreter that has imported only
`FORKSERVER_PRELOAD`, never the program's main module, and forks the workers.
Elsewhere, or when a pool cannot start, the caller reads each file itself; if
a pool breaks (a worker killed), the files it had not returned are read
in-process.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from library.article import Article
from library.language import detect as detect_language
from library.store.word_frequencies import GivenTerms, body_terms, join_terms

if TYPE_CHECKING:
    # Imported only where a pool starts (`start_pool`): 15–20 ms of imports an
    # in-process import (the window, a busy machine, a few files) never uses.
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

#: Files per chunk read in-process (`in_chunks`): each stage over a chunk keeps
#: its caches warm, and a cancelled import reads at most this many more.
CHUNK = 16
#: Files per job sent to a worker: one job each was dominated by messaging;
#: 64 rather than 16 took 0.08 ms less CPU per file from the workers and 0.06
#: from the writer (medians of six alternating imports of 2,000 files).
POOL_CHUNK = 64
#: Bytes of files per chunk at most (by their sizes on disk): sixteen files near
#: the size limit would otherwise hold ~320 MB of text at once, per chunk read ahead.
CHUNK_BYTES = 8 * 1024 * 1024
#: At most this many worker processes, whatever the machine has.
MAX_WORKERS = 4
#: Idle cores (`busy_cores`) a pool needs to be worth starting.
IDLE_CORES = 1.5
#: Looks at the runnable tasks (`busy_cores`), and the time between two.
RUNNABLE_SAMPLES = 5
RUNNABLE_GAP_S = 0.004
#: Environment variable: the number of worker processes (0: read in-process).
WORKERS_VARIABLE = "PARALLAX_IMPORT_WORKERS"
#: Files an import needs to start a pool from a fork server (a process with
#: other threads).  The server's first start (a fresh interpreter and its
#: imports, once per program) and the pool's cost ~0.3 s: in a threaded process
#: importing news files, 400 were 0.18 s slower than in-process and 800 0.15 s
#: faster; with the server already running, 400 were even
#: (benchmarks/RESULTS-scale.md, "winpool17").
FORKSERVER_MIN_FILES = 600
#: What a fork server imports before forking workers: what they run
#: (`importer.prepare_chunk_to_send`, the search index's folding), so each
#: worker starts with it loaded.  Not `__main__`, multiprocessing's default
#: (the window's entry point; Python 3.11 sends the server no path for it, but
#: later versions may).  The workers themselves load the main module as
#: `__mp_main__`, as "spawn" does: the entry points guard `main()` with
#: `if __name__ == "__main__"`.  None of these starts a thread: the server may fork.
FORKSERVER_PRELOAD = ("library.importer", "library.search_index")


class Prepared(NamedTuple):
    """A file read by a worker, with the CPU work of storing it already done.

    Attributes:
        article: as `read_article` returns it, its language (stated or
            detected) and word count filled in.
        counts: `word_frequencies.body_terms(article.body)` (joined in a
            worker's message: `to_send`).
        index_forms: the search index's folded title and body
            (`search_index.index_form`).
    """

    article: Article
    counts: GivenTerms
    index_forms: tuple[str | None, str | None]

    def to_send(self) -> Prepared:
        """This, for a message to the writer: its terms joined (`join_terms`)."""
        terms = self.counts[0]
        if isinstance(terms, str):
            return self
        return self._replace(counts=join_terms((terms, self.counts[1])))


def prepare(article: Article) -> Prepared | Article:
    """`article` with the writer's CPU work done, or as it is if that work fails.

    A failure here (a bug on a strange text) is left to the writer, whose
    `LibraryStore.add` does the same work and refuses that file by name.
    """
    try:
        ready = dataclasses.replace(
            article, language=article.language or detect_language(article.body)
        )
        ready.__dict__["word_count"] = article.word_count  # cached; travels with it
        counts = body_terms(article.body)
        forms = (index_form(article.title), index_form(article.body))
    except Exception:
        return article
    return Prepared(ready, counts, forms)


def prepare_all(articles: list[Article]) -> list[Prepared | Article]:
    """`prepare` of each article, done stage by stage over all of them.

    Fills each article's language (and cached word count) in place: give it
    articles no one else holds (freshly read ones).

    Each stage (language, word count, word counts, folded text) runs over
    every article before the next starts: its code and caches (the term
    cache above all) stay warm in the CPU's, 0.05–0.1 ms less per file than
    preparing one article after another (2,000 news files, one process).
    If a stage fails on one article, each is prepared on its own instead, so
    only that one is left to the writer.
    """
    try:
        languages = [a.language or detect_language(a.body) for a in articles]
        word_counts = [a.word_count for a in articles]
        counts = [body_terms(a.body) for a in articles]
        forms = [(index_form(a.title), index_form(a.body)) for a in articles]
    except Exception:
        return [prepare(a) for a in articles]
    out: list[Prepared | Article] = []
    for article, language, words, counted, folded in zip(
        articles, languages, word_counts, counts, forms, strict=True
    ):
        # Filled in place, not copied by `dataclasses.replace` (0.01 ms per
        # file): these articles were just read by this process's caller
        # (`importer.prepare_chunk`) and nothing else holds them.
        object.__setattr__(article, "language", language)
        article.__dict__["word_count"] = words  # cached; travels with it
        out.append(Prepared(article, counted, folded))
    return out


def index_form(text: str) -> str | None:
    """`search_index.index_form(text)`, without its three scans of an ASCII text.

    Folding changes only CJK, full-width and supplementary characters, and only
    CJK characters and symbols are spaced out: none is ASCII, so ASCII text is
    its own index form.  Most news files are, and the scans were a tenth of a
    file's preparation.
    """
    if text.isascii():
        return text
    # Imported here: `library.search_index` imports sqlite-utils, which must
    # first be imported by `library.database` (which keeps numpy, and the
    # threads numpy starts, out of it); a worker has it already, from its parent.
    from library.search_index import index_form as folded_form

    return folded_form(text)


@contextlib.contextmanager
def read_ahead(
    items: Sequence[T],
    work: Callable[[list[T]], list[R]],
    *,
    workers: int | None = None,
    size: Callable[[T], int] | None = None,
) -> Iterator[Iterator[R] | None]:
    """`work` done on `items`, in chunks, by worker processes; results one by one, in order.

    Yields None when no pool is used (`default_workers` says none, or one
    cannot start): the caller then reads in its own thread (`in_chunks`).

    Args:
        work: a module-level function (workers receive it by name) that never
            raises for one bad item: it returns that item's refusal instead.
        workers: processes to use (default: `default_workers()`); 0: none.

    Leaving the block (the import finished, was cancelled or failed) cancels
    the chunks not started and waits for the running ones: a few files each.
    """
    count = default_workers() if workers is None else workers
    pool = start_pool(count, len(items)) if count > 0 else None
    if pool is None:
        yield None
        return
    try:
        yield _results(pool, chunked(items, size, files=POOL_CHUNK), work, window=2 * count)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def in_chunks(
    items: Sequence[T], work: Callable[[list[T]], list[R]], size: Callable[[T], int] | None = None
) -> Iterator[R]:
    """`work` done on `items` in this thread, a chunk of `CHUNK` at a time; results in order.

    What a pool's results look like, without one: a stage done over a whole
    chunk keeps its caches warm (`prepare_all`).  Lazy: a chunk is read only
    when the caller reaches it, so a cancelled import reads at most one more.
    """
    return _results(None, chunked(items, size), work, window=0)


def chunked(
    items: Sequence[T], size: Callable[[T], int] | None = None, *, files: int = CHUNK
) -> list[list[T]]:
    """`items` in order, cut every `files` items or, given `size`, before `CHUNK_BYTES`.

    An item larger than `CHUNK_BYTES` is a chunk of its own; every chunk holds
    at least one item.
    """
    chunks: list[list[T]] = []
    current: list[T] = []
    total = 0
    for item in items:
        weight = size(item) if size is not None else 0
        if current and (len(current) == files or total + weight > CHUNK_BYTES):
            chunks.append(current)
            current, total = [], 0
        current.append(item)
        total += weight
    if current:
        chunks.append(current)
    return chunks


def default_workers() -> int:
    """Worker processes for an import: `$PARALLAX_IMPORT_WORKERS`, else one per core if idle.

    A pool only helps with cores to spare: it spends 10–40% more CPU than
    reading in-process (messages, each worker's cold caches), and the writer
    keeps one core busy.  With two cores idle it imported 2,000 articles
    1.3–1.7× as fast (0.58–0.77× the bare insert against 0.41–0.47×); with
    one core taken by another program, or all of them, it was slower than
    reading in-process (benchmarks/RESULTS-scale.md).  So a pool is used only
    while at least `IDLE_CORES` cores are idle (`busy_cores`).
    """
    stated = os.environ.get(WORKERS_VARIABLE, "").strip()
    if stated.isdigit():
        return min(MAX_WORKERS, int(stated))
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if cores < 2 or cores - busy_cores() < IDLE_CORES:
        return 0
    return min(MAX_WORKERS, cores)


def busy_cores() -> float:
    """How many cores other programs keep busy now.

    Where the kernel says how many tasks are runnable at this moment
    (`/proc/loadavg`), their mean over `RUNNABLE_SAMPLES` looks a few
    milliseconds apart, less this process's own running threads (the
    window's GUI thread, drawing the import's progress as it starts, is not
    another program): the 1-minute load average lags by a minute, so a
    program that just ended (or the import before this one) kept a pool from
    idle cores.  Elsewhere, the load average.
    """
    seen = []
    for i in range(RUNNABLE_SAMPLES):
        if i:
            time.sleep(RUNNABLE_GAP_S)
        runnable = runnable_tasks()
        if runnable is None:
            break
        seen.append(max(0, runnable - running_threads()))
    if len(seen) == RUNNABLE_SAMPLES:
        return sum(seen) / len(seen)
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def runnable_tasks(path: str = "/proc/loadavg") -> int | None:
    """Tasks runnable now by `/proc/loadavg` ("0.52 0.58 0.59 2/345 6789"), or None."""
    try:
        with open(path, encoding="ascii") as file:
            running = file.read().split()[3].split("/")[0]
        return int(running)
    except (OSError, IndexError, ValueError):
        return None


def running_threads(path: str = "/proc/self/task") -> int:
    """This process's threads running or runnable now (at least 1: the one asking).

    Each thread's state is the field after its name in `TASK/stat`
    ("12 (python3) R 1 ..."); where that cannot be read, this thread alone.
    """
    running = 0
    try:
        tasks = os.listdir(path)
    except OSError:
        return 1
    for task in tasks:
        try:
            with open(f"{path}/{task}/stat", encoding="ascii", errors="replace") as file:
                state = file.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue  # ended meanwhile
        running += state == "R"
    return max(1, running)


def start_pool(workers: int, files: int) -> ProcessPoolExecutor | None:
    """A pool of `workers` processes for `files` files, or None where one is unsafe or cannot start.

    A fork server that fails to start shows only on the first job sent to it:
    `_results` then reads every file in-process, as here.
    """
    method = start_method(files)
    if method is None:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(list(FORKSERVER_PRELOAD))
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_ignore_ctrl_c
        )
    except (OSError, ValueError, ImportError, NotImplementedError):
        return None  # e.g. no semaphores (a container without /dev/shm)


def start_method(files: int) -> str | None:
    """How a pool for `files` files starts its workers here: "fork", "forkserver" or None.

    Forked where that is safe (one thread); from a fork server in a process
    with other threads, for an import large enough to pay for the server;
    else none (a small import there, or no fork server: not Linux or macOS).
    """
    if can_fork_safely():
        return "fork"
    import multiprocessing

    if files >= FORKSERVER_MIN_FILES and "forkserver" in multiprocessing.get_all_start_methods():
        return "forkserver"
    return None


def can_fork_safely() -> bool:
    """Whether this process can fork and has one thread only (see the module's docstring)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:
        # Every thread, Qt's and SQLite's included, not only Python's.
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def _ignore_ctrl_c() -> None:
    # Ctrl-C reaches the whole process group: the writer decides when to stop
    # (between files), and a worker's traceback would only clutter the terminal.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _results(
    pool: ProcessPoolExecutor | None,
    chunks: list[list[T]],
    work: Callable[[list[T]], list[R]],
    *,
    window: int,
) -> Iterator[R]:
    pending: deque[Future[list[R]]] = deque()
    submitted = 0
    for chunk in chunks:
        results: list[R] | None = None
        if pool is not None:
            try:
                while submitted < len(chunks) and len(pending) < window:
                    pending.append(pool.submit(work, chunks[submitted]))
                    submitted += 1
                results = pending.popleft().result()
            except Exception:
                # The pool could not start or broke (a worker killed, out of
                # memory): this chunk and the rest are read here, as without one.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
        if results is None:
            results = work(chunk)
        yield from results

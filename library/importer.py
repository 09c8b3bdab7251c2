"""Importing many files and folders: files committed in batches, a report at the end.

The CLI and the desktop import worker both call `import_paths`; progress and
cancellation are plain callbacks so the core stays Qt-free.  The report keeps
each file's outcome with the article's id and metadata, never its body: a
50,000-file import held every text until the end (623 MiB).

Files are stored many to a transaction (`library.store.import_batch`), each
one undone alone if it fails; a file's result reaches `on_result` (and the
report) once its batch is committed, so whatever was reported is stored.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from library.article import Article, ArticleId
from library.changes import Changes
from library.errors import ImportRefused, ParallaxError
from library.import_pipeline import Prepared, in_chunks, prepare_all, read_ahead
from library.ingest import SUPPORTED_SUFFIXES, read_article
from library.paths import display_path
from library.search_index import interrupts_raised
from library.store import ArticleSummary, LibraryStore

FileStatus = Literal["added", "new_version", "unchanged", "refused", "skipped"]
FILE_STATUSES: tuple[FileStatus, ...] = ("added", "new_version", "unchanged", "refused", "skipped")
ProgressCallback = Callable[[int, int, Path], None]
#: Imports of fewer files are read in this process: starting workers would cost more.
PIPELINE_MIN_FILES = 50


@dataclass(frozen=True)
class FileResult:
    """What happened to one file.

    Attributes:
        status: "refused" means the user asked for this file and it could not
            be imported (`reason` says why); "skipped" is a file met while
            walking a folder whose type Parallax does not read.
        article: the stored article's id, title and metadata (no body: fetch
            it with `LibraryStore.get(article.id)` when needed); an `Article`
            passed in is reduced to that.
        previous_id: for "new_version", the version it replaced.
    """

    path: Path
    status: FileStatus
    article: ArticleSummary | None = None
    reason: str = ""
    previous_id: ArticleId | None = None

    def __post_init__(self) -> None:
        if isinstance(self.article, Article):
            object.__setattr__(self, "article", summarize(self.article))

    @property
    def failed(self) -> bool:
        return self.status == "refused"

    def to_dict(self) -> dict[str, object]:
        """The JSON form `parallax import --json` prints for this file."""
        return {
            "path": display_path(self.path),
            "status": self.status,
            "id": self.article.id if self.article else None,
            "title": self.article.title if self.article else None,
            "reason": self.reason or None,
        }

    def describe(self) -> str:
        """One line for a report, e.g. "added  a.txt  (#3 Title)"."""
        if self.article is not None:
            what = f"#{self.article.id} {self.article.title}"
            if self.status == "new_version":
                what += f" (version {self.article.version})"
            return f"{self.status:<11} {display_path(self.path)}  {what}"
        return f"{self.status:<11} {display_path(self.path)}  {self.reason}"


@dataclass
class ImportReport:
    """Every file's result, in the order they were met."""

    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False
    #: What the import changed (set by `Collection.import_paths`).
    changes: Changes = field(default_factory=Changes)

    def count(self, status: FileStatus) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.failed]

    def to_dict(self) -> dict[str, object]:
        """The JSON form `parallax import --json` prints: every file, then counts."""
        return {
            "results": [r.to_dict() for r in self.results],
            "summary": {s: self.count(s) for s in FILE_STATUSES},
        }

    def summary(self) -> str:
        parts = [
            f"{self.count('added')} added",
            f"{self.count('new_version')} updated",
            f"{self.count('unchanged')} unchanged",
            f"{self.count('refused')} refused",
        ]
        if self.count("skipped"):
            parts.append(f"{self.count('skipped')} skipped")
        text = ", ".join(parts)
        return text + (" (cancelled)" if self.cancelled else "")


#: A file at least this large is read with no batch open (see `import_paths`):
#: its read may take longer than other writers' busy timeout allows.
LARGE_FILE_BYTES = 1 << 20


class Found(NamedTuple):
    """A path to import, as `collect_files` met it.

    Attributes:
        explicit: False for a file found in a folder, whose unsupported type
            is skipped rather than refused.
        refusal: set for a folder that could not be listed: the reason, as a
            refusal completes "PATH …".
        real_path: the file's resolved path if it is not a link itself, as
            the folder walk knows it (see `_walk`); None: resolved when read.
    """

    path: Path
    explicit: bool
    refusal: str = ""
    real_path: str | None = None


def collect_files(paths: Iterable[Path]) -> list[Found]:
    """Expand folders recursively (sorted, hidden entries ignored).

    A folder that cannot be listed (permission denied) becomes a `Found` with a
    refusal, so the report names it instead of silently importing less.
    """
    found: list[Found] = []
    for path in paths:
        if _is_dir(path):
            found.extend(_walk(path))
        else:
            found.append(Found(path, explicit=True))
    return found


def import_paths(
    store: LibraryStore,
    paths: Iterable[Path],
    *,
    on_progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> ImportReport:
    """Import files and folders into `store`.

    Args:
        on_progress: called before each file with (done, total, path).
        should_cancel: polled before each file; True stops the import
            (files already imported stay).
        on_result: called for each file once it is stored (its batch
            committed: a fraction of a second), e.g. to print a line.

    Raises:
        DatabaseError: the library itself cannot be written (locked, full);
            files reported before stay imported.
    """
    files = collect_files(paths)
    report = ImportReport()
    # Results of the files stored since the last commit: reported once committed.
    held: list[FileResult] = []
    reporting = False

    def report_held() -> None:
        nonlocal reporting
        reporting = True
        while held:
            result = held.pop(0)
            report.results.append(result)
            if on_result is not None:
                on_result(result)
        reporting = False

    with store.importing() as batch, _readers(store, files) as import_one:
        try:
            for done, found in enumerate(files):
                if should_cancel is not None and should_cancel():
                    report.cancelled = True
                    break
                if on_progress is not None:
                    on_progress(done, len(files), found.path)
                if batch.open and _size_on_disk(found) >= LARGE_FILE_BYTES:
                    # Reading (or waiting for a worker to read) a large file takes
                    # a while: let other writers (the window's Remove, another
                    # `parallax`) in meanwhile instead of holding the batch's lock.
                    batch.commit()
                    report_held()
                held.append(import_one(found))
                if batch.due():
                    batch.commit()
                if not batch.open:
                    report_held()
            # Imports are counted into the word frequencies in batches: finish this one.
            store.fold_word_counts()
            batch.commit()
        except BaseException:
            # A file failed the library (disk full, Ctrl-C pressed twice): its
            # own writes are undone; the files before it are kept, if they
            # can be, and reported (unless reporting is what failed).
            batch.commit()
            if batch.lost:
                held.clear()  # not stored: never reported as if they were
            elif not reporting:
                report_held()
            raise
        report_held()
    if on_progress is not None and not report.cancelled:
        on_progress(len(files), len(files), Path())
    return report


@contextlib.contextmanager
def _readers(store: LibraryStore, files: list[Found]) -> Iterator[Callable[[Found], FileResult]]:
    """How each file is imported, in order: read here, or read ahead by worker processes.

    A small import reads each file in this process as it comes (starting
    workers costs more than it saves); a large one reads and prepares files
    in a pool (`library.import_pipeline`) while this thread stores them, or
    without a pool, here a chunk at a time.
    """

    def import_here(found: Found) -> FileResult:
        if found.refusal:
            return FileResult(found.path, "refused", reason=found.refusal)
        return _import_one(store, found.path, found.explicit)

    if len(files) < PIPELINE_MIN_FILES:
        yield import_here
        return
    with read_ahead(files, prepare_chunk_to_send, size=_size_on_disk) as prepared:
        # No pool here (see `import_pipeline.read_ahead`): this thread reads a
        # chunk at a time, prepared as the workers do it, which made an import
        # 0.1 ms per file cheaper than reading each file as it comes.
        results = in_chunks(files, prepare_chunk, _size_on_disk) if prepared is None else prepared

        def store_next(found: Found) -> FileResult:
            outcome = next(results)
            if isinstance(outcome, FileResult):
                return outcome
            if isinstance(outcome, Article):  # its preparation failed: `add` does it
                return _store(store, found.path, outcome, None)
            return _store(store, found.path, outcome.article, outcome)

        yield store_next


def _size_on_disk(found: Found) -> int:
    """A file's size for cutting chunks (0 where it cannot be read: reading it will say why)."""
    try:
        return found.path.stat().st_size
    except OSError:
        return 0


def _import_one(store: LibraryStore, path: Path, explicit: bool) -> FileResult:
    read = read_one(Found(path, explicit))
    if isinstance(read, FileResult):
        return read
    return _store(store, path, read, None)


def read_one(found: Found) -> Article | FileResult:
    """Read one found file; a refusal (or skip) comes back as its `FileResult`."""
    path, explicit, refusal = found.path, found.explicit, found.refusal
    if refusal:
        return FileResult(path, "refused", reason=refusal)
    if not explicit and path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return FileResult(path, "skipped", reason=f"not an article type ({path.suffix or 'none'})")
    try:
        return read_article(path, real_path=found.real_path)
    except ImportRefused as exc:
        return FileResult(path, "refused", reason=str(exc))
    except Exception as exc:
        # A reader bug or a hostile file (deep nesting, a parser's own error):
        # that file is refused, with the error named, and the import goes on.
        return FileResult(path, "refused", reason=f"could not be read: {_short(exc)}")


def prepare_chunk(chunk: list[Found]) -> list[Prepared | Article | FileResult]:
    """A worker's job: read these files and do the writer's CPU work for each."""
    # All read first, then prepared stage by stage (`prepare_all`: warmer caches).
    read = [read_one(found) for found in chunk]
    ready = iter(prepare_all([r for r in read if not isinstance(r, FileResult)]))
    return [r if isinstance(r, FileResult) else next(ready) for r in read]


def prepare_chunk_to_send(chunk: list[Found]) -> list[Prepared | Article | FileResult]:
    """A pool worker's job: `prepare_chunk`, each file's terms joined for the message."""
    return [r.to_send() if isinstance(r, Prepared) else r for r in prepare_chunk(chunk)]


def _store(
    store: LibraryStore, path: Path, article: Article, prepared: Prepared | None
) -> FileResult:
    try:
        # A Ctrl-C inside the search index's function stops the import (the
        # file's own writes undone), not refuses the file: see `search_index`.
        with interrupts_raised():
            if prepared is None:
                outcome = store.add(article)
            else:
                outcome = store.add(
                    article, counts=prepared.counts, index_forms=prepared.index_forms
                )
    except ParallaxError:
        raise  # the library itself cannot be written: stop, as documented
    except Exception as exc:
        return FileResult(path, "refused", reason=f"could not be stored: {_short(exc)}")
    return FileResult(
        path, outcome.status, summarize(outcome.article), previous_id=outcome.previous_id
    )


def summarize(article: Article) -> ArticleSummary:
    """`article` without its body."""
    return ArticleSummary(
        id=ArticleId(article.id or 0),
        title=article.title,
        version=article.version,
        outlet=article.outlet,
        author=article.author,
        published=article.published,
        url=article.url,
        language=article.language,
        source_path=article.source_path,
        content_hash=article.content_hash,
        imported_at=article.imported_at,
        word_count=article.word_count,
        extra=dict(article.extra),
    )


def _walk(folder: Path) -> Iterator[Found]:
    unreadable: list[OSError] = []
    top = os.fspath(folder)
    # Resolved once here rather than per file (each file's resolving took an
    # lstat per component of its path, 0.03 ms): on POSIX, os.walk never goes
    # down a linked folder, so below `folder` every folder is real, and a
    # file that is no link itself resolves to its real folder and its name.
    # Elsewhere (Windows junctions are walked into) each file is resolved.
    real_top = os.path.realpath(top) if os.name == "posix" else None
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        # os.walk meets an unreadable folder only when it tries to list it,
        # after yielding its parent: report it where it was met.
        yield from _folder_refusals(unreadable)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        real_root = None if real_top is None else _below(real_top, root[len(top) :])
        for name in sorted(files):
            if not name.startswith("."):
                real = None if real_root is None else os.path.join(real_root, name)
                yield Found(Path(root) / name, explicit=False, real_path=real)
    yield from _folder_refusals(unreadable)


def _below(real_top: str, relative: str) -> str:
    """`real_top` joined with the part of a walked folder's path below the top."""
    relative = relative.lstrip(os.sep)
    return os.path.join(real_top, relative) if relative else real_top


def _folder_refusals(errors: list[OSError]) -> Iterator[Found]:
    while errors:
        error = errors.pop(0)
        reason = (error.strerror or "cannot be listed").lower()
        yield Found(Path(str(error.filename)), False, f"is a folder that cannot be read ({reason})")


def _is_dir(path: Path) -> bool:
    # Path.is_dir() raises PermissionError for a path inside an unreadable
    # folder; such a path is read as a file, which refuses it with the reason.
    try:
        return path.is_dir()
    except OSError:
        return False


def _short(exc: BaseException) -> str:
    """The error on one short line, named: "TypeName: message"."""
    message = " ".join(str(exc).split())
    if len(message) > 120:
        message = message[:119] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__

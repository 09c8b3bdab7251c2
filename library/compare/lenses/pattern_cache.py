"""The lens patterns compiled once per install, kept next to their bytecode.

Python's `re` parses and compiles a pattern in Python code: the lenses' ~290
patterns (several 6,000-20,000 characters of alternated words) took ~0.75 s of
CPU at every start, and their word gates (`gates.py`, read from the parsed
patterns) ~0.3 s more: most of the comparison engine's import.  Both depend only
on the pattern's text, the Python that compiles it and `gates.py`, so they are
kept like bytecode: `re`'s own compiled form (the code list `re._compiler`
hands to `_sre.compile`, the group names) and the gates, in one file of the
lenses' `__pycache__` (or under `sys.pycache_prefix`), written when bytecode
may be written (`sys.dont_write_bytecode`), read back at the next import.

The file is keyed by the Python version, `_sre.MAGIC` (the format of the code
list) and the source of `gates.py`; an entry by its pattern's text and flags.
A pattern built from its cached entry is the one `re.compile` builds (the same
`_sre.compile` call with the same arguments).  Anything unexpected (no file, a
file of another Python, a corrupt or unreadable one, an interpreter without
`_sre.compile`) means compiling as before.  The file holds only the entries
this process used, so patterns edited away do not pile up.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

try:  # CPython's regex engine; elsewhere patterns are simply compiled
    import _sre
    import re._compiler as sre_compile
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

T = TypeVar("T")
#: A pattern's arguments to `_sre.compile` after its text: flags, code, groups,
#: group index, index group.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_FORMAT = 1  # bumped if what an entry holds changes


def _version_key(*sources: Path) -> bytes:
    """What a cached entry depends on besides its pattern: Python, `re`'s code format, `sources`."""
    digest = hashlib.sha256()
    magic = getattr(_sre, "MAGIC", None)
    digest.update(f"{_FORMAT} {sys.version} {sys.implementation.cache_tag} {magic}".encode())
    for source in sources:
        with contextlib.suppress(OSError):
            digest.update(source.read_bytes())
    return digest.digest()


def _entry(pattern: str, flags: int) -> Entry:
    """`re._compiler.compile`'s own steps, stopping before `_sre.compile`."""
    parsed = sre_parse.parse(pattern, flags)
    code = sre_compile._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # ints, not re's named constants (an int subclass marshal cannot write)
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


_MISSING = object()


def _is_entry(value: Any) -> bool:
    """Whether `value` has the shape of an `Entry` (a damaged file may hold anything)."""
    if not (isinstance(value, tuple) and len(value) == 5):
        return False
    flags, code, groups, groupindex, indexgroup = value
    return (
        isinstance(flags, int)
        and isinstance(code, list)
        and all(isinstance(c, int) and 0 <= c < 2**32 for c in code)
        and isinstance(groups, int)
        and isinstance(groupindex, dict)
        and all(isinstance(k, str) and isinstance(v, int) for k, v in groupindex.items())
        and isinstance(indexgroup, tuple)
        and all(g is None or isinstance(g, str) for g in indexgroup)
    )


class PatternCache:
    """Compiled patterns and values derived from patterns, read from and saved to `path`.

    Args:
        path: the cache file; None keeps nothing (patterns compiled as usual).
        key: what the file's entries depend on (`_version_key`); a file with
            another key is ignored.
    """

    def __init__(self, path: Path | None, key: bytes) -> None:
        self.path = path
        self.key = key
        self._stored: dict[Any, Any] = self._read()
        self._used: dict[Any, Any] = {}
        self._released: list[Any] = []  # keys of the entries `finish` let go
        self.missed = 0  # entries built in this process (tests read it)

    def _read(self) -> dict[Any, Any]:
        if self.path is None or _sre is None:
            return {}
        try:
            key, entries = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if key != self.key or not isinstance(entries, dict):
            return {}
        # A damaged entry is dropped here, rebuilt on use and the file rewritten.
        return {
            k: v
            for k, v in entries.items()
            if isinstance(k, tuple) and (k[:1] != ("re",) or _is_entry(v))
        }

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
        if _sre is None:
            return re.compile(pattern, flags)
        key = ("re", pattern, int(flags))
        entry = self._stored.get(key)
        if entry is not None:
            try:
                compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
            except Exception:  # not this Python's code, or a damaged entry: compile anew
                entry = None
            else:
                self._used[key] = entry
                return compiled
        try:
            entry = _entry(pattern, int(flags))
            compiled = _sre.compile(pattern, *entry)
        except Exception:
            return re.compile(pattern, flags)
        self.missed += 1
        self._used[key] = entry
        return compiled

    def patterns(self) -> list[tuple[str, int]]:
        """The (pattern, flags) compiled through this cache so far."""
        return [(key[1], key[2]) for key in (*self._released, *self._used) if key[0] == "re"]

    def derived(
        self, kind: str, pattern: str, make: Callable[[str], T], valid: Callable[[Any], bool]
    ) -> T:
        """`make(pattern)` (a value made from a pattern's text alone), from the cache if kept.

        `valid` checks a kept value's shape: one that fails it is made anew.
        """
        key = (kind, pattern)
        kept = self._stored.get(key, _MISSING)
        if kept is not _MISSING and valid(kept):
            value: T = kept
        else:
            value = make(pattern)
            self.missed += 1
        self._used[key] = value
        return value

    def save(self) -> None:
        """Write the entries used so far, if any was built here and bytecode may be written."""
        if self.path is None or _sre is None or sys.dont_write_bytecode:
            return
        if not self.missed and self._used.keys() == self._stored.keys():
            return  # the file holds exactly what was used: nothing to write
        tmp: str | None = None
        try:
            data = marshal.dumps((self.key, self._used))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside, then renamed: a reader never sees half a file.
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            with os.fdopen(fd, "wb") as out:
                # The mode bytecode gets (mkstemp's is the owner's only): the
                # source's, writable by its owner, never by group or others.
                os.fchmod(out.fileno(), (Path(__file__).stat().st_mode | 0o200) & 0o644)
                out.write(data)
            os.replace(tmp, self.path)
        except (OSError, ValueError):  # a read-only install: compile again next time
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            return
        self._stored, self.missed = dict(self._used), 0

    def finish(self) -> None:
        """`save`, then let the entries go: the patterns are built, and the code lists
        and gates kept for the next start would hold ~5 MiB for the process's life."""
        self.save()
        self._released.extend(self._used)
        self._stored, self._used = {}, {}


_KEY = _version_key(Path(__file__).with_name("gates.py"))


def cache_path() -> Path | None:
    """The lenses' cache file, where their bytecode goes (None: no bytecode cache here)."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):
        return None
    # The key in the name: two builds of one Python sharing a checkout keep a
    # file each instead of rewriting one another's at every start.
    tag = _KEY[:4].hex()
    return Path(pyc).with_name(f"lens-patterns.{sys.implementation.cache_tag}-{tag}.marshal")


#: The lenses' cache; `library.compare.lenses` saves and lets it go (`finish`) once all
#: lens modules are loaded.
CACHE = PatternCache(cache_path(), _KEY)
#: `re.compile` for the lenses' module-level patterns (same width: their layout stays).
re_compile = CACHE.compile

"""The lenses' compiled patterns and gates kept like bytecode (`lenses/pattern_cache.py`).

A pattern read back from the cache must be the very program `re.compile` builds
(`re.Pattern` equality compares the compiled code), without `re` parsing it
again; a file of another key, a corrupt one or a read-only place must only mean
compiling as before.
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

import pytest

from library.compare.lenses import gates, pattern_cache
from library.compare.lenses.pattern_cache import CACHE, PatternCache
from tests.helpers import python_output

# Invented, of the lenses' shape: named groups, a conditional, flags, a look-behind.
PATTERNS = [
    (r"(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:said|told)\b", 0),
    (r"(?:\b(?P<acc>[Aa]ccording\s+to))?\s*(?P<name>Mirela\s+Dost)(?(acc),|\s+said)", 0),
    (r"(?<=[,;] )\bspokes(?:man|woman)\b", re.IGNORECASE),
    (r"  \d+ \s* (?:votes|seats)  # spaced out", re.VERBOSE),
]
TEXTS = [
    "Mirela Dost said the bridge at Varnel would open on 4 June.",
    "According to Mirela Dost, 312 votes were cast; a Spokeswoman declined.",
    "The council of Ostrava Nova counted 17 seats, Tomas Brel told reporters.",
]


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    # The suite runs with PYTHONDONTWRITEBYTECODE: the cache is then never written.
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _filled(path: Path, key: bytes = b"key") -> PatternCache:
    cache = PatternCache(path, key)
    for pattern, flags in PATTERNS:
        cache.compile(pattern, flags)
    cache.save()
    return cache


def test_a_cached_pattern_is_re_compiles_program_without_parsing_it(
    tmp_path: Path, writable: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(tmp_path / "p.marshal")
    fresh = {p: re.compile(p, f) for p, f in PATTERNS}

    def no_parse(*_args: object) -> None:
        raise AssertionError("parsed again")

    re.purge()  # nor from `re`'s own cache of this process
    monkeypatch.setattr(pattern_cache.sre_parse, "parse", no_parse)
    again = PatternCache(tmp_path / "p.marshal", b"key")
    for pattern, flags in PATTERNS:
        compiled = again.compile(pattern, flags)
        assert compiled == fresh[pattern]  # same flags, text and compiled code
        assert compiled.groupindex == fresh[pattern].groupindex
        for text in TEXTS:
            assert [m.groupdict() for m in compiled.finditer(text)] == [
                m.groupdict() for m in fresh[pattern].finditer(text)
            ]
    assert again.missed == 0


def test_every_lens_pattern_read_back_is_the_one_re_compiles(
    tmp_path: Path, writable: None
) -> None:
    patterns = CACHE.patterns()
    assert len(patterns) > 100  # the lens modules' patterns all go through the cache
    first = PatternCache(tmp_path / "p.marshal", b"key")
    for pattern, flags in patterns:
        first.compile(pattern, flags)
    first.save()
    again = PatternCache(tmp_path / "p.marshal", b"key")
    for pattern, flags in patterns:
        assert again.compile(pattern, flags) == re.compile(pattern, flags), pattern[:60]
    assert again.missed == 0


def test_gates_read_back_are_the_ones_derived(tmp_path: Path, writable: None) -> None:
    pattern = r"\b(?:the\s+)?(?:mayor|sheriff)\s+(?:said|told)\b"
    first = PatternCache(tmp_path / "p.marshal", b"key")
    derived = first.derived("gates", pattern, gates.gates, gates.is_gate_tuple)
    first.save()
    again = PatternCache(tmp_path / "p.marshal", b"key")

    def no_make(_pattern: str) -> tuple[frozenset[str], ...]:
        raise AssertionError("derived again")

    assert again.derived("gates", pattern, no_make, gates.is_gate_tuple) == derived
    assert derived == gates.gates(pattern)


def test_another_key_or_a_corrupt_file_means_compiling_again(
    tmp_path: Path, writable: None
) -> None:
    path = tmp_path / "p.marshal"
    _filled(path, b"python A")
    other = PatternCache(path, b"python B")
    assert other.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    assert other.missed == 1
    path.write_bytes(b"\x00not marshal\xff" * 10)
    broken = PatternCache(path, b"python A")
    assert broken.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])
    assert broken.missed == 1


def test_nothing_is_written_where_bytecode_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _filled(tmp_path / "p.marshal")
    assert not (tmp_path / "p.marshal").exists()


def test_a_read_only_place_is_no_error(tmp_path: Path, writable: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = _filled(blocker / "sub" / "p.marshal")  # its folder cannot be made
    assert cache.missed == len(PATTERNS)


def test_importing_the_engine_does_not_import_cn2an() -> None:
    # cn2an (with proces) was ~0.3 s of the engine's import; only a Chinese numeral needs it.
    out = python_output(
        "import sys\n"
        "import library.compare.engine\n"
        "from library.compare.detectors.chinese import number_value\n"
        "print('cn2an' in sys.modules, 'proces' in sys.modules)\n"
        "print(number_value('4万'), 'cn2an' in sys.modules)\n"
    )
    assert out.split() == ["False", "False", "40000.0", "True"]


def test_finish_saves_then_lets_the_entries_go(tmp_path: Path, writable: None) -> None:
    # Kept for the process's life, the code lists and gates held ~5 MiB.
    cache = PatternCache(tmp_path / "p.marshal", b"key")
    for pattern, flags in PATTERNS:
        cache.compile(pattern, flags)
    cache.finish()
    assert cache.patterns() == PATTERNS
    assert cache._stored == {} and cache._used == {}
    again = PatternCache(tmp_path / "p.marshal", b"key")
    for pattern, flags in PATTERNS:
        again.compile(pattern, flags)
    assert again.missed == 0


def test_a_damaged_entry_is_compiled_anew_and_the_file_mended(
    tmp_path: Path, writable: None
) -> None:
    # A code word out of range makes `_sre.compile` raise OverflowError; a
    # damaged file must never stop the lenses from loading.
    path = tmp_path / "p.marshal"
    _filled(path)
    key, entries = marshal.loads(path.read_bytes())
    pattern, flags = PATTERNS[0]
    flags_, code, *rest = entries[("re", pattern, flags)]
    entries[("re", pattern, flags)] = (flags_, [-1, *code[1:]], *rest)
    path.write_bytes(marshal.dumps((key, entries)))
    damaged = PatternCache(path, b"key")
    assert damaged.compile(pattern, flags) == re.compile(pattern, flags)
    assert damaged.missed == 1
    damaged.save()
    assert (
        PatternCache(path, b"key")._stored[("re", pattern, flags)]
        == _filled(tmp_path / "q.marshal")._used[("re", pattern, flags)]
    )


def test_a_kept_gate_of_the_wrong_shape_is_derived_again(tmp_path: Path, writable: None) -> None:
    pattern = r"\b(?:the\s+)?(?:mayor|sheriff)\s+(?:said|told)\b"
    path = tmp_path / "p.marshal"
    path.write_bytes(marshal.dumps((b"key", {("gates", pattern): ("x",)})))
    again = PatternCache(path, b"key")
    assert again.derived("gates", pattern, gates.gates, gates.is_gate_tuple) == gates.gates(pattern)
    assert again.missed == 1


def test_the_file_is_never_writable_by_group_or_others(
    tmp_path: Path, writable: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "gates.py"
    source.write_text("")
    source.chmod(0o666)
    monkeypatch.setattr(pattern_cache, "__file__", str(source))
    path = tmp_path / "p.marshal"
    _filled(path)
    assert path.stat().st_mode & 0o022 == 0
    assert path.stat().st_mode & 0o444 == 0o444  # readable as bytecode is


def test_a_failed_rename_leaves_no_temporary_file(
    tmp_path: Path, writable: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(pattern_cache.os, "replace", refused)
    _filled(tmp_path / "p.marshal")
    assert list(tmp_path.iterdir()) == []


def test_a_file_of_foreign_keys_is_read_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "p.marshal"
    path.write_bytes(marshal.dumps((b"key", {7: "x", ("re", "a", 0): (1, 2)})))
    cache = PatternCache(path, b"key")
    pattern, flags = PATTERNS[0]
    assert cache.compile(pattern, flags) == re.compile(pattern, flags)

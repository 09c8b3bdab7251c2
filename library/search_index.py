"""The folded FTS5 indexes behind library and notes search.

FTS5's unicode61 tokenizer cannot find a word inside a run of Chinese (it
keeps the whole run, digits and Latin letters touching it included, as one
token) and knows nothing of traditional vs simplified characters.  So the
index does not hold the stored text but `library.chinese.index_text` of it:
folded to simplified, with a space around each CJK character.  A Chinese word
of any length is then a phrase of one-character tokens, ranked by bm25 like
any other, and `fold_query` (in `library.fts_query`) turns what the user
typed into that form.

Symbols (emoji, ☕) are tokens too, spaced out like CJK characters.

The notes index keeps its own copy of the indexed text (no `content=`
option): deleting a row then needs only its rowid.  The articles index is
contentless (`content=''`, `build(..., contentless=True)`): a copy of every
folded body cost as much per imported file as a bare insert of the whole
article (benchmarks/RESULTS-scale.md).  Its delete trigger re-derives the
folded values with the same function, so a change to `index_form` (a newer
OpenCC table) must come with a migration that rebuilds the index, as m003 and
m009 do; a delete with other values would leave stale terms.  Nothing reads
the columns back (a contentless table answers NULL): only rowid, bm25 and
fts5vocab, which the index alone answers.  Triggers call the SQL
function `parallax_index_text`, so every connection that writes to an
indexed table must have called `register` first (the stores do, on open, and
the migrations do before they build).  Snippets are made from the original
text (`library.search_snippet`), never from the index.

`sqlite3` turns whatever that function raises into the statement's own
error ("user-defined function raised exception") and drops it: a Ctrl-C
landing inside it became one file's refusal and the import went on.  So
the function is registered `guarded`: an interrupt is kept, and a writer
inside `interrupts_raised` gets it back when its statement fails.
"""

from __future__ import annotations

import contextlib
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from library.chinese import index_text

if TYPE_CHECKING:
    import sqlite_utils

    from library.database import Database

#: The SQL function the triggers call: `index_form`.
FUNCTION = "parallax_index_text"
#: unicode61 as before (diacritics folded), plus symbols (category So: emoji,
#: ☕, ©) as tokens, so that they can be searched for too.
TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co So'"


def index_form(text: str | None) -> str | None:
    """What the index holds for `text`: `library.chinese.index_text` of it, with a
    space around each symbol too ("coffee☕" is two tokens, as 国家 is two)."""
    spaced = index_text(text)
    if spaced is None or spaced.isascii():
        return spaced
    # The text's few distinct non-ASCII characters, found by one cheap scan:
    # searching it with `symbol_pattern` (a class of ~6,000 characters) cost
    # 0.3 ms per 2,500-character news body that has a curly quote.  Each
    # symbol is spaced out on its own (what the pattern's `sub` does: the
    # spaces added are no symbol, so the order does not matter).
    for symbol in symbol_chars().intersection(_NON_ASCII.findall(spaced)):
        spaced = spaced.replace(symbol, f" {symbol} ")
    return spaced


# The blocks that hold symbols (So): Latin-1 (© ° ¦), letterlike symbols to
# arrows-B (★ ☕ ✈), CJK radicals and symbols (〒 ㈠), hexagrams, Yi radicals,
# full-width symbols, musical symbols, and the emoji planes.  A symbol outside
# them (a few in Indic scripts) stays a token character, glued to its neighbours.
_SYMBOL_BLOCKS = (
    (0xA0, 0x100), (0x2100, 0x2C00), (0x2E80, 0x3400), (0x4DC0, 0x4E00), (0xA490, 0xA4D0),
    (0xFFE0, 0xFFFE), (0x1D000, 0x1D250), (0x1F000, 0x1FC00),
)  # fmt: skip


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def _symbol_codes() -> tuple[int, ...]:
    return tuple(
        c
        for lo, hi in _SYMBOL_BLOCKS
        for c in range(lo, hi)
        if unicodedata.category(chr(c)) == "So"
    )


@cache
def symbol_chars() -> frozenset[str]:
    """The characters `symbol_pattern` matches, as a set (built once)."""
    return frozenset(map(chr, _symbol_codes()))


@cache
def symbol_pattern() -> re.Pattern[str]:
    """One character of Unicode category So (a class built once, from `unicodedata`)."""
    codes = list(_symbol_codes())
    ranges: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else "")
            )
            start = code
        prev = code
    return re.compile("[" + "".join(ranges) + "]")


def register(db: Database | sqlite_utils.Database) -> None:
    """Make `parallax_index_text(text)` callable on `db`'s connection."""
    db.conn.create_function(FUNCTION, 1, guarded(_index_value), deterministic=True)


IndexFunction = Callable[[object], "str | None"]
#: The interrupt a guarded function raised in this thread, kept for its writer.
#: Per thread: SQLite calls the function in the thread running the statement.
_kept = threading.local()


def guarded(function: IndexFunction) -> IndexFunction:
    """`function` as SQLite is to call it: a KeyboardInterrupt (or any other
    BaseException that is no error) it raises is kept for `interrupts_raised`."""

    def call(value: object) -> str | None:
        try:
            return function(value)
        except Exception:
            raise  # an error: the statement fails with it, as it always did
        except BaseException as exc:
            _kept.interrupt = exc
            raise

    return call


@contextlib.contextmanager
def interrupts_raised() -> Iterator[None]:
    """Around writes that run the index's triggers: a statement that failed
    because the function was interrupted raises that interrupt, not SQLite's error."""
    _kept.interrupt = None  # one an earlier writer did not ask for is no longer news
    try:
        yield
    except Exception as exc:
        interrupt: BaseException | None = getattr(_kept, "interrupt", None)
        if interrupt is None:
            raise
        raise interrupt from exc
    finally:
        _kept.interrupt = None  # nor hold its traceback's frames


def _index_value(value: object) -> str | None:
    # A column may hold a number or blob if written by another program; an
    # exception here would make the write itself fail.
    if value is None or isinstance(value, str):
        return index_form(value)
    return index_form(value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value))


def build(
    db: sqlite_utils.Database,
    table: str,
    columns: tuple[str, ...],
    *,
    prefix: str | None = None,
    contentless: bool = False,
) -> None:
    """(Re)create `{table}_fts` over `columns` of `table`, folded, with its triggers.

    Replaces whatever index and triggers were there (including sqlite-utils'
    `enable_fts` ones, which use the same trigger names) and indexes every
    existing row.  `table` must have an integer primary key `id`.

    Args:
        prefix: FTS5's `prefix=` option (e.g. "2 3"), if any.
        contentless: keep no copy of the folded text (`content=''`); deletes
            then recompute it from the row being deleted.
    """
    register(db)
    fts = f"{table}_fts"
    for suffix in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{table}_{suffix}]")
    db.execute(f"DROP TABLE IF EXISTS [{fts}]")
    names = ", ".join(f"[{c}]" for c in columns)
    options = f', tokenize="{TOKENIZE}"' + (f", prefix='{prefix}'" if prefix else "")
    options += ", content=''" if contentless else ""
    db.execute(f"CREATE VIRTUAL TABLE [{fts}] USING FTS5 ({names}{options})")

    def folded(row: str) -> str:
        return ", ".join(f"{FUNCTION}({row}[{c}])" for c in columns)

    db.execute(f"INSERT INTO [{fts}] (rowid, {names}) SELECT id, {folded('')} FROM [{table}]")
    insert = f"INSERT INTO [{fts}] (rowid, {names}) VALUES (new.id, {folded('new.')});"
    if contentless:
        # FTS5's 'delete' command needs the values that were indexed.
        delete = (
            f"INSERT INTO [{fts}] ([{fts}], rowid, {names}) "
            f"VALUES ('delete', old.id, {folded('old.')});"
        )
    else:
        delete = f"DELETE FROM [{fts}] WHERE rowid = old.id;"
    db.execute(f"CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] BEGIN {insert} END")
    db.execute(f"CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] BEGIN {delete} END")
    # Only a change to an indexed column re-indexes (not trashing a note, or
    # marking an article superseded).
    db.execute(
        f"CREATE TRIGGER [{table}_au] AFTER UPDATE OF {names} ON [{table}] "
        f"BEGIN {delete} {insert} END"
    )

"""`parallax check`: SQLite's full integrity check of `library.db` and `notes.db`.

Opening a store no longer checks every page (that made each command pay for
a scan); this is the explicit check.  It opens both files read-only, changes
nothing in them, prints one line per file ("ok" or what is wrong) and exits 1
if anything is wrong.  A damaged file is marked so that the next open sets it
aside (never deleting it), as when SQLite reports damage during use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from library.cli_support import BOLD, GREEN, RED, CliContext, add_json_flag
from library.errors import DatabaseError
from library.paths import LIBRARY_DB, NOTES_DB
from library.paths import data_dir as resolve_data_dir

if TYPE_CHECKING:
    from library.migrations import Migrations

# The database modules (sqlite-utils, numpy) are imported where a check runs:
# `parallax --help` registers this command and must not load them.


@dataclass
class CheckResult:
    """What `check_database` found in one file.

    Attributes:
        path: the database file.
        problems: what is wrong, one line each; empty when the file is fine.
        info: things worth saying that are not problems ("not created yet").
    """

    path: Path
    problems: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `parallax check --json` prints for this file."""
        return {"path": str(self.path), "ok": self.ok, "problems": self.problems, "info": self.info}


def check_database(path: Path, migrations: Migrations) -> CheckResult:
    """SQLite's full integrity check of `path`, read-only; for `parallax check`.

    A damaged file gets the check mark, so the next open sets it aside; a
    healthy one loses it.
    """
    from library.database import needs_migrating, open_for_reading, translate_errors
    from library.set_aside import clear_check_mark, mark_for_check, refuse_truncated

    result = CheckResult(path)
    if not path.exists():
        result.info.append("not created yet")
        return result
    try:
        # SQLite reads a 0-byte file as a new, empty database: "ok".
        refuse_truncated(path)
        db = open_for_reading(path, "checking")
    except DatabaseError as exc:
        result.problems.append(str(exc))
        return result
    try:
        with translate_errors(path):
            rows = db.execute("PRAGMA integrity_check(20)").fetchall()
            result.problems += [str(row[0]) for row in rows if row[0] != "ok"]
            stored = db.execute("PRAGMA user_version").fetchone()[0]
            if stored > len(migrations._migrations):
                result.problems.append(f"written by a newer Parallax (schema {stored})")
            elif not result.problems and needs_migrating(db, migrations):
                result.info.append("older schema: upgraded the next time Parallax writes to it")
    except DatabaseError as exc:
        result.problems.append(str(exc.__cause__ or exc))  # SQLite's own words
    finally:
        db.close()
    if db.note:
        result.info.append(db.note)
    if result.problems:
        mark_for_check(path)
    else:
        clear_check_mark(path)
    return result


def register(subparsers: Any) -> None:
    """Add `check` to `parallax`'s subparsers."""
    p = subparsers.add_parser(
        "check",
        help="check library.db and notes.db for damage (read-only)",
        description="Runs SQLite's integrity check on both databases without changing them; "
        "exits 1 if a file is damaged.",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_check)


def check_data_dir(args: Any) -> list[CheckResult]:
    """Both databases of the data dir named on the command line, checked."""
    from library.notes.schema import migrations as notes_migrations
    from library.store.schema import migrations as library_migrations

    folder = resolve_data_dir(getattr(args, "data_dir", None), create=False)
    return [
        check_database(folder / LIBRARY_DB, library_migrations),
        check_database(folder / NOTES_DB, notes_migrations),
    ]


def cmd_check(ctx: CliContext) -> int:
    results = check_data_dir(ctx.args)
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in results])
    else:
        for result in results:
            status = ctx.style("ok", GREEN) if result.ok else ctx.style("DAMAGED", RED, BOLD)
            extra = f" ({'; '.join(result.info)})" if result.info else ""
            ctx.print(f"{result.path.name}: {status}{extra}")
            for problem in result.problems:
                ctx.print(f"    {problem}")
        if any(not r.ok for r in results):
            ctx.print(
                "A damaged file is set aside (kept, never deleted) the next time Parallax "
                "opens it; notes can then be brought back with `parallax notes recover FILE`."
            )
    return 0 if all(r.ok for r in results) else 1

"""`parallax check`: SQLite's full integrity check of `library.db` and `notes.db`.

Opening a store no longer checks every page (that made each command pay for
a scan); this is the explicit check.  It opens both files read-only, changes
nothing in them, prints one line per file ("ok" or what is wrong) and exits 1
if anything is wrong.  A damaged file is marked so that the next open sets it
aside (never deleting it), as when SQLite reports damage during use.
"""

from __future__ import annotations

from typing import Any

from library.cli_support import BOLD, GREEN, RED, CliContext, add_json_flag
from library.database import CheckResult, check_database
from library.notes.schema import migrations as notes_migrations
from library.paths import LIBRARY_DB, NOTES_DB
from library.paths import data_dir as resolve_data_dir
from library.store.schema import migrations as library_migrations


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
    folder = resolve_data_dir(getattr(args, "data_dir", None), create=False)
    return [
        check_database(folder / LIBRARY_DB, library_migrations),
        check_database(folder / NOTES_DB, notes_migrations),
    ]


def cmd_check(ctx: CliContext) -> int:
    results = check_data_dir(ctx.args)
    if ctx.args.json:
        ctx.print_json(
            [
                {"path": str(r.path), "ok": r.ok, "problems": r.problems, "info": r.info}
                for r in results
            ]
        )
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

"""`parallax`: the command line, a thin layer over `Collection`.

    parallax                      open the window on the library
    parallax FILE_A FILE_B        open the window on a comparison (as `meld a b`)
    parallax import PATH...       import files and folders
    parallax list | show ID | search QUERY | remove ID | related ID
    parallax compare A B          compare two articles (ids or files)
    parallax compare A B --lens voices|timeline|numbers|names   one lens of it
    parallax notes …              private notes
    parallax review …             confirm, reject, relink the machine's pairs
    parallax alias add|list|remove   names that stand for one person or body
    parallax check                check library.db and notes.db for damage

Every listing command takes `--json`.  Errors a user can act on print as one
line and exit with status 1; nothing here imports Qt: the window is opened
through the `open_window` callable that `desktop.launch` passes in.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from library import __version__, aliases_cli
from library import check as check_cli
from library.cli_support import (
    BOLD,
    CYAN,
    DIM,
    GREEN,
    HIT_MARKS,
    RED,
    YELLOW,
    ArgumentParser,
    CliContext,
    add_json_flag,
    ctrl_c_stops_between_files,
    highlight,
    record_id,
    utf8_text,
    wants_color,
)
from library.errors import ParallaxError
from library.notes import cli as notes_cli
from library.paths import display_path
from library.reviews import cli as review_cli
from library.terminal import safe

if TYPE_CHECKING:
    from library.importer import FileResult

# (data dir, files, screenshot PNG, screenshot size or None) -> exit status
OpenWindow = Callable[[str | None, list[str], str | None, tuple[int, int] | None], int]


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="parallax",
        description="Compare news coverage: shared facts, divergent claims, private notes.",
        epilog="Run `parallax COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"Parallax {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the library and notes live (default: $PARALLAX_HOME or the user data dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import article files and folders (recursively)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="list the articles in the library")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one article with its metadata")
    p.add_argument("id", type=record_id)
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("search", help="full-text search over titles and bodies")
    p.add_argument(
        "query", type=utf8_text, nargs="+", help='words; "quoted phrase"; word* for a prefix'
    )
    p.add_argument("--limit", type=record_id, default=20)
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("remove", help="remove an article (all its versions) from the library")
    p.add_argument("id", type=record_id)
    add_json_flag(p)
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser("compare", help="compare two articles: library ids or files")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--add", action="store_true", help="also import files into the library")
    p.add_argument(
        "--backend",
        choices=("semantic", "lexical"),
        default="semantic",
        help="semantic: shared words and sentence meaning (default, offline model); "
        "lexical: shared words only, no model",
    )
    p.add_argument(
        "--lens",
        choices=("voices", "timeline", "numbers", "names"),
        help="print one lens: who is quoted, dates, numbers or names (the JSON carries all)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_compare)

    p = sub.add_parser("related", help="other articles in the library on the same event")
    p.add_argument("id", type=record_id)
    p.add_argument("--limit", type=record_id, default=10)
    p.add_argument("--facts", action="store_true", help="count shared facts for the top 3")
    add_json_flag(p)
    p.set_defaults(handler=cmd_related)

    notes_cli.register(sub)
    review_cli.register(sub)
    aliases_cli.register(sub)
    check_cli.register(sub)
    _accept_data_dir_anywhere(parser)
    return parser


def _accept_data_dir_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let `--data-dir` follow the command too (`parallax list --data-dir D`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if "--data-dir" not in child._option_string_actions:
                    hidden = argparse.SUPPRESS
                    child.add_argument("--data-dir", metavar="DIR", default=hidden, help=hidden)
                _accept_data_dir_anywhere(child)


def build_window_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="parallax",
        description="Open the Parallax window, on the library or on a comparison of two files.",
        epilog="Commands: import, list, show, search, remove, compare, notes, review "
        "(`parallax --help`).",
    )
    parser.add_argument("--data-dir", metavar="DIR")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window to PNG and exit (works without a display)",
    )
    parser.add_argument(
        "--screenshot-size",
        metavar="WxH",
        type=window_size,
        help="the window's size for --screenshot, e.g. 1280x800 (default 1440x900)",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="two files or ids to compare")
    return parser


def window_size(text: str) -> tuple[int, int]:
    """ "1280x800" -> (1280, 800), for `--screenshot-size`."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError("give the size as WIDTHxHEIGHT, e.g. 1280x800")
    size = int(width), int(height)
    if not (200 <= size[0] <= 8000 and 200 <= size[1] <= 8000):
        raise argparse.ArgumentTypeError("width and height must be 200 to 8000 pixels")
    return size


def main(
    argv: Sequence[str] | None = None,
    *,
    open_window: OpenWindow | None = None,
) -> int:
    """Run the command line.

    Args:
        argv: arguments without the program name (default: sys.argv[1:]).
        open_window: starts the GUI; `desktop.launch` supplies it.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = _subcommand_names(parser)
    if _first_positional(args_list) not in commands and not _asks_for_help(args_list):
        return _open_window(args_list, open_window)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 0
    ctx = CliContext(args=args, color=wants_color(sys.stdout))
    try:
        return int(args.handler(ctx))
    except ParallaxError as exc:
        ctx.warn(f"parallax: {exc}")
        return 1
    except KeyboardInterrupt:
        ctx.warn("parallax: interrupted.")  # one line, not a traceback or nothing
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if "collection" in ctx.__dict__:
            ctx.collection.close()


def _open_window(args_list: list[str], open_window: OpenWindow | None) -> int:
    parser = build_window_parser()
    args = parser.parse_args(args_list)
    if len(args.files) not in (0, 2):
        parser.error("give two files (or article ids) to compare, or none to open the library")
    if open_window is None:
        sys.stderr.write("parallax: the window is not available in this installation.\n")
        return 2
    return open_window(args.data_dir, list(args.files), args.screenshot, args.screenshot_size)


def _subcommand_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _first_positional(args: list[str]) -> str | None:
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("--data-dir", "--screenshot", "--screenshot-size"):
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def _asks_for_help(args: list[str]) -> bool:
    return _first_positional(args) is None and any(a in ("-h", "--help", "--version") for a in args)


# -- commands --------------------------------------------------------------


def _imported_from_elsewhere(result: FileResult) -> bool:
    """Whether an "unchanged" file's article was stored from another file."""
    source = result.article.source_path if result.article is not None else None
    if not source:
        return False
    try:
        return Path(source).resolve() != result.path.resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def cmd_import(ctx: CliContext) -> int:
    as_json = ctx.args.json
    colors = {"added": GREEN, "new_version": CYAN, "unchanged": DIM, "refused": RED}

    def line(result: FileResult) -> None:
        if as_json:
            return
        status = ctx.style(f"{result.status:<11}", colors.get(result.status, YELLOW))
        if result.article is not None:
            detail = f"#{result.article.id} {safe(result.article.title)}"
            if result.status == "new_version":
                detail += f" (version {result.article.version})"
            elif result.status == "unchanged" and _imported_from_elsewhere(result):
                # Same text as an article imported from another file: say which,
                # or "unchanged" reads as if this file had been imported before.
                where = display_path(Path(result.article.source_path or "").name)
                detail = f"same text as #{result.article.id} {safe(result.article.title)}"
                detail += f" ({safe(where)})"
        else:
            detail = f"refused: {safe(display_path(result.path.name))} {safe(result.reason)}"
            if result.status == "skipped":
                detail = f"skipped: {safe(result.reason)}"
        write = ctx.print if result.status != "refused" else ctx.warn
        write(f"{status} {safe(display_path(result.path))}  {detail}")

    with ctrl_c_stops_between_files() as interrupted:
        report = ctx.collection.import_paths(
            ctx.args.paths, on_result=line, should_cancel=interrupted
        )
    if as_json:
        ctx.print_json(
            {
                "results": [
                    {
                        "path": display_path(r.path),
                        "status": r.status,
                        "id": r.article.id if r.article else None,
                        "title": r.article.title if r.article else None,
                        "reason": r.reason or None,
                    }
                    for r in report.results
                ],
                "summary": {
                    s: report.count(s)
                    for s in ("added", "new_version", "unchanged", "refused", "skipped")
                },
            }
        )
    else:
        ctx.print(ctx.style(report.summary(), BOLD))
    if report.cancelled:
        ctx.warn("parallax: interrupted; the files above are done, run the same command to finish.")
        return 130
    return 1 if report.failed else 0


def cmd_list(ctx: CliContext) -> int:
    # Titles and metadata only: reading every body cost seconds at 10k articles.
    articles = ctx.collection.library.page()
    if ctx.args.json:
        ctx.print_json_rows(a.to_dict() for a in articles)
        return 0
    if not articles:
        ctx.print("The library is empty: add articles with `parallax import PATH`.")
        return 0
    header = f"{'ID':>4}  {'PUBLISHED':<10}  {'OUTLET':<16}  {'LENGTH':>12}  TITLE"
    ctx.print(ctx.style(header, BOLD))
    from library.chinese import fit, pad  # here: `parallax --help` must not load it

    for a in articles:
        # Padded by display width: a Chinese character takes two columns.
        outlet = pad(fit(safe(a.outlet or "—"), 16), 16)
        date = pad(fit(safe(a.published or "—"), 10, ellipsis=""), 10)
        ctx.print(f"{a.id:>4}  {date}  {outlet}  {a.length_label:>12}  {safe(a.title)}")
    ctx.print(ctx.style(f"{len(articles)} article(s)", DIM))
    return 0


def cmd_show(ctx: CliContext) -> int:
    library = ctx.collection.library
    article = library.get(ctx.args.id)
    versions = library.versions(ctx.args.id)
    if ctx.args.json:
        data = article.to_dict()
        data["versions"] = [v.id for v in versions]
        ctx.print_json(data)
        return 0
    ctx.print(ctx.style(article.title, BOLD))
    for label, value in (
        ("Outlet", article.outlet),
        ("Author", article.author),
        ("Published", article.published),
        ("URL", article.url),
        ("Language", article.language),
        ("Source", article.source_path),
        ("Imported", article.imported_at),
    ):
        if value:
            ctx.print(f"{ctx.style(label + ':', DIM)} {safe(value)}")
    version_ids = ", ".join(f"#{v.id}" for v in versions)
    ctx.print(f"{ctx.style('Version:', DIM)} {article.version} of {len(versions)} ({version_ids})")
    ctx.print(f"{ctx.style('Length:', DIM)} {article.length_label}")
    ctx.print()
    ctx.print(safe(article.body, multiline=True))
    return 0


def cmd_search(ctx: CliContext) -> int:
    text = " ".join(ctx.args.query)
    hits = ctx.collection.library.search(text, limit=ctx.args.limit, marks=HIT_MARKS)
    if ctx.args.json:
        # The snippet's match marks become [brackets] in JSON.
        ctx.print_json([{**h.to_dict(), "snippet": highlight(h.snippet, "[", "]")} for h in hits])
        return 0
    if not hits:
        ctx.print(f"No article matches {safe(repr(text))}.")
        return 0
    for hit in hits:
        ctx.print(f"{ctx.style(f'#{hit.article.id}', CYAN)} {ctx.style(hit.article.title, BOLD)}")
        ctx.print(f"    {ctx.highlight(hit.snippet)}")
    ctx.print(ctx.style(f"{len(hits)} match(es)", DIM))
    return 0


def cmd_remove(ctx: CliContext) -> int:
    removed = ctx.collection.remove(ctx.args.id).value
    article, kept = removed.article, removed.notes_kept
    if ctx.args.json:
        ctx.print_json(removed.to_dict())
        return 0
    ctx.print(f"Removed #{article.id} {safe(article.title)}")
    if kept:
        ctx.print(
            f"Its {kept} note(s) are kept: parallax notes list --article {article.id} "
            "(importing its file again puts them back on it)"
        )
    return 0


def cmd_compare(ctx: CliContext) -> int:
    from library.compare.report import render_report

    # Files are compared as they are; they join the library only with --add.
    article_a = ctx.collection.resolve(ctx.args.a, add=ctx.args.add)
    article_b = ctx.collection.resolve(ctx.args.b, add=ctx.args.add)
    comparison = ctx.collection.compare(article_a, article_b, backend=ctx.args.backend)
    if ctx.collection.backend_notice:
        ctx.warn(f"parallax: {ctx.collection.backend_notice}")
    try:
        reviewed = ctx.collection.reviewed(article_a, article_b, comparison)
    except ParallaxError as exc:
        # notes.db unreadable (locked, newer, damaged): the comparison still stands.
        ctx.warn(f"parallax: warning: reviews not shown: {exc}")
        reviewed = None
    if ctx.args.json:
        ctx.print_json(comparison.to_dict() if reviewed is None else reviewed.to_dict())
        return 0
    if ctx.args.lens and comparison.lenses is not None:
        from library.compare.lenses.render import render_lens

        ctx.print(render_lens(comparison.lenses, ctx.args.lens))
        return 0
    ctx.print(render_report(comparison, color=ctx.color))
    if reviewed is not None and reviewed.reviews:
        from library.reviews.report import summary_line

        line = summary_line(reviewed)
        ctx.print(ctx.style(f"Reviews: {line} (parallax review list A B)", DIM))
    return 0


def cmd_related(ctx: CliContext) -> int:
    related = ctx.collection.related(
        ctx.args.id, limit=ctx.args.limit, facts=3 if ctx.args.facts else 0
    )
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in related])
        return 0
    if not related:
        ctx.print(
            f"No other article in the library seems to report the same event as #{ctx.args.id}."
        )
        return 0
    for r in related:
        a = r.article
        facts = "" if r.shared_facts is None else f"  {r.shared_facts} shared fact(s)"
        outlet = f"  ({safe(a.outlet)})" if a.outlet else ""
        ctx.print(
            f"{ctx.style(f'#{a.id}', CYAN)} {ctx.style(f'{r.score:.2f}', DIM)} "
            f"{ctx.style(safe(a.title), BOLD)}{outlet}{facts}"
        )
        shared = [*r.names[:5], *r.dates[:3], *r.numbers[:3]]
        if shared:
            ctx.print(f"    shared: {safe(', '.join(shared))}")
    return 0

"""`parallax import | list | show | search | remove | compare | related`: the article commands.

Each `register_NAME(subparsers)` adds one command's parser with its handler;
`library.cli` calls it only when that command runs (its one-line help for
`parallax --help` is in `library.cli.COMMANDS`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from library.cli_support import (
    BOLD,
    CYAN,
    DIM,
    GREEN,
    HIT_MARKS,
    RED,
    YELLOW,
    CliContext,
    add_json_flag,
    ctrl_c_stops_between_files,
    highlight,
    record_id,
    utf8_text,
)
from library.errors import ParallaxError
from library.paths import display_path
from library.terminal import safe

if TYPE_CHECKING:
    from library.coverage import Related
    from library.importer import FileResult


def register_import(subparsers: Any) -> None:
    p = subparsers.add_parser("import", help="import article files and folders (recursively)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)


def register_list(subparsers: Any) -> None:
    p = subparsers.add_parser("list", help="list the articles in the library")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)


def register_show(subparsers: Any) -> None:
    p = subparsers.add_parser("show", help="show one article with its metadata")
    p.add_argument("id", type=record_id)
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)


def register_search(subparsers: Any) -> None:
    p = subparsers.add_parser("search", help="full-text search over titles and bodies")
    p.add_argument(
        "query", type=utf8_text, nargs="+", help='words; "quoted phrase"; word* for a prefix'
    )
    p.add_argument("--limit", type=record_id, default=20)
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)


def register_remove(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "remove", help="remove an article (all its versions) from the library"
    )
    p.add_argument("id", type=record_id)
    add_json_flag(p)
    p.set_defaults(handler=cmd_remove)


def register_compare(subparsers: Any) -> None:
    p = subparsers.add_parser("compare", help="compare two articles: library ids or files")
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


def register_related(subparsers: Any) -> None:
    p = subparsers.add_parser("related", help="other articles in the library on the same event")
    p.add_argument("id", type=record_id)
    p.add_argument("--limit", type=record_id, default=10)
    p.add_argument("--facts", action="store_true", help="count shared facts for the top 3")
    add_json_flag(p)
    p.set_defaults(handler=cmd_related)


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
        ctx.print_json(report.to_dict())
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
    from library.coverage_floor import split

    related = ctx.collection.related(
        ctx.args.id, limit=ctx.args.limit, facts=3 if ctx.args.facts else 0
    )
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in related])
        return 0
    likely, weaker = split(related)
    if not likely:
        ctx.print(f"No other coverage of the event of #{ctx.args.id} in the library.")
    for r in likely:
        _print_related(ctx, r)
    if weaker:
        # Listed, never hidden: the floor can be wrong, and the user can judge.
        ctx.print(ctx.style(f"Weaker matches, probably about something else ({len(weaker)}):", DIM))
        for r in weaker:
            _print_related(ctx, r)
    return 0


def _print_related(ctx: CliContext, r: Related) -> None:
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

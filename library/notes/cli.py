"""`parallax notes …`: add, list, search, export and import private notes.

    parallax notes add --article ID [--quote TEXT] --text TEXT [--tag T]…
    parallax notes add --article A --article-b B [--claim A_UNITS:B_UNITS] --text TEXT
    parallax notes list [--article ID] [--tag T] [--trash]
    parallax notes show ID | delete ID | restore ID
    parallax notes search QUERY [--tag T]
    parallax notes export --format md|json [--article ID] [-o FILE]
    parallax notes import FILE
    parallax notes backup | recover [FILE]

Registered by `library.cli` through `register(subparsers)`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from library.cli_support import (
    BOLD,
    CYAN,
    DIM,
    HIT_MARKS,
    YELLOW,
    CliContext,
    add_json_flag,
    highlight,
    record_id,
    utf8_text,
)
from library.errors import NotFound, ParallaxError
from library.terminal import safe

if TYPE_CHECKING:
    from library.article import Article
    from library.notes.model import Note
    from library.notes.store import NotesStore


def register(subparsers: Any) -> None:
    """Add the `notes` command and its subcommands to `parallax`'s subparsers.

    Args:
        subparsers: what `ArgumentParser.add_subparsers()` returned.
    """
    notes = subparsers.add_parser(
        "notes",
        help="private notes on articles, passages and comparisons",
        description="Private notes, kept in notes.db in the data dir.",
        epilog="Quick start:\n"
        "  parallax list                                   # find the article's ID\n"
        '  parallax notes add --article 1 --quote "some words" --text "Why?"\n'
        "  parallax notes search why\n"
        "  parallax notes export --format md -o notes.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = notes.add_subparsers(dest="notes_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser(
        "add",
        help="add a note to an article, a quoted passage, a comparison or one of its claims",
    )
    p.add_argument(
        "--article",
        type=record_id,
        required=True,
        metavar="ID",
        help="article id (see `parallax list`)",
    )
    p.add_argument(
        "--quote", type=utf8_text, metavar="TEXT", help="attach to this passage of the article"
    )
    p.add_argument(
        "--article-b",
        type=record_id,
        metavar="ID",
        help="a second article: a note on the comparison of the two (or, with --claim, "
        "on one claim of it)",
    )
    p.add_argument(
        "--claim",
        metavar="A_UNITS:B_UNITS",
        help="one claim of the comparison, by unit ids as in `parallax compare A B --json`, "
        "e.g. 3:4 or 3,4:7",
    )
    p.add_argument(
        "--text",
        type=utf8_text,
        required=True,
        metavar="TEXT",
        help="the note (Markdown; - = stdin)",
    )
    p.add_argument(
        "--tag",
        type=utf8_text,
        action="append",
        default=[],
        metavar="T",
        help="a tag (repeatable)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", help="list notes, newest first")
    p.add_argument("--article", type=record_id, metavar="ID", help="only this article's notes")
    p.add_argument("--tag", type=utf8_text, metavar="T", help="only notes with this tag")
    p.add_argument("--trash", action="store_true", help="list the trash instead")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one note in full")
    p.add_argument("id", type=record_id)
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("search", help="full-text search over notes, tags and quoted passages")
    p.add_argument(
        "query", type=utf8_text, nargs="+", help='words; "quoted phrase"; word* for a prefix'
    )
    p.add_argument("--tag", type=utf8_text, metavar="T", help="only notes with this tag")
    p.add_argument("--limit", type=record_id, default=20)
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)

    for name, handler, text in (
        ("delete", cmd_delete, "move a note to the trash"),
        ("restore", cmd_restore, "take a note out of the trash"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("id", type=record_id)
        p.set_defaults(handler=handler)

    p = sub.add_parser("export", help="export notes to Markdown or JSON")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("--article", type=record_id, metavar="ID", help="only this article's notes")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="import notes from a JSON export (safe to repeat)")
    p.add_argument("file", type=Path, metavar="FILE")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("backup", help="copy notes.db to the backups folder now")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "recover",
        help="bring back notes from a backup or a damaged notes file (safe to repeat)",
        description="Reads every readable note from FILE (default: the newest backup "
        "in the data dir's backups/ folder) and adds those that are missing.",
    )
    p.add_argument("file", type=Path, nargs="?", metavar="FILE")
    p.set_defaults(handler=cmd_recover)


def notes_of(ctx: CliContext) -> NotesStore:
    """The collection's notes store, warning once if a damaged file was set aside."""
    store = ctx.collection.notes
    if store.recovered_from is not None and not getattr(ctx, "_notes_warned", False):
        ctx.warn(
            f"parallax: warning: {store.path.name} was damaged; it was moved to "
            f"{store.recovered_from} (kept for recovery) and a new empty file was started. "
            f"Bring its notes back: parallax notes recover {shlex.quote(str(store.recovered_from))}"
        )
        ctx._notes_warned = True  # type: ignore[attr-defined]
    if store.db.note and not getattr(ctx, "_notes_noted", False):
        ctx.warn(f"parallax: note: {store.db.note}")
        ctx._notes_noted = True  # type: ignore[attr-defined]
    return store


def cmd_add(ctx: CliContext) -> int:
    notes_of(ctx)  # warns once if notes.db was set aside
    collection = ctx.collection
    article = collection.library.current(ctx.args.article)
    text = _stdin_text() if ctx.args.text == "-" else ctx.args.text
    if ctx.args.claim is not None and ctx.args.article_b is None:
        raise ParallaxError("--claim needs the second article: --article-b ID.")
    if ctx.args.article_b is not None:
        if ctx.args.quote is not None:
            raise ParallaxError("--quote is for a passage of one article, not a comparison.")
        note = _add_comparison_note(ctx, article, text)
    elif ctx.args.quote is not None:
        note = collection.add_quote_note(article, ctx.args.quote, text, ctx.args.tag).value
    else:
        assert article.id is not None
        note = collection.add_article_note(article.id, text, ctx.args.tag).value
    if ctx.args.json:
        ctx.print_json(_note_json(ctx, note))
    else:
        ctx.print(str(note.id))
    return 0


def _add_comparison_note(ctx: CliContext, article: Article, text: str) -> Note:
    """A note on the comparison of `article` and `--article-b`, or on one `--claim` of it."""
    from library.notes.claims import find_claim, parse_spec

    collection = ctx.collection
    other = collection.library.current(ctx.args.article_b)
    assert article.id is not None and other.id is not None
    if article.id == other.id:
        raise ParallaxError("A comparison needs two different articles.")
    claim = None
    if ctx.args.claim is not None:
        a_units, b_units = parse_spec(ctx.args.claim)
        comparison = collection.compare(article, other)
        claim = find_claim(collection.reviewed(article, other, comparison), a_units, b_units)
    op = collection.add_comparison_note(article.id, other.id, text, ctx.args.tag, claim=claim)
    return op.value


def cmd_list(ctx: CliContext) -> int:
    store = notes_of(ctx)
    article_id = _article_filter(ctx)
    notes = store.notes(article_id=article_id, tag=ctx.args.tag, trash=ctx.args.trash)
    if ctx.args.json:
        ctx.print_json([_note_json(ctx, n) for n in notes])
        return 0
    if not notes:
        where = "in the trash" if ctx.args.trash else "yet"
        ctx.print(f'No notes {where}. Add one: parallax notes add --article ID --text "…"')
        return 0
    for note in notes:
        _print_line(ctx, note)
    ctx.print(ctx.style(f"{len(notes)} note(s)", DIM))
    return 0


def cmd_show(ctx: CliContext) -> int:
    note = notes_of(ctx).get(ctx.args.id)
    if ctx.args.json:
        ctx.print_json(_note_json(ctx, note))
        return 0
    _print_line(ctx, note)
    if note.anchor is not None:
        ctx.print(ctx.style(f"> {note.anchor.quote}", DIM))
    if note.claim is not None and note.claim.text:
        ctx.print(ctx.style(f"> {note.claim.text}", DIM))
    ctx.print(safe(note.text, multiline=True))
    return 0


def cmd_search(ctx: CliContext) -> int:
    text = " ".join(ctx.args.query)
    hits = notes_of(ctx).search(text, tag=ctx.args.tag, limit=ctx.args.limit, marks=HIT_MARKS)
    if ctx.args.json:
        ctx.print_json(
            [
                {
                    **_note_json(ctx, h.note, h.to_dict()),
                    "snippet": highlight(h.snippet, "[", "]"),
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        ctx.print(f"No note matches {safe(repr(text))}.")
        return 0
    for hit in hits:
        _print_line(ctx, hit.note)
        ctx.print(f"    {ctx.highlight(hit.snippet)}")
    ctx.print(ctx.style(f"{len(hits)} match(es)", DIM))
    return 0


def cmd_delete(ctx: CliContext) -> int:
    notes_of(ctx)
    note = ctx.collection.delete_note(ctx.args.id).value
    ctx.print(f"Moved note {note.id} to the trash (undo: parallax notes restore {note.id}).")
    return 0


def cmd_restore(ctx: CliContext) -> int:
    notes_of(ctx)
    note = ctx.collection.restore_note(ctx.args.id).value
    ctx.print(f"Restored note {note.id}.")
    return 0


def cmd_export(ctx: CliContext) -> int:
    from library.notes.export import select_notes, to_json, to_markdown

    store = notes_of(ctx)
    notes = select_notes(store, _article_filter(ctx))
    if ctx.args.format == "json":
        text = to_json(notes)
    else:
        text = to_markdown(notes, lambda article_id: _title(ctx, article_id))
    if ctx.args.output is None or str(ctx.args.output) == "-":  # "-" is stdout, as usual
        ctx.print_data(text, is_json=ctx.args.format == "json")
        return 0
    from library.export.writer import write_export  # its package loads the report writers

    write_export(ctx.args.output, text, data_dir=store.data_dir)
    ctx.warn(f"Exported {len(notes)} note(s) to {safe(ctx.args.output)}")
    return 0


def cmd_import(ctx: CliContext) -> int:
    path: Path = ctx.args.file
    try:
        # A FIFO or /dev/zero would block or never end: read regular files only.
        if path.exists() and not path.is_file():
            raise ParallaxError(f"Cannot read {safe(path)}: it is not a regular file.")
        text = path.read_text(encoding="utf-8-sig")  # Notepad's BOM was "not JSON"
    except (OSError, UnicodeDecodeError) as exc:
        raise ParallaxError(f"Cannot read {safe(path)}: {exc}") from exc
    notes_of(ctx)
    report = ctx.collection.import_notes(text).value
    if ctx.args.json:
        ctx.print_json(report.to_dict())
    else:
        ctx.print(f"Imported {safe(path.name)}: {report.summary()}")
    return 0


def cmd_backup(ctx: CliContext) -> int:
    ctx.print(safe(notes_of(ctx).backup()))
    return 0


def cmd_recover(ctx: CliContext) -> int:
    from library.notes.recovery import latest_backup  # sqlite-utils: not at start-up
    from library.set_aside import set_aside

    store = notes_of(ctx)
    if ctx.args.file:
        sources = [ctx.args.file]
    else:
        # The damaged file set aside last holds the newest notes, the backup
        # what it may have lost: read both (a note already present is skipped).
        damaged = set_aside(store.path)
        sources = [
            p for p in (damaged[-1] if damaged else None, latest_backup(store.data_dir)) if p
        ]
    if not sources:
        raise NotFound("No backup to recover from yet; give the file to read notes from.")
    read_one = False
    for i, path in enumerate(sources):
        try:
            recovered = ctx.collection.recover_notes(path).value
        except ParallaxError as exc:
            if i == len(sources) - 1 and not read_one:
                raise
            # Nothing readable in one of the two: the other may still hold the notes.
            ctx.warn(f"parallax: warning: {exc}")
            continue
        read_one = True
        ctx.print(f"Recovered from {safe(path)}: {recovered.notes.summary()}")
        reviews = recovered.reviews
        if reviews.added or reviews.present:
            ctx.print(f"Reviews: {reviews.summary()}")
    return 0


def _stdin_text() -> str:
    """The note text piped in (`--text -`), which must be UTF-8."""
    try:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is not None:
            return bytes(buffer.read()).decode("utf-8")
        text = sys.stdin.read()
        text.encode("utf-8")  # a text stream may still carry lone surrogates
        return text
    except UnicodeError as exc:
        raise ParallaxError("The note text on standard input is not valid UTF-8.") from exc


def _article_filter(ctx: CliContext) -> int | None:
    """`--article ID` as the id notes carry: the current version of that article.

    An article removed from the library keeps its notes; its id still selects them.
    """
    if ctx.args.article is None:
        return None
    try:
        return ctx.collection.library.current(ctx.args.article).id
    except NotFound:
        return int(ctx.args.article)


def _title(ctx: CliContext, article_id: int) -> str | None:
    try:
        return ctx.collection.library.get(article_id).title
    except NotFound:
        return None


def _note_json(ctx: CliContext, note: Note, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """`data` (default: `note.to_dict()`) with what only the library knows: titles, waits."""
    sides = _sides(ctx, note)
    return {
        **(note.to_dict() if data is None else data),
        "article_title": sides[0][0],
        "waiting_for": [label for _, label in sides if label is not None],
    }


def _sides(ctx: CliContext, note: Note) -> list[tuple[str | None, str | None]]:
    """Per article of the note: (its title in the library, or how to name it while waiting).

    A note waits while its article is not in the library (rebuilt, or the
    article removed): it is never shown on another article in the meantime.
    """
    sides = [(note.article_id, note.article_ref)]
    if note.pair:
        sides.append((note.article_b_id, note.article_b_ref))
    named: list[tuple[str | None, str | None]] = []
    for article_id, ref in sides:
        title = None if article_id is None else _title(ctx, article_id)
        if title is not None:
            named.append((title, None))
        else:
            named.append((None, ref.label() if ref is not None else f"article {article_id}"))
    return named


def _print_line(ctx: CliContext, note: Note) -> None:
    tags = " ".join(f"#{t}" for t in note.tags)
    sides = _sides(ctx, note)
    waiting = [safe(label) for _, label in sides if label is not None]
    flag = ctx.style(" [detached]", YELLOW) if note.detached else ""
    if waiting:
        flag += ctx.style(" [waiting]", YELLOW)
    ctx.print(
        f"{ctx.style(f'#{note.id}', CYAN)} {note.created_at[:10]} "
        f"{ctx.style(note.title, BOLD)}{flag} {ctx.style(tags, DIM)}"
    )
    if any(title for title, _ in sides):
        where = " ↔ ".join(safe(title) if title else "(waiting)" for title, _ in sides)
        ctx.print(ctx.style(f"    on {where}", DIM))
    for label in waiting:
        ctx.print(
            ctx.style(f"    waiting for its article: {label} (import the file again)", YELLOW)
        )

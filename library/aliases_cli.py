"""`parallax alias …`: teach that two names stand for one person, body or place.

    parallax alias add "Ministry of State Security" "National Security Department"
    parallax alias list [--json]
    parallax alias remove "Ministry of State Security" "National Security Department"

Taught pairs live in library.db; every comparison uses them (the Voices and
Names lenses group the forms, the engine aligns them as one name).
Registered by `library.cli`.
"""

from __future__ import annotations

from typing import Any

from library.cli_support import BOLD, DIM, CliContext, add_json_flag, utf8_text
from library.terminal import safe


def register(subparsers: Any) -> None:
    """Add the `alias` command and its subcommands to `parallax`'s subparsers."""
    alias = subparsers.add_parser(
        "alias",
        help="teach that two names are the same (used by every comparison)",
        description="Names you declare the same person, body or place: the lenses list them "
        "as one, and comparisons align them as one name.",
    )
    sub = alias.add_subparsers(dest="alias_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser("add", help='teach NAME = OTHER ("A" "B")')
    p.add_argument("name", type=utf8_text, metavar="NAME")
    p.add_argument("other", type=utf8_text, metavar="OTHER")
    add_json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", help="every taught pair")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("remove", help="forget a taught pair (either way round)")
    p.add_argument("name", type=utf8_text, metavar="NAME")
    p.add_argument("other", type=utf8_text, metavar="OTHER")
    add_json_flag(p)
    p.set_defaults(handler=cmd_remove)


def cmd_add(ctx: CliContext) -> int:
    alias, new = ctx.collection.teach_alias(ctx.args.name, ctx.args.other).value
    if ctx.args.json:
        ctx.print_json({**alias.to_dict(), "new": new})
        return 0
    said = "Taught" if new else "Already taught"
    ctx.print(f"{said}: {safe(alias.name)} = {safe(alias.alias)}")
    return 0


def cmd_list(ctx: CliContext) -> int:
    found = ctx.collection.aliases()
    if ctx.args.json:
        ctx.print_json([a.to_dict() for a in found])
        return 0
    if not found:
        ctx.print('No aliases taught: parallax alias add "NAME" "OTHER NAME"')
        return 0
    for a in found:
        ctx.print(f"{ctx.style(a.name, BOLD)} = {ctx.style(a.alias, BOLD)}")
    ctx.print(ctx.style(f"{len(found)} alias(es)", DIM))
    return 0


def cmd_remove(ctx: CliContext) -> int:
    ctx.collection.forget_alias(ctx.args.name, ctx.args.other)
    if ctx.args.json:
        ctx.print_json({"removed": {"name": ctx.args.name, "alias": ctx.args.other}})
        return 0
    ctx.print(f"Forgot: {safe(ctx.args.name)} = {safe(ctx.args.other)}")
    return 0

"""`parallax review …`: judge the machine's pairs and link passages by hand.

    parallax review list [A B] [--json]
    parallax review set A B (--pair N | --a-unit I --b-unit J) --verdict V [--reason TEXT]
    parallax review link A B --a-unit I --b-unit J --relation R [--reason TEXT]
    parallax review clear A B (--pair N | --a-unit I --b-unit J | --all)

A and B are library ids or files, as for `parallax compare`; pairs are
numbered from 0 as in `parallax compare A B --json` ("pairs"), units as in its
"units".  V is `confirm`, `reject` or `relation=R`; R is one of same,
divergent, related, unrelated ("not related").  Registered by `library.cli`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from library.cli_support import (
    BOLD,
    CYAN,
    DIM,
    GREEN,
    RED,
    YELLOW,
    CliContext,
    add_json_flag,
    record_id,
    utf8_text,
)
from library.errors import ParallaxError
from library.terminal import safe

if TYPE_CHECKING:  # `parallax list` (and `--help`) must not load the engine or the reviews
    from library.article import Article
    from library.compare.model import Comparison, Side
    from library.reviews.actions import Judgement
    from library.reviews.apply import AppliedReview
    from library.reviews.model import Relation, Review

_VERDICT_COLORS = {"confirmed": GREEN, "rejected": RED, "changed": YELLOW, "linked": CYAN}


def register(subparsers: Any) -> None:
    """Add the `review` command and its subcommands to `parallax`'s subparsers."""
    review = subparsers.add_parser(
        "review",
        help="confirm, reject or change the machine's pairs; link passages by hand",
        description="Reviews of a comparison, kept in notes.db in the data dir. Pairs are "
        "numbered from 0 as in `parallax compare A B --json`.",
        epilog="Quick start:\n"
        "  parallax compare 1 2 --json              # pairs and unit ids\n"
        "  parallax review set 1 2 --pair 0 --verdict confirm\n"
        '  parallax review set 1 2 --pair 3 --verdict relation=related --reason "Same event"\n'
        "  parallax review link 1 2 --a-unit 7 --b-unit 12 --relation divergent\n"
        "  parallax review list 1 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = review.add_subparsers(dest="review_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser("list", help="reviews of two articles (A B), or every review")
    p.add_argument("refs", nargs="*", metavar="A B", help="two article ids or files")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("set", help="confirm, reject or change the relation of a machine pair")
    _articles(p)
    _target(p)
    p.add_argument(
        "--verdict",
        required=True,
        type=verdict_arg,
        metavar="V",
        help="confirm | reject | relation=same|divergent|related|unrelated",
    )
    _reason(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_set)

    p = sub.add_parser("link", help="pair units of A and B by hand, with a relation")
    _articles(p)
    _units(p, required=True)
    p.add_argument("--relation", required=True, type=relation_arg, metavar="R")
    _reason(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_link)

    p = sub.add_parser("clear", help="remove the review of a pair, of units, or all of them")
    _articles(p)
    _target(p, allow_all=True)
    add_json_flag(p)
    p.set_defaults(handler=cmd_clear)


def verdict_arg(text: str) -> tuple[Judgement | None, Relation | None]:
    """argparse type: `confirm`, `reject` or `relation=R`."""
    word = text.strip().lower()
    if word in ("confirm", "confirmed"):
        return "confirm", None
    if word in ("reject", "rejected"):
        return "reject", None
    if word.startswith("relation="):
        return None, relation_arg(word.removeprefix("relation="))
    raise argparse.ArgumentTypeError(
        f"{text!r}: expected confirm, reject or relation=same|divergent|related|unrelated"
    )


def relation_arg(text: str) -> Relation:
    from library.reviews.model import InvalidReview, relation_named

    try:
        return relation_named(text)
    except InvalidReview as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _articles(p: argparse.ArgumentParser) -> None:
    p.add_argument("a", metavar="A", help="article id or file")
    p.add_argument("b", metavar="B", help="article id or file")


def _units(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    for side in ("a", "b"):
        p.add_argument(
            f"--{side}-unit",
            type=record_id,
            action="append",
            default=[],
            required=required,
            metavar="ID",
            help=f"a unit (sentence) of {side.upper()} (repeatable)",
        )


def _target(p: argparse.ArgumentParser, *, allow_all: bool = False) -> None:
    p.add_argument("--pair", type=record_id, metavar="N", help="machine pair N (from 0)")
    _units(p)
    if allow_all:
        p.add_argument("--all", action="store_true", help="every review of the two articles")


def _reason(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reason", type=utf8_text, default="", metavar="TEXT", help="why (optional)")


# -- commands --------------------------------------------------------------


def cmd_list(ctx: CliContext) -> int:
    refs = ctx.args.refs
    if len(refs) not in (0, 2):
        raise ParallaxError("Give two articles (ids or files), or none to list every review.")
    if not refs:
        return _list_all(ctx)
    article_a, article_b, comparison = _compare(ctx)
    reviewed = ctx.collection.reviewed(article_a, article_b, comparison)
    if ctx.args.json:
        ctx.print_json(
            {
                "a": _article_json(article_a),
                "b": _article_json(article_b),
                "reviews": [r.to_dict() for r in reviewed.reviews],
                "summary": reviewed.counts.to_dict(),
            }
        )
        return 0
    if not reviewed.reviews:
        ctx.print(
            "No reviews of these articles yet. Review a pair: "
            f"parallax review set {safe(ctx.args.refs[0])} {safe(ctx.args.refs[1])} "
            "--pair 0 --verdict confirm"
        )
    for applied in reviewed.reviews:
        _print_applied(ctx, applied, comparison)
    from library.reviews.report import summary_line

    ctx.print(ctx.style(summary_line(reviewed), DIM))
    return 0


def _list_all(ctx: CliContext) -> int:
    reviews = ctx.collection.reviews.all()
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in reviews])
        return 0
    if not reviews:
        ctx.print("No reviews yet. Start with: parallax review set A B --pair 0 --verdict confirm")
        return 0
    for review in reviews:
        ids = " ↔ ".join(
            f"#{side.article_id}" if side.article_id is not None else "(waiting)"
            for side in (review.a, review.b)
        )
        ctx.print(f"{_head(ctx, review)}  {ids}{_flags(ctx, review)}")
        ctx.print(ctx.style(f"    {review.a.ref.label()}  ↔  {review.b.ref.label()}", DIM))
        _print_quotes(ctx, review)
    ctx.print(ctx.style(f"{len(reviews)} review(s)", DIM))
    return 0


def cmd_set(ctx: CliContext) -> int:
    article_a, article_b, comparison = _compare(ctx)
    pair = _pair_of(ctx, comparison)
    judgement, relation = ctx.args.verdict
    review = ctx.collection.set_review(
        article_a, article_b, comparison,
        pair=pair, judgement=judgement, relation=relation, reason=ctx.args.reason,
    ).value  # fmt: skip
    return _report_saved(ctx, review, pair)


def cmd_link(ctx: CliContext) -> int:
    article_a, article_b, comparison = _compare(ctx)
    review = ctx.collection.link(
        article_a, article_b, comparison,
        a_units=ctx.args.a_unit, b_units=ctx.args.b_unit,
        relation=ctx.args.relation, reason=ctx.args.reason,
    ).value  # fmt: skip
    reviewed = ctx.collection.reviewed(article_a, article_b, comparison)
    pair = next((r.pair for r in reviewed.reviews if r.review.uid == review.uid), None)
    return _report_saved(ctx, review, pair)


def cmd_clear(ctx: CliContext) -> int:
    args = ctx.args
    chosen = sum([args.pair is not None, bool(args.a_unit or args.b_unit), args.all])
    if chosen != 1:
        raise ParallaxError("Say what to clear: --pair N, --a-unit I --b-unit J, or --all.")
    if (args.a_unit or args.b_unit) and not (args.a_unit and args.b_unit):
        raise ParallaxError("Give units on both sides: --a-unit I --b-unit J.")
    article_a, article_b, comparison = _compare(ctx)
    removed = ctx.collection.clear_reviews(
        article_a, article_b, comparison,
        pair=args.pair, a_units=args.a_unit, b_units=args.b_unit,
    ).value  # fmt: skip
    if args.json:
        ctx.print_json({"removed": removed})
    else:
        ctx.print(f"Removed {removed} review(s).")
    return 0


# -- helpers ---------------------------------------------------------------


def _compare(ctx: CliContext) -> tuple[Article, Article, Comparison]:
    a_ref, b_ref = ctx.args.refs if ctx.args.review_command == "list" else (ctx.args.a, ctx.args.b)
    article_a = ctx.collection.resolve(a_ref)
    article_b = ctx.collection.resolve(b_ref)
    return article_a, article_b, ctx.collection.compare(article_a, article_b)


def _pair_of(ctx: CliContext, comparison: Comparison) -> int:
    """`--pair N`, or the machine pair that joins `--a-unit`s and `--b-unit`s."""
    args = ctx.args
    if args.pair is not None:
        if args.a_unit or args.b_unit:
            raise ParallaxError("Give --pair N or --a-unit/--b-unit, not both.")
        return int(args.pair)
    if not (args.a_unit and args.b_unit):
        raise ParallaxError("Say which pair: --pair N, or --a-unit I --b-unit J.")
    from library.reviews.apply import best_pair

    found = best_pair(comparison.pairs, args.a_unit, args.b_unit)
    if found is None:
        raise ParallaxError(
            "The machine pairs none of those units together; to pair them yourself: "
            "parallax review link A B --a-unit I --b-unit J --relation R"
        )
    return found


def _report_saved(ctx: CliContext, review: Review, pair: int | None) -> int:
    if ctx.args.json:
        ctx.print_json({**review.to_dict(), "pair": pair})
        return 0
    where = f"pair {pair}" if pair is not None else "link"
    ctx.print(f"Review {review.id}: {where} {_verdict(ctx, review)}")
    return 0


def _print_applied(ctx: CliContext, applied: AppliedReview, comparison: Comparison) -> None:
    review = applied.review
    if applied.pair is not None:
        where = f"pair {applied.pair}"
    elif applied.status == "added":
        where = "link"
    else:
        where = applied.status
    units = f"A{list(applied.a)} ~ B{list(applied.b)}" if applied.a and applied.b else ""
    ctx.print(f"{_head(ctx, review)}  {where}  {units}{_flags(ctx, review)}")
    if applied.a and applied.b and not review.detached:
        ctx.print(ctx.style(f"    A: {_joined(comparison.a, applied.a)}", DIM))
        ctx.print(ctx.style(f"    B: {_joined(comparison.b, applied.b)}", DIM))
    else:
        _print_quotes(ctx, review)


def _head(ctx: CliContext, review: Review) -> str:
    reason = f"  — {safe(review.reason)}" if review.reason else ""
    return f"{ctx.style(f'#{review.id}', CYAN)} {_verdict(ctx, review)}{reason}"


def _verdict(ctx: CliContext, review: Review) -> str:
    color = _VERDICT_COLORS.get(review.verdict, BOLD)
    text = f"{review.verdict} ({review.relation})"
    if review.verdict == "changed" and review.machine_relation:
        text = f"changed: {review.machine_relation} → {review.relation}"
    return ctx.style(text, color)


def _flags(ctx: CliContext, review: Review) -> str:
    flags = ""
    if review.detached:
        flags += ctx.style(" [detached: passage not found in the current text]", YELLOW)
    if review.waiting:
        flags += ctx.style(" [waiting for its article]", YELLOW)
    return flags


def _print_quotes(ctx: CliContext, review: Review) -> None:
    for letter, side in (("A", review.a), ("B", review.b)):
        ctx.print(ctx.style(f"    {letter}: “{_short(side.anchor.quote)}”", DIM))


def _joined(side: Side, ids: tuple[int, ...]) -> str:
    wanted = set(ids)
    return _short(" ".join(u.text for u in side.units if u.id in wanted))


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return safe(text if len(text) <= width else text[: width - 1] + "…")


def _article_json(article: Article) -> dict[str, Any]:
    """The article as `list --json` prints it (no body)."""
    from library.importer import summarize

    return summarize(article).to_dict()

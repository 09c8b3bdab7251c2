"""The reviews of a comparison as text: one summary line, and sections for exports.

The comparison exports (`library.export.comparison_report`) and the window's
summary can show how much of the machine's work the user has checked:
`summary_line` for one line, `markdown_section` / `html_section` to append
to a report.  Every piece of user or article text is escaped: a reason or a
quote never becomes markup.
"""

from __future__ import annotations

import html
import re

from library.reviews.apply import AppliedReview, ReviewedComparison

# Markdown's inline syntax, and what starts a block at the start of a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")
_QUOTE_CHARS = 120


def summary_line(reviewed: ReviewedComparison) -> str:
    """E.g. "4 machine pair(s): 2 reviewed (1 confirmed, 0 rejected, 1 changed), 2 machine-only"."""
    c = reviewed.counts
    line = (
        f"{c.machine} machine pair(s): {c.reviewed} reviewed ({c.confirmed} confirmed, "
        f"{c.rejected} rejected, {c.changed} changed), {c.machine_only} machine-only"
    )
    if c.linked:
        line += f"; {c.linked} linked by hand"
    if c.detached:
        line += f"; {c.detached} detached (passage no longer in the text)"
    return line


def describe(applied: AppliedReview) -> str:
    """What one review says, in plain words (no user text)."""
    review = applied.review
    if review.verdict == "changed" and review.machine_relation:
        what = f"changed from {review.machine_relation} to {review.relation}"
    elif review.verdict == "linked":
        what = f"linked by hand as {review.relation}"
    else:
        what = f"{review.verdict} ({review.relation})"
    where = f"pair {applied.pair}" if applied.pair is not None else applied.status
    return f"{where}: {what}"


def markdown_section(reviewed: ReviewedComparison) -> str:
    """A "## Reviews" section: the counts, then each review with its reason and quotes."""
    lines = ["## Reviews", "", _md(summary_line(reviewed)), ""]
    for applied in reviewed.reviews:
        review = applied.review
        lines.append(f"- **{_md(describe(applied))}**")
        if review.reason:
            lines.append(f"  - Reason: {_md(review.reason)}")
        for letter, side in (("A", review.a), ("B", review.b)):
            lines.append(f"  - {letter}: “{_md(_clip(side.anchor.quote))}”")
    return "\n".join(lines) + "\n"


def html_section(reviewed: ReviewedComparison) -> str:
    """A `<section>` with the counts and a list of the reviews (all text escaped)."""
    esc = html.escape
    out = [
        '<section class="reviews"><h2>Reviews</h2>',
        f"<p>{esc(summary_line(reviewed))}</p>",
    ]
    if reviewed.reviews:
        out.append("<ul>")
        for applied in reviewed.reviews:
            review = applied.review
            reason = f"<br>Reason: {esc(review.reason)}" if review.reason else ""
            quotes = "".join(
                f"<br>{letter}: “{esc(_clip(side.anchor.quote))}”"
                for letter, side in (("A", review.a), ("B", review.b))
            )
            out.append(f"<li><strong>{esc(describe(applied))}</strong>{reason}{quotes}</li>")
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def add_to_html(report: str, reviewed: ReviewedComparison) -> str:
    """`report` (a comparison export's HTML page) with the Reviews section before `</body>`."""
    section = html_section(reviewed)
    at = report.rfind("</body>")
    return report + section if at < 0 else report[:at] + section + report[at:]


def add_to_markdown(report: str, reviewed: ReviewedComparison) -> str:
    """`report` (a comparison export in Markdown) with the Reviews section appended."""
    return report.rstrip("\n") + "\n\n" + markdown_section(reviewed)

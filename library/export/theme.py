"""The comparison palette as plain hex strings, shared by the desktop view and the reports.

Colours come from the Okabe-Ito set, which stays distinguishable for the common
forms of colour blindness: shared facts use the blue family, divergent claims the
orange/vermillion family.  Colour is never the only cue: shared text gets a solid
underline, divergent text a wavy underline with its differing words in bold,
related text (same subject, different facts) a faint dotted underline, so a
reader who cannot tell the hues apart (or prints in grey) still can.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    """One set of comparison colours (hex `#rrggbb`).

    Args:
        shared_bg: background of a shared fact.
        shared_line: underline, band outline and overview mark of a shared fact.
        divergent_bg: background of a divergent claim.
        divergent_line: underline, band outline and overview mark of a divergent claim.
        emphasis_bg: background of the differing words inside a divergent claim.
        current_shared_bg: background of the selected shared pair.
        current_divergent_bg: background of the selected divergent pair.
        text: text colour the backgrounds were checked against (contrast >= 7:1).
        related_bg: background of a related pair (same subject, different facts):
            fainter than the others, it is context rather than a finding.
        related_line: its dotted underline and overview mark (Okabe-Ito purple).
    """

    shared_bg: str
    shared_line: str
    divergent_bg: str
    divergent_line: str
    emphasis_bg: str
    current_shared_bg: str
    current_divergent_bg: str
    text: str
    related_bg: str = "#f5eef3"
    related_line: str = "#a8668d"


LIGHT = Theme(
    shared_bg="#dbeaf7",
    shared_line="#0072b2",
    divergent_bg="#fde7c8",
    divergent_line="#d55e00",
    emphasis_bg="#f7bd73",
    current_shared_bg="#a9cdee",
    current_divergent_bg="#f9c98e",
    text="#1a1a1a",
)

DARK = Theme(
    shared_bg="#1d3a55",
    shared_line="#56b4e9",
    divergent_bg="#4d3314",
    divergent_line="#f0a35e",
    emphasis_bg="#8a5418",
    current_shared_bg="#2b5a84",
    current_divergent_bg="#75501f",
    text="#eeeeee",
    related_bg="#33262f",
    related_line="#cc79a7",
)

# Legend text, shared by the desktop legend and the exported reports so they agree.
LEGEND: tuple[tuple[str, str], ...] = (
    ("same", "Shared fact — both articles report it (blue, solid underline)"),
    (
        "divergent",
        "Divergent claim — both report it but disagree (orange, wavy underline, "
        "differing words in bold)",
    ),
    (
        "related",
        "Related — same subject, different facts; neither shared nor a contradiction "
        "(faint purple, dotted underline)",
    ),
    ("only", "Only in one article — no highlight"),
)


def theme_for(dark: bool) -> Theme:
    """The light or dark theme.

    Args:
        dark: whether the surrounding UI is dark.
    """
    return DARK if dark else LIGHT

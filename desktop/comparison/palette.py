"""Qt colours and character formats for the comparison, built from `library.export.theme`.

The hex values live in the Qt-free theme module so the exported reports use the
very same palette; this module only turns them into `QColor`/`QTextCharFormat`
and picks light or dark from the widget's own palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QWidget

from library.export.theme import Theme, theme_for


def is_dark(widget: QWidget) -> bool:
    """Whether `widget` is drawn on a dark background (follows the app's theme).

    Args:
        widget: any widget; its palette's Base (text background) colour decides.
    """
    return widget.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5


@dataclass(frozen=True)
class QtPalette:
    """The comparison theme as Qt objects.

    Args:
        theme: the hex theme these colours come from.
        dark: whether this is the dark variant.
    """

    theme: Theme
    dark: bool

    @classmethod
    def for_widget(cls, widget: QWidget) -> QtPalette:
        """The palette that suits `widget`'s current light/dark appearance."""
        dark = is_dark(widget)
        return cls(theme_for(dark), dark)

    def line(self, relation: str) -> QColor:
        """Strong colour of `relation` (same/divergent/related): underline, band edge, marks."""
        t = self.theme
        if relation == "related":
            return QColor(t.related_line)
        return QColor(t.shared_line if relation == "same" else t.divergent_line)

    def fill(self, relation: str, current: bool = False) -> QColor:
        """Background of `relation`; `current` gives the stronger tint of the selected pair."""
        t = self.theme
        if relation == "same":
            return QColor(t.current_shared_bg if current else t.shared_bg)
        if relation == "related":  # quieter: context, not a finding
            return QColor(t.related_bg)
        return QColor(t.current_divergent_bg if current else t.divergent_bg)

    def unit_format(self, relation: str, current: bool = False) -> QTextCharFormat:
        """Format of a whole unit: tinted background plus the non-colour underline cue.

        Shared facts get a solid underline, divergent claims a wavy one, related
        pairs a dotted one, so they differ in shape as well as hue.
        """
        fmt = QTextCharFormat()
        fmt.setBackground(self.fill(relation, current))
        fmt.setUnderlineColor(self.line(relation))
        style = QTextCharFormat.UnderlineStyle
        fmt.setUnderlineStyle(
            {"same": style.SingleUnderline, "related": style.DotLine}.get(
                relation, style.WaveUnderline
            )
        )
        return fmt

    def emphasis_format(self, conflict: bool = False) -> QTextCharFormat:
        """Format of the differing words inside a divergent claim: bold.

        Args:
            conflict: the words are a typed conflict (date, number, name...): they
                also get a stronger tint, so the disagreement itself stands out.
        """
        fmt = self.unit_format("divergent")
        if conflict:
            fmt.setBackground(QColor(self.theme.emphasis_bg))
        fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

"""The main window's layout across runs: geometry, docks, splitters, columns and sort.

Splitter sizes are restored only once the part they divide is first shown at
its final size; sizes set earlier would be rescaled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt

if TYPE_CHECKING:
    from desktop.comparison.lens_navigation import LensNavigation
    from desktop.main_window import MainWindow

SPLITTER_KEY = "library/splitter"
HEADER_KEY = "library/header"
COMPARISON_SPLITTER_KEY = "comparison/splitter"
SUMMARY_SPLITTER_KEY = "comparison/summary"  # the texts | the summary panel
SUMMARY_MODE_KEY = "comparison/summary_mode"  # "open", "closed" or unset (automatic)
LENSES_MODE_KEY = "comparison/lenses_mode"  # the Lenses panel, likewise
LENS_KEY = "comparison/lens"  # the lens on top: "voices", "timeline", "numbers", "names"


def remember_lenses(lenses: LensNavigation, qsettings: QSettings) -> None:
    """Save the Lenses panel's open/folded choice and its lens on top as they change."""
    lenses.fold.mode_changed.connect(lambda mode: qsettings.setValue(LENSES_MODE_KEY, mode))
    panel = lenses.panel
    panel.tabs.currentChanged.connect(lambda _i: qsettings.setValue(LENS_KEY, panel.current_lens()))


class WindowLayout:
    """Restores and saves the layout of `window` through its settings."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = window.settings
        self._splitter_restored = False
        self._comparison_splitter_restored = False

    def restore(self) -> None:
        """Geometry, docks and the summary's open/folded choice (at construction)."""
        window = self.window
        if not self.settings.restore_window(window, default=None):
            window.resizeDocks([window.notes_dock], [270], Qt.Orientation.Horizontal)
        # If notes.db cannot be opened, the dock hides once its panel fails to build.

    def restore_comparison_modes(self) -> None:
        """The summary's and lenses' open/folded choices (when the comparison page is made)."""
        window = self.window
        mode = self.settings.qsettings.value(SUMMARY_MODE_KEY)
        window.comparison_view.summary_fold.set_mode(str(mode or "auto"))
        lenses = window.comparison_view.lenses
        lenses.fold.set_mode(str(self.settings.qsettings.value(LENSES_MODE_KEY) or "auto"))
        lenses.panel.show_lens(str(self.settings.qsettings.value(LENS_KEY) or "voices"))

    def restore_library(self) -> None:
        """The library's splitter and columns, once, when the window is first shown."""
        if self._splitter_restored:
            return
        # Only now is the window laid out at its final size; sizes set
        # earlier would be rescaled.
        self._splitter_restored = True
        view = self.window.library_view
        self.settings.restore_splitter(SPLITTER_KEY, view.splitter, [640, 360])
        header = self.settings.byte_array(HEADER_KEY)
        if header is not None:  # column widths and the sort order
            view.table.horizontalHeader().restoreState(header)
        view.fit_columns()  # widths saved with another font may cut dates

    def restore_comparison(self) -> None:
        """The comparison's splitters, once, when the comparison is first shown."""
        if self._comparison_splitter_restored:
            return
        self._comparison_splitter_restored = True
        view = self.window.comparison_view
        for key, splitter in (
            (COMPARISON_SPLITTER_KEY, view.splitter),
            (SUMMARY_SPLITTER_KEY, view.outer),
        ):
            self.settings.restore_splitter(key, splitter, splitter.sizes())

    def save(self) -> None:
        """Remember geometry, dock/toolbar layout, splitter sizes, columns and sort."""
        window = self.window
        header = window.library_view.table.horizontalHeader()
        self.settings.set_byte_array(HEADER_KEY, header.saveState())
        splitters = {SPLITTER_KEY: window.library_view.splitter}
        if self._comparison_splitter_restored:  # only once the user could have moved it
            splitters[COMPARISON_SPLITTER_KEY] = window.comparison_view.splitter
            splitters[SUMMARY_SPLITTER_KEY] = window.comparison_view.outer
        self.settings.save_window(window, splitters)

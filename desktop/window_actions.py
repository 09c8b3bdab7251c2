"""The main window's actions: what each calls, its shortcuts, icon and tip.

`desktop.window_menus` arranges them into menus and the toolbar.
"""

from __future__ import annotations

from functools import partial
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from desktop.theme import icon
from desktop.window_menus import make_action

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def build_actions(window: MainWindow) -> None:
    """Create the window's `act_*` actions; they call its slots."""
    a = partial(make_action, window)
    window.act_import_files = a(
        "&Import Files…",
        lambda: window.importer.ask_files(),  # the importer is made on first use
        ["Ctrl+O"],
        "import",
        "Import article files into the library",
    )
    window.act_import_folder = a(
        "Import &Folder…",
        lambda: window.importer.ask_folder(),
        ["Ctrl+Shift+O"],
        "folder",
        "Import every article in a folder",
    )
    window.act_quit = a("&Quit", window.close, ["Ctrl+Q"])
    window.act_find = a(
        "&Search Library", window.find_in_library, ["Ctrl+F"], "search", "Search titles and text"
    )
    window.act_add_note = a(
        "Add &Note on Selection",
        window.add_note_on_selection,
        ["Ctrl+Shift+N"],
        "add-note",
        "Add a note on the selected passage",
    )
    window.act_remove = a(
        "&Remove from Library",
        window.remove_selected,
        ["Del"],
        "remove",
        "Remove the selected articles from the library",
    )
    window.act_compare = a(
        "&Compare Selected",
        window.compare_selected,
        ["Ctrl+D", "Ctrl+Return"],
        "compare",
        "Compare the two selected articles side by side",
    )
    window.act_compare_with = a(
        "Compare &With…",
        window.compare_with,
        ["Ctrl+Shift+D"],
        "pick",
        "Compare the selected article with another",
    )
    window.act_library = a(
        "Back to &Library",
        window.show_library,
        ["Ctrl+1", "Alt+Left"],
        "back",
        "Show the library",
    )
    window.act_comparison = a("&Comparison", window.show_comparison, ["Ctrl+2"])
    window.act_fullscreen = a("&Full Screen", window._toggle_fullscreen, ["F11"])
    window.act_semantic = a(
        "Match by &Meaning",
        lambda: None,
        tip="Match sentences that "
        "say the same thing in other words (offline model); off: "
        "shared words only",
    )
    window.act_semantic.setCheckable(True)
    window.act_semantic.setChecked(window.collection.backend == "semantic")
    window.act_semantic.toggled.connect(window._set_semantic)
    window.act_shortcuts = a(
        "&Keyboard Shortcuts",
        lambda: _show_shortcuts(window),
        ["F1"],
        "",
        "List every keyboard shortcut",
    )
    window.act_about = a(
        "&About Parallax", lambda: _about().show_about(window, window.collection.data_dir)
    )
    window.act_notes = window.notes_dock.toggleViewAction()
    window.act_notes.setText("&Notes Panel")
    window.act_notes.setShortcut(QKeySequence("F9"))
    window.act_notes.setIcon(icon("notes"))


def _show_shortcuts(window: MainWindow) -> None:
    # The table is read from the menus: the comparison page's actions (F6, F8,
    # Ctrl+L…) join them only when the page is made, so make it first.
    window.prepare_comparison()
    _about().show_shortcuts(window, window.menuBar())


def _about() -> ModuleType:
    # Imported when asked for: it reads the installed version (importlib.metadata,
    # ≈ 0.05 s), which start-up does not need.
    from desktop import about

    return about

"""`run_app`: start the window (called by `desktop.launch` for `parallax [A B]`).

Qt is imported inside `run_app`, never at module level, so that importing
this module (and running `parallax list`) stays fast and works on machines
without a display or Qt's system libraries.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from library.article import Article

NO_DISPLAY = (
    "Parallax needs a graphical display: none was found (DISPLAY is not set). "
    "Run it on a desktop session, or use `parallax --help` for the command-line tools."
)
MISSING_LIBS = (
    "Parallax's window cannot start: Qt's system libraries are missing ({detail}). "
    "On Debian/Ubuntu install them with: "
    "sudo apt install libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3"
)
# Benchmark hook (benchmarks/startup_bench.py): print the wall-clock time of the
# first paint of the window, then quit.
BENCH_ENV = "PARALLAX_EXIT_AFTER_PAINT"
SCREENSHOT_SIZE = (1440, 900)
_SYSTEM_LIB_HINTS = (
    "libegl",
    "libgl",
    "libxkbcommon",
    "libfontconfig",
    "libglib",
    "libdbus",
    "libx11",
    "libxcb",
    "cannot open shared object",
)


def _check_display(screenshot: str | None) -> bool:
    """False (after telling the user) if there is no display to open a window on."""
    if not sys.platform.startswith("linux"):
        return True
    if any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return True
    if screenshot:
        # A screenshot needs no screen: render off-screen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return True
    print(NO_DISPLAY, file=sys.stderr)
    return False


def run_app(
    *,
    data_dir: str | None,
    files: list[str],
    screenshot: str | None = None,
    screenshot_size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    """Open the Parallax window and run until it closes.

    Args:
        data_dir: the `--data-dir` option (None: `$PARALLAX_HOME` or the user data dir).
        files: nothing (open on the library), one file or id (select it), or two
            (open straight into their comparison, importing files as needed).
        screenshot: if given, render the window to this PNG once it is painted
            (and the comparison is ready) and exit.
        screenshot_size: the window's size for the screenshot (width, height).

    Returns:
        The process exit status: 0 fine, 1 error, 2 cannot run here.
    """
    if not _check_display(screenshot):
        return 2
    if len(files) > 2:
        print("Give at most two articles (files or ids) to compare.", file=sys.stderr)
        return 2
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        text = str(exc)
        if any(hint in text.lower() for hint in _SYSTEM_LIB_HINTS):
            print(MISSING_LIBS.format(detail=text), file=sys.stderr)
            return 2
        raise

    from desktop.feature_scan import enter_known_modules

    enter_known_modules()  # before our imports: PySide's import hook need not read them
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.text import message_box, warn
    from desktop.theme import apply_theme, new_application
    from library.collection import Collection
    from library.errors import ParallaxError

    _quiet_platform_noise()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else new_application(sys.argv[0])
    app.setApplicationName("Parallax")
    app.setOrganizationName("Parallax")
    app.setDesktopFileName("parallax")
    apply_theme(app)

    def fail(message: str) -> int:
        _print_error(message)
        if not screenshot:
            from PySide6.QtWidgets import QMessageBox  # only when something went wrong

            warn(None, "Parallax", message, QMessageBox.Icon.Critical)
        return 1

    try:
        collection = Collection(data_dir)
    except ParallaxError as exc:
        return fail(str(exc))
    try:
        problem = ""
        try:
            articles = [collection.resolve(ref) for ref in files]
        except ParallaxError as exc:
            if screenshot:
                return fail(str(exc))
            # Open on the library anyway, and say why the comparison is not shown.
            articles, problem = [], str(exc)
        window = MainWindow(collection, Settings(collection.data_dir))
        if screenshot:
            # The same picture whatever size the window was last left at.
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(*screenshot_size)
        window.show()
        _open_files(window, articles)
        if problem:
            _print_error(problem)
            from PySide6.QtWidgets import QMessageBox

            box = message_box(window, QMessageBox.Icon.Warning, "Parallax", problem)
            box.open()
        # After the first paint: `signal` (and its enums) is not needed before it.
        window.notes_dock.after_first_paint(lambda: _close_on_interrupt(window))
        if os.environ.get(BENCH_ENV):
            _exit_after_first_paint(window)
        if screenshot:
            from desktop.screenshot import ScreenshotWhenReady

            ready = window.comparison_settled if len(articles) == 2 else None
            if ready is None and window.coverage.article_id is not None:
                ready = window.coverage.finished  # the library with its coverage list
            ScreenshotWhenReady(window, Path(screenshot), ready, on_done=app.exit)
        status = app.exec()
        if screenshot:
            window.close()
        return status
    finally:
        collection.close()


def _print_error(message: str) -> None:
    # library.terminal loads only when there is something to say (not at start-up).
    from library.terminal import safe

    print(safe(message, multiline=True), file=sys.stderr)


def _open_files(window: MainWindow, articles: list[Article]) -> None:
    if len(articles) == 2:
        window.open_comparison(articles[0], articles[1])
    elif len(articles) == 1 and articles[0].id is not None:
        window.library_view.select_ids([int(articles[0].id)])


def _close_on_interrupt(window: MainWindow) -> None:
    """Ctrl+C in the terminal closes the window properly (saving state and notes)."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGINT, lambda *_: window.close())
    # Python runs signal handlers only when it gets control: wake it up now and then.
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def _exit_after_first_paint(window: MainWindow) -> None:
    """Print when the window first paints (wall clock, and the process's CPU seconds), then quit.

    With `PARALLAX_EXIT_AFTER_PAINT=rows`, wait for the first paint of the
    library table with its rows in (they are listed on the task thread).
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.viewport import viewport_of

    model = window.library_view.model
    rows = os.environ.get(BENCH_ENV) == "rows"

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or getattr(self, "done", False):
                return False
            if rows and (model.loading or not model.rowCount()):
                return False
            self.done = True
            # Painting is done once this event returns; report just after.
            QTimer.singleShot(
                0,
                lambda: (
                    print(f"painted {time.time():.6f} {time.process_time():.6f}", flush=True),
                    QApplication.quit(),
                ),
            )
            return False

    spy = FirstPaint(window)
    window.installEventFilter(spy)
    if rows:
        viewport_of(window.library_view.table).installEventFilter(spy)


def _quiet_platform_noise() -> None:
    """Drop the offscreen plugin's "does not support propagateSizeHints()" warning.

    It is printed for every main window under `QT_QPA_PLATFORM=offscreen`
    (screenshots, CI) and means nothing to a user; all other messages pass.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous = None

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)

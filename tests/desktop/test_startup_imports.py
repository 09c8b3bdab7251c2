"""Starting the window does not load the comparison engine (or numpy, scipy):
they load with the first comparison, in the background."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import python_output


def test_the_main_window_module_loads_no_engine() -> None:
    code = (
        "import sys, desktop.main_window\n"
        "heavy = ['library.compare.engine', 'library.compare.crosslingual', 'scipy', 'cn2an']\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    assert python_output(code).strip() == ""


def test_engine_names_still_import_from_the_package() -> None:
    from library.compare import HARD_KINDS, IdfTable, LexicalBackend, compare_texts
    from library.compare.kinds import MATERIAL_KINDS

    assert HARD_KINDS == MATERIAL_KINDS
    assert IdfTable.__name__ == "IdfTable" and LexicalBackend.__name__ == "LexicalBackend"
    assert compare_texts("A fire broke out.", "A fire broke out.").summary.shared == 1


def test_the_main_window_module_loads_no_comparison_page_dialogs_or_sqlite_utils() -> None:
    # Half of the window's imports were the comparison page (and the report
    # builders it exports with); they load on first use now.
    code = (
        "import sys, desktop.main_window\n"
        "late = ['desktop.comparison.view', 'desktop.comparison.reviewing',\n"
        "        'library.export.comparison_report', 'desktop.importing.report',\n"
        "        'desktop.about', 'importlib.metadata', 'sqlite_utils',\n"
        # The notes panel is built after the first paint; the noted-passage
        # read (with the comparison and notes models) with the first comparison.
        "        'desktop.notes.panel', 'desktop.comparison.preload', 'library.notes.model',\n"
        "        'library.compare.model']\n"
        "print(' '.join(m for m in late if m in sys.modules))\n"
    )
    assert python_output(code).strip() == ""


def test_the_lazy_package_names_still_import() -> None:
    from desktop.comparison import ComparisonView
    from library.export import ComparisonLayout, to_html

    assert ComparisonView.__name__ == "ComparisonView"
    assert ComparisonLayout.__name__ == "ComparisonLayout" and callable(to_html)


def test_the_window_and_an_opened_library_load_no_importer(tmp_path: Path) -> None:
    # The importer (ingest's ~40 regexes, the worker pool, multiprocessing) is
    # not on the start path: it loads with the first import.  A seeded library
    # opens without it; seeding a new one loads it.
    code = (
        "import sys, desktop.main_window\n"
        "from library.collection import Collection\n"
        "c = Collection(sys.argv[1])\n"
        "c.close()\n"
        "late = ['library.importer', 'library.ingest', 'library.import_pipeline',\n"
        "        'multiprocessing']\n"
        "print(' '.join(m for m in late if m in sys.modules))\n"
    )

    def loaded() -> str:
        return python_output(code, str(tmp_path)).strip()

    assert "library.importer" in loaded()  # a new data dir: the samples are imported
    assert loaded() == ""


def test_the_first_paint_loads_only_what_it_shows(tmp_path: Path) -> None:
    # Taken off the path to the first paint: the search's modules (query
    # parser, snippets, language detection), the ranking of other coverage,
    # the dialogs (picker, remove, discard), the empty-search overlay, the
    # notes panel, uuid, OpenCC, the importer (not its status-bar strip),
    # `html` (a 2,000-entry table) and the Qt classes only dialogs and notes
    # use (PySide makes a class, and its enums, when its name is first
    # imported: a module-level import is a start-up cost).
    # Importing the window and the collection compiles none of
    # `library.chinese`'s regexes (the listing's worker thread may, for the
    # rows' lengths, before or after the paint).
    from library.collection import Collection

    Collection(tmp_path).close()  # seeded here: seeding loads the importer
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import library.chinese\n"
        "from desktop.main_window import MainWindow\n"
        "from desktop.settings import Settings\n"
        "from library.collection import Collection\n"
        "compiled = [n for n in ('CJK_CHAR', 'HAN_CHAR') if n in vars(library.chinese)]\n"
        "compiled.append(f'compiled={library.chinese._re.cache_info().currsize}')\n"
        "late = ['desktop.library.empty_state', 'desktop.library.dialogs',\n"
        "        'desktop.library.removing', 'library.fts_query', 'library.search_snippet',\n"
        "        'library.language', 'library.coverage', 'library.terminal', 'uuid',\n"
        "        'opencc', 'desktop.notes.panel', 'library.notes',\n"
        # The import machinery: made with the first import or drag.
        "        'desktop.importing.controller', 'desktop.importing.warmup',\n"
        "        'desktop.importing.worker', 'html']\n"
        "import PySide6.QtGui as gui, PySide6.QtWidgets as widgets\n"
        "qt_late = {widgets: ['QMessageBox', 'QFileDialog'],\n"
        "           gui: ['QTextCharFormat', 'QTextCursor']}\n"
        "seen = None\n"
        "class FirstPaint(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        global seen\n"
        "        if event.type() == QEvent.Type.Paint and seen is None:\n"
        "            seen = [m for m in late if m in sys.modules]\n"
        "            seen += [n for module, names in qt_late.items() for n in names\n"
        "                     if n in vars(module)]\n"
        "            app.quit()\n"
        "        return False\n"
        "collection = Collection(sys.argv[1])\n"
        "win = MainWindow(collection, Settings(collection.data_dir))\n"
        "spy = FirstPaint()\n"
        "win.installEventFilter(spy)\n"
        "win.show()\n"
        "app.exec()\n"
        "print(' '.join(compiled + seen))\n"
        "win.close()\n"
        "collection.close()\n"
    )
    assert python_output(code, str(tmp_path)).strip() == "compiled=0"


def test_the_chinese_patterns_compile_on_first_use() -> None:
    import library.chinese as chinese
    from library.chinese import CJK_CHAR, HAN_CHAR

    assert CJK_CHAR.fullmatch("中") and not CJK_CHAR.fullmatch("a")
    assert HAN_CHAR.fullmatch("國") and not HAN_CHAR.fullmatch("か")
    assert chinese.CJK_CHAR is CJK_CHAR  # compiled once, then an ordinary attribute
    assert chinese.is_chinese("国家安全部 said") and not chinese.is_chinese("A 国 word")
    with pytest.raises(AttributeError):
        chinese.NO_SUCH_PATTERN  # noqa: B018


def test_after_the_notes_warm_up_the_panel_imports_nothing_on_the_gui_thread(
    tmp_path: Path,
) -> None:
    # The warm-up runs on a worker thread; opening notes.db and making the
    # panel (the GUI thread's slices) must then find every module loaded.
    from library.collection import Collection

    Collection(tmp_path).close()
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import desktop.main_window as window\n"
        "from library.collection import Collection\n"
        "collection = Collection(sys.argv[1])\n"
        "window._import_notes_modules()\n"
        "before = set(sys.modules)\n"
        "collection.notes\n"
        "from desktop.notes.panel import NotesPanel\n"
        "panel = NotesPanel(collection)\n"
        "new = sorted(m for m in set(sys.modules) - before\n"
        "             if m.split('.')[0] in ('desktop', 'library'))\n"
        "print(' '.join(new))\n"
        "collection.close()\n"
    )
    assert python_output(code, str(tmp_path)).strip() == ""


def test_the_window_and_library_load_no_json() -> None:
    # json (~2 ms of imports) loads with the first stored recent comparison
    # or word-frequency lookup, not with the window (desktop.recent and
    # library.store.word_frequencies imported it at module level).
    code = (
        "import sys, desktop.main_window, library.collection, library.store.word_frequencies\n"
        "print('json' in sys.modules)\n"
    )
    assert python_output(code).strip() == "False"


def test_ctrl_c_is_handled_from_just_after_the_first_paint(tmp_path: Path) -> None:
    # `signal` (its module and enums) loads after the first paint, not before;
    # Ctrl+C in the terminal still closes the window from then on.
    from library.collection import Collection

    Collection(tmp_path).close()
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "import desktop.theme as theme\n"
        "seen = []\n"
        "class FirstPaint(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow)"
        " and not seen:\n"
        "            seen.append('signal' in sys.modules)\n"
        "            QTimer.singleShot(300, check)\n"
        "        return False\n"
        "def check():\n"
        "    import signal\n"
        "    seen.append(signal.getsignal(signal.SIGINT) is not signal.default_int_handler)\n"
        "    QApplication.instance().quit()\n"
        "made = theme.new_application\n"
        "spy = FirstPaint()\n"
        "def new_application(program):\n"
        "    app = made(program)\n"
        "    app.installEventFilter(spy)\n"
        "    return app\n"
        "theme.new_application = new_application\n"
        "from desktop.app import run_app\n"
        "run_app(data_dir=sys.argv[1], files=[])\n"
        "print(seen)\n"
    )
    assert python_output(code, str(tmp_path)).strip() == "[False, True]"


def test_the_tables_and_recent_lists_records_compile_no_methods_at_import() -> None:
    # A dataclass writes its methods' source and compiles it when its module
    # loads (~0.5 ms of CPU each, before the first paint): 5,000 characters for
    # these three.  As named tuples only a one-line `__new__` each and the
    # fields' annotations are compiled.
    code = (
        "import sys\n"
        "import desktop.library.columns, desktop.settings, desktop.text, library.article\n"
        "import library.records, PySide6.QtCore, PySide6.QtWidgets\n"
        "sizes = []\n"
        "sys.addaudithook(lambda event, args: sizes.append(len(args[0]))"
        " if event == 'compile' and args[1] == '<string>' else None)\n"
        "import desktop.library.model, desktop.recent\n"
        "print(max(sizes, default=0), sum(sizes))\n"
    )
    longest, total = (int(n) for n in python_output(code).split())
    assert longest < 200 and total < 800

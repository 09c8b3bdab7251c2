"""The core must never pull in Qt: its tests and the CLI need no display."""

from __future__ import annotations

import pkgutil

import library
from tests.helpers import python_output


def test_importing_every_library_module_imports_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(library.__path__, "library.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'desktop')\n"
        "bad = sorted(m for m in sys.modules if m.startswith(qt))\n"
        "print(','.join(bad))\n"
    )
    assert python_output(code).strip() == ""
    assert len(modules) > 5


def test_cli_start_up_defers_the_heavy_readers() -> None:
    # Only an import or a comparison needs these; `parallax list` must not pay for them.
    code = (
        "import sys, library.cli\n"
        "heavy = ('trafilatura', 'charset_normalizer', 'frontmatter', 'yaml', 'pysbd')\n"
        "print(','.join(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    assert python_output(code).strip() == ""

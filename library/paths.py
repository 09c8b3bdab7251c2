"""Where Parallax keeps its files: one private data directory per user.

Resolution order: an explicit `--data-dir`, then `$PARALLAX_HOME`, then the
platform's user data directory (e.g. `~/.local/share/parallax`).
"""

from __future__ import annotations

import os
from pathlib import Path

from library.errors import DatabaseError

ENV_VAR = "PARALLAX_HOME"
LIBRARY_DB = "library.db"
NOTES_DB = "notes.db"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to use, created with mode 0700 if missing.

    Args:
        explicit: a directory given on the command line; wins over everything.
    """
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        import platformdirs  # only when no directory is given: not at start-up

        path = Path(platformdirs.user_data_dir("parallax", appauthor=False))
    path = path.expanduser().resolve()
    ensure_private_dir(path)
    return path


def display_path(path: str | os.PathLike[str]) -> str:
    """`path` as text that can be stored and printed.

    A file name that is not valid UTF-8 reaches Python with surrogate escapes,
    which SQLite and a UTF-8 terminal refuse; its odd bytes are shown as
    `\\xNN` instead.  Equal paths give equal text, so re-imports still match.
    """
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) and make it readable only by its owner.

    Raises:
        DatabaseError: `path` cannot be a private directory (it is a file, a
            parent is missing or read-only, it belongs to someone else…).
    """
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path, 0o700)
    except OSError as exc:
        raise DatabaseError(
            f"Cannot use {display_path(path)} as a data directory: {exc.strerror or exc}"
        ) from exc

"""Where Parallax keeps its files: one private data directory per user.

Resolution order: an explicit `--data-dir`, then `$PARALLAX_HOME`, then the
platform's user data directory (e.g. `~/.local/share/parallax`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from library.errors import DatabaseError

ENV_VAR = "PARALLAX_HOME"
LIBRARY_DB = "library.db"
NOTES_DB = "notes.db"


def data_dir(explicit: str | os.PathLike[str] | None = None, *, create: bool = True) -> Path:
    """The data directory to use, created with mode 0700 if missing.

    Args:
        explicit: a directory given on the command line; wins over everything.
        create: False for a reading command: nothing is created or changed.
    """
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        import platformdirs  # only when no directory is given: not at start-up

        path = Path(platformdirs.user_data_dir("parallax", appauthor=False))
    path = path.expanduser().resolve()
    if create:
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
    """Create `path` (and parents) readable only by its owner, or make an existing one so.

    An existing folder only loses group/other access: permissions are never
    added, so a folder the user made read-only (0500) stays read-only.

    Raises:
        DatabaseError: `path` cannot be a private directory (it is a file, a
            parent is missing or read-only, it belongs to someone else…).
    """
    try:
        created = not path.exists()
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        mode = stat.S_IMODE(path.stat().st_mode)
        wanted = 0o700 if created else mode & 0o700
        if mode != wanted:
            try:
                os.chmod(path, wanted)
            except OSError as exc:
                if exc.errno != errno.EROFS:  # a read-only mount: nothing to protect from
                    raise
    except OSError as exc:
        raise DatabaseError(
            f"Cannot use {display_path(path)} as a data directory: {exc.strerror or exc}"
        ) from exc

"""The one way Parallax writes a file the user asked for: `write_export`.

Every export (notes as Markdown or JSON, comparison reports as HTML or
Markdown, from the CLI or the window) goes through `write_export`, which:

- refuses Parallax's own files: anything inside the data directory
  (`library.db`, `notes.db` and their `-wal`/`-shm`/`-journal`, `backups/`,
  `settings.ini`, set-aside damaged files…), found by resolved path *and* by
  device and inode, so a symlink or a hard link to `notes.db`, or another
  spelling of the data dir's path, is refused too;
- refuses a target that exists and is not a regular file (a device such as
  /dev/null, a FIFO): the rename would replace it;
- writes a temporary file next to the target (mode 0600: notes and the
  articles compared are private), fsyncs it and renames it over the target,
  so a crash or a full disk leaves the old file or the new one, never half
  of either, and an existing hard link elsewhere is never written through.

Nothing is written when the target is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from library.errors import ParallaxError, RefusedTarget


def write_export(path: Path, data: str | bytes, *, data_dir: Path) -> Path:
    """Write `data` (text as UTF-8) to `path`, never over Parallax's own files.

    Args:
        path: the file the user chose; a symlink is followed to its target.
        data: the export's content.
        data_dir: the Parallax data directory whose files are protected.

    Returns:
        The file written (`path` with symlinks resolved).

    Raises:
        RefusedTarget: `path` is, or leads to, one of Parallax's own files.
        ParallaxError: `path` cannot be written (nothing is left behind).
    """
    target = Path(os.path.abspath(path)).resolve()
    check_target(target, data_dir=data_dir, shown=path)
    write_private(target, data)
    return target


def check_target(path: Path, *, data_dir: Path, shown: Path | None = None) -> None:
    """Raise `RefusedTarget` if writing `path` could touch Parallax's own files.

    Args:
        path: the file about to be written.
        data_dir: the Parallax data directory.
        shown: the path as the user gave it, for the message.
    """
    shown = path if shown is None else shown
    target = Path(os.path.abspath(path)).resolve()
    home = Path(os.path.abspath(data_dir)).resolve()
    if target == home or home in target.parents:
        raise _refusal(shown, f"it is inside Parallax's data folder {home}")
    # The rename would put a regular file in place of a device, a FIFO or a
    # socket: run as root, `-o /dev/null` replaced /dev/null itself.
    with contextlib.suppress(OSError):  # missing, or unstatable: the write says why
        mode = os.stat(target).st_mode
        if stat.S_ISDIR(mode):
            raise ParallaxError(f"Cannot write {shown}: it is a folder. Choose a file name.")
        if not stat.S_ISREG(mode):
            raise ParallaxError(
                f"Will not export over {shown}: it is not a regular file (a device, a pipe "
                "or a socket). Choose a file name; without -o the export is printed."
            )
    own = _identities(home)
    if not own:
        return
    # The same folder or file under another name: a bind mount, a case-
    # insensitive file system, a hard link.
    with contextlib.suppress(OSError):
        name = own.get(_identity(target.parent))
        if name is not None:
            raise _refusal(shown, f"its folder is Parallax's {name} ({home})")
    with contextlib.suppress(OSError):
        name = own.get(_identity(target)) if target.is_file() else None
        if name is not None:
            raise _refusal(shown, f"it is the same file as Parallax's {name} (a link to it)")


def write_private(path: Path, data: str | bytes) -> None:
    """Write `path` atomically with mode 0600: temp file, fsync, rename.

    No guard: for Parallax's own writes (e.g. unsaved-note drafts in the
    data dir).  Exports use `write_export`.

    Raises:
        ParallaxError: the file cannot be written; no temporary file is left.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        # mkstemp creates the file 0600 and with a name no one else can take.
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ParallaxError(f"Cannot write {path}: {_no_temp_reason(folder, exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise ParallaxError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    _sync_folder(folder)


def _no_temp_reason(folder: Path, exc: OSError) -> str:
    """Why no temporary file could be made in `folder`, for "Cannot write PATH: …"."""
    reason = exc.strerror or str(exc)
    try:
        is_folder = folder.is_dir()
    except OSError:
        return reason
    if not is_folder:
        return reason  # "No such file or directory": the folder is missing
    # The folder is there but takes no new file (/proc, /sys): the bare
    # "No such file or directory" read as if the file named were missing.
    return f"no new file can be made in {folder} ({reason.lower()})"


def _refusal(path: Path, why: str) -> RefusedTarget:
    return RefusedTarget(
        f"Will not export over {path}: {why}; writing there could destroy your library "
        "or notes. Choose another file."
    )


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _identities(home: Path) -> dict[tuple[int, int], str]:
    """(device, inode) → name, for the data dir and every file and folder inside it."""
    found: dict[tuple[int, int], str] = {}
    try:
        found[_identity(home)] = "data folder"
    except OSError:
        return found  # no data dir yet: nothing to protect by inode
    for folder, dirs, files in os.walk(home):
        for name in [*dirs, *files]:
            entry = Path(folder) / name
            with contextlib.suppress(OSError):
                info = os.stat(entry, follow_symlinks=False)
                found[(info.st_dev, info.st_ino)] = str(entry.relative_to(home))
    return found


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk (POSIX).
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

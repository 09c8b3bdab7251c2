"""Whether Parallax may write a database file: the permissions the user set.

Decided from the permission bits the user set, not only from what the OS
allows (running as root ignores a 0400 file, but the user meant it), and
from read-only mounts.  `library.database` asks before every write open.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def write_refusal(path: Path, purpose: str) -> str | None:
    """Why Parallax must not write `path` (one line for the user), or None if it may.

    Looks at the file and at the folder it is (or would be created) in.
    Decided from the permission bits the user set, not only from what the
    OS allows: running as root ignores a 0400 file, but the user meant it.
    """
    folder = nearest_existing(path.parent)
    if folder is not None and not folder.is_dir():
        return None  # creating the folder fails with its own clear message
    for target in (path, folder):
        if target is None or not target.exists():
            continue
        if on_read_only_fs(target):
            return f"{target} is on a read-only file system; make it writable to {purpose}."
        mode = stat.S_IMODE(target.stat().st_mode)
        if not mode & stat.S_IWUSR:
            return (
                f"{target} is read-only (mode {mode:04o}): Parallax will not change "
                f"permissions you set; make it writable to {purpose}."
            )
        if not os.access(target, os.W_OK):
            return f"{target} is not writable by this user; make it writable to {purpose}."
    return None


def may_write_in(folder: Path) -> bool:
    # The user's permission bits, not only the OS's (root ignores them).
    try:
        return bool(folder.stat().st_mode & stat.S_IWUSR) and not on_read_only_fs(folder)
    except OSError:
        return False


def on_read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def nearest_existing(path: Path) -> Path | None:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return None

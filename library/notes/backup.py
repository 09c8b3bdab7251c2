"""Rolling backups of `notes.db`, made with SQLite's online backup API.

The backup API copies a consistent snapshot even while another window is
writing, which a file copy of a WAL database does not.  Copies go to
`<data dir>/backups/notes-YYYYmmdd-HHMMSS.db` (mode 0600) and only the newest
few are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from library.paths import ensure_private_dir

KEEP = 5
PREFIX = "notes-"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[Path]:
    """Existing note backups, oldest first (names sort by time)."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(f"{PREFIX}*.db") if p.is_file()), key=_age_key)


def _age_key(path: Path) -> tuple[str, int]:
    # "notes-20260101-120000.db" < "notes-20260101-120000-2.db" (same second, made later).
    parts = path.stem[len(PREFIX) :].split("-")
    counter = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
    return "-".join(parts[:2]), counter


def make_backup(conn: sqlite3.Connection, data_dir: Path, *, keep: int = KEEP) -> Path:
    """Copy the open database to a new timestamped file and prune old copies.

    Args:
        conn: an open connection to `notes.db`.
        data_dir: the Parallax data dir; backups go to its `backups/` folder.
        keep: how many backups to keep, newest first.

    Returns:
        The new backup's path.
    """
    folder = backups_dir(data_dir)
    ensure_private_dir(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    # Same second as an earlier backup: number it after the highest one, so
    # names keep sorting by age even after pruning frees a lower number.
    same = [_age_key(p)[1] for p in list_backups(data_dir) if _age_key(p)[0] == stamp]
    n = max(same, default=0) + 1
    target = folder / (f"{PREFIX}{stamp}.db" if n == 1 else f"{PREFIX}{stamp}-{n}.db")
    # Write to a temporary name so a crash never leaves a half copy that
    # looks like a good backup.
    partial = target.with_suffix(".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    dest = sqlite3.connect(str(partial))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    os.chmod(partial, 0o600)
    partial.replace(target)
    prune(data_dir, keep=keep)
    return target


def prune(data_dir: Path, *, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; returns the ones removed."""
    existing = list_backups(data_dir)
    doomed = existing[: max(0, len(existing) - keep)]
    for path in doomed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return doomed


def backed_up_today(data_dir: Path) -> bool:
    """True if a backup was already made today (local time)."""
    today = dt.datetime.now().strftime("%Y%m%d")
    return any(p.name.startswith(f"{PREFIX}{today}") for p in list_backups(data_dir))

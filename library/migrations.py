"""Schema steps declared without loading sqlite-utils until one must run.

`Migrations` has the API of sqlite-utils' `Migrations` (`@migrations()` per
step, `pending`, `apply`, steps recorded in `_sqlite_migrations`), but only
remembers the steps: sqlite-utils (≈ 0.1–0.2 s of imports: click, pluggy,
dateutil) is imported when a step is pending, which an up-to-date library
never is.  Whether one is pending is read with plain `sqlite3`
(`pending_names`), so opening the window or running `parallax list` never
imports it.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils import migrations as sqlite_utils_migrations

#: sqlite-utils' bookkeeping table: one row per applied step.
MIGRATIONS_TABLE = "_sqlite_migrations"

_Step = TypeVar("_Step", bound=Callable[..., None])


@dataclass(frozen=True)
class Step:
    """One schema step: its recorded name, the function, whether it runs in a transaction."""

    name: str
    fn: Callable[[sqlite_utils.Database], None]
    transactional: bool = True


class Migrations:
    """A named, ordered set of schema steps (sqlite-utils' `Migrations` API).

    Args:
        name: the migration set's name in `_sqlite_migrations`.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Step] = []

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[_Step], _Step]:
        """Register the decorated function as the next step."""

        def register(fn: _Step) -> _Step:
            step = name or fn.__name__
            if any(m.name == step for m in self._migrations):
                raise ValueError(f"Migration '{step}' is already registered in set '{self.name}'")
            self._migrations.append(Step(step, fn, transactional))
            return fn

        return register

    def pending(self, db: sqlite_utils.Database) -> list[Any]:
        """The steps not applied to `db` yet (read-only)."""
        return self._real().pending(db)

    def applied(self, db: sqlite_utils.Database) -> list[Any]:
        """The steps recorded in `db`, in the order they were applied (read-only)."""
        return self._real().applied(db)

    def apply(self, db: sqlite_utils.Database, **kwargs: Any) -> None:
        """Apply the pending steps to `db`, each with its record, as sqlite-utils does."""
        self._real().apply(db, **kwargs)

    def _real(self) -> sqlite_utils_migrations.Migrations:
        load_sqlite_utils()
        from sqlite_utils.migrations import Migrations as Real

        real = Real(self.name)
        for step in self._migrations:
            real(name=step.name, transactional=step.transactional)(step.fn)
        return real


def pending_names(conn: sqlite3.Connection, migrations: Any) -> list[str]:
    """The names of `migrations`' steps not recorded in `conn`'s database (plain sqlite3).

    `migrations` is ours or sqlite-utils' own (both have `name` and `_migrations`).
    """
    names = [step.name for step in migrations._migrations]
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if exists is None:
        return names
    applied = {
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [migrations.name]
        )
    }
    return [name for name in names if name not in applied]


def load_sqlite_utils() -> None:
    """Import sqlite-utils without numpy and pandas.

    sqlite-utils imports them, if installed, only to accept their values as
    column values, which Parallax never passes: numpy alone was about 0.3 s
    of every `parallax list`.  They are hidden while it loads (unless a caller
    loaded them already); the comparison engine imports numpy as usual.
    """
    if "sqlite_utils.db" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))  # type: ignore[arg-type]  # None: "not installed"
    try:
        import sqlite_utils
        import sqlite_utils.migrations  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]

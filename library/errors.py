"""Errors a user can act on, split as qutebrowser splits them.

`ParallaxError` and its subclasses carry a message fit to show as-is; anything
else escaping the core is a bug.
"""

from __future__ import annotations

import sqlite3


class ParallaxError(Exception):
    """Base class: the message is written for the user."""


class ImportRefused(ParallaxError):
    """A file could not be imported; the message says why (binary, empty, too large…)."""


class DatabaseError(ParallaxError):
    """The environment's fault: the database is locked, unreadable, corrupt or full."""


class DatabaseLocked(DatabaseError):
    """Another process holds the database for longer than our busy timeout."""


class DatabaseCorrupt(DatabaseError):
    """The file is not a usable SQLite database: it may be moved aside and started afresh."""


class DatabaseTooNew(DatabaseError):
    """A newer Parallax wrote the file: it is sound and must never be moved aside."""


class NotFound(ParallaxError):
    """No record has the requested id."""


class InvalidQuery(ParallaxError):
    """A search text that cannot be turned into a query (e.g. nothing but punctuation)."""


class InvalidNote(ParallaxError):
    """A note (typed, or read from an import file) that cannot be stored as given."""


class InvalidReview(ParallaxError):
    """A review that cannot be stored as given (unknown relation, empty side…)."""


class BadClaimSpec(ParallaxError):
    """A `--claim` value that is not `A_UNITS:B_UNITS`."""


class RefusedTarget(ParallaxError):
    """An export's chosen file is one of Parallax's own; nothing was written."""


class ModelUnavailable(RuntimeError):
    """The sentence encoder cannot be loaded (package missing or damaged).

    Not a `ParallaxError`: callers fall back to the words-only engine and say
    so once (`Collection.backend_notice`) rather than show it as a failure.
    """


class DatabaseReadOnly(DatabaseError):
    """The file or its folder is read-only (permissions, mount): reads work, writes are refused."""


#: What reading a store may raise that a view reports rather than crash on: our
#: errors, and SQLite's own for a connection closed under a late job (the window
#: closing).  Views catch this instead of importing `sqlite3`.
STORE_ERRORS: tuple[type[Exception], ...] = (ParallaxError, sqlite3.Error)

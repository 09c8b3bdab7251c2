"""Plain records the window may hold, without reaching into the stores.

The window talks to the data only through `Collection` (see
`tests/desktop/test_layering.py`); the records its methods return are
defined beside the stores that build them and re-exported here.
"""

from __future__ import annotations

from library.store.aliases import Alias
from library.store.listing import ArticleSummary

__all__ = ["Alias", "ArticleSummary"]

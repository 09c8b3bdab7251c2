"""Turning files into `Article` records.

`read_article(path)` is the one entry point: it refuses what it cannot read
with an `ImportRefused` whose message names the reason, and otherwise returns
an `Article` (not yet stored) with only the metadata the file states.
"""

from library.ingest.reader import MAX_BYTES, SUPPORTED_SUFFIXES, read_article

__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "read_article"]

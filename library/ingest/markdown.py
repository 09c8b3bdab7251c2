"""Markdown with optional YAML front matter."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from library.errors import ImportRefused
from library.ingest.parsed import Parsed
from library.ingest.simple_front_matter import split_simple

_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_OUTLET_KEYS = ("outlet", "source", "publisher", "site", "site_name")
_DATE_KEYS = ("published", "date", "published_at")


def parse_markdown(text: str) -> Parsed:
    """Front-matter metadata and the Markdown body, heading markers dropped.

    Raises:
        ImportRefused: the front matter is not valid YAML, or uses aliases.
    """
    simple = split_simple(text)
    meta, content = simple if simple is not None else _full_front_matter(text)
    return Parsed(
        # No "#", no heading marker: no scan of every line start.
        body=_HEADING.sub("", content) if "#" in content else content,
        title=_text(meta.get("title")),
        outlet=_first(meta, _OUTLET_KEYS),
        author=_author(meta.get("author") or meta.get("authors")),
        published=_first(meta, _DATE_KEYS),
        url=_text(meta.get("url") or meta.get("link")),
        language=_text(meta.get("language") or meta.get("lang")),
    )


def _full_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """`load_front_matter(text)`, its errors as refusals."""
    # Imported here, as trafilatura is in `html`: start-up, and a file whose
    # header is plain `key: "text"` lines, need not pay for YAML.
    import yaml

    from library.ingest.front_matter import AliasRefused, load_front_matter

    try:
        return load_front_matter(text)
    except AliasRefused as exc:
        raise ImportRefused(
            "has front matter that uses YAML aliases (*name), which Parallax does not expand"
        ) from exc
    except (yaml.YAMLError, ValueError) as exc:
        # ValueError: YAML that parses but names an impossible date (2021-02-30).
        raise ImportRefused(
            f"has front matter that is not valid YAML ({_first_line(exc)})"
        ) from exc
    except RecursionError as exc:
        raise ImportRefused("has front matter nested too deeply to read") from exc


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _text(meta.get(key))
        if value:
            return value
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _author(value: Any) -> str | None:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return _text(value)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]

"""Read one file into an `Article`, refusing what is not a readable article."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from library.article import Article
from library.errors import ImportRefused
from library.ingest.dateline import stated_date
from library.ingest.decoding import decode_bytes
from library.ingest.html import parse_html
from library.ingest.markdown import parse_markdown
from library.ingest.normalize import normalize_body, scrub
from library.ingest.parsed import Parsed
from library.ingest.titles import derive_title, has_visible_text, strip_invisible
from library.paths import display_path

MAX_BYTES = 20 * 1024 * 1024
_PARSERS: dict[str, Callable[[str], Parsed]] = {
    ".txt": lambda text: Parsed(body=text),
    ".text": lambda text: Parsed(body=text),
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".xhtml": parse_html,
}
SUPPORTED_SUFFIXES = frozenset(_PARSERS)


def read_article(
    path: Path, *, max_bytes: int = MAX_BYTES, real_path: str | None = None
) -> Article:
    """Read `path` into an unsaved `Article`.

    Args:
        real_path: `path` resolved, when the caller knows it (a folder walk
            resolves the folder once); used unless `path` is itself a link.

    Raises:
        ImportRefused: with a message that completes "FILE …", e.g. "is empty".
    """
    suffix = path.suffix.lower()
    parser = _PARSERS.get(suffix)
    if parser is None:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ImportRefused(
            f"has an unsupported type ({suffix or 'no extension'}); Parallax reads {kinds}"
        )
    data = _read_bytes(path, max_bytes)
    text, encoding = decode_bytes(data)
    parsed = _scrubbed(parser(text))
    body = normalize_body(parsed.body)
    if not has_visible_text(body):  # e.g. only zero-width spaces
        raise ImportRefused("has no article text")
    return Article(
        title=strip_invisible(parsed.title or "") or derive_title(body),
        body=body,
        outlet=parsed.outlet,
        author=parsed.author,
        published=parsed.published or stated_date(parsed.body),
        url=parsed.url,
        language=parsed.language,
        source_path=display_path(_resolved(path, real_path)),
        extra={"encoding": encoding},
    )


def _resolved(path: Path, known: str | None) -> str:
    if known is not None and not os.path.islink(path):
        return known
    return os.fspath(path.resolve())


def _scrubbed(parsed: Parsed) -> Parsed:
    # Escapes in front matter and character references in HTML can name what
    # no decoder lets through (a lone surrogate, a NUL).
    fields = vars(parsed)  # a frozen dataclass's fields (it has no slots)
    if all(not isinstance(v, str) or (v.isascii() and "\x00" not in v) for v in fields.values()):
        return parsed  # nothing `scrub` would change (most files): no copy
    return Parsed(**{k: scrub(v) if isinstance(v, str) else v for k, v in fields.items()})


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise ImportRefused("does not exist") from exc
    except OSError as exc:
        raise ImportRefused(f"cannot be read ({exc.strerror})") from exc
    if not path.is_file():
        raise ImportRefused("is not a regular file")
    if size == 0:
        raise ImportRefused("is empty")
    if size > max_bytes:
        raise ImportRefused(
            f"is too large ({size / 1_048_576:.1f} MB; the limit is {max_bytes / 1_048_576:.0f} MB)"
        )
    if not os.access(path, os.R_OK):
        raise ImportRefused("cannot be read (permission denied)")
    try:
        with path.open("rb") as handle:
            # Never more than the limit, even if the file grew since stat().
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ImportRefused(f"cannot be read ({exc.strerror})") from exc
    if len(data) > max_bytes:
        raise ImportRefused(f"is too large (over {max_bytes / 1_048_576:.0f} MB)")
    return data

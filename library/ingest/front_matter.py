"""Front matter read safely: YAML without aliases, JSON within its nesting limit.

YAML anchors and aliases (`&a` … `*a`) let a 400-byte header describe a
34-million-character title ("billion laughs"): each alias is expanded as soon
as a value is turned into text.  News front matter never needs them, so a
header with an alias is refused before anything is built from it.

Imported only by `markdown.parse_markdown`, and only for a header that is not
plain `key: "text"` lines (`simple_front_matter`), so start-up and most
imports never load YAML.
"""

from __future__ import annotations

from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import JSONHandler, YAMLHandler
from yaml.composer import ComposerError

from library.ingest.simple_front_matter import simple_mapping


class AliasRefused(ComposerError):
    """The YAML uses an alias (`*name`), which Parallax never expands."""


# libyaml when PyYAML was built with it: the pure-Python parser takes ~10 s
# per megabyte, and a file may be 20 MB.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["AliasRefused", "load_front_matter", "simple_mapping"]


class _SafeYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        simple = simple_mapping(fm)
        if simple is not None:
            return simple
        # First only the event stream (flat, cheap): an alias is refused
        # before the loader could build anything from it.  An alias is
        # written with "*": a header without one (nearly all) is parsed once.
        if "*" in fm:
            for event in yaml.parse(fm, Loader=_LOADER):
                if isinstance(event, yaml.AliasEvent):
                    raise AliasRefused(problem="alias", problem_mark=event.start_mark)
        return yaml.load(fm, Loader=_LOADER)  # a safe loader


_HANDLERS = [_SafeYAMLHandler(), JSONHandler()]


def load_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, body) of a Markdown text; no front matter gives ({}, text).

    Raises:
        AliasRefused: the YAML uses an alias.
        yaml.YAMLError, ValueError: the front matter is not valid YAML or JSON.
        RecursionError: JSON front matter nested deeper than Python can parse.
    """
    handler = frontmatter.detect_format(text, _HANDLERS)
    if handler is None:
        return {}, text.strip()
    post = frontmatter.loads(text, handler=handler)
    return dict(post.metadata), post.content

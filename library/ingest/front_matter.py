"""Front matter read safely: YAML without aliases, JSON within its nesting limit.

YAML anchors and aliases (`&a` … `*a`) let a 400-byte header describe a
34-million-character title ("billion laughs"): each alias is expanded as soon
as a value is turned into text.  News front matter never needs them, so an
alias is refused where it is met, before anything is built.

Imported only by `markdown.parse_markdown`, so start-up never loads YAML.
"""

from __future__ import annotations

from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import JSONHandler, YAMLHandler
from yaml.composer import ComposerError


class AliasRefused(ComposerError):
    """The YAML uses an alias (`*name`), which Parallax never expands."""


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing every alias at composition.

    The pure-Python loader (not `CSafeLoader`) is used because only it lets a
    subclass see each event; front matter is a few lines, so speed is moot.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise AliasRefused(problem="alias", problem_mark=event.start_mark)
        return super().compose_node(parent, index)


class _SafeYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=_NoAliasLoader)  # a SafeLoader subclass


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

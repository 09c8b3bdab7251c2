"""Front matter read safely: YAML without aliases, JSON within its nesting limit.

YAML anchors and aliases (`&a` … `*a`) let a 400-byte header describe a
34-million-character title ("billion laughs"): each alias is expanded as soon
as a value is turned into text.  News front matter never needs them, so a
header with an alias is refused before anything is built from it.

Imported only by `markdown.parse_markdown`, so start-up never loads YAML.
"""

from __future__ import annotations

import re
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import JSONHandler, YAMLHandler
from yaml.composer import ComposerError


class AliasRefused(ComposerError):
    """The YAML uses an alias (`*name`), which Parallax never expands."""


# libyaml when PyYAML was built with it: the pure-Python parser takes ~10 s
# per megabyte, and a file may be 20 MB.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# A header line YAML reads as a string key and a double-quoted string with no
# escape: `title: "Harbour reopens"`.  Only characters YAML takes as they are
# inside such a scalar (printable, not a line break: not NEL, U+2028/9; not
# the BOM, which libyaml refuses there); anything else goes to YAML.
_NOT_IN_VALUE = r'"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff'
_SIMPLE_LINE = re.compile(rf'([A-Za-z_][A-Za-z0-9_]*): +"([^{_NOT_IN_VALUE}]*)" *')
# Plain keys YAML 1.1 (PyYAML) reads as booleans or null, not as strings.
_NOT_STRING_KEYS = frozenset(
    form
    for word in ("yes", "no", "true", "false", "on", "off", "null")
    for form in (word, word.capitalize(), word.upper())
)


def simple_mapping(fm: str) -> dict[str, str] | None:
    """The mapping of a header of only `key: "text"` lines, as YAML reads it; else None.

    Most news front matter is just that, and PyYAML builds each value in
    Python (0.04 ms of a file's 0.2 ms reading).  None: the header has
    anything else (a comment, a date, a list, an escape…) and YAML reads it.
    """
    found: dict[str, str] = {}
    for line in fm.split("\n"):
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            if line.strip(" "):
                return None
            continue  # a blank line: nothing in YAML either
        key, value = match.groups()
        if key in _NOT_STRING_KEYS:
            return None
        found[key] = value  # a repeated key: the last wins, as in PyYAML
    return found


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

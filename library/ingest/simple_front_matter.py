"""Front matter of plain `key: "text"` lines, read without YAML or python-frontmatter.

Most news front matter is only that.  Reading it through python-frontmatter
and PyYAML cost 0.04 ms per file, and importing the two (with PyYAML's ~30
regexes) ~25 ms per import, or per worker process: a `parallax import
one.md` waited for it.  `split_simple` gives exactly what
`front_matter.load_front_matter` gives for such a text, and None for any
other, which then goes there.
"""

from __future__ import annotations

import re
from typing import Any

# A header line YAML reads as a string key and a double-quoted string with no
# escape: `title: "Harbour reopens"`.  Only characters YAML takes as they are
# inside such a scalar (printable, not a line break: not NEL, U+2028/9; not
# the BOM, which libyaml refuses there); anything else goes to YAML.
_NOT_IN_VALUE = r'"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff'
# A key of at most 128 characters: YAML refuses an implicit key over 1024.
_SIMPLE_LINE = re.compile(rf'([A-Za-z_][A-Za-z0-9_]{{0,127}}): +"([^{_NOT_IN_VALUE}]*)" *')
# Plain keys YAML 1.1 (PyYAML) reads as booleans or null, not as strings.
_NOT_STRING_KEYS = frozenset(
    form
    for word in ("yes", "no", "true", "false", "on", "off", "null")
    for form in (word, word.capitalize(), word.upper())
)
# python-frontmatter's boundaries (`YAMLHandler`, `JSONHandler`), tried in that order.
YAML_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)
JSON_BOUNDARY = re.compile(r"^(?:{|})$", re.MULTILINE)
# python-frontmatter passes the metadata as keyword arguments of `Post(content,
# handler, **metadata)`: these keys (its parameters) make it fail, as the library shows.
_POST_ARGUMENTS = frozenset({"self", "content", "handler"})


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


def split_simple(text: str) -> tuple[dict[str, Any], str] | None:
    """`load_front_matter(text)` for a text with no front matter or a simple one; else None.

    Follows python-frontmatter's `detect_format` and `loads` step by step:
    the YAML boundary first, then JSON's; `\\r\\n` read as `\\n` once a
    handler is found; the text stripped before it is split at the first two
    boundaries, the content after.
    """
    if not YAML_BOUNDARY.match(text):
        if JSON_BOUNDARY.match(text):
            return None
        return {}, text.strip()
    # Twice, as python-frontmatter does (`loads`, then `parse`): "\r\r\n" ends as "\n".
    text = text.replace("\r\n", "\n").replace("\r\n", "\n")
    try:
        _, fm, content = YAML_BOUNDARY.split(text.strip(), 2)
    except ValueError:
        return None  # no closing boundary: the library has its own answer
    found = simple_mapping(fm)
    if found is None or not _POST_ARGUMENTS.isdisjoint(found):
        return None
    return dict(found), content.strip()

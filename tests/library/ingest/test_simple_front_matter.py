"""`split_simple` against python-frontmatter and YAML over many generated Markdown texts.

The fast path may decline any text (None), but a text it takes must come out
exactly as `load_front_matter` with YAML reading every header gives it.
"""

from __future__ import annotations

import random

import pytest

from library.ingest import front_matter
from library.ingest.simple_front_matter import split_simple

_KEYS = ["title", "outlet", "published", "url", "_x", "Title", "yes", "No", "null", "on", "y", "e1"]
_KEYS += ["content", "handler", "self"]  # python-frontmatter refuses these
_KEYS += ["k" * 128, "k" * 1024, "k" * 1025]  # long keys: YAML refuses over 1024
_CHARACTERS = [
    *"abc XYZ 09:#-'&*!%@`|>{}[],?",
    "\\", '"', "\t", "\r", "\x1b", "\x7f", "\x85", "\u00a0", "\u3000", "\u2028", "\u200b",
    "\ufeff", "\ufffe", "\ue000", "é", "ß", "İ", "国", "🙂", "---",
]  # fmt: skip
_PLAIN_VALUES = ["2024", "2024-03-04", "yes", "off", "~", "null", "1.5", "x", "'q'", "[a]", ""]
_PLAIN_VALUES += ['"a\\"b"']
_LINE_ENDS = ["\n", "\r\n", "\r\r\n", "\r\r\r\n", "\r", "\n\r"]
_BOUNDARIES = ["---", "----", "--- ", "---\t", "-- -"]
_BODY_LINES = ["Quay text.", "", "---", "a\r\r\r\nb", "  x  ", "\u00a0y\u3000", "# h", "{", "}"]


def _line(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice(["", " ", "#c", "\t"])
    key, space = rng.choice(_KEYS), rng.choice([" ", "  ", ""])
    if rng.random() < 0.2:
        return f"{key}:{space}{rng.choice(_PLAIN_VALUES)}"
    value = "".join(rng.choice(_CHARACTERS) for _ in range(rng.randint(0, 6)))
    tail = rng.choice(["", " ", " #c", "\t"]) if rng.random() < 0.3 else ""
    return f'{key}:{space}"{value}"{tail}'


def _text(rng: random.Random) -> str:
    end = rng.choice(_LINE_ENDS) if rng.random() < 0.3 else "\n"
    head = [rng.choice(["", "", " ", "\n", "\ufeff"]) + rng.choice(_BOUNDARIES)]
    head += [_line(rng) for _ in range(rng.randint(0, 4))]
    head.append(rng.choice(_BOUNDARIES))
    body = [rng.choice(_BODY_LINES) for _ in range(rng.randint(0, 3))]
    return end.join(head) + end + rng.choice(_LINE_ENDS).join(body)


def _as_the_library_reads(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    """`load_front_matter(text)` with YAML reading every header (no fast path at all)."""
    with monkeypatch.context() as patch:
        patch.setattr(front_matter, "simple_mapping", lambda fm: None)
        try:
            return front_matter.load_front_matter(text)
        except Exception as exc:  # the library's own failure: the fast path must decline
            return type(exc)


@pytest.mark.parametrize(
    "text",
    [
        # python-frontmatter reads "\r\n" as "\n" twice: "\r\r\r\n" ends as "\r\n".
        '---\ntitle: "Pier"\n---\nFirst part\r\r\r\nof one paragraph.\n\nSecond.\n',
        '---\r\r\ntitle: "Pier"\r\r\n---\r\r\nBody.\r\r\n',
        # YAML refuses an implicit key longer than 1024 characters.
        "---\n" + "k" * 1025 + ': "v"\n---\nBody.\n',
        '---\ntitle: "Pier"\n' + "k" * 1100 + ': "v"\n---\nBody.\n',
        # python-frontmatter's `Post(content, handler, **metadata)` refuses a key "self".
        '---\nself: "Pier"\ntitle: "Quay"\n---\nBody.\n',
    ],
)
def test_known_edges_read_as_the_library_reads_them(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    simple = split_simple(text)
    assert simple is None or simple == _as_the_library_reads(text, monkeypatch)


def test_generated_texts_read_as_the_library_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(17)
    taken, differing = 0, []
    for _ in range(3000):
        text = _text(rng)
        simple = split_simple(text)
        if simple is None:
            continue
        taken += 1
        if simple != _as_the_library_reads(text, monkeypatch):
            differing.append(text)
    assert differing == []
    assert taken > 1000  # the generator does reach the fast path

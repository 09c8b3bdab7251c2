"""Front matter of plain `key: "text"` lines read without YAML, exactly as YAML reads it."""

from __future__ import annotations

import pytest
import yaml

from library.ingest import front_matter
from library.ingest.front_matter import simple_mapping

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SIMPLE = [
    '\ntitle: "Ferry to Varnholt resumes (12)"\noutlet: "Outlet 7"\npublished: "2031-04-05"\n',
    'title:   "Spaces after the colon"  \n\nauthor: "Ilse Marrow"\n',
    'title: "Quotes ‘curly’ and “double”, a dash — and 国家 🙂"\n',
    'title: "first"\ntitle: "second wins"\n',
    'title: ""\nurl: "https://example.org/a?b=1#c"\n',
    'title: "a: colon # and hash * star & amp"\n',
    "",
    "\n\n",
]
TO_YAML = [
    'title: "an \\"escaped\\" quote"\n',  # escapes
    "title: 'single quoted'\n",
    "title: plain text\n",
    'published: 2031-04-05\ntitle: "x"\n',  # a date
    'yes: "a key YAML reads as True"\n',
    'null: "a key YAML reads as None"\n',
    'title: "x" # a comment\n',
    '  title: "indented"\n',
    'title: "x"\r\n',
    'title: "tab\tinside"\n',
    'title: "next line\x85inside"\n',
    'title: "line separator\u2028inside"\n',
    'title: "bom\ufeffinside"\n',
    'title: "delete\x7fchar"\n',
    'tags:\n  - "one"\n',
    'title: "unterminated\n',
]


@pytest.mark.parametrize("fm", SIMPLE)
def test_simple_headers_read_as_yaml_reads_them(fm: str) -> None:
    assert simple_mapping(fm) == (yaml.load(fm, Loader=_LOADER) or {})


@pytest.mark.parametrize("fm", TO_YAML)
def test_anything_else_is_left_to_yaml(fm: str) -> None:
    assert simple_mapping(fm) is None


def test_a_simple_header_does_not_reach_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("YAML was used")

    monkeypatch.setattr(front_matter.yaml, "load", no_yaml)
    meta, body = front_matter.load_front_matter('---\ntitle: "Quay"\n---\n\nText.\n')
    assert meta == {"title": "Quay"} and body == "Text."

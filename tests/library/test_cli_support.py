"""`CliContext` output helpers."""

from __future__ import annotations

import argparse
import io
import json

from library.cli_support import CliContext


def _ctx() -> tuple[CliContext, io.StringIO]:
    out = io.StringIO()
    return CliContext(args=argparse.Namespace(), out=out, err=io.StringIO()), out


def test_json_rows_are_the_same_json_as_a_list() -> None:
    rows = [{"title": "Bridge \x1b[31m\u202e", "id": 1}, {"title": "港口", "id": None}]
    ctx, out = _ctx()
    ctx.print_json_rows(iter(rows))
    text = out.getvalue()
    assert json.loads(text) == rows
    assert "\x1b" not in text and "\u202e" not in text and "港口" in text
    assert len(text.splitlines()) == 4  # one object per line between the brackets


def test_no_rows_is_an_empty_array() -> None:
    ctx, out = _ctx()
    ctx.print_json_rows([])
    assert json.loads(out.getvalue()) == []

"""Stored text never drives the terminal: every command prints it made safe.

The hostile data is written straight into the stores, so these tests hold
whatever the importers later decide to keep of such characters.
"""

from __future__ import annotations

import json
import os
import re
from io import StringIO
from pathlib import Path

import pytest

from library import cli
from library.article import Article
from library.cli import main
from library.collection import Collection
from library.terminal import clean, dumps, safe

#: Retitles the terminal, rings, clears the screen, 8-bit CSI, carriage return
#: and backspace overwrite, bidi override and isolate, blink (SGR Parallax never writes).
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\rX\x08\u202eevil\u2066\x1b[5m"
FORBIDDEN = ("\x1b", "\x07", "\x9b", "\r", "\x08", "\u202e", "\u2066", "\x00")
NORMAL = "新闻 café 🎉 👩‍👩‍👧 naïve"  # CJK, accents, emoji and a ZWJ sequence stay as they are


def assert_clean(text: str) -> None:
    for char in FORBIDDEN:
        assert char not in text, f"{char!r} reached the terminal: {text!r}"


@pytest.fixture
def hostile(data_dir: Path) -> dict[str, int]:
    """A library and notes full of hostile text; returns the ids made."""
    collection = Collection(data_dir)
    try:
        added = []
        for n in (1, 2):
            article = Article(
                title=f"{HOSTILE} {NORMAL} title {n}",
                body=f"Zebra {HOSTILE} crossed.\n\nThe zebra {NORMAL} said {n} times.\r\nEnd.",
                outlet=HOSTILE,
                author=HOSTILE,
                published="2024-01-0" + str(n),
                url="https://example.com/" + HOSTILE,
                source_path=f"/tmp/{HOSTILE}.txt",
            )
            outcome = collection.library.add(article)
            added.append(outcome.article)
        notes = collection.notes
        first = added[0]
        assert first.id is not None
        note = notes.add_quote_note(first, f"Zebra {HOSTILE}", f"{HOSTILE} {NORMAL} zebra", [])
        notes.add_article_note(first.id, f"# {HOSTILE}\n\nzebra body {NORMAL}", ["t\x1bag"])
        return {"a": int(first.id), "b": int(added[1].id or 0), "note": int(note.id or 0)}
    finally:
        collection.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert_clean(out)
    assert_clean(err)
    return code, out, err


def test_safe_makes_controls_visible_and_keeps_normal_text() -> None:
    assert safe(NORMAL) == NORMAL
    assert safe("\x1b]0;x\x07") == "␛]0;x␇"
    assert safe("a\x9bb\u202ec") == "a\\x9bb\\u202ec"
    assert safe("two\nlines\tand\r\n") == "two␊lines␉and␍␊"
    assert safe("two\nlines\tand\r\nmore\rX", multiline=True) == "two\nlines\tand\nmore␍X"
    assert safe("caf\udce9") == "caf\\xe9"  # an undecodable file name byte
    assert safe(None) == "" and safe(3) == "3"
    # Arabic/Hebrew marks are text, not overrides.
    assert safe("abc\u200fשלום") == "abc\u200fשלום"


def test_clean_keeps_only_colour_codes_when_asked() -> None:
    text = "\x1b[1mTitle\x1b[0m \x1b]0;x\x07"
    assert clean(text) == "␛[1mTitle␛[0m ␛]0;x␇"
    assert clean(text, keep_colors=True) == "\x1b[1mTitle\x1b[0m ␛]0;x␇"


def test_json_is_safe_and_decodes_to_the_same_data() -> None:
    data = {"t": HOSTILE + NORMAL + "\x7f\udce9"}
    text = dumps(data)
    assert_clean(text)
    assert NORMAL in text  # still readable UTF-8, not \u-escaped
    assert json.loads(text) == data
    text.encode("utf-8")  # no lone surrogate left to crash the write


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "{a}"],
        ["search", "zebra"],
        ["search", "nomatch" + HOSTILE],
        ["compare", "{a}", "{b}"],
        ["remove", "{b}"],
        ["notes", "list"],
        ["notes", "show", "{note}"],
        ["notes", "search", "zebra"],
    ],
)
@pytest.mark.parametrize("as_json", [False, True])
def test_commands_print_stored_text_safely(
    capsys: pytest.CaptureFixture[str], hostile: dict[str, int], args: list[str], as_json: bool
) -> None:
    args = [a.format(**hostile) for a in args] + (["--json"] if as_json else [])
    code, out, _ = run(capsys, *args)
    assert code == 0
    if as_json:
        json.loads(out)
    elif "nomatch" not in args[-1]:
        assert NORMAL in out  # the ordinary text around the hostile part is untouched


def test_export_to_a_terminal_is_safe_but_to_a_file_exact(
    hostile: dict[str, int], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(StringIO):
        def isatty(self) -> bool:
            return True

    for fmt in ("md", "json"):
        screen = Terminal()
        with monkeypatch.context() as patch:
            patch.setattr("sys.stdout", screen)
            assert main(["notes", "export", "--format", fmt]) == 0
        assert_clean(screen.getvalue())
        if fmt == "json":
            notes = json.loads(screen.getvalue())["notes"]
            assert any(HOSTILE in n["text"] for n in notes)  # same data, only escaped
    main(["notes", "export", "--format", "md"])
    assert HOSTILE in capsys.readouterr().out  # piped: an export is exact


def test_colour_terminal_gets_only_parallax_colours(
    capsys: pytest.CaptureFixture[str], hostile: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "wants_color", lambda stream: True)
    allowed = {f"\x1b[{n}m" for n in (0, 1, 2, 31, 32, 33, 36)}
    for args in (
        ["list"],
        ["show", str(hostile["a"])],
        ["search", "zebra"],
        ["compare", str(hostile["a"]), str(hostile["b"])],
        ["notes", "list"],
        ["notes", "show", str(hostile["note"])],
        ["notes", "search", "zebra"],
    ):
        assert main(args) == 0
        out, err = capsys.readouterr()
        assert "\x1b[" in out, args  # colour is on
        assert set(re.findall(r"\x1b\[[0-9;]*m", out)) <= allowed, args
        assert_clean(re.sub(r"\x1b\[[0-9;]*m", "", out) + err)
        assert NORMAL in out


def test_import_with_hostile_file_names(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / f"\x1b]0;pwned\x07{NORMAL}\x1b[2J.txt"
    good.write_text("A headline\n\nSome body text about zebras.", encoding="utf-8")
    (folder / "empty\x9b\u202e.txt").write_bytes(b"")  # refused: reported on stderr
    raw = os.fsencode(folder) + b"/caf\xe9\x1b[2J.txt"  # not UTF-8: surrogate escapes
    with open(raw, "wb") as handle:
        handle.write(b"Another headline\n\nMore text.")
    code, out, err = run(capsys, "import", str(folder))
    assert code == 1  # the empty file is refused
    assert NORMAL in out and "␛]0;pwned␇" in out
    assert "caf\\xe9␛[2J.txt" in out
    assert "empty\\x9b\\u202e.txt" in err
    code, out, err = run(capsys, "import", "--json", str(folder))
    assert {r["status"] for r in json.loads(out)["results"]} == {"unchanged", "refused"}


def test_errors_echoing_user_input_are_safe(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, _, err = run(capsys, "compare", f"/nowhere/{HOSTILE}.txt", "1")
    assert code == 1 and "nowhere" in err
    with pytest.raises(SystemExit):
        run(capsys, "list", HOSTILE)  # argparse: "unrecognized arguments: …"
    _, err = capsys.readouterr()
    assert_clean(err)
    assert "unrecognized arguments" in err and "␛]0;pwned␇" in err
    with pytest.raises(SystemExit):
        main(["notes", "export", "--format", HOSTILE])
    _, err = capsys.readouterr()
    assert_clean(err)
    code, _, err = run(capsys, "notes", "import", f"/nowhere/{HOSTILE}.json")
    assert code == 1 and "Cannot read" in err


def test_cli_modules_write_only_through_the_context() -> None:
    """No command may print around the sanitising writer (CliContext.print/warn/print_json)."""
    for module in ("library/cli.py", "library/cli_articles.py", "library/notes/cli.py"):
        source = (Path(__file__).resolve().parents[2] / module).read_text(encoding="utf-8")
        bare = re.findall(r"(?<![.\w])print\(|\bctx\.(?:out|err)\.write\(|json\.dump\(", source)
        assert bare == [], f"{module} writes around CliContext: {bare}"

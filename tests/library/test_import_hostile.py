"""Hostile files and folders (issue #8): each ends as one clear refusal, never a traceback."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import library.importer
from library.article import Article
from library.cli import main
from library.collection import Collection
from library.errors import ImportRefused
from library.importer import import_paths
from library.ingest import read_article
from library.store import LibraryStore

BODY = "The council approved the budget on Monday after a long debate.\n"


def _laughs(levels: int) -> str:
    """YAML front matter whose title expands to 9**levels strings ("billion laughs")."""
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join([*lines, f"title: *a{levels - 1}", "---", BODY])


def test_yaml_aliases_are_refused_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.md"
    path.write_text(_laughs(5))
    assert path.stat().st_size < 400
    with pytest.raises(ImportRefused, match=r"uses YAML aliases \(\*name\)"):
        read_article(path)


def test_anchors_without_aliases_still_import(tmp_path: Path) -> None:
    path = tmp_path / "anchor.md"
    path.write_text(f"---\ntitle: &t Budget passes\n---\n{BODY}")
    assert read_article(path).title == "Budget passes"


@pytest.mark.parametrize(
    "front",
    [
        "{\n" + '"title": ' + "[" * 50_000 + "]" * 50_000 + "\n}\n",
        "---\nt: " + "[" * 50_000 + "]" * 50_000,
    ],
)
def test_deeply_nested_front_matter_is_refused(tmp_path: Path, front: str) -> None:
    path = tmp_path / "deep.md"
    path.write_text(front + "\n---\n" + BODY)
    with pytest.raises(ImportRefused):
        read_article(path)


def test_an_unexpected_error_refuses_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"{name} headline\n\n{BODY}")
    real = library.importer.read_article

    def flaky(path: Path, **options: str | None) -> object:
        if path.name == "b.txt":
            raise RuntimeError("parser exploded\non two lines")
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(library.importer, "read_article", flaky)
    report = import_paths(LibraryStore(tmp_path / "home"), [folder])
    assert [r.status for r in report.results] == ["added", "refused", "added"]
    reason = report.results[1].reason
    assert reason == "could not be read: RuntimeError: parser exploded on two lines"
    assert report.summary() == "2 added, 0 updated, 0 unchanged, 1 refused"


def test_billion_laughs_in_a_folder_import_does_not_stop_it(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.md").write_text(_laughs(4))
    (folder / "b.txt").write_text(f"Headline\n\n{BODY}")
    report = import_paths(LibraryStore(tmp_path / "home"), [folder])
    assert [r.status for r in report.results] == ["refused", "added"]


# -- unreadable folders --------------------------------------------------------


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """top/locked: a folder that behaves as mode 000 does for a user, even under root.

    top/ok.txt beside it is readable.

    Its own entry can be stat'ed, but listing it, or stat'ing anything inside
    it, fails with EACCES.
    """
    folder = tmp_path / "top" / "locked"
    (folder / "inner").mkdir(parents=True)
    (folder.parent / "ok.txt").write_text(f"Readable headline\n\n{BODY}")
    (folder / "a.txt").write_text(f"Locked headline\n\n{BODY}")
    (folder / "b.txt").write_text(f"Other headline\n\n{BODY}")
    real_stat, real_scandir = os.stat, os.scandir

    def under(path: object, *, itself: bool) -> bool:
        if not isinstance(path, str | os.PathLike):
            return False
        p = Path(os.fspath(path))
        return p.is_relative_to(folder) and (itself or p != folder)

    def denied(path: object) -> PermissionError:
        return PermissionError(errno.EACCES, "Permission denied", os.fspath(path))  # type: ignore[arg-type]

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if under(path, itself=False):
            raise denied(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        if under(path, itself=True):
            raise denied(path)
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)
    yield folder


def test_file_inside_an_unreadable_folder_is_refused(tmp_path: Path, locked: Path) -> None:
    report = import_paths(LibraryStore(tmp_path / "home"), [locked / "a.txt"])
    assert [r.status for r in report.results] == ["refused"]
    assert "cannot be read (Permission denied)" in report.results[0].reason


def test_unreadable_subfolder_gets_a_report_line(tmp_path: Path, locked: Path) -> None:
    top = locked.parent
    report = import_paths(LibraryStore(tmp_path / "home"), [top])
    assert [(r.path, r.status) for r in report.results] == [
        (top / "ok.txt", "added"),
        (locked, "refused"),
    ]
    assert report.results[1].reason == "is a folder that cannot be read (permission denied)"


def test_unreadable_folder_given_by_name(tmp_path: Path, locked: Path) -> None:
    report = import_paths(LibraryStore(tmp_path / "home"), [locked])
    assert [(r.path, r.status) for r in report.results] == [(locked, "refused")]


def test_compare_a_file_inside_an_unreadable_folder(
    tmp_path: Path, locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(tmp_path / "home"), "compare", str(locked / "a.txt")]
    status = main([*args, str(locked / "b.txt")])
    err = capsys.readouterr().err
    assert status == 1
    assert err.strip().endswith("cannot be read (permission denied)")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_import_of_an_unreadable_subfolder(
    tmp_path: Path, locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["--data-dir", str(tmp_path / "home"), "import", str(locked.parent)])
    captured = capsys.readouterr()
    assert status == 1
    assert "locked" in captured.err and "folder that cannot be read" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_real_unreadable_subfolder(tmp_path: Path) -> None:
    top = tmp_path / "top"
    (top / "closed").mkdir(parents=True)
    (top / "closed" / "x.txt").write_text(f"Hidden\n\n{BODY}")
    (top / "closed").chmod(0)
    try:
        collection = Collection(tmp_path / "home")
        report = collection.import_paths([top])
        assert [r.status for r in report.results] == ["refused"]
        with pytest.raises(ImportRefused, match="permission denied"):
            collection.resolve(str(top / "closed" / "x.txt"))
        collection.close()
    finally:
        (top / "closed").chmod(0o755)


# -- encodings, NUL bytes, invisible text (item 11) ------------------------------


def test_a_nul_byte_after_the_first_8kb_is_refused(tmp_path: Path) -> None:
    data = b"Headline\n\n" + b"word " * 3000 + b"\x00 tail"
    with pytest.raises(ImportRefused, match="contains NUL bytes"):
        read_article_of(tmp_path, data)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    text = "Ferry service resumes\n\nThe ferry runs again from Monday, the port said.\n"
    article = read_article_of(tmp_path, text.encode(encoding))
    assert article.title == "Ferry service resumes"
    assert article.extra["encoding"] == "utf-16"


def test_chinese_utf16_without_a_bom_is_read(tmp_path: Path, test_data: Path) -> None:
    text = (test_data / "gbk_article.txt").read_bytes().decode("gb18030")
    assert read_article_of(tmp_path, text.encode("utf-16-le")).title == "暴雨导致山谷地区学校停课"


def test_a_short_cp1252_file_is_not_read_as_utf16(tmp_path: Path) -> None:
    article = read_article_of(tmp_path, b"\x93Ok\x94")
    assert article.title == "“Ok”"
    assert article.extra["encoding"] == "cp1252"


@pytest.mark.parametrize("text", ["\u200b", "\u200b\n\u200d\n\u2060 \u200e", " \u00a0\u3000"])
def test_a_body_with_nothing_visible_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(ImportRefused, match="has no article text"):
        read_article_of(tmp_path, text.encode())


def test_an_invisible_title_falls_back_to_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text('---\ntitle: "\u200b\u200d"\n---\n\u200b\nReal headline\n\nBody text.\n')
    assert read_article(path).title == "Real headline"


def test_a_title_ending_in_a_vowel_sign_keeps_it(tmp_path: Path) -> None:
    assert read_article_of(tmp_path, "नमस्ते\n\nपाठ।".encode()).title == "नमस्ते"


def read_article_of(tmp_path: Path, data: bytes) -> Article:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    return read_article(path)


def test_escapes_for_lone_surrogates_and_nuls_are_stored_safely(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>T &#xd800; x</title></head><body><article><p>"
        + "A paragraph with a bad reference &#xd800; in it. " * 5
        + "</p></article></body></html>"
    )
    md = tmp_path / "b.md"
    md.write_text('---\ntitle: Budget\nauthor: "Jo\\0 Marsh"\n---\nBody text.\n')
    bad_escape = tmp_path / "c.md"
    bad_escape.write_text('---\ntitle: "bad \\ud800 title"\n---\nBody text.\n')
    store = LibraryStore(tmp_path / "home")
    report = import_paths(store, [page, md, bad_escape])
    assert [r.status for r in report.results][:2] == ["added", "added"]
    page_article, md_article = report.results[0].article, report.results[1].article
    assert page_article is not None and "\ufffd" in page_article.title
    assert md_article is not None and md_article.author == "Jo Marsh"
    # libyaml refuses the escape as invalid YAML; the pure-Python parser
    # (PyYAML without libyaml) reads it, and the title gets U+FFFD.
    third = report.results[2]
    assert third.status == "refused" or (third.article and "\ufffd" in third.article.title)


def test_an_unexpected_error_while_storing_refuses_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LibraryStore(tmp_path / "home")
    real_add = store.add

    def add(article: Article) -> object:
        if article.title == "Second":
            raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")
        return real_add(article)

    monkeypatch.setattr(store, "add", add)
    paths = []
    for name in ("First", "Second", "Third"):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(f"{name}\n\n{BODY}")
    report = import_paths(store, paths)
    assert [r.status for r in report.results] == ["added", "refused", "added"]
    assert report.results[1].reason.startswith("could not be stored: UnicodeEncodeError")


def test_a_star_that_is_no_alias_still_imports(tmp_path: Path) -> None:
    # Only a header with a "*" is scanned for aliases first; one in a value is text.
    path = tmp_path / "star.md"
    path.write_text(f'---\ntitle: "5 * 3 = 15, a *rare* result"\n---\n{BODY}')
    assert read_article(path).title == "5 * 3 = 15, a *rare* result"


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_utf8_with_one_broken_byte_is_read_as_utf8(tmp_path: Path, suffix: str) -> None:
    # A cut download: was refused (.md) or read whole as cp1252 mojibake (.html).
    text = "Café reopens\n\nThe café in Zürich — “quoted” — served the naïve résumé.\n"
    data = text.encode() + b"Cut here: \xc3"
    if suffix == ".html":
        data = b"<html><body><h1>Caf\xc3\xa9 reopens</h1><p>" + data + b"</p></body></html>"
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data)
    article = read_article(path)
    assert article.title == "Café reopens"
    assert "Zürich — “quoted”" in article.body and "Ã" not in article.body
    assert article.extra["encoding"] == "utf-8"

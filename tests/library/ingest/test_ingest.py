"""Reading files into Articles: formats, encodings, metadata, refusals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from library.errors import ImportRefused
from library.ingest import read_article
from library.ingest.normalize import normalize_body
from library.ingest.titles import derive_title


def test_plain_text_title_from_first_line(test_data: Path) -> None:
    article = read_article(test_data / "plain_article.txt")
    assert article.title == "Harbour bridge reopens after three-year repair"
    assert article.outlet is None and article.author is None and article.published is None
    assert "41 million dollars" in article.body
    assert article.paragraphs[1].startswith("The Westport harbour bridge")


def test_markdown_front_matter(test_data: Path) -> None:
    article = read_article(test_data / "front_matter.md")
    assert article.title == "Council approves new tram line"
    assert article.outlet == "Westport Courier"
    assert article.author == "Sam Lee, Kim Park"
    assert article.published == "2024-03-05"
    assert article.url == "https://courier.example/tram"
    assert article.language == "en"
    assert "---" not in article.body
    assert not article.body.startswith("#")


def test_saved_page_main_text_without_boilerplate(test_data: Path) -> None:
    article = read_article(test_data / "saved_page.html")
    assert article.title == "Storm closes schools across the valley"
    assert article.outlet == "Valley Herald"
    assert article.author == "Jo Marsh"
    assert article.published == "2024-01-17"
    assert article.url == "https://herald.example/storm-schools"
    assert "All 23 schools" in article.body
    assert "Forecasters expect" in article.body
    for junk in ("TRACKING-SCRIPT-TEXT", "STYLE-TEXT", "Subscribe now", "cookies", "Privacy"):
        assert junk not in article.body
    assert len(article.paragraphs) == 3


@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        ("gbk_article.txt", "gb18030", "暴雨导致山谷地区学校停课"),
        ("cp1252_article.txt", "cp1252", "Café owners ‘relieved’ as rent freeze is extended"),
        ("utf16_bom.txt", "utf-16", "Ferry service resumes"),
    ],
)
def test_encodings_detected(test_data: Path, name: str, encoding: str, expected: str) -> None:
    article = read_article(test_data / name)
    assert article.title == expected
    assert article.extra["encoding"] == encoding


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline here\n\nBody text.")
    article = read_article(path)
    assert article.title == "Headline here"
    assert article.extra["encoding"] == "utf-8"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\n \n", "has no article text"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "is a PNG image"),
        ("doc.txt", b"%PDF-1.7\n" + bytes(200), "PDF"),
        ("nul.txt", b"abc\x00def" * 50, "NUL bytes"),
        ("notes.docx", b"PK\x03\x04rest", "unsupported type (.docx)"),
        ("README", b"hello", "unsupported type (no extension)"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nBody", "front matter that is not valid YAML"),
        ("date.md", b"---\npublished: 2021-02-30\n---\nBody", "not valid YAML"),
        ("script.html", b"<html><script>x()</script></html>", "no article text"),
    ],
)
def test_refusals_name_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_article(path)


def test_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1000)
    with pytest.raises(ImportRefused, match=r"too large .* limit is 0 MB"):
        read_article(path, max_bytes=100)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="does not exist"):
        read_article(tmp_path / "nope.txt")


def test_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Text")
    path.chmod(0)
    # CI runs as root, who can read anything: make the permission check answer as for a user.
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)
    with pytest.raises(ImportRefused, match="permission denied"):
        read_article(path)


def test_normalize_keeps_one_paragraph_per_line_when_no_blank_lines() -> None:
    assert normalize_body("One.\r\nTwo.\rThree.") == "One.\n\nTwo.\n\nThree."


def test_normalize_joins_wrapped_lines_between_blank_lines() -> None:
    assert normalize_body("A wrapped\nline.\n\n\nNext  para.") == "A wrapped line.\n\nNext para."


def test_derived_title_is_text_from_the_body() -> None:
    body = (
        "In recent days, the bureau and the office have been actively publishing "
        "articles on so-called classified and espionage cases. Analysts believe more will follow."
    )
    title = derive_title(body)
    assert title.endswith("…")
    assert body.startswith(title.rstrip("…"))
    assert len(title) <= 91


def test_headline_without_full_stop_is_kept_whole() -> None:
    headline = "A long headline that runs past ninety characters but ends without a stop, at all"
    assert derive_title(headline + "\n\nBody.") == headline


def test_a_file_that_grows_after_stat_is_still_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_text("small")
    real_stat = Path.stat

    def stale_stat(self: Path, **kwargs: object) -> os.stat_result:
        result = real_stat(self, **kwargs)  # type: ignore[arg-type]
        if self == path:
            path.write_text("word " * 1000)  # grows after its size was taken
        return result

    monkeypatch.setattr(Path, "stat", stale_stat)
    with pytest.raises(ImportRefused, match="too large"):
        read_article(path, max_bytes=100)


def test_scrub_removes_nuls_from_plain_ascii_and_replaces_lone_surrogates() -> None:
    from library.ingest.normalize import scrub

    # ASCII text takes a shortcut (no surrogate can be in it); its NULs still go.
    assert scrub("Head\x00line") == "Headline"
    assert scrub("plain") == "plain"
    assert scrub("caf\u00e9\x00 \ud800") == "caf\u00e9 \ufffd"


def test_a_chinese_line_wrapped_inside_a_paragraph_joins_without_a_space() -> None:
    # A space inside a Chinese run splits a word for search and the diff alike.
    text = "国家安全部\n部长以来，他说。\nMr. Li\nleft.\n\n第二段\n继续。\n"
    assert normalize_body(text) == "国家安全部部长以来，他说。 Mr. Li left.\n\n第二段继续。"


def _normalize_reference(text: str) -> str:
    """`normalize_body` before its fast paths: every substitution run on every paragraph."""
    import re

    from library.ingest import normalize as n

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.strip() for line in text.split("\n")).strip("\n")
    if n._BLANK.search(text):
        paragraphs = []
        for block in n._BLANK.split(text):
            block = "\n".join(line for line in block.split("\n") if line)
            paragraphs.append(n._SPACES.sub(" ", n._CJK_WRAP.sub("", block).replace("\n", " ")))
    else:
        paragraphs = [re.sub(r"[ \t\u00a0\u3000]+", " ", line) for line in text.split("\n")]
    return "\n\n".join(p for p in paragraphs if p)


def test_normalize_fast_paths_change_nothing() -> None:
    # Paragraphs with only single spaces, or on one line, skip the substitutions:
    # the result must be the one every substitution gives, on any mix.
    import random

    pieces = ["word", "国家", " ", "  ", "\t", "\u00a0", "\u3000", "\n", "\n\n", "\r\n", "x.", "#"]
    # Spaces the substitution does not squeeze, and characters `strip` or
    # `splitlines` treat as whitespace or line ends where `split("\n")` does not.
    pieces += ["\u2009", "\u202f", "\u200b", "\ufeff", "\x0b", "\x0c", "\x85", "\u2028", "\r"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(3000)]
    texts += ["A  b\tc\u00a0d\u3000e", "国家\n安全", "one line, single spaces"]
    for text in texts:
        assert normalize_body(text) == _normalize_reference(text), repr(text)


def test_markdown_without_a_hash_keeps_its_body_and_headings_still_go(tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain.md", tmp_path / "marked.md"
    plain.write_text("---\ntitle: T\n---\nFirst paragraph.\n\nSecond one.\n")
    marked.write_text("---\ntitle: T\n---\n## Heading\n\nBody #1 here.\n")
    assert read_article(plain).body == "First paragraph.\n\nSecond one."
    assert read_article(marked).body == "Heading\n\nBody #1 here."


def test_a_clean_ascii_parse_is_kept_as_it_is_and_a_dirty_one_scrubbed() -> None:
    from library.ingest.parsed import Parsed
    from library.ingest.reader import _scrubbed

    clean = Parsed(body="The quay at Sorrel.", title="Quay", url=None)
    assert _scrubbed(clean) is clean  # nothing to scrub: not copied
    dirty = Parsed(body="Quay\x00 at Sorrel.", title="Caf\u00e9 \ud800", outlet="Tarn")
    scrubbed = Parsed(body="Quay at Sorrel.", title="Caf\u00e9 \ufffd", outlet="Tarn")
    assert _scrubbed(dirty) == scrubbed

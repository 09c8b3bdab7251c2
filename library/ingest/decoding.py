"""Bytes to text: byte-order marks, UTF-8, then statistical detection.

charset-normalizer does the guessing (GBK/GB18030, cp1252, Shift-JIS…); this
module adds the checks a news importer needs around it: refuse binaries early
and refuse text that decodes only into garbage.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from library.errors import ImportRefused

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats people rename by accident.
_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document (save it as text or HTML first)",
    b"PK\x03\x04": "a ZIP archive or office document (save it as text first)",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
    b"RIFF": "a media file",
    b"\x1f\x8b": "a gzip archive",
}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes.

    Returns:
        (text, encoding name) with the BOM removed.

    Raises:
        ImportRefused: the bytes are a known binary format, contain NUL bytes
            outside UTF-16/32, or decode to mostly control characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ImportRefused(
                    f"starts with a {encoding} marker but is not {encoding}"
                ) from exc
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ImportRefused(f"is {what}, not text")
    if b"\x00" in data[:8192]:
        raise ImportRefused("is a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Imported here: only a file that is not UTF-8 needs the detector, and
    # every start-up (`parallax list`) would otherwise pay for it.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ImportRefused("is not text in any encoding Parallax recognises")
    text, encoding = str(best), best.encoding
    if _mostly_latin(text):
        # Detectors split hairs between look-alike Western code pages (cp775,
        # mac_latin2, cp1250…) on short texts; Windows-1252 is by far the most
        # common of them in saved news, so it wins whenever it decodes cleanly.
        with contextlib.suppress(UnicodeDecodeError):
            text, encoding = data.decode("cp1252"), "cp1252"
    if _garbage_share(text) > 0.05:
        raise ImportRefused(f"does not decode cleanly (best guess {best.encoding} gives garbage)")
    return text, encoding


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin / len(letters) > 0.9


_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn"})


def _garbage_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd"
        or (unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f")
    )
    return bad / len(sample)

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
            anywhere (UTF-16 text aside, with or without a BOM), or decode
            to mostly control characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise ImportRefused(
                    f"starts with a {encoding} marker but is not {encoding}"
                ) from exc
            if "\x00" in text:
                raise ImportRefused(_BINARY)
            return text, encoding.replace("-sig", "")
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ImportRefused(f"is {what}, not text")
    if b"\x00" in data:
        # Text in UTF-16 saved without a BOM is all NULs in every other byte;
        # anything else with a NUL anywhere is binary (a NUL in stored text
        # would cut it short in many tools).
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    # Imported here: only a file that is not UTF-8 needs the detector, and
    # every start-up (`parallax list`) would otherwise pay for it.
    import charset_normalizer

    # Without a NUL byte the text cannot be UTF-16/32 (a space or a newline
    # would give one), however well a few bytes happen to fit: the 4-byte
    # cp1252 file “Ok” is two CJK characters in UTF-16.
    matches = [m for m in charset_normalizer.from_bytes(data) if not _is_wide(m.encoding)]
    if not matches:
        raise ImportRefused("is not text in any encoding Parallax recognises")
    best = matches[0]
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


_BINARY = "is a binary file (it contains NUL bytes), not text"


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut download, one bad paste), else None.

    Handed to the detector, such a file came back as cp1252 mojibake ("CafÃ©")
    or was refused whole.  Text in another encoding rarely forms a valid
    multi-byte UTF-8 sequence, so valid ones outnumbering the broken ones
    four to one says UTF-8; each broken byte becomes U+FFFD.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return text if valid >= 4 * broken else None


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    """Decode BOM-less UTF-16 (NULs at every odd or every even byte), else refuse as binary."""
    sample = data[:8192]
    units = max(1, len(sample) // 2)
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    # Every ASCII character (space, newline, digit) in UTF-16LE has its NUL
    # second; even Chinese news has more than one in a hundred.  A NUL-ended
    # character (U+xx00) on the other side is rare; a stray NUL in UTF-8 text
    # is one in thousands.
    if zeros_odd > 10 * zeros_even and zeros_odd * 100 >= units:
        encoding = "utf-16-le"
    elif zeros_even > 10 * zeros_odd and zeros_even * 100 >= units:
        encoding = "utf-16-be"
    else:
        raise ImportRefused(_BINARY)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportRefused(_BINARY) from exc
    if "\x00" in text or _garbage_share(text) > 0.05:
        raise ImportRefused(_BINARY)
    return text, "utf-16"


def _is_wide(encoding: str) -> bool:
    return encoding.replace("-", "_").startswith(("utf_16", "utf_32"))


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

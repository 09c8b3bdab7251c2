"""Small text helpers shared by the desktop widgets."""

from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """`text` on one line (runs of whitespace made single spaces), cut to `limit`
    characters with a trailing "…" if it was longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

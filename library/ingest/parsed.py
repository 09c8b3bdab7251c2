"""What a format parser hands back before normalisation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parsed:
    """Body text plus the metadata the file states (None where it states nothing)."""

    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None

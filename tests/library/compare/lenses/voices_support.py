"""The Voices lens read over a few sentences of our own (one unit each)."""

from __future__ import annotations

from library.compare.lenses import voices
from library.compare.lenses.voices import sources
from library.compare.mentions import Mentions
from library.compare.model import Unit


def voices_of(*sentences: str) -> dict[str, list[int]]:
    """Each voice found in `sentences` (one per line) and the units where it speaks."""
    units, pos = [], 0
    for k, s in enumerate(sentences):
        units.append(Unit(k, s, pos, pos + len(s)))
        pos += len(s) + 1
    text = "\n".join(sentences)
    found, _ = voices.build(tuple(units), (), Mentions.build(text, ""))
    return {v.name: v.a for v in found}


def speaker_names(text: str) -> list[str]:
    """The names `text` quotes or attributes a claim to, in order (roles left out)."""
    return [name for name, _role in sources(text)]

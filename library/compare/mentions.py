"""Who and what each article names, and which short forms stand for which full names.

Built once per comparison from both whole texts, so a detector looking at two
sentences can tell that "Smith", "Mr. Smith" and "J.S." are the John Smith named
in full elsewhere, and that "the Central Confidentiality Office" is what an
article set up with "(referred to as the Central Confidentiality Office)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from library.compare.aliases import AliasPairs, TaughtAliases
from library.compare.detectors.text import TITLES, entities

_REFERRED = re.compile(
    r"\((?:hereinafter\s+)?(?:referred\s+to\s+as|known\s+as|hereafter|or|aka)\s+(?:the\s+)?"
    r"(?P<alias>[^()]{2,80})\)",
    re.I,
)
_PAREN_ACRONYM = re.compile(r"\((?P<alias>[A-Z][A-Z.&]{1,9})\)")
_TITLED = re.compile(rf"^(?:(?:{'|'.join(sorted(TITLES))})\.?\s+)+", re.I)


def _key(name: str) -> str:
    return " ".join(_TITLED.sub("", name).replace("’", "'").lower().split())


def initials(name: str) -> str:
    """Upper-case initials of a name's capitalised words ("Chinese Communist Party" -> "CCP")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@dataclass(slots=True)
class Mentions:
    """Names in two articles and the full name each short form stands for.

    Args:
        canon: lower-cased short form -> lower-cased full name.
        names_a: canonical names found in article A.
        names_b: canonical names found in article B.
        taught: aliases the user taught (one key for every form of a group).
    """

    canon: dict[str, str] = field(default_factory=dict)
    names_a: set[str] = field(default_factory=set)
    names_b: set[str] = field(default_factory=set)
    taught: TaughtAliases = field(default_factory=TaughtAliases)

    @classmethod
    def build(cls, text_a: str, text_b: str, *, aliases: AliasPairs = ()) -> Mentions:
        """Index the names of both articles and their aliases.

        Args:
            text_a: article A's text.
            text_b: article B's text.
            aliases: name pairs the user taught to be the same (see `aliases.py`).
        """
        out = cls(taught=TaughtAliases(aliases))
        found = {"a": entities(text_a), "b": entities(text_b)}
        full = [n for side in found.values() for n in side if len(n.split()) >= 2]
        # A surname (last word of a full name) or the initials ("A.G.") stand for
        # that full name when only one full name of the pair ends that way.
        keys = sorted({_key(n) for n in full}, key=lambda k: (len(k.split()), k))
        # "Coach Ann Reyes" is the "Ann Reyes" named elsewhere: a full name that
        # ends with a shorter full name of the pair stands for it.
        base: dict[str, str] = {}
        known = set(keys)
        for k in keys:  # shortest first, so a suffix's own base is already known
            words = k.split()
            # A name has a few words; a long capitalised run is not searched through.
            suffixes = (" ".join(words[-n:]) for n in range(2, min(len(words), 6)))
            shorter = next((base[o] for o in suffixes if o in known), None)
            base[k] = shorter or k
            if base[k] != k:
                out.canon[k] = base[k]
        by_last: dict[str, set[str]] = {}
        by_initials: dict[str, set[str]] = {}
        for n in full:
            k = base[_key(n)]
            by_last.setdefault(k.split()[-1], set()).add(k)
            ini = initials(_TITLED.sub("", n))
            if len(ini) >= 2:
                by_initials.setdefault(ini.lower(), set()).add(k)
        for last, names in by_last.items():
            if len(names) == 1:
                out.canon[last] = next(iter(names))
        for ini, names in by_initials.items():
            if len(names) == 1:
                out.canon.setdefault(ini, next(iter(names)))
        for text in (text_a, text_b):
            for rx in (_REFERRED, _PAREN_ACRONYM):
                for m in rx.finditer(text):
                    before = entities(text[max(0, m.start() - 120) : m.start()])
                    if before:
                        out.canon[_key(m.group("alias"))] = _key(before[-1])
        out.names_a = {out.canonical(n) for n in found["a"]}
        out.names_b = {out.canonical(n) for n in found["b"]}
        return out

    def canonical(self, name: str) -> str:
        """The full name `name` stands for (lower-cased), or `name` itself normalised."""
        k = _key(name)
        dotless = k.replace(".", "").replace(" ", "")
        found = k
        for cand in (k, dotless, k.split()[-1] if k and len(k.split()) == 1 else ""):
            if cand and cand in self.canon:
                found = self.canon[cand]
                break
        if self.taught:  # a taught form, as written or as its full name
            return self.taught.key(k) or self.taught.key(found) or found
        return found

    def same(self, x: str, y: str) -> bool:
        """Whether two names stand for the same person, place or body in this pair."""
        return self.canonical(x) == self.canonical(y)

    def mentioned(self, name: str, side: str) -> bool:
        """Whether article `side` ("a" or "b") names `name` (or an alias of it) anywhere."""
        c = self.canonical(name)
        names = self.names_a if side == "a" else self.names_b
        return c in names or any(c in n.split() or n in c.split() for n in names if n)

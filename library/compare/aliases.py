"""Aliases the user taught: "Ministry of State Security = National Security Department".

The text alone cannot tell that two outlets' names for a body are one body;
the user can.  The library stores the taught pairs (`library.store.aliases`)
and a comparison receives them as pairs of names.  Pairs join into groups
(A = B and B = C make A, B and C one body), and every form of a group stands
for one key: the lenses list the forms as one voice or name, the
cross-sentence detectors see one anchor, and the aligner sees the same words
on both sides (`extra_terms`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: Taught pairs as the engine receives them.
AliasPairs = Sequence[tuple[str, str]]

_LEADING_THE = re.compile(r"^the\s+", re.I)


def alias_key(name: str) -> str:
    """The form a name is matched by: case, spacing, curly quotes and a leading "the" ignored."""
    name = _LEADING_THE.sub("", " ".join(name.split()))
    return name.replace("’", "'").casefold()


class TaughtAliases:
    """Groups of names the user declared the same, and lookups into them.

    Args:
        pairs: (name, other name) pairs, in the order they were taught.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        parent: dict[str, str] = {}
        self._written: dict[str, str] = {}  # key -> the form as first taught

        def root(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for a, b in pairs:
            ka, kb = alias_key(a), alias_key(b)
            if not ka or not kb:
                continue
            for k, written in ((ka, a), (kb, b)):
                parent.setdefault(k, k)
                self._written.setdefault(k, " ".join(written.split()))
            ra, rb = root(ka), root(kb)
            if ra != rb:
                # The smaller key leads, so the key does not depend on teaching order.
                parent[max(ra, rb)] = min(ra, rb)
        #: every taught form's key -> its group's key
        self.group: dict[str, str] = {k: root(k) for k in parent}
        # Longest forms first: "ministry of state security of china" before
        # "state security" when both were taught.
        self._forms = sorted(self.group, key=lambda k: (-len(k), k))
        self._patterns = [
            (k, re.compile(rf"(?<!\w){re.escape(k)}(?!\w)", re.I)) for k in self._forms
        ]

    def __bool__(self) -> bool:
        return bool(self.group)

    def key(self, name_key: str) -> str | None:
        """The group key of the taught form a (lower-cased) name is or contains, if any.

        "ccp's national security department" contains the taught "national
        security department"; a name containing no taught form gives None.
        """
        if not self.group:
            return None
        found = self.group.get(name_key)
        if found is not None:
            return found
        padded = f" {name_key} "
        for k in self._forms:
            if f" {k} " in padded or f" {k}'s " in padded:
                return self.group[k]
        return None

    def forms(self, group: str) -> list[str]:
        """Every form of one group, as taught, the first taught first."""
        return [w for k, w in self._written.items() if self.group[k] == group]

    def rewrite_terms(self, text: str, have: Sequence[str]) -> list[str]:
        """A unit's terms with every taught form it names written as its group's first form.

        "The National Security Department warned" then has the terms of "The
        Ministry of State Security warned", in the same place: the aligner
        sees the same words in the same order on both sides.

        Args:
            text: the unit's text.
            have: its terms (`units.terms`).
        """
        out = list(have)
        if not self.group:
            return out
        from library.compare.units import terms

        for k, rx in self._patterns:
            group = self.group[k]
            lead = self.forms(group)[0]
            if alias_key(lead) == k or not rx.search(text):
                continue
            mine, theirs = terms(self._written[k]), terms(lead)
            at = _find(out, mine)
            if at >= 0:
                out[at : at + len(mine)] = theirs
            else:  # a form the terms split differently: its words are added
                out += [t for t in theirs if t not in out]
        return out


def _find(seq: list[str], sub: list[str]) -> int:
    """Where `sub` starts in `seq` as a contiguous run, or -1."""
    if not sub:
        return -1
    for i in range(len(seq) - len(sub) + 1):
        if seq[i : i + len(sub)] == sub:
            return i
    return -1

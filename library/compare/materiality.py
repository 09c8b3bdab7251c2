"""Whether a conflict is material: the two sentences tell one fact apart from the value.

A difference is a contradiction only when both sentences tell the same fact
and the value is what differs.  Ten rounds of rules per false shape lifted
the judged train/dev sets (pooled precision ~0.78) and carried over to blind
ECB+ test pairs at 0.19: most false ones there are numbers owned by something
else (two products' specs, a country's toll against a region's, numbers of
other events), in sentences that each tell other things besides.  So this
step reads, per material conflict, how much the two sentences agree outside
the conflicting values (`agreement.py`) and keeps the conflict material only
where that agreement says "one fact":

* two sentences aligned as a whole (`aligned`, `aligned-low`): when each
  names something the other never writes (another product, place, date or
  person) and they share less than half of the rest, the value may well
  belong to that other thing;
* a claim across sentences not aligned as a whole (`cross-*`, `grown/*`):
  told in two sentences by construction, so it needs the strongest evidence:
  the two must share a good part of what they tell besides the value, or
  tell the value's owner exactly alike, head and modifier ("a 48-page
  indictment" / "the 47-page indictment").

A demoted conflict stays on the pair as a low-severity note that says why
("the sentences tell different things around the value: …"), so the pair
shows as related with both values ("when in doubt, show less and explain
more").  The `slot` path (one named person's figure told two ways) is left
to its own gate (`slots.py`): its owner is pinned by the name itself.
Thresholds were read off the judged train/dev proposals
(`benchmarks/agreement_table.py`; RESULTS-compare.md, prec13).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from library.chinese import is_chinese
from library.compare import slots
from library.compare.agreement import Agreement, agreement
from library.compare.conflict_gate import owner_terms
from library.compare.detectors import direction
from library.compare.kinds import demote, told_with
from library.compare.model import Conflict, Pair
from library.compare.relation import classify

if TYPE_CHECKING:
    from library.compare.detectors.base import Passage

# Paths whose two sides were aligned as one sentence (or a merge of a few).
ALIGNED = frozenset({"aligned", "aligned-low"})
# Paths left to their own gate: one named person's figure (`slots.py`).
OWN_GATE = frozenset({"slot"})
# Two aligned sentences that each name something the other never writes must
# share at least this much of the rest (the lower of the two sides' shares).
MIN_KEPT_NAMED = 0.5
# Two sentences joined across the alignment must share at least this much.
MIN_KEPT_ACROSS = 0.3
_WORD = re.compile(r"[\w'’-]+")


def reads(pair: Pair) -> bool:
    """Whether this step reads `pair`: a divergent pair on a path without its own gate."""
    return pair.relation == "divergent" and pair.via not in OWN_GATE


def doubt(
    c: Conflict, a: Passage, b: Passage, via: str, others: Sequence[Conflict] = ()
) -> str | None:
    """Why material conflict `c` may not be one fact told two ways, or None when it is.

    Args:
        c: a material conflict of a divergent pair.
        a: the pair's side A.
        b: the pair's side B.
        via: the path that made the pair (`Pair.via`).
        others: the pair's other conflicts (their values, a differing speaker
            say, are not things only one side names).
    """
    if _one_persons_age(c, a, b) or direction.pinned(c):
        # A person has one age; one distance from one place locates one thing:
        # the slot is pinned whatever else the two sentences tell.
        return None
    told = agreement(a.text, c.a, b.text, c.b, [o.a for o in others], [o.b for o in others])
    if via in ALIGNED:
        if told.names_a and told.names_b and told.kept < MIN_KEPT_NAMED:
            return "the sentences tell different things around the value: " + _named(told)
        return None
    if told.kept < MIN_KEPT_ACROSS and not _same_owner(c, a, b):
        return "told in two sentences that share little besides the value"
    return None


def _same_owner(c: Conflict, a: Passage, b: Passage) -> bool:
    """Whether both values are told of the same thing in the same way.

    The words told with each value (its head and modifiers, "48-page
    indictment") must be the same on both sides, and either hold a modifier
    besides the head or follow the same word ("to own 19 boats" / "to own
    20 boats"): across sentences a bare head ("people", "homers") is too
    common an owner, two counts of people in one story are most often two
    counts.
    """
    told, owners = told_with(c), owner_terms(c)
    if told is None or owners is None:
        return False
    owner_a, owner_b = owners
    if not owner_a or owner_a != owner_b:
        return False
    if len(owner_a) >= 2:
        return True
    before_a, before_b = _before(a.text, told[0]), _before(b.text, told[1])
    return before_a is not None and before_a == before_b


def _one_persons_age(c: Conflict, a: Passage, b: Passage) -> bool:
    """Whether the two values are the age of one person named in full on both sides
    ("Ines Marlow, 32," / "31-year-old Ines Marlow"), read as the `slot` path reads
    it (`slots.facts`), and no more than a year apart: told farther apart, they
    are most often ages at two times (at the arrest, at the verdict), as there."""
    if c.kind != "number":
        return False
    canonical = a.mentions.canonical
    ages_a = [f for f in slots.facts(a.text, canonical) if f.head == slots.AGE]
    ages_b = [f for f in slots.facts(b.text, canonical) if f.head == slots.AGE]
    return any(
        x.owner == y.owner
        and (x.mention.q.text, y.mention.q.text) == (c.a, c.b)
        and abs(x.mention.q.value - y.mention.q.value) <= 1
        for x in ages_a
        for y in ages_b
    )


def _before(text: str, context: str) -> str | None:
    """The word right before `context` in `text`, lowercased (None when none or not found)."""
    at = text.find(context)
    before = _WORD.findall(text[:at].lower()) if at > 0 else []
    return before[-1] if before else None


def _named(told: Agreement) -> str:
    return f"A also names {', '.join(told.names_a[:3])}; B names {', '.join(told.names_b[:3])}"


def review(pair: Pair, a: Passage, b: Passage) -> Pair:
    """`pair` with each material conflict that is not surely one fact kept as a note.

    Only demotes: a pair this step leaves without a material conflict shows
    as related.  A pair with Chinese on either side is left as it is (the
    readings count English words).

    Args:
        pair: a final divergent pair (`reads`).
        a: its side A.
        b: its side B.
    """
    if is_chinese(a.text) or is_chinese(b.text):
        return pair
    kept: list[Conflict] = []
    for c in pair.conflicts:
        others = [o for o in pair.conflicts if o is not c]
        why = doubt(c, a, b, pair.via, others) if c.material else None
        kept.append(demote(c, why) if why else c)
    conflicts = tuple(kept)
    if conflicts == pair.conflicts:
        return pair
    return replace(pair, relation=classify(conflicts), conflicts=conflicts)

"""Which relation a candidate pair has: "same", "divergent" or "related".

* divergent: the two sides tell one claim and disagree on a material detail;
* related: the same subject told with *different facts* — the conflicts span
  both when it happened and who or how much (each outlet reports a different
  case of the same ministry, with its own date and person), so it is not one
  claim told two ways;
* related too: a material kind kept at low severity by its detector (a
  prospect against its denial: two stages of one story);
* same: no material conflict (low-severity ones, such as a different speaker,
  are kept on the pair as notes).
"""

from __future__ import annotations

from collections.abc import Sequence

from library.compare.kinds import MATERIAL_KINDS, is_material
from library.compare.model import Conflict, Relation

# A pair whose material conflicts touch this many of these slots reports a
# different event, not a different version of the same one.
_EVENT_SLOTS = frozenset({"date", "number", "entity"})
RELATED_MIN_SLOTS = 2


def classify(conflicts: Sequence[Conflict]) -> Relation:
    """The relation of an aligned pair from its conflicts.

    Args:
        conflicts: every conflict found between the two sides.
    """
    material = [c for c in conflicts if is_material(c)]
    if not material:
        # A kind that is material by nature, kept low by its detector: a prospect
        # against its denial ("in talks to direct" / "will not direct") is an
        # earlier and a later stage of the story, neither agreement nor conflict.
        if any(c.kind in MATERIAL_KINDS for c in conflicts):
            return "related"
        return "same"
    slots = {c.kind for c in material} & _EVENT_SLOTS
    if len(slots) >= RELATED_MIN_SLOTS and "date" in slots:
        return "related"
    return "divergent"

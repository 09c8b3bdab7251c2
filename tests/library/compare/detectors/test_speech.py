"""Attribution and quotes are shown but low severity: never material."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors import passages, speech


def test_different_speaker_for_the_same_claim_is_low_severity() -> None:
    a, b = passages(
        "The bridge will reopen in spring, Carla Diaz told reporters.",
        "The bridge will reopen in spring, Omar Haddad told reporters.",
    )
    (c,) = speech.detect_attribution(a, b, ())
    assert (c.kind, c.a, c.b, c.severity, c.material) == (
        "attribution",
        "Carla Diaz",
        "Omar Haddad",
        "low",
        False,
    )


def test_a_low_severity_conflict_alone_keeps_the_pair_same() -> None:
    c = compare_texts(
        "The bridge will reopen in spring, Carla Diaz told reporters.",
        "The bridge will reopen in spring, Omar Haddad told reporters.",
    )
    assert [p.relation for p in c.pairs] == ["same"]
    assert [k.kind for k in c.pairs[0].conflicts] == ["attribution"]

"""Negation: the same predicate, negated on one side only.

A negation cue only counts when the word it negates (its predicate, matched on
stems or a close synonym) is stated on the other side too, without the cue:
"did not resign" vs "resigned" conflicts, but a negated clause only one side
contains ("He is not willing to ...") is extra information.  A negated verb
against its antonym ("would not comply" vs "rejected") is agreement, and two
antonyms are a conflict only when neither is negated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from library.compare.detectors.base import Diff, Passage
from library.compare.detectors.text import WORD, entities
from library.compare.kinds import conflict, demote
from library.compare.model import Conflict, Severity
from library.compare.units import NEGATIONS, STOPWORDS, stem

_NEG_TOKEN = re.compile(
    # "had yet to regain" says "had not yet regained": the same denial.
    r"\b(?:has|have|had|is|are|was|were)\s+yet\s+to\b|"
    # Copies split "didn ’ t" around its apostrophe, or drop it ("cant", "didnt"):
    # one side's "can't speak" against the other's "I cant speak" is one quote.
    r"\bno\s+one\b|\b\w+n\s?[’']\s?t\b|\b(?:can|(?:did|does|do|is|was|were|are|could|would|"
    r"should|has|have|had)n)t\b|\bno\b(?!\.?\s*\d)|\bnot\b(?!\s+only\b)"
    # "pleaded not guilty", "not guilty pleas": a plea, not a verdict denied.
    r"(?!\s+guilty\s+plea)(?<!\bplead\snot)(?<!\bpleads\snot)(?<!\bpleaded\snot)(?<!\bpled\snot)|\b(?:"
    + "|".join(sorted(NEGATIONS - {"no", "not"}))
    + r")\b",
    re.I,
)  # "No. 2" is a rank, not a negation
# Cues that are verbs themselves: what follows them is their object, and
# "denied" against "confirmed" is left to the antonym check.  Pronoun cues
# ("none of these bids is thought ...") negate a verb further on that
# cannot be found without a parser: they are not used.
_VERB_CUES = frozenset({"denied", "denies", "deny", "refused", "refuses", "refuse"})
_CLAUSE_BREAK = frozenset(',;:.()!?"“”—')
_PRONOUN_CUES = frozenset({"none", "nothing", "nobody", "neither", "nor", "no one"})
# Words between a cue and the predicate it negates ("has not yet been charged").
_SKIP = frozenset((
    "be", "been", "being", "is", "was", "are", "were", "am", "have", "has", "had", "do",
    "does", "did", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
    "yet", "ever", "even", "always", "really", "just", "only", "also", "actually",
    "necessarily", "immediately", "longer", "to", "a", "an", "the",
))  # fmt: skip
# Close synonyms, so "did not resign" meets "stepped down" (matched on stems).
_SYNONYMS = (
    ("resign", "quit", "step"), ("arrest", "detain"), ("kill", "slay"),
    ("confirm", "acknowledge"), ("attend", "join"), ("sign", "ink"), ("say", "state"),
    ("leave", "depart", "exit"), ("charge", "indict"), ("hide", "conceal", "disguise"),
)  # fmt: skip
_CANON = {w: group[0] for group in _SYNONYMS for w in group}

# Verbs and adjectives that reverse a news claim when swapped for each other
# ("the assembly passed / rejected the amendment").  Matched on stems.
_OPPOSITES = (
    ("passed", "rejected"), ("approved", "rejected"), ("accepted", "rejected"),
    ("win", "lose"), ("won", "lost"), ("wins", "loses"), ("rise", "fall"), ("rose", "fell"),
    ("rises", "falls"), ("increased", "decreased"), ("raised", "lowered"), ("gain", "loss"),
    ("arrested", "released"), ("convicted", "acquitted"), ("confirmed", "denied"),
    ("admitted", "denied"), ("alive", "dead"), ("survived", "died"), ("opened", "closed"),
    ("allowed", "banned"), ("supported", "opposed"), ("guilty", "innocent"),
    ("hired", "fired"), ("higher", "lower"),
    ("larger", "smaller"), ("started", "ended"), ("began", "ended"), ("comply", "rejected"),
    ("comply", "refused"), ("accept", "refused"),
)  # fmt: skip
_OPPOSITE: dict[str, frozenset[str]] = {}
for _x, _y in _OPPOSITES:
    # A word may have several opposites ("rejected": passed, approved, accepted).
    _OPPOSITE[stem(_x)] = _OPPOSITE.get(stem(_x), frozenset()) | {stem(_y)}
    _OPPOSITE[stem(_y)] = _OPPOSITE.get(stem(_y), frozenset()) | {stem(_x)}


# Irregular past forms, so "never ran" meets "runs" (regular ones meet by stem).
_IRREGULAR = {
    "ran": "run", "won": "win", "lost": "lose", "went": "go", "gone": "go", "left": "leave",
    "took": "take", "taken": "take", "made": "make", "gave": "give", "given": "give",
    "came": "come", "saw": "see", "seen": "see", "got": "get", "held": "hold", "told": "tell",
    "paid": "pay", "sold": "sell", "bought": "buy", "brought": "bring", "fled": "flee",
    "knew": "know", "known": "know", "met": "meet", "sent": "send", "spent": "spend",
    "stood": "stand", "wrote": "write", "written": "write", "began": "begin", "begun": "begin",
    "shot": "shoot", "hit": "hit", "fell": "fall", "fallen": "fall", "found": "find",
    "thought": "think", "kept": "keep", "led": "lead", "quit": "quit", "won't": "will",
}  # fmt: skip


@lru_cache(maxsize=16384)
def lemma(word: str) -> str:
    """A dictionary-like form for matching predicates ("voted"/"vote" -> "vot", "ran" -> "run").

    The engine's stem with a trailing "e" dropped, so "vote" and "voted" meet, and
    a short table of irregular verbs.  (simplemma was tried: no measurable gain on
    the planted negations or RTE-3 dev, and 0.4 s to load its tables.)

    Args:
        word: one word.
    """
    low = word.lower()
    base = _IRREGULAR.get(low, low)
    s = stem(base)
    return s[:-1] if s.endswith("e") and len(s) > 3 else s


def _key(word: str) -> str:
    low = lemma(word)
    return _CANON.get(low, low)


def negation_cues(text: str) -> list[str]:
    """Negation cues in `text` with the word that follows ("not hiding").

    Args:
        text: one passage.
    """
    out = []
    for m in _NEG_TOKEN.finditer(text):
        nxt = WORD.search(text, m.end())
        out.append(m.group() + (" " + nxt.group() if nxt and nxt.start() - m.end() < 3 else ""))
    return out


def negated(text: str) -> dict[str, str]:
    """Predicates negated in `text`: stem key -> the cue and predicate as written.

    A hedged negation ("may never have seen") is left out: it denies nothing
    firmly (`hedged` has those).

    Args:
        text: one passage.
    """
    return _negated(text)[0]


def hedged(text: str) -> dict[str, str]:
    """Predicates negated under a hedge in `text` ("may not attend")."""
    return _negated(text)[1]


@lru_cache(maxsize=4096)
def _negated(text: str) -> tuple[dict[str, str], dict[str, str]]:
    firm: dict[str, str] = {}
    soft: dict[str, str] = {}
    for m in _NEG_TOKEN.finditer(text):
        if " ".join(m.group().lower().split()) in _VERB_CUES | _PRONOUN_CUES:
            continue
        prev = WORD.findall(text[max(0, m.start() - 12) : m.start()])
        # "could not" is mostly a fact ("could not attend"), "may not" a hedge.
        out = soft if prev and prev[-1].lower() in _HEDGES - {"could"} else firm
        last = m.end()
        for w in WORD.finditer(text, m.end(), m.end() + 80):
            # The predicate is the first content word of the same clause ("was not
            # at the meeting" negates "meeting"); "(or perhaps not) for" negates
            # nothing we can name.
            if any(ch in text[last : w.start()] for ch in _CLAUSE_BREAK):
                break
            last = w.end()
            low = w.group().lower()
            if _NEG_TOKEN.fullmatch(w.group()):
                break
            if low in _TELLING:
                # "would not say why the licence was revoked" denies no claim, only the
                # telling: "did not comment" / "commented" still conflict ("say" and
                # "told" are everywhere as attribution, so they are never the key).
                if low not in STOPWORDS:
                    out.setdefault(_key(low), text[m.start() : w.end()])
                break
            if low in _SKIP or low in STOPWORDS:
                continue
            out.setdefault(_key(low), text[m.start() : w.end()])
            for key, shown in _in_scope(text, m, w.end()):
                out.setdefault(key, shown)
            break
    return firm, soft


def _in_scope(text: str, cue: re.Match[str], after: int) -> Iterator[tuple[str, str]]:
    """Further words of a negated clause the cue also denies, so that one denial told
    two ways agrees with itself.

    "No gun has been recovered" denies the recovery as "the gun has not been
    recovered" does: after "no" and its noun, the clause's verb is denied too.
    "did not know of any earlier complaints" denies "earlier complaints" as "there
    hadn't been any earlier complaints" does: a word after "any" is under the negation.
    """
    determiner = cue.group().lower() == "no"
    last = after
    for w in WORD.finditer(text, after, after + 80):
        if any(ch in text[last : w.start()] for ch in _CLAUSE_BREAK) or _NEG_TOKEN.fullmatch(
            w.group()
        ):
            return
        last = w.end()
        low = w.group().lower()
        if low == "any":
            nxt = WORD.match(text, w.end() + 1)
            if nxt is not None and nxt.group().lower() not in STOPWORDS:
                yield _key(nxt.group().lower()), text[cue.start() : nxt.end()]
            return
        if determiner and low not in _SKIP and low not in STOPWORDS:
            yield _key(low), text[cue.start() : w.end()]
            return


# A predicate told as a prospect, not a fact: "in talks to direct", "plans to
# resign", "may attend".  Against "will not direct" it is an earlier stage or a
# hedge, not the other side's claim reversed.
_PROSPECT = frozenset((
    "talks", "talk", "negotiations", "negotiating", "plans", "plan", "planned", "planning",
    "expected", "set", "likely", "unlikely", "hopes", "hope", "hoped", "hoping", "wants",
    "want", "wanted", "considering", "consider", "eyeing", "poised", "tipped", "rumored",
    "rumoured", "offered", "asked", "whether", "intends", "intended", "aims", "seeks", "bid",
    "attempt", "trying", "tried", "deciding", "weighing",
))  # fmt: skip
_HEDGES = frozenset({"may", "might", "could"})
# A prospect against its denial is shown, but never makes a pair divergent
# (`relation.classify` calls such a pair related).
_STAGE: Severity = "low"
# How many words before "to" a prospect word may sit ("in talks with Lionsgate to").
_PROSPECT_REACH = 4


def _prospective(words: list[str], i: int) -> bool:
    """Whether `words[i]` is told as a prospect: a hedge before it, or "to" after a
    prospect word ("back in talks to direct"), with at most an adverb between."""
    before = [w.lower() for w in words[max(0, i - _PROSPECT_REACH - 2) : i]]
    if any(w in _HEDGES for w in before[-2:]):
        return True
    if "to" not in before[-2:]:
        return False
    at = len(before) - 1 - before[::-1].index("to")
    return any(w in _PROSPECT for w in before[max(0, at - _PROSPECT_REACH) : at])


def _in_prospect(text: str, shown: str) -> bool:
    """Whether the negation `shown` sits in a prospect itself ("hoped not to win"):
    against "hoped to win" that is the same prospect reversed, not a later stage."""
    at = text.find(shown)
    before = [w.lower() for w in WORD.findall(text[:at])][-_PROSPECT_REACH:] if at >= 0 else []
    return any(w in _PROSPECT or w in _HEDGES for w in before)


def _plain(text: str) -> set[str]:
    """Lemma keys of `text`'s words stated as facts and not themselves negated."""
    neg = set(negated(text)) | set(hedged(text)) | _untold(text)
    words = WORD.findall(text)
    return {_key(w) for i, w in enumerate(words) if not _prospective(words, i)} - neg


# Verbs of telling: negated, they withhold a claim rather than deny one.  "Detectives
# would not discuss a likely motive" says nothing about a motive, so against
# "police had no motive" it is no conflict; "would not confirm" is left out (a
# denial of the claim's truth more often than a refusal to speak).
_TELLING = frozenset((
    "say", "said", "says", "saying", "tell", "told", "comment", "commented", "discuss",
    "discussed", "disclose", "disclosed", "reveal", "revealed", "elaborate", "specify",
    "explain", "explained", "speculate", "detail",
))  # fmt: skip


@lru_cache(maxsize=4096)
def _untold(text: str) -> frozenset[str]:
    """Lemma keys of the words a negated verb of telling withholds, to its clause's end."""
    out: set[str] = set()
    for m in _NEG_TOKEN.finditer(text):
        words = list(WORD.finditer(text, m.end(), m.end() + 80))
        told = next((k for k, w in enumerate(words[:3]) if w.group().lower() in _TELLING), None)
        if told is None:
            continue
        last = words[told].end()
        for w in words[told + 1 :]:
            if any(ch in text[last : w.start()] for ch in _CLAUSE_BREAK):
                break
            out.add(_key(w.group()))
            last = w.end()
    return frozenset(out)


def _prospects(text: str) -> dict[str, str]:
    """Lemma keys of `text`'s words told only as prospects -> the word as written."""
    words = WORD.findall(text)
    out = {_key(w): w for i, w in enumerate(words) if _prospective(words, i)}
    for key in _plain(text) | set(negated(text)) | set(hedged(text)):
        out.pop(key, None)
    return out


def detect(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """The same predicate negated on one side only.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B (unused).
    """
    na, nb = negated(a.text), negated(b.text)
    if not na and not nb:
        return
    pa, pb = _plain(a.text), _plain(b.text)
    qa, qb = _prospects(a.text), _prospects(b.text)
    raised = _raised(na, nb, pa, pb) | _raised(nb, na, pb, pa)
    for key, shown in na.items():
        if _denied_alike(key, na, nb) or key in raised:
            continue
        if key not in nb and key in pb:
            c = conflict("negation", shown, "", context_b=f"{key}… (not negated)")
            yield _about_another(c, a.text, shown, b.text, key)
        elif key not in nb and key in qb:
            # "will not direct" / "in talks to direct": two stages of the story.
            yield conflict(
                "negation",
                shown,
                "",
                context_b=f"{qb[key]} (a prospect)",
                severity=None if _in_prospect(a.text, shown) else _STAGE,
            )
    for key, shown in nb.items():
        if _denied_alike(key, nb, na) or key in raised:
            continue
        if key not in na and key in pa:
            c = conflict("negation", "", shown, context_a=f"{key}… (not negated)")
            yield _about_another(c, b.text, shown, a.text, key)
        elif key not in na and key in qa:
            yield conflict(
                "negation",
                "",
                shown,
                context_a=f"{qa[key]} (a prospect)",
                severity=None if _in_prospect(b.text, shown) else _STAGE,
            )


def _about_another(c: Conflict, denied: str, shown: str, stated: str, key: str) -> Conflict:
    """`c`, demoted when the denial and the statement name two different objects.

    "she never stayed at Holloway, she is at Northgate" / "she stays at
    Northgate": the denial is about a place the other side never names, and the
    other side's own predicate names another; both can be true.
    """
    at = denied.find(shown)
    if at >= 0 and _other_moment(_clause(denied, at + len(shown)), stated):
        # "was not at the hall at the time of the fire" / "visited the hall": the
        # denial holds for one moment, the statement may be of another.
        return demote(c, "denied for one moment only")
    named = _object_names(denied, at + len(shown)) if at >= 0 else set()
    if not named or any(n in stated.lower() for n in named):
        return c
    word = next((w for w in WORD.finditer(stated) if _key(w.group()) == key), None)
    other = _object_names(stated, word.end()) if word else set()
    if not other or other & named:
        return c
    return demote(c, f"about another: {' / '.join(sorted(named))} · {' / '.join(sorted(other))}")


def _object_names(text: str, start: int) -> set[str]:
    """Names told right after a predicate, up to its clause's end ("stayed at
    Holloway, she ..." -> {"holloway"})."""
    return {n.lower() for n in entities(_clause(text, start, _OBJECT_WORDS))}


def _clause(text: str, start: int, most: int = 12) -> str:
    """The rest of a clause from `start`: at most `most` words, up to a break or
    "but" / "and"."""
    end = start
    for w in list(WORD.finditer(text, start, start + 100))[:most]:
        if any(ch in text[end : w.start()] for ch in _CLAUSE_BREAK) or w.group() in ("but", "and"):
            break
        end = w.end()
    return text[start:end]


def _other_moment(clause: str, stated: str) -> bool:
    """Whether a denied clause holds for a moment ("at the time of the fire") that the
    statement does not name: then the statement may be of another moment."""
    m = _AT_A_MOMENT.search(clause)
    if m is None:
        return False
    moment = {lemma(w) for w in WORD.findall(clause[m.start() :]) if w.lower() not in STOPWORDS}
    told = {lemma(w) for w in WORD.findall(stated)}
    return not moment <= told


# A denial held for one moment: "was not there at the time of the fire", "when
# the alarm rang", "while the crews worked".
_AT_A_MOMENT = re.compile(r"\b(?:at\s+the\s+time|when|while)\b", re.I)


_OBJECT_WORDS = 6


# Verbs of thinking a denial is raised to: "I didn't feel we were executing" is
# "I feel we weren't executing" told with the "not" one verb up.
_RAISING = frozenset(stem(w) for w in ("feel", "think", "believe", "expect", "suppose", "seem"))


def _raised(
    mine: dict[str, str], other: dict[str, str], plain_mine: set[str], plain_other: set[str]
) -> set[str]:
    """The keys of one denial told two ways: a verb of thinking denied on this side
    (plain on the other) and a verb denied on the other side (plain on this one)."""
    up = {k for k in mine if k in _RAISING and k not in other and k in plain_other}
    down = {k for k in other if k not in _RAISING and k not in mine and k in plain_mine}
    return up | down if up and down else set()


def _denied_alike(key: str, mine: dict[str, str], other: dict[str, str]) -> bool:
    """Whether the cue that denies `key` also denies a word the other side denies:
    "No gun has been recovered" ("gun", "recover") / "The gun has not been
    recovered" ("recover") tell one denial, the gun not being negated on its own."""
    shown = mine[key]
    return any(
        k != key and k in other and (s.startswith(shown) or shown.startswith(s))
        for k, s in mine.items()
    )


def detect_opposites(a: Passage, b: Passage, diff: Diff) -> Iterator[Conflict]:
    """A word only in A whose opposite is only in B, neither of them negated.

    Words both sides share are in the equal runs, so "rose ... fell" told the
    same way on both sides is never flagged; the changed words need not sit
    next to each other (a short claim against a long sentence diffs in many
    hunks).  "did not pass" against "rejected" says the same thing.

    Args:
        a: side A.
        b: side B.
        diff: word diff of A against B.
    """
    removed: dict[str, str] = {}
    added: dict[str, str] = {}
    for op, text in diff:
        if op == 0:
            continue
        side = removed if op == -1 else added
        for w in WORD.findall(text):
            side.setdefault(stem(w), w)
    neg = {stem(k) for t in (a.text, b.text) for k in negated(t)}
    for s, w in removed.items():
        if s in neg:
            continue
        for other in sorted(_OPPOSITE.get(s, ())):
            if other in added and other not in removed and s not in added:
                if other in neg:
                    continue
                if not _same_frame(a.text, w, b.text, added[other]):
                    # "was arrested for …" vs "released an article": the two
                    # verbs are about different things, not one claim reversed.
                    continue
                yield conflict("negation", w, added[other])
                break


# How many words either side of two opposite words are looked at for a shared one.
_FRAME = 6


def _same_frame(text_a: str, word_a: str, text_b: str, word_b: str) -> bool:
    """Whether two opposite words act on the same thing: a content word near both.

    "the assembly passed the amendment" / "the assembly rejected the
    amendment" share "assembly" and "amendment" (lower-case words: a shared
    name or day alone does not make one frame); "an employee was arrested for
    visiting websites" / "the bureau released an article" share nothing, so
    "arrested" against "released" there is no reversed claim.
    """
    return bool(_around(text_a, word_a) & _around(text_b, word_b))


def _around(text: str, word: str) -> set[str]:
    words = WORD.findall(text)
    near: set[str] = set()
    for i, w in enumerate(words):
        if w != word:
            continue
        for other in words[max(0, i - _FRAME) : i + _FRAME + 1]:
            low = other.lower()
            # Names and days say where and when, not what was done: "Turkmenistan's
            # election ended Sunday" / "voters in Turkmenistan began to vote" share
            # only the place, and tell two moments of one day.
            if other[0].isupper() or other[0].isdigit():
                continue
            if other != word and low not in STOPWORDS and low not in NEGATIONS and len(low) > 2:
                near.add(stem(other))
    return near

"""Plain records for notes: what a note says and what it is attached to.

A note is attached to exactly one target:

* ``article``    – a whole article (``article_id``);
* ``passage``    – a passage of an article, located by an `Anchor`;
* ``comparison`` – a comparison of two articles (``article_id``, ``article_b_id``);
* ``claim``      – one divergent claim of a comparison (plus a `Claim`).

Article ids belong to one library.db, which can be rebuilt; so a note also
keeps each article's `ArticleRef` (source path and text hash) and the uid of
the library its ids come from.  An id is used only within that library; a
note whose article is not in the library is *waiting* for it (see
`library.notes.identity`).

Everything here is immutable and Qt-free; `to_dict` / `from_dict` give the JSON
form used by export and import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast

from library.article import Article
from library.errors import InvalidNote

_DIGITS = re.compile(r"-?[0-9]+")  # ASCII only: int() also reads '٣' and '²'

NoteKind = Literal["article", "passage", "comparison", "claim"]
KINDS: tuple[NoteKind, ...] = ("article", "passage", "comparison", "claim")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage note sits in its article's body.

    The quote and its context are the truth; offsets are a hint that is
    recomputed whenever the article changes (see `library.notes.anchoring`).

    Args:
        quote: the passage text as it was when noted.
        prefix: up to ~48 characters just before the quote.
        suffix: up to ~48 characters just after it.
        start: offset of the quote in `Article.body`.
        end: offset just past the quote.
    """

    quote: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        try:
            return cls(
                quote=str(data["quote"]),
                prefix=str(data.get("prefix") or ""),
                suffix=str(data.get("suffix") or ""),
                start=_int(data.get("start") or 0, "start"),
                end=_int(data.get("end") or 0, "end"),
            )
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise InvalidNote(f"Bad anchor {data!r}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Claim:
    """One divergent claim of a comparison: the paired units and the claim text.

    Args:
        units_a: unit (sentence) ids on side A of the comparison.
        units_b: unit ids on side B.
        text: the claim as shown to the reader (searchable, kept if units change).
    """

    units_a: tuple[int, ...]
    units_b: tuple[int, ...]
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"units_a": list(self.units_a), "units_b": list(self.units_b), "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        try:
            return cls(
                units_a=tuple(_int(u, "units_a") for u in data.get("units_a") or ()),
                units_b=tuple(_int(u, "units_b") for u in data.get("units_b") or ()),
                text=str(data.get("text") or ""),
            )
        except (TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise InvalidNote(f"Bad claim {data!r}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What identifies a note's article in any library, rebuilt or not.

    Args:
        path: the source file as the library stores it (None for text that
            came without a file).
        hash: `Article.content_hash` of the version the note is on.
        title: the article's title then, to name it while the note waits.
    """

    path: str | None
    hash: str
    title: str = ""

    @classmethod
    def of(cls, article: Article) -> ArticleRef:
        """The reference of an `Article`."""
        return cls(article.source_path, article.content_hash, article.title)

    def label(self) -> str:
        """How to name the article to the user: its title and file."""
        if self.title and self.path:
            return f"{self.title} — {self.path}"
        return self.title or self.path or f"text {self.hash[:12]}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "hash": self.hash, "title": self.title}

    @classmethod
    def from_dict(cls, data: Any) -> ArticleRef | None:
        if data is None:
            return None
        try:
            path = data.get("path")
            return cls(
                path=None if path is None else str(path),
                hash=str(data.get("hash") or ""),
                title=str(data.get("title") or ""),
            )
        except AttributeError as exc:
            raise InvalidNote(f"Bad article reference {data!r}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Note:
    """One private note.

    Args:
        id: the row id, stable for the life of the note (printed by the CLI).
        uid: a UUID that identifies the note across exports and imports.
        text: Markdown.
        tags: lower-cased, de-duplicated, sorted.
        created_at, updated_at: ISO 8601 UTC timestamps.
        kind: what the note is attached to (see module docstring).
        article_id: the article (or side A of a comparison) in the open
            library; None while the note waits for its article.
        article_b_id: side B, for comparison and claim notes.
        anchor: for passage notes.
        claim: for claim notes.
        detached: a passage note whose quote could not be found in the
            article's current version; it keeps its quote and is shown apart.
        deleted_at: set while the note is in the trash.
        article_ref, article_b_ref: each side's identity, which outlives
            the library's ids.
        library_uid: the library that `article_id` and `article_b_id` come
            from (None in a note written before Parallax recorded it).
    """

    id: int
    uid: str
    text: str
    kind: NoteKind
    article_id: int | None
    created_at: str
    updated_at: str
    tags: tuple[str, ...] = ()
    article_b_id: int | None = None
    anchor: Anchor | None = None
    claim: Claim | None = None
    detached: bool = False
    deleted_at: str | None = None
    article_ref: ArticleRef | None = None
    article_b_ref: ArticleRef | None = None
    library_uid: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    @property
    def pair(self) -> bool:
        """Whether the note is on two articles (a comparison or one of its claims)."""
        return self.kind in ("comparison", "claim")

    @property
    def waiting(self) -> bool:
        """Whether an article of the note is not in the open library (not yet re-imported)."""
        return self.article_id is None or (self.pair and self.article_b_id is None)

    @property
    def title(self) -> str:
        """A one-line label: the first non-empty line of the text, or the quote."""
        for line in self.text.splitlines():
            if line.strip():
                return line.strip().lstrip("#").strip()[:80]
        if self.anchor is not None:
            return f"“{self.anchor.quote[:60]}”"
        return "(empty note)"

    def with_changes(self, **changes: Any) -> Note:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (export format version 1)."""
        return {
            "id": self.id,
            "uid": self.uid,
            "kind": self.kind,
            "text": self.text,
            "tags": list(self.tags),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "article_id": self.article_id,
            "article_b_id": self.article_b_id,
            "anchor": None if self.anchor is None else self.anchor.to_dict(),
            "claim": None if self.claim is None else self.claim.to_dict(),
            "detached": self.detached,
            "deleted_at": self.deleted_at,
            "article_ref": None if self.article_ref is None else self.article_ref.to_dict(),
            "article_b_ref": None if self.article_b_ref is None else self.article_b_ref.to_dict(),
            "library_uid": self.library_uid,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        """Parse the JSON form, checking what a hand-edited file could get wrong.

        Raises:
            InvalidNote: a required field is missing or has the wrong type.
        """
        if not isinstance(data, dict):
            raise InvalidNote(f"A note must be a JSON object, not {type(data).__name__}.")
        kind = data.get("kind")
        if kind not in KINDS:
            raise InvalidNote(f"Unknown note kind {kind!r}; expected one of {', '.join(KINDS)}.")
        try:
            anchor = Anchor.from_dict(data["anchor"]) if data.get("anchor") else None
            claim = Claim.from_dict(data["claim"]) if data.get("claim") else None
            note = cls(
                id=_int(data.get("id") or 0, "id"),
                uid=str(data["uid"]),
                text=str(data.get("text") or ""),
                kind=cast(NoteKind, kind),
                article_id=_opt_int(data.get("article_id"), "article_id"),
                article_b_id=_opt_int(data.get("article_b_id"), "article_b_id"),
                created_at=str(data["created_at"]),
                updated_at=str(data.get("updated_at") or data["created_at"]),
                tags=normalize_tags(data.get("tags") or ()),
                anchor=anchor,
                claim=claim,
                detached=bool(data.get("detached")),
                deleted_at=None if data.get("deleted_at") is None else str(data["deleted_at"]),
                article_ref=ArticleRef.from_dict(data.get("article_ref")),
                article_b_ref=ArticleRef.from_dict(data.get("article_b_ref")),
                library_uid=None if data.get("library_uid") is None else str(data["library_uid"]),
            )
        except KeyError as exc:
            raise InvalidNote(f"Bad note {data.get('uid', '?')}: missing {exc}") from exc
        except (TypeError, ValueError, OverflowError) as exc:
            raise InvalidNote(f"Bad note {data.get('uid', '?')}: {exc}") from exc
        check_target(note)
        return note


def normalize_tags(tags: Any) -> tuple[str, ...]:
    """Tags as stored: stripped, lower-case, no leading '#', no duplicates, sorted.

    Args:
        tags: an iterable of strings, or one comma/space separated string.
    """
    if isinstance(tags, str):
        tags = tags.replace(",", " ").split()
    # Tags are stored space-separated, so a tag itself never contains a space.
    cleaned = {"-".join(str(t).lstrip().lstrip("#").lower().split()) for t in tags}
    return tuple(sorted(t for t in cleaned if t))


def check_target(note: Note) -> None:
    """Raise `InvalidNote` unless the note's fields fit its kind.

    A side needs an id or, for a note waiting for its article, a reference.
    """
    if note.article_id is None and note.article_ref is None:
        raise InvalidNote(f"A {note.kind} note needs an article id.")
    if note.kind == "passage" and (note.anchor is None or not note.anchor.quote):
        raise InvalidNote("A passage note needs the quoted passage.")
    if note.pair and note.article_b_id is None and note.article_b_ref is None:
        raise InvalidNote(f"A {note.kind} note needs both article ids.")
    if note.kind == "claim" and note.claim is None:
        raise InvalidNote("A claim note needs the claim it is about.")


def _opt_int(value: Any, name: str) -> int | None:
    return None if value is None else _int(value, name)


def _int(value: Any, name: str) -> int:
    """An integer SQLite can store (a hand-edited file may hold 1e400 or 2**70).

    Only a whole number is an id: `true` (Python's 1), 1.9 (silently 1) or
    "٣" would re-point a note to an article the user never chose.
    """
    said = f"{name} {json.dumps(value, ensure_ascii=False)[:40]}"  # as the file spells it
    if (
        isinstance(value, bool)
        or (isinstance(value, float) and not value.is_integer())
        or (isinstance(value, str) and not _DIGITS.fullmatch(value))
    ):
        raise ValueError(f"{said} is not a whole number")
    number = int(value)
    if not -(2**63) <= number < 2**63:
        raise ValueError(f"{said} is out of range")
    return number

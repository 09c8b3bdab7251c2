"""Export notes to Markdown (to read) and JSON (to keep), and import JSON back.

The JSON file is a full, lossless copy: every field of every note, trashed
ones included, so exporting and importing it back changes nothing.  Notes are
matched by `uid` on import; an existing note is replaced only by a newer edit.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from library.notes.model import InvalidNote, Note

if TYPE_CHECKING:
    from library.notes.store import NotesStore

FORMAT = "parallax-notes"
VERSION = 1
#: Notes written per transaction by `import_json`.
IMPORT_BATCH = 500
#: ...and for at most this long (seconds), then pause `IMPORT_PAUSE` seconds
#: so that another window's or command's write gets its turn.
IMPORT_BATCH_SECONDS = 0.5
IMPORT_PAUSE = 0.06
ExportFormat = Literal["md", "json"]
TitleLookup = Mapping[int, str] | Callable[[int], str | None]


@dataclass
class ImportReport:
    """What importing a JSON file did, by note id."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged"
        )

    def to_dict(self) -> dict[str, list[int]]:
        """The JSON form `parallax notes import --json` prints."""
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged}


def select_notes(store: NotesStore, article_id: int | None = None) -> list[Note]:
    """The notes an export covers: all (trash included), or one article's, oldest first."""
    notes = store.all_notes(include_trash=True)
    if article_id is None:
        return notes
    return [n for n in notes if article_id in (n.article_id, n.article_b_id)]


def to_json(notes: Iterable[Note]) -> str:
    """The JSON export document for `notes`."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "notes": [note.to_dict() for note in notes],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_markdown(notes: Iterable[Note], titles: TitleLookup | None = None) -> str:
    """A readable Markdown document: one section per article, trashed notes left out.

    Args:
        notes: the notes to write.
        titles: article id → title (a mapping or a function); ids are shown otherwise.
    """
    live = [n for n in notes if not n.in_trash]
    lines = ["# Parallax notes", ""]
    if not live:
        lines += ["_No notes._", ""]
    groups: dict[tuple[int | None, int | None], list[Note]] = {}
    for note in live:
        pair = note.article_b_id if note.kind in ("comparison", "claim") else None
        groups.setdefault((note.article_id, pair), []).append(note)
    for (a_id, b_id), group in groups.items():
        heading = _title(a_id, titles)
        if b_id is not None:
            heading = f"Comparison: {heading} ↔ {_title(b_id, titles)}"
        lines += [f"## {heading}", ""]
        for note in group:
            lines += _note_markdown(note)
    return "\n".join(lines).rstrip() + "\n"


def parse_json(text: str) -> list[Note]:
    """Notes from a JSON export.

    Raises:
        InvalidNote: not JSON, not a Parallax notes export, or a bad note.
    """
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidNote(f"Not a JSON file: {exc.msg} (line {exc.lineno}).") from exc
    except RecursionError as exc:
        raise InvalidNote("Not a Parallax notes export: the JSON is nested too deeply.") from exc
    except ValueError as exc:  # a number of over 4,300 digits
        raise InvalidNote(f"Not a Parallax notes export: {exc}.") from exc
    if isinstance(doc, list):  # a bare list of notes is accepted too
        doc = {"format": FORMAT, "version": VERSION, "notes": doc}
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidNote('Not a Parallax notes export (no "format": "parallax-notes").')
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise InvalidNote(
            f"This notes file is version {doc.get('version')!r}; "
            f"this Parallax reads version {VERSION}. Upgrade Parallax to import it."
        )
    raw = doc.get("notes")
    if not isinstance(raw, list):
        raise InvalidNote('The file has no "notes" list.')
    notes = [Note.from_dict(item) for item in raw]
    for number, note in enumerate(notes, 1):
        _check_unicode(note, number)
    return notes


def import_json(store: NotesStore, text: str) -> ImportReport:
    """Import a JSON export into `store`; all notes are checked before any is written.

    Notes are written `IMPORT_BATCH` at a time, one transaction each, so a
    large file never holds the write lock for long (60,000 notes in one
    transaction froze every other window's note edits for ~10 s).  An import
    stopped part-way (killed, disk full) keeps whole batches; importing the
    same file again completes it, since notes are matched by `uid`.

    Raises:
        InvalidNote: the file is not a valid export (nothing is imported).
    """
    notes = parse_json(text)  # every note checked (`Note.from_dict`) before any is written
    report = ImportReport()
    done = 0
    while done < len(notes):
        if done:
            # Let go of the lock for a moment: SQLite's busy handler polls
            # (every 100 ms once it has waited a while), and a writer that
            # begins again at once starved `notes add` into "locked" for the
            # whole minute a 60,000-note import takes.
            time.sleep(IMPORT_PAUSE)
        deadline = time.monotonic() + IMPORT_BATCH_SECONDS
        with store.batch():
            for note in notes[done : done + IMPORT_BATCH]:
                outcome = store.import_note(note)
                stored = store.find_uid(note.uid)
                getattr(report, outcome).append(stored.id if stored else note.id)
                done += 1
                if time.monotonic() > deadline:
                    break
    return report


def _check_unicode(note: Note, number: int) -> None:
    """Refuse text SQLite cannot store: a lone surrogate such as JSON's "\\ud800"."""
    try:
        json.dumps(note.to_dict(), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidNote(
            f"Note {number} in the file has text that is not valid Unicode "
            f"(a lone surrogate, {exc.object[exc.start : exc.end]!a})."
        ) from exc


def _title(article_id: int | None, titles: TitleLookup | None) -> str:
    if article_id is None:
        return "(no article)"
    found: str | None = None
    if callable(titles):
        found = titles(article_id)
    elif titles is not None:
        found = titles.get(article_id)
    return f"{found} (article {article_id})" if found else f"Article {article_id}"


def _note_markdown(note: Note) -> list[str]:
    meta = [note.created_at[:16].replace("T", " ") + " UTC"]
    if note.updated_at[:16] != note.created_at[:16]:
        meta.append(f"edited {note.updated_at[:16].replace('T', ' ')}")
    if note.tags:
        meta.append(" ".join(f"#{t}" for t in note.tags))
    if note.detached:
        meta.append("detached: passage not found in the current version")
    out = [f"### Note {note.id}", "", f"_{' · '.join(meta)}_", ""]
    quote = note.anchor.quote if note.anchor else (note.claim.text if note.claim else "")
    if quote:
        out += ["> " + line for line in quote.splitlines() or [""]]
        out.append("")
    if note.text.strip():
        out += [note.text.rstrip(), ""]
    return out

"""Reading the `notes` rows straight out of a damaged SQLite file, page by page.

SQLite gives up on a file whose b-tree is broken: a `notes.db` cut in half
reads as "malformed" although most of its pages are intact.  This module
reads SQLite's on-disk format itself (https://sqlite.org/fileformat2.html):

1. the header's page size; the WAL next to the file, if any, laid over it
   (committed frames only);
2. `sqlite_master` from page 1, for the `notes` table's root page and its
   columns (or, when page 1 is gone, the columns of the current schema);
3. every table leaf page reachable from that root, and every *orphan* leaf
   (one whose parent page was lost) whose records have the notes row shape.
   Pages on the free list and pages of other tables are never read as notes.

A record is kept only when all of it was read: a cell whose overflow chain
runs past the end of the file or into a page that is not an overflow page,
or whose text is not valid UTF-8, is counted as unreadable, never returned
half-filled.  Pure Python and read-only: the damaged file is never changed.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

HEADER = b"SQLite format 3\x00"
TABLE_LEAF, TABLE_INTERIOR = 13, 5
_PAGE_TYPES = {2, 5, 10, 13}
_WAL_MAGIC = (0x377F0682, 0x377F0683)
Value = int | float | str | bytes | None


class Damaged(ValueError):
    """A cell or page that cannot be read in full.

    Attributes:
        rowid: the damaged record's rowid, when the cell got that far.
    """

    rowid: int | None = None


@dataclass
class PageRows:
    """What `read_rows` found.

    Attributes:
        columns: the table's column names, in record order.
        rows: one dict per readable record (column name → value).
        unreadable: rowids of the table's records that could not be read whole.
    """

    columns: list[str]
    rows: list[dict[str, Value]] = field(default_factory=list)
    unreadable: set[int] = field(default_factory=set)


class PageFile:
    """The pages of a (possibly truncated) SQLite file and its WAL, read into memory."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        self.page_size = _page_size(data)
        reserved = data[20] if len(data) > 20 else 0
        self.usable = self.page_size - reserved
        self.encoding = {2: "utf-16-le", 3: "utf-16-be"}.get(
            int.from_bytes(data[56:60], "big") if len(data) >= 60 else 1, "utf-8"
        )
        self.pages: dict[int, bytes] = {}
        for n in range(len(data) // self.page_size):
            self.pages[n + 1] = data[n * self.page_size : (n + 1) * self.page_size]
        self.pages.update(_wal_pages(Path(f"{path}-wal"), self.page_size))

    def page(self, number: int) -> bytes:
        found = self.pages.get(number)
        if found is None:
            raise Damaged(f"page {number} is missing")
        return found

    def kind(self, number: int) -> int | None:
        """The b-tree page type byte of page `number`, or None if it is not a b-tree page."""
        page = self.pages.get(number)
        if page is None:
            return None
        kind = page[100 if number == 1 else 0]
        return kind if kind in _PAGE_TYPES else None

    def cells(self, number: int) -> Iterator[tuple[int, int]]:
        """(cell offset, child or 0) for each cell of a table b-tree page; raises `Damaged`."""
        page = self.page(number)
        head = 100 if number == 1 else 0
        kind = page[head]
        count = int.from_bytes(page[head + 3 : head + 5], "big")
        start = head + (12 if kind == TABLE_INTERIOR else 8)
        if start + 2 * count > self.usable:
            raise Damaged(f"page {number} claims {count} cells")
        for i in range(count):
            offset = int.from_bytes(page[start + 2 * i : start + 2 * i + 2], "big")
            if not start + 2 * count <= offset < self.usable:
                raise Damaged(f"page {number} has a cell outside the page")
            child = int.from_bytes(page[offset : offset + 4], "big") if kind != TABLE_LEAF else 0
            yield offset, child
        if kind == TABLE_INTERIOR:
            yield 0, int.from_bytes(page[head + 8 : head + 12], "big")

    def record(self, number: int, offset: int) -> tuple[int, list[Value]]:
        """(rowid, values) of the table leaf cell at `offset` of page `number`."""
        page = self.page(number)
        try:
            size, at = _varint(page, offset)
            rowid, at = _varint(page, at)
        except IndexError as exc:
            raise Damaged("cell runs past its page") from exc
        try:
            return _signed(rowid), _decode(self._payload(page, at, size), self.encoding)
        except (Damaged, IndexError, UnicodeDecodeError, struct.error) as exc:
            damaged = Damaged(f"record {_signed(rowid)}: {exc}")
            damaged.rowid = _signed(rowid)
            raise damaged from exc

    def _payload(self, page: bytes, at: int, size: int) -> bytes:
        usable = self.usable
        most = usable - 35
        if size <= most:
            local = size
        else:
            least = (usable - 12) * 32 // 255 - 23
            local = least + (size - least) % (usable - 4)
            local = local if local <= most else least
        if at + local > usable:
            raise Damaged("cell runs past its page")
        parts = [page[at : at + local]]
        got, seen = local, set()
        next_page = int.from_bytes(page[at + local : at + local + 4], "big") if local < size else 0
        while got < size:
            if next_page == 0 or next_page in seen:
                raise Damaged("overflow chain ends early")
            seen.add(next_page)
            if self.kind(next_page) is not None:
                raise Damaged("overflow chain leads into a b-tree page")
            over = self.page(next_page)
            piece = over[4 : 4 + min(usable - 4, size - got)]
            parts.append(piece)
            got += len(piece)
            next_page = int.from_bytes(over[:4], "big")
        return b"".join(parts)

    def tree_pages(self, root: int) -> tuple[set[int], set[int]]:
        """(leaf pages, all pages) of the table b-tree at `root`, skipping lost parts."""
        leaves: set[int] = set()
        seen: set[int] = set()
        todo = [root]
        while todo:
            number = todo.pop()
            if number in seen or number < 1:
                continue
            seen.add(number)
            kind = self.kind(number)
            if kind == TABLE_LEAF:
                leaves.add(number)
            elif kind == TABLE_INTERIOR:
                try:
                    todo.extend(child for _, child in self.cells(number))
                except Damaged:
                    continue
        return leaves, seen

    def free_pages(self) -> set[int]:
        """Pages on the free list (they may hold stale copies of old rows)."""
        header = self.pages.get(1, b"")
        trunk = int.from_bytes(header[32:36], "big") if len(header) >= 36 else 0
        free: set[int] = set()
        while trunk and trunk not in free and trunk in self.pages:
            free.add(trunk)
            page = self.pages[trunk]
            count = min(int.from_bytes(page[4:8], "big"), (self.usable - 8) // 4)
            free.update(int.from_bytes(page[8 + 4 * i : 12 + 4 * i], "big") for i in range(count))
            trunk = int.from_bytes(page[:4], "big")
        return free


def read_rows(path: Path, table: str, fallback_sql: str) -> PageRows:
    """Every whole record of `table` that can be found in the SQLite file at `path`.

    Args:
        path: a damaged or truncated SQLite file (its `-wal`, if any, is read too).
        table: the table's name in `sqlite_master`.
        fallback_sql: its `CREATE TABLE` statement, used when `sqlite_master` is lost.

    Raises:
        OSError: the file cannot be read.
    """
    pages = PageFile(path)
    schema = _schema(pages)
    root, sql = schema.get(table, (0, fallback_sql))
    columns, rowid_column, defaults = _columns(sql or fallback_sql, table)
    found = PageRows(columns)
    owned = pages.tree_pages(1)[1]  # sqlite_master's own pages
    for name, (other_root, _) in schema.items():
        if name != table:
            owned |= pages.tree_pages(other_root)[1]
    leaves = pages.tree_pages(root)[0] if root else set()
    skip = owned | pages.free_pages() | leaves
    orphans = {n for n in pages.pages if n not in skip and pages.kind(n) == TABLE_LEAF}
    for number in sorted(leaves | orphans):
        try:
            offsets = [offset for offset, _ in pages.cells(number)]
        except Damaged:
            continue
        for offset in offsets:
            try:
                rowid, values = pages.record(number, offset)
            except Damaged as exc:
                # In the notes tree it was a note; elsewhere it may be anything.
                if number in leaves and exc.rowid is not None:
                    found.unreadable.add(exc.rowid)
                continue
            if len(values) > len(columns):
                continue
            row = dict(zip(columns, [*values, *defaults[len(values) :]], strict=True))
            if rowid_column is not None:
                row[rowid_column] = rowid
            found.rows.append(row)
    return found


def _schema(pages: PageFile) -> dict[str, tuple[int, str]]:
    """Table name → (root page, CREATE sql) from `sqlite_master`; {} if page 1 is lost."""
    tables: dict[str, tuple[int, str]] = {}
    leaves, _ = pages.tree_pages(1)
    for number in sorted(leaves):
        try:
            offsets = [offset for offset, _ in pages.cells(number)]
        except Damaged:
            continue
        for offset in offsets:
            try:
                _, values = pages.record(number, offset)
            except Damaged:
                continue
            if len(values) == 5 and values[0] == "table" and isinstance(values[3], int):
                tables[str(values[1])] = (values[3], str(values[4] or ""))
    return tables


def _columns(sql: str, table: str) -> tuple[list[str], str | None, list[Value]]:
    """(column names, the INTEGER PRIMARY KEY column or None, defaults) of a CREATE TABLE."""
    if not sql.lstrip().upper().startswith("CREATE TABLE"):
        return [], None, []  # the file is not trusted: run nothing else from it
    db = sqlite_utils.Database(memory=True)
    try:
        db.execute(sql)
        info = db.execute(f"PRAGMA table_info([{table}])").fetchall()
        defaults = [
            db.execute(f"SELECT {dflt}").fetchone()[0] if dflt is not None else None
            for _, _, _, _, dflt, _ in info
        ]
    except sqlite3.Error:
        return [], None, []
    finally:
        db.close()
    keys = [row for row in info if row[5]]
    rowid = keys[0][1] if len(keys) == 1 and str(keys[0][2]).upper() == "INTEGER" else None
    return [row[1] for row in info], rowid, defaults


def _decode(payload: bytes, encoding: str) -> list[Value]:
    header_size, at = _varint(payload, 0)
    if header_size > len(payload):
        raise Damaged("record header runs past the record")
    types = []
    while at < header_size:
        serial, at = _varint(payload, at)
        types.append(serial)
    body = header_size
    values: list[Value] = []
    for serial in types:
        width = _width(serial)
        chunk = payload[body : body + width]
        if len(chunk) != width:
            raise Damaged("record body is short")
        body += width
        values.append(_value(serial, chunk, encoding))
    if body != len(payload):
        raise Damaged("record size does not add up")
    return values


def _width(serial: int) -> int:
    if serial >= 12:
        return (serial - 12) // 2
    if serial in (10, 11):
        raise Damaged("reserved serial type")
    return (0, 1, 2, 3, 4, 6, 8, 8, 0, 0)[serial]


def _value(serial: int, chunk: bytes, encoding: str) -> Value:
    if serial == 0:
        return None
    if serial in (8, 9):
        return serial - 8
    if serial == 7:
        return float(struct.unpack(">d", chunk)[0])
    if serial < 7:
        return int.from_bytes(chunk, "big", signed=True)
    if serial % 2:
        text = chunk.decode(encoding)  # strict: garbage bytes fail, never pass as text
        if "\x00" in text:
            raise Damaged("text holds NUL bytes (a zeroed page)")
        return text
    return chunk


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = data[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise AssertionError("unreachable")


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def _page_size(data: bytes) -> int:
    raw = int.from_bytes(data[16:18], "big") if len(data) >= 18 else 0
    size = 65536 if raw == 1 else raw
    if size >= 512 and size & (size - 1) == 0:
        return size
    return 4096  # header lost: SQLite's default


def _wal_pages(path: Path, page_size: int) -> dict[int, bytes]:
    """Pages of the committed, checksum-valid frames of a WAL file (newest copy wins)."""
    try:
        wal = path.read_bytes()
    except OSError:
        return {}
    if len(wal) < 32:
        return {}
    magic, _, size, _, salt1, salt2 = struct.unpack(">6I", wal[:24])
    if magic not in _WAL_MAGIC or size != page_size:
        return {}
    order = "<" if magic == _WAL_MAGIC[0] else ">"
    s0, s1 = _checksum(wal[:24], 0, 0, order)
    if (s0, s1) != struct.unpack(">2I", wal[24:32]):
        return {}
    committed: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    at = 32
    while at + 24 + page_size <= len(wal):
        number, commit, f_salt1, f_salt2, c0, c1 = struct.unpack(">6I", wal[at : at + 24])
        page = wal[at + 24 : at + 24 + page_size]
        s0, s1 = _checksum(wal[at : at + 8], s0, s1, order)
        s0, s1 = _checksum(page, s0, s1, order)
        if (f_salt1, f_salt2) != (salt1, salt2) or (s0, s1) != (c0, c1):
            break
        pending[number] = page
        if commit:
            committed.update(pending)
            pending = {}
        at += 24 + page_size
    return committed


def _checksum(data: bytes, s0: int, s1: int, order: str) -> tuple[int, int]:
    words: Any = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1

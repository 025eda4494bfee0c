"""Limits an uploaded sheet must keep before a parser sees it (see docs/imports.md).

An XLSX is a zip of XML parts, and openpyxl's cost is set by what the parts unpack to, not
by the upload's size: a 700 KB file can unpack to 190 MB of rows. :func:`check_xlsx` reads
the zip's directory and inflates every part once, a chunk at a time, and refuses the file
(413 ``payload_too_large``, or 415 for XML no spreadsheet program writes) when it is past a
limit, before openpyxl opens it. :func:`guarded_rows` then caps what reading yields: the
length of a cell (422 ``cell_too_long``) and the number of rows.

Members are inflated by :mod:`zipfile`, which stops at the size the directory declares and
then checks the CRC: a part that lies about its size is cut there and fails, it never
inflates past the declared total that was checked.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from defusedxml import ElementTree as SafeTree

from liushou.config import Settings
from liushou.errors import AppError, Unprocessable

MIB = 1024 * 1024
# A workbook holds tens of parts; its directory a few KB.
MAX_MEMBERS = 1000
MAX_DIRECTORY_BYTES = MIB
# Parts openpyxl parses whole into a tree (workbook, styles, relationships, properties):
# kilobytes in a real workbook, and a tree costs tens of times its XML in memory.
MAX_WHOLE_PART_BYTES = MIB
# Worksheets and the shared strings are streamed, element by element; an element still
# sits whole in memory until it ends, so a row (or a shared string) may not exceed this.
MAX_ELEMENT_BYTES = MIB
# Elements outside rows (columns, merged cells, validations...): a row-less element stays
# in memory to the end of the part.
MAX_OUTSIDE_ELEMENTS = 50_000
# Per data row allowed (LIUSHOU_MAX_IMPORT_ROWS), the worksheets may hold this many row
# elements (blank and formatted rows: a column formatted down to Excel's old 65,536 rows
# stays within 5 a data row of the 20,000) and XML elements (a template-shaped row has
# about 40: a cell is <c>, <is>, <t> or <c>, <v>).
ROWS_PER_DATA_ROW = 5
ELEMENTS_PER_DATA_ROW = 100
# Shared strings: openpyxl reads each into a Python object (~16 µs each) before any row.
STRINGS_PER_DATA_ROW = 12
# Columns read: the template has 36; more are a village's own and are ignored anyway.
MAX_COLUMNS = 128

CHUNK = MIB
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CONTENT_TYPES = "[Content_Types].xml"
# Parts openpyxl loads whole by their fixed name, whatever [Content_Types].xml says.
WHOLE_BY_NAME = frozenset(
    {CONTENT_TYPES, "xl/styles.xml", "docProps/core.xml", "docProps/custom.xml"}
)


DTD = re.compile(rb"<!DOCTYPE|<!ENTITY")


class SheetTooLarge(AppError):
    """413: the file unpacks past a limit (the same code as an upload over its size)."""

    status, code = 413, "payload_too_large"


class UnsafeXml(AppError):
    status, code = 415, "unsupported_media_type"


class CellTooLong(Unprocessable):
    code = "cell_too_long"


@dataclass(frozen=True)
class SheetLimits:
    unpacked_bytes: int
    cell_chars: int
    data_rows: int

    @classmethod
    def of(cls, settings: Settings) -> SheetLimits:
        return cls(
            unpacked_bytes=settings.max_import_unpacked_bytes,
            cell_chars=settings.max_import_cell_chars,
            data_rows=settings.max_import_rows,
        )

    @property
    def sheet_rows(self) -> int:
        return ROWS_PER_DATA_ROW * self.data_rows

    @property
    def sheet_elements(self) -> int:
        return ELEMENTS_PER_DATA_ROW * self.data_rows

    @property
    def shared_strings(self) -> int:
        return STRINGS_PER_DATA_ROW * self.data_rows


def _too_large(zh: str, en: str, limit: int) -> SheetTooLarge:
    return SheetTooLarge(zh, en, limit=limit)


# --- XLSX: the zip -------------------------------------------------------------------


def check_xlsx(upload: IO[bytes], limits: SheetLimits) -> None:
    """Refuse an XLSX that would cost more to read than a sheet of the allowed size.

    ``upload``: the file, seekable (read where needed, never whole into memory). Raises
    :class:`SheetTooLarge`, :class:`UnsafeXml`, or ``zipfile.BadZipFile`` (and
    ``ValueError``/``OSError``) for a file that is not a readable zip at all."""
    if _directory_bytes(upload) > MAX_DIRECTORY_BYTES:
        raise _members_error()
    with zipfile.ZipFile(upload) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _members_error()
        unpacked = sum(info.file_size for info in members)
        if unpacked > limits.unpacked_bytes:
            raise _too_large(
                f"XLSX 文件解压后超过 {limits.unpacked_bytes} 字节上限。",
                f"The XLSX file unpacks to more than {limits.unpacked_bytes} bytes.",
                limits.unpacked_bytes,
            )
        streamed = _streamed_parts(archive)
        counts = _Counts(limits)
        for info in members:
            _check_member(archive, info, info.filename in streamed, counts)


# The end of a zip that holds its end record (22 bytes and a comment of at most 65,535),
# and the zip64 locator (20) and record (56) before it.
_TAIL_BYTES = 22 + 65_535 + 20 + 56


def _directory_bytes(upload: IO[bytes]) -> int:
    """The central directory's size as :mod:`zipfile` will read it (zip64 record included),
    read before zipfile builds an object for each of its entries."""
    size = upload.seek(0, io.SEEK_END)
    start = max(0, size - _TAIL_BYTES)
    upload.seek(start)
    data = upload.read()  # offsets below are within this tail of the file
    end = data.rfind(b"PK\x05\x06", max(0, size - 22 - 65_535) - start)
    if end < 0:
        raise zipfile.BadZipFile("no end of central directory")
    size = int.from_bytes(data[end + 12 : end + 16], "little")
    locator = end - 20
    record = locator - 56
    if record >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        if data[record : record + 4] == b"PK\x06\x06":
            size = max(size, int.from_bytes(data[record + 40 : record + 48], "little"))
    return size


def _members_error() -> SheetTooLarge:
    return _too_large(
        f"XLSX 文件包含的部件过多（上限 {MAX_MEMBERS} 个）。",
        f"The XLSX file holds too many parts (at most {MAX_MEMBERS}).",
        MAX_MEMBERS,
    )


def _streamed_parts(archive: zipfile.ZipFile) -> set[str]:
    """Parts declared only as worksheets or shared strings: openpyxl streams those; it
    finds the workbook and the shared strings by these declarations, so a part declared
    as anything else as well may be read whole."""
    info = archive.getinfo(CONTENT_TYPES) if CONTENT_TYPES in archive.namelist() else None
    if info is None:
        return set()
    if info.file_size > MAX_WHOLE_PART_BYTES:
        raise _part_error(CONTENT_TYPES)
    xml = archive.read(info)
    if DTD.search(xml):
        raise _dtd_error()
    try:
        root = SafeTree.fromstring(xml)
    except Exception:  # noqa: BLE001 - defusedxml and expat errors alike: not a workbook
        raise UnsafeXml(*_NOT_XLSX) from None
    types: dict[str, set[str]] = {}
    for element in root:
        if element.tag.endswith("Override"):
            name = element.get("PartName", "").lstrip("/")
            types.setdefault(name, set()).add(element.get("ContentType", ""))
    wanted = {WORKSHEET_TYPE, STRINGS_TYPE}
    return {
        name
        for name, kinds in types.items()
        if kinds <= wanted and name not in WHOLE_BY_NAME and not name.endswith(".rels")
    }


_NOT_XLSX = ("文件不是 CSV 或 XLSX 表格。", "The file is neither a CSV nor an XLSX spreadsheet.")


def _dtd_error() -> UnsafeXml:
    return UnsafeXml(
        "XLSX 文件中含有 DTD 或实体声明，电子表格软件不会写入这些内容，文件被拒绝。",
        "The XLSX file declares a DTD or entities, which no spreadsheet program writes.",
    )


def _part_error(name: str) -> SheetTooLarge:
    return _too_large(
        f"XLSX 文件的部件 {name} 过大。",
        f"The part {name} of the XLSX file is too large.",
        MAX_WHOLE_PART_BYTES,
    )


@dataclass
class _Counts:
    """Totals over the whole package, refused as soon as one passes its limit."""

    limits: SheetLimits
    rows: int = 0
    elements: int = 0
    strings: int = 0
    candidates: int = 0

    def add_candidates(self, count: int) -> None:
        """Places that may be a row or string tag: at most a few per allowed one."""
        self.candidates += count
        limit = 4 * (self.limits.sheet_rows + self.limits.shared_strings)
        if self.candidates > limit:
            raise _too_large(
                "XLSX 文件的工作表结构过于复杂。",
                "The XLSX worksheets are too complex to read.",
                limit,
            )

    def add(self, rows: int, elements: int, strings: int) -> None:
        self.rows += rows
        self.elements += elements
        self.strings += strings
        limits = self.limits
        for count, limit, zh, en in (
            (self.rows, limits.sheet_rows, "行（含空行）", "rows (blank ones included)"),
            (self.elements, limits.sheet_elements, "个 XML 元素", "XML elements"),
            (self.strings, limits.shared_strings, "个共享字符串", "shared strings"),
        ):
            if count > limit:
                raise _too_large(
                    f"XLSX 文件的工作表超过 {limit} {zh}。",
                    f"The XLSX file holds more than {limit} {en}.",
                    limit,
                )


# A row or shared-string tag, its attributes spelled out exactly (a value may hold ">",
# never "<"), so a match is a whole tag. Matched only where bytes.find saw one of NEEDLES
# (a regex search over every "<" costs ~30 ms a MB; this ~5).
BOUNDARY = re.compile(
    rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(row|si)"
    rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>"
)
NEEDLES = (b"<row", b"</row", b"<si", b"</si", b":row", b":si")
DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?\s*<\?xml[^<>]*\?>")


def _check_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, streamed: bool, counts: _Counts
) -> None:
    """Inflate one part a chunk at a time. Any XML part: no DTD. A part openpyxl reads
    whole: small. A streamed part (worksheet, shared strings): see :class:`_StreamScan`."""
    with archive.open(info) as stream:
        chunk = stream.read(CHUNK)
        if not _is_xml(chunk):
            return  # images, printer settings: openpyxl never parses them
        if not streamed:
            if info.file_size > MAX_WHOLE_PART_BYTES:
                raise _part_error(info.filename)
            if DTD.search(chunk + stream.read()):
                raise _dtd_error()
            return
        scan = _StreamScan(info.filename, counts)
        while chunk:
            scan.feed(chunk)
            chunk = stream.read(CHUNK)
        scan.finish()


class _StreamScan:
    """A streamed part, checked the way openpyxl will hold it in memory.

    openpyxl keeps a ``<row>`` (or ``<si>``) whole until it ends, then clears it; anything
    else it keeps to the end of the part. So: rows and strings do not nest and are at most
    :data:`MAX_ELEMENT_BYTES` each; at most :data:`MAX_OUTSIDE_ELEMENTS` elements lie
    outside them; no comment, CDATA, DTD or processing instruction (no spreadsheet program
    writes one, and a comment could hide a tag from this scan)."""

    def __init__(self, name: str, counts: _Counts) -> None:
        self.name = name
        self.counts = counts
        self.pending = b""  # an unfinished tag, carried to the next chunk
        self.offset = 0  # where ``pending`` starts in the part
        self.opened_at: int | None = None  # offset of the open row/string's start tag
        self.outside = 0
        self.first = True

    def feed(self, chunk: bytes) -> None:
        data = self.pending + chunk
        if self.first:
            self.first = False
            declaration = DECLARATION.match(data)
            if declaration:
                self.offset += declaration.end()
                data = data[declaration.end() :]
        cut = data.rfind(b"<")
        if cut == -1 or data.find(b">", cut) != -1:
            cut = len(data)
        self._scan(data, cut)
        self.pending, self.offset = data[cut:], self.offset + cut
        if len(self.pending) > MAX_ELEMENT_BYTES or self._open_bytes() > MAX_ELEMENT_BYTES:
            raise _element_error(self.name)

    def finish(self) -> None:
        self._scan(self.pending, len(self.pending))

    def _open_bytes(self) -> int:
        return 0 if self.opened_at is None else self.offset + len(self.pending) - self.opened_at

    def _scan(self, data: bytes, end: int) -> None:
        if data.find(b"<!", 0, end) != -1 or data.find(b"<?", 0, end) != -1:
            raise UnsafeXml(*_NOT_SPREADSHEET_XML)
        # Every "<" but those of end tags opens an element ("<!", "<?" are refused above).
        elements = data.count(b"<", 0, end) - data.count(b"</", 0, end)
        rows = strings = 0
        position = 0
        for tag in self._boundaries(data, end):
            closing, name, empty = tag.groups()
            if not closing:
                rows += name == b"row"
                strings += name == b"si"
            if self.opened_at is None:
                self._outside(data, position, tag.start())
                if closing:
                    raise UnsafeXml(*_NOT_SPREADSHEET_XML)
                if not empty:
                    self.opened_at = self.offset + tag.start()
            elif closing:
                if self.offset + tag.end() - self.opened_at > MAX_ELEMENT_BYTES:
                    raise _element_error(self.name)
                self.opened_at = None
            else:
                raise UnsafeXml(*_NOT_SPREADSHEET_XML)  # a row inside a row
            position = tag.end()
        if self.opened_at is None:
            self._outside(data, position, end)
        self.counts.add(rows, elements, strings)

    def _boundaries(self, data: bytes, end: int) -> Iterator[re.Match[bytes]]:
        """The row and shared-string tags of ``data[:end]``, in order."""
        candidates = sum(data.count(needle, 0, end) for needle in NEEDLES)
        self.counts.add_candidates(candidates)  # text full of "si" costs a loop each
        starts: set[int] = set()
        for needle in NEEDLES:
            at = data.find(needle, 0, end)
            while at != -1:
                starts.add(at if needle[0] == 60 else data.rfind(b"<", 0, at))  # 60: "<"
                at = data.find(needle, at + 1, end)
        for start in sorted(starts):
            tag = BOUNDARY.match(data, start, end)
            if tag is not None:
                yield tag

    def _outside(self, data: bytes, start: int, end: int) -> None:
        self.outside += data.count(b"<", start, end) - data.count(b"</", start, end)
        if self.outside > MAX_OUTSIDE_ELEMENTS:
            raise _element_error(self.name)


_NOT_SPREADSHEET_XML = (
    "XLSX 文件的 XML 结构不是电子表格软件写出的样子（嵌套的行、注释或 DTD），文件被拒绝。",
    "The XLSX file's XML is not shaped as spreadsheet programs write it "
    "(nested rows, comments or a DTD).",
)


def _is_xml(start: bytes) -> bool:
    """XML as spreadsheet programs write it: UTF-8 (with or without BOM) from its first
    ``<``. UTF-16 XML would slip past the byte scans above, so it is refused."""
    if start[:2] in (b"\xff\xfe", b"\xfe\xff") or start[:2] in (b"<\x00", b"\x00<"):
        raise UnsafeXml(*_NOT_XLSX)
    return start.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<"


def _element_error(name: str) -> SheetTooLarge:
    return _too_large(
        f"XLSX 文件的部件 {name} 中有一行（或一个字符串）或表头表尾过大。",
        f"A row (or string), or the part around the rows, of {name} in the XLSX file is too large.",
        MAX_ELEMENT_BYTES,
    )


# --- rows, whatever the format -------------------------------------------------------


def guarded_rows(
    rows: Iterator[tuple[int, list[Any]]], limits: SheetLimits, english: bool
) -> Iterator[tuple[int, list[Any]]]:
    """The rows as read, refused at the first cell longer than the cap (no column takes
    more, and each error message may quote a cell) or past the sheet's row limit."""
    cap = limits.cell_chars
    for number, cells in rows:
        if number > limits.sheet_rows:
            raise _too_large(
                f"表格超过 {limits.sheet_rows} 行（含空行）。",
                f"The sheet has more than {limits.sheet_rows} rows (blank ones included).",
                limits.sheet_rows,
            )
        for index, cell in enumerate(cells):
            if isinstance(cell, str) and len(cell) > cap:
                raise cell_too_long(number, index, cap, english)
        yield number, cells


def cell_too_long(row: int, index: int | None, cap: int, english: bool) -> CellTooLong:
    """The 422 naming the first cell over the cap (its column as a letter, or "" when the
    CSV reader gave up before telling which)."""
    column = "" if index is None else column_letter(index)
    msg = (
        f"Row {row}, column {column}: the cell is longer than {cap} characters."
        if english
        else f"第 {row} 行 {column} 列的内容超过 {cap} 个字符。"
    )
    return CellTooLong(
        f"第 {row} 行 {column} 列的内容超过 {cap} 个字符上限，文件未被读取。",
        f"Row {row}, column {column} holds a cell longer than {cap} characters; "
        "the file was not read.",
        errors=[
            {
                "loc": ["file", row, column],
                "row": row,
                "column": column,
                "code": "cell_too_long",
                "msg": msg,
            }
        ],
        limit=cap,
    )


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as the spreadsheet program shows it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

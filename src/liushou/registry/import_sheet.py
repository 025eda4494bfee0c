"""An uploaded person import sheet read into rows.

The file is recognised by its bytes, not its name or declared type: XLSX (a zip holding
``xl/workbook.xml``) or CSV in UTF-8 with or without BOM; anything else is 415. Its rows are
read within the limits of ``registry/sheet_guards.py`` (see docs/imports.md). The header row
(the first naming 姓名, after at most a few title rows) maps the columns; the data rows
follow it.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, BinaryIO, cast

from liushou.errors import AppError, Unprocessable
from liushou.registry import sheet_guards as guards
from liushou.registry.import_cells import Text, cell_text, row_error
from liushou.registry.import_columns import HEADER_LOOKUP, REQUIRED_HEADERS, normalize_header

# How many leading rows may sit above the header (a sheet title, a date line).
HEADER_SEARCH_ROWS = 10
_FORMULA_START = ("=", "+", "-", "@")
# The file's first bytes, enough to tell XLSX, old Excel and a text file apart.
_SNIFF_BYTES = 65536


class UnsupportedFile(AppError):
    status, code = 415, "unsupported_media_type"


class SheetProblem(Unprocessable):
    """The sheet as a whole cannot be read: no header, a missing column, no rows."""


@dataclass
class Sheet:
    kind: str  # "csv" or "xlsx"
    rows: Iterator[tuple[int, list[Any]]]  # (sheet row number, cell values)


def open_sheet(upload: IO[bytes], t: Text, limits: guards.SheetLimits) -> Sheet:
    """Recognise the file by its bytes and iterate its rows, within ``limits`` (checked
    before a parser sees the file: see docs/imports.md). The file is read from its start, a
    chunk at a time, never whole into memory: it may be a spooled upload on disk."""
    if _is_blank(upload):
        raise SheetProblem(
            "文件为空。", "The file is empty.", code="empty_file", errors=[_file_error(t)]
        )
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    if head[:4] == b"PK\x03\x04":
        rows = _xlsx_rows(upload, limits)
        return Sheet("xlsx", guards.guarded_rows(rows, limits, t.english))
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnsupportedFile(
            "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV（UTF-8）后再导入。",
            "Old Excel (.xls) files are not supported; save as .xlsx or CSV (UTF-8).",
        )
    if b"\x00" in head:
        raise _not_a_sheet()
    delimiter = _csv_delimiter(upload)
    rows = _csv_rows(upload, delimiter, limits, t.english)
    return Sheet("csv", guards.guarded_rows(rows, limits, t.english))


def _is_blank(upload: IO[bytes]) -> bool:
    """Nothing but byte order marks, then ASCII white space."""
    upload.seek(0)
    leading = True
    while chunk := upload.read(guards.CHUNK):
        if leading:
            chunk = chunk.lstrip(b"\xef\xbb\xbf")
            if not chunk:
                continue
            leading = False
        if chunk.strip():
            return False
    return True


def _not_a_sheet() -> UnsupportedFile:
    return UnsupportedFile(
        "文件不是 CSV 或 XLSX 表格。", "The file is neither a CSV nor an XLSX spreadsheet."
    )


def _file_error(t: Text) -> dict[str, Any]:
    return row_error(1, "", "empty_file", t("文件中没有表头或数据。", "No header or data rows."))


def _csv_delimiter(upload: IO[bytes]) -> str:
    """Tab when the first line has tabs and no comma; else comma. The whole file is decoded
    first, a chunk at a time, so a file that is not UTF-8 is refused before any row is
    read."""
    upload.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    tab = comma = False
    first_line = True
    try:
        while chunk := upload.read(guards.CHUNK):
            text = decoder.decode(chunk)
            if first_line:
                line, newline, _ = text.partition("\n")
                tab, comma = tab or "\t" in line, comma or "," in line
                first_line = not newline
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise UnsupportedFile(
            "CSV 文件须为 UTF-8 编码（在 Excel 中“另存为 CSV UTF-8”），或直接上传 .xlsx。",
            "A CSV file must be UTF-8 encoded (Excel: Save As 'CSV UTF-8'), or upload .xlsx.",
        ) from None
    return "\t" if tab and not comma else ","


def _csv_rows(
    upload: IO[bytes], delimiter: str, limits: guards.SheetLimits, english: bool
) -> Iterator[tuple[int, list[Any]]]:
    upload.seek(0)
    # Lines as StringIO(newline="") gives them (any line end, kept as it is), read a buffer
    # at a time; detached at the end, so the upload itself stays open.
    text = io.TextIOWrapper(cast(BinaryIO, upload), encoding="utf-8-sig", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    # A quoted cell may span lines: the record number is the row number Excel shows.
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            yield number, [_unescape_formula(cell) for cell in record]
    except csv.Error as exc:
        # The csv module stops at a cell of 128 Ki characters, far past the cap (which
        # guarded_rows applies); anything else it refuses (a NUL byte) is not a sheet.
        if "field larger than field limit" in str(exc):
            raise guards.cell_too_long(number + 1, None, limits.cell_chars, english) from None
        raise _not_a_sheet() from None
    finally:
        text.detach()


def _unescape_formula(cell: str) -> str:
    """Exports write ``'=…`` so spreadsheet programs never run a cell as a formula."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_START:
        return cell[1:]
    return cell


def _xlsx_rows(upload: IO[bytes], limits: guards.SheetLimits) -> Iterator[tuple[int, list[Any]]]:
    try:
        guards.check_xlsx(upload, limits)  # before openpyxl sees a byte of it
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise _not_a_sheet() from None
    if "xl/workbook.xml" not in names:
        raise _not_a_sheet()
    from openpyxl import load_workbook  # imported here: it costs ~0.2 s at start-up

    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:  # noqa: BLE001 - openpyxl raises anything from KeyError to lxml errors
        raise _not_a_sheet() from None
    return _xlsx_iter(workbook, sheet)


def _xlsx_iter(workbook: Any, sheet: Any) -> Iterator[tuple[int, list[Any]]]:
    try:
        # Read-only sheets yield empty tuples for missing rows, so numbering stays right.
        rows = sheet.iter_rows(values_only=True, max_col=guards.MAX_COLUMNS)
        for number, values in enumerate(rows, start=1):
            # A blank row (Excel keeps formatted ones) costs one C-level count, not a loop.
            yield number, [] if values.count(None) == len(values) else list(values)
    except Exception:  # noqa: BLE001 - a damaged sheet part
        raise _not_a_sheet() from None
    finally:
        workbook.close()


# --- the header and the data rows ----------------------------------------------------


def find_header(
    rows: Iterator[tuple[int, list[Any]]], t: Text
) -> tuple[int, dict[str, int], Iterator[tuple[int, list[Any]]]]:
    """The header row's number, the position of each known column, and the rows after it."""
    seen: list[tuple[int, list[Any]]] = []
    header: tuple[int, list[Any]] | None = None
    for number, cells in rows:
        if not any(cell_text(c) for c in cells):
            continue
        seen.append((number, cells))
        if any(normalize_header(c) == "姓名" for c in cells):
            header = (number, cells)
            break
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        if not seen:
            raise SheetProblem(
                "文件中没有表头或数据。",
                "The file has no header or data rows.",
                code="empty_file",
                errors=[_file_error(t)],
            )
        header = seen[0]
    number, cells = header
    positions: dict[str, int] = {}
    errors = []
    for index, cell in enumerate(cells):
        name = HEADER_LOOKUP.get(normalize_header(cell))
        if name is None:
            continue  # 序号, 备注, ... and the export-only columns
        if name in positions:
            errors.append(
                row_error(
                    number,
                    name,
                    "duplicate_column",
                    t(f"「{name}」列出现了两次。", f"Column {name} appears twice."),
                )
            )
        positions[name] = index
    for name in REQUIRED_HEADERS:
        if name not in positions:
            errors.append(
                row_error(
                    number,
                    name,
                    "missing_column",
                    t(f"缺少必填列「{name}」。", f"The required column {name} is missing."),
                )
            )
    if errors:
        missing = [e["column"] for e in errors if e["code"] == "missing_column"]
        raise SheetProblem(
            f"缺少必填列：{'、'.join(missing)}。" if missing else "表头有重复的列。",
            f"Missing required columns: {', '.join(missing)}."
            if missing
            else "The header repeats a column.",
            code="missing_column" if missing else "duplicate_column",
            errors=errors,
        )
    # Leading rows read while looking for the header sat above it: a title, not data.
    return number, positions, rows


def data_records(
    rows: Iterator[tuple[int, list[Any]]], header_row: int, limit: int, t: Text
) -> Iterator[tuple[int, list[Any]]]:
    """The non-blank rows after the header, as they are read; past ``limit`` of them, or
    without any, the sheet is refused."""
    records = 0
    for number, cells in rows:
        if not any(cell_text(c) for c in cells):
            continue  # blank lines, and the empty rows Excel keeps at the end
        records += 1
        if records > limit:
            raise SheetProblem(
                f"数据行超过 {limit} 行上限，请分成几个文件导入。",
                f"More than {limit} data rows; split the file.",
                code="too_many_rows",
                limit=limit,
            )
        yield number, cells
    if not records:
        raise SheetProblem(
            "文件中只有表头，没有数据行。",
            "The file has a header but no data rows.",
            code="empty_file",
            errors=[
                row_error(
                    header_row,
                    "",
                    "empty_file",
                    t("没有数据行。", "No data rows."),
                )
            ],
        )

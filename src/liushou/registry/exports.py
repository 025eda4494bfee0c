"""`GET /exports/persons.csv|.xlsx`: the persons list as a spreadsheet, masked, streamed.

* The rows are the list's own query (``repository.list_persons``/``list_persons_as_of``:
  same filters, same region scope), read in keyset batches of ``export_batch_size`` rows,
  so memory does not grow with the number of rows. Each batch is its own short read: an
  export is not one snapshot, but keyset order means no row is skipped or repeated.
* A read whose cost grows with the data never runs on the event loop (docs/performance.md):
  each batch is read and turned into cells on a worker thread (``Database.read_heavy``),
  and its CSV text or XLSX rows are written on one too, so the loop serves other requests
  between batches however large the export.
* Columns are the import template's headers (same labels), then a few export-only
  columns the import ignores; ID and phone numbers are the masked forms only. So an
  export can be imported again once the full ID numbers are filled in.
* CSV is written batch by batch into the response. XLSX cannot be streamed while it is
  built (a zip whose directory comes last): openpyxl's write-only workbook writes the rows
  to a temporary file (constant memory), the file is then zipped and sent, and deleted.
* Every export is audited: who, format, filters and the number of rows.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import anyio.to_thread
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from liushou.api.pagination import PageParams
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.clock import local_date
from liushou.db import Database
from liushou.enums import LabelledEnum
from liushou.registry import repository as repo
from liushou.registry.enums import ExitReason, PersonCategory, PersonStatus
from liushou.registry.import_columns import COLUMNS, Column
from liushou.registry.query import PersonQuery
from liushou.registry.schemas import PROFILE_FIELD
from liushou.registry.serializers import as_of_body, person_body

# Columns the import ignores: what a reader of the export needs besides the template's.
EXTRA_HEADERS = ["村/社区名称", "年龄", "状态", "退出日期", "退出原因", "人员编号", "更新时间"]
HEADERS = [c.header for c in COLUMNS] + EXTRA_HEADERS
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class _Batch:
    cells: list[list[Any]]
    next_after: tuple[Any, ...] | None  # the sort key of its last row when more follow


@dataclass
class Export:
    """One export's query and progress (read by the audit record at the end)."""

    db: Database
    caller: Principal
    query: PersonQuery
    batch_size: int
    updated_since: datetime | None = None
    rows: int = 0
    _regions: dict[uuid.UUID, tuple[str, str]] = field(default_factory=dict)

    async def batches(self) -> AsyncIterator[list[list[Any]]]:
        """The rows as cells, a batch at a time, each batch read on a worker thread
        (``Database.read_heavy``): the event loop is free between and during batches."""
        page = PageParams.batches(self.batch_size, self.updated_since)
        last: tuple[Any, ...] | None = None
        while True:
            # Never refused (503 busy): the response has started, a refusal would cut the file.
            batch = await self.db.read_heavy(lambda conn: self._batch(conn, page), refusable=False)
            if batch.cells:
                yield batch.cells
                self.rows += len(batch.cells)
            if batch.next_after is None:
                return
            if last is not None and batch.next_after <= last:
                raise RuntimeError("export keyset did not advance")  # never loop forever
            last = batch.next_after
            page.resume_after(list(last))

    def _batch(self, conn: Connection, page: PageParams) -> _Batch:
        """One page of the list as cells (on the worker thread: building the bodies and
        cells of a batch costs more than reading it)."""
        filters, as_of = self.query.filters, self.query.as_of
        rows: Sequence[Any]
        sort_key: Callable[[Any], Sequence[Any]]
        if as_of is None:  # the list's order, (region_path, id): village by village
            rows = repo.list_persons(conn, self.caller, page, filters)
            bodies = [person_body(r) for r in rows[: self.batch_size]]
            sort_key = repo.person_sort_key
        else:  # as the as-of list, by id
            rows = repo.list_persons_as_of(conn, self.caller, page, filters, as_of)
            bodies = [as_of_body(r, as_of) for r in rows[: self.batch_size]]
            sort_key = repo.as_of_sort_key
        self._load_regions(conn, {uuid.UUID(str(b["region_id"])) for b in bodies})
        more = len(rows) > self.batch_size  # the page reads one row past the batch
        next_after = tuple(sort_key(rows[self.batch_size - 1])) if more else None
        return _Batch([self._cells(body) for body in bodies], next_after)

    def _load_regions(self, conn: Connection, ids: set[uuid.UUID]) -> None:
        """Codes and names of the villages (a register has hundreds, not millions)."""
        missing = sorted(ids - self._regions.keys())
        if not missing:
            return
        r = repo.region_t.c
        for row in conn.execute(sa.select(r.id, r.code, r.name).where(r.id.in_(missing))):
            self._regions[row[0]] = (row[1], row[2])

    def _cells(self, body: Mapping[str, Any]) -> list[Any]:
        category = PersonCategory(body["category"])
        profile = body.get(PROFILE_FIELD[category]) or {}
        code, village = self._regions.get(uuid.UUID(str(body["region_id"])), ("", ""))
        cells = [make(body, profile, code) for make in _CELL_MAKERS[category]]
        status = body["status"]
        cells += [
            village,
            body["age"],
            PersonStatus(status).label_zh,
            _day(body["exited_on"]),
            ExitReason(body["exit_reason"]).label_zh if body["exit_reason"] else None,
            str(uuid.UUID(str(body["id"]))),
            local_date(body["updated_at"]).isoformat() if body.get("updated_at") else None,
        ]
        return cells

    def record(self, fmt: str, *, complete: bool) -> Callable[[Any], None]:
        """The audit event of this export, for ``Database.run_in_session``."""
        rows, filters = self.rows, self.query.described()
        if self.updated_since is not None:
            filters["updated_since"] = self.updated_since.isoformat()

        def _record(session: Any) -> None:
            audit.record(
                session,
                self.caller,
                "person.export",
                resource_type="person",
                outcome="success" if complete else "incomplete",
                detail={"format": fmt, "filters": filters, "rows": rows},
            )

        return _record


# (body, profile, village code) -> the cell: one per column and category, decided once
# rather than for each of the export's cells (a county has ~1 million).
CellMaker = Callable[[Mapping[str, Any], Mapping[str, Any], str], Any]


def _cell_maker(column: Column, category: PersonCategory) -> CellMaker:
    if column.kind == "region_code":
        return lambda body, profile, code: code
    if column.kind == "id_number":
        return lambda body, profile, code: body.get("id_number_masked")
    if column.field == "phone":
        return lambda body, profile, code: body.get("phone_masked")
    if column.profile and category not in column.categories:
        return lambda body, profile, code: None
    shown = _shown(column, category)
    if column.profile:
        name = "guardian_phone_masked" if column.field == "guardian_phone" else column.field
        return lambda body, profile, code: shown(profile.get(name))
    field = column.field
    return lambda body, profile, code: shown(body.get(field))


def _shown(column: Column, category: PersonCategory) -> Callable[[Any], Any]:
    """A value of ``column`` as its cell shows it (labels for codes, 是/否, dates)."""
    enum = column.enum_for(category)
    labels = _labels(enum) if enum is not None else {}
    kind = column.kind

    def shown(value: Any) -> Any:
        if value is None or value == []:
            return None
        if kind == "enum":
            return labels.get(str(value), str(value))
        if kind == "list":
            return "、".join(labels.get(str(v), str(v)) for v in value)
        if kind == "tags":
            return "、".join(str(v) for v in value)
        if kind == "bool":
            return "是" if value else "否"
        if kind == "date":
            return _day(value)
        return value

    return shown


@functools.cache
def _labels(enum: type[LabelledEnum]) -> Mapping[str, str]:
    return MappingProxyType(enum.labels())


_CELL_MAKERS = {
    category: [_cell_maker(column, category) for column in COLUMNS] for category in PersonCategory
}


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


# --- CSV ---------------------------------------------------------------------------------


def _csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading ``'`` (OWASP
    "CSV injection"); the import removes it again."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


async def csv_chunks(export: Export, on_end: Callable[[bool], Any]) -> AsyncIterator[bytes]:
    """UTF-8 with BOM (Excel reads the Chinese headers right), one chunk per batch.

    ``on_end(complete)`` records the audit event once the rows are out, or when the client
    went away early (``complete`` false).
    """
    complete = False
    try:
        yield _csv_lines([HEADERS], bom=True)
        async for batch in export.batches():
            yield await anyio.to_thread.run_sync(_csv_batch, batch)
        complete = True
    finally:
        await on_end(complete)


def _csv_batch(rows: list[list[Any]]) -> bytes:
    """A batch's CSV text (run on a worker thread: its cost grows with the batch)."""
    return _csv_lines([[_csv_safe(v) for v in row] for row in rows])


def _csv_lines(rows: list[list[Any]], bom: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


# --- XLSX --------------------------------------------------------------------------------


async def build_xlsx(export: Export) -> str:
    """Write the export into a temporary .xlsx file and return its path (the caller
    deletes it). Rows go to disk as they come (openpyxl write-only mode)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("三留守人员")
    for index, header in enumerate(HEADERS):
        sheet.column_dimensions[_letter(index)].width = max(10, 2 * len(header) + 4)
    sheet.append(HEADERS)
    handle, path = tempfile.mkstemp(prefix="liushou-export-", suffix=".xlsx")
    os.close(handle)
    try:
        async for batch in export.batches():
            await anyio.to_thread.run_sync(_append_rows, sheet, batch)
        await anyio.to_thread.run_sync(workbook.save, path)
    except BaseException:
        os.unlink(path)
        raise
    return path


def _append_rows(sheet: Any, rows: list[list[Any]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for row in rows:
        cells: list[Any] = []
        for value in row:
            if not isinstance(value, str):
                cells.append(value)
                continue
            # Control characters are not allowed in a worksheet; "=…" and "#N/A" would be
            # taken for a formula or an error value: every text stays text.
            cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)

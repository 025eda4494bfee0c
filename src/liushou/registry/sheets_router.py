"""/imports/persons (survey sheets in) and /exports/persons.csv|.xlsx (masked lists out).

The import is a plain ``def`` (parsing and checking thousands of rows is CPU work for the
threadpool, not the event loop): it checks the sheet outside any write lock, then writes
through the request's unit of work (docs/architecture.md). The exports are ``async``
generators that read batch by batch on worker threads (``Database.read_heavy``), so the
event loop serves other requests while they run (docs/performance.md).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import ExitStack, closing
from datetime import date
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from pydantic import BaseModel, Field
from starlette.responses import Response, StreamingResponse

from liushou.api.dependencies import DatabaseDep, PersonalDataDep, SettingsDep, Today
from liushou.api.pagination import UpdatedSince
from liushou.api.unit_of_work import UnitOfWorkDep
from liushou.auth.callers import RegistryReader, RegistryWriter, SignedIn
from liushou.errors import prefers_english, problem_responses
from liushou.registry import exports, lookups, templates
from liushou.registry.imports import ImportOutcome, PersonImport, reading_session, rows_invalid
from liushou.registry.query import PersonQueryDep

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_response(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": description,
            "content": {
                media_type.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
            },
        }
    }


# --- imports -----------------------------------------------------------------------------

imports = APIRouter(prefix="/imports", tags=["imports"])


class ImportRowError(BaseModel):
    row: int = Field(description="The sheet's row number (the header is row 1)")
    column: str = Field(description="The column header, e.g. 身份证号")
    code: str = Field(description="Stable snake_case code, e.g. id_number_checksum")
    msg: str
    loc: list[str | int] = Field(description='["file", row, column]')
    existing_id: str | None = Field(
        default=None, description="duplicate_person: the registered person, when visible"
    )


class ImportPreview(BaseModel):
    """A dry run: what a real run would do. Nothing was written."""

    dry_run: Literal[True] = True
    rows: int = Field(description="Data rows in the sheet (blank rows not counted)")
    valid: int = Field(description="Rows without errors")
    to_create: int = Field(description="Valid rows a real run would register")
    unchanged: int = Field(description="Valid rows whose person is already registered")
    error_count: int
    errors: list[ImportRowError] = Field(description="At most 1000, in row order")


class ImportResult(BaseModel):
    dry_run: Literal[False] = False
    rows: int
    created: int
    unchanged: int


@imports.post(
    "/persons",
    responses=problem_responses(400, 401, 403, 413, 415, 422),
)
def import_persons(
    request: Request,
    caller: RegistryWriter,
    db: DatabaseDep,
    settings: SettingsDep,
    pii: PersonalDataDep,
    uow: UnitOfWorkDep,
    file: Annotated[
        UploadFile,
        File(description="CSV (UTF-8, with or without BOM) or XLSX; see the template"),
    ],
    dry_run: Annotated[
        bool, Query(description="Check only: report errors and counts, write nothing")
    ] = False,
) -> ImportPreview | ImportResult:
    """Register the persons of a village survey sheet (headers as in the template).

    All or nothing: any row error is a 422 whose `errors` name row and column, and nothing
    is written. Idempotent: a person already registered (same ID number, or same name,
    birth date and village without one) is counted as `unchanged`, so the same sheet can be
    sent again safely (no `Idempotency-Key` needed). Up to 10 MiB and 20,000 rows.
    """
    # The upload is read where it is spooled (on disk past 1 MiB), never whole into memory;
    # the rows a real run writes wait in the job's temporary file until closed.
    with ExitStack() as stack:
        with reading_session(db) as session:
            job = PersonImport(session, settings, pii, caller, english=prefers_english(request))
            stack.enter_context(closing(job))
            outcome = job.check(file.file, keep=not dry_run)
        if dry_run:
            return _preview(outcome)
        if outcome.error_count:
            raise rows_invalid(outcome)
        job.write(uow.session)
    return ImportResult(rows=outcome.rows, created=outcome.created, unchanged=outcome.unchanged)


def _preview(outcome: ImportOutcome) -> ImportPreview:
    return ImportPreview(
        rows=outcome.rows,
        valid=outcome.valid,
        to_create=outcome.created,
        unchanged=outcome.unchanged,
        error_count=outcome.error_count,
        errors=[ImportRowError.model_validate(e) for e in outcome.errors],
    )


@imports.get(
    "/persons/template.csv",
    response_class=Response,
    responses={**_file_response(CSV_TYPE, "The CSV template"), **problem_responses(401, 403)},
)
async def persons_template_csv(caller: SignedIn) -> Response:
    """The import template as CSV (UTF-8 with BOM): the headers and two example rows."""
    return _attachment(templates.packaged(templates.CSV_NAME), CSV_TYPE, "persons-template.csv")


@imports.get(
    "/persons/template.xlsx",
    response_class=Response,
    responses={**_file_response(XLSX_TYPE, "The XLSX template"), **problem_responses(401, 403)},
)
async def persons_template_xlsx(caller: SignedIn) -> Response:
    """The import template as XLSX: drop-downs for the labelled columns, a 填写说明 sheet."""
    return _attachment(templates.packaged(templates.XLSX_NAME), XLSX_TYPE, "persons-template.xlsx")


def _attachment(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# --- exports -----------------------------------------------------------------------------

exports_router = APIRouter(prefix="/exports", tags=["exports"])
EXPORT_ERRORS = problem_responses(400, 401, 403, 422) | lookups.LIMITED_RESPONSE


async def persons_export(
    db: DatabaseDep,
    settings: SettingsDep,
    caller: RegistryReader,
    query: PersonQueryDep,
    updated_since: UpdatedSince = None,
) -> exports.Export:
    """What both exports stream: the persons list's filters and scope. A look-up by
    `id_number` is counted first, as on the list (429 past the limit, nothing read)."""
    await lookups.count_lookup(db, settings, caller, query)
    return exports.Export(db, caller, query, settings.export_batch_size, updated_since)


PersonsExport = Annotated[exports.Export, Depends(persons_export)]


def _download_headers(day: date, extension: str) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="persons-{day:%Y%m%d}.{extension}"',
        "Cache-Control": "no-store",
    }


@exports_router.get(
    "/persons.csv",
    response_class=StreamingResponse,
    responses={**_file_response(CSV_TYPE, "The persons, masked"), **EXPORT_ERRORS},
)
async def export_persons_csv(
    export: PersonsExport, db: DatabaseDep, day: Today
) -> StreamingResponse:
    """The persons list (same filters and scope) as CSV, masked, streamed. Audited.
    With `id_number`, counted as a look-up by ID number, as on the list."""

    async def on_end(complete: bool) -> None:
        with anyio.CancelScope(shield=True):  # a client that went away is audited too
            await db.write(export.record("csv", complete=complete))

    return StreamingResponse(
        exports.csv_chunks(export, on_end),
        media_type=CSV_TYPE,
        headers=_download_headers(day, "csv"),
    )


@exports_router.get(
    "/persons.xlsx",
    response_class=StreamingResponse,
    responses={**_file_response(XLSX_TYPE, "The persons, masked"), **EXPORT_ERRORS},
)
async def export_persons_xlsx(
    export: PersonsExport, db: DatabaseDep, day: Today
) -> StreamingResponse:
    """The persons list (same filters and scope) as XLSX, masked. Audited.

    The workbook is built in a temporary file first (a zip is written last), so the first
    byte comes once every row is in; memory stays constant either way. With `id_number`,
    counted as a look-up by ID number, as on the list."""
    path = await exports.build_xlsx(export)
    handle = open(path, "rb")  # noqa: SIM115 - closed by the generator below
    os.unlink(path)  # the open handle keeps the data; nothing is left behind on disk
    size = os.fstat(handle.fileno()).st_size
    try:
        await db.write(export.record("xlsx", complete=True))
    except BaseException:
        handle.close()
        raise
    headers = {**_download_headers(day, "xlsx"), "Content-Length": str(size)}
    return StreamingResponse(_chunks_of(handle), media_type=XLSX_TYPE, headers=headers)


async def _chunks_of(handle: Any, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    try:
        while chunk := await anyio.to_thread.run_sync(handle.read, size):
            yield chunk
    finally:
        handle.close()

"""`POST /imports/persons`: a village survey sheet (CSV or XLSX) into the register.

1. The file is recognised by its bytes, not its name or declared type: XLSX (a zip holding
   ``xl/workbook.xml``) or CSV in UTF-8 with or without BOM. Anything else is 415.
2. The header row (the first row naming 姓名, usually row 1) maps Chinese column headers to
   fields; unknown columns are ignored, so a sheet may carry 序号 or 备注.
3. Each row's cells become a ``PersonCreate`` (zh labels → enum codes, the same labels as
   ``GET /meta/enums``) and go through ``new_person_values``: the API's own rules, so an
   import cannot accept what ``POST /persons`` refuses. Errors name the sheet row and column.
4. A query per batch of rows finds the persons already registered (blind index of the ID
   number; name + birth date + village for a row without one): those rows are
   ``unchanged``.
5. A real run is all-or-nothing: any error and nothing is written; otherwise the new persons
   and their first versions (history, as-of) are inserted in bulk in one transaction, with
   one ``person.import`` audit event carrying the counts (no personal data).

The sheet is streamed: read, checked and inserted :data:`BATCH_ROWS` rows at a time, so
memory does not grow with its length (docs/performance.md, "Imports").

This module holds the flow (:class:`PersonImport`: check, then write) and its bulk insert.
The steps live beside it: ``import_sheet`` (1, 2), ``import_columns`` and ``import_cells``
(3), ``import_lookups`` (4); ``sheet_guards`` holds the limits checked before parsing.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import re
import tempfile
import uuid
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import IO, Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, col, select

from liushou import clock
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.config import Settings
from liushou.db import Database
from liushou.errors import AppError, Unprocessable
from liushou.regions.models import Region, RegionLevel
from liushou.registry import repository as repo
from liushou.registry import sheet_guards as guards
from liushou.registry.enums import PersonCategory
from liushou.registry.import_cells import (
    RowContext,
    Text,
    cell_text,
    pydantic_code,
    pydantic_msg,
    read_cell,
    read_id_number,
    row_error,
)
from liushou.registry.import_columns import BY_HEADER, COLUMNS, FIELD_HEADERS
from liushou.registry.import_lookups import (
    LOOKUP_CHUNK,
    chunks,
    existing_by_identity,
    existing_by_index,
)
from liushou.registry.import_sheet import data_records, find_header, open_sheet
from liushou.registry.person_values import PersonalData, new_person_values
from liushou.registry.schemas import PROFILE_FIELD, PersonCreate
from liushou.registry.versions import created_fields, version_values

# Errors listed in one response; `error_count` always has the total.
MAX_LISTED_ERRORS = 1000
# Rows checked, matched against the register and inserted together: what the import holds
# in memory at once, whatever the sheet's length (docs/performance.md, "Imports").
BATCH_ROWS = 500
# PostgreSQL: imports run one at a time, so two concurrent uploads of the same sheet cannot
# both create its rows without ID number (SQLite's BEGIN IMMEDIATE serialises them anyway).
IMPORT_LOCK_KEY = 0x6C7573686F75  # "lushou"
_REGION_CODE = re.compile(r"^[0-9]{12}$")


@dataclass
class Candidate:
    """A row that passed every rule: the columns of the person it would create, and the
    fields its first version names as given."""

    row: int
    values: dict[str, Any]
    changed: list[str]

    @property
    def person(self) -> SimpleNamespace:
        return SimpleNamespace(**self.values)


@dataclass
class ImportOutcome:
    rows: int = 0
    valid: int = 0
    created: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    error_count: int = 0


@dataclass
class _Matched:
    """One batch of fresh rows matched against the register."""

    create: list[bool]  # per row: a new person (else unchanged, or an error)
    errors: list[dict[str, Any]]
    unchanged: int


class PersonImport:
    """One sheet, read and checked in one session; :meth:`write` inserts its new persons.

    The sheet is read as a stream, :data:`BATCH_ROWS` rows at a time. Per row, only what the
    in-file duplicate check needs is kept (a 32-byte digest and the row number); the rows a
    real run will write wait in an unnamed temporary file (:meth:`write` reads them back a
    batch at a time). Call :meth:`close` when done (or let the job be collected)."""

    def __init__(
        self,
        session: Session,
        settings: Settings,
        pii: PersonalData,
        caller: Principal,
        *,
        english: bool = False,
    ) -> None:
        self.session = session
        self.settings = settings
        self.pii = pii
        self.caller = caller
        self.t = Text(english)
        self.outcome = ImportOutcome()
        self._villages: dict[str, Region] = {}
        self._keep = False
        self._checked_errors = 0
        self._spool: IO[bytes] | None = None
        self._closer: weakref.finalize | None = None
        self._reset_errors()
        # In-file duplicates: the first row of each person, by digest (see _first_in_file).
        self._first_by_index: dict[bytes, int] = {}
        self._first_by_identity: dict[bytes, int] = {}

    def close(self) -> None:
        """Drop the rows kept for :meth:`write`."""
        if self._closer is not None:
            self._closer()
        self._spool = self._closer = None

    def _reset_errors(self) -> None:
        self._listed: list[dict[str, Any]] = []  # the first MAX_LISTED_ERRORS, in row order
        self._error_count = 0
        self._rows_in_error = 0

    def _record(self, errors: list[dict[str, Any]]) -> None:
        """The errors of one row (each row's come from one step: cells, duplicates or the
        register)."""
        if errors:
            self._listed.extend(errors)
            self._error_count += len(errors)
            self._rows_in_error += 1

    def _trim_errors(self) -> None:
        """At the end of a batch: later batches only hold later rows, so the errors listed
        are the first ones, as if every error had been kept and sorted (a stable sort keeps
        a row's errors in the order they were found)."""
        self._listed.sort(key=lambda e: e["row"])
        del self._listed[MAX_LISTED_ERRORS:]

    # -- reading --------------------------------------------------------------------

    def check(self, source: bytes | IO[bytes], *, keep: bool = True) -> ImportOutcome:
        """Read and check every row against the rules and the register; nothing is written.

        ``source``: the file (read from its start, never whole into memory). ``keep``: keep
        the rows for :meth:`write` (a real run); a dry run does not."""
        self.close()
        self.outcome = ImportOutcome()
        self._reset_errors()
        self._first_by_index, self._first_by_identity = {}, {}
        self._keep = keep
        upload = io.BytesIO(source) if isinstance(source, bytes) else source
        try:
            sheet = open_sheet(upload, self.t, guards.SheetLimits.of(self.settings))
            header_row, positions, records = find_header(sheet.rows, self.t)
            rows = data_records(records, header_row, self.settings.max_import_rows, self.t)
            batch: list[tuple[int, list[Any]]] = []
            for row in rows:
                batch.append(row)
                if len(batch) == BATCH_ROWS:
                    self._check_batch(batch, positions)
                    batch = []
            if batch:
                self._check_batch(batch, positions)
        except BaseException:
            self.close()
            raise
        self._checked_errors = self._error_count
        return self._summary()

    def _check_batch(self, batch: list[tuple[int, list[Any]]], positions: dict[str, int]) -> None:
        self._load_villages(batch, positions)
        fresh: list[Candidate] = []
        for number, cells in batch:
            candidate = self._check_row(
                number, {h: cells[i] if i < len(cells) else None for h, i in positions.items()}
            )
            if candidate is not None and self._first_in_file(candidate):
                fresh.append(candidate)
        self.outcome.rows += len(batch)
        matched = self._match(self.session, fresh)
        for error in matched.errors:
            self._record([error])
        self.outcome.created += sum(matched.create)
        self.outcome.unchanged += matched.unchanged
        if self._keep and not self._error_count and fresh:
            # Only an error-free sheet is written: once there is an error, nothing is kept.
            self._keep_rows(fresh)
        self._trim_errors()

    def _summary(self) -> ImportOutcome:
        outcome = self.outcome
        outcome.valid = outcome.rows - self._rows_in_error
        outcome.error_count = self._error_count
        self._trim_errors()
        outcome.errors = list(self._listed)
        return outcome

    def _load_villages(self, rows: list[tuple[int, list[Any]]], positions: dict[str, int]) -> None:
        """The villages a batch names that are not known yet, in one query (and in the
        session's identity map, so the service's own village check costs no further query)."""
        index = positions["村/社区代码"]
        codes = {
            cell_text(cells[index])
            for _, cells in rows
            if index < len(cells) and cell_text(cells[index])
        }
        codes = {c for c in codes if c and _REGION_CODE.match(c) and c not in self._villages}
        for chunk in chunks(sorted(codes), LOOKUP_CHUNK):
            regions = self.session.exec(
                select(Region).where(col(Region.code).in_(chunk), col(Region.deleted_at).is_(None))
            ).all()
            self._villages.update({r.code: r for r in regions})

    def _check_row(self, number: int, cells: dict[str, Any]) -> Candidate | None:
        """The row's person, or None when the row has errors (recorded)."""
        ctx = RowContext(number, self.t)
        category_code = read_cell(ctx, BY_HEADER["类别"], cells.get("类别"), None)
        category = PersonCategory(category_code) if category_code else None
        values: dict[str, Any] = {}
        profile: dict[str, Any] = {}
        for column in COLUMNS:
            raw = cells.get(column.header)
            if column.header == "类别":
                values["category"] = category_code
                continue
            if column.kind == "id_number":
                values["id_number"] = read_id_number(ctx, raw)
                continue
            if column.kind == "region_code":
                values["region_id"] = self._village_id(ctx, raw)
                continue
            if column.profile:
                if cell_text(raw) is None:
                    continue
                if category is not None and category not in column.categories:
                    who = "、".join(PersonCategory(c).label_zh for c in column.categories)
                    ctx.error(
                        column.header,
                        "not_applicable",
                        f"「{column.header}」只适用于{who}。",
                        f"{column.header} applies only to "
                        f"{', '.join(c.value for c in column.categories)}.",
                    )
                    continue
                value = read_cell(ctx, column, raw, category)
                if value is not None:
                    profile[column.field] = value
                continue
            values[column.field] = read_cell(ctx, column, raw, category)
        for column in COLUMNS:
            key = "region_id" if column.kind == "region_code" else column.field
            if column.needed_by and not column.profile and values.get(key) is None:
                if column.header not in ctx.columns_in_error:
                    self._required(ctx, column.header)
        if category is None:
            self._record(ctx.errors)
            return None
        if cell_text(cells.get("身份证号")) is None:
            for name, header in (("sex", "性别"), ("birth_date", "出生日期")):
                if values.get(name) is None and header not in ctx.columns_in_error:
                    ctx.error(
                        header,
                        "required_without_id_number",
                        f"没有身份证号时，「{header}」为必填项。",
                        f"Without an ID number, {header} is required.",
                    )
        body = {k: v for k, v in values.items() if v is not None and k != "region_code"}
        body["category"] = category.value
        body.setdefault("region_id", uuid.UUID(int=0))  # checked above; keeps the rest checkable
        body[PROFILE_FIELD[category]] = profile
        try:
            data = PersonCreate.model_validate(body)
        except ValidationError as exc:
            taken = ctx.columns_in_error
            for e in exc.errors():
                if not e["loc"] and ctx.errors:
                    continue  # a whole-row rule failing because of a cell already reported
                header = self._column_of(e["loc"])
                if header not in taken:
                    ctx.error(header, pydantic_code(e), *pydantic_msg(header, e))
                    taken.add(header)
            self._record(ctx.errors)
            return None
        if ctx.errors:
            self._record(ctx.errors)
            return None
        try:
            values = new_person_values(self.session, self.settings, self.pii, self.caller, data)
        except AppError as exc:
            self._service_error(ctx, exc)
            self._record(ctx.errors)
            return None
        return Candidate(number, values, created_fields(data))

    def _required(self, ctx: RowContext, header: str) -> None:
        ctx.error(header, "required", f"「{header}」为必填项。", f"{header} is required.")

    def _village_id(self, ctx: RowContext, raw: Any) -> uuid.UUID | None:
        header = "村/社区代码"
        code = cell_text(raw)
        if code is None:
            return None
        if not _REGION_CODE.match(code):
            ctx.error(
                header,
                "invalid_region_code",
                f"村/社区代码应为 12 位数字：{code}。",
                f"A village code has 12 digits: {code}.",
            )
            return None
        region = self._villages.get(code)
        if (
            region is None
            or region.level != RegionLevel.village
            or not repo.region_writable(region.path, self.caller)
        ):
            ctx.error(
                header,
                "invalid_region",
                f"村/社区代码 {code} 不存在、不是村或社区，或不在您的管辖范围内。",
                f"Village {code} does not exist, is not a village, or is outside your region.",
            )
            return None
        return region.id

    @staticmethod
    def _column_of(loc: Sequence[Any]) -> str:
        path = ".".join(str(p) for p in loc if not isinstance(p, int) and p != "body")
        while path and path not in FIELD_HEADERS:
            path = path.rpartition(".")[0]
        return FIELD_HEADERS.get(path, "类别")

    def _service_error(self, ctx: RowContext, exc: AppError) -> None:
        zh, en = exc.detail_zh or exc.code, exc.detail_en or exc.code
        if exc.errors:
            for e in exc.errors:
                ctx.error(self._column_of(e.get("loc", [])), e.get("code", exc.code), zh, en)
            return
        ctx.error("类别", exc.code, zh, en)  # not_eligible: the category's age rule

    # -- duplicates in the sheet, and what is already registered -----------------------

    def _first_in_file(self, c: Candidate) -> bool:
        """Whether ``c`` is the first row of its person in the sheet; a later row of the
        same person is an error naming the first. The person is kept as a 32-byte digest:
        of its blind index (already one), or of its name, birth date and village."""
        p = c.values
        if p["id_number_index"] is not None:
            first = self._first_by_index.setdefault(bytes.fromhex(p["id_number_index"]), c.row)
            column, what = "身份证号", ("身份证号", "ID number")
        else:
            key = repr((p["name"], p["birth_date"], p["region_id"])).encode()
            first = self._first_by_identity.setdefault(hashlib.sha256(key).digest(), c.row)
            column, what = "姓名", ("姓名、出生日期和村/社区", "name, birth date and village")
        if first == c.row:
            return True
        self._record(
            [
                row_error(
                    c.row,
                    column,
                    "duplicate_in_file",
                    self.t(f"与第 {first} 行的{what[0]}相同。", f"Same {what[1]} as row {first}."),
                )
            ]
        )
        return False

    def _match(self, session: Session, fresh: list[Candidate]) -> _Matched:
        """Split fresh rows into new persons and registered ones (unchanged); an ID number
        registered to someone else is an error."""
        persons = [c.person for c in fresh]
        existing = existing_by_index(session, [p.id_number_index for p in persons])
        by_identity = existing_by_identity(session, persons)
        matched = _Matched([], [], 0)
        for c, p in zip(fresh, persons, strict=True):
            error = None
            if p.id_number_index is None:
                new = (p.name, p.birth_date, p.region_id) not in by_identity
            else:
                match = existing.get(p.id_number_index)
                new = match is None
                if match is None:
                    pass
                elif not repo.person_visible(
                    session, self.caller, match["id"], match["region_path"]
                ):
                    error = row_error(
                        c.row,
                        "身份证号",
                        "duplicate_person",
                        self.t(
                            "该身份证号已在其他辖区登记。",
                            "This ID number is registered in another area.",
                        ),
                    )
                elif match["name"] != p.name:
                    error = row_error(
                        c.row,
                        "身份证号",
                        "duplicate_person",
                        self.t(
                            f"该身份证号已登记为“{match['name']}”（人员编号 {match['id']}）。",
                            f"This ID number is registered to another name (person {match['id']}).",
                        ),
                    )
                    error["existing_id"] = str(match["id"])
            matched.create.append(new)
            if error is not None:
                matched.errors.append(error)
            elif not new:
                matched.unchanged += 1
        return matched

    # -- the rows kept for the write --------------------------------------------------

    def _keep_rows(self, fresh: list[Candidate]) -> None:
        if self._spool is None:
            # Unnamed (unlinked at once): the same kind of file as the upload's own spool.
            self._spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
            self._closer = weakref.finalize(self, self._spool.close)
        pickle.dump(
            [(c.row, c.values, c.changed) for c in fresh],
            self._spool,
            protocol=pickle.HIGHEST_PROTOCOL,
        )

    def _kept_batches(self) -> Iterator[list[Candidate]]:
        """The kept rows, a batch at a time (our own file, written by :meth:`_keep_rows`)."""
        if self._spool is None:
            return
        self._spool.seek(0)
        while True:
            try:
                batch = pickle.load(self._spool)  # noqa: S301 - our own temporary file
            except EOFError:
                return
            yield [Candidate(*item) for item in batch]

    # -- writing --------------------------------------------------------------------

    def write(self, session: Session) -> int:
        """Insert the new persons with their first versions and audit events, in the
        caller's transaction (flush, no commit). The register is matched again first, under
        the write lock: someone may have registered one of the persons since :meth:`check`.
        Every row is matched before the first insert, so the rows being inserted never
        match each other (as when the whole sheet was matched at once)."""
        if not self._keep:
            raise RuntimeError("the sheet was checked without keeping its rows (a dry run)")
        if self._checked_errors:
            raise rows_invalid(self.outcome)
        if session.get_bind().dialect.name == "postgresql":
            session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
        self._reset_errors()
        create = bytearray()  # one byte per fresh row: insert it or not
        self.outcome.unchanged = 0
        for fresh in self._kept_batches():
            matched = self._match(session, fresh)
            create.extend(matched.create)
            for error in matched.errors:
                self._record([error])
            self.outcome.unchanged += matched.unchanged
            self._trim_errors()
        self.outcome.created = sum(create)
        if self._error_count:
            self._summary()
            raise rows_invalid(self.outcome)
        now = clock.now()
        position = 0
        for fresh in self._kept_batches():
            persons, versions = [], []
            for c in fresh:
                position += 1
                if not create[position - 1]:
                    continue
                row = {**c.values, "created_at": now, "updated_at": now, "version": 1}
                row.update(exited_on=None, exit_reason=None, deleted_at=None)
                persons.append(row)
                versions.append(
                    version_values(SimpleNamespace(**row), self.caller, "create", c.changed)
                )
            # Core executemany, a batch at a time: ORM objects would cost ~1 ms each here.
            if persons:
                session.execute(sa.insert(repo.person_t), persons)
                session.execute(sa.insert(repo.version_t), versions)
        audit.record(
            session,
            self.caller,
            "person.import",
            resource_type="person",
            detail={
                "rows": self.outcome.rows,
                "created": self.outcome.created,
                "unchanged": self.outcome.unchanged,
            },
        )
        session.flush()
        self._summary()
        return self.outcome.created


def rows_invalid(outcome: ImportOutcome) -> Unprocessable:
    """The 422 of a real run with row errors: nothing was written."""
    return Unprocessable(
        f"导入未执行：{outcome.error_count} 处错误，详见 errors（行号、列名）。",
        f"Nothing was imported: {outcome.error_count} errors, see errors (row, column).",
        code="validation_error",
        errors=outcome.errors,
        rows=outcome.rows,
        valid=outcome.valid,
        error_count=outcome.error_count,
    )


@contextmanager
def reading_session(db: Database) -> Iterator[Session]:
    """A session for checking a sheet. On SQLite it sends no ``BEGIN IMMEDIATE``, so the
    write lock is not held while thousands of rows are checked; :meth:`PersonImport.write`
    takes it afterwards and matches the register again."""
    with db.engine.connect() as conn:
        conn.execution_options(liushou_autocommit=True)
        with Session(bind=conn) as session:
            yield session

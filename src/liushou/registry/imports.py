"""`POST /imports/persons`: a village survey sheet (CSV or XLSX) into the register.

1. The file is recognised by its bytes, not its name or declared type: XLSX (a zip holding
   ``xl/workbook.xml``) or CSV in UTF-8 with or without BOM. Anything else is 415.
2. The header row (the first row naming 姓名, usually row 1) maps Chinese column headers to
   fields; unknown columns are ignored, so a sheet may carry 序号 or 备注.
3. Each row's cells become a ``PersonCreate`` (zh labels → enum codes, the same labels as
   ``GET /meta/enums``) and go through ``new_person_values``: the API's own rules, so an
   import cannot accept what ``POST /persons`` refuses. Errors name the sheet row and column.
4. One query finds the persons already registered (blind index of the ID number; name +
   birth date + village for a row without one): those rows are ``unchanged``.
5. A real run is all-or-nothing: any error and nothing is written; otherwise the new persons
   and their first versions (history, as-of) are inserted in bulk in one transaction, with
   one ``person.import`` audit event carrying the counts (no personal data).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, col, select

from liushou import clock
from liushou.api.params import EARLIEST_DAY, LATEST_DAY, OUT_OF_RANGE, day_in_range
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.config import Settings
from liushou.db import Database
from liushou.errors import AppError, Unprocessable
from liushou.regions.models import Region, RegionLevel
from liushou.registry import identifiers as ids
from liushou.registry import repository as repo
from liushou.registry import sheet_guards as guards
from liushou.registry.enums import (
    Benefit,
    ChildHealth,
    ElderHealth,
    EmploymentStatus,
    GuardianshipAssessment,
    GuardianshipType,
    LeftBehindReason,
    LivingArrangement,
    ParentStatus,
    PersonCategory,
    RiskTier,
    SchoolingStatus,
    SelfCare,
    Sex,
    SupportStatus,
)
from liushou.registry.labels import REGISTRY_LABELS
from liushou.registry.person_values import PersonalData, new_person_values
from liushou.registry.schemas import PROFILE_FIELD, PersonCreate
from liushou.registry.versions import created_fields, version_values

CHILD = frozenset({PersonCategory.child})
WOMAN = frozenset({PersonCategory.woman})
ELDER = frozenset({PersonCategory.elder})
ALL = frozenset(PersonCategory)

# Errors listed in one response; `error_count` always has the total.
MAX_LISTED_ERRORS = 1000
# How many leading rows may sit above the header (a sheet title, a date line).
HEADER_SEARCH_ROWS = 10
# Keys per IN (...) list when looking up existing persons.
LOOKUP_CHUNK = 500
INSERT_CHUNK = 1000
# PostgreSQL: imports run one at a time, so two concurrent uploads of the same sheet cannot
# both create its rows without ID number (SQLite's BEGIN IMMEDIATE serialises them anyway).
IMPORT_LOCK_KEY = 0x6C7573686F75  # "lushou"


# --- columns -------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its header, the field it fills and how a cell is read.

    ``kind``: text, id_number, region_code, date, enum, bool, list (enum codes), tags (free
    text list), int, phone. ``categories``: who the column applies to (profile columns).
    ``enum``: the enum of an enum/list column, or one per category (健康状况).
    """

    header: str
    field: str
    kind: str = "text"
    enum: type[StrEnum] | Mapping[PersonCategory, type[StrEnum]] | None = None
    categories: frozenset[PersonCategory] = ALL
    required: bool = False  # the column must be present
    needed_by: frozenset[PersonCategory] = frozenset()  # the cell must be filled for these
    note: str = ""
    profile: bool = False

    def enum_for(self, category: PersonCategory | None) -> type[StrEnum] | None:
        if isinstance(self.enum, Mapping):
            return self.enum.get(category) if category is not None else None
        return self.enum

    def all_enums(self) -> list[type[StrEnum]]:
        if isinstance(self.enum, Mapping):
            return list(dict.fromkeys(self.enum.values()))
        return [self.enum] if self.enum is not None else []


def _p(header: str, name: str, categories: frozenset[PersonCategory], **kw: Any) -> Column:
    return Column(header, name, categories=categories, profile=True, **kw)


COLUMNS: tuple[Column, ...] = (
    Column("姓名", "name", required=True, needed_by=ALL, note="最多 100 个字符"),
    Column(
        "身份证号",
        "id_number",
        "id_number",
        required=True,
        note="18 位，末位可为 X；尚未登记户口的儿童可留空，此时须填性别和出生日期。"
        "Excel 中请设为文本格式，否则后几位会变成 0",
    ),
    Column("类别", "category", "enum", PersonCategory, required=True, needed_by=ALL),
    Column(
        "村/社区代码",
        "region_code",
        "region_code",
        required=True,
        needed_by=ALL,
        note="12 位统计用区划代码，须是您有权登记的村或社区",
    ),
    Column(
        "留守开始日期",
        "left_behind_since",
        "date",
        required=True,
        needed_by=ALL,
        note="YYYY-MM-DD（也接受 2024/3/1、2024年3月1日），不能晚于今天",
    ),
    Column("性别", "sex", "enum", Sex, note="有身份证号时可不填（由号码推出，填写则须一致）"),
    Column("出生日期", "birth_date", "date", note="有身份证号时可不填（须与号码一致）"),
    Column("联系电话", "phone", "phone", note="大陆手机号；+86、空格、连字符会被去掉"),
    Column("住址", "address", note="最多 200 个字符"),
    # child_profile
    _p(
        "留守原因", "left_behind_reason", CHILD, kind="enum", enum=LeftBehindReason, needed_by=CHILD
    ),
    _p("监护类型", "guardianship_type", CHILD, kind="enum", enum=GuardianshipType, needed_by=CHILD),
    _p("监护评估", "guardianship_assessment", CHILD, kind="enum", enum=GuardianshipAssessment),
    _p("监护人姓名", "guardian_name", CHILD),
    _p("监护人关系", "guardian_relation", CHILD, note="如 祖父、外婆、姑姑"),
    _p("监护人电话", "guardian_phone", CHILD, kind="phone"),
    _p("父亲状况", "father_status", CHILD, kind="enum", enum=ParentStatus),
    _p("母亲状况", "mother_status", CHILD, kind="enum", enum=ParentStatus),
    _p("父母务工地点", "parents_work_location", CHILD, note="如 浙江省宁波市"),
    _p("就读学校", "school", CHILD),
    _p("年级", "grade", CHILD),
    _p("就学状态", "schooling_status", CHILD, kind="enum", enum=SchoolingStatus),
    _p("是否寄宿", "boarding", CHILD, kind="bool", note="是 / 否"),
    _p(
        "健康状况",
        "health_status",
        CHILD | ELDER,
        kind="enum",
        enum={PersonCategory.child: ChildHealth, PersonCategory.elder: ElderHealth},
    ),
    _p("特殊需求", "special_needs", CHILD, note="最多 1000 个字符"),
    # elder_profile
    _p(
        "居住状况",
        "living_arrangement",
        ELDER,
        kind="enum",
        enum=LivingArrangement,
        needed_by=ELDER,
    ),
    _p("赡养状况", "support_status", ELDER, kind="enum", enum=SupportStatus),
    _p("失能等级", "self_care", ELDER, kind="enum", enum=SelfCare),
    _p("享受待遇", "benefits", ELDER, kind="list", enum=Benefit, note="可填多项，用顿号分隔"),
    _p("风险等级", "risk_tier", ELDER, kind="enum", enum=RiskTier, note="不填为 一般"),
    _p("子女务工地点", "children_work_location", ELDER),
    # woman_profile
    _p("配偶外出时间", "spouse_away_since", WOMAN, kind="date"),
    _p("配偶务工地点", "spouse_work_location", WOMAN),
    _p("就业状况", "employment_status", WOMAN, kind="enum", enum=EmploymentStatus),
    _p("培训意向", "training_interests", WOMAN, kind="tags", note="可填多项，用顿号分隔"),
    _p("子女数", "children_count", WOMAN, kind="int", note="0–20"),
    _p("健康备注", "health_notes", WOMAN, note="最多 1000 个字符"),
)
BY_HEADER = {c.header: c for c in COLUMNS}
REQUIRED_HEADERS = [c.header for c in COLUMNS if c.required]


def _field_headers() -> dict[str, str]:
    """PersonCreate field paths ("child_profile.guardian_phone") to column headers."""
    mapping = {"region_id": "村/社区代码"}
    for c in COLUMNS:
        if not c.profile:
            mapping[c.field] = c.header
            continue
        for category in c.categories:
            mapping[f"{PROFILE_FIELD[category]}.{c.field}"] = c.header
    return mapping


FIELD_HEADERS = _field_headers()


def normalize_header(text: Any) -> str:
    """``' 姓名* '`` → ``姓名``; full-width forms (（）／) fold to ASCII (NFKC)."""
    folded = unicodedata.normalize("NFKC", str(text or ""))
    folded = "".join(folded.split()).removesuffix("(必填)").rstrip("*")
    return folded


# Headers as typed: NFKC folds "（外）" but not a header written with full-width slash.
_HEADER_LOOKUP = {normalize_header(c.header): c.header for c in COLUMNS}


def _label_table(enum: type[StrEnum]) -> dict[str, str]:
    """Accepted spellings of an enum's members (zh label, code, a few aliases) → code."""
    table: dict[str, str] = {}
    for member in enum:
        table[_fold(member.value)] = member.value
        table[_fold(REGISTRY_LABELS[enum][member.value])] = member.value
    for alias, code in ALIASES.get(enum, {}).items():
        table[_fold(alias)] = code
    return table


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


# Spellings village sheets use besides the labels of GET /meta/enums.
ALIASES: dict[type[StrEnum], dict[str, str]] = {
    PersonCategory: {"儿童": "child", "妇女": "woman", "老人": "elder"},
    Sex: {"男性": "male", "女性": "female"},
    GuardianshipType: {
        "祖父母监护": "grandparents",
        "外祖父母监护": "grandparents",
        "祖辈监护": "grandparents",
        "亲属监护": "relatives",
        "亲戚监护": "relatives",
        "委托他人监护": "entrusted",
        "受委托监护": "entrusted",
        "单亲监护": "parent_incapable",
    },
    LeftBehindReason: {
        "父母均外出": "both_parents_away",
        "父母双方外出": "both_parents_away",
        "一方外出另一方无监护能力": "one_away_other_incapable",
    },
    LivingArrangement: {"空巢": "with_spouse_only", "与配偶同住": "with_spouse_only"},
    SchoolingStatus: {"学前": "kindergarten", "中专": "vocational", "职高": "vocational"},
    ChildHealth: {"重病": "seriously_ill", "患重病": "seriously_ill"},
    RiskTier: {"高": "high", "高风险类": "high", "重点类": "key", "一般类": "general"},
    Benefit: {"特困": "tekun", "五保": "tekun"},
}
_TABLES: dict[type[StrEnum], dict[str, str]] = {}


def _table(enum: type[StrEnum]) -> dict[str, str]:
    table = _TABLES.get(enum)
    if table is None:
        table = _TABLES[enum] = _label_table(enum)
    return table


_TRUE = {"是", "y", "yes", "true", "1", "寄宿", "√"}
_FALSE = {"否", "n", "no", "false", "0", "走读", "不寄宿"}
_LIST_SPLIT = re.compile(r"[、,，;；/|\s]+")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_REGION_CODE = re.compile(r"^[0-9]{12}$")
_FORMULA_START = ("=", "+", "-", "@")


# --- errors --------------------------------------------------------------------------


def row_error(row: int, column: str, code: str, msg: str) -> dict[str, Any]:
    """``{row, column, code, msg}`` (and ``loc``, so a 422 problem's errors stay uniform)."""
    return {"loc": ["file", row, column], "row": row, "column": column, "code": code, "msg": msg}


class UnsupportedFile(AppError):
    status, code = 415, "unsupported_media_type"


class SheetProblem(Unprocessable):
    """The sheet as a whole cannot be read: no header, a missing column, no rows."""


@dataclass
class Text:
    """Messages in the caller's language (Accept-Language)."""

    english: bool

    def __call__(self, zh: str, en: str) -> str:
        return en if self.english else zh


# --- reading the file ----------------------------------------------------------------


@dataclass
class Sheet:
    kind: str  # "csv" or "xlsx"
    rows: Iterator[tuple[int, list[Any]]]  # (sheet row number, cell values)


def open_sheet(data: bytes, t: Text, limits: guards.SheetLimits) -> Sheet:
    """Recognise the file by its bytes and iterate its rows, within ``limits`` (checked
    before a parser sees the file: see docs/imports.md)."""
    stripped = data.lstrip(b"\xef\xbb\xbf")
    if not stripped.strip():
        raise SheetProblem(
            "文件为空。", "The file is empty.", code="empty_file", errors=[_file_error(t)]
        )
    if data[:4] == b"PK\x03\x04":
        rows = _xlsx_rows(data, limits)
        return Sheet("xlsx", guards.guarded_rows(rows, limits, t.english))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnsupportedFile(
            "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV（UTF-8）后再导入。",
            "Old Excel (.xls) files are not supported; save as .xlsx or CSV (UTF-8).",
        )
    if b"\x00" in data[:65536]:
        raise _not_a_sheet()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnsupportedFile(
            "CSV 文件须为 UTF-8 编码（在 Excel 中“另存为 CSV UTF-8”），或直接上传 .xlsx。",
            "A CSV file must be UTF-8 encoded (Excel: Save As 'CSV UTF-8'), or upload .xlsx.",
        ) from None
    return Sheet("csv", guards.guarded_rows(_csv_rows(text, limits, t.english), limits, t.english))


def _not_a_sheet() -> UnsupportedFile:
    return UnsupportedFile(
        "文件不是 CSV 或 XLSX 表格。", "The file is neither a CSV nor an XLSX spreadsheet."
    )


def _file_error(t: Text) -> dict[str, Any]:
    return row_error(1, "", "empty_file", t("文件中没有表头或数据。", "No header or data rows."))


def _csv_rows(
    text: str, limits: guards.SheetLimits, english: bool
) -> Iterator[tuple[int, list[Any]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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


def _unescape_formula(cell: str) -> str:
    """Exports write ``'=…`` so spreadsheet programs never run a cell as a formula."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_START:
        return cell[1:]
    return cell


def _xlsx_rows(data: bytes, limits: guards.SheetLimits) -> Iterator[tuple[int, list[Any]]]:
    buffer = io.BytesIO(data)
    try:
        guards.check_xlsx(data, limits)  # before openpyxl sees a byte of it
        with zipfile.ZipFile(buffer) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise _not_a_sheet() from None
    if "xl/workbook.xml" not in names:
        raise _not_a_sheet()
    from openpyxl import load_workbook  # imported here: it costs ~0.2 s at start-up

    try:
        workbook = load_workbook(buffer, read_only=True, data_only=True)
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


# --- cells ---------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """A cell as stripped text; None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


@dataclass
class RowContext:
    number: int
    t: Text
    errors: list[dict[str, Any]] = field(default_factory=list)

    def error(self, column: str, code: str, zh: str, en: str, **extra: Any) -> None:
        item = row_error(self.number, column, code, self.t(zh, en))
        item.update(extra)
        self.errors.append(item)

    @property
    def columns_in_error(self) -> set[str]:
        return {e["column"] for e in self.errors}


def _read_date(ctx: RowContext, header: str, value: Any) -> date | None:
    day = _cell_date(ctx, header, value)
    if day is not None and not day_in_range(day):
        # The API's own range (see docs/dates.md), reported here as the cell's error.
        ctx.error(
            header,
            OUT_OF_RANGE,
            f"「{header}」超出可接受的日期范围：{day.isoformat()}"
            f"（应在 {EARLIEST_DAY.isoformat()} 至 {LATEST_DAY.isoformat()} 之间）。",
            f"{header}: {day.isoformat()} is out of range "
            f"(dates run from {EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()}).",
        )
        return None
    return day


def _cell_date(ctx: RowContext, header: str, value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if text is None:
        return None
    match = _DATE.match(text) or _COMPACT_DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    ctx.error(
        header,
        "invalid_date",
        f"「{header}」不是有效日期：{text}（应为 YYYY-MM-DD）。",
        f"{header}: not a valid date: {text} (expected YYYY-MM-DD).",
    )
    return None


def _read_enum(ctx: RowContext, column: Column, enum: type[StrEnum], value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    code = _table(enum).get(_fold(text))
    if code is None:
        allowed = "、".join(REGISTRY_LABELS[enum].values())
        ctx.error(
            column.header,
            "invalid_value",
            f"「{column.header}」的值“{text}”无效，应为：{allowed}。",
            f"{column.header}: '{text}' is not one of: {', '.join(m.value for m in enum)}.",
        )
    return code


def _read_cell(ctx: RowContext, column: Column, value: Any, category: PersonCategory | None) -> Any:
    kind = column.kind
    if kind == "date":
        return _read_date(ctx, column.header, value)
    if kind == "enum":
        enum = column.enum_for(category)
        return None if enum is None else _read_enum(ctx, column, enum, value)
    text = _text(value)
    if text is None:
        return None
    if kind == "bool":
        folded = _fold(text)
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
        ctx.error(
            column.header,
            "invalid_value",
            f"「{column.header}」应填 是 或 否。",
            f"{column.header}: expected 是 (yes) or 否 (no).",
        )
        return None
    if kind == "list":
        enum = column.enum_for(category)
        assert enum is not None
        codes = [_read_enum(ctx, column, enum, part) for part in _LIST_SPLIT.split(text) if part]
        return list(dict.fromkeys(c for c in codes if c is not None))
    if kind == "tags":
        return [part for part in _LIST_SPLIT.split(text) if part]
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            ctx.error(
                column.header,
                "invalid_value",
                f"「{column.header}」应为整数。",
                f"{column.header}: expected a whole number.",
            )
            return None
    if kind == "phone":
        if "*" in text:
            return None  # a masked number from an export: not given (see docs/templates)
        try:
            return ids.normalize_mobile(text)
        except ids.InvalidPhone as exc:
            ctx.error(column.header, exc.code, exc.message_zh, exc.message_en)
            return None
    return text


def _read_id_number(ctx: RowContext, value: Any) -> str | None:
    header = "身份证号"
    if isinstance(value, int | float) and not isinstance(value, bool):
        ctx.error(
            header,
            "id_number_not_text",
            "身份证号被 Excel 存成了数字（后几位会丢失），请把该列设为文本格式后重新填写。",
            "The ID number was stored as a number (Excel drops its last digits); "
            "format the column as text and type it again.",
        )
        return None
    text = _text(value)
    if text is not None and "*" in text:
        ctx.error(
            header,
            "id_number_masked",
            "身份证号是脱敏值，请填写完整号码（或留空）。",
            "The ID number is masked; give the full number (or leave it empty).",
        )
        return None
    return text


# --- the import ----------------------------------------------------------------------


@dataclass
class Candidate:
    """A row that passed every rule: the columns of the person it would create."""

    row: int
    values: dict[str, Any]
    data: PersonCreate

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


class PersonImport:
    """One sheet, read and checked in one session; :meth:`write` inserts its new persons."""

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
        self.candidates: list[Candidate] = []  # rows that passed every rule
        self.fresh: list[Candidate] = []  # ... and are the first of their person in the file
        self.to_create: list[Candidate] = []  # ... and are not registered yet
        self._errors: list[dict[str, Any]] = []
        self._row_errors: dict[int, int] = {}
        self._matching_errors: list[dict[str, Any]] = []
        self._villages: dict[str, Region] = {}

    # -- reading --------------------------------------------------------------------

    def check(self, data: bytes) -> ImportOutcome:
        """Read and check every row against the rules and the register; nothing is written."""
        sheet = open_sheet(data, self.t, guards.SheetLimits.of(self.settings))
        header_row, positions, records = self._header(sheet.rows)
        rows = self._records(records, header_row)
        self._load_villages(rows, positions)
        self._row_errors = {}
        for number, cells in rows:
            before = len(self._errors)
            self._check_row(
                number, {h: cells[i] if i < len(cells) else None for h, i in positions.items()}
            )
            self._row_errors[number] = len(self._errors) - before
        self._dedupe_in_file()
        self.outcome.rows = len(rows)
        self._match(self.session)
        return self._summary()

    def _summary(self) -> ImportOutcome:
        outcome = self.outcome
        outcome.valid = sum(1 for n in self._row_errors.values() if n == 0)
        outcome.error_count = len(self._errors)
        outcome.errors = sorted(self._errors, key=lambda e: e["row"])[:MAX_LISTED_ERRORS]
        outcome.created = len(self.to_create)
        return outcome

    def _header(
        self, rows: Iterator[tuple[int, list[Any]]]
    ) -> tuple[int, dict[str, int], Iterator[tuple[int, list[Any]]]]:
        seen: list[tuple[int, list[Any]]] = []
        header: tuple[int, list[Any]] | None = None
        for number, cells in rows:
            if not any(_text(c) for c in cells):
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
                    errors=[_file_error(self.t)],
                )
            header = seen[0]
        number, cells = header
        positions: dict[str, int] = {}
        errors = []
        for index, cell in enumerate(cells):
            name = _HEADER_LOOKUP.get(normalize_header(cell))
            if name is None:
                continue  # 序号, 备注, ... and the export-only columns
            if name in positions:
                errors.append(
                    row_error(
                        number,
                        name,
                        "duplicate_column",
                        self.t(f"「{name}」列出现了两次。", f"Column {name} appears twice."),
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
                        self.t(
                            f"缺少必填列「{name}」。", f"The required column {name} is missing."
                        ),
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

    def _records(
        self, rows: Iterator[tuple[int, list[Any]]], header_row: int
    ) -> list[tuple[int, list[Any]]]:
        limit = self.settings.max_import_rows
        records = []
        for number, cells in rows:
            if not any(_text(c) for c in cells):
                continue  # blank lines, and the empty rows Excel keeps at the end
            records.append((number, cells))
            if len(records) > limit:
                raise SheetProblem(
                    f"数据行超过 {limit} 行上限，请分成几个文件导入。",
                    f"More than {limit} data rows; split the file.",
                    code="too_many_rows",
                    limit=limit,
                )
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
                        self.t("没有数据行。", "No data rows."),
                    )
                ],
            )
        return records

    def _load_villages(self, rows: list[tuple[int, list[Any]]], positions: dict[str, int]) -> None:
        """Every village the sheet names, in one query (and in the session's identity map,
        so the service's own village check costs no further query)."""
        index = positions["村/社区代码"]
        codes = {
            _text(cells[index]) for _, cells in rows if index < len(cells) and _text(cells[index])
        }
        codes = {c for c in codes if c and _REGION_CODE.match(c)}
        for chunk in _chunks(sorted(codes), LOOKUP_CHUNK):
            regions = self.session.exec(
                select(Region).where(col(Region.code).in_(chunk), col(Region.deleted_at).is_(None))
            ).all()
            self._villages.update({r.code: r for r in regions})

    def _check_row(self, number: int, cells: dict[str, Any]) -> None:
        ctx = RowContext(number, self.t)
        category_code = _read_cell(ctx, BY_HEADER["类别"], cells.get("类别"), None)
        category = PersonCategory(category_code) if category_code else None
        values: dict[str, Any] = {}
        profile: dict[str, Any] = {}
        for column in COLUMNS:
            raw = cells.get(column.header)
            if column.header == "类别":
                values["category"] = category_code
                continue
            if column.kind == "id_number":
                values["id_number"] = _read_id_number(ctx, raw)
                continue
            if column.kind == "region_code":
                values["region_id"] = self._village_id(ctx, raw)
                continue
            if column.profile:
                if _text(raw) is None:
                    continue
                if category is not None and category not in column.categories:
                    who = "、".join(REGISTRY_LABELS[PersonCategory][c] for c in column.categories)
                    ctx.error(
                        column.header,
                        "not_applicable",
                        f"「{column.header}」只适用于{who}。",
                        f"{column.header} applies only to "
                        f"{', '.join(c.value for c in column.categories)}.",
                    )
                    continue
                value = _read_cell(ctx, column, raw, category)
                if value is not None:
                    profile[column.field] = value
                continue
            values[column.field] = _read_cell(ctx, column, raw, category)
        for column in COLUMNS:
            key = "region_id" if column.kind == "region_code" else column.field
            if column.needed_by and not column.profile and values.get(key) is None:
                if column.header not in ctx.columns_in_error:
                    self._required(ctx, column.header)
        if category is None:
            self._errors.extend(ctx.errors)
            return
        if _text(cells.get("身份证号")) is None:
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
                    ctx.error(header, _pydantic_code(e), *_pydantic_msg(header, e))
                    taken.add(header)
            self._errors.extend(ctx.errors)
            return
        if ctx.errors:
            self._errors.extend(ctx.errors)
            return
        try:
            values = new_person_values(self.session, self.settings, self.pii, self.caller, data)
        except AppError as exc:
            self._service_error(ctx, exc)
            self._errors.extend(ctx.errors)
            return
        self.candidates.append(Candidate(number, values, data))

    def _required(self, ctx: RowContext, header: str) -> None:
        ctx.error(header, "required", f"「{header}」为必填项。", f"{header} is required.")

    def _village_id(self, ctx: RowContext, raw: Any) -> uuid.UUID | None:
        header = "村/社区代码"
        code = _text(raw)
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

    # -- matching what is already registered ------------------------------------------

    def _dedupe_in_file(self) -> None:
        """A person given twice in the sheet: the later rows are errors."""
        first_by_index: dict[str, int] = {}
        first_by_identity: dict[tuple[str, date, uuid.UUID], int] = {}
        for c in self.candidates:
            p = c.person
            if p.id_number_index is not None:
                first = first_by_index.setdefault(p.id_number_index, c.row)
                column, what = "身份证号", ("身份证号", "ID number")
            else:
                first = first_by_identity.setdefault((p.name, p.birth_date, p.region_id), c.row)
                column, what = "姓名", ("姓名、出生日期和村/社区", "name, birth date and village")
            if first == c.row:
                self.fresh.append(c)
                continue
            self._add_error(
                row_error(
                    c.row,
                    column,
                    "duplicate_in_file",
                    self.t(f"与第 {first} 行的{what[0]}相同。", f"Same {what[1]} as row {first}."),
                )
            )

    def _match(self, session: Session) -> list[dict[str, Any]]:
        """Split the fresh rows into new persons and registered ones (unchanged); an ID
        number registered to someone else is an error. Returns the errors it found."""
        for error in self._matching_errors:  # a second run (the write) starts over
            self._errors.remove(error)
            self._row_errors[error["row"]] -= 1
        self._matching_errors = []
        existing = _existing_by_index(session, [c.person.id_number_index for c in self.fresh])
        by_identity = _existing_by_identity(session, [c.person for c in self.fresh])
        self.to_create, self.outcome.unchanged = [], 0
        for c in self.fresh:
            p = c.person
            if p.id_number_index is None:
                if (p.name, p.birth_date, p.region_id) in by_identity:
                    self.outcome.unchanged += 1
                else:
                    self.to_create.append(c)
                continue
            match = existing.get(p.id_number_index)
            if match is None:
                self.to_create.append(c)
            elif not repo.person_visible(session, self.caller, match["id"], match["region_path"]):
                self._matching_error(
                    row_error(
                        c.row,
                        "身份证号",
                        "duplicate_person",
                        self.t(
                            "该身份证号已在其他辖区登记。",
                            "This ID number is registered in another area.",
                        ),
                    )
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
                self._matching_error(error)
            else:
                self.outcome.unchanged += 1
        return self._matching_errors

    def _matching_error(self, error: dict[str, Any]) -> None:
        self._matching_errors.append(error)
        self._add_error(error)

    def _add_error(self, error: dict[str, Any]) -> None:
        self._errors.append(error)
        self._row_errors[error["row"]] = self._row_errors.get(error["row"], 0) + 1

    # -- writing --------------------------------------------------------------------

    def write(self, session: Session) -> int:
        """Insert the new persons with their first versions and audit events, in the
        caller's transaction (flush, no commit). The register is matched again first, under
        the write lock: someone may have registered one of the persons since :meth:`check`."""
        if session.get_bind().dialect.name == "postgresql":
            session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
        if self._match(session):
            self._summary()
            raise rows_invalid(self.outcome)
        now = clock.now()
        persons, versions = [], []
        for c in self.to_create:
            row = {**c.values, "created_at": now, "updated_at": now, "version": 1}
            row.update(exited_on=None, exit_reason=None, deleted_at=None)
            persons.append(row)
            versions.append(
                version_values(
                    SimpleNamespace(**row), self.caller, "create", created_fields(c.data)
                )
            )
        # Core executemany, a chunk at a time: ORM objects would cost ~1 ms each here.
        for chunk in _chunks(persons, INSERT_CHUNK):
            session.execute(sa.insert(repo.person_t), chunk)
        for chunk in _chunks(versions, INSERT_CHUNK):
            session.execute(sa.insert(repo.version_t), chunk)
        audit.record(
            session,
            self.caller,
            "person.import",
            resource_type="person",
            detail={
                "rows": self.outcome.rows,
                "created": len(persons),
                "unchanged": self.outcome.unchanged,
            },
        )
        session.flush()
        self._summary()
        return len(persons)


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


def _existing_by_index(session: Session, indexes: Iterable[str | None]) -> dict[str, Any]:
    """Live persons by blind index of their ID number, a chunk of indexes per query."""
    wanted = sorted({i for i in indexes if i is not None})
    t = repo.person_t.c
    found: dict[str, Any] = {}
    for chunk in _chunks(wanted, LOOKUP_CHUNK):
        # Inlined (hex digests, quoted by SQLAlchemy): with 500 bound parameters PostgreSQL
        # planned a sequential scan (~0.3 s per chunk) until the table was analysed.
        keys: sa.BindParameter[str] = sa.bindparam(
            "keys", list(chunk), expanding=True, literal_execute=True
        )
        stmt = sa.select(t.id, t.id_number_index, t.region_path, t.name).where(
            t.deleted_at.is_(None), t.id_number_index.is_not(None), t.id_number_index.in_(keys)
        )
        for row in session.execute(stmt).mappings():
            found[row["id_number_index"]] = row
    return found


def _existing_by_identity(
    session: Session, persons: Iterable[SimpleNamespace]
) -> set[tuple[str, date, uuid.UUID]]:
    """(name, birth date, village) of live persons, for rows without an ID number."""
    keys = {(p.name, p.birth_date, p.region_id) for p in persons if p.id_number_index is None}
    if not keys:
        return set()
    t = repo.person_t.c
    villages = sorted({k[2] for k in keys})
    found: set[tuple[str, date, uuid.UUID]] = set()
    for chunk in _chunks(sorted({k[1] for k in keys}), LOOKUP_CHUNK):
        stmt = sa.select(t.name, t.birth_date, t.region_id).where(
            t.deleted_at.is_(None), t.birth_date.in_(chunk), t.region_id.in_(villages)
        )
        found.update((r[0], r[1], r[2]) for r in session.execute(stmt))
    return found & keys


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_PYDANTIC_ZH = {
    "missing": "为必填项",
    "string_too_long": "过长",
    "string_too_short": "不能为空",
    "too_long": "项数过多",
    "less_than_equal": "超出范围",
    "greater_than_equal": "超出范围",
    "enum": "取值无效",
    "literal_error": "取值无效",
    "control_character": "含有控制字符（如换行、制表符或不可见字符）",
}
# Pydantic error types that keep their own code in a row error (the rest: invalid_value).
_OWN_CODES = frozenset({"control_character"})


def _pydantic_code(error: Mapping[str, Any]) -> str:
    if error["type"] in _OWN_CODES:
        return str(error["type"])
    return "required" if error["type"] == "missing" else "invalid_value"


def _pydantic_msg(header: str, error: Mapping[str, Any]) -> tuple[str, str]:
    zh = _PYDANTIC_ZH.get(error["type"], "取值无效")
    ctx = error.get("ctx") or {}
    if error["type"] == "string_too_long" and "max_length" in ctx:
        zh = f"不能超过 {ctx['max_length']} 个字符"
    return f"「{header}」{zh}。", f"{header}: {error['msg']}."


@contextmanager
def reading_session(db: Database) -> Iterator[Session]:
    """A session for checking a sheet. On SQLite it sends no ``BEGIN IMMEDIATE``, so the
    write lock is not held while thousands of rows are checked; :meth:`PersonImport.write`
    takes it afterwards and matches the register again."""
    with db.engine.connect() as conn:
        conn.execution_options(liushou_autocommit=True)
        with Session(bind=conn) as session:
            yield session

"""The cells of a person import sheet: a value read as text, a date, an enum code, a yes/no,
a list, a whole number or a mobile number, for the column it sits in. A cell that cannot be
read is a row error naming the sheet row and the column (``{row, column, code, msg}``); so
is a field the row's ``PersonCreate`` refuses (:func:`pydantic_code`, :func:`pydantic_msg`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from liushou.api.params import EARLIEST_DAY, LATEST_DAY, OUT_OF_RANGE, day_in_range
from liushou.enums import LabelledEnum
from liushou.registry import identifiers as ids
from liushou.registry.enums import PersonCategory
from liushou.registry.import_columns import Column, fold, label_table

_TRUE = {"是", "y", "yes", "true", "1", "寄宿", "√"}
_FALSE = {"否", "n", "no", "false", "0", "走读", "不寄宿"}
_LIST_SPLIT = re.compile(r"[、,，;；/|\s]+")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


# --- row errors ----------------------------------------------------------------------


def row_error(row: int, column: str, code: str, msg: str) -> dict[str, Any]:
    """``{row, column, code, msg}`` (and ``loc``, so a 422 problem's errors stay uniform)."""
    return {"loc": ["file", row, column], "row": row, "column": column, "code": code, "msg": msg}


@dataclass
class Text:
    """Messages in the caller's language (Accept-Language)."""

    english: bool

    def __call__(self, zh: str, en: str) -> str:
        return en if self.english else zh


# --- cells ---------------------------------------------------------------------------


def cell_text(value: Any) -> str | None:
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
    text = cell_text(value)
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


def _read_enum(ctx: RowContext, column: Column, enum: type[LabelledEnum], value: Any) -> str | None:
    text = cell_text(value)
    if text is None:
        return None
    code = label_table(enum).get(fold(text))
    if code is None:
        allowed = "、".join(enum.labels().values())
        ctx.error(
            column.header,
            "invalid_value",
            f"「{column.header}」的值“{text}”无效，应为：{allowed}。",
            f"{column.header}: '{text}' is not one of: {', '.join(m.value for m in enum)}.",
        )
    return code


def read_cell(ctx: RowContext, column: Column, value: Any, category: PersonCategory | None) -> Any:
    kind = column.kind
    if kind == "date":
        return _read_date(ctx, column.header, value)
    if kind == "enum":
        enum = column.enum_for(category)
        return None if enum is None else _read_enum(ctx, column, enum, value)
    text = cell_text(value)
    if text is None:
        return None
    if kind == "bool":
        folded = fold(text)
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


def read_id_number(ctx: RowContext, value: Any) -> str | None:
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
    text = cell_text(value)
    if text is not None and "*" in text:
        ctx.error(
            header,
            "id_number_masked",
            "身份证号是脱敏值，请填写完整号码（或留空）。",
            "The ID number is masked; give the full number (or leave it empty).",
        )
        return None
    return text


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


def pydantic_code(error: Mapping[str, Any]) -> str:
    if error["type"] in _OWN_CODES:
        return str(error["type"])
    return "required" if error["type"] == "missing" else "invalid_value"


def pydantic_msg(header: str, error: Mapping[str, Any]) -> tuple[str, str]:
    zh = _PYDANTIC_ZH.get(error["type"], "取值无效")
    ctx = error.get("ctx") or {}
    if error["type"] == "string_too_long" and "max_length" in ctx:
        zh = f"不能超过 {ctx['max_length']} 个字符"
    return f"「{header}」{zh}。", f"{header}: {error['msg']}."

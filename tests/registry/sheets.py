"""Survey sheets for the import and export tests: rows as the village staff type them
(Chinese headers and labels), written as CSV or XLSX bytes, and the HTTP calls."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import httpx

from liushou.clock import today
from liushou.registry.identifiers import make_id_number
from tests.registry.factories import API, years_ago

IMPORTS = f"{API}/imports/persons"
TEMPLATE_CSV = f"{IMPORTS}/template.csv"
TEMPLATE_XLSX = f"{IMPORTS}/template.xlsx"
EXPORT_CSV = f"{API}/exports/persons.csv"
EXPORT_XLSX = f"{API}/exports/persons.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_sequence = itertools.count(500, 2)
_phones = itertools.count(20000001)


def new_id_number(born: date, sex: str = "male") -> str:
    """A fresh valid number: 500 sequence codes per day, then a day earlier (big sheets)."""
    n = next(_sequence)
    day = born - timedelta(days=n // 1000)
    return make_id_number("370871", day, n % 1000, sex)  # type: ignore[arg-type]


def new_phone() -> str:
    return f"137{next(_phones):08d}"


def since() -> str:
    return (today() - timedelta(days=300)).isoformat()


def child_row(village: Any, *, born: date | None = None, **cells: str) -> dict[str, str]:
    """A left-behind child of 10 with a guardian's phone, as a village sheet writes it."""
    born = born or years_ago(10)
    row = {
        "姓名": "王小明",
        "身份证号": new_id_number(born, "male"),
        "类别": "留守儿童",
        "村/社区代码": village.code,
        "留守开始日期": since(),
        "住址": "东营村二组",
        "留守原因": "父母双方外出务工",
        "监护类型": "(外)祖父母监护",
        "监护人姓名": "王德福",
        "监护人关系": "祖父",
        "监护人电话": new_phone(),
        "就学状态": "小学",
        "是否寄宿": "否",
        "健康状况": "健康",
    }
    row.update(cells)
    return row


def elder_row(village: Any, *, born: date | None = None, **cells: str) -> dict[str, str]:
    born = born or years_ago(72)
    row = {
        "姓名": "李桂兰",
        "身份证号": new_id_number(born, "female"),
        "类别": "留守老人",
        "村/社区代码": village.code,
        "留守开始日期": since(),
        "联系电话": new_phone(),
        "居住状况": "独居",
        "健康状况": "慢性病",
        "享受待遇": "低保、高龄津贴",
        "风险等级": "重点",
    }
    row.update(cells)
    return row


def woman_row(village: Any, *, born: date | None = None, **cells: str) -> dict[str, str]:
    born = born or years_ago(35)
    row = {
        "姓名": "赵秀英",
        "身份证号": new_id_number(born, "female"),
        "类别": "留守妇女",
        "村/社区代码": village.code,
        "留守开始日期": since(),
        "联系电话": new_phone(),
        "配偶外出时间": "2020-03-01",
        "就业状况": "务农",
        "培训意向": "电商、家政",
        "子女数": "2",
    }
    row.update(cells)
    return row


def headers_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(h for row in rows for h in row))


def csv_bytes(
    rows: Sequence[dict[str, Any]], headers: Sequence[str] | None = None, *, bom: bool = True
) -> bytes:
    headers = list(headers or headers_of(rows))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers])
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(
    rows: Sequence[dict[str, Any]],
    headers: Sequence[str] | None = None,
    *,
    above: Sequence[Sequence[Any]] = (),
) -> bytes:
    """Sheet 1: ``above`` (title lines), the header, the rows (cells keep their types)."""
    from openpyxl import Workbook

    headers = list(headers or headers_of(rows))
    workbook = Workbook()
    sheet = workbook.active
    for line in above:
        sheet.append(list(line))
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(
    client: httpx.Client,
    headers: dict[str, str],
    content: bytes,
    *,
    dry_run: bool,
    filename: str = "persons.csv",
    extra: dict[str, str] | None = None,
) -> httpx.Response:
    return client.post(
        IMPORTS,
        params={"dry_run": "true" if dry_run else "false"},
        files={"file": (filename, content, "application/octet-stream")},
        headers={**headers, **(extra or {})},
    )


def imported(client: httpx.Client, headers: dict[str, str], rows: Sequence[dict[str, Any]]) -> dict:
    """A real import that must succeed; returns its body."""
    response = upload(client, headers, csv_bytes(rows), dry_run=False)
    assert response.status_code == 200, response.text
    return response.json()


def csv_records(content: bytes) -> list[dict[str, str]]:
    """An exported CSV as dicts by header (BOM removed)."""
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def xlsx_records(content: bytes) -> list[dict[str, Any]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def errors_by_cell(body: dict[str, Any]) -> dict[tuple[int, str], str]:
    """{(row, column): code} of an import report or 422 problem."""
    return {(e["row"], e["column"]): e["code"] for e in body["errors"]}

"""The import templates (CSV, XLSX) and their README, generated from ``import_columns.COLUMNS``.

The canonical copies ship in the package (``liushou/static/templates/``, served at
``GET /imports/persons/template.csv|.xlsx``) and the same files sit in ``docs/templates/``.
Regenerate both after changing a column::

    .venv/bin/python -m liushou.registry.templates
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from liushou.registry.identifiers import make_id_number
from liushou.registry.import_columns import COLUMNS, Column

CSV_NAME = "persons.csv"
XLSX_NAME = "persons.xlsx"
README_NAME = "README.md"
# A fixed timestamp in the workbook's properties, so regenerating changes nothing visible.
_CREATED = datetime(2025, 1, 1)

# Two synthetic people (a child and an elder) in the villages of the demo data and tests:
# 东营村 370871005201 and 金色嘉苑社区 370871005001, both in 黄屯街道.
EXAMPLES: list[dict[str, str]] = [
    {
        "姓名": "张小雨",
        "身份证号": make_id_number("370871", date(2016, 5, 12), 24, "female"),
        "类别": "留守儿童",
        "村/社区代码": "370871005201",
        "留守开始日期": "2023-03-01",
        "性别": "女",
        "出生日期": "2016-05-12",
        "住址": "东营村三组12号",
        "留守原因": "父母双方外出务工",
        "监护类型": "(外)祖父母监护",
        "监护评估": "较好",
        "监护人姓名": "张德顺",
        "监护人关系": "祖父",
        "监护人电话": "13912345678",
        "父亲状况": "外出务工",
        "母亲状况": "外出务工",
        "父母务工地点": "浙江省宁波市",
        "就读学校": "东营小学",
        "年级": "三年级",
        "就学状态": "小学",
        "是否寄宿": "否",
        "健康状况": "健康",
    },
    {
        "姓名": "李桂兰",
        "身份证号": make_id_number("370871", date(1948, 9, 20), 31, "female"),
        "类别": "留守老人",
        "村/社区代码": "370871005001",
        "留守开始日期": "2020-06-01",
        "性别": "女",
        "出生日期": "1948-09-20",
        "联系电话": "13712345678",
        "住址": "金色嘉苑5号楼2单元101",
        "健康状况": "慢性病",
        "居住状况": "独居",
        "赡养状况": "赡养不足",
        "失能等级": "轻度失能",
        "享受待遇": "低保、医疗救助",
        "风险等级": "高风险",
        "子女务工地点": "江苏省苏州市",
    },
]

HEADERS = [c.header for c in COLUMNS]


def build_csv() -> bytes:
    """UTF-8 with BOM (so Excel shows the Chinese headers), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for example in EXAMPLES:
        writer.writerow([example.get(h, "") for h in HEADERS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def build_xlsx() -> bytes:
    """Sheet 1 is the table (drop-downs on the label columns, text format on the number
    columns so Excel keeps all 18 characters of an ID number); sheet 2 explains the columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    workbook.properties.creator = "liushou"
    workbook.properties.created = workbook.properties.modified = _CREATED
    sheet = workbook.active
    sheet.title = "三留守人员"
    sheet.append(HEADERS)
    for example in EXAMPLES:
        sheet.append([example.get(h) or None for h in HEADERS])
    bold, required_fill = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index)
        cell.font = bold
        if column.required:
            cell.fill = required_fill
        sheet.column_dimensions[letter].width = max(10, 2 * len(column.header) + 4)
        if column.kind in ("id_number", "region_code", "phone", "date"):
            for row in range(2, 1001):
                sheet.cell(row=row, column=index).number_format = "@"
        if column.kind in ("enum", "bool") and len(column.all_enums()) <= 1:
            choices = _choices(column)
            validation = DataValidation(type="list", formula1=f'"{",".join(choices)}"')
            validation.error = f"请从下拉列表中选择：{'、'.join(choices)}"
            validation.showErrorMessage = True
            validation.add(f"{letter}2:{letter}1000")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "B2"
    notes = workbook.create_sheet("填写说明")
    notes.append(["列名", "必填", "适用于", "可填的值 / 说明"])
    for cell in notes[1]:
        cell.font = bold
    for column in COLUMNS:
        notes.append([column.header, _required_text(column), _who(column), _values_text(column)])
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 22
    notes.column_dimensions["C"].width = 26
    notes.column_dimensions["D"].width = 90
    for row in notes.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _choices(column: Column) -> list[str]:
    if column.kind == "bool":
        return ["是", "否"]
    enum = column.all_enums()[0]
    return list(enum.labels().values())


def _required_text(column: Column) -> str:
    if column.required and column.needed_by:
        return "必填"
    if column.required:
        return "列必须有（可留空）"
    if column.needed_by:
        return "、".join(c.label_zh for c in column.needed_by) + "必填"
    return "选填"


def _who(column: Column) -> str:
    if len(column.categories) == 3:
        return "全部"
    return "、".join(c.label_zh for c in sorted(column.categories))


def _values_parts(column: Column, shown: Callable[[dict[str, str]], str]) -> list[str]:
    """What a column may hold: its enums' labels as ``shown`` writes them (each prefixed by
    the categories it is for, when the enum depends on the category), then its note."""
    parts = []
    for enum in column.all_enums():
        prefix = ""
        if isinstance(column.enum, dict):
            who = [c for c, e in column.enum.items() if e is enum]
            prefix = "、".join(c.label_zh for c in who) + "："
        parts.append(prefix + shown(enum.labels()))
    if column.note:
        parts.append(column.note)
    return parts


def _values_text(column: Column) -> str:
    """For the workbook's 填写说明 sheet: the labels only."""
    return "；".join(_values_parts(column, lambda labels: "、".join(labels.values())))


def _values_markdown(column: Column) -> str:
    """For the README: each label with its code."""

    def shown(labels: dict[str, str]) -> str:
        return ", ".join(f"{label} (`{code}`)" for code, label in labels.items())

    return "; ".join(_values_parts(column, shown))


def _field_name(column: Column) -> str:
    if column.kind == "region_code":
        return "`region_id` (by code)"
    if column.profile:
        profiles = sorted({f"{c.value}_profile" for c in column.categories})
        return " / ".join(f"`{p}.{column.field}`" for p in profiles)
    return f"`{column.field}`"


def build_readme() -> str:
    lines = [
        "# 三留守人员导入模板 (person import templates)",
        "",
        "Generated by `python -m liushou.registry.templates` from",
        "`src/liushou/registry/import_columns.py` (`COLUMNS`); do not edit by hand.",
        "",
        "- `persons.csv` — UTF-8 with BOM; also served at `GET /api/v1/imports/persons/template.csv`.",
        "- `persons.xlsx` — sheet 1 is the table (drop-downs, text-formatted number columns),",
        "  sheet 2 (填写说明) explains the columns; served at",
        "  `GET /api/v1/imports/persons/template.xlsx`.",
        "",
        "Upload with `POST /api/v1/imports/persons?dry_run=true` (multipart field `file`) to",
        "check a sheet, then `dry_run=false` to import it (scope `registry:write`). The example",
        "rows use synthetic ID numbers in 东营村 (370871005201) and 金色嘉苑社区 (370871005001)",
        "of 黄屯街道; replace them with your own.",
        "",
        "## Rules",
        "",
        "- Row 1 is the header (rows above a header row that contains 姓名 are skipped as a",
        "  title). Column order does not matter; unknown columns (序号, 备注, and the extra",
        "  columns of an export) are ignored. Headers may carry a trailing `*`.",
        "- Values are the zh-CN labels of `GET /api/v1/meta/enums` (the English codes are",
        "  accepted too). Lists (享受待遇, 培训意向) are separated by 、 , ; or spaces.",
        "- Dates: `YYYY-MM-DD` (also `2024/3/1`, `2024.3.1`, `2024年3月1日`, `20240301`, or an",
        "  Excel date cell).",
        "- 身份证号 must be text in Excel (an 18-digit number loses its last digits). A child",
        "  without household registration may leave it empty; then 性别 and 出生日期 are",
        "  required.",
        "- A profile column filled for a category it does not apply to is an error.",
        "- The import is all-or-nothing and idempotent: a person already registered (same ID",
        "  number, or same 姓名 + 出生日期 + 村/社区 for a row without one) is counted as",
        "  `unchanged` and left as it is (change registered persons through the API). The",
        "  same person twice in one file is an error, and so is an ID number registered under",
        "  another name or outside your area.",
        "- Exports (`GET /api/v1/exports/persons.csv|.xlsx`) use these headers with masked",
        "  values: fill in the full 身份证号 before re-importing one. Masked phone numbers",
        "  (containing `*`) are read as empty.",
        "- Limits: 10 MiB per file (`LIUSHOU_MAX_IMPORT_BYTES`), 20,000 data rows",
        "  (`LIUSHOU_MAX_IMPORT_ROWS`).",
        "",
        "## Columns",
        "",
        "| 列名 | field | 必填 | 适用于 | values (label `code`) / notes |",
        "|---|---|---|---|---|",
    ]
    for column in COLUMNS:
        lines.append(
            f"| {column.header} | {_field_name(column)} | {_required_text(column)} "
            f"| {_who(column)} | {_values_markdown(column)} |"
        )
    lines.append("")
    return "\n".join(lines)


def packaged(name: str) -> bytes:
    """A template as shipped in the package."""
    return resources.files("liushou").joinpath("static", "templates", name).read_bytes()


def write_all(*directories: Path) -> None:
    files = {CSV_NAME: build_csv(), XLSX_NAME: build_xlsx(), README_NAME: build_readme().encode()}
    for directory in directories:
        directory.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (directory / name).write_bytes(content)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    write_all(root / "src" / "liushou" / "static" / "templates", root / "docs" / "templates")

"""The summary as files: an XLSX workbook a sub-district files upward (one sheet per
section, Chinese headers, a 合计 row where a sum means something) and a CSV of one row per
figure (``section,key,value``).

The CSV starts with a UTF-8 byte-order mark: Excel, which is what the offices open it with,
reads a CSV without one in the local code page (GBK) and garbles any Chinese; every CSV
reader of note (Python's ``utf-8-sig``, pandas, LibreOffice) skips it. Its keys are the
JSON's (dotted paths, ASCII), so the values need no Chinese at all — the mark is for the
day a key does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liushou.registry.enums import PersonCategory
from liushou.reports.narrative import LEGAL_ACTIVITY_LABELS, period_zh
from liushou.reports.summary_service import Summary
from liushou.services.enums import DistributionItem, Program

TOTAL = "合计"


def figures(summary: Summary) -> Iterator[tuple[str, str, int]]:
    """Every figure of the report as (section, key, value), in the JSON's order; a list's
    entries are keyed by their code (``services`` → ``legal_consultation.records``)."""
    r = summary.report
    for category, counts in r.registry.model_dump().items():
        for key, value in counts.items():
            yield "registry", f"{category}.{key}", value
    for key, value in r.care.model_dump().items():
        yield "care", key, value
    for s in r.services:
        for key in ("records", "persons", "quantity"):
            yield "services", f"{s.service_type}.{key}", getattr(s, key)
    for a in r.activities:
        for key in ("activities", "attendees"):
            yield "activities", f"{a.service_type}.{key}", getattr(a, key)
    for key, value in r.wishes.model_dump().items():
        yield "wishes", key, value
    for kind, n in r.legal.activities.items():
        yield "legal", f"activities.{kind}", n
    for key, value in r.legal.model_dump(exclude={"activities"}).items():
        yield "legal", key, value
    for d in r.distributions:
        for key in ("quantity", "households"):
            yield "distributions", f"{d.item}.{key}", getattr(d, key)


def to_csv(summary: Summary) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["section", "key", "value"])
    writer.writerows(figures(summary))
    return out.getvalue().encode("utf-8-sig")


def _width(value: Any) -> int:
    """Display width of a cell: a CJK character takes two columns."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _sheet(
    book: Workbook,
    title: str,
    heading: str,
    headers: list[str],
    rows: list[list[Any]],
    summed: tuple[int, ...] = (),
) -> None:
    """A sheet: the title row, the header row, the rows, and a 合计 row summing the columns
    ``summed`` (0-based; only where a sum means something)."""
    sheet: Worksheet = book.create_sheet(title)
    sheet.append([heading])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for row in rows:
        sheet.append(row)
    if summed:
        total: list[Any] = [TOTAL] + [None] * (len(headers) - 1)
        for i in summed:
            total[i] = sum(int(row[i] or 0) for row in rows)
        sheet.append(total)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    if len(headers) > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for i in range(1, len(headers) + 1):
        cells = [sheet.cell(row=r, column=i).value for r in range(2, sheet.max_row + 1)]
        sheet.column_dimensions[get_column_letter(i)].width = max(
            10, *(_width(v) + 2 for v in cells)
        )
    sheet.freeze_panes = "A3"


def to_xlsx(summary: Summary) -> bytes:
    r = summary.report
    heading = f"{summary.region_name}（{summary.region_code}） {period_zh(r.from_, r.to)}"
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    registry = r.registry.model_dump()
    _sheet(
        book,
        "登记情况",
        f"{heading} 登记情况",
        ["类别", "在册人数", "新增人数", "退出人数"],
        [
            [
                c.label_zh,
                registry[c.value]["active"],
                registry[c.value]["new"],
                registry[c.value]["exited"],
            ]
            for c in PersonCategory
        ],
        summed=(1, 2, 3),
    )
    care = r.care
    _sheet(
        book,
        "关爱帮扶",
        f"{heading} 关爱帮扶",
        ["指标", "数值"],
        [
            ["在册人数", care.active],
            ["有主要联系人", care.with_primary_contact],
            ["走访次数", care.visits],
            ["走访人数", care.persons_visited],
            ["走访逾期人数", care.overdue],
        ],
    )
    programs = Program.labels()
    _sheet(
        book,
        "服务台账",
        f"{heading} 服务台账",
        ["服务类型", "项目", "服务记录数", "服务人数", "服务数量", "单位"],
        [
            [
                s.name_zh,
                programs.get(s.program, s.program),
                s.records,
                s.persons,
                s.quantity,
                summary.units.get(s.service_type, "次"),
            ]
            for s in r.services
        ],
        # Records only: persons are distinct per type (a sum would count a person once per
        # type), and quantities of different units do not add up.
        summed=(2,),
    )
    names = summary.names
    _sheet(
        book,
        "活动",
        f"{heading} 活动",
        ["服务类型", "活动场次", "参加人次"],
        [
            [names.get(a.service_type, a.service_type), a.activities, a.attendees]
            for a in r.activities
        ],
        summed=(1, 2),
    )
    _sheet(
        book,
        "微心愿",
        f"{heading} 微心愿",
        ["指标", "数值"],
        [
            ["本期新增心愿", r.wishes.made],
            ["本期实现心愿", r.wishes.fulfilled],
            ["截止日待实现（待认领、已认领）", r.wishes.open],
        ],
    )
    legal = r.legal
    _sheet(
        book,
        "法律服务",
        f"{heading} 法律服务",
        ["指标", "数值"],
        [
            *[
                [f"法律服务活动：{LEGAL_ACTIVITY_LABELS.get(k, k)}", n]
                for k, n in legal.activities.items()
            ],
            ["法律咨询次数", legal.consultations],
            ["驻村服务时长（分钟）", legal.onsite_minutes],
            ["村（社区）数", legal.villages],
            ["已配备法律顾问的村（社区）", legal.villages_with_advisor],
            ["未配备法律顾问的村（社区）", legal.villages_without_advisor],
        ],
    )
    items = DistributionItem.labels()
    _sheet(
        book,
        "物资发放",
        f"{heading} 物资发放",
        ["物资", "数量", "覆盖户数"],
        [[items.get(d.item, d.item), d.quantity, d.households] for d in r.distributions],
        # Quantity only: a household reached twice (two handouts) would count twice.
        summed=(1,),
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""GET /reports/summary.xlsx and .csv: the same figures as the JSON, as files."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.reports.summary_data import (
    get_summary,
    seed_registry_and_care,
    seed_services,
    summary_json,
    t,
)

SHEETS = ["登记情况", "关爱帮扶", "服务台账", "活动", "微心愿", "法律服务", "物资发放"]


@pytest.fixture
def seeded(client, world, db):
    seeded = seed_registry_and_care(client, world)
    seed_services(db, world, seeded.persons)
    return seeded


def _rows(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_workbook(client, world, seeded):
    staff = world.as_("staff")
    report = summary_json(client, staff, world.huangtun, t(-30), t(-10))
    response = get_summary(client, staff, world.huangtun, t(-30), t(-10), ".xlsx")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    disposition = response.headers["content-disposition"]
    assert disposition == (
        f'attachment; filename="summary-370871005000-{t(-30).isoformat()}-{t(-10).isoformat()}.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == SHEETS
    for name in SHEETS:
        title = book[name]["A1"].value
        assert "黄屯街道" in title and f"{t(-30).month}月{t(-30).day}日" in title, title
        # Column widths fit the Chinese headers (two columns per character).
        for cell in book[name][2]:
            width = book[name].column_dimensions[cell.column_letter].width
            assert width >= 2 * len(str(cell.value)), (name, cell.value)

    registry = _rows(book["登记情况"])
    assert registry[1] == ["类别", "在册人数", "新增人数", "退出人数"]
    r = report["registry"]
    assert registry[2:] == [
        ["留守儿童", r["child"]["active"], r["child"]["new"], r["child"]["exited"]],
        ["留守妇女", r["woman"]["active"], r["woman"]["new"], r["woman"]["exited"]],
        ["留守老人", r["elder"]["active"], r["elder"]["new"], r["elder"]["exited"]],
        ["合计", r["total"]["active"], r["total"]["new"], r["total"]["exited"]],
    ]

    care = _rows(book["关爱帮扶"])
    c = report["care"]
    assert care[1] == ["指标", "数值"]
    assert [row[1] for row in care[2:]] == [
        c["active"],
        c["with_primary_contact"],
        c["visits"],
        c["persons_visited"],
        c["overdue"],
    ]

    services = _rows(book["服务台账"])
    assert services[1] == ["服务类型", "项目", "服务记录数", "服务人数", "服务数量", "单位"]
    assert services[2:-1] == [
        ["帮助就业", "就业帮扶", 1, 1, 1, "次"],
        ["法律政策咨询", "法律服务", 3, 2, 4, "次"],
        ["心理疏导", "心理疏导与健康咨询", 1, 1, 3, "次"],
    ]
    assert services[-1] == ["合计", None, 5, None, None, None]

    assert _rows(book["活动"])[1:] == [
        ["服务类型", "活动场次", "参加人次"],
        ["四点半课堂", 2, 20],
        ["安全教育", 1, 30],
        ["合计", 3, 50],
    ]
    assert [row[1] for row in _rows(book["微心愿"])[2:]] == [3, 1, 3]
    legal = _rows(book["法律服务"])
    assert [row[1] for row in legal[2:]] == [0, 0, 2, 0, 2]
    assert _rows(book["物资发放"])[1:] == [
        ["物资", "数量", "覆盖户数"],
        ["宣传单", 150, 40],
        ["便民找法服务卡", 30, 30],
        ["合计", 180, None],
    ]


def test_the_workbook_of_an_empty_period(client, world):
    response = get_summary(client, world.as_("staff"), world.huangtun, t(-3), t(-2), ".xlsx")
    assert response.status_code == 200, response.text
    book = load_workbook(io.BytesIO(response.content))
    assert _rows(book["服务台账"])[2:] == [["合计", None, 0, None, None, None]]


def _flatten(report: dict[str, Any]) -> dict[tuple[str, str], int]:
    """Every figure of the JSON, keyed as the CSV keys it."""
    out: dict[tuple[str, str], int] = {}
    for category, counts in report["registry"].items():
        for key, value in counts.items():
            out["registry", f"{category}.{key}"] = value
    for key, value in report["care"].items():
        out["care", key] = value
    for s in report["services"]:
        for key in ("records", "persons", "quantity"):
            out["services", f"{s['service_type']}.{key}"] = s[key]
    for a in report["activities"]:
        for key in ("activities", "attendees"):
            out["activities", f"{a['service_type']}.{key}"] = a[key]
    for key, value in report["wishes"].items():
        out["wishes", key] = value
    for kind, n in report["legal"]["activities"].items():
        out["legal", f"activities.{kind}"] = n
    for key, value in report["legal"].items():
        if key != "activities":
            out["legal", key] = value
    for d in report["distributions"]:
        for key in ("quantity", "households"):
            out["distributions", f"{d['item']}.{key}"] = d[key]
    return out


def test_the_csv(client, world, seeded):
    staff = world.as_("staff")
    report = summary_json(client, staff, world.huangtun, t(-30), t(-10))
    response = get_summary(client, staff, world.huangtun, t(-30), t(-10), ".csv")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].endswith('.csv"')
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["section", "key", "value"]
    figures = {(section, key): int(value) for section, key, value in rows[1:]}
    assert len(figures) == len(rows) - 1  # one row per figure
    assert figures == _flatten(report)
    assert figures["registry", "total.active"] == 5
    assert figures["services", "legal_consultation.quantity"] == 4
    assert figures["legal", "villages_without_advisor"] == 2

"""GET /exports/persons.csv|.xlsx over HTTP: masked values, the list's filters and scope,
batches, constant memory, audit, and re-import of an export."""

from __future__ import annotations

import csv
import io
import os
import tracemalloc
import uuid

import anyio
import pytest
import sqlalchemy as sa

from liushou.config import Settings
from liushou.registry import exports
from liushou.registry.import_columns import COLUMNS
from liushou.registry.query import PersonQuery
from liushou.registry.repository import PersonFilters
from tests.conftest import make_settings
from tests.http import list_all
from tests.registry.factories import AUDIT, PERSONS, assert_problem, masked
from tests.registry.sheets import (
    EXPORT_CSV,
    EXPORT_XLSX,
    XLSX_TYPE,
    child_row,
    csv_bytes,
    csv_records,
    elder_row,
    imported,
    upload,
    woman_row,
    xlsx_records,
)

BATCH = 50  # small, so a few dozen rows already take several batches


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url, export_batch_size=BATCH)


@pytest.fixture
def register(client, world):
    """Three persons with every kind of personal data, imported by the street staff."""
    rows = [
        child_row(world.village, 姓名="王小明"),
        elder_row(world.community, 姓名="李桂兰"),
        woman_row(world.village, 姓名="赵秀英"),
    ]
    imported(client, world.as_("staff"), rows)
    return rows


def secrets_of(rows) -> list[str]:
    return [row[c] for row in rows for c in ("身份证号", "联系电话", "监护人电话") if row.get(c)]


# --- masked ------------------------------------------------------------------------------


def test_csv_export_is_masked(client, world, register):
    response = client.get(EXPORT_CSV, headers=world.as_("staff"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith('attachment; filename="persons-')
    assert response.headers["cache-control"] == "no-store"
    text = response.content.decode("utf-8")
    for secret in secrets_of(register):
        assert secret not in text
        assert secret[-8:] not in text  # not even the clear tail of a number
    records = {r["姓名"]: r for r in csv_records(response.content)}
    child = records["王小明"]
    number = register[0]["身份证号"]
    assert child["身份证号"] == masked(number)
    assert (
        child["监护人电话"]
        == register[0]["监护人电话"][:3] + "****" + register[0]["监护人电话"][-4:]
    )
    assert child["监护类型"] == "(外)祖父母监护"  # zh labels, as the import takes them
    assert child["村/社区代码"] == world.village.code
    assert child["村/社区名称"] == "东营村"
    assert child["状态"] == "在册"
    elder = records["李桂兰"]
    assert elder["联系电话"].count("*") == 4
    assert elder["享受待遇"] == "低保、高龄津贴"
    assert elder["监护类型"] == ""  # a child's column stays empty for an elder


def test_xlsx_export_is_masked(client, world, register):
    response = client.get(EXPORT_XLSX, headers=world.as_("staff"))
    assert response.status_code == 200
    assert response.headers["content-type"] == XLSX_TYPE
    assert int(response.headers["content-length"]) == len(response.content)
    records = xlsx_records(response.content)
    assert len(records) == 3
    cells = repr(records)
    for secret in secrets_of(register):
        assert secret not in cells
    woman = next(r for r in records if r["姓名"] == "赵秀英")
    assert woman["就业状况"] == "务农"
    assert woman["培训意向"] == "电商、家政"
    assert "*" in woman["身份证号"]


def test_export_headers_are_the_templates_then_export_only_columns(client, world, register):
    records = csv_records(client.get(EXPORT_CSV, headers=world.as_("staff")).content)
    headers = list(records[0])
    assert headers[: len(COLUMNS)] == [c.header for c in COLUMNS]
    assert headers[len(COLUMNS) :] == exports.EXTRA_HEADERS


# --- filters and scope -------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"category": "child"},
        {"category": "elder", "risk_tier": "key"},
        {"region_id": "community"},
        {"q": "wxm"},
        {"age_min": "60"},
        {"status": "active", "schooling_status": "primary"},
    ],
)
def test_export_takes_the_lists_filters(client, world, register, params):
    staff = world.as_("staff")
    params = {k: str(world.community.id) if v == "community" else v for k, v in params.items()}
    listed = {p["id"] for p in list_all(client, PERSONS, staff, **params)}
    exported = {
        r["人员编号"]
        for r in csv_records(client.get(EXPORT_CSV, params=params, headers=staff).content)
    }
    assert exported == listed
    xlsx = client.get(EXPORT_XLSX, params=params, headers=staff)
    assert {r["人员编号"] for r in xlsx_records(xlsx.content)} == listed


def test_export_by_id_number_and_as_of(client, world, register):
    staff = world.as_("staff")
    by_number = client.get(EXPORT_CSV, params={"id_number": register[1]["身份证号"]}, headers=staff)
    assert [r["姓名"] for r in csv_records(by_number.content)] == ["李桂兰"]
    long_ago = client.get(EXPORT_CSV, params={"as_of": "2000-01-01"}, headers=staff)
    assert csv_records(long_ago.content) == []
    today_ = client.get(EXPORT_CSV, params={"as_of": register[0]["留守开始日期"]}, headers=staff)
    assert len(csv_records(today_.content)) == 3


def test_bad_filters_are_422_like_the_list(client, world):
    response = client.get(EXPORT_CSV, params={"category": "cat"}, headers=world.as_("staff"))
    assert_problem(response, 422, "validation_error")


def test_export_is_scoped_like_the_list(client, world, register):
    imported(client, world.as_("other_staff"), [child_row(world.other_village, 姓名="柳行娃")])
    village = csv_records(client.get(EXPORT_CSV, headers=world.as_("village")).content)
    assert {r["姓名"] for r in village} == {"李桂兰"}  # 金色嘉苑社区 only
    staff = csv_records(client.get(EXPORT_CSV, headers=world.as_("staff")).content)
    assert "柳行娃" not in {r["姓名"] for r in staff}
    auditor = csv_records(client.get(EXPORT_CSV, headers=world.as_("auditor")).content)
    assert len(auditor) == 4  # everything, masked
    volunteer = client.get(EXPORT_CSV, headers=world.as_("volunteer"))
    assert volunteer.status_code == 200 and csv_records(volunteer.content) == []


@pytest.mark.parametrize("who", ["lawyer", "partner"])
@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_XLSX])
def test_export_needs_registry_read(client, world, who, url):
    assert_problem(client.get(url, headers=world.as_(who)), 403, "insufficient_scope")


def test_export_needs_a_token(client, world):
    assert_problem(client.get(EXPORT_CSV), 401, "unauthorized")


# --- audit -------------------------------------------------------------------------------


def test_every_export_is_audited_with_filters_and_row_count(client, world, register, db):
    auditor = world.as_("auditor")
    number = register[0]["身份证号"]
    client.get(EXPORT_CSV, params={"category": "child", "id_number": number}, headers=auditor)
    client.get(EXPORT_XLSX, params={"region_id": str(world.huangtun.id)}, headers=auditor)
    events = client.get(
        AUDIT, params={"action": "person.export"}, headers=world.as_("admin")
    ).json()["items"]
    by_format = {e["detail"]["format"]: e for e in events}
    assert set(by_format) == {"csv", "xlsx"}
    csv_event = by_format["csv"]
    assert csv_event["actor_name"] == "u_auditor"
    assert csv_event["outcome"] == "success"
    assert csv_event["detail"]["rows"] == 1
    assert csv_event["detail"]["filters"] == {"category": "child", "id_number": "(given)"}
    assert by_format["xlsx"]["detail"] == {
        "format": "xlsx",
        "filters": {"region_id": str(world.huangtun.id)},
        "rows": 3,
    }
    with db.engine.connect() as conn:
        text = repr(conn.execute(sa.text("SELECT * FROM audit_event")).all())
    assert number not in text


# --- batches and memory ------------------------------------------------------------------


def _rows(world, n):
    return [
        elder_row(world.community, 姓名=f"老人{i}")
        if i % 2
        else child_row(world.village, 姓名=f"儿童{i}")
        for i in range(n)
    ]


def test_more_rows_than_one_batch_are_all_exported_once_in_batches(app, client, world):
    staff = world.as_("staff")
    total = BATCH * 2 + 17
    assert imported(client, staff, _rows(world, total))["created"] == total

    records = csv_records(client.get(EXPORT_CSV, headers=staff).content)
    ids = [r["人员编号"] for r in records]
    assert len(ids) == total and len(set(ids)) == total
    # The list's order (village by village, then by id), batch after batch.
    assert ids == [p["id"] for p in list_all(client, PERSONS, staff, limit=100)]
    assert ids != sorted(ids, key=uuid.UUID)  # the rows span villages: not plain id order
    xlsx = client.get(EXPORT_XLSX, headers=staff)
    assert [r["人员编号"] for r in xlsx_records(xlsx.content)] == ids

    # The rows come from the database a batch at a time, never in one read.
    with app.state.db.session() as session:
        caller = app.state.auth.user_principal(session, world.users["staff"])
    export = exports.Export(
        db=app.state.db, caller=caller, query=PersonQuery(PersonFilters()), batch_size=BATCH
    )

    async def sizes() -> list[int]:
        return [len(batch) async for batch in export.batches()]

    assert anyio.run(sizes) == [BATCH, BATCH, 17]
    assert export.rows == total


def _peak_while_exporting(app, caller, fmt: str) -> tuple[int, int]:
    """(peak traced bytes, output bytes) of one export consumed chunk by chunk."""
    export = exports.Export(
        db=app.state.db,
        caller=caller,
        query=PersonQuery(filters=PersonFilters()),
        batch_size=BATCH,
    )

    async def consume() -> int:
        size = 0
        if fmt == "csv":

            async def on_end(complete: bool) -> None:
                assert complete

            async for chunk in exports.csv_chunks(export, on_end):
                size += len(chunk)
        else:
            path = await exports.build_xlsx(export)
            size = os.path.getsize(path)
            os.unlink(path)
        return size

    tracemalloc.start()
    try:
        size = anyio.run(consume)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, size


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_memory_does_not_grow_with_the_number_of_rows(app, client, world, fmt):
    staff = world.as_("staff")
    with app.state.db.session() as session:
        caller = app.state.auth.user_principal(session, world.users["staff"])
    few = 400 if fmt == "csv" else 150
    imported(client, staff, _rows(world, few))
    _peak_while_exporting(app, caller, fmt)  # warm caches (compiled SQL, imports)
    small_peak, small_size = _peak_while_exporting(app, caller, fmt)
    imported(client, staff, _rows(world, 4 * few))
    large_peak, large_size = _peak_while_exporting(app, caller, fmt)
    assert large_size > 2 * small_size  # five times the rows (XLSX is zipped) ...
    # ... and the same memory: one batch at a time, never the whole list or workbook. A
    # buffered export would add at least the extra output (CSV) or ~2 MB of cells (XLSX).
    growth = large_peak - small_peak
    assert growth < 256 * 1024, (small_peak, large_peak, small_size, large_size)
    if fmt == "csv":
        assert growth < (large_size - small_size) / 4, (small_peak, large_peak)


# --- round trips -------------------------------------------------------------------------


def test_an_export_reimports_once_the_id_numbers_are_filled_in(client, world, register):
    staff = world.as_("staff")
    exported = client.get(EXPORT_CSV, headers=staff).content
    records = csv_records(exported)
    clear = {row["姓名"]: row["身份证号"] for row in register}
    masked_only = upload(client, staff, exported, dry_run=True).json()
    assert {e["code"] for e in masked_only["errors"]} == {"id_number_masked"}
    for record in records:
        record["身份证号"] = clear[record["姓名"]]
    body = upload(client, staff, csv_bytes(records), dry_run=False).json()
    assert body == {"dry_run": False, "rows": 3, "created": 0, "unchanged": 3}


def test_formula_like_text_is_exported_as_text_and_reimports(client, world):
    staff = world.as_("staff")
    row = elder_row(world.community, 住址='=HYPERLINK("http://x")', 姓名="@王")
    imported(client, staff, [row])
    text = client.get(EXPORT_CSV, headers=staff).content.decode("utf-8")
    record = next(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert record["住址"] == '\'=HYPERLINK("http://x")'
    assert record["姓名"] == "'@王"
    xlsx = client.get(EXPORT_XLSX, headers=staff).content
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    address = next(c for c in sheet[2] if c.value and str(c.value).startswith("=HYPER"))
    assert address.data_type == "s"  # text, not a formula
    record["身份证号"] = row["身份证号"]
    again = upload(client, staff, csv_bytes([record]), dry_run=True).json()
    assert (again["error_count"], again["unchanged"]) == (0, 1)

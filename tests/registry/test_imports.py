"""POST /imports/persons over HTTP: formats, dry run, all-or-nothing, idempotency, row errors,
scope, limits and the templates (docs/imports.md)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import anyio
import pytest
import sqlalchemy as sa

from liushou.registry import templates
from liushou.registry.identifiers import make_id_number
from tests.http import list_all
from tests.registry.factories import (
    AUDIT,
    PERSONS,
    assert_problem,
    child_body,
    count,
    create,
    masked,
    table_text,
    years_ago,
)
from tests.registry.sheets import (
    TEMPLATE_CSV,
    TEMPLATE_XLSX,
    XLSX_TYPE,
    child_row,
    csv_bytes,
    elder_row,
    errors_by_cell,
    imported,
    new_id_number,
    upload,
    woman_row,
    xlsx_bytes,
)

ROOT = Path(__file__).parents[2]


def persons_in(client, headers, village) -> list[dict]:
    return list_all(client, PERSONS, headers, region_id=str(village.id))


# --- templates ---------------------------------------------------------------------------


def test_the_xlsx_template_imports_as_it_is(client, world):
    staff = world.as_("staff")
    template = client.get(TEMPLATE_XLSX, headers=staff)
    assert template.status_code == 200
    assert template.headers["content-type"] == XLSX_TYPE
    assert "attachment" in template.headers["content-disposition"]

    checked = upload(client, staff, template.content, dry_run=True, filename="t.xlsx")
    assert checked.status_code == 200, checked.text
    assert checked.json() == {
        "dry_run": True,
        "rows": 2,
        "valid": 2,
        "to_create": 2,
        "unchanged": 0,
        "error_count": 0,
        "errors": [],
    }
    done = upload(client, staff, template.content, dry_run=False, filename="t.xlsx")
    assert done.json() == {"dry_run": False, "rows": 2, "created": 2, "unchanged": 0}
    people = persons_in(client, staff, world.huangtun)
    assert sorted(p["category"] for p in people) == ["child", "elder"]
    child = next(p for p in people if p["category"] == "child")
    assert child["child_profile"]["guardianship_type"] == "grandparents"
    assert child["child_profile"]["guardian_phone_masked"] == "139****5678"


def test_the_csv_template_imports_as_it_is(client, world):
    staff = world.as_("staff")
    template = client.get(TEMPLATE_CSV, headers=staff)
    assert template.status_code == 200
    assert template.headers["content-type"].startswith("text/csv")
    assert template.content.startswith(b"\xef\xbb\xbf")
    checked = upload(client, staff, template.content, dry_run=True)
    assert (checked.json()["valid"], checked.json()["error_count"]) == (2, 0)


def test_templates_in_docs_are_the_packaged_ones_and_up_to_date():
    packaged = ROOT / "src" / "liushou" / "static" / "templates"
    docs = ROOT / "docs" / "templates"
    for name in (templates.CSV_NAME, templates.XLSX_NAME, templates.README_NAME):
        assert (docs / name).read_bytes() == (packaged / name).read_bytes(), name
        assert templates.packaged(name) == (packaged / name).read_bytes()
    # Generated from the column definitions: regenerate when they change.
    assert templates.packaged(templates.CSV_NAME) == templates.build_csv()
    assert templates.packaged(templates.README_NAME) == templates.build_readme().encode()
    from openpyxl import load_workbook

    shipped = load_workbook(io.BytesIO(templates.packaged(templates.XLSX_NAME)))
    fresh = load_workbook(io.BytesIO(templates.build_xlsx()))
    for a, b in zip(shipped.worksheets, fresh.worksheets, strict=True):
        assert list(a.iter_rows(values_only=True)) == list(b.iter_rows(values_only=True))


def test_readme_documents_every_column_and_label():
    from liushou.registry.import_columns import COLUMNS

    readme = (ROOT / "docs" / "templates" / "README.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| {column.header} |" in readme
        for enum in column.all_enums():
            for code, label in enum.labels().items():
                assert f"{label} (`{code}`)" in readme


def test_enum_labels_are_served_by_meta(client, world):
    enums = client.get("/api/v1/meta/enums", headers=world.as_("village")).json()
    labels = {v["code"]: v["label_zh"] for v in enums["guardianship_type"]}
    assert labels["none"] == "无人监护"
    assert {v["label_zh"] for v in enums["person_category"]} == {"留守儿童", "留守妇女", "留守老人"}


# --- formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [True, False])
def test_csv_with_or_without_bom(client, world, bom):
    staff = world.as_("staff")
    rows = [child_row(world.village), elder_row(world.community), woman_row(world.village)]
    response = upload(client, staff, csv_bytes(rows, bom=bom), dry_run=False)
    assert response.status_code == 200, response.text
    assert response.json() == {"dry_run": False, "rows": 3, "created": 3, "unchanged": 0}
    names = sorted(p["name"] for p in persons_in(client, staff, world.huangtun))
    assert names == ["李桂兰", "王小明", "赵秀英"]  # Chinese text round-trips unchanged


def test_xlsx_with_typed_cells_and_a_title_row(client, world):
    """Excel stores dates as dates and codes as numbers; a title line may sit on top."""
    staff = world.as_("staff")
    row = elder_row(world.community)
    row["留守开始日期"] = datetime(2024, 3, 1)  # a date cell
    row["村/社区代码"] = int(world.community.code)  # a number cell (12 digits survive)
    row["联系电话"] = 13812345678
    content = xlsx_bytes([row], above=[["黄屯街道三留守人员登记表"], []])
    checked = upload(client, staff, content, dry_run=True, filename="s.xlsx")
    assert checked.json()["error_count"] == 0, checked.text
    done = upload(client, staff, content, dry_run=False, filename="s.xlsx")
    assert done.json()["created"] == 1
    person = persons_in(client, staff, world.community)[0]
    assert person["left_behind_since"] == "2024-03-01"
    assert person["phone_masked"] == "138****5678"
    assert person["elder_profile"]["benefits"] == ["dibao", "elderly_allowance"]
    assert person["elder_profile"]["risk_tier"] == "key"


def test_row_numbers_are_sheet_rows_below_a_title(client, world):
    staff = world.as_("staff")
    bad = child_row(world.village, 监护类型="爷爷带")
    content = xlsx_bytes([child_row(world.village), bad], above=[["标题"]])
    body = upload(client, staff, content, dry_run=True, filename="s.xlsx").json()
    # Row 1 title, row 2 header, rows 3 and 4 data.
    assert errors_by_cell(body) == {(4, "监护类型"): "invalid_value"}


def test_excel_number_id_numbers_are_refused_with_a_hint(client, world):
    staff = world.as_("staff")
    row = elder_row(world.community)
    row["身份证号"] = float(row["身份证号"][:17] + "1")  # what Excel makes of 18 digits
    body = upload(client, staff, xlsx_bytes([row]), dry_run=True, filename="s.xlsx").json()
    assert errors_by_cell(body) == {(2, "身份证号"): "id_number_not_text"}


# --- dry run and all-or-nothing -----------------------------------------------------------


def test_dry_run_writes_nothing(client, world, db):
    staff = world.as_("staff")
    rows = [child_row(world.village), elder_row(world.community)]
    before = (count(db, "person"), count(db, "person_version"), count(db, "audit_event"))

    response = upload(client, staff, csv_bytes(rows), dry_run=True)

    assert response.status_code == 200
    assert response.json()["to_create"] == 2
    after = (count(db, "person"), count(db, "person_version"), count(db, "audit_event"))
    assert after == before


def test_dry_run_reports_every_row_error_with_row_and_column(client, world):
    staff = world.as_("staff")
    rows = [
        child_row(world.village),  # row 2: fine
        child_row(world.village, 身份证号="370871201001011235"),  # row 3: bad check char
        child_row(world.village, 留守开始日期="2024-13-45"),  # row 4
        child_row(world.village, 类别="留守少年"),  # row 5
        child_row(world.village, born=years_ago(17)),  # row 6: too old for a child
        elder_row(world.community, 监护类型="委托监护"),  # row 7: a child's column
        child_row(world.village, 监护类型=""),  # row 8: required for a child
        child_row(world.village, 监护人电话="12345"),  # row 9
        elder_row(world.community, 姓名=""),  # row 10
        woman_row(world.village, 子女数="两个"),  # row 11
        elder_row(world.community, born=years_ago(50)),  # row 12: not 60
    ]
    response = upload(client, staff, csv_bytes(rows), dry_run=True)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["rows"], body["valid"], body["to_create"]) == (11, 1, 1)
    assert errors_by_cell(body) == {
        (3, "身份证号"): "id_number_checksum",
        (4, "留守开始日期"): "invalid_date",
        (5, "类别"): "invalid_value",
        (6, "类别"): "not_eligible",
        (7, "监护类型"): "not_applicable",
        (8, "监护类型"): "required",
        (9, "监护人电话"): "phone_format",
        (10, "姓名"): "required",
        (11, "子女数"): "invalid_value",
        (12, "类别"): "not_eligible",
    }
    assert body["error_count"] == 10
    for error in body["errors"]:
        assert error["loc"] == ["file", error["row"], error["column"]]
        assert error["msg"]
    allowed = next(e for e in body["errors"] if e["row"] == 5)["msg"]
    assert "留守儿童" in allowed  # the message lists the accepted labels


def test_messages_follow_accept_language(client, world):
    staff = world.as_("staff")
    rows = [child_row(world.village, 身份证号="370871201001011235")]
    english = upload(
        client, staff, csv_bytes(rows), dry_run=True, extra={"Accept-Language": "en"}
    ).json()
    chinese = upload(client, staff, csv_bytes(rows), dry_run=True).json()
    assert "check character" in english["errors"][0]["msg"]
    assert "校验位" in chinese["errors"][0]["msg"]


def test_a_real_run_with_one_bad_row_writes_nothing(client, world, db):
    staff = world.as_("staff")
    rows = [child_row(world.village) for _ in range(5)]
    rows.insert(3, elder_row(world.community, 留守开始日期="明年"))
    before = (count(db, "person"), count(db, "person_version"), count(db, "audit_event"))

    response = upload(client, staff, csv_bytes(rows), dry_run=False)

    body = assert_problem(response, 422, "validation_error")
    assert [{k: v for k, v in e.items() if k != "msg"} for e in body["errors"]] == [
        {
            "loc": ["file", 5, "留守开始日期"],
            "row": 5,
            "column": "留守开始日期",
            "code": "invalid_date",
        }
    ]
    assert (body["rows"], body["valid"], body["error_count"]) == (6, 5, 1)
    after = (count(db, "person"), count(db, "person_version"), count(db, "audit_event"))
    assert after == before


# --- idempotency -------------------------------------------------------------------------


def test_reimporting_the_same_sheet_creates_nothing(client, world, db):
    staff = world.as_("staff")
    content = csv_bytes([child_row(world.village), elder_row(world.community)])
    assert upload(client, staff, content, dry_run=False).json()["created"] == 2
    versions = count(db, "person_version")

    again = upload(client, staff, content, dry_run=False)
    assert again.json() == {"dry_run": False, "rows": 2, "created": 0, "unchanged": 2}
    assert upload(client, staff, content, dry_run=True).json()["unchanged"] == 2
    assert count(db, "person") == 2
    assert count(db, "person_version") == versions  # nothing was touched either


def test_a_person_registered_through_the_api_is_unchanged(client, world):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village, name="陈思远"))
    rows = [
        child_row(world.village, 姓名="陈思远", 身份证号=_api_id_number(client, staff, person)),
        child_row(world.village),
    ]
    body = upload(client, staff, csv_bytes(rows), dry_run=False).json()
    assert (body["created"], body["unchanged"]) == (1, 1)


def _api_id_number(client, headers, person) -> str:
    revealed = client.post(
        f"{PERSONS}/{person['id']}/reveal", json={"purpose": "导入核对"}, headers=headers
    )
    assert revealed.status_code == 200, revealed.text
    return revealed.json()["id_number"]


def test_rows_without_id_number_match_by_name_birth_date_and_village(client, world, db):
    staff = world.as_("staff")
    born = years_ago(3, days=20)
    row = child_row(world.village, 身份证号="", 性别="女", 出生日期=born.isoformat(), 姓名="刘小花")
    assert imported(client, staff, [row])["created"] == 1
    assert imported(client, staff, [row]) == {
        "dry_run": False,
        "rows": 1,
        "created": 0,
        "unchanged": 1,
    }
    # The same name and birth date in another village is someone else.
    elsewhere = {**row, "村/社区代码": world.community.code}
    assert imported(client, staff, [elsewhere])["created"] == 1
    assert count(db, "person") == 2
    person = next(p for p in persons_in(client, staff, world.village) if p["name"] == "刘小花")
    assert person["id_number_masked"] is None
    assert (person["sex"], person["birth_date"]) == ("female", born.isoformat())


def test_without_id_number_sex_and_birth_date_are_required(client, world):
    staff = world.as_("staff")
    row = child_row(world.village, 身份证号="")
    body = upload(client, staff, csv_bytes([row]), dry_run=True).json()
    assert errors_by_cell(body) == {
        (2, "性别"): "required_without_id_number",
        (2, "出生日期"): "required_without_id_number",
    }


def test_the_same_person_twice_in_a_sheet_is_an_error(client, world):
    staff = world.as_("staff")
    first = child_row(world.village)
    no_id = child_row(world.village, 身份证号="", 性别="男", 出生日期="2019-02-03")
    rows = [first, elder_row(world.community), {**first, "姓名": "王小明"}, no_id, dict(no_id)]
    body = upload(client, staff, csv_bytes(rows), dry_run=True).json()
    assert errors_by_cell(body) == {
        (4, "身份证号"): "duplicate_in_file",
        (6, "姓名"): "duplicate_in_file",
    }
    assert "第 2 行" in body["errors"][0]["msg"]


def test_an_id_number_registered_to_someone_else(client, world):
    staff, other = world.as_("staff"), world.as_("other_staff")
    mine = create(client, staff, child_body(world.village, name="周杰"))
    theirs = create(client, other, child_body(world.other_village, name="吴磊"))
    rows = [
        child_row(world.village, 姓名="周洁", 身份证号=_api_id_number(client, staff, mine)),
        child_row(world.village, 姓名="吴磊", 身份证号=_api_id_number(client, other, theirs)),
    ]
    body = upload(client, staff, csv_bytes(rows), dry_run=True).json()
    assert errors_by_cell(body) == {
        (2, "身份证号"): "duplicate_person",
        (3, "身份证号"): "duplicate_person",
    }
    by_row = {e["row"]: e for e in body["errors"]}
    assert by_row[2]["existing_id"] == mine["id"]  # visible to the caller
    assert by_row[3]["existing_id"] is None  # outside the caller's area: no id, no name
    assert "吴磊" not in by_row[3]["msg"]


# --- scope -------------------------------------------------------------------------------


def test_rows_outside_the_callers_region_are_row_errors(client, world, db):
    staff = world.as_("staff")
    rows = [
        child_row(world.village),
        child_row(world.other_village),  # 柳行街道: not the caller's township
        child_row(world.village, **{"村/社区代码": world.huangtun.code}),  # not a village
        child_row(world.village, **{"村/社区代码": "370871005299"}),  # no such village
        child_row(world.village, **{"村/社区代码": "37087100520"}),  # 11 digits
    ]
    body = upload(client, staff, csv_bytes(rows), dry_run=False).json()
    assert body["code"] == "validation_error"
    assert errors_by_cell(body) == {
        (3, "村/社区代码"): "invalid_region",
        (4, "村/社区代码"): "invalid_region",
        (5, "村/社区代码"): "invalid_region",
        (6, "村/社区代码"): "invalid_region_code",
    }
    assert count(db, "person") == 0
    # The admin may write everywhere.
    admin_body = upload(client, world.as_("admin"), csv_bytes(rows[:2]), dry_run=True).json()
    assert admin_body["error_count"] == 0


@pytest.mark.parametrize("who", ["village", "auditor", "volunteer", "lawyer", "partner"])
def test_import_needs_registry_write(client, world, who):
    response = upload(client, world.as_(who), csv_bytes([child_row(world.village)]), dry_run=True)
    assert_problem(response, 403, "insufficient_scope")


def test_import_needs_a_token(client, world):
    response = upload(client, {}, csv_bytes([child_row(world.village)]), dry_run=True)
    assert_problem(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


# --- what is written -------------------------------------------------------------------


def test_imported_persons_are_like_api_created_ones(client, world):
    staff = world.as_("staff")
    row = child_row(world.village, 监护类型="无人监护", 姓名="孙悦")
    imported(client, staff, [row])
    person = persons_in(client, staff, world.village)[0]
    assert person["id_number_masked"] == masked(row["身份证号"])
    assert person["alerts"] == ["unattended_child", "no_primary_contact"]
    assert person["child_profile"]["schooling_status"] == "primary"
    assert person["child_profile"]["boarding"] is False
    history = client.get(f"{PERSONS}/{person['id']}/history", headers=staff).json()["items"]
    assert [h["action"] for h in history] == ["create"]
    assert history[0]["by"] == "u_staff"
    # The blind index finds it like any other person.
    found = client.get(PERSONS, params={"id_number": row["身份证号"]}, headers=staff).json()
    assert [p["id"] for p in found["items"]] == [person["id"]]


def test_import_is_audited_once_without_personal_data(client, world, db):
    staff = world.as_("staff")
    rows = [child_row(world.village), elder_row(world.community)]
    imported(client, staff, rows)
    imported(client, staff, rows)
    events = client.get(
        AUDIT, params={"action": "person.import"}, headers=world.as_("admin")
    ).json()["items"]
    details = sorted((e["detail"]["created"], e["detail"]["unchanged"]) for e in events)
    assert details == [(0, 2), (2, 0)]
    assert {e["actor_name"] for e in events} == {"u_staff"}
    text = table_text(db, "audit_event") + table_text(db, "person_version")
    for row in rows:
        for column in ("身份证号", "联系电话", "监护人电话"):
            if row.get(column):
                assert row[column] not in text
    assert rows[0]["身份证号"] not in table_text(db, "person")  # encrypted at rest


# --- bad files ---------------------------------------------------------------------------


def test_a_missing_column_is_named(client, world):
    rows = [{k: v for k, v in child_row(world.village).items() if k != "留守开始日期"}]
    response = upload(client, world.as_("staff"), csv_bytes(rows), dry_run=True)
    body = assert_problem(response, 422, "missing_column")
    assert "留守开始日期" in body["detail"]
    assert [(e["row"], e["column"], e["code"]) for e in body["errors"]] == [
        (1, "留守开始日期", "missing_column")
    ]


def test_headers_may_carry_a_star_and_spaces_and_unknown_columns_are_ignored(client, world):
    starred = {
        f" {h}* " if h in ("姓名", "类别") else h: v for h, v in child_row(world.village).items()
    }
    values = {"序号": "1", **starred, "备注": "随便写"}
    body = upload(client, world.as_("staff"), csv_bytes([values]), dry_run=True).json()
    assert body["error_count"] == 0, body


def test_a_repeated_column_is_refused(client, world):
    row = child_row(world.village)
    content = csv_bytes([row], [*row, "姓名"])
    body = assert_problem(
        upload(client, world.as_("staff"), content, dry_run=True), 422, "duplicate_column"
    )
    assert body["errors"][0]["column"] == "姓名"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def _zip_of(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        PNG,
        _zip_of("readme.txt", b"not a workbook"),
        _zip_of("xl/workbook.xml", b"<broken"),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,  # old .xls
        "姓名,身份证号\n张三,1\n".encode("gbk"),  # not UTF-8
        b"PK\x03\x04garbage",
    ],
    ids=["png", "zip", "broken-xlsx", "xls", "gbk-csv", "truncated-zip"],
)
def test_a_file_that_is_not_a_sheet_is_415(client, world, db, content):
    response = upload(client, world.as_("staff"), content, dry_run=False, filename="x.csv")
    body = assert_problem(response, 415, "unsupported_media_type")
    assert "CSV" in body["detail"] or "XLSX" in body["detail"] or "xlsx" in body["detail"]
    assert count(db, "person") == 0


@pytest.mark.parametrize(
    "content",
    [b"", b"\xef\xbb\xbf", b"\r\n\r\n", "姓名,身份证号,类别,村/社区代码,留守开始日期\n".encode()],
)
def test_an_empty_file_is_422(client, world, content):
    response = upload(client, world.as_("staff"), content, dry_run=True)
    assert_problem(response, 422, "empty_file")


def test_a_missing_file_field_is_422(client, world):
    response = client.post(
        "/api/v1/imports/persons", data={"other": "x"}, headers=world.as_("staff")
    )
    assert_problem(response, 422, "validation_error")


def test_too_many_rows(app, client, world):
    app.state.settings.max_import_rows = 3
    rows = [child_row(world.village) for _ in range(4)]
    body = assert_problem(
        upload(client, world.as_("staff"), csv_bytes(rows), dry_run=True), 422, "too_many_rows"
    )
    assert body["limit"] == 3


def test_an_upload_larger_than_the_json_cap_but_within_the_import_cap_is_read(client, world):
    """The 1 MiB body cap of the JSON routes does not apply to imports (10 MiB)."""
    row = child_row(world.village)
    padding = "x" * 1000
    rows = [{**row, "备注": padding} for _ in range(1500)]  # ~1.7 MB: 1499 duplicates
    content = csv_bytes(rows)
    assert len(content) > 1_048_576
    body = upload(client, world.as_("staff"), content, dry_run=True).json()
    assert body["rows"] == 1500


def test_a_50_mb_upload_is_413_without_reading_it(client, world):
    staff = world.as_("staff")
    big = b"a" * (50 * 1024 * 1024)
    response = upload(client, staff, big, dry_run=True)
    assert_problem(response, 413, "payload_too_large")


def test_a_streamed_upload_is_cut_off_at_the_import_cap(app, client, world):
    """Without Content-Length (chunked), the cap applies while the body streams in: the
    server stops reading at 10 MiB, not after 50. (Driven at the ASGI level: the test
    client would read the whole body before calling the app.)"""
    mib = 1024 * 1024
    head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n'
    chunks = [head, *([b"a" * mib] * 50), b"\r\n--b--\r\n"]
    received = 0

    async def receive():
        nonlocal received
        if not chunks:
            return {"type": "http.disconnect"}
        chunk = chunks.pop(0)
        received += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

    messages = []

    async def send(message):
        messages.append(message)

    token = world.as_("staff")["Authorization"].encode()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/imports/persons",
        "raw_path": b"/api/v1/imports/persons",
        "query_string": b"dry_run=true",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"authorization", token),
            (b"content-type", b"multipart/form-data; boundary=b"),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    anyio.run(app, scope, receive, send)
    assert messages[0]["status"] == 413
    body = json.loads(b"".join(m.get("body", b"") for m in messages[1:]))
    assert body["code"] == "payload_too_large"
    assert received <= 11 * mib


def test_the_json_routes_keep_their_own_cap(client, world):
    body = {"name": "x" * (2 * 1024 * 1024)}
    response = client.post(PERSONS, json=body, headers=world.as_("staff"))
    assert_problem(response, 413, "payload_too_large")


def test_a_birth_date_disagreeing_with_the_id_number(client, world):
    row = child_row(world.village, 出生日期="2001-01-01", 性别="女")
    body = upload(client, world.as_("staff"), csv_bytes([row]), dry_run=True).json()
    assert set(errors_by_cell(body).values()) == {"id_number_mismatch"}


def test_labels_codes_and_aliases_are_accepted(client, world):
    staff = world.as_("staff")
    rows = [
        child_row(world.village, 类别="child", 监护类型="grandparents", 是否寄宿="是"),
        elder_row(world.community, 类别="老人", 居住状况="空巢", 享受待遇="dibao；特困"),
    ]
    imported(client, staff, rows)
    people = {p["category"]: p for p in persons_in(client, staff, world.huangtun)}
    assert people["child"]["child_profile"]["boarding"] is True
    assert people["elder"]["elder_profile"]["living_arrangement"] == "with_spouse_only"
    assert people["elder"]["elder_profile"]["benefits"] == ["dibao", "tekun"]


def test_dates_in_the_usual_spellings(client, world):
    staff = world.as_("staff")
    spellings = ["2024/3/1", "2024.3.1", "2024年3月1日", "20240301", "2024-03-01"]
    rows = [elder_row(world.community, 留守开始日期=s) for s in spellings]
    imported(client, staff, rows)
    assert {p["left_behind_since"] for p in persons_in(client, staff, world.community)} == {
        "2024-03-01"
    }


def test_the_import_does_not_hold_ids_of_deleted_persons(client, world, db):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village, name="郑好"))
    number = _api_id_number(client, staff, person)
    deleted = client.delete(
        f"{PERSONS}/{person['id']}", headers={**staff, "If-Match": f'"{person["version"]}"'}
    )
    assert deleted.status_code == 204
    body = imported(client, staff, [child_row(world.village, 姓名="郑好", 身份证号=number)])
    assert body["created"] == 1


def test_make_id_number_rows_are_unique(world):
    # Guard for the helpers above: every generated number is distinct and valid.
    born = date(2015, 1, 1)
    numbers = {new_id_number(born) for _ in range(200)}
    assert len(numbers) == 200
    assert make_id_number("370871", born, 1, "male") != make_id_number("370871", born, 2, "female")


def test_concurrent_style_rematch_refuses_a_person_registered_meanwhile(app, world, db):
    """The write matches the register again: a person registered between the check and the
    write (here: before write is called) makes the real run refuse, not duplicate."""
    from liushou.registry.imports import PersonImport, reading_session

    state = app.state
    with state.db.session() as session:
        caller = state.auth.user_principal(session, world.users["staff"])
    row = child_row(world.village, 身份证号="", 性别="男", 出生日期="2018-05-05", 姓名="马超")
    with reading_session(state.db) as session:
        job = PersonImport(session, state.settings, state.personal_data, caller)
        assert job.check(csv_bytes([row])).created == 1
    # Meanwhile, someone imports the same sheet.
    with reading_session(state.db) as session:
        other = PersonImport(session, state.settings, state.personal_data, caller)
        other.check(csv_bytes([row]))
    with state.db.session() as session:
        other.write(session)
        session.commit()
    with state.db.session() as session:
        assert job.write(session) == 0  # matched again: now unchanged
        session.commit()
    assert job.outcome.unchanged == 1
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM person")).scalar_one() == 1

"""The person import streams its sheet (docs/performance.md, "Imports"): it reads, checks and
writes a batch of rows at a time, and what it holds in memory is set by the batch, not by
the sheet's length. The answers are those of an import that held the whole sheet: errors in
row order across batches, duplicates found across batches, rows of one sheet never matched
against each other."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from datetime import date

from liushou.registry.imports import BATCH_ROWS, MAX_LISTED_ERRORS
from tests.registry.sheets import (
    child_row,
    csv_bytes,
    elder_row,
    errors_by_cell,
    imported,
    upload,
    xlsx_bytes,
)

# What may remain per extra row: a ~130-byte digest entry for the in-file duplicate check,
# the CSV row (~150 bytes here) in Starlette's in-memory spool (under 1 MiB) and in the test
# client's request, and slack for allocator noise. Holding the rows cost ~8 KB each.
ALLOWED_BYTES_PER_ROW = 2_000


def _sheet(world, rows: int) -> bytes:
    def row(i: int) -> dict[str, str]:
        if i % 2:
            return elder_row(world.community, 姓名=f"李{i}")
        return child_row(world.village, 姓名=f"王{i}")

    return csv_bytes([row(i) for i in range(rows)])


def _peak_of_import(client, staff, content: bytes) -> int:
    """Bytes allocated at the peak of a real import, over what was allocated before it."""
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        response = upload(client, staff, content, dry_run=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200, response.text
    return peak - start


def test_an_import_holds_a_batch_not_the_sheet(client, world):
    staff = world.as_("staff")
    small, large = _sheet(world, BATCH_ROWS), _sheet(world, 4 * BATCH_ROWS)
    upload(client, staff, _sheet(world, 10), dry_run=False)  # first-use imports and caches
    one_batch = _peak_of_import(client, staff, small)
    four_batches = _peak_of_import(client, staff, large)
    assert four_batches - one_batch < ALLOWED_BYTES_PER_ROW * 3 * BATCH_ROWS, (
        one_batch,
        four_batches,
    )


def _born(id_number: str) -> str:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14])).isoformat()


def test_errors_across_batches_are_listed_in_row_order_and_capped(client, world):
    """Cell errors are found as rows are read, register errors at the end of each batch;
    the first MAX_LISTED_ERRORS are listed in row order, error_count has them all."""
    staff = world.as_("staff")
    rows = 2 * BATCH_ROWS + 100
    registered = [child_row(world.village, 姓名="张三") for _ in range(rows // 2 + 1)]
    imported(client, staff, registered)
    sheet = [
        {**registered[i // 2], "姓名": "李四"}  # registered to another name
        if i % 2 == 0
        else child_row(world.village, 留守开始日期="2024-13-01")
        for i in range(rows)
    ]
    body = upload(client, staff, csv_bytes(sheet), dry_run=True).json()
    assert (body["rows"], body["valid"], body["error_count"]) == (rows, 0, rows)
    listed = body["errors"]
    assert len(listed) == min(rows, MAX_LISTED_ERRORS)
    assert [e["row"] for e in listed] == list(range(2, 2 + len(listed)))
    assert [e["code"] for e in listed[:2]] == ["duplicate_person", "invalid_date"]
    assert {e["code"] for e in listed[::2]} == {"duplicate_person"}


def test_a_person_is_matched_across_batches(client, world):
    """A repeated ID number in a later batch names the first row. A real run matches every
    row against the register before inserting any: a row without ID number whose name,
    birth date and village are those of a row with one is created too, as when the whole
    sheet was matched at once."""
    staff = world.as_("staff")
    first = child_row(world.village, 姓名="赵一")
    rows = [first, *(child_row(world.village) for _ in range(BATCH_ROWS))]
    body = upload(client, staff, csv_bytes([*rows, dict(first)]), dry_run=True).json()
    assert errors_by_cell(body) == {(BATCH_ROWS + 3, "身份证号"): "duplicate_in_file"}
    assert "第 2 行" in body["errors"][0]["msg"]
    without_number = {**first, "身份证号": "", "性别": "男", "出生日期": _born(first["身份证号"])}
    body = imported(client, staff, [*rows, without_number])
    assert (body["created"], body["unchanged"]) == (BATCH_ROWS + 2, 0)


def test_an_xlsx_spooled_to_disk_is_read_from_there(client, world):
    """Past 1 MiB, Starlette keeps the upload on disk: the zip is read from the file."""
    content = xlsx_bytes([child_row(world.village), elder_row(world.community)])
    buffer = io.BytesIO(content)
    with zipfile.ZipFile(buffer, "a") as archive:  # a picture openpyxl never parses
        archive.writestr("xl/media/image1.png", b"\x89PNG" + bytes(range(256)) * 5000)
    assert len(buffer.getvalue()) > 1024 * 1024
    body = upload(client, world.as_("staff"), buffer.getvalue(), dry_run=False)
    assert body.status_code == 200, body.text
    assert (body.json()["rows"], body.json()["created"]) == (2, 2)

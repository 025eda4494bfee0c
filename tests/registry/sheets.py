"""Survey sheets for the import and export tests: rows as the village staff type them
(Chinese headers and labels), written as CSV or XLSX bytes, and the HTTP calls."""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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


# --- hostile files (see docs/imports.md) ------------------------------------------------

MIB = 1024 * 1024


def rezip(content: bytes, parts: Mapping[str, Callable[[bytes], Iterable[bytes]]]) -> bytes:
    """A copy of the XLSX ``content`` in which each named part is replaced by what its
    function makes of the original, written a chunk at a time (so a 100 MB part never sits
    in memory: the test stays light however large the file unpacks)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            original = source.read(info.filename)
            if info.filename not in parts:
                archive.writestr(info, original, compress_type=zipfile.ZIP_DEFLATED)
                continue
            with archive.open(info.filename, "w", force_zip64=True) as out:
                for chunk in parts[info.filename](original):
                    out.write(chunk)
    return buffer.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def padded_sheet(filler: bytes, unpacked_bytes: int) -> Callable[[bytes], Iterator[bytes]]:
    """Sheet XML with ``filler`` repeated before ``</sheetData>`` until it reaches
    ``unpacked_bytes``; without its ``<dimension>``, which would bound the rows read."""

    def make(original: bytes) -> Iterator[bytes]:
        original = re.sub(rb"<dimension [^>]*/>", b"", original)
        head, tail = original.split(b"</sheetData>")
        yield head
        block = filler * max(1, min(MIB, unpacked_bytes) // len(filler))
        for _ in range(max(1, unpacked_bytes // len(block))):
            yield block
        yield b"</sheetData>" + tail

    return make


def replaced(data: bytes) -> Callable[[bytes], Iterator[bytes]]:
    return lambda _original: iter([data])


def zip_bomb(rows: Sequence[dict[str, Any]], unpacked_bytes: int) -> bytes:
    """A valid XLSX whose first sheet, after the header and ``rows``, holds blank rows
    until it unpacks to ``unpacked_bytes``; it packs to about a thousandth of that."""
    filler = b'<row><c t="inlineStr"><is><t></t></is></c></row>'
    return rezip(xlsx_bytes(rows), {SHEET: padded_sheet(filler, unpacked_bytes)})


def with_declared_size(content: bytes, name: str, size: int) -> bytes:
    """The zip with the uncompressed size of member ``name`` rewritten to ``size`` in the
    central directory and the local header: a zip that lies about what it inflates to."""
    data = bytearray(content)
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_length] == encoded:
            data[central + 24 : central + 28] = size.to_bytes(4, "little")
            local = int.from_bytes(data[central + 42 : central + 46], "little")
            data[local + 22 : local + 26] = size.to_bytes(4, "little")
            return bytes(data)
        central = data.find(b"PK\x01\x02", central + 4)
    raise AssertionError(f"{name} is not in the zip")


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n"
)


def billion_laughs(rows: Sequence[dict[str, Any]]) -> bytes:
    """An XLSX whose first sheet declares entities that would expand to a billion "lol"s,
    used in a cell."""

    def make(original: bytes) -> Iterator[bytes]:
        body = original.replace(b"<t>", b"<t>&lol9;", 1)
        yield BILLION_LAUGHS + body

    return rezip(xlsx_bytes(rows), {SHEET: make})

"""POST /imports/persons with hostile files: each is refused before a parser reads it, with
a stable code, and nothing is written (docs/imports.md)."""

from __future__ import annotations

import io
import zipfile

import pytest

from liushou.registry.sheet_guards import column_letter
from tests.registry.factories import assert_problem, count
from tests.registry.sheets import (
    MIB,
    SHEET,
    billion_laughs,
    child_row,
    csv_bytes,
    padded_sheet,
    replaced,
    rezip,
    upload,
    with_declared_size,
    xlsx_bytes,
    zip_bomb,
)

# The default limit (LIUSHOU_MAX_IMPORT_UNPACKED_BYTES).
UNPACKED_LIMIT = 64 * MIB


def refused(client, world, content: bytes, status: int, code: str, **kw) -> dict:
    """Both a dry run and a real run are refused the same way."""
    staff = world.as_("staff")
    for dry_run in (True, False):
        response = upload(client, staff, content, dry_run=dry_run, filename="x.xlsx", **kw)
        body = assert_problem(response, status, code)
    return body


def nothing_written(db) -> None:
    assert count(db, "person") == 0
    assert count(db, "person_version") == 0


# --- the zip -----------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_by_its_unpacked_size(client, world, db):
    """~450 KB that unpacks to 150 MB of blank rows (the reported file unpacked to 190 MB
    and took 10-21 s and 489 MB to refuse row by row)."""
    content = zip_bomb([child_row(world.village)], 150 * MIB)
    assert len(content) < MIB
    body = refused(client, world, content, 413, "payload_too_large")
    assert body["limit"] == UNPACKED_LIMIT
    nothing_written(db)


def test_the_unpacked_limit_is_a_setting(app, client, world):
    content = xlsx_bytes([child_row(world.village)])
    app.state.settings.max_import_unpacked_bytes = 4096
    body = refused(client, world, content, 413, "payload_too_large")
    assert body["limit"] == 4096


def test_a_zip_of_a_thousand_parts_is_refused(client, world, db):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([child_row(world.village)])))
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        for n in range(1001):
            archive.writestr(f"xl/media/{n}.bin", b"")
    refused(client, world, buffer.getvalue(), 413, "payload_too_large")
    nothing_written(db)


def test_a_part_that_inflates_past_its_declared_size_is_cut_there(client, world, db):
    """The directory says 1 MB, the data inflates to 100 MB: zipfile stops reading at the
    declared size and the CRC fails, so the file is not a sheet (and costs 1 MB, not 100)."""
    bomb = zip_bomb([child_row(world.village)], 100 * MIB)
    content = with_declared_size(bomb, SHEET, MIB)
    refused(client, world, content, 415, "unsupported_media_type")
    nothing_written(db)


# --- the XML of the parts ----------------------------------------------------------------


def test_an_entity_bomb_is_refused(client, world, db):
    """Billion laughs: entities nesting to 10^9 "lol"s."""
    refused(
        client, world, billion_laughs([child_row(world.village)]), 415, "unsupported_media_type"
    )
    nothing_written(db)


def test_an_entity_within_the_xml_parsers_own_amplification_limit_is_refused(client, world, db):
    """One 50,000-character entity used 150 times: 7.5 MB of text out of a 60 KB part, under
    the parser's own amplification guard, so without ours a cell would hold it all."""
    declaration = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY big "' + b"x" * 50_000 + b'">]>'

    def sheet(original: bytes):
        yield declaration + original.replace(b"<t>", b"<t>" + b"&big;" * 150, 1)

    content = rezip(xlsx_bytes([child_row(world.village)]), {SHEET: sheet})
    refused(client, world, content, 415, "unsupported_media_type")
    nothing_written(db)


def test_a_row_of_two_megabytes_is_refused(client, world, db):
    """One row of 500,000 empty cells: a streaming parser still holds a row whole."""
    huge_row = b"<row>" + b"<c/>" * 500_000 + b"</row>"
    content = rezip(
        xlsx_bytes([child_row(world.village)]), {SHEET: padded_sheet(huge_row, len(huge_row))}
    )
    refused(client, world, content, 413, "payload_too_large")
    nothing_written(db)


def test_a_row_nested_in_a_row_is_refused(client, world, db):
    """Rows inside a row would keep the outer row's cells in memory however the bytes
    are spread."""
    nested = b"<row>" + b"<c/><row/>" * 1000 + b"</row>"
    content = rezip(xlsx_bytes([child_row(world.village)]), {SHEET: padded_sheet(nested, 1)})
    refused(client, world, content, 415, "unsupported_media_type")
    nothing_written(db)


def test_blank_rows_past_five_per_allowed_data_row_are_refused(app, client, world, db):
    app.state.settings.max_import_rows = 10
    blank = b"<row/>"
    content = rezip(xlsx_bytes([child_row(world.village)]), {SHEET: padded_sheet(blank, 60 * 6)})
    body = refused(client, world, content, 413, "payload_too_large")
    assert body["limit"] == 50
    nothing_written(db)


def test_a_worksheet_part_read_whole_is_limited_like_the_others(client, world, db):
    """Styles are parsed whole: over 1 MiB of them is refused (a real one is kilobytes)."""
    source = xlsx_bytes([child_row(world.village)])
    styles = zipfile.ZipFile(io.BytesIO(source)).read("xl/styles.xml")
    bloated = styles.replace(b"</styleSheet>", b"<x/>" * 300_000 + b"</styleSheet>")
    content = rezip(source, {"xl/styles.xml": replaced(bloated)})
    refused(client, world, content, 413, "payload_too_large")
    nothing_written(db)


# --- cells -------------------------------------------------------------------------------


def test_an_xlsx_cell_of_100_000_characters_is_refused(client, world, db):
    row = child_row(world.village, 住址="PLACEHOLDER")
    headers = list(row)
    letter = column_letter(headers.index("住址"))

    def sheet(original: bytes):
        yield original.replace(b"PLACEHOLDER", "长".encode() * 100_000)

    content = rezip(xlsx_bytes([row], headers), {SHEET: sheet})
    body = refused(client, world, content, 422, "cell_too_long")
    assert body["limit"] == 2000
    assert [(e["row"], e["column"], e["code"]) for e in body["errors"]] == [
        (2, letter, "cell_too_long")
    ]
    nothing_written(db)


@pytest.mark.parametrize("length", [2001, 5 * MIB])
def test_a_csv_cell_over_the_cap_is_refused(client, world, db, length):
    """Just over the cap, and 5 MB (past the csv module's own 128 KiB field limit)."""
    content = csv_bytes([child_row(world.village), child_row(world.village, 住址="x" * length)])
    body = refused(client, world, content, 422, "cell_too_long")
    assert [(e["row"], e["code"]) for e in body["errors"]] == [(3, "cell_too_long")]
    nothing_written(db)


def test_a_cell_at_the_cap_is_read(client, world):
    """The cap is the file's: a 2,000-character cell in a column the import ignores."""
    content = csv_bytes([{**child_row(world.village), "备注": "x" * 2000}])
    response = upload(client, world.as_("staff"), content, dry_run=True)
    assert response.status_code == 200, response.text
    assert response.json()["valid"] == 1


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]

"""The import benchmark: a village survey sheet through `POST /imports/persons` beside raw
``executemany`` inserts of the same kind of rows.

The sheet is a CSV in the format of ``docs/templates/persons.csv``: its
headers and zh labels come from the service's own column table
(``registry.import_columns.COLUMNS``) and the labels its enums declare (``label_zh``), so the bench
follows the template when it changes.

Two raw baselines, each on rows of its own (other ID numbers), into the same database:

* **same work**: read the CSV (csv module), map labels to codes, compute every stored column
  in Python exactly as the service stores it (pinyin, HMAC blind index, masking, AES-GCM for
  the ID number and phones, first ``person_version``), then one driver ``executemany`` per
  table in one transaction;
* **insert only**: the rows computed beforehand (not timed), only the ``executemany``.

Neither validates anything or checks for duplicates; the service does both (and audits).
"""

from __future__ import annotations

import csv
import io
import random
import sqlite3
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import orjson
from people import Description, People, columns, created_at

from liushou.registry.enums import PersonCategory
from liushou.registry.models import Person, PersonVersion
from liushou.registry.person_values import PROFILE_MODELS, PersonalData, pinyin_of

PERSON_COLUMNS = [c.name for c in Person.__table__.columns]  # type: ignore[attr-defined]
VERSION_COLUMNS = [c.name for c in PersonVersion.__table__.columns]  # type: ignore[attr-defined]
LIST_SEPARATOR = "、"


def import_columns() -> tuple[Sequence[Any], dict[type, dict[str, str]]] | None:
    """The service's sheet columns and labels, or None while the import does not exist."""
    try:
        from liushou.registry.import_columns import COLUMNS
    except ImportError:
        return None
    labels = {enum: enum.labels() for column in COLUMNS for enum in column.all_enums()}
    return COLUMNS, labels  # type: ignore[return-value]


# --- the sheet -----------------------------------------------------------------------------


def describe_many(people: People, villages: Sequence[Any], n: int) -> list[Description]:
    return [
        people.describe(v.id, v.code, v.path, may_exit=False)
        for v in (villages[i % len(villages)] for i in range(n))
    ]


def make_sheet(descriptions: Sequence[Description]) -> bytes:
    """The CSV (UTF-8 with BOM, as Excel writes it) of these persons."""
    found = import_columns()
    assert found is not None
    table, labels = found
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in table])
    for d in descriptions:
        writer.writerow([_cell(c, d, labels) for c in table])
    return ("\ufeff" + out.getvalue()).encode()


def _cell(column: Any, d: Description, labels: dict[type, dict[str, str]]) -> str:
    if column.profile:
        if d.category not in column.categories:
            return ""
        value = d.profile.get(column.field)
    else:
        value = {
            "name": d.name,
            "id_number": d.id_number,
            "category": d.category.value,
            "region_code": d.village_code,
            "left_behind_since": d.left_behind_since,
            "sex": d.sex,
            "birth_date": d.birth_date,
            "phone": d.phone,
            "address": d.address,
        }.get(column.field)
    if value is None or value == []:
        return ""
    enum = column.enum_for(d.category)
    if column.kind == "enum" and enum is not None:
        return labels[enum][str(value)]
    if column.kind == "list" and enum is not None:
        return LIST_SEPARATOR.join(labels[enum][str(v)] for v in value)
    if column.kind == "tags":
        return LIST_SEPARATOR.join(value)
    if column.kind == "bool":
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_sheet(data: bytes, villages: dict[str, Any]) -> list[Description]:
    """The raw baseline's reading of the sheet: cells to a description, labels to codes."""
    found = import_columns()
    assert found is not None
    table, labels = found
    by_header = {c.header: c for c in table}
    codes = {enum: {zh: code for code, zh in m.items()} for enum, m in labels.items()}
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    headers = next(rows)
    result = []
    for cells in rows:
        given = dict(zip(headers, cells, strict=True))
        category = PersonCategory(codes[PersonCategory][given["类别"]])
        fields: dict[str, Any] = {}
        profile: dict[str, Any] = {}
        for header, text in given.items():
            column = by_header[header]
            if column.profile and category not in column.categories:
                continue
            value = _value(column, text, category, codes)
            if column.profile:
                profile[column.field] = value.isoformat() if isinstance(value, date) else value
            else:
                fields[column.field] = value
        # Profile fields without a column (guardian_person_id) are stored as null.
        profile = dict.fromkeys(PROFILE_MODELS[category].model_fields) | profile
        village = villages[fields["region_code"]]
        result.append(
            Description(
                category=category,
                name=fields["name"],
                village_id=village.id,
                village_code=village.code,
                village_path=village.path,
                id_number=fields["id_number"],
                birth_date=fields["birth_date"],
                sex=fields["sex"],
                phone=fields["phone"],
                address=fields["address"],
                left_behind_since=fields["left_behind_since"],
                profile=profile,
            )
        )
    return result


def _value(column: Any, text: str, category: PersonCategory, codes: dict) -> Any:  # type: ignore[type-arg]
    if text == "":
        return [] if column.kind in ("list", "tags") else None
    enum = column.enum_for(category)
    if column.kind == "enum" and enum is not None:
        return codes[enum][text]
    if column.kind == "list" and enum is not None:
        return [codes[enum][t] for t in text.split(LIST_SEPARATOR)]
    if column.kind == "tags":
        return text.split(LIST_SEPARATOR)
    if column.kind == "bool":
        return text == "是"
    if column.kind == "int":
        return int(text)
    if column.kind == "date":
        return date.fromisoformat(text)
    return text


# --- the raw baselines ----------------------------------------------------------------------


def build_rows(
    descriptions: Sequence[Description],
    pii: PersonalData,
    pinyin: Callable[[str], tuple[str, str]] = pinyin_of,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rng = random.Random(3)
    persons, versions = [], []
    for d in descriptions:
        row, rows = columns(d, pii, created_at(rng), uuid.UUID(int=0), pinyin=pinyin)
        persons.append(row)
        versions.extend(rows)
    return persons, versions


Rows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def driver_rows(url: str, persons: list[dict[str, Any]], versions: list[dict[str, Any]]) -> Rows:
    """The values as the driver takes them (what SQLAlchemy's column types would bind)."""
    if url.startswith("sqlite"):
        return (
            [_sqlite_row(r, PERSON_COLUMNS) for r in persons],
            [_sqlite_row(r, VERSION_COLUMNS) for r in versions],
        )
    from psycopg.types.json import Json

    def pg_row(row: dict[str, Any], names: list[str]) -> tuple[Any, ...]:
        values = (row[n] for n in names)
        return tuple(Json(v) if isinstance(v, dict | list) else v for v in values)

    return (
        [pg_row(r, PERSON_COLUMNS) for r in persons],
        [pg_row(r, VERSION_COLUMNS) for r in versions],
    )


def insert(url: str, rows: Rows) -> None:
    """One transaction, one driver executemany per table."""
    persons, versions = rows
    sqlite = url.startswith("sqlite")
    person_sql = insert_sql("person", PERSON_COLUMNS, sqlite)
    version_sql = insert_sql("person_version", VERSION_COLUMNS, sqlite)
    if sqlite:
        conn = sqlite3.connect(url.split(":///", 1)[1], isolation_level=None, timeout=30)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(person_sql, persons)
            conn.executemany(version_sql, versions)
            conn.execute("COMMIT")
        finally:
            conn.close()
        return
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        with conn.cursor() as cur:
            cur.executemany(person_sql, persons)
            cur.executemany(version_sql, versions)


def insert_sql(table: str, names: list[str], sqlite: bool) -> str:
    mark = "?" if sqlite else "%s"
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))})"


def _sqlite_row(row: dict[str, Any], names: list[str]) -> tuple[Any, ...]:
    return tuple(sqlite_value(row[n]) for n in names)


def sqlite_value(value: Any) -> Any:
    """What SQLAlchemy's SQLite types store: hex UUIDs, naive UTC text, ISO dates, JSON text."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    return value


def raw_same_work(url: str, pii: PersonalData, data: bytes, villages: dict[str, Any]) -> float:
    """Seconds to read the sheet, compute every column and insert the rows."""
    started = time.perf_counter()
    persons, versions = build_rows(read_sheet(data, villages), pii)
    insert(url, driver_rows(url, persons, versions))
    return time.perf_counter() - started


def raw_insert_only(url: str, rows: Rows) -> float:
    """Seconds of the executemany alone, on rows converted beforehand."""
    started = time.perf_counter()
    insert(url, rows)
    return time.perf_counter() - started

"""`liushou reports summary`: the same figures without a server, in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.auth.test_cli import run_cli
from tests.reports.summary_data import (
    seed_registry_and_care,
    seed_services,
    summary_json,
    t,
)

HUANGTUN = "370871005000"


@pytest.fixture
def seeded(client, world, db):
    seeded = seed_registry_and_care(client, world)
    seed_services(db, world, seeded.persons)
    return seeded


def _period() -> list[str]:
    return ["--from", t(-30).isoformat(), "--to", t(-10).isoformat()]


def test_json_csv_text_and_xlsx(client, world, seeded, database_url, tmp_path):
    staff = world.as_("staff")
    expected = summary_json(client, staff, world.huangtun, t(-30), t(-10))
    args = ["reports", "summary", "--region", HUANGTUN, *_period()]

    result = run_cli(database_url, tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected

    result = run_cli(database_url, tmp_path, *args, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    http_csv = client.get(
        "/api/v1/reports/summary.csv",
        params={"region_id": str(world.huangtun.id), "from": t(-30), "to": t(-10)},
        headers=staff,
    )
    assert rows == list(csv.reader(io.StringIO(http_csv.content.decode("utf-8-sig"))))

    result = run_cli(database_url, tmp_path, *args, "--format", "text")
    assert result.returncode == 0, result.stderr
    narrative = client.get(
        "/api/v1/reports/summary/narrative",
        params={"region_id": str(world.huangtun.id), "from": t(-30), "to": t(-10)},
        headers=staff,
    ).json()
    assert result.stdout == narrative["text"] + "\n"

    target = tmp_path / "summary.xlsx"
    result = run_cli(database_url, tmp_path, *args, "--format", "xlsx", "--output", str(target))
    assert result.returncode == 0, result.stderr
    book = load_workbook(target)
    assert book["登记情况"]["B6"].value == expected["registry"]["total"]["active"]


def test_defaults_and_a_village(client, world, database_url, tmp_path):
    result = run_cli(database_url, tmp_path, "reports", "summary", "--region", "370871005201")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["region_id"] == str(world.village.id)
    assert body["to"] == t(0).isoformat()
    assert body["from"] == t(0).replace(month=1, day=1).isoformat()
    assert body["legal"]["villages"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "999999999999"], "no region with code"),
        (["--region", HUANGTUN, "--from", "2026-05-02", "--to", "2026-05-01"], "after"),
        (["--region", HUANGTUN, "--to", "2999-01-01"], "after today"),
        (["--region", HUANGTUN, "--from", "May 1"], "YYYY-MM-DD"),
    ],
)
def test_errors_exit_1(world, database_url, tmp_path, args, message):
    result = run_cli(database_url, tmp_path, "reports", "summary", *args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert message in result.stderr
    assert result.stdout == ""

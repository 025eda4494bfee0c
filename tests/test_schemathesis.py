"""Schemathesis over every documented operation, in-process, signed in as admin.

No 5xx, and every response matches the documented status codes, headers and schemas.
The schema is loaded at import time (``from_fixture`` relies on a pytest private attribute
that pytest 9 removed); the app only opens its database on the first request, which the
module fixture below prepares first.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig

from liushou import migrations
from liushou.app import create_app
from tests.conftest import (
    PG_SERVER_URL,
    _worker,
    create_pg_database,
    drop_pg_database,
    make_settings,
)
from tests.factories import build_world

# Dates: schemathesis draws `format: date` uniformly from years 1 to 9999, so it almost never
# sends the edges where date arithmetic breaks (9999-12-31 + 1 day, years below 1000, 29
# February). Half the dates it sends here are those edges, in and just outside the range the
# API accepts (docs/dates.md); date-times put them next to the widest UTC offsets. The first
# edge is the simplest value Hypothesis knows, so every operation is sent it early.
EDGE_DATES = [
    "9999-12-31",
    "0001-01-01",
    "0999-12-31",
    "1000-01-01",
    "1899-12-31",
    "1900-01-01",
    "2999-12-31",
    "3000-01-01",
    "2024-02-29",
    "2000-02-29",
]
edge_dates = st.one_of(st.sampled_from(EDGE_DATES), st.dates().map(str))
edge_instants = st.builds(
    "{}T{}{}".format,
    edge_dates,
    st.sampled_from(["00:00:00", "23:59:59", "12:00:00.5"]),
    st.sampled_from(["Z", "+14:00", "-14:00", "+23:59", "-23:59", "+08:00"]),
)
schemathesis.openapi.format("date", edge_dates)
schemathesis.openapi.format("date-time", edge_instants)

# Its own database: the fuzzer's writes must not leak into other tests.
if PG_SERVER_URL:
    FUZZ_DB_NAME = f"liushou_fuzz_{_worker()}_{os.getpid()}"
    FUZZ_URL = str(PG_SERVER_URL.rsplit("/", 1)[0] + "/" + FUZZ_DB_NAME)
else:
    FUZZ_DIR = Path(tempfile.mkdtemp(prefix="liushou-fuzz-"))
    FUZZ_URL = f"sqlite:///{FUZZ_DIR / 'fuzz.db'}"

# No webhook sender in the app: it would open the database before the fixture fills it.
# The fuzzer sends thousands of requests as one admin within minutes: far above the
# caller's rate limit, which is not what it tests (tests/rate_limits/ does).
app = create_app(
    make_settings(FUZZ_URL, log_level="CRITICAL", webhook_in_app=False, rate_limit_per_minute=10**9)
)
schema = schemathesis.openapi.from_asgi(
    "/openapi.json",
    app,
    config=SchemathesisConfig.from_path(Path(__file__).parents[1] / "schemathesis.toml"),
)


@pytest.fixture(scope="module")
def admin_headers(_migrated: str) -> Iterator[dict[str, str]]:
    if PG_SERVER_URL:
        create_pg_database(PG_SERVER_URL, FUZZ_DB_NAME)
        migrations.upgrade(FUZZ_URL)
    else:
        shutil.copyfile(_migrated, FUZZ_DIR / "fuzz.db")
    with TestClient(app):
        yield build_world(app, app.state.db).as_("admin")
    if PG_SERVER_URL:
        drop_pg_database(PG_SERVER_URL, FUZZ_DB_NAME)
    else:
        shutil.rmtree(FUZZ_DIR, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_conforms(case, admin_headers):  # type: ignore[no-untyped-def]
    case.call_and_validate(headers=admin_headers)

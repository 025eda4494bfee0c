"""The per-caller rate limit of the authenticated routes (docs/security.md, "Rate limits")."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from liushou.app import create_app
from tests.auth.helpers import API, assert_problem, me
from tests.conftest import make_settings
from tests.factories import build_world

LIMIT = 5


def fresh_minute() -> None:
    """Wait, if need be, so that a test's requests fall in one minute of the clock (the
    limit's window): a window ending mid-test would give the caller a new allowance."""
    left = 60 - time.time() % 60
    if left < 8:
        time.sleep(left + 0.05)


@pytest.fixture
def limited(database_url: str) -> Iterator[TestClient]:
    app = create_app(make_settings(database_url, rate_limit_per_minute=LIMIT))
    with TestClient(app) as client:
        yield client


def test_every_authenticated_answer_carries_the_headers(client, world):
    fresh_minute()
    first = me(client, world.as_("staff"))
    second = client.get(f"{API}/regions/{world.village.id}", headers=world.as_("staff"))

    assert first.status_code == 200 and second.status_code == 200
    assert first.headers["RateLimit-Limit"] == "600"
    assert first.headers["RateLimit-Remaining"] == "599"
    assert second.headers["RateLimit-Remaining"] == "598"
    assert 1 <= int(second.headers["RateLimit-Reset"]) <= 60
    # An error of an authenticated caller counts and says so too.
    missing = client.get(f"{API}/regions/{world.village.id}00", headers=world.as_("staff"))
    assert missing.headers["RateLimit-Remaining"] == "597"


def test_routes_without_a_caller_have_no_limit_headers(client, world):
    for answer in (client.get("/healthz"), client.get(f"{API}/auth/me")):
        assert "RateLimit-Limit" not in answer.headers


def test_over_the_limit_is_429_with_retry_after(limited):
    world = build_world(limited.app, limited.app.state.db)  # type: ignore[attr-defined]
    fresh_minute()
    staff = world.as_("staff")
    for n in range(LIMIT):
        answer = me(limited, staff)
        assert answer.status_code == 200, answer.text
        assert answer.headers["RateLimit-Remaining"] == str(LIMIT - n - 1)

    refused = me(limited, staff)

    body = assert_problem(refused, 429, "rate_limited")
    retry = int(refused.headers["Retry-After"])
    assert 1 <= retry <= 60 and body["retry_after"] == retry
    assert refused.headers["RateLimit-Limit"] == str(LIMIT)
    assert refused.headers["RateLimit-Remaining"] == "0"
    assert refused.headers["RateLimit-Reset"] == str(retry)
    # Per caller: another one is not held back.
    assert me(limited, world.as_("admin")).status_code == 200
    assert me(limited, world.as_("partner")).status_code == 200


def test_a_batch_counts_each_item_and_itself(limited):
    world = build_world(limited.app, limited.app.state.db)  # type: ignore[attr-defined]
    fresh_minute()
    staff = world.as_("staff")
    items = [
        {"method": "PATCH", "path": f"{API}/persons/{world.village.id}", "body": {}}
        for _ in range(LIMIT)
    ]

    answer = limited.post(f"{API}/sync/batch", json={"items": items}, headers=staff)

    assert answer.status_code == 200, answer.text
    assert answer.headers["RateLimit-Remaining"] == str(LIMIT - 1)  # the batch: counted first
    results = answer.json()["items"]
    # The batch took one; its first four items the rest (each a 404: counted all the same).
    assert [r["status"] for r in results[: LIMIT - 1]] == [404] * (LIMIT - 1)
    assert results[-1]["status"] == 429 and results[-1]["outcome"] == "rejected"
    assert results[-1]["body"]["code"] == "rate_limited"
    assert_problem(me(limited, staff), 429, "rate_limited")


@pytest.fixture
def two_processes(database_url: str, backend: str) -> Iterator[tuple[TestClient, TestClient]]:
    if backend != "postgresql":
        pytest.skip("SQLite is served by one process: its count is in memory")
    limit = 10
    apps = [create_app(make_settings(database_url, rate_limit_per_minute=limit)) for _ in range(2)]
    with TestClient(apps[0]) as one, TestClient(apps[1]) as two:
        yield one, two


def test_the_limit_holds_across_processes_on_postgresql(two_processes):
    one, two = two_processes
    world = build_world(one.app, one.app.state.db)  # type: ignore[attr-defined]
    staff = world.as_("staff")
    fresh_minute()
    for _ in range(6):
        assert me(one, staff).status_code == 200
    # The second process learns a caller's count with its first sync after it saw the
    # caller (every 0.25 s; the bound of docs/security.md): one request, then a few syncs.
    assert me(two, staff).status_code == 200
    time.sleep(1.0)

    statuses = [me(two, staff).status_code for _ in range(5)]

    assert statuses == [200] * 3 + [429] * 2
    time.sleep(1.0)
    # ...and the first process has learnt of the second's hits as well.
    assert_problem(me(one, staff), 429, "rate_limited")

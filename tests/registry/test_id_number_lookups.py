"""`?id_number=` probes a full number: each look-up is audited (never with the number) and
counted per caller; past the limit it is 429 too_many_attempts (docs/privacy.md)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.config import Settings
from liushou.db import utcnow
from tests.auth.helpers import audit_rows, audit_table_text
from tests.conftest import make_settings
from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    count,
    create,
    id_number,
    years_ago,
)
from tests.registry.sheets import EXPORT_CSV, EXPORT_XLSX

LIMIT = 3
WINDOW = 3600
ACTION = "person.id_number_lookup"


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(
        database_url, id_number_lookup_max=LIMIT, id_number_lookup_window_seconds=WINDOW
    )


@pytest.fixture
def registered(client, world) -> tuple[dict, str]:
    body = child_body(world.village)
    return create(client, world.as_("staff"), body), body["id_number"]


def _look_up(client, headers, number: str, url: str = PERSONS, **params):
    return client.get(url, params={"id_number": number, **params}, headers=headers)


def _retry_after(response) -> int:
    value = response.headers["Retry-After"]
    assert value.isdigit(), value
    return int(value)


def _unknown_number() -> str:
    return id_number(years_ago(30))


# --- audit -------------------------------------------------------------------------------


def test_every_look_up_is_audited_with_its_match_but_never_the_number(
    client, world, db, registered
):
    person, number = registered
    staff = world.as_("staff")
    unknown = _unknown_number()

    found = _look_up(client, staff, number)
    missed = _look_up(client, staff, unknown)
    as_of = _look_up(client, staff, number, as_of=str(utcnow().date()))

    assert [i["id"] for i in found.json()["items"]] == [person["id"]]
    assert missed.json()["items"] == []
    assert [i["id"] for i in as_of.json()["items"]] == [person["id"]]
    events = audit_rows(db, action=ACTION)
    assert [(e["outcome"], e["resource_id"], e["detail"]) for e in events] == [
        ("success", str(uuid.UUID(person["id"])), {"matched": 1}),
        ("success", None, {"matched": 0}),
        ("success", str(uuid.UUID(person["id"])), {"matched": 1}),
    ]
    assert {e["actor_name"] for e in events} == {"u_staff"}
    text = audit_table_text(db)
    for value in (number, unknown, number[-8:], unknown[-8:]):
        assert value not in text


def test_a_list_without_id_number_is_neither_audited_as_a_look_up_nor_counted(
    client, world, db, registered
):
    for _ in range(LIMIT + 2):
        assert client.get(PERSONS, headers=world.as_("staff")).status_code == 200

    assert audit_rows(db, action=ACTION) == []
    assert count(db, "id_number_lookup") == 0


# --- limit -------------------------------------------------------------------------------


def test_past_the_limit_a_look_up_is_429_with_retry_after(client, world, db, registered):
    _, number = registered
    staff = world.as_("staff")
    for _ in range(LIMIT):
        assert _look_up(client, staff, number).status_code == 200

    refused = _look_up(client, staff, _unknown_number())

    body = assert_problem(refused, 429, "too_many_attempts")
    assert "items" not in body
    assert 0 < _retry_after(refused) <= WINDOW
    assert body["retry_after"] == _retry_after(refused)
    assert [e["outcome"] for e in audit_rows(db, action=ACTION)] == ["success"] * LIMIT + [
        "limited"
    ]
    # the list itself, without a number, still answers
    assert client.get(PERSONS, headers=staff).status_code == 200


def test_the_limit_is_per_caller(client, world, registered):
    _, number = registered
    for _ in range(LIMIT):
        _look_up(client, world.as_("staff"), number)
    assert_problem(_look_up(client, world.as_("staff"), number), 429, "too_many_attempts")

    assert _look_up(client, world.as_("admin"), number).status_code == 200


def test_refused_look_ups_are_not_counted(client, world, db, registered):
    _, number = registered
    staff = world.as_("staff")
    for _ in range(LIMIT):
        _look_up(client, staff, number)
    for _ in range(3):
        assert_problem(_look_up(client, staff, number), 429, "too_many_attempts")

    assert count(db, "id_number_lookup") == LIMIT


def test_look_ups_older_than_the_window_do_not_count_and_retry_after_counts_down(
    client, world, db, registered, clock
):
    _, number = registered
    staff = world.as_("staff")
    now, fifty_minutes_ago = clock.now(), clock.now() - timedelta(minutes=50)
    # The limit spent a minute longer ago than the window before the look-up 50 minutes ago.
    clock.set(fifty_minutes_ago - timedelta(seconds=WINDOW + 60))
    for _ in range(LIMIT):
        assert _look_up(client, staff, number).status_code == 200
    clock.set(fifty_minutes_ago)
    assert _look_up(client, staff, number).status_code == 200
    clock.set(now)
    for _ in range(LIMIT - 1):
        assert _look_up(client, staff, number).status_code == 200

    refused = _look_up(client, staff, number)

    assert_problem(refused, 429, "too_many_attempts")
    # the look-up of 50 minutes ago leaves the window in about 10 minutes
    assert 9 * 60 < _retry_after(refused) <= 10 * 60 + 1
    # the old rows were pruned
    assert count(db, "id_number_lookup") == LIMIT


@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_XLSX])
def test_an_export_by_id_number_is_a_look_up_too(client, world, registered, url):
    _, number = registered
    staff = world.as_("staff")
    for _ in range(LIMIT - 1):
        _look_up(client, staff, number)
    assert _look_up(client, staff, number, url).status_code == 200

    assert_problem(_look_up(client, staff, number, url), 429, "too_many_attempts")
    assert_problem(_look_up(client, staff, number), 429, "too_many_attempts")


def test_parallel_look_ups_cannot_outrun_the_limit(client, world, db, registered):
    _, number = registered
    start = threading.Barrier(8)

    def look_up(_: int):
        start.wait()
        return _look_up(client, world.as_("staff"), number)

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(r.status_code for r in pool.map(look_up, range(8)))

    answered = statuses.count(200)
    assert 1 <= answered <= LIMIT, statuses
    assert set(statuses) <= {200, 429}
    assert count(db, "id_number_lookup") == answered


def test_the_count_is_shared_by_every_process_on_the_database(client, world, settings, registered):
    # A second app on the same database stands for a second worker process.
    _, number = registered
    staff = world.as_("staff")
    for _ in range(LIMIT - 1):
        _look_up(client, staff, number)
    with TestClient(create_app(settings)) as other:
        assert _look_up(other, staff, number).status_code == 200

        assert_problem(_look_up(other, staff, number), 429, "too_many_attempts")
    assert_problem(_look_up(client, staff, number), 429, "too_many_attempts")

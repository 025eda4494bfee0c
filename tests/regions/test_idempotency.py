"""Idempotency-Key on POST /regions and POST /organizations (docs/api.md)."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from liushou.api.models import IdempotencyKey
from liushou.auth.roles import Role
from liushou.db import utcnow
from tests.factories import bearer, make_user
from tests.regions.helpers import (
    ORGANIZATIONS,
    REGIONS,
    assert_problem,
    count,
    org_body,
    village_body,
)


def _post(client, url, body, headers, key):
    """POST exact JSON bytes (so a stored request hash can be computed in the test)."""
    return client.post(
        url,
        content=_bytes(body),
        headers={**headers, "Content-Type": "application/json", "Idempotency-Key": key},
    )


def _bytes(body) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def _keys(db):
    with db.engine.connect() as conn:
        return conn.execute(sa.select(IdempotencyKey.key, IdempotencyKey.state)).all()


@pytest.mark.parametrize(
    "url, make_body, table",
    [
        (REGIONS, lambda w: village_body(w.huangtun, 202), "region"),
        (
            ORGANIZATIONS,
            lambda w: org_body(w.huangtun, "黄屯志愿服务队", "volunteer_team"),
            "organization",
        ),
    ],
    ids=["regions", "organizations"],
)
def test_same_key_same_body_replays_the_first_response(client, world, db, url, make_body, table):
    admin = world.as_("admin")
    body = make_body(world)
    total = count(db, table)

    first = _post(client, url, body, admin, "key-1")
    second = _post(client, url, body, admin, "key-1")

    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    assert second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.headers["ETag"] == first.headers["ETag"] == '"1"'
    assert second.headers["Location"] == first.headers["Location"]
    assert count(db, table) == total + 1
    assert _keys(db) == [("key-1", "done")]


def test_quoted_and_bare_keys_are_the_same_key(client, world, db):
    admin = world.as_("admin")
    body = village_body(world.huangtun, 202)

    first = _post(client, REGIONS, body, admin, '"abc"')
    second = _post(client, REGIONS, body, admin, "abc")
    third = _post(client, REGIONS, body, admin, '  "abc"  ')

    assert first.status_code == second.status_code == third.status_code == 201
    assert second.headers["Idempotent-Replayed"] == third.headers["Idempotent-Replayed"] == "true"
    assert second.json()["id"] == third.json()["id"] == first.json()["id"]


def test_same_key_with_another_body_is_422(client, world, db):
    admin = world.as_("admin")
    first = _post(client, REGIONS, village_body(world.huangtun, 202), admin, "k")
    total = count(db, "region")

    other = _post(client, REGIONS, village_body(world.huangtun, 203), admin, "k")
    other_path = _post(client, ORGANIZATIONS, org_body(world.huangtun), admin, "k")

    assert first.status_code == 201
    assert_problem(other, 422, "idempotency_key_reused")
    assert_problem(other_path, 422, "idempotency_key_reused")
    assert count(db, "region") == total
    assert count(db, "organization") == 2


def test_keys_are_scoped_to_the_caller(client, world, db, app):
    admin = world.as_("admin")

    def second_admin(session):
        user = make_user(session, "u_admin2", Role.admin)
        return bearer(app, app.state.auth.user_principal(session, user))

    admin2 = db.run_in_session(second_admin)
    body = org_body(world.huangtun, "黄屯志愿服务队", "volunteer_team")
    total = count(db, "organization")

    mine = _post(client, ORGANIZATIONS, body, admin, "shared-key")
    theirs = _post(client, ORGANIZATIONS, body, admin2, "shared-key")

    assert mine.status_code == theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs.headers
    assert theirs.json()["id"] != mine.json()["id"]
    assert count(db, "organization") == total + 2


def test_a_failed_request_releases_its_key(client, world, db):
    admin = world.as_("admin")
    # Same code as 东营村: 409 the first time.
    body = village_body(world.huangtun, 201, "新东营村")

    refused = _post(client, REGIONS, body, admin, "retry-me")
    assert_problem(refused, 409, "duplicate_region_code")
    assert _keys(db) == []
    assert client.delete(f"{REGIONS}/{world.village.id}", headers=admin).status_code == 204

    retried = _post(client, REGIONS, body, admin, "retry-me")

    assert retried.status_code == 201, retried.text
    assert "Idempotent-Replayed" not in retried.headers


def test_an_invalid_body_does_not_hold_the_key(client, world, db):
    admin = world.as_("admin")
    bad = {**village_body(world.huangtun, 202), "colour": "red"}
    good = village_body(world.huangtun, 202)

    assert_problem(_post(client, REGIONS, bad, admin, "k2"), 422, "validation_error")
    assert_problem(_post(client, REGIONS, bad, admin, "k2"), 422, "validation_error")
    fixed = _post(client, REGIONS, good, admin, "k2")

    assert fixed.status_code == 201, fixed.text
    assert _keys(db) == [("k2", "done")]


def test_refused_callers_claim_no_key(client, world, db):
    body = village_body(world.huangtun, 202)
    assert_problem(
        _post(client, REGIONS, body, world.as_("staff"), "k3"), 403, "insufficient_scope"
    )
    assert_problem(_post(client, REGIONS, body, {}, "k3"), 401, "unauthorized")
    assert _keys(db) == []


@pytest.mark.parametrize("key", ["", '""', "a b", "x" * 256, "tab\tkey"])
def test_malformed_keys_are_400(client, world, db, key):
    response = _post(client, REGIONS, village_body(world.huangtun, 202), world.as_("admin"), key)
    assert_problem(response, 400, "invalid_idempotency_key")
    assert count(db, "region", live=True) == 8


def _claim(db, world, body):
    """The key row a concurrent (or crashed) first attempt leaves, claimed at the service
    clock's now: no request of the test can stop half-way to leave one."""
    now = utcnow()
    row = IdempotencyKey(
        principal_id=world.users["admin"].id,
        key="in-flight",
        method="POST",
        path=REGIONS,
        body_sha256=hashlib.sha256(_bytes(body)).hexdigest(),
        state="in_progress",
        created_at=now,
        expires_at=now + timedelta(days=7),
    )

    def add(session):
        session.add(row)

    db.run_in_session(add)


def test_a_retry_while_the_first_is_in_flight_is_409(client, world, db):
    body = village_body(world.huangtun, 202)
    _claim(db, world, body)
    total = count(db, "region")

    response = _post(client, REGIONS, body, world.as_("admin"), "in-flight")

    assert_problem(response, 409, "idempotency_key_in_flight")
    assert response.headers["Retry-After"] == "1"
    assert count(db, "region") == total
    assert _keys(db) == [("in-flight", "in_progress")]  # the first attempt still owns it


def test_an_abandoned_attempt_is_taken_over(client, world, db, clock):
    body = village_body(world.huangtun, 202)
    now = clock.now()
    clock.set(now - timedelta(minutes=5))
    _claim(db, world, body)
    clock.set(now)

    response = _post(client, REGIONS, body, world.as_("admin"), "in-flight")

    assert response.status_code == 201, response.text
    assert _keys(db) == [("in-flight", "done")]


def test_an_expired_key_may_be_used_again(client, world, db, clock):
    body = village_body(world.huangtun, 202)
    now = clock.now()
    clock.set(now - timedelta(days=8))  # the key is kept 7 days
    used = _post(
        client, REGIONS, village_body(world.huangtun, 203), world.as_("admin"), "in-flight"
    )
    assert used.status_code == 201, used.text
    clock.set(now)

    response = _post(client, REGIONS, body, world.as_("admin"), "in-flight")

    assert response.status_code == 201, response.text
    assert "Idempotent-Replayed" not in response.headers
    assert response.json()["code"] == "370871005202"


def test_a_key_is_kept_for_the_configured_days(client, world, db):
    _post(client, REGIONS, village_body(world.huangtun, 202), world.as_("admin"), "kept")
    with db.engine.connect() as conn:
        created, expires = conn.execute(
            sa.select(IdempotencyKey.created_at, IdempotencyKey.expires_at)
        ).one()
    assert expires - created >= timedelta(days=7) - timedelta(seconds=5)


def test_posts_without_a_key_are_not_deduplicated(client, world, db):
    admin = world.as_("admin")
    body = org_body(world.huangtun, "黄屯志愿服务队", "volunteer_team")
    a = client.post(ORGANIZATIONS, json=body, headers=admin)
    b = client.post(ORGANIZATIONS, json=body, headers=admin)
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]
    assert _keys(db) == []

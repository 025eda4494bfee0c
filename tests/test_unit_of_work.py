"""The unit of work of a write request (docs/architecture.md): one transaction that holds the
write, its audit events and its Idempotency-Key; committed once, after the handler; a
refused commit is a problem response, never a 500; and what the routers take from the
application is replaceable with ``app.dependency_overrides``."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from datetime import date, timedelta

import sqlalchemy as sa
from fastapi import APIRouter
from sqlalchemy import event

from liushou.api.dependencies import current_day
from liushou.api.models import IdempotencyKey
from liushou.api.unit_of_work import UnitOfWorkDep
from liushou.auth.dependencies import Authenticated
from liushou.db import utcnow
from tests.regions.helpers import REGIONS, assert_problem, count, village_body

_key_t = IdempotencyKey.__table__


def _write_transactions(db):
    """Count the transactions begun and committed on the write engine (reads excluded)."""
    seen = {"begin": 0, "commit": 0}

    def on_begin(conn):
        if not conn.get_execution_options().get("liushou_autocommit"):
            seen["begin"] += 1

    def on_commit(conn):
        if not conn.get_execution_options().get("liushou_autocommit"):
            seen["commit"] += 1

    event.listen(db.engine, "begin", on_begin)
    event.listen(db.engine, "commit", on_commit)
    return seen


def test_a_create_with_a_key_is_one_transaction(client, world, db):
    """The key is claimed and its response stored in the write's own transaction: one
    write lock per create, not one for the key and another for the write."""
    admin = world.as_("admin")
    seen = _write_transactions(db)

    response = client.post(
        REGIONS,
        json=village_body(world.huangtun, 202),
        headers={**admin, "Idempotency-Key": "one-transaction"},
    )

    assert response.status_code == 201, response.text
    assert seen == {"begin": 1, "commit": 1}
    with db.engine.connect() as conn:
        stored = conn.execute(sa.select(_key_t.c.state, _key_t.c.body)).one()
    assert stored.state == "done" and stored.body == response.json()


def test_a_refused_commit_is_a_409_and_nothing_is_written(app, client, world, db):
    """A constraint that only the commit meets (nothing was flushed before) still answers
    with a problem, not a 500 and not the handler's success."""
    probe = APIRouter()

    @probe.post("/probe/conflicting-keys")
    def conflicting_keys(caller: Authenticated, uow: UnitOfWorkDep) -> dict[str, str]:
        for _ in range(2):  # unique per caller and key: the second row breaks it
            uow.session.add(
                IdempotencyKey(
                    principal_id=caller.id,
                    key="same",
                    method="POST",
                    path="/probe",
                    body_sha256="0" * 64,
                    state="done",
                    expires_at=utcnow() + timedelta(days=1),
                )
            )
        return {"status": "written"}

    app.include_router(probe)

    response = client.post("/probe/conflicting-keys", headers=world.as_("admin"))

    assert_problem(response, 409, "conflict")
    assert count(db, "idempotency_key") == 0


def test_today_is_a_dependency_tests_can_replace(app, client, world):
    app.dependency_overrides[current_day] = lambda: date(2030, 1, 2)

    response = client.get("/api/v1/exports/persons.csv", headers=world.as_("admin"))

    assert response.status_code == 200, response.text
    assert 'filename="persons-20300102.csv"' in response.headers["Content-Disposition"]


def _hold_claim(db, world, body_bytes, key):
    """Begin the transaction of a first request that has claimed ``key`` and not finished."""
    conn = db.engine.connect()
    transaction = conn.begin()
    conn.execute(
        _key_t.insert().values(
            id=uuid.uuid4(),
            principal_id=world.users["admin"].id,
            key=key,
            method="POST",
            path=REGIONS,
            body_sha256=hashlib.sha256(body_bytes).hexdigest(),
            state="in_progress",
            created_at=utcnow(),
            expires_at=utcnow() + timedelta(days=7),
        )
    )
    return conn, transaction


def _post_in_thread(client, body_bytes, headers):
    answer = {}

    def post():
        answer["response"] = client.post(
            REGIONS, content=body_bytes, headers={**headers, "Content-Type": "application/json"}
        )

    thread = threading.Thread(target=post)
    thread.start()
    return thread, answer


def test_a_duplicate_sent_while_the_first_runs_waits_and_replays_it(client, world, db):
    """The second request's claim waits for the first's transaction (SQLite: the write
    lock; PostgreSQL: the unique index), then replays what the first stored."""
    body = village_body(world.huangtun, 202)
    body_bytes = json.dumps(body).encode()
    headers = {**world.as_("admin"), "Idempotency-Key": "concurrent"}
    total = count(db, "region")
    conn, transaction = _hold_claim(db, world, body_bytes, "concurrent")

    thread, answer = _post_in_thread(client, body_bytes, headers)
    time.sleep(0.5)  # the second request is now waiting on the first
    stored = {"id": "first", "code": body["code"]}
    conn.execute(
        _key_t.update().values(state="done", status=201, body=stored, headers={"ETag": '"1"'})
    )
    transaction.commit()
    conn.close()
    thread.join(10)

    response = answer["response"]
    assert response.status_code == 201, response.text
    assert response.headers["Idempotent-Replayed"] == "true"
    assert response.json() == stored
    assert count(db, "region") == total


def test_a_duplicate_sent_while_the_first_fails_runs_itself(client, world, db):
    body = village_body(world.huangtun, 202)
    body_bytes = json.dumps(body).encode()
    headers = {**world.as_("admin"), "Idempotency-Key": "concurrent"}
    total = count(db, "region")
    conn, transaction = _hold_claim(db, world, body_bytes, "concurrent")

    thread, answer = _post_in_thread(client, body_bytes, headers)
    time.sleep(0.5)
    transaction.rollback()  # the first request failed: its claim goes with it
    conn.close()
    thread.join(10)

    response = answer["response"]
    assert response.status_code == 201, response.text
    assert "Idempotent-Replayed" not in response.headers
    assert count(db, "region") == total + 1


def test_a_put_that_creates_answers_with_its_location(client, world):
    """Every 201 names the created resource, from PUT as from POST (api/writes.py)."""
    admin = world.as_("admin")
    region_id = str(uuid.uuid4())

    created = client.put(
        f"{REGIONS}/{region_id}", json=village_body(world.huangtun, 205), headers=admin
    )
    replaced = client.put(
        f"{REGIONS}/{region_id}", json=village_body(world.huangtun, 205, "改名"), headers=admin
    )

    assert created.status_code == 201, created.text
    assert created.headers["Location"] == f"{REGIONS}/{region_id}"
    assert replaced.status_code == 200 and "Location" not in replaced.headers

"""Concurrent handovers for one person leave exactly one active primary contact.

These need real concurrent transactions on separate connections, so they run on PostgreSQL
only (SQLite serialises every writer with BEGIN IMMEDIATE anyway).
"""

from __future__ import annotations

import threading
import time
import uuid

import sqlalchemy as sa

from liushou.guardianship import assignments as assignment_service
from liushou.guardianship.schemas import PrimaryContactHandover
from tests.guardianship.helpers import (
    active_primaries,
    create_caretaker,
    create_person,
    hand_over,
    postgres_only,
)


def _primary_rows(db, person_id):
    stmt = sa.text(
        "SELECT caretaker_id, ends_on, end_reason FROM assignment "
        "WHERE person_id = :p AND role = 'primary_contact' AND deleted_at IS NULL"
    ).bindparams(sa.bindparam("p", type_=sa.Uuid))
    with db.engine.connect() as conn:
        return conn.execute(stmt.columns(caretaker_id=sa.Uuid), {"p": uuid.UUID(person_id)}).all()


@postgres_only
def test_two_interleaved_handovers_queue_on_the_person_and_both_apply(app, client, db, world):
    """A holds the person's row while it hands over; B's handover waits for A's commit,
    then ends A's new contact and starts its own."""
    staff = world.as_("staff")
    person = create_person(client, staff, world.community)
    first, a_choice, b_choice = (
        create_caretaker(client, staff, world.community, name=name) for name in "甲乙丙"
    )
    assert hand_over(client, staff, person, first["id"]).status_code == 201
    principal = db.run_in_session(lambda s: app.state.auth.user_principal(s, world.users["staff"]))
    settings = app.state.settings
    a_done = threading.Event()
    waited = {}
    errors = []

    def handover_a():
        try:
            with db.session() as session:
                assignment_service.hand_over(
                    session,
                    settings,
                    principal,
                    uuid.UUID(person["id"]),
                    PrimaryContactHandover(caretaker_id=a_choice["id"], reason="A"),
                )
                a_done.set()
                time.sleep(0.6)  # B is now blocked on the person's row
                session.commit()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            a_done.set()

    def handover_b():
        try:
            a_done.wait(10)
            started = time.monotonic()
            with db.session() as session:
                assignment_service.hand_over(
                    session,
                    settings,
                    principal,
                    uuid.UUID(person["id"]),
                    PrimaryContactHandover(caretaker_id=b_choice["id"], reason="B"),
                )
                session.commit()
            waited["seconds"] = time.monotonic() - started
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=handover_a), threading.Thread(target=handover_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert errors == []
    assert waited["seconds"] >= 0.4  # B really ran into A's lock
    rows = {r.caretaker_id: r for r in _primary_rows(db, person["id"])}
    assert [r.caretaker_id for r in active_primaries(db, person["id"])] == [
        uuid.UUID(b_choice["id"])
    ]
    assert rows[uuid.UUID(first["id"])].end_reason == "A"
    assert rows[uuid.UUID(a_choice["id"])].end_reason == "B"
    assert len(rows) == 3


@postgres_only
def test_many_concurrent_handovers_over_http_leave_exactly_one_active(client, db, world):
    staff = world.as_("staff")
    person = create_person(client, staff, world.community)
    caretakers = [
        create_caretaker(client, staff, world.community, name=f"联系人{i}") for i in range(8)
    ]
    barrier = threading.Barrier(len(caretakers))
    statuses = []

    def put(caretaker):
        barrier.wait(10)
        statuses.append(hand_over(client, staff, person, caretaker["id"]).status_code)

    threads = [threading.Thread(target=put, args=(c,)) for c in caretakers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(statuses) == [201] * len(caretakers)  # none refused, none failed
    assert len(active_primaries(db, person["id"])) == 1
    rows = _primary_rows(db, person["id"])
    assert len(rows) == len(caretakers)
    ended = [r for r in rows if r.ends_on is not None]
    assert len(ended) == len(caretakers) - 1
    assert {r.end_reason for r in ended} == {"handover"}

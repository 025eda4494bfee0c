"""The care alerts of a write's answer (docs/performance.md, "Writes"): the statement of
``registry.repository.care_alert_flags`` is built once, with the person and today bound on
every call, and a person the request created takes ``NEW_PERSON_CARE_ALERTS`` without a
query. Both must give exactly what the persons list computes."""

from __future__ import annotations

import uuid
from datetime import timedelta

import anyio
from sqlmodel import Session

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.registry import repository as repo
from liushou.registry import service
from liushou.registry.schemas import PersonCreate
from tests.guardianship.helpers import (
    PERSONS,
    assigned,
    create_caretaker,
    create_person,
    days_ago,
    person_body,
)
from tests.http import list_all

FLAGS = {"care_overdue": "overdue_visit", "care_unassigned": "no_primary_contact"}


def _listed_flags(client, headers) -> dict[str, dict[str, bool]]:
    """Each person's care flags as the list's query gives them (all persons here are on
    the register, so a flag shows as its alert)."""
    return {
        p["id"]: {flag: code in p["alerts"] for flag, code in FLAGS.items()}
        for p in list_all(client, PERSONS, headers)
    }


def _flags_every_way(db, person_id: str) -> dict[str, bool]:
    """care_alert_flags on a plain connection, in a write's session, and on the read
    path's connection (the speed path runs it on the driver's cursor): all the same."""
    pid = uuid.UUID(person_id)
    with db.engine.connect() as conn:
        plain = repo.care_alert_flags(conn, pid)
    with Session(db.engine) as session:
        in_session = repo.care_alert_flags(session, pid)

    async def read() -> dict[str, bool]:
        return await db.read(lambda conn: repo.care_alert_flags(conn, pid))

    on_read_path = anyio.run(read)
    assert plain == in_session == on_read_path
    return plain


def test_the_prebuilt_statement_gives_the_flags_of_the_list(client, world, db, clock):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    alone = create_person(client, staff, world.community, name="无人包保")
    due_today = create_person(client, staff, world.community, name="今天到期")
    overdue = create_person(client, staff, world.community, name="已逾期")
    companion_only = create_person(client, staff, world.community, name="只有结对陪伴")
    assigned(client, staff, due_today, cadre, starts_on=days_ago(30).isoformat())
    assigned(client, staff, overdue, cadre, starts_on=days_ago(31).isoformat())
    assigned(client, staff, companion_only, cadre, role="companion")
    people = (alone, due_today, overdue, companion_only)

    listed = _listed_flags(client, staff)
    expected = {
        alone["id"]: {"care_overdue": False, "care_unassigned": True},
        due_today["id"]: {"care_overdue": False, "care_unassigned": False},
        overdue["id"]: {"care_overdue": True, "care_unassigned": False},
        companion_only["id"]: {"care_overdue": False, "care_unassigned": True},
    }
    assert listed == expected
    assert {p["id"]: _flags_every_way(db, p["id"]) for p in people} == expected

    # Today is bound on every call, not fixed when the statement was built.
    clock.advance(timedelta(days=1))
    expected[due_today["id"]]["care_overdue"] = True
    assert _listed_flags(client, staff) == expected
    assert {p["id"]: _flags_every_way(db, p["id"]) for p in people} == expected


def test_a_person_created_in_the_transaction_has_the_new_person_flags(app, world, db):
    """What the query gives for a person inside the transaction that created it (the
    moment a POST or a creating PUT answers) is NEW_PERSON_CARE_ALERTS."""
    body = PersonCreate.model_validate(person_body(world.community, name="刚登记"))
    with Session(db.engine) as session:
        person = service.create_person(
            session, app.state.settings, app.state.personal_data, CLI_PRINCIPAL, body
        )
        assert repo.care_alert_flags(session, person.id) == repo.NEW_PERSON_CARE_ALERTS
        session.rollback()


def test_post_and_put_answers_equal_get_with_the_new_person_flags(client, world):
    staff = world.as_("staff")
    posted = client.post(PERSONS, json=person_body(world.community), headers=staff)
    new_id = str(uuid.uuid4())
    put = client.put(f"{PERSONS}/{new_id}", json=person_body(world.community), headers=staff)
    for created in (posted, put):
        assert created.status_code == 201, created.text
        assert created.json()["alerts"] == ["no_primary_contact"]
        fetched = client.get(f"{PERSONS}/{created.json()['id']}", headers=staff)
        assert fetched.json() == created.json()

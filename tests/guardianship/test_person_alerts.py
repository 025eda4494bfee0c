"""The care alerts on a person's body, `overdue_visit` and `no_primary_contact`
(docs/domain.md, "Care intervals and overdue"): computed by the database as of today
(Asia/Shanghai), exact at the boundary day, only for persons on the register, and the same
in GET (one and lists) and write answers."""

from __future__ import annotations

import uuid

from tests.guardianship.helpers import (
    PERSONS,
    assigned,
    create_caretaker,
    create_person,
    days_ago,
    person_body,
    record_visit,
)
from tests.http import list_all


def _alerts(client, headers, person) -> list[str]:
    """The alerts of GET /persons/{id}, after checking the list shows the same ones."""
    one = client.get(f"{PERSONS}/{person['id']}", headers=headers)
    assert one.status_code == 200, one.text
    listed = {p["id"]: p["alerts"] for p in list_all(client, PERSONS, headers)}
    assert listed[person["id"]] == one.json()["alerts"]
    return one.json()["alerts"]


def test_overdue_visit_at_the_boundary_day(client, world):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    due_today = create_person(client, staff, world.community, name="今天到期")
    due_yesterday = create_person(client, staff, world.community, name="昨天到期")
    visited_in_time = create_person(client, staff, world.community, name="按时走访")
    visited_late = create_person(client, staff, world.community, name="走访逾期")
    assigned(client, staff, due_today, cadre, starts_on=days_ago(30).isoformat())
    assigned(client, staff, due_yesterday, cadre, starts_on=days_ago(31).isoformat())
    for person, last in ((visited_in_time, 30), (visited_late, 31)):
        assigned(client, staff, person, cadre, starts_on=days_ago(100).isoformat())
        visit = record_visit(
            client, staff, person, caretaker_id=cadre["id"], visited_on=days_ago(last)
        )
        assert visit.status_code == 201, visit.text

    assert _alerts(client, staff, due_today) == []
    assert _alerts(client, staff, due_yesterday) == ["overdue_visit"]
    assert _alerts(client, staff, visited_in_time) == []
    assert _alerts(client, staff, visited_late) == ["overdue_visit"]
    # the alert filter and the bodies agree
    flagged = {p["id"] for p in list_all(client, PERSONS, staff, alert="overdue_visit")}
    assert flagged == {due_yesterday["id"], visited_late["id"]}


def test_a_new_person_has_no_primary_contact_until_assigned(client, world):
    staff = world.as_("staff")
    body = person_body(world.community, guardianship_type="none", name="无人监护")
    created = client.post(PERSONS, json=body, headers=staff)
    assert created.status_code == 201, created.text
    person = created.json()
    assert person["alerts"] == ["unattended_child", "no_primary_contact"]
    assert _alerts(client, staff, person) == person["alerts"]

    assigned(client, staff, person, create_caretaker(client, staff, world.community))

    patched = client.patch(f"{PERSONS}/{person['id']}", json={"address": "新址"}, headers=staff)
    assert patched.status_code == 200, patched.text
    assert patched.json()["alerts"] == ["unattended_child"]
    assert patched.json() == client.get(f"{PERSONS}/{person['id']}", headers=staff).json()


def test_write_answers_carry_the_same_alerts_as_get(client, world):
    new_id = str(uuid.uuid4())
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    body = person_body(world.community, name="客户端编号")
    put = client.put(f"{PERSONS}/{new_id}", json=body, headers=staff)
    assert put.status_code == 201, put.text
    assert put.json()["alerts"] == ["no_primary_contact"]
    assigned(client, staff, put.json(), cadre, starts_on=days_ago(31).isoformat())

    replaced = client.put(f"{PERSONS}/{new_id}", json=body, headers=staff)
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["alerts"] == ["overdue_visit"]
    assert replaced.json() == client.get(f"{PERSONS}/{new_id}", headers=staff).json()


def test_a_person_off_the_register_has_no_care_alerts(client, world):
    staff = world.as_("staff")
    person = create_person(client, staff, world.community)
    exited = client.post(
        f"{PERSONS}/{person['id']}/exit",
        json={"exited_on": days_ago(1).isoformat(), "exit_reason": "parents_returned"},
        headers=staff,
    )
    assert exited.status_code == 200, exited.text
    assert exited.json()["alerts"] == []
    assert _alerts(client, staff, person) == []
    assert list_all(client, PERSONS, staff, alert="no_primary_contact") == []

"""The SQL care rules (docs/domain.md) that the person list uses: overdue and unassigned, exact at
the boundary day (data made through HTTP, the conditions run by the database)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import sqlalchemy as sa

from liushou.clock import today
from liushou.guardianship.repository import person_t
from liushou.visibility import overdue_condition, unassigned_condition
from tests.guardianship.helpers import (
    ASSIGNMENTS,
    assigned,
    create_caretaker,
    create_person,
    days_ago,
    record_visit,
)


def _matching(db, condition) -> set[str]:
    stmt = sa.select(person_t.c.id).where(person_t.c.deleted_at.is_(None), condition)
    with db.engine.connect() as conn:
        return {str(row.id) for row in conn.execute(stmt)}


def overdue(db, on: date) -> set[str]:
    return _matching(db, overdue_condition(person_t.c.id, on))


def unassigned(db) -> set[str]:
    return _matching(db, unassigned_condition(person_t.c.id))


def test_overdue_from_the_day_after_start_plus_interval_without_visits(client, db, world):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    due_today = create_person(client, staff, world.community, name="今天到期")
    due_yesterday = create_person(client, staff, world.community, name="昨天到期")
    assigned(client, staff, due_today, cadre, starts_on=days_ago(30).isoformat())
    assigned(client, staff, due_yesterday, cadre, starts_on=days_ago(31).isoformat())

    assert overdue(db, today()) == {due_yesterday["id"]}
    assert overdue(db, today() + timedelta(days=1)) == {due_today["id"], due_yesterday["id"]}
    assert overdue(db, today() - timedelta(days=1)) == set()


def test_overdue_counts_from_the_latest_visit(client, db, world):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    in_time = create_person(client, staff, world.community, name="按时")
    late = create_person(client, staff, world.community, name="逾期")
    for person, last_visit in ((in_time, 30), (late, 31)):
        assigned(client, staff, person, cadre, starts_on=days_ago(200).isoformat())
        for day in (150, last_visit):
            response = record_visit(
                client, staff, person, caretaker_id=cadre["id"], visited_on=days_ago(day)
            )
            assert response.status_code == 201, response.text

    assert overdue(db, today()) == {late["id"]}
    # A visit today puts the late one back in time.
    record_visit(client, staff, late, caretaker_id=cadre["id"])
    assert overdue(db, today()) == set()


def test_the_interval_is_the_primary_contacts(client, db, world):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    elder = create_person(client, staff, world.community, "elder", risk_tier="high")  # 7 days
    a = assigned(client, staff, elder, cadre, starts_on=days_ago(10).isoformat())
    record_visit(client, staff, elder, caretaker_id=cadre["id"], visited_on=days_ago(7))
    assert overdue(db, today()) == set()
    record_visit(client, staff, elder, caretaker_id=cadre["id"], visited_on=days_ago(8))
    assert overdue(db, today()) == set()  # the latest visit counts, not the last recorded
    response = client.patch(
        f"{ASSIGNMENTS}/{a['id']}", json={"visit_interval_days": 6}, headers=staff
    )
    assert response.status_code == 200
    assert overdue(db, today()) == {elder["id"]}


def test_companions_and_ended_contacts_do_not_count(client, db, world):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    with_primary = create_person(client, staff, world.community, name="有联系人")
    companion_only = create_person(client, staff, world.community, name="仅陪伴")
    ended = create_person(client, staff, world.community, name="已结束")
    nobody = create_person(client, staff, world.community, name="无人")
    assigned(client, staff, with_primary, cadre)
    assigned(client, staff, companion_only, cadre, "companion", starts_on=days_ago(90).isoformat())
    gone = assigned(client, staff, ended, cadre, starts_on=days_ago(90).isoformat())
    response = client.patch(
        f"{ASSIGNMENTS}/{gone['id']}", json={"ends_on": today().isoformat()}, headers=staff
    )
    assert response.status_code == 200

    assert unassigned(db) == {companion_only["id"], ended["id"], nobody["id"]}
    # An overdue companion or an ended contact never makes a person overdue.
    assert overdue(db, today()) == set()
    deleted = client.delete(f"{ASSIGNMENTS}/{uuid.UUID(gone['id'])}", headers=staff)
    assert deleted.status_code == 204
    assert ended["id"] in unassigned(db)

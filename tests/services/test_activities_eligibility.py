"""Who may attend an activity: every offending id at once, nothing written, in a bounded
number of queries."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from liushou.tables import activity_t, service_record_t
from tests.services.activities_helpers import (
    ACTIVITIES,
    activity_body,
    assert_problem,
    count,
    create_activity,
    create_person,
    day,
    person_since,
    records,
)


def test_every_ineligible_attendee_is_listed_and_nothing_is_written(client, world, db):
    staff, admin = world.as_("staff"), world.as_("admin")
    fine = create_person(client, staff, world.village)
    woman = create_person(client, staff, world.village, "woman")  # not served by the type
    elsewhere = create_person(client, staff, world.community)  # outside the activity's village
    unseen = create_person(client, admin, world.other_village)  # outside the caller's area
    late = person_since(client, staff, world.village, "child", day(-1))  # registered after
    nobody = str(uuid.uuid4())
    given = [fine, woman, elsewhere, unseen, late, {"id": nobody}]

    response = client.post(ACTIVITIES, json=activity_body(world.village, given), headers=staff)
    problem = assert_problem(response, 422, "attendee_not_eligible")
    offending = [woman["id"], elsewhere["id"], unseen["id"], late["id"], nobody]
    assert problem["ineligible_ids"] == offending
    assert [e["loc"] for e in problem["errors"]] == [
        ["body", "attendee_ids", i] for i in (1, 2, 3, 4, 5)
    ]
    assert all(e["code"] == "attendee_not_eligible" for e in problem["errors"])
    msgs = {e["msg"].split(":")[0]: e["msg"] for e in problem["errors"]}
    assert "not meant for a woman" in msgs[woman["id"]]
    assert "outside the activity's region" in msgs[elsewhere["id"]]
    assert "no such person" in msgs[unseen["id"]] and "no such person" in msgs[nobody]
    assert "not on the register" in msgs[late["id"]]
    assert count(db, activity_t) == 0 and count(db, service_record_t) == 0

    # The same persons added later: the same answer, about person_ids; nothing written.
    activity = create_activity(client, staff, world.village, [fine])
    added = client.post(
        f"{ACTIVITIES}/{activity['id']}/attendees",
        json={"person_ids": [p["id"] for p in given]},
        headers=staff,
    )
    problem = assert_problem(added, 422, "attendee_not_eligible")
    assert problem["ineligible_ids"] == offending
    assert problem["errors"][0]["loc"] == ["body", "person_ids", 1]
    assert len(records(db, activity["id"])) == 1
    assert client.get(f"{ACTIVITIES}/{activity['id']}", headers=staff).json()["version"] == 1


def test_a_township_activity_takes_its_villages(client, world):
    staff = world.as_("staff")
    kids = [create_person(client, staff, r) for r in (world.village, world.community)]
    activity = create_activity(client, staff, world.huangtun, kids)
    assert activity["attendee_count"] == 2


def test_moving_the_day_checks_every_attendee_again(client, world, db):
    staff = world.as_("staff")
    old = create_person(client, staff, world.village)
    recent = person_since(client, staff, world.village, "child", day(-5))
    activity = create_activity(client, staff, world.village, [old, recent])
    url = f"{ACTIVITIES}/{activity['id']}"
    moved = client.patch(url, json={"held_on": day(-30).isoformat()}, headers=staff)
    problem = assert_problem(moved, 422, "attendee_not_eligible")
    assert problem["ineligible_ids"] == [recent["id"]]
    assert {r["delivered_on"] for r in records(db, activity["id"])} == {day(-3)}
    # Moving to the township keeps them inside; to the other village of it does not.
    wider = client.patch(url, json={"region_id": str(world.huangtun.id)}, headers=staff)
    assert wider.status_code == 200, wider.text
    narrower = client.patch(url, json={"region_id": str(world.community.id)}, headers=staff)
    problem = assert_problem(narrower, 422, "attendee_not_eligible")
    assert sorted(problem["ineligible_ids"]) == sorted([old["id"], recent["id"]])


def test_attendees_are_checked_in_a_bounded_number_of_queries(client, world, db):
    staff = world.as_("staff")
    kids = [create_person(client, staff, world.village) for _ in range(12)]
    statements: list[str] = []

    def count_statement(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    def create(attendees):  # type: ignore[no-untyped-def]
        statements.clear()
        sa.event.listen(db.engine, "before_cursor_execute", count_statement)
        try:
            create_activity(client, staff, world.village, attendees)
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", count_statement)
        person_reads = [s for s in statements if "FROM person" in s]
        return len(person_reads)

    assert 1 <= create(kids[:2]) == create(kids) <= 2

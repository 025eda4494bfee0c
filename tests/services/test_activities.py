"""/activities: attendance as service records, kept in step with every write."""

from __future__ import annotations

from datetime import timedelta

from liushou.clock import today
from liushou.tables import activity_t, service_record_t
from tests.conftest import new_id
from tests.services.activities_helpers import (
    ACTIVITIES,
    activity_body,
    assert_problem,
    count,
    create_activity,
    create_person,
    day,
    record_persons,
    records,
)


def test_create_gives_each_attendee_one_record(client, world, db):
    staff = world.as_("staff")
    kids = [create_person(client, staff, world.village) for _ in range(2)]
    response = client.post(
        ACTIVITIES, json=activity_body(world.village, kids, anonymous_attendees=5), headers=staff
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"{ACTIVITIES}/{body['id']}"
    assert response.headers["ETag"] == '"1"'
    assert body["attendee_ids"] == [k["id"] for k in kids]
    assert body["attendee_count"] == 7 and body["anonymous_attendees"] == 5
    assert body["held_on"] == day(-3).isoformat() and body["version"] == 1
    rows = records(db, body["id"])
    assert sorted(str(r["person_id"]) for r in rows) == sorted(k["id"] for k in kids)
    for row in rows:
        assert row["service_type"] == "after_school_class"
        assert row["delivered_on"] == day(-3)
        assert row["quantity"] == 1 and row["created_by"] == "u_staff"
    got = client.get(f"{ACTIVITIES}/{body['id']}", headers=staff)
    assert got.status_code == 200 and got.json() == body
    assert got.headers["ETag"] == '"1"'


def test_duplicate_ids_in_the_body_make_one_record(client, world, db):
    staff = world.as_("staff")
    kid = create_person(client, staff, world.village)
    activity = create_activity(client, staff, world.village, [kid, kid])
    assert activity["attendee_ids"] == [kid["id"]] and activity["attendee_count"] == 1
    assert len(records(db, activity["id"])) == 1


def test_add_and_remove_attendees(client, world, db):
    staff = world.as_("staff")
    a, b, c = (create_person(client, staff, world.village) for _ in range(3))
    activity = create_activity(client, staff, world.village, [a])
    url = f"{ACTIVITIES}/{activity['id']}/attendees"

    added = client.post(url, json={"person_ids": [a["id"], b["id"], c["id"]]}, headers=staff)
    assert added.status_code == 200, added.text
    body = added.json()
    assert body["attendee_ids"] == [a["id"], b["id"], c["id"]]
    assert body["attendee_count"] == 3 and body["version"] == 2
    assert added.headers["ETag"] == '"2"'
    assert record_persons(db, activity["id"]) == sorted([a["id"], b["id"], c["id"]])

    stale = client.post(url, json={"person_ids": [a["id"]]}, headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")

    again = client.post(url, json={"person_ids": [a["id"]]}, headers=staff)
    assert again.status_code == 200 and again.json()["version"] == 2  # nothing new
    assert len(records(db, activity["id"])) == 3

    stale = client.delete(f"{url}/{b['id']}", headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    removed = client.delete(f"{url}/{b['id']}", headers={**staff, "If-Match": '"2"'})
    assert removed.status_code == 204, removed.text
    assert record_persons(db, activity["id"]) == sorted([a["id"], c["id"]])
    assert_problem(client.delete(f"{url}/{b['id']}", headers=staff), 404, "not_found")
    got = client.get(f"{ACTIVITIES}/{activity['id']}", headers=staff).json()
    assert got["attendee_ids"] == [a["id"], c["id"]]
    assert got["attendee_count"] == 2 and got["version"] == 3

    # Re-adding a removed attendee makes a new record; the old one stays deleted.
    client.post(url, json={"person_ids": [b["id"]]}, headers=staff)
    assert len(records(db, activity["id"])) == 3
    assert len(records(db, activity["id"], live=False)) == 4


def test_moving_the_day_and_the_type_moves_the_records(client, world, db):
    staff = world.as_("staff")
    kid, other = (create_person(client, staff, world.village) for _ in range(2))
    activity = create_activity(client, staff, world.village, [kid, other])
    url = f"{ACTIVITIES}/{activity['id']}"
    before = {r["id"] for r in records(db, activity["id"])}

    moved = client.patch(
        url,
        json={"held_on": day(-10).isoformat(), "service_type": "safety_education"},
        headers={**staff, "If-Match": '"1"'},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["version"] == 2 and moved.json()["service_type"] == "safety_education"
    rows = records(db, activity["id"])
    assert {r["id"] for r in rows} == before  # moved, not replaced
    assert {(r["service_type"], r["delivered_on"]) for r in rows} == {
        ("safety_education", day(-10))
    }

    stale = client.patch(url, json={"title": "改"}, headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    future = client.patch(url, json={"held_on": day(1).isoformat()}, headers=staff)
    assert_problem(future, 422, "date_in_future")
    unknown = client.patch(url, json={"service_type": "no_such_type"}, headers=staff)
    assert_problem(unknown, 422, "invalid_service_type")
    # A type that does not serve children: every attendee is refused, nothing moves.
    refused = client.patch(url, json={"service_type": "medicine_delivery"}, headers=staff)
    problem = assert_problem(refused, 422, "attendee_not_eligible")
    assert sorted(problem["ineligible_ids"]) == sorted([kid["id"], other["id"]])
    assert {r["service_type"] for r in records(db, activity["id"])} == {"safety_education"}
    null = client.patch(url, json={"title": None}, headers=staff)
    assert_problem(null, 422, "validation_error")


def test_patch_of_attendee_ids_replaces_them(client, world, db):
    staff = world.as_("staff")
    a, b, c = (create_person(client, staff, world.village) for _ in range(3))
    activity = create_activity(client, staff, world.village, [a, b], anonymous_attendees=1)
    url = f"{ACTIVITIES}/{activity['id']}"
    # Same number of attendees, other persons: still a new version.
    swapped = client.patch(url, json={"attendee_ids": [a["id"], c["id"]]}, headers=staff)
    assert swapped.status_code == 200, swapped.text
    assert swapped.json()["attendee_ids"] == [a["id"], c["id"]]
    assert swapped.json()["version"] == 2 and swapped.json()["attendee_count"] == 3
    assert record_persons(db, activity["id"]) == sorted([a["id"], c["id"]])
    same = client.patch(url, json={"attendee_ids": [c["id"], a["id"]]}, headers=staff)
    assert same.json()["version"] == 2  # the same set: nothing changed
    fewer = client.patch(url, json={"anonymous_attendees": 0, "attendee_ids": []}, headers=staff)
    assert fewer.json()["attendee_count"] == 0 and fewer.json()["attendee_ids"] == []
    assert records(db, activity["id"]) == []


def test_delete_takes_the_records_with_it(client, world, db):
    staff = world.as_("staff")
    kid = create_person(client, staff, world.village)
    activity = create_activity(client, staff, world.village, [kid])
    url = f"{ACTIVITIES}/{activity['id']}"
    assert_problem(
        client.delete(url, headers={**staff, "If-Match": '"7"'}), 412, "precondition_failed"
    )
    assert len(records(db, activity["id"])) == 1
    assert client.delete(url, headers={**staff, "If-Match": '"1"'}).status_code == 204
    assert records(db, activity["id"]) == []
    assert len(records(db, activity["id"], live=False)) == 1
    assert_problem(client.get(url, headers=staff), 404, "not_found")
    assert_problem(client.delete(url, headers=staff), 404, "not_found")
    listed = client.get(ACTIVITIES, headers=staff).json()["items"]
    assert activity["id"] not in {a["id"] for a in listed}


def test_put_creates_then_replaces(client, world, db):
    activity_id = new_id()
    staff = world.as_("staff")
    a, b = (create_person(client, staff, world.village) for _ in range(2))
    url = f"{ACTIVITIES}/{activity_id}"
    body = activity_body(world.village, [a])
    created = client.put(url, json=body, headers=staff)
    assert created.status_code == 201, created.text
    assert created.headers["Location"] == url and created.json()["id"] == activity_id
    retried = client.put(url, json=body, headers=staff)
    assert retried.status_code == 200 and retried.json()["version"] == 1  # a safe retry

    replaced = client.put(
        url,
        json={**body, "attendee_ids": [b["id"]], "held_on": day(-1).isoformat()},
        headers={**staff, "If-Match": '"1"'},
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["attendee_ids"] == [b["id"]] and replaced.json()["version"] == 2
    rows = records(db, activity_id)
    assert [(str(r["person_id"]), r["delivered_on"]) for r in rows] == [(b["id"], day(-1))]
    stale = client.put(url, json=body, headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    fresh = client.put(f"{ACTIVITIES}/{new_id()}", json=body, headers={**staff, "If-Match": '"1"'})
    assert_problem(fresh, 412, "precondition_failed")


def test_idempotency_key_replays_the_creation(client, world, db):
    staff = world.as_("staff")
    kid = create_person(client, staff, world.village)
    body = activity_body(world.village, [kid])
    headers = {**staff, "Idempotency-Key": '"act-1"'}
    first = client.post(ACTIVITIES, json=body, headers=headers)
    second = client.post(ACTIVITIES, json=body, headers={**staff, "Idempotency-Key": "act-1"})
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert count(db, activity_t) == 1 and count(db, service_record_t) == 1
    other = client.post(ACTIVITIES, json={**body, "title": "别的"}, headers=headers)
    assert_problem(other, 422, "idempotency_key_reused")


def test_fields_are_checked(client, world):
    staff = world.as_("staff")
    cases = [
        ({"held_on": (today() + timedelta(days=1)).isoformat()}, "date_in_future"),
        ({"service_type": "no_such_type"}, "invalid_service_type"),
        ({"region_id": str(world.other_village.id)}, "invalid_region"),  # outside the area
        ({"region_id": str(world.county.id)}, "invalid_region"),  # not a village or township
        ({"organization_id": str(world.huangtun.id)}, "invalid_organization"),
    ]
    for extra, code in cases:
        response = client.post(
            ACTIVITIES, json=activity_body(world.village, **extra), headers=staff
        )
        assert_problem(response, 422, code)
    negative = client.post(
        ACTIVITIES, json=activity_body(world.village, anonymous_attendees=-1), headers=staff
    )
    assert negative.status_code == 422
    township = client.post(
        ACTIVITIES,
        json=activity_body(world.huangtun, organization_id=str(world.police.id)),
        headers=staff,
    )
    assert township.status_code == 201, township.text
    assert township.json()["organization_id"] == str(world.police.id)


def test_writes_are_audited(client, world):
    staff, admin = world.as_("staff"), world.as_("admin")
    kid = create_person(client, staff, world.village)
    activity = create_activity(client, staff, world.village, [kid])
    client.patch(f"{ACTIVITIES}/{activity['id']}", json={"title": "新标题"}, headers=staff)
    events = client.get(
        f"{API_AUDIT}", params={"resource_id": activity["id"]}, headers=admin
    ).json()["items"]
    assert {e["action"] for e in events} == {"activity.create", "activity.update"}
    person_events = client.get(
        f"{API_AUDIT}", params={"resource_type": "service_record"}, headers=admin
    ).json()["items"]
    assert any(e["action"] == "service_record.create" for e in person_events)


API_AUDIT = "/api/v1/audit-events"


def test_an_attendee_deleted_from_the_register_can_be_dropped(client, world, db):
    staff = world.as_("staff")
    kid, gone = (create_person(client, staff, world.village) for _ in range(2))
    activity = create_activity(client, staff, world.village, [kid, gone])
    deleted = client.delete(f"/api/v1/persons/{gone['id']}", headers=world.as_("admin"))
    assert deleted.status_code == 204, deleted.text
    url = f"{ACTIVITIES}/{activity['id']}"
    moved = client.patch(url, json={"held_on": day(-4).isoformat()}, headers=staff)
    problem = assert_problem(moved, 422, "attendee_not_eligible")
    assert problem["ineligible_ids"] == [gone["id"]]
    assert client.delete(f"{url}/attendees/{gone['id']}", headers=staff).status_code == 204
    assert record_persons(db, activity["id"]) == [kid["id"]]
    moved = client.patch(url, json={"held_on": day(-4).isoformat()}, headers=staff)
    assert moved.status_code == 200, moved.text

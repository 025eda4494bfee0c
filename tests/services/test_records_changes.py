"""PUT, PATCH and DELETE /service-records: create-or-replace, If-Match, the rules checked
again on a change, the fixed person, soft delete, and records an activity or wish manages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from liushou.clock import today
from tests.conftest import new_id
from tests.registry.factories import exit_
from tests.services.records_helpers import (
    RECORDS,
    assert_problem,
    audit_events,
    create_person,
    days_ago,
    list_all,
    made_by,
    record_body,
    recorded,
)


@pytest.fixture
def child(client, world):
    return create_person(client, world.as_("staff"), world.community, "child")


def test_put_creates_then_replaces(client, world, child):
    staff = world.as_("staff")
    record_id = new_id()
    url = f"{RECORDS}/{record_id}"

    created = client.put(url, json=record_body(child), headers=staff)
    assert created.status_code == 201, created.text
    assert created.json()["id"] == record_id and created.headers["Location"] == url
    retry = client.put(url, json=record_body(child), headers=staff)
    assert retry.status_code == 200 and retry.json() == created.json()

    replaced = client.put(
        url,
        json=record_body(child, "psychological_counseling", quantity=3),
        headers={**staff, "If-Match": '"1"'},
    )

    assert replaced.status_code == 200, replaced.text
    body = replaced.json()
    assert body["service_type"] == "psychological_counseling" and body["quantity"] == 3
    assert body["program"] == "counseling" and body["version"] == 2
    assert replaced.headers["ETag"] == '"2"'
    stale = client.put(url, json=record_body(child), headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    assert client.get(url, headers=staff).json()["version"] == 2
    absent = client.put(
        f"{RECORDS}/{new_id()}", json=record_body(child), headers={**staff, "If-Match": '"1"'}
    )
    assert_problem(absent, 412, "precondition_failed")
    actions = [e["action"] for e in audit_events(client, world.as_("admin"), record_id)]
    assert actions == ["service_record.create", "service_record.update"]


def test_the_person_is_fixed(client, world, child):
    staff = world.as_("staff")
    other = create_person(client, staff, world.community, "child", name="王小红")
    made = recorded(client, staff, child)
    url = f"{RECORDS}/{made['id']}"

    put = client.put(url, json=record_body(other), headers=staff)
    assert_problem(put, 422, "immutable_field")
    patch = client.patch(url, json={"person_id": other["id"]}, headers=staff)
    assert_problem(patch, 422, "immutable_field")
    assert client.patch(url, json={"person_id": child["id"]}, headers=staff).status_code == 200
    assert_problem(
        client.patch(url, json={"delivered_on": None}, headers=staff), 422, "validation_error"
    )


def test_patch_checks_again_what_it_changes(client, world, child):
    staff = world.as_("staff")
    made = recorded(client, staff, child, delivered_on=days_ago(20))
    url = f"{RECORDS}/{made['id']}"

    assert_problem(
        client.patch(url, json={"service_type": "juggling"}, headers=staff),
        422,
        "invalid_service_type",
    )
    assert_problem(
        client.patch(url, json={"service_type": "medicine_delivery"}, headers=staff),
        422,
        "service_not_for_category",
    )
    future = client.patch(
        url, json={"delivered_on": str(today() + timedelta(days=2))}, headers=staff
    )
    assert_problem(future, 422, "date_in_future")
    early = client.patch(url, json={"delivered_on": str(days_ago(600))}, headers=staff)
    assert_problem(early, 422, "person_not_active")
    assert_problem(
        client.patch(url, json={"provider_organization_id": new_id()}, headers=staff),
        422,
        "invalid_organization",
    )
    assert_problem(
        client.patch(url, json={"caretaker_id": new_id()}, headers=staff), 422, "invalid_caretaker"
    )
    assert client.get(url, headers=staff).json()["version"] == 1

    # What does not change is not checked again: the person has since left.
    exit_(client, staff, child, days_ago(5))
    notes = client.patch(url, json={"notes": "补记"}, headers={**staff, "If-Match": '"1"'})
    assert notes.status_code == 200, notes.text
    assert notes.json()["notes"] == "补记" and notes.json()["version"] == 2
    moved = client.patch(url, json={"delivered_on": str(days_ago(3))}, headers=staff)
    assert_problem(moved, 422, "person_not_active")
    same = client.patch(url, json={"notes": "补记"}, headers=staff)
    assert same.status_code == 200 and same.json()["version"] == 2
    stale = client.patch(url, json={"notes": "x"}, headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")


def test_delete_is_soft_and_the_record_vanishes(client, world, child):
    staff = world.as_("staff")
    kept = recorded(client, staff, child)
    gone = recorded(client, staff, child)
    url = f"{RECORDS}/{gone['id']}"

    assert_problem(
        client.delete(url, headers={**staff, "If-Match": '"9"'}), 412, "precondition_failed"
    )
    assert client.delete(url, headers={**staff, "If-Match": '"1"'}).status_code == 204

    assert client.get(url, headers=staff).status_code == 404
    assert [r["id"] for r in list_all(client, RECORDS, staff, person_id=child["id"])] == [
        kept["id"]
    ]
    assert client.delete(url, headers=staff).status_code == 404
    assert client.patch(url, json={"notes": "x"}, headers=staff).status_code == 404
    assert_problem(client.put(url, json=record_body(child), headers=staff), 409, "resource_deleted")
    actions = [e["action"] for e in audit_events(client, world.as_("admin"), gone["id"])]
    assert actions == ["service_record.create", "service_record.delete"]


@pytest.mark.parametrize("wish", [False, True])
def test_records_of_an_activity_or_a_wish_change_only_through_it(client, world, db, child, wish):
    staff = world.as_("staff")
    made = recorded(
        client, staff, child, service_type="micro_wish" if wish else "after_school_class"
    )
    owner_id = made_by(db, made["id"], world, wish=wish)
    url = f"{RECORDS}/{made['id']}"

    read = client.get(url, headers=staff).json()
    assert read["wish_id" if wish else "activity_id"] == owner_id
    body = assert_problem(
        client.patch(url, json={"notes": "x"}, headers=staff), 409, "managed_by_activity"
    )
    assert body["wish_id" if wish else "activity_id"] == owner_id
    put = client.put(url, json=record_body(child, read["service_type"]), headers=staff)
    assert_problem(put, 409, "managed_by_activity")
    assert_problem(client.delete(url, headers=staff), 409, "managed_by_activity")
    assert client.get(url, headers=staff).json() == read
    if not wish:
        listed = list_all(client, RECORDS, staff, activity_id=owner_id)
        assert [r["id"] for r in listed] == [made["id"]]

"""POST /service-records: the body, the §6 rules and their codes, idempotency, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from liushou.clock import today
from tests.conftest import new_id as fresh
from tests.registry.factories import exit_
from tests.services.records_helpers import (
    RECORDS,
    TYPES,
    assert_problem,
    audit_events,
    create_caretaker,
    create_person,
    days_ago,
    record,
    record_body,
    recorded,
    type_body,
)


@pytest.fixture
def child(client, world):
    return create_person(client, world.as_("staff"), world.community, "child")


def test_record_a_service(client, world, child):
    staff = world.as_("staff")
    caretaker = create_caretaker(client, staff, world.community)

    response = record(
        client,
        staff,
        child,
        service_type="homework_tutoring",
        quantity=2,
        provider_organization_id=str(world.police.id),
        caretaker_id=caretaker["id"],
        outcome="完成了数学作业",
        notes="下周继续",
    )

    assert response.status_code == 201, response.text
    made = response.json()
    assert response.headers["Location"] == f"{RECORDS}/{made['id']}"
    assert response.headers["ETag"] == '"1"'
    assert made["person_id"] == child["id"] and made["service_type"] == "homework_tutoring"
    assert made["program"] == "education" and made["service_type_name_zh"] == "课业辅导"
    assert made["delivered_on"] == days_ago(1).isoformat() and made["quantity"] == 2
    assert made["provider_organization_id"] == str(world.police.id)
    assert made["caretaker_id"] == caretaker["id"]
    assert made["activity_id"] is None and made["wish_id"] is None
    assert made["outcome"] == "完成了数学作业" and made["notes"] == "下周继续"
    assert made["created_by"] == "u_staff" and made["version"] == 1
    read = client.get(f"{RECORDS}/{made['id']}", headers=staff)
    assert read.status_code == 200 and read.json() == made
    assert read.headers["ETag"] == '"1"'
    [event] = audit_events(client, world.as_("admin"), made["id"])
    assert event["action"] == "service_record.create"
    assert "quantity" in event["changed_fields"]


def test_quantity_defaults_to_one_and_today_is_fine(client, world, child):
    made = recorded(client, world.as_("staff"), child, delivered_on=today())
    assert made["quantity"] == 1 and made["delivered_on"] == today().isoformat()


def test_an_unknown_or_deleted_type_is_invalid(client, world, child):
    staff = world.as_("staff")
    assert_problem(
        record(client, staff, child, service_type="juggling"), 422, "invalid_service_type"
    )
    admin = world.as_("admin")
    kite = type_body("kite_day", name_zh="放风筝", program="education", categories=["child"])
    made = client.post(TYPES, json=kite, headers=admin).json()
    assert recorded(client, staff, child, service_type="kite_day")["program"] == "education"
    assert client.delete(f"{TYPES}/{made['id']}", headers=admin).status_code == 204
    assert_problem(
        record(client, staff, child, service_type="kite_day"), 422, "invalid_service_type"
    )


@pytest.mark.parametrize(
    ("category", "service_type"),
    [
        ("child", "reproductive_health_counseling"),
        ("child", "medicine_delivery"),
        ("elder", "micro_wish"),
        ("woman", "after_school_class"),
        ("elder", "job_placement"),
    ],
)
def test_a_type_not_for_the_category(client, world, category, service_type):
    staff = world.as_("staff")
    person = create_person(client, staff, world.community, category)
    response = record(client, staff, person, service_type=service_type)
    body = assert_problem(response, 422, "service_not_for_category")
    assert body["errors"][0]["loc"] == ["body", "service_type"]


def test_not_in_the_future(client, world, child):
    response = record(client, world.as_("staff"), child, delivered_on=today() + timedelta(days=1))
    body = assert_problem(response, 422, "date_in_future")
    assert body["errors"][0]["loc"] == ["body", "delivered_on"]


def test_the_person_must_be_on_the_register_that_day(client, world, child):
    staff = world.as_("staff")
    before = record(client, staff, child, delivered_on=days_ago(501))
    assert_problem(before, 422, "person_not_active")
    assert record(client, staff, child, delivered_on=days_ago(500)).status_code == 201
    exit_(client, staff, child, days_ago(10))
    assert_problem(
        record(client, staff, child, delivered_on=days_ago(10)), 422, "person_not_active"
    )
    assert_problem(record(client, staff, child, delivered_on=today()), 422, "person_not_active")
    assert record(client, staff, child, delivered_on=days_ago(11)).status_code == 201


def test_unknown_references_are_422(client, world, child):
    staff = world.as_("staff")

    org = record(client, staff, child, provider_organization_id=fresh())
    assert_problem(org, 422, "invalid_organization")
    caretaker = record(client, staff, child, caretaker_id=fresh())
    assert_problem(caretaker, 422, "invalid_caretaker")
    # A caretaker of another township is not one this staff may name.
    elsewhere = create_caretaker(client, world.as_("admin"), world.other_village)
    assert_problem(
        record(client, staff, child, caretaker_id=elsewhere["id"]), 422, "invalid_caretaker"
    )
    assert_problem(record(client, staff, {"id": fresh()}), 404, "not_found")


@pytest.mark.parametrize(
    "change",
    [
        {"quantity": 0},
        {"quantity": -1},
        {"quantity": "two"},
        {"delivered_on": "2026-13-01"},
        {"delivered_on": "yesterday"},
        {"activity_id": "00000000-0000-0000-0000-000000000001"},
        {"wish_id": "00000000-0000-0000-0000-000000000001"},
        {"service_type": ""},
        {"person_id": "not-a-uuid"},
        {"notes": "x" * 2001},
        {"outcome": "a\x00b"},
    ],
)
def test_malformed_bodies_are_422(client, world, child, change):
    response = client.post(RECORDS, json=record_body(child, **change), headers=world.as_("staff"))
    assert_problem(response, 422, "validation_error")


def test_an_idempotency_key_replays_the_first_answer(client, world, child):
    staff = {**world.as_("staff"), "Idempotency-Key": '"rec-1"'}

    first = record(client, staff, child)
    again = record(client, {**staff, "Idempotency-Key": "rec-1"}, child)
    other = record(client, staff, child, quantity=3)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"
    assert_problem(other, 422, "idempotency_key_reused")

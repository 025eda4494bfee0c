"""/legal-activities with a person: the person's service record, written and kept in step
in the same transaction, and the person rules."""

from __future__ import annotations

import uuid

import pytest

from tests.legal.activity_helpers import (
    LEGAL_ACTIVITIES,
    PERSONS,
    SERVICE_RECORDS,
    activity_body,
    assert_problem,
    audit_events,
    count,
    create_person,
    created,
    day,
    legal_activity_t,
    legal_fixture,  # noqa: F401 - the fixture `legal`
    person_body,
    post,
    records_of,
    service_record_t,
)


@pytest.mark.parametrize(
    ("type_", "service_type"),
    [
        ("consultation", "legal_consultation"),
        ("mediation", "rights_protection"),
        ("petition_assistance", "rights_protection"),
        ("case_representation", "rights_protection"),
    ],
)
def test_a_matter_for_a_person_records_its_service(client, world, legal, db, type_, service_type):
    staff = world.as_("staff")
    elder = create_person(client, staff, world.village, "elder")

    activity = created(
        client, staff, legal.advisor, world.village, type=type_, person_id=elder["id"]
    )

    assert activity["person_id"] == elder["id"]
    (record,) = records_of(db, activity["id"])
    assert record["person_id"] == uuid.UUID(elder["id"])
    assert record["service_type"] == service_type
    assert record["delivered_on"] == day(-3)
    assert record["quantity"] == 1 and record["created_by"] == "u_staff"
    assert record["provider_organization_id"] == legal.firm.id
    assert record["activity_id"] is None and record["wish_id"] is None
    shown = client.get(f"{SERVICE_RECORDS}/{record['id']}", headers=staff)
    assert shown.status_code == 200, shown.text
    assert shown.json()["service_type"] == service_type
    events = [e["action"] for e in audit_events(client, world.as_("admin"), str(record["id"]))]
    assert events == ["service_record.create"]


@pytest.mark.parametrize(
    "type_",
    [
        "publicity",
        "lecture",
        "document_drafting",
        "document_review",
        "governance_opinion",
        "legal_aid_referral",
        "other",
    ],
)
def test_other_types_record_no_service(client, world, legal, db, type_):
    staff = world.as_("staff")
    child = create_person(client, staff, world.village)

    activity = created(
        client, staff, legal.advisor, world.village, type=type_, person_id=child["id"]
    )

    assert activity["person_id"] == child["id"]
    assert records_of(db, activity["id"]) == []


def test_no_person_no_record(client, world, legal, db):
    activity = created(client, world.as_("staff"), legal.advisor, world.village)
    assert records_of(db, activity["id"]) == []
    assert count(db, service_record_t) == 0


def test_changing_the_type_moves_deletes_and_writes_the_record_again(client, world, legal, db):
    staff = world.as_("staff")
    woman = create_person(client, staff, world.village, "woman")
    activity = created(client, staff, legal.advisor, world.village, person_id=woman["id"])
    url = f"{LEGAL_ACTIVITIES}/{activity['id']}"
    (first,) = records_of(db, activity["id"])

    mediation = client.patch(url, json={"type": "mediation"}, headers=staff)
    (moved,) = records_of(db, activity["id"])
    lecture = client.patch(url, json={"type": "lecture"}, headers=staff)
    none_left = records_of(db, activity["id"])
    consultation = client.patch(url, json={"type": "consultation"}, headers=staff)
    (again,) = records_of(db, activity["id"])

    assert mediation.status_code == 200, mediation.text
    assert moved["id"] == first["id"] and moved["service_type"] == "rights_protection"
    assert moved["version"] == 2
    assert lecture.status_code == 200 and none_left == []
    assert consultation.status_code == 200
    assert again["id"] != first["id"] and again["service_type"] == "legal_consultation"
    assert len(records_of(db, activity["id"], live=False)) == 2
    events = [e["action"] for e in audit_events(client, world.as_("admin"), str(first["id"]))]
    assert events == ["service_record.create", "service_record.update", "service_record.delete"]


def test_changing_the_day_moves_the_record(client, world, legal, db):
    staff = world.as_("staff")
    child = create_person(client, staff, world.village)
    activity = created(client, staff, legal.advisor, world.village, person_id=child["id"])

    moved = client.patch(
        f"{LEGAL_ACTIVITIES}/{activity['id']}",
        json={"held_on": day(-10).isoformat()},
        headers=staff,
    )

    assert moved.status_code == 200, moved.text
    (record,) = records_of(db, activity["id"])
    assert record["delivered_on"] == day(-10)


def test_changing_the_person_writes_the_new_persons_record(client, world, legal, db):
    staff = world.as_("staff")
    one, two = (create_person(client, staff, world.village) for _ in range(2))
    activity = created(client, staff, legal.advisor, world.village, person_id=one["id"])
    url = f"{LEGAL_ACTIVITIES}/{activity['id']}"
    (first,) = records_of(db, activity["id"])

    swapped = client.patch(url, json={"person_id": two["id"]}, headers=staff)
    (second,) = records_of(db, activity["id"])
    cleared = client.patch(url, json={"person_id": None}, headers=staff)

    assert swapped.status_code == 200, swapped.text
    assert second["person_id"] == uuid.UUID(two["id"]) and second["id"] != first["id"]
    assert cleared.status_code == 200 and cleared.json()["person_id"] is None
    assert records_of(db, activity["id"]) == []
    assert len(records_of(db, activity["id"], live=False)) == 2


def test_put_keeps_the_record_in_step(client, world, legal, db):
    staff = world.as_("staff")
    child = create_person(client, staff, world.village)
    url = f"{LEGAL_ACTIVITIES}/{uuid.uuid4()}"
    body = activity_body(legal.advisor, world.village, person_id=child["id"])

    assert client.put(url, json=body, headers=staff).status_code == 201
    (record,) = records_of(db, url.rsplit("/", 1)[1])
    assert client.put(url, json=body, headers=staff).status_code == 200
    assert records_of(db, url.rsplit("/", 1)[1]) == [record]  # a retry touches nothing
    without = {k: v for k, v in body.items() if k != "person_id"}
    assert client.put(url, json=without, headers=staff).status_code == 200
    assert records_of(db, url.rsplit("/", 1)[1]) == []


def test_deleting_the_activity_deletes_its_record(client, world, legal, db):
    staff = world.as_("staff")
    child = create_person(client, staff, world.village)
    activity = created(client, staff, legal.advisor, world.village, person_id=child["id"])
    (record,) = records_of(db, activity["id"])

    deleted = client.delete(f"{LEGAL_ACTIVITIES}/{activity['id']}", headers=staff)

    assert deleted.status_code == 204, deleted.text
    assert records_of(db, activity["id"]) == []
    (gone,) = records_of(db, activity["id"], live=False)
    assert gone["deleted_at"] is not None
    assert_problem(client.get(f"{SERVICE_RECORDS}/{record['id']}", headers=staff), 404, "not_found")


def test_the_record_changes_only_through_the_activity(client, world, legal, db):
    staff = world.as_("staff")
    child = create_person(client, staff, world.village)
    activity = created(client, staff, legal.advisor, world.village, person_id=child["id"])
    (record,) = records_of(db, activity["id"])
    url = f"{SERVICE_RECORDS}/{record['id']}"
    body = {
        "person_id": child["id"],
        "service_type": "legal_consultation",
        "delivered_on": day(-1).isoformat(),
    }

    for response in (
        client.patch(url, json={"notes": "改"}, headers=staff),
        client.put(url, json=body, headers=staff),
        client.delete(url, headers=staff),
    ):
        problem = assert_problem(response, 409, "managed_by_activity")
        assert problem["legal_activity_id"] == activity["id"]
    assert records_of(db, activity["id"])[0]["version"] == 1


def test_the_person_must_be_one_the_caller_may_refer_to(client, world, legal, db):
    staff = world.as_("staff")
    elsewhere = create_person(client, world.as_("other_staff"), world.other_village)

    unknown = post(client, staff, legal.advisor, world.village, person_id=str(uuid.uuid4()))
    hidden = post(client, staff, legal.advisor, world.village, person_id=elsewhere["id"])

    problem = assert_problem(unknown, 422, "invalid_person")
    assert problem["errors"][0]["loc"] == ["body", "person_id"]
    assert_problem(hidden, 422, "invalid_person")
    assert count(db, legal_activity_t) == 0 and count(db, service_record_t) == 0


def test_the_person_lives_in_the_village(client, world, legal, db):
    staff = world.as_("staff")
    neighbour = create_person(client, staff, world.community)  # same township, other village

    response = post(client, staff, legal.advisor, world.village, person_id=neighbour["id"])
    activity = created(client, staff, legal.advisor, world.community, person_id=neighbour["id"])
    moved = client.patch(
        f"{LEGAL_ACTIVITIES}/{activity['id']}",
        json={"region_id": str(world.village.id)},
        headers=staff,
    )

    assert_problem(response, 422, "person_outside_village")
    assert_problem(moved, 422, "person_outside_village")
    assert count(db, legal_activity_t) == 1 and count(db, service_record_t) == 1


def test_the_person_is_on_the_register_that_day(client, world, legal, db):
    staff = world.as_("staff")
    body = {**person_body(world.village), "left_behind_since": day(-5).isoformat()}
    late = client.post(PERSONS, json=body, headers=staff).json()

    before = post(
        client,
        staff,
        legal.advisor,
        world.village,
        person_id=late["id"],
        held_on=day(-10).isoformat(),
    )
    since = created(
        client,
        staff,
        legal.advisor,
        world.village,
        person_id=late["id"],
        held_on=day(-5).isoformat(),
    )
    moved = client.patch(
        f"{LEGAL_ACTIVITIES}/{since['id']}", json={"held_on": day(-6).isoformat()}, headers=staff
    )
    exited = client.post(
        f"{PERSONS}/{late['id']}/exit",
        json={"exited_on": day(-1).isoformat(), "exit_reason": "parents_returned"},
        headers=staff,
    )
    # Left the register since: the activity stays editable where it does not touch the person.
    summary = client.patch(
        f"{LEGAL_ACTIVITIES}/{since['id']}", json={"summary": "补记"}, headers=staff
    )

    problem = assert_problem(before, 422, "person_not_active")
    assert problem["errors"][0]["loc"] == ["body", "person_id"]
    assert_problem(moved, 422, "person_not_active")
    assert exited.status_code == 200, exited.text
    assert summary.status_code == 200, summary.text
    (record,) = records_of(db, since["id"])
    assert record["delivered_on"] == day(-5)


def test_a_failed_change_writes_nothing(client, world, legal, db):
    staff = world.as_("staff")
    child = create_person(client, staff, world.village)
    activity = created(client, staff, legal.advisor, world.village, person_id=child["id"])
    url = f"{LEGAL_ACTIVITIES}/{activity['id']}"

    refused = client.patch(
        url, json={"type": "mediation", "held_on": day(-900).isoformat()}, headers=staff
    )

    assert_problem(refused, 422, "village_not_under_contract")
    (record,) = records_of(db, activity["id"])
    assert record["service_type"] == "legal_consultation" and record["version"] == 1
    assert client.get(url, headers=staff).json()["version"] == 1

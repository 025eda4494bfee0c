"""POST and PUT /referrals: the body, defaults, bad input, idempotency and who may create."""

from __future__ import annotations

import uuid

import pytest

from liushou.regions.models import OrganizationType
from tests.conftest import new_id
from tests.referrals.helpers import (
    PERSON_MIN_KEYS,
    PERSONS,
    REFERRALS,
    assert_problem,
    audit_rows,
    count_rows,
    create_person,
    day,
    make_org,
    move,
    refer,
    referral_body,
    referred,
)


@pytest.fixture
def child(client, world):
    return create_person(client, world.as_("staff"), world.community)


def test_create_a_dv_report_to_the_police(client, world, db, child):
    staff = world.as_("staff")

    response = refer(client, staff, child, world.police, network="rights_protection")

    assert response.status_code == 201, response.text
    referral = response.json()
    assert response.headers["Location"] == f"/api/v1/referrals/{referral['id']}"
    assert response.headers["ETag"] == '"1"'
    assert referral["status"] == "open" and referral["version"] == 1
    assert referral["type"] == "dv_report" and referral["legal_basis"] == "statutory_duty"
    assert referral["network"] == "rights_protection"
    assert referral["urgency"] == "normal"
    assert referral["due_on"] == day(14).isoformat()
    assert referral["overdue"] is False
    assert referral["created_by"] == "u_staff"
    assert referral["need"].startswith("邻居反映")
    assert set(referral["person"]) == PERSON_MIN_KEYS
    assert referral["person"]["id"] == child["id"]
    assert referral["person"]["name"] == child["name"]
    assert referral["person"]["age"] == child["age"]
    assert referral["person"]["village"] == {"id": str(world.community.id), "name": "金色嘉苑社区"}
    assert referral["person"]["phone_masked"] == child["phone_masked"]
    [step] = referral["timeline"]
    assert step["from_status"] is None and step["to_status"] == "open"
    assert step["by"] == "u_staff" and step["note"] is None
    # GET answers the same body.
    read = client.get(f"{REFERRALS}/{referral['id']}", headers=staff)
    assert read.status_code == 200 and read.json() == referral
    assert read.headers["ETag"] == '"1"'
    [event] = audit_rows(db, action="referral.create")
    assert event["resource_id"] == referral["id"] and event["actor_name"] == "u_staff"
    assert event["detail"]["to_organization_id"] == str(world.police.id)
    assert event["detail"]["person_id"] == child["id"]


def test_due_on_defaults_by_urgency_and_is_configurable(client, world, child, app):
    staff = world.as_("staff")
    assert referred(client, staff, child, world.police)["due_on"] == day(14).isoformat()
    urgent = referred(client, staff, child, world.police, urgency="urgent")
    assert urgent["due_on"] == day(1).isoformat()
    given = referred(client, staff, child, world.police, due_on=day(3).isoformat())
    assert given["due_on"] == day(3).isoformat()
    today_ = referred(client, staff, child, world.police, due_on=day(0).isoformat())
    assert today_["due_on"] == day(0).isoformat() and today_["overdue"] is False

    app.state.settings.referral_due_normal_days = 30
    app.state.settings.referral_due_urgent_days = 0
    assert referred(client, staff, child, world.police)["due_on"] == day(30).isoformat()
    later = referred(client, staff, child, world.police, urgency="urgent")
    assert later["due_on"] == day(0).isoformat()


def test_due_on_in_the_past_is_refused(client, world, db, child):
    response = refer(client, world.as_("staff"), child, world.police, due_on=day(-1).isoformat())

    body = assert_problem(response, 422, "date_in_past")
    assert body["errors"][0]["loc"] == ["body", "due_on"]
    assert count_rows(db, "referral") == 0


def test_idempotent_create_replays_the_first_answer(client, world, db, child):
    headers = {**world.as_("staff"), "Idempotency-Key": '"ref-create-1"'}
    body = referral_body(child, world.police)

    first = client.post(REFERRALS, json=body, headers=headers)
    again = client.post(
        REFERRALS, json=body, headers={**headers, "Idempotency-Key": "ref-create-1"}
    )
    other = client.post(REFERRALS, json={**body, "need": "另一件事"}, headers=headers)

    assert first.status_code == 201 and again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Location"] == first.headers["Location"]
    assert_problem(other, 422, "idempotency_key_reused")
    assert count_rows(db, "referral") == 1 and count_rows(db, "referral_transition") == 1


def test_put_creates_with_a_client_chosen_id_and_retries_safely(client, world, db, child):
    staff = world.as_("staff")
    referral_id = new_id()
    body = referral_body(child, world.police)

    created = client.put(f"{REFERRALS}/{referral_id}", json=body, headers=staff)
    retried = client.put(f"{REFERRALS}/{referral_id}", json=body, headers=staff)

    assert created.status_code == 201, created.text
    assert created.json()["id"] == referral_id
    assert created.headers["Location"] == f"/api/v1/referrals/{referral_id}"
    assert retried.status_code == 200 and retried.json() == created.json()
    assert count_rows(db, "referral") == 1

    changed = client.put(
        f"{REFERRALS}/{referral_id}",
        json={**body, "need": "补充：孩子也需要心理疏导。", "urgency": "urgent"},
        headers={**staff, "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == 2 and changed.json()["urgency"] == "urgent"
    assert changed.json()["due_on"] == day(1).isoformat()
    stale = client.put(
        f"{REFERRALS}/{referral_id}", json=body, headers={**staff, "If-Match": '"1"'}
    )
    assert_problem(stale, 412, "precondition_failed")
    moved = client.put(
        f"{REFERRALS}/{referral_id}",
        json={**body, "to_organization_id": str(world.womens_federation.id)},
        headers=staff,
    )
    assert_problem(moved, 422, "immutable_field")
    assert [e["action"] for e in audit_rows(db, resource_id=referral_id)] == [
        "referral.create",
        "referral.update",
    ]


def test_put_on_a_referral_that_moved_on_changes_nothing(client, world, child):
    staff = world.as_("staff")
    referral_id = new_id()
    body = referral_body(child, world.police)
    client.put(f"{REFERRALS}/{referral_id}", json=body, headers=staff)
    assert move(client, staff, {"id": referral_id}, "accepted").status_code == 200

    same = client.put(f"{REFERRALS}/{referral_id}", json=body, headers=staff)
    other = client.put(f"{REFERRALS}/{referral_id}", json={**body, "need": "改"}, headers=staff)

    assert same.status_code == 200 and same.json()["status"] == "accepted"
    assert_problem(other, 409, "referral_not_open")
    assert client.get(f"{REFERRALS}/{referral_id}", headers=staff).json()["need"] == body["need"]


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"type": "gossip"}, ["body", "type"]),
        ({"urgency": "asap"}, ["body", "urgency"]),
        ({"legal_basis": "because"}, ["body", "legal_basis"]),
        ({"network": "internet"}, ["body", "network"]),
        ({"need": ""}, ["body", "need"]),
        ({"need": "x" * 2001}, ["body", "need"]),
        ({"need": "需要\x00帮助"}, ["body", "need"]),
        ({"justification": "理由\x07"}, ["body", "justification"]),
        ({"due_on": "2026-13-01"}, ["body", "due_on"]),
        ({"person_id": "not-a-uuid"}, ["body", "person_id"]),
        ({"surprise": True}, ["body", "surprise"]),
    ],
)
def test_bad_input_is_a_422_and_writes_nothing(client, world, db, child, change, loc):
    response = client.post(
        REFERRALS, json={**referral_body(child, world.police), **change}, headers=world.as_("staff")
    )

    body = assert_problem(response, 422, "validation_error")
    assert loc in [e["loc"] for e in body["errors"]]
    assert count_rows(db, "referral") == 0


def test_missing_need_and_basis_are_reported(client, world, child):
    body = referral_body(child, world.police)
    del body["need"], body["legal_basis"]

    problem = assert_problem(
        client.post(REFERRALS, json=body, headers=world.as_("staff")), 422, "validation_error"
    )
    assert {tuple(e["loc"]) for e in problem["errors"]} >= {
        ("body", "need"),
        ("body", "legal_basis"),
    }


def test_unknown_person_is_404_and_unknown_organization_422(client, world, db, child):
    staff = world.as_("staff")

    nobody = refer(client, staff, {"id": str(uuid.uuid4())}, world.police)
    nowhere = refer(client, staff, child, uuid.uuid4())

    assert_problem(nobody, 404, "not_found")
    body = assert_problem(nowhere, 422, "invalid_organization")
    assert body["errors"][0]["loc"] == ["body", "to_organization_id"]
    assert count_rows(db, "referral") == 0


def test_deleted_organization_is_invalid(client, world, db, child):
    org = make_org(db, world.huangtun, OrganizationType.police_station)
    admin = world.as_("admin")
    assert client.delete(f"/api/v1/organizations/{org.id}", headers=admin).status_code == 204

    assert_problem(refer(client, world.as_("staff"), child, org), 422, "invalid_organization")


def test_network_must_be_one_of_the_organizations(client, world, db, child):
    staff = world.as_("staff")
    # The police station serves rights_protection only.
    mismatch = refer(client, staff, child, world.police, network="education_management")
    body = assert_problem(mismatch, 422, "network_mismatch")
    assert body["errors"][0]["loc"] == ["body", "network"]
    # An organization without networks takes any.
    plain = make_org(db, world.huangtun, OrganizationType.police_station)
    assert refer(client, staff, child, plain, network="social_care").status_code == 201
    assert referred(client, staff, child, world.police)["network"] is None


def test_a_person_outside_the_callers_area_is_404(client, world, db):
    far = create_person(client, world.as_("other_staff"), world.other_village)

    assert_problem(refer(client, world.as_("staff"), far, world.police), 404, "not_found")
    assert_problem(refer(client, world.as_("village"), far, world.police), 404, "not_found")
    assert refer(client, world.as_("other_staff"), far, world.police).status_code == 201
    assert refer(client, world.as_("admin"), far, world.police).status_code == 201


def test_a_village_contact_refers_persons_of_its_village(client, world, child):
    assert refer(client, world.as_("village"), child, world.police).status_code == 201


def test_an_exited_person_gets_no_new_referral(client, world, db, child):
    staff = world.as_("staff")
    exited = client.post(
        f"{PERSONS}/{child['id']}/exit",
        json={"exited_on": day(0).isoformat(), "exit_reason": "parents_returned"},
        headers=staff,
    )
    assert exited.status_code == 200, exited.text

    body = assert_problem(refer(client, staff, child, world.police), 422, "person_not_active")
    assert body["errors"][0]["loc"] == ["body", "person_id"]
    assert count_rows(db, "referral") == 0


@pytest.mark.parametrize("who", ["partner", "auditor"])
def test_partners_and_auditors_cannot_create(client, world, db, child, who):
    response = refer(client, world.as_(who), child, world.police)

    if who == "partner":
        assert_problem(response, 403, "partner_cannot_create")
    else:
        assert_problem(response, 403, "insufficient_scope")
    assert_problem(
        client.put(
            f"{REFERRALS}/{new_id()}",
            json=referral_body(child, world.police),
            headers=world.as_(who),
        ),
        403,
        "partner_cannot_create" if who == "partner" else "insufficient_scope",
    )
    assert count_rows(db, "referral") == 0


@pytest.mark.parametrize("who", ["volunteer", "lawyer"])
def test_roles_without_referral_scopes_are_403(client, world, who):
    assert_problem(client.get(REFERRALS, headers=world.as_(who)), 403, "insufficient_scope")


def test_referral_enums_are_labelled(client, world):
    enums = client.get("/api/v1/meta/enums", headers=world.as_("staff")).json()

    assert [e["code"] for e in enums["referral_status"]] == [
        "open",
        "accepted",
        "in_progress",
        "resolved",
        "declined",
        "cancelled",
    ]
    assert {e["code"] for e in enums["referral_legal_basis"]} == {
        "consent",
        "separate_consent",
        "guardian_consent",
        "statutory_duty",
        "emergency",
    }
    assert enums["referral_type"][0] == {"code": "referral", "label_zh": "转介"}

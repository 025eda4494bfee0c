"""POST /persons/{id}/reveal: who may see clear personal data, and the audit trail of every
attempt, granted or refused (docs/domain.md, docs/privacy.md)."""

from __future__ import annotations

import uuid

import pytest

from tests.auth.helpers import audit_rows
from tests.guardianship.helpers import assigned, create_caretaker
from tests.registry.factories import (
    AUDIT,
    PERSONS,
    assert_problem,
    child_body,
    create,
)

PURPOSE = "联系监护人安排走访"


def _reveal(client, headers, person_id, purpose=PURPOSE):
    return client.post(f"{PERSONS}/{person_id}/reveal", json={"purpose": purpose}, headers=headers)


@pytest.fixture
def registered(client, world):
    """A child of 金色嘉苑社区 (the village contact's community), registered by staff."""
    body = child_body(world.community)
    person = create(client, world.as_("staff"), body)
    contact = create_caretaker(
        client, world.as_("staff"), world.community, user_id=str(world.users["village"].id)
    )
    assigned(client, world.as_("staff"), person, contact)  # the contact reveals its persons
    return person, body


@pytest.mark.parametrize("who", ["admin", "staff", "village"])
def test_reveal_gives_the_clear_values_to_who_may_see_them(client, world, registered, who):
    person, body = registered

    response = _reveal(client, world.as_(who), person["id"])

    assert response.status_code == 200, response.text
    assert response.json() == {
        "id_number": body["id_number"],
        "phone": body["phone"],
        "guardian_phone": body["child_profile"]["guardian_phone"],
    }
    assert response.headers["cache-control"] == "no-store"


def test_reveal_of_a_person_without_personal_data_gives_nulls(client, world):
    body = child_body(
        world.village, id_number=None, phone=None, birth_date="2016-05-01", sex="male"
    )
    body["child_profile"].pop("guardian_phone")
    person = create(client, world.as_("staff"), body)

    response = _reveal(client, world.as_("staff"), person["id"])

    assert response.json() == {"id_number": None, "phone": None, "guardian_phone": None}


# A partner gets 404 there instead (tests/referrals/test_partners.py).
@pytest.mark.parametrize("who", ["auditor", "volunteer", "lawyer"])
def test_roles_without_pii_reveal_get_403(client, world, registered, who):
    person, body = registered

    response = _reveal(client, world.as_(who), person["id"])

    assert_problem(response, 403, "insufficient_scope")
    assert body["id_number"] not in response.text


@pytest.mark.parametrize("who", ["other_staff", "village"])
def test_a_person_outside_the_callers_area_is_404(client, world, who):
    # 东营村: staff's township, but neither 柳行 staff's nor the 金色嘉苑 contact's area
    person = create(client, world.as_("staff"), child_body(world.village))

    assert_problem(_reveal(client, world.as_(who), person["id"]), 404, "not_found")


def test_reveal_of_an_unknown_or_deleted_person_is_404(client, world, registered):
    person, _ = registered
    staff = world.as_("staff")
    assert client.delete(f"{PERSONS}/{person['id']}", headers=staff).status_code == 204

    assert_problem(_reveal(client, staff, person["id"]), 404, "not_found")
    assert_problem(_reveal(client, staff, str(uuid.uuid4())), 404, "not_found")


def test_reveal_needs_a_purpose(client, world, registered):
    person, _ = registered
    staff = world.as_("staff")
    url = f"{PERSONS}/{person['id']}/reveal"

    assert_problem(client.post(url, json={}, headers=staff), 422, "validation_error")
    assert_problem(client.post(url, json={"purpose": " "}, headers=staff), 422, "validation_error")
    assert_problem(
        _reveal(client, world.as_("staff"), person["id"], "x" * 501), 422, "validation_error"
    )


def test_a_reveal_is_audited_with_its_purpose(client, world, db, registered):
    person, body = registered

    _reveal(client, world.as_("village"), person["id"])

    events = client.get(
        AUDIT,
        params={"action": "person.reveal", "resource_id": person["id"]},
        headers=world.as_("admin"),
    ).json()["items"]
    assert len(events) == 1
    [event] = events
    assert event["outcome"] == "success"
    assert event["actor_id"] == str(world.users["village"].id)
    assert event["resource_type"] == "person"
    assert event["detail"]["purpose"] == PURPOSE
    assert event["request_id"]
    rows = audit_rows(db, action="person.reveal")
    assert body["id_number"] not in repr(rows)
    assert body["phone"] not in repr(rows)


@pytest.mark.parametrize("who", ["auditor", "volunteer", "lawyer", "partner", "other_staff"])
def test_a_refused_reveal_is_audited_too(client, world, registered, who):
    person, _ = registered

    response = _reveal(client, world.as_(who), person["id"])
    assert response.status_code in (403, 404)

    events = client.get(
        AUDIT,
        params={"action": "person.reveal", "resource_id": person["id"]},
        headers=world.as_("admin"),
    ).json()["items"]
    assert len(events) == 1, events
    [event] = events
    assert event["outcome"] == "denied"
    assert event["detail"]["purpose"] == PURPOSE
    assert event["actor_name"]
    # a refused reveal reveals nothing, not even what it was refused
    assert not event["changed_fields"]


def test_a_refused_reveal_does_not_block_a_granted_one(client, world, registered):
    person, body = registered
    _reveal(client, world.as_("auditor"), person["id"])

    granted = _reveal(client, world.as_("staff"), person["id"])

    assert granted.json()["id_number"] == body["id_number"]
    outcomes = [
        e["outcome"]
        for e in client.get(
            AUDIT, params={"action": "person.reveal"}, headers=world.as_("admin")
        ).json()["items"]
    ]
    assert sorted(outcomes) == ["denied", "success"]


def test_reveal_without_a_token_is_401(client, registered):
    person, _ = registered
    response = client.post(f"{PERSONS}/{person['id']}/reveal", json={"purpose": PURPOSE})
    assert_problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")

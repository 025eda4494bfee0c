"""Who sees and changes which person: role × route × in/out of the caller's area (docs/domain.md).

The fixture registers three persons: one in 金色嘉苑社区 (the village contact's community,
黄屯街道), one in 东营村 (黄屯街道, not the contact's) and one in 西苑村 (柳行街道).

* admin, auditor: everything (auditor read-only: every write is 403).
* street_staff: its township's subtree; another township's person is 404 on every route.
* village_contact: reads its village only; writes are 403 (no registry:write); reveals only
  the persons actively assigned to it (others of its village: 403, audited as denied).
* volunteer: exactly the persons actively assigned to it (any role), masked; any other
  person is 404 (the same answer as for any person outside one's area, so ids cannot be
  probed). The fixture assigns the volunteer (a companion) and the village contact (the
  primary contact) to the community's person.
* legal_advisor, partner: no registry:read: 403 on every /persons route, except that a
  partner gets 404 on one person's routes, as for an unknown id (docs/domain.md).
"""

from __future__ import annotations

from typing import Any

import pytest

from liushou.clock import today
from tests.guardianship.helpers import ASSIGNMENTS, assigned, create_caretaker, create_person
from tests.http import list_all
from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    create,
    elder_body,
    woman_body,
)

ROLES = ["admin", "auditor", "staff", "other_staff", "village", "volunteer", "lawyer", "partner"]


@pytest.fixture
def persons(client, world) -> dict[str, dict[str, Any]]:
    admin = world.as_("admin")
    persons = {
        "community": create(client, admin, child_body(world.community, name="社区儿童")),
        "village": create(client, admin, elder_body(world.village, name="东营老人")),
        "other": create(client, admin, woman_body(world.other_village, name="西苑妇女")),
    }
    assigned(
        client, admin, persons["community"], _caretaker_of(client, world, "volunteer"), "companion"
    )
    assigned(client, admin, persons["community"], _caretaker_of(client, world, "village"))
    # the assignments changed nothing in the persons' bodies but their alerts
    return {k: client.get(f"{PERSONS}/{p['id']}", headers=admin).json() for k, p in persons.items()}


def _caretaker_of(client, world, who: str) -> dict[str, Any]:
    kind = "volunteer" if who == "volunteer" else "village_cadre"
    return create_caretaker(
        client, world.as_("admin"), world.community, kind, user_id=str(world.users[who].id)
    )


# who -> the persons (fixture keys) it can read
READABLE = {
    "admin": {"community", "village", "other"},
    "auditor": {"community", "village", "other"},
    "staff": {"community", "village"},
    "other_staff": {"other"},
    "village": {"community"},
    "volunteer": {"community"},
}
WRITERS = {
    "admin": {"community", "village", "other"},
    "staff": {"community", "village"},
    "other_staff": {"other"},
}
NO_REGISTRY_SCOPE = {"lawyer", "partner"}
# /persons/{id}... is 404 for a partner: it may not even learn which ids exist.
HIDDEN_FROM = {"partner"}


WHICH = ("community", "village", "other")


def _read_expectation(who: str, which: str) -> int:
    if who in HIDDEN_FROM:
        return 404
    if who in NO_REGISTRY_SCOPE:
        return 403
    return 200 if which in READABLE[who] else 404


def _write_expectation(who: str, which: str) -> int:
    if who in HIDDEN_FROM:
        return 404
    if who not in WRITERS:
        return 403  # auditor, village contact, volunteer: read-only; lawyer, partner: no scope
    return 200 if which in WRITERS[who] else 404


def _check(response, expected: int) -> None:
    if expected == 200:
        assert response.status_code in (200, 204), response.text
    elif expected == 404:
        assert_problem(response, 404, "not_found")
    else:
        assert_problem(response, 403, "insufficient_scope")


@pytest.mark.parametrize("who", ROLES)
def test_list_shows_exactly_the_persons_in_the_callers_area(client, world, persons, who):
    response = client.get(PERSONS, headers=world.as_(who))
    if who in NO_REGISTRY_SCOPE:
        assert_problem(response, 403, "insufficient_scope")
        return
    listed = {p["id"] for p in list_all(client, PERSONS, world.as_(who))}
    assert listed == {persons[k]["id"] for k in READABLE[who]}


@pytest.mark.parametrize("who", ["staff", "village", "volunteer"])
def test_a_region_filter_outside_the_area_finds_nothing(client, world, persons, who):
    listed = list_all(client, PERSONS, world.as_(who), region_id=str(world.liuxing.id))
    assert listed == []


@pytest.mark.parametrize("who", ROLES)
def test_get_one(client, world, persons, who):
    for which in WHICH:
        response = client.get(f"{PERSONS}/{persons[which]['id']}", headers=world.as_(who))
        expected = _read_expectation(who, which)
        _check(response, expected)
        if expected == 200:
            assert response.json() == persons[which]


@pytest.mark.parametrize("who", ROLES)
def test_history(client, world, persons, who):
    for which in WHICH:
        response = client.get(f"{PERSONS}/{persons[which]['id']}/history", headers=world.as_(who))
        _check(response, _read_expectation(who, which))


@pytest.mark.parametrize("who", ROLES)
def test_list_consents(client, world, persons, who):
    for which in WHICH:
        response = client.get(f"{PERSONS}/{persons[which]['id']}/consents", headers=world.as_(who))
        _check(response, _read_expectation(who, which))


@pytest.mark.parametrize("who", ROLES)
def test_patch(client, world, persons, who):
    for which in WHICH:
        person = persons[which]
        response = client.patch(
            f"{PERSONS}/{person['id']}", json={"address": "新地址"}, headers=world.as_(who)
        )
        expected = _write_expectation(who, which)
        _check(response, expected)
        after = client.get(f"{PERSONS}/{person['id']}", headers=world.as_("admin")).json()
        assert (after["address"] == "新地址") == (expected == 200)


@pytest.mark.parametrize("who", ROLES)
def test_put_replace(client, world, persons, who):
    for which in WHICH:
        person = persons[which]
        body = {"child": child_body, "elder": elder_body, "woman": woman_body}[person["category"]](
            person["region_id"],
            id_number=None,
            birth_date=person["birth_date"],
            sex=person["sex"],
            name="改名",
            phone=None,
            address=None,
            left_behind_since=person["left_behind_since"],
        )
        response = client.put(f"{PERSONS}/{person['id']}", json=body, headers=world.as_(who))
        expected = _write_expectation(who, which)
        _check(response, expected)
        after = client.get(f"{PERSONS}/{person['id']}", headers=world.as_("admin")).json()
        assert (after["name"] == "改名") == (expected == 200)


@pytest.mark.parametrize("who", ROLES)
def test_delete(client, world, persons, who):
    for which in WHICH:
        person = persons[which]
        response = client.delete(f"{PERSONS}/{person['id']}", headers=world.as_(who))
        expected = _write_expectation(who, which)
        _check(response, expected)
        still_there = client.get(f"{PERSONS}/{person['id']}", headers=world.as_("admin"))
        assert still_there.status_code == (404 if expected == 200 else 200)


@pytest.mark.parametrize("who", ROLES)
def test_exit(client, world, persons, who):
    for which in WHICH:
        person = persons[which]
        response = client.post(
            f"{PERSONS}/{person['id']}/exit",
            json={"exited_on": person["left_behind_since"], "exit_reason": "other"},
            headers=world.as_(who),
        )
        _check(response, _write_expectation(who, which))


@pytest.mark.parametrize("who", ROLES)
def test_create_consent(client, world, persons, who):
    for which in WHICH:
        person = persons[which]
        response = client.post(
            f"{PERSONS}/{person['id']}/consents",
            json={
                "given_by": "guardian",
                "guardian_name": "王秀兰",
                "recipients": ["womens_federation"],
                "purpose": "转介妇联",
                "given_on": person["left_behind_since"],
            },
            headers=world.as_(who),
        )
        expected = _write_expectation(who, which)
        if expected == 200:
            assert response.status_code == 201, response.text
        else:
            _check(response, expected)


@pytest.mark.parametrize("who", ROLES)
def test_create_in_the_callers_area(client, world, who):
    response = client.post(PERSONS, json=child_body(world.community), headers=world.as_(who))
    if who in ("admin", "staff"):
        assert response.status_code == 201, response.text
    elif who == "other_staff":
        assert_problem(response, 422, "invalid_region")
    else:
        assert_problem(response, 403, "insufficient_scope")


@pytest.mark.parametrize(
    "who, expected",
    [
        ("admin", 200),
        ("staff", 200),
        ("village", 200),
        ("other_staff", 404),
        ("auditor", 403),
        ("volunteer", 403),
        ("lawyer", 403),
        ("partner", 404),
    ],
    ids=lambda v: str(v),
)
def test_reveal_of_the_community_person(client, world, persons, who, expected):
    response = client.post(
        f"{PERSONS}/{persons['community']['id']}/reveal",
        json={"purpose": "走访"},
        headers=world.as_(who),
    )
    _check(response, expected)


def test_a_village_contact_cannot_reveal_another_village_of_its_township(client, world, persons):
    response = client.post(
        f"{PERSONS}/{persons['village']['id']}/reveal",
        json={"purpose": "走访"},
        headers=world.as_("village"),
    )
    assert_problem(response, 404, "not_found")


def _reveal(client, headers, person_id):
    return client.post(f"{PERSONS}/{person_id}/reveal", json={"purpose": "走访"}, headers=headers)


def _reveal_events(client, world, person_id) -> list[dict[str, Any]]:
    return client.get(
        "/api/v1/audit-events",
        params={"action": "person.reveal", "resource_id": person_id},
        headers=world.as_("admin"),
    ).json()["items"]


def test_a_village_contact_reveals_only_the_persons_assigned_to_it(client, world, persons):
    admin, village = world.as_("admin"), world.as_("village")
    unassigned = create_person(client, admin, world.community, name="未包保儿童")

    assert _reveal(client, village, persons["community"]["id"]).status_code == 200
    refused = _reveal(client, village, unassigned["id"])

    assert_problem(refused, 403, "reveal_forbidden")
    [event] = _reveal_events(client, world, unassigned["id"])
    assert event["outcome"] == "denied"
    assert event["detail"]["reason"] == "not_permitted"
    # it still reads the unassigned person of its village (masked)
    assert client.get(f"{PERSONS}/{unassigned['id']}", headers=village).status_code == 200


def test_a_village_contact_no_longer_reveals_after_its_assignment_ends(client, world):
    admin, village = world.as_("admin"), world.as_("village")
    person = create_person(client, admin, world.community)
    assignment = assigned(client, admin, person, _caretaker_of(client, world, "village"), "tutor")
    assert _reveal(client, village, person["id"]).status_code == 200

    _end(client, admin, assignment)

    assert_problem(_reveal(client, village, person["id"]), 403, "reveal_forbidden")


def _end(client, headers, assignment: dict[str, Any]) -> None:
    response = client.patch(
        f"{ASSIGNMENTS}/{assignment['id']}",
        json={"ends_on": today().isoformat(), "end_reason": "调整"},
        headers=headers,
    )
    assert response.status_code == 200, response.text


def _volunteer_sees(client, world, person_id: str) -> bool:
    volunteer = world.as_("volunteer")
    listed = {p["id"] for p in list_all(client, PERSONS, volunteer)}
    one = client.get(f"{PERSONS}/{person_id}", headers=volunteer)
    history = client.get(f"{PERSONS}/{person_id}/history", headers=volunteer)
    consents = client.get(f"{PERSONS}/{person_id}/consents", headers=volunteer)
    statuses = {one.status_code, history.status_code, consents.status_code}
    assert statuses in ({200}, {404}), statuses
    assert (person_id in listed) == (statuses == {200})
    return statuses == {200}


def test_a_volunteer_sees_exactly_the_persons_assigned_to_it(client, world):
    admin = world.as_("admin")
    a = create_person(client, admin, world.village, name="甲")
    b = create_person(client, admin, world.village, name="乙")
    own = create_caretaker(
        client, admin, world.community, "volunteer", user_id=str(world.users["volunteer"].id)
    )
    assignment = assigned(client, admin, a, own, "companion")

    assert _volunteer_sees(client, world, a["id"])
    assert not _volunteer_sees(client, world, b["id"])
    body = client.get(f"{PERSONS}/{a['id']}", headers=world.as_("volunteer")).json()
    assert body["id_number_masked"] and "*" in body["id_number_masked"]
    candidates = client.get(
        f"{PERSONS}/duplicate-candidates",
        params={"name": "甲", "birth_date": a["birth_date"]},
        headers=world.as_("volunteer"),
    ).json()["items"]
    assert {c["person"]["id"] for c in candidates} == {a["id"]}
    export = client.get("/api/v1/exports/persons.csv", headers=world.as_("volunteer"))
    assert export.status_code == 200, export.text
    assert "甲" in export.text and "乙" not in export.text

    _end(client, admin, assignment)

    assert not _volunteer_sees(client, world, a["id"])
    assert not _volunteer_sees(client, world, b["id"])

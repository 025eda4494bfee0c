"""Who sees and writes which service records: exactly those whose person it may see."""

from __future__ import annotations

import pytest

from tests.conftest import new_id
from tests.services.records_helpers import (
    RECORDS,
    assert_problem,
    create_person,
    ids,
    list_all,
    record,
    record_body,
    recorded,
    volunteer_of,
)


@pytest.fixture
def people(client, world):
    staff = world.as_("staff")
    return {
        "community": create_person(client, staff, world.community, "child"),
        "village": create_person(client, staff, world.village, "elder"),
        "elsewhere": create_person(client, world.as_("other_staff"), world.other_village, "woman"),
    }


def _writes(client, headers, made, person):  # type: ignore[no-untyped-def]
    url = f"{RECORDS}/{made['id']}"
    return [
        client.get(url, headers=headers).status_code,
        client.patch(url, json={"notes": "x"}, headers=headers).status_code,
        client.put(url, json=record_body(person), headers=headers).status_code,
        client.delete(url, headers=headers).status_code,
    ]


def test_staff_of_another_township_gets_404(client, world, people):
    mine = recorded(client, world.as_("staff"), people["community"])
    other = world.as_("other_staff")

    assert _writes(client, other, mine, people["community"]) == [404] * 4
    assert_problem(record(client, other, people["community"]), 404, "not_found")
    assert mine["id"] not in ids(list_all(client, RECORDS, other))
    theirs = recorded(client, other, people["elsewhere"], service_type="skills_training")
    assert ids(list_all(client, RECORDS, other)) == {theirs["id"]}
    assert ids(list_all(client, RECORDS, world.as_("staff"))) == {mine["id"]}


def test_a_village_contact_sees_its_village_only(client, world, people):
    contact = world.as_("village")

    made = recorded(client, contact, people["community"])
    assert_problem(record(client, contact, people["village"]), 404, "not_found")
    in_village = recorded(client, world.as_("staff"), people["village"])

    assert ids(list_all(client, RECORDS, contact)) == {made["id"]}
    assert _writes(client, contact, in_village, people["village"]) == [404] * 4
    assert (
        client.patch(f"{RECORDS}/{made['id']}", json={"quantity": 2}, headers=contact).status_code
        == 200
    )


def test_a_volunteer_only_for_the_persons_assigned_to_it(client, world, people):
    volunteer = world.as_("volunteer")
    child = people["community"]
    before = recorded(client, world.as_("staff"), child)

    assert_problem(record(client, volunteer, child), 404, "not_found")
    assert list_all(client, RECORDS, volunteer) == []
    assert _writes(client, volunteer, before, child)[0] == 404

    volunteer_of(client, world, child)

    made = recorded(client, volunteer, child)
    assert made["created_by"] == "u_volunteer"
    assert ids(list_all(client, RECORDS, volunteer)) == {before["id"], made["id"]}
    other = create_person(client, world.as_("staff"), world.community, "child", name="赵小花")
    assert_problem(record(client, volunteer, other), 404, "not_found")


def test_admin_and_auditor_see_everything_the_auditor_writes_nothing(client, world, people):
    made = [
        recorded(client, world.as_("staff"), people["community"]),
        recorded(client, world.as_("other_staff"), people["elsewhere"]),
    ]
    assert ids(list_all(client, RECORDS, world.as_("admin"))) == ids(made)
    auditor = world.as_("auditor")
    assert ids(list_all(client, RECORDS, auditor)) == ids(made)
    assert_problem(record(client, auditor, people["community"]), 403, "insufficient_scope")
    url = f"{RECORDS}/{made[0]['id']}"
    assert client.patch(url, json={"notes": "x"}, headers=auditor).status_code == 403
    assert client.delete(url, headers=auditor).status_code == 403


@pytest.mark.parametrize("who", ["lawyer", "partner"])
def test_callers_without_services_read_get_403(client, world, who):
    headers = world.as_(who)
    assert_problem(client.get(RECORDS, headers=headers), 403, "insufficient_scope")
    assert client.get(f"{RECORDS}/{new_id()}", headers=headers).status_code == 403


def test_no_token_is_401(client):
    assert client.get(RECORDS).status_code == 401

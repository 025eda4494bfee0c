"""GET /service-records: order, paging, updated_since and every filter."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.services.records_helpers import (
    RECORDS,
    assert_problem,
    create_person,
    days_ago,
    ids,
    list_all,
    recorded,
)


@pytest.fixture
def book(client, world):
    """Records of a child (community), an elder (village) and a woman (other township)."""
    staff = world.as_("staff")
    child = create_person(client, staff, world.community, "child")
    elder = create_person(client, staff, world.village, "elder")
    woman = create_person(client, world.as_("other_staff"), world.other_village, "woman")
    return {
        "child": child,
        "elder": elder,
        "woman": woman,
        "tutoring": recorded(
            client, staff, child, service_type="homework_tutoring", delivered_on=days_ago(30)
        ),
        "visit": recorded(client, staff, child, delivered_on=days_ago(2)),
        "medicine": recorded(
            client, staff, elder, service_type="medicine_delivery", delivered_on=days_ago(10)
        ),
        "checkup": recorded(
            client, staff, elder, service_type="medical_checkup", delivered_on=days_ago(2)
        ),
        "training": recorded(
            client, world.as_("other_staff"), woman, service_type="skills_training"
        ),
    }


def test_pages_newest_delivered_first(client, world, book):
    admin = world.as_("admin")

    first = client.get(RECORDS, params={"limit": 2}, headers=admin).json()
    listed = list_all(client, RECORDS, admin, limit=2)

    assert len(first["items"]) == 2 and first["next_cursor"]
    keys = [(r["delivered_on"], r["id"]) for r in listed]
    assert keys == sorted(keys, reverse=True) and len(keys) == 5
    assert listed[-1]["id"] == book["tutoring"]["id"]
    assert [r["id"] for r in listed[:2]] == [r["id"] for r in first["items"]]
    other = client.get(
        RECORDS, params={"cursor": first["next_cursor"], "program": "health"}, headers=admin
    )
    assert_problem(other, 400, "invalid_cursor")


def test_filters(client, world, book):
    admin = world.as_("admin")

    def found(**params):  # type: ignore[no-untyped-def]
        return ids(list_all(client, RECORDS, admin, **params))

    assert found(person_id=book["child"]["id"]) == ids([book["tutoring"], book["visit"]])
    assert found(service_type="medicine_delivery") == {book["medicine"]["id"]}
    assert found(service_type="no_such_type") == set()
    assert found(program="health") == ids([book["medicine"], book["checkup"]])
    assert found(region_id=str(world.huangtun.id)) == ids(
        [book["tutoring"], book["visit"], book["medicine"], book["checkup"]]
    )
    assert found(region_id=str(world.village.id)) == ids([book["medicine"], book["checkup"]])
    assert found(**{"from": str(days_ago(10)), "to": str(days_ago(2))}) == ids(
        [book["visit"], book["medicine"], book["checkup"]]
    )
    assert found(to=str(days_ago(11))) == {book["tutoring"]["id"]}
    assert found(
        program="health", region_id=str(world.village.id), **{"from": str(days_ago(5))}
    ) == {book["checkup"]["id"]}


def test_a_region_outside_the_callers_sight_gives_nothing(client, world, book):
    other = world.as_("other_staff")
    assert list_all(client, RECORDS, other, region_id=str(world.huangtun.id)) == []
    mine = list_all(client, RECORDS, other, region_id=str(world.liuxing.id))
    assert ids(mine) == {book["training"]["id"]}


def test_from_after_to_is_422(client, world, book):
    response = client.get(
        RECORDS,
        params={"from": str(days_ago(1)), "to": str(days_ago(2))},
        headers=world.as_("admin"),
    )
    body = assert_problem(response, 422, "invalid_period")
    assert body["errors"][0]["loc"] == ["query", "from"]


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-02-30"},
        {"to": "today"},
        {"program": "sports"},
        {"person_id": "x"},
        {"limit": 0},
        {"limit": 501},
        {"updated_since": "yesterday"},
        {"region_id": "1"},
    ],
)
def test_bad_query_parameters_are_422(client, world, params):
    response = client.get(RECORDS, params=params, headers=world.as_("admin"))
    assert response.status_code == 422, response.text


def test_updated_since_and_deleted_records_vanish(client, world, book, clock):
    staff = world.as_("staff")
    before = list_all(client, RECORDS, staff)
    clock.advance(timedelta(minutes=5))
    mark = clock.now().isoformat()
    clock.advance(timedelta(minutes=1))
    url = f"{RECORDS}/{book['visit']['id']}"
    assert client.patch(url, json={"notes": "补记"}, headers=staff).status_code == 200
    assert client.delete(f"{RECORDS}/{book['checkup']['id']}", headers=staff).status_code == 204

    changed = list_all(client, RECORDS, staff, updated_since=mark)

    assert ids(changed) == {book["visit"]["id"]}
    assert ids(list_all(client, RECORDS, staff)) == ids(before) - {book["checkup"]["id"]}

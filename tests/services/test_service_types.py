"""/service-types: the seeded catalogue, admin writes, codes given out once, filters,
and the types in /meta/enums."""

from __future__ import annotations

import pytest

from tests.conftest import new_id
from tests.services.records_helpers import (
    API,
    TYPES,
    assert_problem,
    audit_events,
    list_all,
    type_body,
)


def _by_code(client, headers, code):  # type: ignore[no-untyped-def]
    [found] = [t for t in list_all(client, TYPES, headers) if t["code"] == code]
    return found


def test_the_seeded_catalogue_is_listed_by_code(client, world):
    types = list_all(client, TYPES, world.as_("volunteer"), limit=5)

    codes = [t["code"] for t in types]
    assert len(codes) == 22 and codes == sorted(codes)
    counseling = _by_code(client, world.as_("staff"), "psychological_counseling")
    assert counseling["name_zh"] == "心理疏导"
    assert counseling["program"] == "counseling"
    assert counseling["categories"] == ["child", "elder", "woman"]
    assert counseling["unit"] == "次" and counseling["seeded"] is True
    read = client.get(f"{TYPES}/{counseling['id']}", headers=world.as_("village"))
    assert read.status_code == 200 and read.json() == counseling
    assert read.headers["ETag"] == f'"{counseling["version"]}"'


def test_filters_by_program_and_category(client, world):
    staff = world.as_("staff")

    health = list_all(client, TYPES, staff, program="health")
    assert {t["code"] for t in health} == {
        "health_consultation",
        "medical_checkup",
        "medicine_delivery",
        "rehabilitation_nursing",
        "prepregnancy_checkup",
    }
    for_women = {t["code"] for t in list_all(client, TYPES, staff, category="woman")}
    assert "reproductive_health_counseling" in for_women and "micro_wish" not in for_women
    both = list_all(client, TYPES, staff, program="health", category="elder")
    assert {t["code"] for t in both} == {
        "health_consultation",
        "medical_checkup",
        "medicine_delivery",
        "rehabilitation_nursing",
    }
    assert client.get(TYPES, params={"category": "man"}, headers=staff).status_code == 422


@pytest.mark.parametrize("who", ["lawyer", "partner"])
def test_only_services_readers_read_types(client, world, who):
    assert_problem(client.get(TYPES, headers=world.as_(who)), 403, "insufficient_scope")


def test_an_admin_adds_changes_and_deletes_a_type(client, world):
    admin = world.as_("admin")

    response = client.post(
        TYPES, json=type_body(categories=["woman", "elder", "woman"]), headers=admin
    )

    assert response.status_code == 201, response.text
    made = response.json()
    assert response.headers["Location"] == f"{TYPES}/{made['id']}"
    assert made["categories"] == ["elder", "woman"] and made["unit"] == "次"
    assert made["seeded"] is False and made["version"] == 1
    patched = client.patch(
        f"{TYPES}/{made['id']}",
        json={"name_zh": "敬老茶话会", "unit": "场", "categories": ["elder"]},
        headers={**admin, "If-Match": '"1"'},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["name_zh"] == "敬老茶话会" and patched.json()["categories"] == ["elder"]
    assert patched.headers["ETag"] == '"2"'
    stale = client.patch(
        f"{TYPES}/{made['id']}", json={"unit": "次"}, headers={**admin, "If-Match": '"1"'}
    )
    assert_problem(stale, 412, "precondition_failed")
    meta = client.get(f"{API}/meta/enums", headers=world.as_("volunteer")).json()
    assert {"code": "tea_party", "label_zh": "敬老茶话会"} in meta["service_type"]
    assert {"code": "micro_wish", "label_zh": "微心愿"} in meta["service_type"]

    assert client.delete(f"{TYPES}/{made['id']}", headers=admin).status_code == 204

    assert client.get(f"{TYPES}/{made['id']}", headers=admin).status_code == 404
    assert "tea_party" not in {t["code"] for t in list_all(client, TYPES, admin)}
    meta = client.get(f"{API}/meta/enums", headers=admin).json()
    assert "tea_party" not in {v["code"] for v in meta["service_type"]}
    actions = [e["action"] for e in audit_events(client, admin, made["id"])]
    assert actions == ["service_type.create", "service_type.update", "service_type.delete"]


def test_a_code_is_given_out_once_even_after_a_delete(client, world):
    admin = world.as_("admin")
    made = client.post(TYPES, json=type_body(), headers=admin).json()

    again = client.post(TYPES, json=type_body(name_zh="另一个"), headers=admin)
    body = assert_problem(again, 409, "service_type_exists")
    assert body["existing_id"] == made["id"]
    assert client.delete(f"{TYPES}/{made['id']}", headers=admin).status_code == 204
    assert_problem(client.post(TYPES, json=type_body(), headers=admin), 409, "service_type_exists")
    seeded = client.post(TYPES, json=type_body("micro_wish"), headers=admin)
    assert_problem(seeded, 409, "service_type_exists")


def test_the_code_is_fixed_and_seeded_read_only(client, world):
    admin = world.as_("admin")
    made = client.post(TYPES, json=type_body(), headers=admin).json()
    url = f"{TYPES}/{made['id']}"

    assert_problem(
        client.patch(url, json={"code": "tea_time"}, headers=admin), 422, "immutable_field"
    )
    assert client.patch(url, json={"code": "tea_party"}, headers=admin).status_code == 200
    assert_problem(client.patch(url, json={"seeded": True}, headers=admin), 422, "validation_error")
    assert_problem(
        client.patch(url, json={"name_zh": None}, headers=admin), 422, "validation_error"
    )
    assert_problem(
        client.patch(url, json={"categories": []}, headers=admin), 422, "validation_error"
    )


@pytest.mark.parametrize(
    "change",
    [
        {"code": "Tea"},
        {"code": "9lives"},
        {"code": "a"},
        {"code": "x" * 65},
        {"categories": []},
        {"categories": ["man"]},
        {"program": "sports"},
        {"name_zh": ""},
    ],
)
def test_bad_types_are_refused(client, world, change):
    response = client.post(TYPES, json=type_body(**change), headers=world.as_("admin"))
    assert_problem(response, 422, "validation_error")


def test_a_seeded_type_cannot_be_deleted(client, world):
    admin = world.as_("admin")
    seeded = _by_code(client, admin, "micro_wish")

    assert_problem(
        client.delete(f"{TYPES}/{seeded['id']}", headers=admin), 409, "service_type_seeded"
    )
    renamed = client.patch(
        f"{TYPES}/{seeded['id']}", json={"name_zh": "微心愿（儿童）"}, headers=admin
    )
    assert renamed.status_code == 200 and renamed.json()["seeded"] is True


@pytest.mark.parametrize("who", ["staff", "village", "volunteer", "auditor"])
def test_only_an_admin_writes_types(client, world, who):
    headers = world.as_(who)
    seeded = _by_code(client, world.as_("admin"), "micro_wish")

    assert client.post(TYPES, json=type_body(), headers=headers).status_code == 403
    assert client.put(f"{TYPES}/{new_id()}", json=type_body(), headers=headers).status_code == 403
    patch = client.patch(f"{TYPES}/{seeded['id']}", json={"unit": "件"}, headers=headers)
    assert patch.status_code == 403
    assert client.delete(f"{TYPES}/{seeded['id']}", headers=headers).status_code == 403


def test_put_creates_then_replaces(client, world):
    admin = world.as_("admin")
    type_id = new_id()

    created = client.put(f"{TYPES}/{type_id}", json=type_body(), headers=admin)
    assert created.status_code == 201, created.text
    assert created.json()["id"] == type_id
    same = client.put(f"{TYPES}/{type_id}", json=type_body(), headers=admin)
    assert same.status_code == 200 and same.json()["version"] == 1
    replaced = client.put(
        f"{TYPES}/{type_id}", json=type_body(unit="场"), headers={**admin, "If-Match": '"1"'}
    )
    assert replaced.status_code == 200 and replaced.json()["unit"] == "场"
    assert replaced.json()["version"] == 2
    other_code = client.put(f"{TYPES}/{type_id}", json=type_body("tea_time"), headers=admin)
    assert_problem(other_code, 422, "immutable_field")
    taken = client.put(f"{TYPES}/{new_id()}", json=type_body(), headers=admin)
    assert_problem(taken, 409, "service_type_exists")


def test_idempotent_create_replays(client, world):
    admin = {**world.as_("admin"), "Idempotency-Key": "type-1"}

    first = client.post(TYPES, json=type_body(), headers=admin)
    again = client.post(TYPES, json=type_body(), headers=admin)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"

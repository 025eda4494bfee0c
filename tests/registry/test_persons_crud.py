"""/persons CRUD through HTTP: POST, GET, PUT, PATCH, DELETE, idempotency, paging
(docs/api.md, docs/registry.md)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from tests.http import list_all
from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    count,
    create,
    elder_body,
    get,
    ids_of,
    masked,
    patch,
    woman_body,
)

MAKERS = {"child": child_body, "woman": woman_body, "elder": elder_body}


@pytest.mark.parametrize("category", ["child", "woman", "elder"])
def test_post_creates_and_get_reads_it_back(client, world, category):
    staff = world.as_("staff")
    body = MAKERS[category](world.village, name="李秀英")

    response = client.post(PERSONS, json=body, headers=staff)

    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["location"] == f"{PERSONS}/{created['id']}"
    assert response.headers["etag"] == '"1"'
    assert created["version"] == 1
    assert created["category"] == category
    assert created["name"] == "李秀英"
    assert created["region_id"] == str(world.village.id)
    assert created["status"] == "active"
    assert created["exited_on"] is None and created["exit_reason"] is None
    assert (
        created["birth_date"]
        == body["id_number"][6:10] + "-" + body["id_number"][10:12] + "-" + body["id_number"][12:14]
    )
    assert created["id_number_masked"] == masked(body["id_number"])
    assert created["phone_masked"] == body["phone"][:3] + "****" + body["phone"][-4:]
    assert created[f"{category}_profile"] is not None
    assert {created[f"{c}_profile"] is None for c in MAKERS if c != category} == {True}
    for secret in ("id_number", "phone"):
        assert secret not in created

    fetched = get(client, staff, created["id"])
    assert fetched.status_code == 200
    assert fetched.headers["etag"] == '"1"'
    assert fetched.json() == created


def test_a_child_profile_is_read_back_with_the_guardian_phone_masked(client, world):
    body = child_body(world.village)
    created = create(client, world.as_("staff"), body)

    profile = created["child_profile"]
    phone = body["child_profile"]["guardian_phone"]
    assert profile["guardian_phone_masked"] == phone[:3] + "****" + phone[-4:]
    assert "guardian_phone" not in profile
    assert {k: profile[k] for k in body["child_profile"] if k != "guardian_phone"} == {
        k: v for k, v in body["child_profile"].items() if k != "guardian_phone"
    }


def test_a_person_without_id_number_needs_birth_date_and_sex(client, world, db):
    staff = world.as_("staff")
    without = child_body(world.village, id_number=None)

    refused = client.post(PERSONS, json=without, headers=staff)
    assert_problem(refused, 422, "validation_error")
    assert count(db, "person") == 0

    born = (datetime.now(UTC) - timedelta(days=365 * 8)).date().isoformat()
    created = create(client, staff, {**without, "birth_date": born, "sex": "female"})
    assert created["id_number_masked"] is None
    assert created["birth_date"] == born and created["sex"] == "female"


def test_put_creates_with_the_client_id_then_replaces_and_repeats_idempotently(client, world, db):
    staff = world.as_("staff")
    person_id = str(uuid.uuid4())
    body = woman_body(world.village, name="王芳")
    url = f"{PERSONS}/{person_id}"

    created = client.put(url, json=body, headers=staff)
    assert created.status_code == 201, created.text
    assert created.json()["id"] == person_id
    assert created.headers["etag"] == '"1"'

    again = client.put(url, json=body, headers=staff)
    assert again.status_code == 200, again.text
    assert again.json() == created.json()  # same version: nothing changed
    assert again.headers["etag"] == '"1"'

    renamed = client.put(url, json={**body, "name": "王芳芳"}, headers=staff)
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "王芳芳"
    assert renamed.json()["version"] == 2
    assert renamed.headers["etag"] == '"2"'
    assert count(db, "person") == 1
    assert count(db, "person_version") == 2


def test_put_with_a_stale_if_match_is_412_and_changes_nothing(client, world):
    staff = world.as_("staff")
    body = woman_body(world.village, name="王芳")
    person = client.put(f"{PERSONS}/{uuid.uuid4()}", json=body, headers=staff).json()

    stale = client.put(
        f"{PERSONS}/{person['id']}",
        json={**body, "name": "改名"},
        headers={**staff, "If-Match": '"7"'},
    )

    assert_problem(stale, 412, "precondition_failed")
    assert get(client, staff, person["id"]).json() == person


def test_put_cannot_change_the_category(client, world):
    staff = world.as_("staff")
    person_id = str(uuid.uuid4())
    woman = woman_body(world.village)
    client.put(f"{PERSONS}/{person_id}", json=woman, headers=staff)

    response = client.put(
        f"{PERSONS}/{person_id}",
        json=elder_body(world.village, id_number=woman["id_number"]),
        headers=staff,
    )

    assert_problem(response, 422, "immutable_field")


def test_patch_with_if_match_changes_the_person(client, world):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village, name="张伟"))

    response = client.patch(
        f"{PERSONS}/{person['id']}",
        json={"name": "张卫", "child_profile": {"school": "东营小学", "grade": "四年级"}},
        headers={**staff, "If-Match": '"1"'},
    )

    assert response.status_code == 200, response.text
    changed = response.json()
    assert response.headers["etag"] == '"2"'
    assert changed["version"] == 2
    assert changed["name"] == "张卫"
    assert changed["child_profile"]["school"] == "东营小学"
    # the rest of the profile, the guardian's phone included, is kept
    assert changed["child_profile"]["guardian_name"] == "王秀兰"
    assert (
        changed["child_profile"]["guardian_phone_masked"]
        == (person["child_profile"]["guardian_phone_masked"])
    )
    assert changed["id_number_masked"] == person["id_number_masked"]
    assert get(client, staff, person["id"]).json() == changed


def test_patch_with_a_stale_if_match_is_412_and_changes_nothing(client, world, db):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village))
    patch(client, staff, person, {"address": "新地址"})
    current = get(client, staff, person["id"]).json()

    stale = client.patch(
        f"{PERSONS}/{person['id']}",
        json={"name": "覆盖"},
        headers={**staff, "If-Match": '"1"'},
    )

    body = assert_problem(stale, 412, "precondition_failed")
    assert body["current_version"] == 2
    assert get(client, staff, person["id"]).json() == current
    assert count(db, "person_version") == 2


def test_patch_that_changes_nothing_keeps_the_version(client, world, db):
    staff = world.as_("staff")
    body = child_body(world.village)
    person = create(client, staff, body)

    same = patch(
        client,
        staff,
        person,
        {"name": body["name"], "phone": body["phone"], "id_number": body["id_number"]},
    )

    assert same == person
    assert count(db, "person_version") == 1


def test_patch_refuses_null_for_required_fields_and_another_categorys_profile(client, world, db):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village))
    url = f"{PERSONS}/{person['id']}"

    assert_problem(client.patch(url, json={"name": None}, headers=staff), 422, "validation_error")
    assert_problem(
        client.patch(url, json={"elder_profile": {"living_arrangement": "alone"}}, headers=staff),
        422,
        "profile_mismatch",
    )
    assert_problem(
        client.patch(url, json={"child_profile": {"guardianship_type": "aunt"}}, headers=staff),
        422,
        "validation_error",
    )
    assert_problem(
        client.patch(url, json={"category": "elder"}, headers=staff), 422, "validation_error"
    )
    assert get(client, staff, person["id"]).json() == person
    assert count(db, "person_version") == 1


def test_delete_is_soft_and_the_person_vanishes(client, world, db):
    staff = world.as_("staff")
    kept = create(client, staff, child_body(world.village))
    gone = create(client, staff, child_body(world.village))

    stale = client.delete(f"{PERSONS}/{gone['id']}", headers={**staff, "If-Match": '"9"'})
    assert_problem(stale, 412, "precondition_failed")

    response = client.delete(f"{PERSONS}/{gone['id']}", headers={**staff, "If-Match": '"1"'})

    assert response.status_code == 204
    assert response.content == b""
    assert_problem(get(client, staff, gone["id"]), 404, "not_found")
    assert ids_of(list_all(client, PERSONS, staff)) == [kept["id"]]
    assert count(db, "person") == 2  # soft: the row is still there
    assert_problem(client.delete(f"{PERSONS}/{gone['id']}", headers=staff), 404, "not_found")
    assert_problem(
        client.patch(f"{PERSONS}/{gone['id']}", json={"name": "x"}, headers=staff), 404, "not_found"
    )


def test_a_deleted_persons_id_number_may_be_registered_again(client, world):
    staff = world.as_("staff")
    body = child_body(world.village)
    gone = create(client, staff, body)
    assert client.delete(f"{PERSONS}/{gone['id']}", headers=staff).status_code == 204

    again = create(client, staff, body)

    assert again["id"] != gone["id"]


def test_put_on_a_deleted_person_is_refused(client, world):
    staff = world.as_("staff")
    body = woman_body(world.village)
    person_id = str(uuid.uuid4())
    client.put(f"{PERSONS}/{person_id}", json=body, headers=staff)
    client.delete(f"{PERSONS}/{person_id}", headers=staff)

    assert_problem(
        client.put(f"{PERSONS}/{person_id}", json=body, headers=staff), 409, "resource_deleted"
    )


# --- Idempotency-Key ---------------------------------------------------------------------


def _post_raw(client, headers, body, key):
    return client.post(
        PERSONS,
        content=json.dumps(body, ensure_ascii=False).encode(),
        headers={**headers, "Content-Type": "application/json", "Idempotency-Key": key},
    )


def test_same_idempotency_key_and_body_replays_the_first_response(client, world, db):
    staff = world.as_("staff")
    body = child_body(world.village)

    first = _post_raw(client, staff, body, '"reg-0001"')
    replay = _post_raw(client, staff, body, "reg-0001")  # bare and quoted are one key

    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert replay.headers["location"] == first.headers["location"]
    assert replay.headers["etag"] == first.headers["etag"]
    assert count(db, "person") == 1


def test_same_idempotency_key_with_another_body_is_422(client, world, db):
    staff = world.as_("staff")
    body = child_body(world.village)
    _post_raw(client, staff, body, "reg-0002")

    response = _post_raw(client, staff, {**body, "name": "另一个"}, "reg-0002")

    assert_problem(response, 422, "idempotency_key_reused")
    assert count(db, "person") == 1


def test_a_refused_post_does_not_burn_its_idempotency_key(client, world, db):
    staff = world.as_("staff")
    body = child_body(world.village)
    bad = {**body, "phone": "1380013800a"}

    assert_problem(_post_raw(client, staff, bad, "reg-0003"), 422, "phone_format")
    created = _post_raw(client, staff, body, "reg-0003")

    assert created.status_code == 201, created.text
    assert count(db, "person") == 1


# --- lists -------------------------------------------------------------------------------


def test_cursor_pagination_walks_every_person_once_in_a_stable_order(client, world):
    staff = world.as_("staff")
    made = {create(client, staff, child_body(world.village))["id"] for _ in range(12)}

    pages = []
    cursor = None
    while True:
        params = {"limit": 5, **({"cursor": cursor} if cursor else {})}
        response = client.get(PERSONS, params=params, headers=staff)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 5
        pages.append(ids_of(page["items"]))
        cursor = page["next_cursor"]
        if cursor is None:
            break

    walked = [pid for page in pages for pid in page]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert len(walked) == len(set(walked)) == 12
    assert set(walked) == made
    assert walked == ids_of(list_all(client, PERSONS, staff, limit=7))  # stable order
    assert walked == ids_of(
        client.get(PERSONS, params={"limit": 500}, headers=staff).json()["items"]
    )


def test_a_cursor_from_other_filters_is_refused(client, world):
    staff = world.as_("staff")
    for _ in range(3):
        create(client, staff, child_body(world.village))
    cursor = client.get(PERSONS, params={"limit": 1}, headers=staff).json()["next_cursor"]

    response = client.get(
        PERSONS, params={"limit": 1, "cursor": cursor, "category": "elder"}, headers=staff
    )

    assert_problem(response, 400, "invalid_cursor")


def test_limit_is_bounded(client, world):
    staff = world.as_("staff")
    assert_problem(client.get(PERSONS, params={"limit": 0}, headers=staff), 422, "validation_error")
    assert_problem(
        client.get(PERSONS, params={"limit": 501}, headers=staff), 422, "validation_error"
    )


def test_updated_since_lists_only_persons_changed_since(client, world):
    staff = world.as_("staff")
    old = create(client, staff, child_body(world.village))
    untouched = create(client, staff, child_body(world.village))
    mark = datetime.now(UTC)
    new = create(client, staff, elder_body(world.village))
    changed = patch(client, staff, old, {"address": "改了"})

    since = {"updated_since": mark.isoformat().replace("+00:00", "Z")}
    listed = ids_of(list_all(client, PERSONS, staff, **since))

    assert sorted(listed) == sorted([new["id"], changed["id"]])
    assert untouched["id"] not in listed
    assert_problem(
        client.get(PERSONS, params={"updated_since": "yesterday"}, headers=staff),
        422,
        "validation_error",
    )


def test_unknown_person_is_404_and_a_bad_id_is_422(client, world):
    staff = world.as_("staff")
    assert_problem(get(client, staff, str(uuid.uuid4())), 404, "not_found")
    assert_problem(get(client, staff, "not-a-uuid"), 422, "validation_error")


def test_chinese_text_round_trips_unchanged(client, world):
    staff = world.as_("staff")
    person = create(
        client,
        staff,
        woman_body(world.village, name="欧阳娜娜", address="山东省济宁市高新区黄屯街道𠀀号"),
    )

    fetched = get(client, staff, person["id"]).json()

    assert fetched["name"] == "欧阳娜娜"
    assert fetched["address"] == "山东省济宁市高新区黄屯街道𠀀号"

"""/caretakers: CRUD, the shared HTTP mechanics, filters and scoping (phones:
test_caretaker_phones)."""

from __future__ import annotations

import uuid

import pytest

from tests.guardianship.helpers import (
    CARETAKERS,
    assert_problem,
    assigned,
    audit_events,
    caretaker_body,
    create_caretaker,
    create_person,
    ids,
)
from tests.http import list_all


def test_create_read_update_delete(client, world):
    staff, admin = world.as_("staff"), world.as_("admin")
    body = caretaker_body(
        world.community,
        "child_director",
        name="刘芳",
        phone="+86 138-0537-1234",
        organization_id=str(world.police.id),
    )

    created = client.post(CARETAKERS, json=body, headers=staff)

    assert created.status_code == 201, created.text
    caretaker = created.json()
    assert created.headers["ETag"] == '"1"'
    assert created.headers["Location"] == f"/api/v1/caretakers/{caretaker['id']}"
    assert caretaker["name"] == "刘芳" and caretaker["kind"] == "child_director"
    assert "phone" not in caretaker  # write-only, like a person's (see test_caretaker_phones)
    assert caretaker["phone_masked"] == "138****1234"
    assert caretaker["region_id"] == str(world.community.id)
    assert caretaker["organization_id"] == str(world.police.id)
    assert caretaker["user_id"] is None and caretaker["version"] == 1

    url = f"{CARETAKERS}/{caretaker['id']}"
    read = client.get(url, headers=staff)
    assert read.status_code == 200 and read.json() == caretaker
    assert read.headers["ETag"] == '"1"'

    patched = client.patch(url, json={"name": "刘芳芳"}, headers={**staff, "If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert patched.json()["name"] == "刘芳芳" and patched.json()["version"] == 2

    stale = client.patch(url, json={"name": "过时"}, headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    assert client.get(url, headers=staff).json()["name"] == "刘芳芳"

    deleted = client.delete(url, headers={**staff, "If-Match": '"2"'})
    assert deleted.status_code == 204
    assert client.get(url, headers=staff).status_code == 404
    assert caretaker["id"] not in ids(list_all(client, CARETAKERS, staff))
    actions = [e["action"] for e in audit_events(client, admin, caretaker["id"])]
    assert actions == ["caretaker.create", "caretaker.update", "caretaker.delete"]


def test_put_creates_with_the_clients_id_then_replaces(client, world):
    staff = world.as_("staff")
    caretaker_id = str(uuid.uuid4())
    url = f"{CARETAKERS}/{caretaker_id}"
    body = caretaker_body(world.village, "volunteer", name="赵志愿")

    first = client.put(url, json=body, headers=staff)
    again = client.put(url, json=body, headers=staff)
    renamed = client.put(url, json={**body, "name": "赵志愿者"}, headers=staff)

    assert first.status_code == 201 and first.json()["id"] == caretaker_id
    assert again.status_code == 200 and again.json()["version"] == 1  # idempotent
    assert renamed.status_code == 200 and renamed.json()["version"] == 2
    assert renamed.json()["name"] == "赵志愿者"


def test_idempotency_key_replays_the_first_response(client, world):
    staff = world.as_("staff")
    body = caretaker_body(world.village)
    headers = {**staff, "Idempotency-Key": "ct-1"}

    first = client.post(CARETAKERS, json=body, headers=headers)
    replay = client.post(CARETAKERS, json=body, headers=headers)
    other = client.post(CARETAKERS, json={**body, "name": "别人"}, headers=headers)

    assert first.status_code == 201
    assert replay.status_code == 201 and replay.json() == first.json()
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert_problem(other, 422, "idempotency_key_reused")
    assert len(list_all(client, CARETAKERS, staff)) == 1


def test_filters_region_subtree_kind_and_q(client, world):
    admin = world.as_("admin")
    in_village = create_caretaker(client, admin, world.village, "village_cadre", name="张村官")
    in_community = create_caretaker(client, admin, world.community, "volunteer", name="李志愿")
    township = create_caretaker(client, admin, world.huangtun, "doctor", name="王医生")
    elsewhere = create_caretaker(client, admin, world.other_village, "teacher", name="张老师")

    def listed(**params):
        return ids(list_all(client, CARETAKERS, admin, **params))

    assert listed(region_id=str(world.huangtun.id)) == ids([in_village, in_community, township])
    assert listed(region_id=str(world.village.id)) == {in_village["id"]}
    assert listed(kind="volunteer") == {in_community["id"]}
    assert listed(q="张") == ids([in_village, elsewhere])
    assert listed(q="张", region_id=str(world.liuxing.id)) == {elsewhere["id"]}
    assert listed(q="%") == set()  # a LIKE wildcard is a literal character


def test_pagination_is_stable_by_name(client, world):
    admin = world.as_("admin")
    made = [create_caretaker(client, admin, world.village, name=f"联系人{i:02d}") for i in range(7)]
    pages, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get(CARETAKERS, params=params, headers=admin).json()
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    names = [c["name"] for page in pages for c in page]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert names == sorted(c["name"] for c in made)


def test_scoping_other_township_is_404_and_partner_lawyer_403(client, world):
    staff = world.as_("staff")
    caretaker = create_caretaker(client, staff, world.community)
    url = f"{CARETAKERS}/{caretaker['id']}"

    assert_problem(client.get(url, headers=world.as_("other_staff")), 404, "not_found")
    assert caretaker["id"] not in ids(list_all(client, CARETAKERS, world.as_("other_staff")))
    assert client.get(url, headers=world.as_("village")).status_code == 200
    assert client.get(url, headers=world.as_("auditor")).status_code == 200
    for who in ("partner", "lawyer"):
        assert_problem(client.get(url, headers=world.as_(who)), 403, "insufficient_scope")
        assert_problem(client.get(CARETAKERS, headers=world.as_(who)), 403, "insufficient_scope")
    renamed = client.patch(url, json={"name": "外人改名"}, headers=world.as_("other_staff"))
    assert_problem(renamed, 404, "not_found")


def test_a_village_contact_sees_its_village_and_the_township_but_not_a_sibling(client, world):
    admin = world.as_("admin")
    own = create_caretaker(client, admin, world.community)
    township = create_caretaker(client, admin, world.huangtun, "doctor")
    sibling = create_caretaker(client, admin, world.village)

    seen = ids(list_all(client, CARETAKERS, world.as_("village")))

    assert seen == ids([own, township])
    assert (
        client.get(f"{CARETAKERS}/{sibling['id']}", headers=world.as_("village")).status_code == 404
    )


def test_only_managers_write_caretakers(client, world):
    body = caretaker_body(world.community)
    for who in ("village", "volunteer"):
        response = client.post(CARETAKERS, json=body, headers=world.as_(who))
        assert_problem(response, 403, "care_manager_required")
    assert_problem(
        client.post(CARETAKERS, json=body, headers=world.as_("auditor")), 403, "insufficient_scope"
    )
    assert list_all(client, CARETAKERS, world.as_("admin")) == []


def test_region_must_be_a_village_or_township_in_the_callers_area(client, world):
    staff = world.as_("staff")
    for region in (world.county, world.other_village, uuid.uuid4()):
        response = client.post(CARETAKERS, json=caretaker_body(region), headers=staff)
        problem = assert_problem(response, 422, "invalid_region")
        assert problem["errors"][0]["loc"] == ["body", "region_id"]
    township = client.post(CARETAKERS, json=caretaker_body(world.huangtun), headers=staff)
    assert township.status_code == 201


@pytest.mark.parametrize("phone", ["12345", "010-12345678", "2381234567x"])
def test_a_bad_phone_is_422(client, world, phone):
    response = client.post(
        CARETAKERS, json=caretaker_body(world.village, phone=phone), headers=world.as_("staff")
    )
    assert response.status_code == 422, response.text


def test_a_login_links_to_one_caretaker_and_a_volunteer_sees_only_its_own(client, world):
    admin = world.as_("admin")
    volunteer_id = str(world.users["volunteer"].id)
    own = create_caretaker(client, admin, world.community, "volunteer", user_id=volunteer_id)
    create_caretaker(client, admin, world.community, "volunteer")

    second = client.post(
        CARETAKERS, json=caretaker_body(world.village, user_id=volunteer_id), headers=admin
    )

    problem = assert_problem(second, 409, "user_already_linked")
    assert problem["existing_id"] == own["id"]
    assert ids(list_all(client, CARETAKERS, world.as_("volunteer"))) == {own["id"]}
    mine = list_all(client, CARETAKERS, admin, user_id=volunteer_id)
    assert ids(mine) == {own["id"]}
    unknown = client.post(
        CARETAKERS, json=caretaker_body(world.village, user_id=str(uuid.uuid4())), headers=admin
    )
    assert_problem(unknown, 422, "invalid_user")


def test_a_caretaker_with_active_assignments_cannot_be_deleted(client, world):
    staff = world.as_("staff")
    caretaker = create_caretaker(client, staff, world.community)
    person = create_person(client, staff, world.community)
    assigned(client, staff, person, caretaker)

    response = client.delete(f"{CARETAKERS}/{caretaker['id']}", headers=staff)

    assert_problem(response, 409, "caretaker_in_use")
    assert client.get(f"{CARETAKERS}/{caretaker['id']}", headers=staff).status_code == 200


def test_a_caretaker_moves_only_when_its_caseload_stays_in_its_area(client, world):
    staff = world.as_("staff")
    caretaker = create_caretaker(client, staff, world.community)
    volunteer = create_caretaker(client, staff, world.community, kind="volunteer")
    person = create_person(client, staff, world.community)
    assigned(client, staff, person, caretaker)
    assigned(client, staff, person, volunteer, role="companion")
    url = f"{CARETAKERS}/{caretaker['id']}"

    moved = client.patch(url, json={"region_id": str(world.village.id)}, headers=staff)
    # A volunteer may look after anyone: it may move, but may not stop being a volunteer
    # while it looks after a person outside its new village.
    volunteer_url = f"{CARETAKERS}/{volunteer['id']}"
    volunteer_moved = client.patch(
        volunteer_url, json={"region_id": str(world.village.id)}, headers=staff
    )
    no_longer_volunteer = client.patch(volunteer_url, json={"kind": "teacher"}, headers=staff)

    body = assert_problem(moved, 409, "caretaker_has_assignments")
    assert body["assignment_id"]
    assert client.get(url, headers=staff).json()["region_id"] == str(world.community.id)
    assert volunteer_moved.status_code == 200, volunteer_moved.text
    assert_problem(no_longer_volunteer, 409, "caretaker_has_assignments")
    assert client.get(volunteer_url, headers=staff).json()["kind"] == "volunteer"


def test_unknown_fields_and_control_characters_are_refused(client, world):
    staff = world.as_("staff")
    extra = client.post(CARETAKERS, json={**caretaker_body(world.village), "x": 1}, headers=staff)
    nul = client.post(CARETAKERS, json=caretaker_body(world.village, name="王\x00"), headers=staff)
    assert_problem(extra, 422, "validation_error")
    assert_problem(nul, 422, "validation_error")


def test_care_enums_are_listed_with_labels(client, world):
    enums = client.get("/api/v1/meta/enums", headers=world.as_("village")).json()
    assert [v["code"] for v in enums["assignment_role"]] == [
        "primary_contact",
        "companion",
        "tutor",
        "doctor",
    ]
    assert {v["code"]: v["label_zh"] for v in enums["caretaker_kind"]}[
        "child_director"
    ] == "儿童主任"
    for name in ("visit_mode", "visit_need", "visit_risk_level"):
        assert enums[name] and all(v["label_zh"] for v in enums[name])

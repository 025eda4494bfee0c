"""/regions over HTTP: CRUD, PUT upserts, code rules, subtree filters, scoping, auth, audit."""

from __future__ import annotations

import pytest

from liushou.auth.principal import Principal
from liushou.auth.roles import ROLE_SCOPES, Role
from liushou.auth.tokens import TokenService
from tests.guardianship.helpers import create_caretaker, create_person
from tests.regions.helpers import (
    REGIONS,
    assert_problem,
    audit_events,
    count,
    create_org,
    create_region,
    error_locs,
    ids,
    list_all,
    new_id,
    org_body,
    region_body,
    village_body,
)

# --- create, read, update, delete ------------------------------------------------------


def test_post_creates_a_region_with_etag_and_location(client, world):
    admin = world.as_("admin")
    body = village_body(world.huangtun, 202, "后营村")

    response = client.post(REGIONS, json=body, headers=admin)

    assert response.status_code == 201, response.text
    created = response.json()
    assert created["code"] == "370871005202"
    assert created["name"] == "后营村"  # Chinese text round-trips unchanged
    assert created["level"] == "village" and created["kind"] == "village"
    assert created["parent_id"] == str(world.huangtun.id)
    assert created["version"] == 1
    assert created["created_at"].endswith(("Z", "+00:00"))
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == f"{REGIONS}/{created['id']}"

    fetched = client.get(response.headers["Location"], headers=admin)
    assert fetched.status_code == 200
    assert fetched.json() == created
    assert fetched.headers["ETag"] == '"1"'


def test_roots_and_county_level_zones_may_be_created(client, world):
    admin = world.as_("admin")
    province = create_region(client, admin, region_body("320000", "江苏省", "province"))
    assert province["parent_id"] is None
    # A county-level unit may sit directly under a province (省直辖县级行政单位).
    county = create_region(
        client, admin, region_body("329001", "某直辖县", "county", province["id"])
    )
    assert county["parent_id"] == province["id"]
    town = create_region(
        client, admin, region_body("370871101000", "某镇", "township", world.county, "town")
    )
    assert town["kind"] == "town"


def test_get_unknown_region_is_404_problem(client, world):
    response = client.get(f"{REGIONS}/{new_id()}", headers=world.as_("admin"))
    assert_problem(response, 404, "not_found")


def test_patch_renames_and_bumps_version(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    before = client.get(url, headers=admin).json()

    response = client.patch(url, json={"name": "东营新村"}, headers=admin)

    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["name"] == "东营新村"
    assert patched["version"] == 2
    assert response.headers["ETag"] == '"2"'
    assert patched["updated_at"] > before["updated_at"]
    assert patched["created_at"] == before["created_at"]
    again = client.get(url, headers=admin)
    assert again.json() == patched
    assert again.headers["ETag"] == '"2"'


def test_patch_with_no_real_change_keeps_the_version(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"

    response = client.patch(url, json={"name": world.village.name}, headers=admin)

    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert response.headers["ETag"] == '"1"'


@pytest.mark.parametrize(
    "patch, field",
    [
        ({"code": "370871005299"}, "code"),
        ({"level": "township"}, "level"),
        ({"parent_id": "00000000-0000-0000-0000-000000000001"}, "parent_id"),
    ],
)
def test_patch_of_an_immutable_field_is_422_and_changes_nothing(client, world, patch, field):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"

    response = client.patch(url, json={**patch, "name": "改名"}, headers=admin)

    body = assert_problem(response, 422, "validation_error")
    assert ["body", field] in error_locs(body)
    unchanged = client.get(url, headers=admin).json()
    assert unchanged["name"] == "东营村" and unchanged["version"] == 1


def test_patch_name_to_null_or_blank_is_422(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    for name in (None, "   "):
        body = assert_problem(
            client.patch(url, json={"name": name}, headers=admin), 422, "validation_error"
        )
        assert ["body", "name"] in error_locs(body)
    assert client.get(url, headers=admin).json()["version"] == 1


def test_patch_kind_that_contradicts_the_code_is_422(client, world):
    # 东营村 is 370871005201: village part 201 is a 村, not a 社区 (001–199).
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"

    response = client.patch(url, json={"kind": "community"}, headers=admin)

    body = assert_problem(response, 422, "invalid_region_code")
    assert body["errors"][0]["code"] == "invalid_region_code"
    assert client.get(url, headers=admin).json()["kind"] == "village"


def test_delete_is_soft_and_the_region_vanishes(client, world, db):
    admin = world.as_("admin")
    region = create_region(client, admin, village_body(world.huangtun, 202))
    url = f"{REGIONS}/{region['id']}"
    total = count(db, "region")

    response = client.delete(url, headers=admin)

    assert response.status_code == 204
    assert response.content == b""
    assert_problem(client.get(url, headers=admin), 404, "not_found")
    assert region["id"] not in ids(list_all(client, REGIONS, admin))
    assert region["id"] not in ids(
        list_all(client, REGIONS, admin, parent_id=str(world.huangtun.id))
    )
    assert count(db, "region") == total  # soft: the row stays
    assert_problem(client.delete(url, headers=admin), 404, "not_found")
    assert_problem(client.patch(url, json={"name": "x"}, headers=admin), 404, "not_found")


def test_a_deleted_regions_code_can_be_reused(client, world):
    admin = world.as_("admin")
    body = village_body(world.huangtun, 202)
    first = create_region(client, admin, body)
    assert client.delete(f"{REGIONS}/{first['id']}", headers=admin).status_code == 204

    second = create_region(client, admin, body)

    assert second["id"] != first["id"]


def test_deleting_a_region_with_children_or_organizations_is_409(client, world, db):
    admin = world.as_("admin")
    assert_problem(
        client.delete(f"{REGIONS}/{world.huangtun.id}", headers=admin), 409, "region_in_use"
    )
    # A township with no child region but one organization.
    township = create_region(
        client,
        admin,
        region_body("370871006000", "某街道", "township", world.county, "subdistrict"),
    )
    create_org(client, admin, org_body(township["id"], "某街道办事处", "street_office"))
    assert_problem(
        client.delete(f"{REGIONS}/{township['id']}", headers=admin), 409, "region_in_use"
    )
    assert client.get(f"{REGIONS}/{world.huangtun.id}", headers=admin).status_code == 200
    assert client.get(f"{REGIONS}/{township['id']}", headers=admin).json()["version"] == 1


# --- PUT with a client-chosen id ---------------------------------------------------------


def test_put_creates_then_is_idempotent(client, world, db):
    admin = world.as_("admin")
    region_id = new_id()
    url = f"{REGIONS}/{region_id}"
    body = village_body(world.huangtun, 203, "张庄村")

    created = client.put(url, json=body, headers=admin)

    assert created.status_code == 201, created.text
    assert created.json()["id"] == region_id
    assert created.json()["version"] == 1
    assert created.headers["ETag"] == '"1"'
    total = count(db, "region")

    again = client.put(url, json=body, headers=admin)

    assert again.status_code == 200, again.text
    assert again.json() == created.json()  # nothing changed: same version, same updated_at
    assert again.headers["ETag"] == '"1"'
    assert count(db, "region") == total
    actions = [e["action"] for e in audit_events(client, admin, region_id)]
    assert actions == ["region.create"]


def test_put_replaces_mutable_fields(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{new_id()}"
    body = village_body(world.huangtun, 203, "张庄村")
    assert client.put(url, json=body, headers=admin).status_code == 201

    response = client.put(url, json={**body, "name": "张家庄村"}, headers=admin)

    assert response.status_code == 200
    assert response.json()["name"] == "张家庄村"
    assert response.json()["version"] == 2
    assert response.headers["ETag"] == '"2"'


def test_put_changing_an_immutable_field_is_422(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    body = region_body("370871005299", "东营村", "village", world.huangtun, "village")

    response = client.put(url, json=body, headers=admin)

    body = assert_problem(response, 422, "immutable_field")
    assert error_locs(body) == [["body", "code"]]
    assert client.get(url, headers=admin).json()["code"] == "370871005201"


def test_put_on_a_deleted_region_is_409(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{new_id()}"
    body = village_body(world.huangtun, 204)
    assert client.put(url, json=body, headers=admin).status_code == 201
    assert client.delete(url, headers=admin).status_code == 204

    assert_problem(client.put(url, json=body, headers=admin), 409, "resource_deleted")
    assert client.get(url, headers=admin).status_code == 404


def test_put_with_a_taken_code_is_409(client, world, db):
    admin = world.as_("admin")
    total = count(db, "region")
    body = region_body("370871005201", "另一个东营村", "village", world.huangtun, "village")

    response = client.put(f"{REGIONS}/{new_id()}", json=body, headers=admin)

    problem = assert_problem(response, 409, "duplicate_region_code")
    assert problem["existing_id"] == str(world.village.id)
    assert count(db, "region") == total


# --- code rules --------------------------------------------------------------------------

# (code, level, parent attribute on World, kind) -> (problem code, field)
BAD_REGIONS = {
    "county_five_digits": (("37087", "county", "city", None), "validation_error", "code"),
    "county_twelve_digits": (
        ("370871005000", "county", "city", None),
        "invalid_region_code",
        "code",
    ),
    "county_ending_00": (("370900", "county", "city", None), "invalid_region_code", "code"),
    "city_ending_0000": (("370000", "city", "province", None), "invalid_region_code", "code"),
    "province_not_0000": (("370100", "province", None, None), "invalid_region_code", "code"),
    "letters": (("37087100500a", "village", "huangtun", "village"), "validation_error", "code"),
    "township_six_digits": (
        ("370872", "township", "county", "subdistrict"),
        "invalid_region_code",
        "code",
    ),
    "township_not_ending_000": (
        ("370871006001", "township", "county", "subdistrict"),
        "invalid_region_code",
        "code",
    ),
    "street_part_of_a_town": (
        ("370871105000", "township", "county", "subdistrict"),
        "invalid_region_code",
        "code",
    ),
    "town_part_of_a_street": (
        ("370871006000", "township", "county", "town"),
        "invalid_region_code",
        "code",
    ),
    "township_without_kind": (
        ("370871006000", "township", "county", None),
        "invalid_region_kind",
        "kind",
    ),
    "township_with_village_kind": (
        ("370871006000", "township", "county", "village"),
        "invalid_region_kind",
        "kind",
    ),
    "community_part_of_a_village": (
        ("370871005202", "village", "huangtun", "community"),
        "invalid_region_code",
        "code",
    ),
    "village_part_of_a_community": (
        ("370871005102", "village", "huangtun", "village"),
        "invalid_region_code",
        "code",
    ),
    "village_part_400": (
        ("370871005400", "village", "huangtun", "village"),
        "invalid_region_code",
        "code",
    ),
    "village_part_000": (
        ("370871005000", "village", "huangtun", "community"),
        "invalid_region_code",
        "code",
    ),
    "village_without_kind": (
        ("370871005202", "village", "huangtun", None),
        "invalid_region_kind",
        "kind",
    ),
    "kind_on_a_county": (("370872", "county", "city", "town"), "invalid_region_kind", "kind"),
    "wrong_prefix_village": (
        ("370871002203", "village", "huangtun", "village"),
        "invalid_region_code",
        "code",
    ),
    "wrong_prefix_township": (
        ("370872006000", "township", "county", "subdistrict"),
        "invalid_region_code",
        "code",
    ),
    "wrong_prefix_county": (("370972", "county", "city", None), "invalid_region_code", "code"),
    "village_under_county": (
        ("370871005202", "village", "county", "village"),
        "invalid_region_parent",
        "parent_id",
    ),
    "township_under_province": (
        ("370871006000", "township", "province", "subdistrict"),
        "invalid_region_parent",
        "parent_id",
    ),
    "village_under_village": (
        ("370871005202", "village", "village", "village"),
        "invalid_region_parent",
        "parent_id",
    ),
    "city_under_county": (("370900", "city", "county", None), "invalid_region_parent", "parent_id"),
    "province_with_parent": (
        ("380000", "province", "province", None),
        "invalid_region_parent",
        "parent_id",
    ),
    "township_without_parent": (
        ("370871006000", "township", None, "subdistrict"),
        "invalid_region_parent",
        "parent_id",
    ),
    "village_without_parent": (
        ("370871005202", "village", None, "village"),
        "invalid_region_parent",
        "parent_id",
    ),
}


@pytest.mark.parametrize("case", BAD_REGIONS.values(), ids=BAD_REGIONS.keys())
def test_code_rules(client, world, db, case):
    (code, level, parent_attr, kind), problem_code, field = case
    parent = getattr(world, parent_attr) if parent_attr else None
    total = count(db, "region")

    response = client.post(
        REGIONS, json=region_body(code, "测试", level, parent, kind), headers=world.as_("admin")
    )

    body = assert_problem(response, 422, problem_code)
    assert ["body", field] in error_locs(body)
    assert count(db, "region") == total


def test_unknown_parent_is_422_on_parent_id(client, world):
    body = village_body(world.huangtun, 202)
    body["parent_id"] = new_id()

    response = client.post(REGIONS, json=body, headers=world.as_("admin"))

    problem = assert_problem(response, 422, "invalid_region_parent")
    assert error_locs(problem) == [["body", "parent_id"]]


def test_a_deleted_parent_cannot_take_children(client, world):
    admin = world.as_("admin")
    township = create_region(
        client,
        admin,
        region_body("370871006000", "某街道", "township", world.county, "subdistrict"),
    )
    assert client.delete(f"{REGIONS}/{township['id']}", headers=admin).status_code == 204

    response = client.post(
        REGIONS,
        json=region_body("370871006201", "某村", "village", township["id"], "village"),
        headers=admin,
    )

    assert_problem(response, 422, "invalid_region_parent")


def test_duplicate_code_is_409_with_existing_id(client, world, db):
    total = count(db, "region")
    body = region_body("370871005201", "重复的东营村", "village", world.huangtun, "village")

    response = client.post(REGIONS, json=body, headers=world.as_("admin"))

    problem = assert_problem(response, 409, "duplicate_region_code")
    assert problem["existing_id"] == str(world.village.id)
    assert count(db, "region") == total


def test_english_problem_text_on_request(client, world):
    body = region_body("370871006001", "测试", "township", world.county, "subdistrict")
    zh = client.post(REGIONS, json=body, headers=world.as_("admin")).json()
    en = client.post(
        REGIONS, json=body, headers={**world.as_("admin"), "Accept-Language": "en-US,en;q=0.9"}
    ).json()
    assert zh["code"] == en["code"] == "invalid_region_code"
    assert zh["title"] != en["title"]
    assert "000" in en["detail"] and en["detail"].isascii()


# --- filters: within, parent_id, level ----------------------------------------------------


def test_within_returns_the_region_and_its_whole_subtree(client, world):
    admin = world.as_("admin")
    extra = create_region(client, admin, village_body(world.huangtun, 202))

    huangtun = ids(list_all(client, REGIONS, admin, within=str(world.huangtun.id)))
    county = ids(list_all(client, REGIONS, admin, within=str(world.county.id)))
    leaf = ids(list_all(client, REGIONS, admin, within=str(world.village.id)))

    assert huangtun == {
        str(world.huangtun.id),
        str(world.village.id),
        str(world.community.id),
        extra["id"],
    }
    assert county == huangtun | {
        str(world.county.id),
        str(world.liuxing.id),
        str(world.other_village.id),
    }
    assert leaf == {str(world.village.id)}


def test_within_unknown_or_deleted_region_is_empty(client, world):
    admin = world.as_("admin")
    leaf = create_region(client, admin, village_body(world.huangtun, 202))
    assert client.delete(f"{REGIONS}/{leaf['id']}", headers=admin).status_code == 204

    for within in (new_id(), leaf["id"]):
        response = client.get(REGIONS, params={"within": within}, headers=admin)
        assert response.status_code == 200
        assert response.json() == {"items": [], "next_cursor": None}


def test_parent_id_and_level_filters(client, world):
    admin = world.as_("admin")

    children = list_all(client, REGIONS, admin, parent_id=str(world.huangtun.id))
    villages = list_all(client, REGIONS, admin, level="village")
    townships = list_all(client, REGIONS, admin, level="township", parent_id=str(world.county.id))
    none = list_all(client, REGIONS, admin, level="township", parent_id=str(world.huangtun.id))

    assert ids(children) == {str(world.village.id), str(world.community.id)}
    assert ids(villages) == {
        str(world.village.id),
        str(world.community.id),
        str(world.other_village.id),
    }
    assert {r["level"] for r in villages} == {"village"}
    assert ids(townships) == {str(world.huangtun.id), str(world.liuxing.id)}
    assert none == []
    assert_problem(
        client.get(REGIONS, params={"level": "hamlet"}, headers=admin), 422, "validation_error"
    )


# --- scoping and auth --------------------------------------------------------------------


def test_street_staff_sees_its_subtree_and_lineage_only(client, world):
    staff = world.as_("staff")

    seen = ids(list_all(client, REGIONS, staff))

    assert seen == {
        str(r.id)
        for r in (
            world.province,
            world.city,
            world.county,
            world.huangtun,
            world.village,
            world.community,
        )
    }
    assert client.get(f"{REGIONS}/{world.county.id}", headers=staff).status_code == 200
    assert client.get(f"{REGIONS}/{world.village.id}", headers=staff).status_code == 200
    for hidden in (world.other_village, world.liuxing):
        assert_problem(client.get(f"{REGIONS}/{hidden.id}", headers=staff), 404, "not_found")
    within = client.get(REGIONS, params={"within": str(world.liuxing.id)}, headers=staff)
    assert within.json()["items"] == []
    other = ids(list_all(client, REGIONS, world.as_("other_staff")))
    assert str(world.other_village.id) in other and str(world.village.id) not in other


def test_village_contact_sees_its_village_and_above_but_not_siblings(client, world):
    seen = ids(list_all(client, REGIONS, world.as_("village")))
    assert seen == {
        str(r.id)
        for r in (world.province, world.city, world.county, world.huangtun, world.community)
    }


@pytest.mark.parametrize("who", ["staff", "auditor", "village", "partner"])
def test_writes_by_non_admins_are_403(client, world, db, who):
    headers = world.as_(who)
    url = f"{REGIONS}/{world.village.id}"
    total = count(db, "region")

    responses = [
        client.post(REGIONS, json=village_body(world.huangtun, 202), headers=headers),
        client.put(
            f"{REGIONS}/{new_id()}", json=village_body(world.huangtun, 203), headers=headers
        ),
        client.patch(url, json={"name": "改"}, headers=headers),
        client.delete(url, headers=headers),
    ]

    for response in responses:
        assert_problem(response, 403, "insufficient_scope")
    assert count(db, "region") == total
    assert client.get(url, headers=world.as_("admin")).json()["version"] == 1


def test_no_token_is_401_with_bearer_challenge(client, world, db):
    total = count(db, "region")
    for response in (
        client.get(REGIONS),
        client.get(f"{REGIONS}/{world.village.id}"),
        client.post(REGIONS, json=village_body(world.huangtun, 202)),
        client.put(f"{REGIONS}/{new_id()}", json=village_body(world.huangtun, 202)),
        client.patch(f"{REGIONS}/{world.village.id}", json={"name": "x"}),
        client.delete(f"{REGIONS}/{world.village.id}"),
        client.get(REGIONS, headers={"Authorization": "Basic dTpw"}),
        client.get(REGIONS, headers={"Authorization": "Bearer"}),
    ):
        assert_problem(response, 401, "unauthorized")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert count(db, "region") == total
    assert (
        client.get(f"{REGIONS}/{world.village.id}", headers=world.as_("admin")).json()["version"]
        == 1
    )


def _admin_principal(world) -> Principal:
    user = world.users["admin"]
    return Principal(
        kind="user",
        id=user.id,
        name=user.username,
        role=Role.admin,
        scopes=ROLE_SCOPES[Role.admin],
        region_id=None,
        region_path=None,
        organization_id=None,
    )


def test_forged_garbage_and_expired_tokens_are_401_invalid_token(app, client, world, db):
    forged = TokenService("another-secret-that-is-long-enough-0123456789").issue(
        _admin_principal(world), ttl_seconds=600
    )
    expired = app.state.tokens.issue(_admin_principal(world), ttl_seconds=-60)
    valid = world.as_("admin")["Authorization"].split()[1]
    header, payload, signature = valid.split(".")
    tampered = (
        f"{header}.{payload}.{signature[:-4]}{'AAAA' if signature[-4:] != 'AAAA' else 'BBBB'}"
    )
    total = count(db, "region")

    for token in (forged, expired, "not-a-jwt", tampered):
        headers = {"Authorization": f"Bearer {token}"}
        for response in (
            client.get(REGIONS, headers=headers),
            client.post(REGIONS, json=village_body(world.huangtun, 202), headers=headers),
        ):
            assert_problem(response, 401, "invalid_token")
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert count(db, "region") == total
    # The refusals did not poison anything: the real token still works.
    assert client.get(REGIONS, headers=world.as_("admin")).status_code == 200


# --- audit -------------------------------------------------------------------------------


def test_create_update_delete_are_audited_with_actor_and_fields(client, world):
    admin = world.as_("admin")
    region = create_region(client, admin, village_body(world.huangtun, 202, "后营村"))
    url = f"{REGIONS}/{region['id']}"
    assert client.patch(url, json={"name": "后营新村"}, headers=admin).status_code == 200
    assert client.patch(url, json={"name": "后营新村"}, headers=admin).status_code == 200  # no-op
    assert client.delete(url, headers=admin).status_code == 204

    events = audit_events(client, admin, region["id"])

    assert [e["action"] for e in events] == ["region.create", "region.update", "region.delete"]
    for event in events:
        assert event["actor_id"] == str(world.users["admin"].id)
        assert event["actor_kind"] == "user"
        assert event["actor_name"] == "u_admin"
        assert event["resource_type"] == "region"
        assert event["outcome"] == "success"
    assert set(events[0]["changed_fields"]) >= {"code", "name", "level", "kind", "parent_id"}
    assert events[1]["changed_fields"] == ["name"]
    # Field names only, never values.
    assert "后营" not in str(events)


def test_refused_writes_leave_no_audit_event(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    client.patch(url, json={"kind": "community"}, headers=admin)
    client.patch(url, json={"name": "x"}, headers={**admin, "If-Match": '"7"'})
    client.patch(url, json={"name": "x"}, headers=world.as_("staff"))

    events = audit_events(client, admin, str(world.village.id))

    assert [e["action"] for e in events] == ["region.create"]


def test_a_village_with_persons_or_caretakers_cannot_be_deleted(client, world):
    admin, staff = world.as_("admin"), world.as_("staff")
    village = create_region(
        client, admin, region_body("370871005299", "新村", "village", world.huangtun, "village")
    )
    url = f"{REGIONS}/{village['id']}"
    person = create_person(client, staff, village["id"])
    caretaker = create_caretaker(client, staff, village["id"])

    with_both = client.delete(url, headers=admin)
    assert client.delete(f"/api/v1/persons/{person['id']}", headers=staff).status_code == 204
    with_caretaker = client.delete(url, headers=admin)
    assert client.delete(f"/api/v1/caretakers/{caretaker['id']}", headers=staff).status_code == 204

    assert_problem(with_both, 409, "region_in_use")
    assert_problem(with_caretaker, 409, "region_in_use")
    assert client.delete(url, headers=admin).status_code == 204

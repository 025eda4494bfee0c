"""/organizations over HTTP: CRUD, credit codes, networks, filters, scoping, audit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.regions.helpers import (
    ORGANIZATIONS,
    REGIONS,
    assert_problem,
    audit_events,
    count,
    create_org,
    credit_code,
    error_locs,
    ids,
    list_all,
    new_id,
    org_body,
    wrong_check_char,
)


def test_post_creates_an_organization(client, world):
    admin = world.as_("admin")
    code = credit_code("31370871MA3C00001")
    body = org_body(
        world.county,
        "山东某律师事务所",
        "law_firm",
        phone="0537-5550101",
        credit_code=code,
        networks=["rights_protection"],
    )

    response = client.post(ORGANIZATIONS, json=body, headers=admin)

    assert response.status_code == 201, response.text
    org = response.json()
    assert org["name"] == "山东某律师事务所"
    assert org["type"] == "law_firm"
    assert org["networks"] == ["rights_protection"]
    assert org["region_id"] == str(world.county.id)
    assert org["phone"] == "0537-5550101"
    assert org["credit_code"] == code
    assert org["version"] == 1
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == f"{ORGANIZATIONS}/{org['id']}"
    fetched = client.get(response.headers["Location"], headers=admin)
    assert fetched.json() == org
    assert fetched.headers["ETag"] == '"1"'


def test_published_credit_codes_are_accepted_and_normalised(client, world):
    admin = world.as_("admin")
    # Real codes that pass the GB 32100-2015 check, written loosely.
    for given, stored in (
        ("91110000600037341L", "91110000600037341L"),
        ("91350100m000100y43", "91350100M000100Y43"),
        ("9111 0000-6000 37341L", "91110000600037341L"),
    ):
        org = create_org(client, admin, org_body(world.county, credit_code=given))
        assert org["credit_code"] == stored


@pytest.mark.parametrize(
    "bad",
    [
        wrong_check_char(credit_code("31370871MA3C00001")),
        wrong_check_char("91110000600037341L"),
        "91350100M0001TGQXM",  # an early pilot code that fails the check
        "9111000060003734IL",  # I is not in the character set
        "911100006000373",  # too short
    ],
)
def test_bad_credit_code_is_422_on_credit_code(client, world, db, bad):
    total = count(db, "organization")

    response = client.post(
        ORGANIZATIONS, json=org_body(world.county, credit_code=bad), headers=world.as_("admin")
    )

    body = assert_problem(response, 422, "validation_error")
    assert error_locs(body) == [["body", "credit_code"]]
    assert count(db, "organization") == total


def test_wrong_check_character_has_its_own_error_code(client, world):
    bad = wrong_check_char(credit_code())
    body = client.post(
        ORGANIZATIONS, json=org_body(world.county, credit_code=bad), headers=world.as_("admin")
    ).json()
    assert body["errors"][0]["code"] == "invalid_credit_code"


def test_networks_are_deduplicated_and_sorted(client, world):
    org = create_org(
        client,
        world.as_("admin"),
        org_body(world.huangtun, networks=["support", "education_management", "support"]),
    )
    assert org["networks"] == ["education_management", "support"]


def test_unknown_type_network_or_region_is_422(client, world, db):
    admin = world.as_("admin")
    total = count(db, "organization")
    cases = [
        (org_body(world.huangtun, type_="church"), ["body", "type"]),
        (org_body(world.huangtun, networks=["fishing"]), ["body", "networks", 0]),
        (org_body(new_id()), ["body", "region_id"]),
        (org_body(world.huangtun, phone="call me"), ["body", "phone"]),
        (org_body(world.huangtun, name=""), ["body", "name"]),
    ]
    for body, loc in cases:
        problem = client.post(ORGANIZATIONS, json=body, headers=admin).json()
        assert problem["status"] == 422
        assert loc in error_locs(problem), problem
    assert count(db, "organization") == total


def test_patch_updates_fields_and_version(client, world):
    admin = world.as_("admin")
    url = f"{ORGANIZATIONS}/{world.police.id}"

    response = client.patch(
        url, json={"phone": "0537-110", "networks": ["support", "rights_protection"]}, headers=admin
    )

    assert response.status_code == 200, response.text
    org = response.json()
    assert org["phone"] == "0537-110"
    assert org["networks"] == ["rights_protection", "support"]
    assert org["version"] == 2
    assert response.headers["ETag"] == '"2"'
    assert org["name"] == "黄屯派出所"  # untouched fields stay


def test_patch_rejects_nulls_and_unknown_regions(client, world):
    admin = world.as_("admin")
    url = f"{ORGANIZATIONS}/{world.police.id}"
    for patch, loc in (
        ({"name": None}, ["body", "name"]),
        ({"type": None}, ["body", "type"]),
        ({"region_id": new_id()}, ["body", "region_id"]),
    ):
        problem = client.patch(url, json=patch, headers=admin).json()
        assert problem["status"] == 422 and loc in error_locs(problem), problem
    assert client.get(url, headers=admin).json()["version"] == 1


def test_patch_can_clear_optional_fields(client, world):
    admin = world.as_("admin")
    org = create_org(
        client, admin, org_body(world.county, phone="0537-1", credit_code=credit_code())
    )

    response = client.patch(
        f"{ORGANIZATIONS}/{org['id']}", json={"phone": None, "credit_code": None}, headers=admin
    )

    assert response.status_code == 200
    assert response.json()["phone"] is None and response.json()["credit_code"] is None


def test_put_creates_then_replaces_and_is_idempotent(client, world, db):
    admin = world.as_("admin")
    org_id = new_id()
    url = f"{ORGANIZATIONS}/{org_id}"
    body = org_body(
        world.huangtun,
        "黄屯司法所",
        "judicial_office",
        networks=["rights_protection"],
        phone="0537-2",
    )

    first = client.put(url, json=body, headers=admin)
    again = client.put(url, json=body, headers=admin)
    replaced = client.put(url, json={k: v for k, v in body.items() if k != "phone"}, headers=admin)

    assert first.status_code == 201, first.text
    assert first.json()["id"] == org_id and first.headers["ETag"] == '"1"'
    assert again.status_code == 200
    assert again.json() == first.json()
    assert replaced.status_code == 200
    assert replaced.json()["phone"] is None  # PUT replaces: an omitted field is cleared
    assert replaced.json()["version"] == 2
    assert replaced.headers["ETag"] == '"2"'
    assert [e["action"] for e in audit_events(client, admin, org_id)] == [
        "organization.create",
        "organization.update",
    ]


def test_delete_is_soft_and_frees_the_region(client, world, db):
    admin = world.as_("admin")
    township = client.post(
        REGIONS,
        json={
            "code": "370871006000",
            "name": "某街道",
            "level": "township",
            "kind": "subdistrict",
            "parent_id": str(world.county.id),
        },
        headers=admin,
    ).json()
    org = create_org(client, admin, org_body(township["id"], "某街道办事处", "street_office"))
    url = f"{ORGANIZATIONS}/{org['id']}"
    total = count(db, "organization")

    assert client.delete(url, headers=admin).status_code == 204

    assert_problem(client.get(url, headers=admin), 404, "not_found")
    assert org["id"] not in ids(list_all(client, ORGANIZATIONS, admin))
    assert count(db, "organization") == total
    assert client.delete(f"{REGIONS}/{township['id']}", headers=admin).status_code == 204


def test_type_network_region_and_name_filters(client, world):
    admin = world.as_("admin")
    school = create_org(
        client,
        admin,
        org_body(world.village, "东营小学", "school", networks=["education_management"]),
    )
    police, wf = str(world.police.id), str(world.womens_federation.id)

    assert ids(list_all(client, ORGANIZATIONS, admin, type="police_station")) == {police}
    assert ids(list_all(client, ORGANIZATIONS, admin, network="support")) == {wf}
    assert ids(list_all(client, ORGANIZATIONS, admin, network="rights_protection")) == {police, wf}
    assert ids(list_all(client, ORGANIZATIONS, admin, network="social_care")) == set()
    # region_id is a subtree filter: the township includes its villages' organizations.
    assert ids(list_all(client, ORGANIZATIONS, admin, region_id=str(world.huangtun.id))) == {
        police,
        school["id"],
    }
    assert ids(list_all(client, ORGANIZATIONS, admin, region_id=str(world.county.id))) == {
        police,
        wf,
        school["id"],
    }
    assert ids(list_all(client, ORGANIZATIONS, admin, q="小学")) == {school["id"]}
    assert ids(list_all(client, ORGANIZATIONS, admin, q="%")) == set()  # LIKE is escaped
    assert (
        ids(list_all(client, ORGANIZATIONS, admin, type="school", network="rights_protection"))
        == set()
    )
    for bad in ({"type": "church"}, {"network": "fishing"}, {"region_id": "nope"}, {"q": "a\x00"}):
        assert_problem(
            client.get(ORGANIZATIONS, params=bad, headers=admin), 422, "validation_error"
        )


def test_updated_since(client, world):
    admin = world.as_("admin")
    since = datetime.now(UTC)
    assert (
        client.patch(
            f"{ORGANIZATIONS}/{world.police.id}", json={"phone": "0537-3"}, headers=admin
        ).status_code
        == 200
    )

    changed = list_all(client, ORGANIZATIONS, admin, updated_since=since.isoformat())

    assert ids(changed) == {str(world.police.id)}


def test_street_staff_sees_organizations_of_its_subtree_and_lineage(client, world):
    admin, staff = world.as_("admin"), world.as_("staff")
    county_org = create_org(
        client, admin, org_body(world.county, "高新区妇联", "womens_federation")
    )
    village_org = create_org(
        client, admin, org_body(world.village, "东营村委会", "village_committee")
    )
    liuxing_village_org = create_org(
        client, admin, org_body(world.other_village, "西苑村委会", "village_committee")
    )

    seen = ids(list_all(client, ORGANIZATIONS, staff))

    assert seen == {str(world.police.id), county_org["id"], village_org["id"]}
    for hidden in (str(world.womens_federation.id), liuxing_village_org["id"]):
        assert_problem(client.get(f"{ORGANIZATIONS}/{hidden}", headers=staff), 404, "not_found")
    assert client.get(f"{ORGANIZATIONS}/{world.police.id}", headers=staff).status_code == 200
    assert list_all(client, ORGANIZATIONS, staff, region_id=str(world.liuxing.id)) == []
    other = ids(list_all(client, ORGANIZATIONS, world.as_("other_staff")))
    assert other == {str(world.womens_federation.id), county_org["id"], liuxing_village_org["id"]}


@pytest.mark.parametrize("who", ["staff", "auditor", "partner"])
def test_writes_by_non_admins_are_403(client, world, db, who):
    headers = world.as_(who)
    url = f"{ORGANIZATIONS}/{world.police.id}"
    total = count(db, "organization")

    for response in (
        client.post(ORGANIZATIONS, json=org_body(world.huangtun), headers=headers),
        client.put(f"{ORGANIZATIONS}/{new_id()}", json=org_body(world.huangtun), headers=headers),
        client.patch(url, json={"name": "改"}, headers=headers),
        client.delete(url, headers=headers),
    ):
        assert_problem(response, 403, "insufficient_scope")
    assert count(db, "organization") == total
    assert client.get(url, headers=world.as_("admin")).json()["version"] == 1


def test_organization_writes_are_audited(client, world):
    admin = world.as_("admin")
    org = create_org(client, admin, org_body(world.county, "某社工机构", "social_work_agency"))
    url = f"{ORGANIZATIONS}/{org['id']}"
    assert (
        client.patch(url, json={"phone": "0537-4", "name": "某社工机构"}, headers=admin).status_code
        == 200
    )
    assert client.delete(url, headers=admin).status_code == 204

    events = audit_events(client, admin, org["id"])

    assert [e["action"] for e in events] == [
        "organization.create",
        "organization.update",
        "organization.delete",
    ]
    assert {e["actor_id"] for e in events} == {str(world.users["admin"].id)}
    assert {e["resource_type"] for e in events} == {"organization"}
    assert set(events[0]["changed_fields"]) >= {"name", "type", "region_id"}
    assert events[1]["changed_fields"] == ["phone"]  # the unchanged name is not listed

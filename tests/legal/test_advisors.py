"""/legal-advisors: the register of advisors, its rules and who may read and write it."""

from __future__ import annotations

import uuid

import pytest

from liushou.regions.models import OrganizationType
from liushou.tables import legal_advisor_t
from tests.auth.helpers import audit_rows
from tests.http import list_all
from tests.legal.legal_helpers import (
    ADVISORS,
    CONTRACTS,
    advisor_body,
    assert_problem,
    create_advisor,
    create_contract,
    day,
    make_firm,
)
from tests.services.wishes_helpers import table_rows


def test_create_read_back_put_patch_delete(client, world, db):
    staff = world.as_("staff")
    firm = make_firm(db, world.county)
    body = advisor_body(firm, name="李明", phone="0537-2345678")
    response = client.post(ADVISORS, json=body, headers=staff)
    assert response.status_code == 201, response.text
    advisor = response.json()
    assert response.headers["Location"].endswith(f"{ADVISORS}/{advisor['id']}")
    assert response.headers["ETag"] == '"1"'
    assert {k: advisor[k] for k in body} == body  # the phone is published, not masked
    assert advisor["active"] is True and advisor["user_id"] is None
    got = client.get(f"{ADVISORS}/{advisor['id']}", headers=staff)
    assert got.status_code == 200 and got.json() == advisor and got.headers["ETag"] == '"1"'

    url = f"{ADVISORS}/{advisor['id']}"
    stale = client.patch(url, json={"phone": "13800001111"}, headers={**staff, "If-Match": '"9"'})
    assert_problem(stale, 412, "precondition_failed")
    patched = client.patch(url, json={"phone": "13800001111"}, headers={**staff, "If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert patched.json()["phone"] == "13800001111" and patched.headers["ETag"] == '"2"'
    assert_problem(client.patch(url, json={"name": None}, headers=staff), 422, "validation_error")

    replaced = client.put(url, json=advisor_body(firm, name="李明"), headers=staff)
    assert replaced.status_code == 200 and replaced.json()["version"] == 3
    fresh = str(uuid.uuid4())
    put_new = client.put(f"{ADVISORS}/{fresh}", json=advisor_body(firm), headers=staff)
    assert put_new.status_code == 201 and put_new.json()["id"] == fresh
    again = client.put(f"{ADVISORS}/{fresh}", json=put_new.json() | {}, headers=staff)
    assert_problem(again, 422, "validation_error")  # read-only fields are not a body

    assert client.delete(url, headers=staff).status_code == 204
    assert_problem(client.get(url, headers=staff), 404, "not_found")
    assert [a["id"] for a in list_all(client, ADVISORS, staff)] == [fresh]
    actions = [r["action"] for r in audit_rows(db, resource_id=advisor["id"])]
    assert actions == [
        "legal_advisor.create",
        "legal_advisor.update",
        "legal_advisor.update",
        "legal_advisor.delete",
    ]


def test_idempotent_create(client, world, db):
    staff = {**world.as_("staff"), "Idempotency-Key": "adv-1"}
    body = advisor_body(make_firm(db, world.county))
    first = client.post(ADVISORS, json=body, headers=staff)
    second = client.post(ADVISORS, json=body, headers=staff)
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json() == first.json()
    assert len(table_rows(db, legal_advisor_t)) == 1


@pytest.mark.parametrize(
    "value",
    [
        "1370820181012345",
        "137082018101234567",
        "1370820181012345X",
        "１３７０８２０１８１０１２３４５６",
    ],
)
def test_license_number_is_exactly_17_digits(client, world, db, value):
    body = advisor_body(make_firm(db, world.county), license_no=value)
    problem = assert_problem(
        client.post(ADVISORS, json=body, headers=world.as_("staff")), 422, "validation_error"
    )
    assert [(e["loc"], e["code"]) for e in problem["errors"]] == [
        (["body", "license_no"], "license_no_format")
    ]
    assert "17 digits" in problem["errors"][0]["msg"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "call me"),
        ("phone", "1"),
        ("category", "senior"),
        ("name", ""),
        ("active", "maybe"),
        ("active", 0),
    ],
)
def test_invalid_fields(client, world, db, field, value):
    body = advisor_body(make_firm(db, world.county), **{field: value})
    problem = assert_problem(
        client.post(ADVISORS, json=body, headers=world.as_("staff")), 422, "validation_error"
    )
    assert problem["errors"][0]["loc"] == ["body", field]


def test_the_firm_must_be_a_law_firm_or_legal_service_the_caller_sees(client, world, db):
    staff = world.as_("staff")
    grassroots = make_firm(
        db, world.huangtun, "黄屯法律服务所", OrganizationType.grassroots_legal_service
    )
    assert client.post(ADVISORS, json=advisor_body(grassroots), headers=staff).status_code == 201
    elsewhere = make_firm(db, world.liuxing, "柳行律师事务所")
    for firm in (world.police, uuid.uuid4(), elsewhere):
        problem = assert_problem(
            client.post(ADVISORS, json=advisor_body(firm), headers=staff), 422, "invalid_law_firm"
        )
        assert problem["errors"][0]["loc"] == ["body", "law_firm_id"]
    # An administrator sees every firm.
    admin = world.as_("admin")
    assert client.post(ADVISORS, json=advisor_body(elsewhere), headers=admin).status_code == 201


def test_license_numbers_are_unique_among_live_advisors(client, world, db):
    staff = world.as_("staff")
    firm = make_firm(db, world.county)
    first = create_advisor(client, staff, firm)
    twin = advisor_body(firm, license_no=first["license_no"])
    problem = assert_problem(
        client.post(ADVISORS, json=twin, headers=staff), 409, "duplicate_license"
    )
    assert problem["existing_id"] == first["id"]
    other = create_advisor(client, staff, firm)
    patch = client.patch(
        f"{ADVISORS}/{other['id']}", json={"license_no": first["license_no"]}, headers=staff
    )
    assert_problem(patch, 409, "duplicate_license")
    assert client.delete(f"{ADVISORS}/{first['id']}", headers=staff).status_code == 204
    assert client.post(ADVISORS, json=twin, headers=staff).status_code == 201


def test_the_login_is_a_legal_advisor_linked_once(client, world, db):
    staff = world.as_("staff")
    firm = make_firm(db, world.county)
    for user_id in (world.users["village"].id, uuid.uuid4()):
        body = advisor_body(firm, user_id=str(user_id))
        problem = assert_problem(
            client.post(ADVISORS, json=body, headers=staff), 422, "invalid_advisor_user"
        )
        assert problem["errors"][0]["loc"] == ["body", "user_id"]
    lawyer = str(world.users["lawyer"].id)
    linked = create_advisor(client, staff, firm, user_id=lawyer)
    assert linked["user_id"] == lawyer
    problem = assert_problem(
        client.post(ADVISORS, json=advisor_body(firm, user_id=lawyer), headers=staff),
        409,
        "advisor_user_linked",
    )
    assert problem["existing_id"] == linked["id"]
    # The same advisor keeps its login on a change.
    same = client.patch(f"{ADVISORS}/{linked['id']}", json={"user_id": lawyer}, headers=staff)
    assert same.status_code == 200 and same.json()["version"] == 1


def test_an_advisor_with_a_contract_not_ended_is_kept(client, world, db, clock):
    staff = world.as_("staff")
    firm = make_firm(db, world.county)
    other_firm = make_firm(db, world.county, "济宁高新律师事务所")
    advisor = create_advisor(client, staff, firm)
    contract = create_contract(client, staff, firm, advisor, [world.village], day(10), day(40))
    url = f"{ADVISORS}/{advisor['id']}"
    problem = assert_problem(client.delete(url, headers=staff), 409, "advisor_has_contracts")
    assert problem["contract_id"] == contract["id"]  # a draft has not ended either
    moved = client.patch(url, json={"law_firm_id": str(other_firm.id)}, headers=staff)
    assert_problem(moved, 409, "advisor_has_contracts")
    assert client.patch(url, json={"active": False}, headers=staff).status_code == 200

    clock.set_today(day(41))  # the contract has ended
    assert (
        client.patch(url, json={"law_firm_id": str(other_firm.id)}, headers=staff).status_code
        == 200
    )
    assert client.delete(url, headers=staff).status_code == 204


def test_who_reads_and_writes_advisors(client, world, db):
    staff = world.as_("staff")
    firm = make_firm(db, world.county)
    mine = create_advisor(client, staff, firm, user_id=str(world.users["lawyer"].id), name="甲")
    other = create_advisor(client, staff, firm, name="乙")
    # Published on the cards: every legal:read caller sees them all ...
    for who in ("staff", "other_staff", "admin", "auditor"):
        assert {a["id"] for a in list_all(client, ADVISORS, world.as_(who))} == {
            mine["id"],
            other["id"],
        }
    # ... but an advisor's own login sees its own only.
    lawyer = world.as_("lawyer")
    assert [a["id"] for a in list_all(client, ADVISORS, lawyer)] == [mine["id"]]
    assert client.get(f"{ADVISORS}/{mine['id']}", headers=lawyer).status_code == 200
    assert_problem(client.get(f"{ADVISORS}/{other['id']}", headers=lawyer), 404, "not_found")
    # Writes: administrators and street staff only.
    for response in (
        client.post(ADVISORS, json=advisor_body(firm), headers=lawyer),
        client.patch(f"{ADVISORS}/{mine['id']}", json={"phone": "13900000000"}, headers=lawyer),
        client.delete(f"{ADVISORS}/{mine['id']}", headers=lawyer),
    ):
        assert_problem(response, 403, "legal_manager_required")
    for who in ("village", "volunteer", "partner"):
        assert_problem(client.get(ADVISORS, headers=world.as_(who)), 403, "insufficient_scope")
    assert_problem(
        client.post(ADVISORS, json=advisor_body(firm), headers=world.as_("auditor")),
        403,
        "insufficient_scope",
    )
    # A firm outside the caller's sight: its advisors cannot be changed there (404).
    elsewhere = make_firm(db, world.liuxing, "柳行律师事务所")
    theirs = create_advisor(client, world.as_("other_staff"), elsewhere)
    assert_problem(
        client.patch(f"{ADVISORS}/{theirs['id']}", json={"phone": "13900000000"}, headers=staff),
        404,
        "not_found",
    )


def test_list_filters_and_order(client, world, db):
    staff = world.as_("staff")
    firm = make_firm(db, world.county)
    other_firm = make_firm(
        db, world.huangtun, "黄屯法律服务所", OrganizationType.grassroots_legal_service
    )
    zhang = create_advisor(client, staff, firm, name="张三")
    li = create_advisor(client, staff, other_firm, name="李四", active=False)
    wang = create_advisor(client, staff, firm, name="王五_%")

    def ids(**params):
        return [a["id"] for a in list_all(client, ADVISORS, staff, limit=1, **params)]

    assert ids() == [a["id"] for a in sorted([zhang, li, wang], key=lambda a: (a["name"], a["id"]))]
    assert set(ids(law_firm_id=str(firm.id))) == {zhang["id"], wang["id"]}
    assert ids(active="false") == [li["id"]]
    assert ids(q="四") == [li["id"]]
    assert ids(q="_%") == [wang["id"]]  # wildcards are plain text
    assert_problem(
        client.get(ADVISORS, params={"q": "a\x00"}, headers=staff), 422, "validation_error"
    )
    assert client.get(CONTRACTS, headers=staff).status_code == 200

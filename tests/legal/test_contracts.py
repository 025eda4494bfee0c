"""/legal-contracts: fields, status, the two coverage rules, terminate and renew."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from liushou.legal.models import LegalActivity
from tests.auth.helpers import audit_rows
from tests.legal.legal_helpers import (
    CONTRACTS,
    assert_problem,
    contract_body,
    create_advisor,
    create_contract,
    day,
    live_contracts,
    make_firm,
    make_villages,
    post_contract,
    stored_contract,
)


@pytest.fixture
def firm(db, world):
    return make_firm(db, world.county)


@pytest.fixture
def advisor(client, world, firm):
    return create_advisor(client, world.as_("staff"), firm)


def test_create_read_back_and_put(client, world, db, firm, advisor):
    staff = world.as_("staff")
    body = contract_body(
        firm, advisor, [world.village, world.community], day(-10), day(355), signed_on=str(day(-20))
    )
    response = client.post(CONTRACTS, json=body, headers=staff)
    assert response.status_code == 201, response.text
    contract = response.json()
    assert response.headers["Location"].endswith(f"{CONTRACTS}/{contract['id']}")
    assert contract["status"] == "active"
    assert sorted(contract["region_ids"]) == sorted(body["region_ids"])
    assert (contract["weekly_activity_target"], contract["monthly_onsite_minutes_target"]) == (
        2,
        240,
    )
    assert contract["terminated_on"] is None and contract["renews_id"] is None
    assert "last_day" not in contract and "created_by" not in contract
    got = client.get(f"{CONTRACTS}/{contract['id']}", headers=staff)
    assert got.json() == contract and got.headers["ETag"] == '"1"'
    stored = stored_contract(db, contract["id"])
    assert stored["last_day"] == day(355)
    assert stored["villages"] == {
        str(world.village.id): world.village.path,
        str(world.community.id): world.community.path,
    }

    fresh = str(uuid.uuid4())
    other_village = make_villages(db, world.huangtun, 1)
    put_body = contract_body(firm, advisor, other_village, day(1), day(100))
    created = client.put(f"{CONTRACTS}/{fresh}", json=put_body, headers=staff)
    assert created.status_code == 201 and created.json()["status"] == "draft"
    replaced = client.put(
        f"{CONTRACTS}/{fresh}", json=put_body | {"weekly_activity_target": 3}, headers=staff
    )
    assert replaced.status_code == 200 and replaced.json()["version"] == 2
    same = client.put(
        f"{CONTRACTS}/{fresh}", json=put_body | {"weekly_activity_target": 3}, headers=staff
    )
    assert same.status_code == 200 and same.json()["version"] == 2  # a retry changes nothing
    assert_problem(
        client.put(f"{CONTRACTS}/{fresh}", json=put_body, headers={**staff, "If-Match": '"1"'}),
        412,
        "precondition_failed",
    )
    actions = [r["action"] for r in audit_rows(db, resource_id=fresh)]
    assert actions == ["legal_contract.create", "legal_contract.update"]


def test_status_follows_the_dates_as_of_today(client, world, firm, advisor, clock):
    staff = world.as_("staff")
    contract = create_contract(client, staff, firm, advisor, [world.village], day(5), day(20))
    url = f"{CONTRACTS}/{contract['id']}"
    start = day(5)

    def status_on(offset: int) -> str:
        clock.set_today(start + timedelta(days=offset))
        return client.get(url, headers=staff).json()["status"]

    assert [status_on(o) for o in (-1, 0, 15, 16)] == ["draft", "active", "active", "expired"]
    clock.set_today(start)
    ended = client.post(
        f"{url}/terminate", json={"terminated_on": str(start + timedelta(days=3))}, headers=staff
    )
    assert ended.status_code == 200 and ended.json()["status"] == "active"
    assert [status_on(o) for o in (2, 3, 30)] == ["active", "terminated", "terminated"]


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"ends_on": "2026-01-01", "starts_on": "2026-01-01"}, ["body", "ends_on"]),
        ({"ends_on": "2025-12-31", "starts_on": "2026-01-01"}, ["body", "ends_on"]),
    ],
)
def test_ends_after_it_starts(client, world, firm, advisor, change, loc):
    body = contract_body(firm, advisor, [world.village]) | change
    problem = assert_problem(
        client.post(CONTRACTS, json=body, headers=world.as_("staff")), 422, "invalid_contract_dates"
    )
    assert problem["errors"][0]["loc"] == loc


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("region_ids", []),
        ("region_ids", "not-a-list"),
        ("weekly_activity_target", -1),
        ("monthly_onsite_minutes_target", 1.5),
        ("starts_on", "2026-02-30"),
        ("terminated_on", "2026-01-01"),  # set by /terminate only
        ("status", "active"),
    ],
)
def test_invalid_bodies(client, world, firm, advisor, field, value):
    body = contract_body(firm, advisor, [world.village]) | {field: value}
    assert_problem(
        client.post(CONTRACTS, json=body, headers=world.as_("staff")), 422, "validation_error"
    )


def test_a_village_named_twice_is_refused(client, world, firm, advisor):
    body = contract_body(firm, advisor, [world.village, world.village])
    problem = assert_problem(
        client.post(CONTRACTS, json=body, headers=world.as_("staff")), 422, "validation_error"
    )
    assert problem["errors"][0]["loc"] == ["body", "region_ids"]


def test_the_villages_are_villages_of_the_callers_area(client, world, db, firm, advisor):
    staff = world.as_("staff")
    for bad in (world.huangtun, world.other_village, uuid.uuid4()):
        body = contract_body(firm, advisor, [world.village, bad])
        problem = assert_problem(
            client.post(CONTRACTS, json=body, headers=staff), 422, "invalid_region"
        )
        assert problem["errors"][0]["loc"] == ["body", "region_ids", 1]
    assert live_contracts(db) == []


def test_the_firm_and_its_advisor(client, world, db, firm, advisor):
    staff = world.as_("staff")
    other_firm = make_firm(db, world.county, "济宁高新律师事务所")
    stranger = create_advisor(client, staff, other_firm)
    cases = [
        (contract_body(world.police, advisor, [world.village]), "invalid_law_firm", "law_firm_id"),
        (contract_body(firm, stranger, [world.village]), "advisor_not_in_firm", "advisor_id"),
        (contract_body(firm, uuid.uuid4(), [world.village]), "invalid_advisor", "advisor_id"),
    ]
    for body, code, field in cases:
        problem = assert_problem(client.post(CONTRACTS, json=body, headers=staff), 422, code)
        assert problem["errors"][0]["loc"] == ["body", field]
    inactive = create_advisor(client, staff, firm, active=False)
    assert_problem(
        post_contract(client, staff, firm, inactive, [world.village]), 422, "advisor_inactive"
    )
    deleted = create_advisor(client, staff, firm)
    client.delete(f"/api/v1/legal-advisors/{deleted['id']}", headers=staff)
    assert_problem(
        post_contract(client, staff, firm, deleted, [world.village]), 422, "invalid_advisor"
    )


def test_a_village_has_one_contract_on_any_day(client, world, db, firm, advisor):
    staff = world.as_("staff")
    second = create_advisor(client, staff, firm)
    first = create_contract(client, staff, firm, advisor, [world.village], day(0), day(99))
    # One shared day (the first's last) is one too many.
    problem = assert_problem(
        post_contract(
            client, staff, firm, second, [world.community, world.village], day(99), day(200)
        ),
        409,
        "village_already_covered",
    )
    assert problem["existing_id"] == first["id"]
    assert problem["region_id"] == str(world.village.id)
    # The day after is free, and so is the same period for another village.
    create_contract(client, staff, firm, second, [world.village], day(100), day(200))
    create_contract(client, staff, firm, second, [world.community], day(0), day(99))
    # Terminated: the village is free from terminated_on on.
    third = create_advisor(client, staff, firm)
    client.post(
        f"{CONTRACTS}/{first['id']}/terminate", json={"terminated_on": str(day(50))}, headers=staff
    )
    assert_problem(
        post_contract(client, staff, firm, third, [world.village], day(49), day(60)),
        409,
        "village_already_covered",
    )
    create_contract(client, staff, firm, third, [world.village], day(50), day(60))


def test_a_change_that_reaches_a_covered_village_is_refused(client, world, db, firm, advisor):
    staff = world.as_("staff")
    second = create_advisor(client, staff, firm)
    first = create_contract(client, staff, firm, advisor, [world.village], day(0), day(99))
    other = create_contract(client, staff, firm, second, [world.community], day(0), day(99))
    url = f"{CONTRACTS}/{other['id']}"
    problem = assert_problem(
        client.patch(url, json={"region_ids": [str(world.village.id)]}, headers=staff),
        409,
        "village_already_covered",
    )
    assert problem["existing_id"] == first["id"]
    later = create_contract(client, staff, firm, second, [world.village], day(100), day(150))
    longer = client.patch(
        f"{CONTRACTS}/{first['id']}", json={"ends_on": str(day(120))}, headers=staff
    )
    assert assert_problem(longer, 409, "village_already_covered")["existing_id"] == later["id"]
    # A change of something else is not checked again, and the row stays as it was.
    ok = client.patch(url, json={"weekly_activity_target": 5}, headers=staff)
    assert ok.status_code == 200 and ok.json()["region_ids"] == [str(world.community.id)]
    assert stored_contract(db, first["id"])["last_day"] == day(99)


def test_an_advisor_covers_at_most_five_villages_on_any_day(client, world, db, firm, advisor):
    staff = world.as_("staff")
    v = make_villages(db, world.huangtun, 9)
    # Five at once is the limit.
    create_contract(client, staff, firm, advisor, v[0:3], day(0), day(180))
    create_contract(client, staff, firm, advisor, v[3:5], day(0), day(90))
    problem = assert_problem(
        post_contract(client, staff, firm, advisor, [v[5]], day(90), day(120)),
        409,
        "advisor_capacity_exceeded",
    )
    assert (problem["villages"], problem["max_villages"], problem["day"]) == (6, 5, str(day(90)))
    # Exact, not the union over the whole range: v[3:5] end on day 90, so from day 91 on
    # the advisor serves three, and a contract of two more then fits.
    create_contract(client, staff, firm, advisor, v[5:7], day(91), day(365))
    # Its own contracts that have not started yet count on their days.
    problem = assert_problem(
        post_contract(client, staff, firm, advisor, [v[7]], day(60), day(200)),
        409,
        "advisor_capacity_exceeded",
    )
    assert problem["day"] == str(day(60))
    problem = assert_problem(
        post_contract(client, staff, firm, advisor, [v[7]], day(95), day(200)),
        409,
        "advisor_capacity_exceeded",
    )
    assert problem["day"] == str(day(95))
    create_contract(client, staff, firm, advisor, [v[7]], day(181), day(200))


def test_capacity_follows_the_setting(db, world, app, firm, advisor):
    from fastapi.testclient import TestClient

    from liushou.app import create_app
    from tests.conftest import make_settings

    small = create_app(make_settings(app.state.settings.database_url, advisor_max_villages=2))
    with TestClient(small) as client:
        staff = world.as_("staff")
        v = make_villages(db, world.huangtun, 3)
        create_contract(client, staff, firm, advisor, v[:2])
        assert_problem(
            post_contract(client, staff, firm, advisor, [v[2]]), 409, "advisor_capacity_exceeded"
        )


def test_put_and_patch_keep_last_day_and_villages_in_step(client, world, db, firm, advisor):
    staff = world.as_("staff")
    contract = create_contract(client, staff, firm, advisor, [world.village], day(0), day(99))
    url = f"{CONTRACTS}/{contract['id']}"
    moved = client.patch(
        url, json={"region_ids": [str(world.community.id)], "ends_on": str(day(50))}, headers=staff
    )
    assert moved.status_code == 200 and moved.json()["version"] == 2
    stored = stored_contract(db, contract["id"])
    assert stored["last_day"] == day(50) and list(stored["villages"]) == [str(world.community.id)]
    only_villages = client.patch(url, json={"region_ids": [str(world.village.id)]}, headers=staff)
    assert only_villages.json()["version"] == 3
    client.post(f"{url}/terminate", json={"terminated_on": str(day(20))}, headers=staff)
    assert stored_contract(db, contract["id"])["last_day"] == day(19)
    # PUT keeps terminated_on; ends_on cannot come before it.
    body = contract_body(firm, advisor, [world.village], day(0), day(60))
    assert client.put(url, json=body, headers=staff).json()["terminated_on"] == str(day(20))
    assert stored_contract(db, contract["id"])["last_day"] == day(19)
    short = contract_body(firm, advisor, [world.village], day(0), day(10))
    assert_problem(client.put(url, json=short, headers=staff), 422, "invalid_contract_dates")
    assert_problem(
        client.patch(url, json={"region_ids": None}, headers=staff), 422, "validation_error"
    )


def test_terminate(client, world, db, firm, advisor):
    staff = world.as_("staff")
    contract = create_contract(client, staff, firm, advisor, [world.village], day(-10), day(99))
    url = f"{CONTRACTS}/{contract['id']}/terminate"
    too_late = client.post(url, json={"terminated_on": str(day(100))}, headers=staff)
    assert assert_problem(too_late, 422, "invalid_contract_dates")["errors"][0]["loc"] == [
        "body",
        "terminated_on",
    ]
    stale = client.post(
        url, json={"terminated_on": str(day(0))}, headers={**staff, "If-Match": '"7"'}
    )
    assert_problem(stale, 412, "precondition_failed")
    done = client.post(url, json={"terminated_on": str(day(0))}, headers=staff)
    assert done.status_code == 200 and done.headers["ETag"] == '"2"'
    assert done.json()["status"] == "terminated" and done.json()["terminated_on"] == str(day(0))
    problem = assert_problem(
        client.post(url, json={"terminated_on": str(day(0))}, headers=staff),
        409,
        "invalid_transition",
    )
    assert problem["current_status"] == "terminated"
    assert [r["action"] for r in audit_rows(db, resource_id=contract["id"])][
        -1
    ] == "legal_contract.terminate"
    # Terminated on its first day: it covers nothing at all.
    draft = create_contract(client, staff, firm, advisor, [world.community], day(10), day(20))
    client.post(
        f"{CONTRACTS}/{draft['id']}/terminate", json={"terminated_on": str(day(10))}, headers=staff
    )
    other = create_advisor(client, staff, firm)
    create_contract(client, staff, firm, other, [world.community], day(10), day(20))


def test_renew(client, world, db, firm, advisor):
    staff = world.as_("staff")
    contract = create_contract(
        client,
        staff,
        firm,
        advisor,
        [world.village, world.community],
        day(-100),
        day(30),
        weekly_activity_target=3,
        monthly_onsite_minutes_target=300,
    )
    url = f"{CONTRACTS}/{contract['id']}/renew"
    assert_problem(
        client.post(url, json={"ends_on": str(day(31))}, headers=staff),
        422,
        "invalid_contract_dates",
    )
    response = client.post(
        url,
        json={"ends_on": str(day(395)), "signed_on": str(day(0))},
        headers={**staff, "Idempotency-Key": "r1"},
    )
    assert response.status_code == 201, response.text
    renewal = response.json()
    assert response.headers["Location"].endswith(f"{CONTRACTS}/{renewal['id']}")
    assert renewal["renews_id"] == contract["id"] and renewal["status"] == "draft"
    assert (renewal["starts_on"], renewal["ends_on"], renewal["signed_on"]) == (
        str(day(31)),
        str(day(395)),
        str(day(0)),
    )
    same = ("law_firm_id", "advisor_id", "weekly_activity_target", "monthly_onsite_minutes_target")
    assert {k: renewal[k] for k in same} == {k: contract[k] for k in same}
    assert sorted(renewal["region_ids"]) == sorted(contract["region_ids"])
    replay = client.post(
        url,
        json={"ends_on": str(day(395)), "signed_on": str(day(0))},
        headers={**staff, "Idempotency-Key": "r1"},
    )
    assert replay.status_code == 201 and replay.json() == renewal
    # Renewing again would cover the villages twice.
    twice = client.post(url, json={"ends_on": str(day(500))}, headers=staff)
    assert assert_problem(twice, 409, "village_already_covered")["existing_id"] == renewal["id"]
    # A terminated contract is not renewed.
    client.post(
        f"{CONTRACTS}/{renewal['id']}/terminate",
        json={"terminated_on": str(day(100))},
        headers=staff,
    )
    problem = assert_problem(
        client.post(
            f"{CONTRACTS}/{renewal['id']}/renew", json={"ends_on": str(day(900))}, headers=staff
        ),
        409,
        "invalid_transition",
    )
    assert problem["current_status"] == "draft"
    assert len(live_contracts(db)) == 2


def test_renew_checks_the_advisor_again(client, world, db, firm, advisor):
    staff = world.as_("staff")
    contract = create_contract(client, staff, firm, advisor, [world.village], day(-100), day(30))
    client.patch(f"/api/v1/legal-advisors/{advisor['id']}", json={"active": False}, headers=staff)
    assert_problem(
        client.post(
            f"{CONTRACTS}/{contract['id']}/renew", json={"ends_on": str(day(300))}, headers=staff
        ),
        422,
        "advisor_inactive",
    )


def test_delete(client, world, db, firm, advisor):
    staff = world.as_("staff")
    contract = create_contract(client, staff, firm, advisor, [world.village], day(-10), day(99))
    url = f"{CONTRACTS}/{contract['id']}"

    def log_activity(session):
        session.add(
            LegalActivity(
                advisor_id=uuid.UUID(advisor["id"]),
                contract_id=uuid.UUID(contract["id"]),
                region_id=world.village.id,
                region_path=world.village.path,
                type="consultation",
                mode="on_site",
                held_on=day(-1),
                duration_minutes=60,
                summary="土地承包纠纷咨询",
                created_by="test",
            )
        )

    db.run_in_session(log_activity)
    assert_problem(client.delete(url, headers=staff), 409, "contract_has_activities")
    other = create_contract(client, staff, firm, advisor, [world.community], day(-10), day(99))
    assert client.delete(f"{CONTRACTS}/{other['id']}", headers=staff).status_code == 204
    assert_problem(client.get(f"{CONTRACTS}/{other['id']}", headers=staff), 404, "not_found")
    # Its village is free again.
    create_contract(client, staff, firm, advisor, [world.community], day(-10), day(99))

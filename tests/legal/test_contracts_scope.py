"""Who sees and who changes a contract, and the list's filters."""

from __future__ import annotations

import pytest

from tests.http import list_all
from tests.legal.legal_helpers import (
    CONTRACTS,
    assert_problem,
    contract_body,
    create_advisor,
    create_contract,
    day,
    make_firm,
)


@pytest.fixture
def setup(client, world, db):
    """Three contracts: 黄屯's village (the lawyer login's advisor), 黄屯's community (a
    draft), and 柳行's village (recorded by an administrator, another firm)."""
    admin, staff = world.as_("admin"), world.as_("staff")
    firm = make_firm(db, world.county)
    other_firm = make_firm(db, world.county, "济宁高新律师事务所")
    mine = create_advisor(client, staff, firm, user_id=str(world.users["lawyer"].id))
    other = create_advisor(client, admin, other_firm)
    return {
        "firm": firm,
        "other_firm": other_firm,
        "mine": mine,
        "other": other,
        "village": create_contract(client, staff, firm, mine, [world.village], day(-30), day(300)),
        "community": create_contract(
            client, staff, firm, mine, [world.community], day(10), day(300)
        ),
        "liuxing": create_contract(
            client, admin, other_firm, other, [world.other_village], day(-400), day(-1)
        ),
    }


def _ids(client, headers, **params):
    return {c["id"] for c in list_all(client, CONTRACTS, headers, limit=1, **params)}


def test_who_sees_which_contract(client, world, setup):
    everything = {setup[k]["id"] for k in ("village", "community", "liuxing")}
    assert _ids(client, world.as_("admin")) == everything
    assert _ids(client, world.as_("auditor")) == everything
    assert _ids(client, world.as_("staff")) == {setup["village"]["id"], setup["community"]["id"]}
    assert _ids(client, world.as_("other_staff")) == {setup["liuxing"]["id"]}
    # The lawyer login sees its advisor's contracts, wherever they are, and no other.
    assert _ids(client, world.as_("lawyer")) == {setup["village"]["id"], setup["community"]["id"]}
    url = f"{CONTRACTS}/{setup['liuxing']['id']}"
    for who in ("staff", "lawyer"):
        assert_problem(client.get(url, headers=world.as_(who)), 404, "not_found")
    assert client.get(url, headers=world.as_("other_staff")).status_code == 200
    for who in ("village", "volunteer", "partner"):
        assert_problem(client.get(CONTRACTS, headers=world.as_(who)), 403, "insufficient_scope")


def test_who_changes_a_contract(client, world, db, setup):
    staff, lawyer = world.as_("staff"), world.as_("lawyer")
    url = f"{CONTRACTS}/{setup['village']['id']}"
    # The association signs contracts: the advisor's login reads them but may not write.
    for response in (
        client.patch(url, json={"weekly_activity_target": 9}, headers=lawyer),
        client.post(f"{url}/terminate", json={"terminated_on": str(day(0))}, headers=lawyer),
        client.post(f"{url}/renew", json={"ends_on": str(day(900))}, headers=lawyer),
        client.delete(url, headers=lawyer),
        client.post(
            CONTRACTS,
            json=contract_body(setup["firm"], setup["mine"], [world.village], day(400), day(500)),
            headers=lawyer,
        ),
    ):
        assert_problem(response, 403, "legal_manager_required")
    assert_problem(
        client.patch(url, json={"weekly_activity_target": 9}, headers=world.as_("auditor")),
        403,
        "insufficient_scope",
    )
    # Another township's staff: 404 as for an unknown id.
    theirs = f"{CONTRACTS}/{setup['liuxing']['id']}"
    assert_problem(
        client.patch(theirs, json={"weekly_activity_target": 9}, headers=staff), 404, "not_found"
    )
    assert_problem(client.delete(theirs, headers=staff), 404, "not_found")
    # A contract across two townships: each township's staff sees it, neither changes it.
    admin = world.as_("admin")
    both = create_contract(
        client,
        admin,
        setup["other_firm"],
        setup["other"],
        [world.village, world.other_village],
        day(400),
        day(500),
    )
    for who in ("staff", "other_staff"):
        headers = world.as_(who)
        assert client.get(f"{CONTRACTS}/{both['id']}", headers=headers).status_code == 200
        assert_problem(
            client.patch(f"{CONTRACTS}/{both['id']}", json={"signed_on": None}, headers=headers),
            403,
            "contract_outside_area",
        )
    changed = client.patch(
        f"{CONTRACTS}/{both['id']}", json={"signed_on": str(day(0))}, headers=admin
    )
    assert changed.status_code == 200


def test_list_filters(client, world, setup):
    admin = world.as_("admin")
    village, community, liuxing = (setup[k]["id"] for k in ("village", "community", "liuxing"))
    assert _ids(client, admin, advisor_id=setup["mine"]["id"]) == {village, community}
    assert _ids(client, admin, law_firm_id=str(setup["other_firm"].id)) == {liuxing}
    assert _ids(client, admin, region_id=str(world.huangtun.id)) == {village, community}
    assert _ids(client, admin, region_id=str(world.community.id)) == {community}
    assert _ids(client, admin, region_id=str(world.county.id)) == {village, community, liuxing}
    assert _ids(client, admin, status="active") == {village}
    assert _ids(client, admin, status="draft") == {community}
    assert _ids(client, admin, status="expired") == {liuxing}
    assert _ids(client, admin, status="terminated") == set()
    assert _ids(client, admin, active_on=str(day(-1))) == {village, liuxing}
    assert _ids(client, admin, active_on=str(day(10))) == {village, community}
    # The staff's scope and a filter together; a region outside it matches nothing.
    assert _ids(client, world.as_("staff"), region_id=str(world.liuxing.id)) == set()
    # Newest start first.
    order = [c["id"] for c in list_all(client, CONTRACTS, admin, limit=2)]
    assert order == [community, village, liuxing]
    assert_problem(
        client.get(CONTRACTS, params={"status": "signed"}, headers=admin), 422, "validation_error"
    )

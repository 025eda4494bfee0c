"""GET /referrals: filters, overdue at the boundary day, scoping by region, pagination."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pytest

from liushou.clock import today
from tests.http import list_all
from tests.referrals.helpers import (
    REFERRALS,
    assert_problem,
    consent,
    create_person,
    day,
    move,
    referred,
)


def _ids(items):  # type: ignore[no-untyped-def]
    return {item["id"] for item in items}


@pytest.fixture
def setup(client, world):
    return _referrals(client, world)


def _referrals(client, world, due_on: Mapping[str, date] | None = None):  # type: ignore[no-untyped-def]
    """Referrals of two persons of 黄屯街道 (one per village) and one of 柳行街道, made
    today; ``due_on`` gives some of them, by key, a due date other than the default."""

    def due(key: str) -> dict[str, str]:
        return {"due_on": due_on[key].isoformat()} if due_on and key in due_on else {}

    staff, other = world.as_("staff"), world.as_("other_staff")
    child = create_person(client, staff, world.community)
    woman = create_person(client, staff, world.village, "woman", name="王秀英")
    far = create_person(client, other, world.other_village, "elder", name="孙大爷")
    consent(client, staff, woman, ["womens_federation"])
    r = {
        "child_dv": referred(client, staff, child, world.police, **due("child_dv")),
        "child_urgent": referred(
            client,
            staff,
            child,
            world.police,
            type="mandatory_report",
            urgency="urgent",
            legal_basis="emergency",
            **due("child_urgent"),
        ),
        "woman_wf": referred(
            client,
            staff,
            woman,
            world.womens_federation,
            type="referral",
            legal_basis="separate_consent",
            justification=None,
            **due("woman_wf"),
        ),
        "far_police": referred(client, other, far, world.police, **due("far_police")),
    }
    return {"child": child, "woman": woman, "far": far, **r}


def test_each_filter(client, world, setup):
    admin = world.as_("admin")

    def listed(**params):  # type: ignore[no-untyped-def]
        return _ids(list_all(client, REFERRALS, admin, **params))

    assert listed() == {
        setup[k]["id"] for k in ("child_dv", "child_urgent", "woman_wf", "far_police")
    }
    assert listed(person_id=setup["child"]["id"]) == {
        setup["child_dv"]["id"],
        setup["child_urgent"]["id"],
    }
    assert listed(to_organization_id=str(world.womens_federation.id)) == {setup["woman_wf"]["id"]}
    assert listed(type="mandatory_report") == {setup["child_urgent"]["id"]}
    assert listed(urgency="urgent") == {setup["child_urgent"]["id"]}
    assert listed(region_id=str(world.village.id)) == {setup["woman_wf"]["id"]}
    assert listed(region_id=str(world.liuxing.id)) == {setup["far_police"]["id"]}
    assert len(listed(region_id=str(world.huangtun.id))) == 3
    move(client, admin, setup["child_dv"], "accepted")
    assert listed(status="accepted") == {setup["child_dv"]["id"]}
    assert len(listed(status="open")) == 3


def test_bad_filters_are_422(client, world):
    admin = world.as_("admin")
    for params in ({"status": "done"}, {"type": "x"}, {"overdue": "maybe"}, {"region_id": "1"}):
        assert_problem(client.get(REFERRALS, params=params, headers=admin), 422, "validation_error")


def test_overdue_at_the_boundary_day(client, world, clock):
    admin = world.as_("admin")
    due_on = {
        "child_dv": day(-1),
        "child_urgent": day(0),
        "woman_wf": day(-30),
        "far_police": day(-2),
    }
    # Made 30 days ago: the API refuses a due date in the past.
    now = clock.now()
    clock.set_today(today() - timedelta(days=30))
    setup = _referrals(client, world, due_on)
    clock.set(now)
    yesterday, today_ = setup["child_dv"], setup["child_urgent"]
    # A finished referral is never overdue, however old its due date.
    assert move(client, admin, setup["woman_wf"], "declined").status_code == 200
    # Accepted and in progress still count.
    assert move(client, admin, setup["far_police"], "accepted").status_code == 200

    overdue = list_all(client, REFERRALS, admin, overdue="true")
    on_time = list_all(client, REFERRALS, admin, overdue="false")

    assert _ids(overdue) == {yesterday["id"], setup["far_police"]["id"]}
    assert _ids(on_time) == {today_["id"], setup["woman_wf"]["id"]}
    assert all(item["overdue"] for item in overdue)
    assert not any(item["overdue"] for item in on_time)
    one = client.get(f"{REFERRALS}/{yesterday['id']}", headers=admin).json()
    assert one["overdue"] is True and one["due_on"] == day(-1).isoformat()
    assert move(client, admin, setup["far_police"], "in_progress").json()["overdue"] is True
    assert move(client, admin, setup["far_police"], "resolved").json()["overdue"] is False


def test_staff_see_the_referrals_of_their_area(client, world, setup):
    near = {setup[k]["id"] for k in ("child_dv", "child_urgent", "woman_wf")}

    assert _ids(list_all(client, REFERRALS, world.as_("staff"))) == near
    assert _ids(list_all(client, REFERRALS, world.as_("other_staff"))) == {
        setup["far_police"]["id"]
    }
    # The village contact's village is 金色嘉苑社区: the child's only.
    assert _ids(list_all(client, REFERRALS, world.as_("village"))) == {
        setup["child_dv"]["id"],
        setup["child_urgent"]["id"],
    }
    assert len(list_all(client, REFERRALS, world.as_("auditor"))) == 4
    # A region filter never widens the scope.
    assert list_all(client, REFERRALS, world.as_("staff"), region_id=str(world.liuxing.id)) == []


def test_single_referrals_outside_the_area_are_404(client, world, setup):
    far = setup["far_police"]["id"]

    assert_problem(client.get(f"{REFERRALS}/{far}", headers=world.as_("staff")), 404, "not_found")
    village = world.as_("village")
    woman_wf = setup["woman_wf"]["id"]
    assert_problem(client.get(f"{REFERRALS}/{woman_wf}", headers=village), 404, "not_found")
    assert client.get(f"{REFERRALS}/{far}", headers=world.as_("other_staff")).status_code == 200


def test_pages_follow_the_cursor_newest_first(client, world, setup):
    admin = world.as_("admin")
    first = client.get(REFERRALS, params={"limit": 3}, headers=admin).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    second = client.get(
        REFERRALS, params={"limit": 3, "cursor": first["next_cursor"]}, headers=admin
    ).json()
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    ordered = [i["created_at"] for i in first["items"] + second["items"]]
    assert ordered == sorted(ordered, reverse=True)
    assert second["items"][0]["id"] == setup["child_dv"]["id"]  # the oldest
    # A cursor belongs to its filters.
    wrong = client.get(
        REFERRALS,
        params={"limit": 3, "cursor": first["next_cursor"], "urgency": "normal"},
        headers=admin,
    )
    assert_problem(wrong, 400, "invalid_cursor")


def test_updated_since(client, world, setup):
    admin = world.as_("admin")
    moved = move(client, admin, setup["woman_wf"], "accepted").json()

    items = list_all(client, REFERRALS, admin, updated_since=moved["updated_at"])

    assert _ids(items) == {moved["id"]}

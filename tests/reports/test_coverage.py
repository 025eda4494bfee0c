"""GET /reports/coverage: counted by the database as of today (Asia/Shanghai),
in agreement with the persons list's filters, scoped to the caller's region."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from liushou.clock import today
from liushou.regions.models import RegionKind, RegionLevel
from liushou.registry.identifiers import birthday_at_age, make_id_number
from tests.factories import make_region
from tests.guardianship.helpers import (
    ASSIGNMENTS,
    PERSONS,
    assert_problem,
    assigned,
    create_caretaker,
    create_person,
    days_ago,
    person_body,
    record_visit,
)
from tests.http import list_all

COVERAGE = "/api/v1/reports/coverage"
CATEGORIES = ("child", "woman", "elder")


def _counts(active: int, with_primary: int, overdue: int) -> dict[str, int]:
    return {
        "active": active,
        "with_primary_contact": with_primary,
        "without_primary_contact": active - with_primary,
        "overdue": overdue,
    }


def _report(client, headers, region: Any = None) -> dict[str, Any]:
    params = {} if region is None else {"region_id": str(getattr(region, "id", region))}
    response = client.get(COVERAGE, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _exit(client, headers, person) -> None:
    response = client.post(
        f"{PERSONS}/{person['id']}/exit",
        json={"exited_on": today().isoformat(), "exit_reason": "parents_returned"},
        headers=headers,
    )
    assert response.status_code == 200, response.text


def _delete(client, headers, person) -> None:
    version = client.get(f"{PERSONS}/{person['id']}", headers=headers).json()["version"]
    response = client.delete(
        f"{PERSONS}/{person['id']}", headers={**headers, "If-Match": f'"{version}"'}
    )
    assert response.status_code == 204, response.text


def _aged_out_child(client, headers, region) -> dict[str, Any]:
    """A child whose 16th birthday was ten days ago: registered, but off the register."""
    born = birthday_at_age(today(), -16) - timedelta(days=10)
    body = person_body(region, "child", name="已满十六")
    body["id_number"] = make_id_number("370871", born, 577, "male")
    body["left_behind_since"] = days_ago(400).isoformat()
    response = client.post(PERSONS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "exited"
    return response.json()


@pytest.fixture
def mixed(client, world, db):
    """黄屯街道: 金色嘉苑社区 with most persons, 东营村 with one, 西营村 with none;
    柳行街道's village with a person of its own (never in 黄屯's report)."""
    staff, admin = world.as_("staff"), world.as_("admin")
    empty = db.run_in_session(
        lambda s: make_region(
            s, "370871005202", "西营村", RegionLevel.village, world.huangtun, RegionKind.village
        )
    )
    cadre = create_caretaker(client, staff, world.community, name="张包保")
    cadre2 = create_caretaker(client, staff, world.village, name="李包保")
    idle = create_caretaker(client, staff, world.community, name="赵空闲")
    volunteer = create_caretaker(client, admin, world.other_village, "volunteer", name="钱志愿")
    create_caretaker(client, admin, world.other_village, name="孙柳行")  # not in 黄屯

    c = world.community
    due_today = create_person(client, staff, c, "child", name="今天到期")
    assigned(client, staff, due_today, cadre, starts_on=days_ago(30).isoformat())
    due_yesterday = create_person(client, staff, c, "child", name="昨天到期")
    assigned(client, staff, due_yesterday, cadre, starts_on=days_ago(31).isoformat())
    create_person(client, staff, c, "woman", name="无联系人")
    elder_late = create_person(client, staff, c, "elder", risk_tier="high", name="走访逾期")
    assigned(client, staff, elder_late, cadre, starts_on=days_ago(100).isoformat())
    visit = record_visit(
        client, staff, elder_late, caretaker_id=cadre["id"], visited_on=days_ago(8)
    )
    assert visit.status_code == 201, visit.text
    ended = create_person(client, staff, c, "woman", name="联系已结束")
    first = assigned(client, staff, ended, cadre, starts_on=days_ago(50).isoformat())
    response = client.patch(
        f"{ASSIGNMENTS}/{first['id']}",
        json={"ends_on": today().isoformat(), "end_reason": "调离"},
        headers=staff,
    )
    assert response.status_code == 200, response.text
    companion_only = create_person(client, staff, c, "woman", name="只有陪伴")
    assigned(client, staff, companion_only, idle, "companion")
    by_volunteer = create_person(client, staff, c, "woman", name="志愿者包保")
    assigned(client, admin, by_volunteer, volunteer)
    # Off the register: exited, deleted, aged out; their assignments do not count either.
    exited = create_person(client, staff, c, "elder", name="已退出")
    assigned(client, staff, exited, cadre, starts_on=days_ago(60).isoformat())
    _exit(client, staff, exited)
    deleted = create_person(client, staff, c, "child", name="已删除")
    assigned(client, staff, deleted, cadre, starts_on=days_ago(60).isoformat())
    _delete(client, staff, deleted)
    _aged_out_child(client, staff, c)

    elder = create_person(client, staff, world.village, "elder", name="东营老人")
    assigned(client, staff, elder, cadre2)
    create_person(client, admin, world.other_village, "child", name="柳行孩子")
    return {
        "empty": empty,
        "cadre": cadre,
        "cadre2": cadre2,
        "idle": idle,
        "volunteer": volunteer,
    }


def test_totals_categories_villages_and_caretakers(client, world, mixed):
    report = _report(client, world.as_("staff"), world.huangtun)

    assert report["region_id"] == str(world.huangtun.id)
    assert report["as_of"] == today().isoformat()
    assert report["totals"] == _counts(8, 5, 2)
    assert report["by_category"] == {
        "child": _counts(2, 2, 1),
        "woman": _counts(4, 1, 0),
        "elder": _counts(2, 2, 1),
    }
    # Every village of the township, by code, the one with nobody too.
    assert report["villages"] == [
        {"region_id": str(world.community.id), "name": "金色嘉苑社区", **_counts(7, 4, 2)},
        {"region_id": str(world.village.id), "name": "东营村", **_counts(1, 1, 0)},
        {"region_id": str(mixed["empty"].id), "name": "西营村", **_counts(0, 0, 0)},
    ]
    # By name (pinyin order of the database's collation is not asked for: by code points).
    expected = sorted(
        [
            (mixed["cadre"], 3, 2),  # due today, due yesterday, the late elder
            (mixed["cadre2"], 1, 0),
            (mixed["idle"], 0, 0),  # a companion only: no caseload
            (mixed["volunteer"], 1, 0),  # based in 柳行, looks after a person here
        ],
        key=lambda e: (e[0]["name"], e[0]["id"]),
    )
    assert report["caretakers"] == [
        {"caretaker_id": c["id"], "name": c["name"], "caseload": n, "overdue": late}
        for c, n, late in expected
    ]


def test_a_village_gives_one_row_and_only_its_caretakers(client, world, mixed):
    report = _report(client, world.as_("staff"), world.village)

    assert report["totals"] == _counts(1, 1, 0)
    assert report["by_category"] == {
        "child": _counts(0, 0, 0),
        "woman": _counts(0, 0, 0),
        "elder": _counts(1, 1, 0),
    }
    assert report["villages"] == [
        {"region_id": str(world.village.id), "name": "东营村", **_counts(1, 1, 0)}
    ]
    assert [c["caretaker_id"] for c in report["caretakers"]] == [mixed["cadre2"]["id"]]


def test_an_empty_village_is_all_zeros(client, world, mixed):
    report = _report(client, world.as_("admin"), mixed["empty"])

    assert report["totals"] == _counts(0, 0, 0)
    assert report["villages"] == [
        {"region_id": str(mixed["empty"].id), "name": "西营村", **_counts(0, 0, 0)}
    ]
    assert report["caretakers"] == []


def _listed(client, headers, **params) -> int:
    return len(list_all(client, PERSONS, headers, limit=500, **params))


@pytest.mark.parametrize("where", ["huangtun", "community", "village", "county"])
def test_counts_agree_with_the_persons_list(client, world, mixed, where):
    admin = world.as_("admin")
    region = str(getattr(world, where).id)
    report = _report(client, admin, region)
    figures = [("totals", None)] + [(c, c) for c in CATEGORIES]
    for name, category in figures:
        counts = report["totals"] if category is None else report["by_category"][category]
        only = {} if category is None else {"category": category}
        assert counts["active"] == _listed(
            client, admin, region_id=region, status="active", **only
        ), name
        assert counts["without_primary_contact"] == _listed(
            client, admin, region_id=region, unassigned="true", **only
        ), name
        assert counts["with_primary_contact"] == _listed(
            client, admin, region_id=region, status="active", unassigned="false", **only
        ), name
        assert counts["overdue"] == _listed(
            client, admin, region_id=region, overdue="true", **only
        ), name
    for village in report["villages"]:
        vid = village["region_id"]
        assert village["active"] == _listed(client, admin, region_id=vid, status="active")
        assert village["overdue"] == _listed(client, admin, region_id=vid, overdue="true")
        assert village["without_primary_contact"] == _listed(
            client, admin, region_id=vid, unassigned="true"
        )


def test_a_visit_today_clears_the_overdue(client, world, mixed):
    staff = world.as_("staff")
    late = list_all(client, PERSONS, staff, overdue="true")
    assert len(late) == 2
    for person in late:
        visit = record_visit(
            client, staff, person, caretaker_id=mixed["cadre"]["id"], visited_on=today()
        )
        assert visit.status_code == 201, visit.text

    report = _report(client, staff)

    assert report["totals"]["overdue"] == 0
    assert {c["name"]: c["overdue"] for c in report["caretakers"]}["张包保"] == 0


# --- scope -----------------------------------------------------------------------------------


def test_the_callers_own_region_by_default(client, world, mixed):
    staff = world.as_("staff")
    assert _report(client, staff) == _report(client, staff, world.huangtun)


def test_another_township_is_404_and_a_region_above_is_403(client, world, mixed):
    staff = world.as_("staff")
    for region in (world.liuxing, world.other_village):
        response = client.get(COVERAGE, params={"region_id": str(region.id)}, headers=staff)
        assert_problem(response, 404, "not_found")
    other = world.as_("other_staff")
    response = client.get(COVERAGE, params={"region_id": str(world.huangtun.id)}, headers=other)
    assert_problem(response, 404, "not_found")
    above = client.get(COVERAGE, params={"region_id": str(world.county.id)}, headers=staff)
    assert_problem(above, 403, "region_out_of_scope")


def test_admin_and_auditor_see_any_region_but_must_name_one(client, world, mixed):
    staff_view = _report(client, world.as_("staff"))
    for who in ("admin", "auditor"):
        assert _report(client, world.as_(who), world.huangtun) == staff_view
        response = client.get(COVERAGE, headers=world.as_(who))
        problem = assert_problem(response, 422, "region_required")
        assert problem["errors"][0]["loc"] == ["query", "region_id"]


def test_partner_and_legal_advisor_get_counts_without_caretakers(client, world, mixed):
    full = _report(client, world.as_("staff"))
    assert full["caretakers"]
    # The partner (黄屯派出所) is held to its organization's region; the advisor to the county.
    partner = _report(client, world.as_("partner"))
    lawyer = _report(client, world.as_("lawyer"), world.huangtun)
    for report in (partner, lawyer):
        assert report["caretakers"] == []
        assert {k: v for k, v in report.items() if k != "caretakers"} == {
            k: v for k, v in full.items() if k != "caretakers"
        }
    county = _report(client, world.as_("lawyer"))
    assert county["region_id"] == str(world.county.id)
    assert county["totals"] == _counts(9, 5, 2)  # with 柳行's unassigned child


@pytest.mark.parametrize("who", ["volunteer", "village"])
def test_roles_without_reports_read_are_403(client, world, mixed, who):
    response = client.get(COVERAGE, headers=world.as_(who))
    assert_problem(response, 403, "insufficient_scope")


def test_bad_requests(client, world):
    admin = world.as_("admin")
    anonymous = client.get(COVERAGE, params={"region_id": str(world.huangtun.id)})
    assert_problem(anonymous, 401, "unauthorized")
    missing = client.get(
        COVERAGE, params={"region_id": "00000000-0000-4000-8000-000000000000"}, headers=admin
    )
    assert_problem(missing, 404, "not_found")
    invalid = client.get(COVERAGE, params={"region_id": "not-a-uuid"}, headers=admin)
    problem = assert_problem(invalid, 422, "validation_error")
    assert problem["errors"][0]["loc"] == ["query", "region_id"]

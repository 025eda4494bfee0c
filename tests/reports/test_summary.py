"""GET /reports/summary: every figure of CONTRACT §8 with an exact number, the period's
boundaries (both days included), the as-of figures of a past `to`, scope and errors."""

from __future__ import annotations

from datetime import date

import pytest

from liushou.clock import today
from tests.guardianship.helpers import assert_problem
from tests.reports.summary_data import (
    EXPECTED_P,
    get_summary,
    seed_registry_and_care,
    seed_services,
    summary_json,
    t,
)


@pytest.fixture
def seeded(client, world, db):
    seeded = seed_registry_and_care(client, world)
    seed_services(db, world, seeded.persons)
    return seeded


def test_every_figure_of_a_past_period(client, world, seeded):
    report = summary_json(client, world.as_("staff"), world.huangtun, t(-30), t(-10))
    assert report["region_id"] == str(world.huangtun.id)
    assert report["from"] == t(-30).isoformat()
    assert report["to"] == t(-10).isoformat()
    for section, expected in EXPECTED_P.items():
        assert report[section] == expected, section


def test_a_period_to_today(client, world, seeded):
    report = summary_json(client, world.as_("staff"), world.huangtun, t(-30), today())
    assert report["registry"] == {
        "child": {"active": 2, "new": 1, "exited": 0},
        "woman": {"active": 2, "new": 2, "exited": 0},
        "elder": {"active": 1, "new": 0, "exited": 2},
        "total": {"active": 5, "new": 3, "exited": 2},
    }
    assert report["care"] == {
        "active": 5,
        "with_primary_contact": 2,
        "visits": 3,
        "persons_visited": 2,
        "overdue": 1,
    }
    codes = [s["service_type"] for s in report["services"]]
    assert codes == sorted(codes)
    assert {s["service_type"]: s["records"] for s in report["services"]} == {
        "after_school_class": 1,  # T-9
        "job_placement": 1,
        "legal_consultation": 3,
        "psychological_counseling": 1,
    }
    assert {d["item"]: d["quantity"] for d in report["distributions"]} == {
        "publicity_leaflet": 150,
        "school_supplies": 10,
        "hotline_card": 30,
    }
    # F, C (cancelled T-5), D (made T-5, still open), G; B claimed; A fulfilled.
    assert report["wishes"] == {"made": 5, "fulfilled": 1, "open": 4}


def test_today_agrees_with_the_coverage_report(client, world, seeded):
    staff = world.as_("staff")
    report = summary_json(client, staff, world.huangtun)
    coverage = client.get(
        "/api/v1/reports/coverage", params={"region_id": str(world.huangtun.id)}, headers=staff
    ).json()
    assert report["care"]["active"] == coverage["totals"]["active"]
    assert report["care"]["with_primary_contact"] == coverage["totals"]["with_primary_contact"]
    assert report["care"]["overdue"] == coverage["totals"]["overdue"]
    for category in ("child", "woman", "elder"):
        assert report["registry"][category]["active"] == coverage["by_category"][category]["active"]


def test_defaults_to_today_and_the_first_of_its_year(client, world):
    report = summary_json(client, world.as_("staff"), world.huangtun)
    assert report["to"] == today().isoformat()
    assert report["from"] == date(today().year, 1, 1).isoformat()
    only_to = summary_json(client, world.as_("staff"), world.huangtun, until=date(2025, 3, 4))
    assert (only_to["from"], only_to["to"]) == ("2025-01-01", "2025-03-04")


def test_one_day_periods_include_their_day(client, world, seeded):
    staff = world.as_("staff")
    first = summary_json(client, staff, world.huangtun, t(-30), t(-30))
    assert first["registry"]["total"]["new"] == 1  # c2
    assert first["care"]["visits"] == 1
    assert {s["service_type"]: s["records"] for s in first["services"]} == {"legal_consultation": 1}
    assert first["activities"] == [
        {"service_type": "after_school_class", "activities": 1, "attendees": 12}
    ]
    assert first["wishes"]["made"] == 1  # F, at the first instant of the day
    last = summary_json(client, staff, world.huangtun, t(-10), t(-10))
    assert last["registry"]["total"] == {"active": 5, "new": 1, "exited": 1}
    assert {s["service_type"]: s["quantity"] for s in last["services"]} == {"legal_consultation": 3}
    assert last["distributions"] == [{"item": "publicity_leaflet", "quantity": 50, "households": 0}]
    day_after = summary_json(client, staff, world.huangtun, t(-9), t(-9))
    assert day_after["registry"]["total"]["new"] == 1  # w2
    assert day_after["wishes"]["made"] == 1  # G, made at the first instant of T-9


def test_a_village_counts_its_own_rows_only(client, world, seeded):
    report = summary_json(client, world.as_("staff"), world.village, t(-30), t(-10))
    assert report["registry"]["total"] == {"active": 1, "new": 0, "exited": 0}
    assert report["care"]["with_primary_contact"] == 0  # e4's contact ended on T-20
    assert report["services"] == []
    assert report["activities"] == []  # the township's own activity is not the village's
    assert report["distributions"] == [
        {"item": "publicity_leaflet", "quantity": 50, "households": 0}
    ]
    assert report["legal"]["villages"] == 1


def test_the_other_township_counts_its_own(client, world, seeded):
    report = summary_json(client, world.as_("other_staff"), world.liuxing, t(-30), t(-10))
    assert report["registry"]["total"] == {"active": 1, "new": 1, "exited": 0}
    assert report["care"]["visits"] == 1
    assert [s["service_type"] for s in report["services"]] == ["legal_consultation"]
    assert report["activities"] == [
        {"service_type": "after_school_class", "activities": 1, "attendees": 40}
    ]
    assert report["wishes"] == {"made": 1, "fulfilled": 0, "open": 1}
    assert report["distributions"] == [
        {"item": "publicity_leaflet", "quantity": 500, "households": 200}
    ]


def test_scope(client, world):
    staff = world.as_("staff")
    own = summary_json(client, staff, world.huangtun)
    default = client.get("/api/v1/reports/summary", headers=staff)
    assert default.status_code == 200 and default.json() == own
    assert_problem(get_summary(client, world.as_("other_staff"), world.huangtun), 404, "not_found")
    assert_problem(get_summary(client, staff, world.county), 403, "region_out_of_scope")
    response = client.get("/api/v1/reports/summary", headers=world.as_("admin"))
    assert_problem(response, 422, "region_required")
    assert get_summary(client, world.as_("auditor"), world.county).status_code == 200
    assert client.get("/api/v1/reports/summary").status_code == 401
    for suffix in (".xlsx", ".csv", "/narrative"):
        response = get_summary(client, world.as_("other_staff"), world.huangtun, suffix=suffix)
        assert_problem(response, 404, "not_found")


def test_bad_periods(client, world):
    staff, h = world.as_("staff"), world.huangtun
    assert_problem(get_summary(client, staff, h, t(-1), t(-2)), 422, "invalid_period")
    assert_problem(get_summary(client, staff, h, None, t(1)), 422, "date_in_future")
    response = client.get(
        "/api/v1/reports/summary",
        params={"region_id": str(h.id), "from": "2026-13-01"},
        headers=staff,
    )
    assert response.status_code == 422
    response = client.get("/api/v1/reports/summary", params={"region_id": "nope"}, headers=staff)
    assert response.status_code == 422
    for suffix in (".xlsx", ".csv", "/narrative"):
        response = get_summary(client, staff, h, t(-1), t(-2), suffix=suffix)
        assert_problem(response, 422, "invalid_period")

"""GET /reports/legal-advisors (the compliance report) and the summary's `legal` section:
every figure with an exact number, whole weeks and months, scope and errors, and a fixed
number of statements whatever the data size."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.read_path import AUTOCOMMIT
from liushou.reports import legal_service, summary_service
from tests.guardianship.helpers import assert_problem
from tests.reports.legal_helpers import (
    activity,
    add_all,
    advisor,
    contract,
    ids,
    iso,
    law_firm,
    new_village,
    report,
    report_json,
    t,
    uid,
)
from tests.reports.summary_data import get_summary, summary_json
from tests.reports.test_summary_queries import counting

# The Monday ten weeks before this week's: week 0 of the period [MONDAY, MONDAY + 27].
MONDAY = t(-t(0).weekday() - 70)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def month_after(first: date) -> date:
    return first_of_month(first + timedelta(days=32))


class Setting:
    """黄屯: 张律师 serves 金色嘉苑社区 and 东营村 from the Wednesday of week 0 until T+20 (A);
    新村 (no contract on MONDAY+27; an expired contract before). 柳行: 李律师 (the `lawyer`
    login) serves 西苑村 from MONDAY until T+200 (B)."""

    def __init__(self, db: Any, world: Any) -> None:
        firm = law_firm(db, world.county)
        self.zhang = advisor(db, firm, "张律师", "13708200000000001")
        self.li = advisor(db, firm, "李律师", "13708200000000002", world.users["lawyer"])
        self.new = new_village(db, world.huangtun, "370871005202", "新村")
        c, v = world.community, world.village
        self.a = contract(db, self.zhang, [c, v], MONDAY + timedelta(days=2), t(20))
        self.b = contract(db, self.li, [world.other_village], MONDAY, t(200))
        self.old = contract(db, self.zhang, [self.new], t(-400), MONDAY - timedelta(days=1))
        # Deleted: it covers nothing.
        contract(db, self.zhang, [self.new], MONDAY, t(100), deleted=True)


@pytest.fixture
def setting(db, world) -> Setting:
    return Setting(db, world)


def test_weeks_of_an_advisor(client, world, db, setting):
    s, c, v = setting, world.community, world.village
    week = [MONDAY + timedelta(weeks=n) for n in range(5)]
    add_all(
        db,
        [
            activity(s.zhang, s.a, c, week[0] + timedelta(days=3)),  # week 0: not wholly covered
            activity(s.zhang, s.a, c, week[1]),
            activity(s.zhang, s.a, v, week[1] + timedelta(days=6), "lecture", "remote"),
            activity(s.zhang, s.a, v, week[2] + timedelta(days=2)),
            activity(s.zhang, s.a, c, week[3]),
            activity(s.zhang, s.a, c, week[3] + timedelta(days=1), "mediation"),
            activity(s.zhang, s.a, c, week[3] + timedelta(days=2), deleted=True),
            activity(s.zhang, s.a, c, week[4]),  # after the period
            activity(s.li, s.b, world.other_village, week[1]),  # another township
        ],
    )
    body = report_json(client, world.as_("staff"), world.huangtun, MONDAY, week[3] + timedelta(6))
    assert body["region_id"] == uid(world.huangtun)
    assert (body["from"], body["to"]) == (MONDAY.isoformat(), (week[3] + timedelta(6)).isoformat())
    assert body["advisors"] == [
        {
            "advisor_id": uid(s.zhang),
            "name": "张律师",
            "weeks": [
                {"week": iso(week[1]), "activities": 2, "target": 2, "met": True},
                {"week": iso(week[2]), "activities": 1, "target": 2, "met": False},
                {"week": iso(week[3]), "activities": 2, "target": 2, "met": True},
            ],
        }
    ]
    # The period's edge does not cut a week: a period from a Thursday to a Tuesday still
    # counts weeks 1 to 3 whole.
    cut = report_json(
        client, world.as_("staff"), world.huangtun, week[1] + timedelta(3), week[3] + timedelta(1)
    )
    assert cut["advisors"][0]["weeks"] == body["advisors"][0]["weeks"]
    # 新村's contract ended the day before MONDAY; the deleted one covers nothing.
    assert body["without_advisor"] == [{"region_id": uid(s.new), "name": "新村"}]
    assert [(x["region_id"], x["advisor_id"]) for x in body["villages"]] == [
        (uid(c), uid(s.zhang)),
        (uid(v), uid(s.zhang)),
    ]


def test_months_of_a_village(client, world, db, setting):
    s, v = setting, world.village
    m0 = first_of_month(t(-120))
    m1, m2 = month_after(m0), month_after(month_after(m0))
    last = month_after(m2) - timedelta(days=1)
    deal = contract(db, s.zhang, [v], m0 + timedelta(days=14), t(100), monthly=240)
    add_all(
        db,
        [
            activity(s.zhang, deal, v, m0 + timedelta(days=20), minutes=500),  # m0: not whole
            activity(s.zhang, deal, v, m1, minutes=200),
            activity(s.zhang, deal, v, m1 + timedelta(days=9), minutes=60),
            activity(s.zhang, deal, v, m1 + timedelta(days=10), mode="remote", minutes=120),
            activity(s.zhang, deal, v, m2 + timedelta(days=3), mode="appointment", minutes=300),
            activity(s.zhang, deal, v, m2 + timedelta(days=4), minutes=100),
        ],
    )
    body = report_json(client, world.as_("staff"), world.huangtun, m0, last)
    entries = [x for x in body["villages"] if x["region_id"] == uid(v)]
    # Contract A covers 东营村 from the Wednesday of week 0 too; its months join the deal's.
    assert len(entries) == 1
    assert entries[0] == {
        "region_id": uid(v),
        "name": v.name,
        "advisor_id": uid(s.zhang),
        "months": [
            {"month": m1.strftime("%Y-%m"), "onsite_minutes": 260, "target": 240, "met": True},
            {"month": m2.strftime("%Y-%m"), "onsite_minutes": 100, "target": 240, "met": False},
        ],
    }


def test_expiring_contracts_and_villages_without_an_advisor_today(client, world, db, setting):
    s = setting
    ending = contract(db, s.li, [s.new], t(-10), t(200), terminated_on=t(10))
    body = report_json(client, world.as_("admin"), world.county)
    assert body["expiring"] == [
        {
            "contract_id": uid(ending),
            "advisor_id": uid(s.li),
            "ends_on": t(200).isoformat(),
            "last_day": t(9).isoformat(),
        },
        {
            "contract_id": uid(s.a),
            "advisor_id": uid(s.zhang),
            "ends_on": t(20).isoformat(),
            "last_day": t(20).isoformat(),
        },
    ]
    assert body["without_advisor"] == []
    assert [a["name"] for a in body["advisors"]] == ["张律师", "李律师"]
    # 柳行's report knows nothing of 黄屯's contracts.
    liuxing = report_json(client, world.as_("other_staff"), world.liuxing)
    assert liuxing["expiring"] == [] and ids(liuxing["advisors"], "advisor_id") == [uid(s.li)]


def test_a_legal_advisor_sees_its_own_figures_only(client, world, db, setting):
    s = setting
    add_all(
        db,
        [
            activity(s.li, s.b, world.other_village, t(-3)),
            activity(s.zhang, s.a, world.village, t(-3)),
        ],
    )
    body = report_json(client, world.as_("lawyer"), world.county)
    assert ids(body["advisors"], "advisor_id") == [uid(s.li)]
    assert ids(body["villages"]) == [uid(world.other_village)]
    assert body["without_advisor"] == [] and body["expiring"] == []
    # The same report for staff of the county would show 张律师 too.
    admin = report_json(client, world.as_("admin"), world.county)
    assert ids(admin["advisors"], "advisor_id") == [uid(s.zhang), uid(s.li)]


def test_an_advisor_login_without_an_advisor_gets_an_empty_report(client, world, db):
    body = report_json(client, world.as_("lawyer"), world.county)
    assert (body["advisors"], body["villages"], body["without_advisor"], body["expiring"]) == (
        [],
        [],
        [],
        [],
    )


def test_scope_and_errors(client, world):
    staff, h = world.as_("staff"), world.huangtun
    assert_problem(report(client, world.as_("other_staff"), h), 404, "not_found")
    assert_problem(report(client, staff, world.county), 403, "region_out_of_scope")
    assert_problem(report(client, staff, h, t(-1), t(-2)), 422, "invalid_period")
    assert_problem(report(client, staff, h, None, t(1)), 422, "date_in_future")
    assert report(client, world.as_("volunteer"), h).status_code == 403
    assert report(client, {}, h).status_code == 401
    response = client.get(
        "/api/v1/reports/legal-advisors",
        params={"region_id": str(h.id), "from": "2026-13-01"},
        headers=staff,
    )
    assert_problem(response, 422, "validation_error")
    assert_problem(report(client, world.as_("admin"), None), 422, "region_required")


def test_the_summary_counts_legal_activities_and_villages(client, world, db, setting):
    s, c, v = setting, world.community, world.village
    add_all(
        db,
        [
            activity(s.zhang, s.a, c, t(-20), "consultation", minutes=30),
            activity(s.zhang, s.a, c, t(-15), "consultation", "remote", minutes=45),
            activity(s.zhang, s.a, v, t(-12), "mediation", minutes=90),
            activity(s.zhang, s.a, v, t(-11), "lecture", "appointment", minutes=60),
            activity(s.zhang, s.a, v, t(-11), "consultation", deleted=True),
            activity(s.zhang, s.a, v, t(-40), "consultation"),  # before the period
            activity(s.li, s.b, world.other_village, t(-12), "consultation"),
        ],
    )
    legal = summary_json(client, world.as_("staff"), world.huangtun, t(-30), t(-10))["legal"]
    assert legal == {
        "activities": {"consultation": 2, "lecture": 1, "mediation": 1},
        "consultations": 2,
        "onsite_minutes": 120,
        "villages": 3,
        "villages_with_advisor": 2,
        "villages_without_advisor": 1,
    }
    text = client.get(
        "/api/v1/reports/summary/narrative",
        params={
            "region_id": str(world.huangtun.id),
            "from": t(-30).isoformat(),
            "to": t(-10).isoformat(),
        },
        headers=world.as_("staff"),
    ).json()["text"]
    for phrase in ("法律咨询2次", "法治讲座1次", "矛盾纠纷调解1次", "驻村服务120分钟",
                   "辖区共有村（社区）3个", "已配备法律顾问的2个", "尚未配备法律顾问的1个"):  # fmt: skip
        assert phrase in text, text
    csv = get_summary(client, world.as_("staff"), world.huangtun, t(-30), t(-10), ".csv").text
    assert "legal,activities.mediation,1" in csv and "legal,onsite_minutes,120" in csv
    # The compliance report and the summary agree on the villages without an advisor.
    compliance = report_json(client, world.as_("staff"), world.huangtun, t(-30), t(-10))
    assert len(compliance["without_advisor"]) == legal["villages_without_advisor"]


def _statements(db: Any, fn: Any) -> int:
    with (
        db.engine.connect().execution_options(**AUTOCOMMIT) as conn,
        counting(db.engine) as statements,
    ):
        fn(conn)
    return len(statements)


def test_the_number_of_statements_does_not_grow_with_the_data(client, world, db, setting):
    s = setting
    region = world.county.id

    def compliance(conn: Any) -> Any:
        return legal_service.legal_advisors(conn, CLI_PRINCIPAL, region, t(-90), None)

    def summary(conn: Any) -> Any:
        return summary_service.summary(conn, CLI_PRINCIPAL, region, t(-90), None)

    add_all(db, [activity(s.zhang, s.a, world.village, t(-5))])
    few = _statements(db, compliance), _statements(db, summary)
    rows = [
        activity(s.zhang, s.a, world.village, t(-n % 60), "lecture" if n % 3 else "consultation")
        for n in range(80)
    ]
    extra = contract(db, s.li, [s.new], t(-60), t(60))
    rows += [activity(s.li, extra, s.new, t(-n % 50)) for n in range(40)]
    add_all(db, rows)
    many = _statements(db, compliance), _statements(db, summary)
    # Region, contracts, weeks, months, without_advisor, expiring; the summary's ten.
    assert few == many == (6, 10)

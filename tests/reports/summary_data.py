"""The data of the summary tests: persons, care and visits through the API; service records,
activities, wishes and distributions inserted straight into the tables (their routes are
built elsewhere). Days are relative to today T; the period P is [T-30, T-10].

黄屯街道 (world.huangtun) has 金色嘉苑社区 (world.community) and 东营村 (world.village); 柳行街道's
西苑村 (world.other_village) has rows of its own that 黄屯's report never counts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

import httpx

from liushou.clock import SHANGHAI, end_of_day_utc, today
from liushou.services.enums import DistributionItem, WishKind, WishStatus
from liushou.services.models import (
    Activity,
    Distribution,
    ServiceRecord,
    Wish,
    WishTransition,
)
from tests.guardianship.helpers import (
    PERSONS,
    assigned,
    create_caretaker,
    person_body,
    record_visit,
)

SUMMARY = "/api/v1/reports/summary"


def t(offset: int) -> date:
    """Today plus ``offset`` days (negative: in the past)."""
    return today() + timedelta(days=offset)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), SHANGHAI)


def period_params(region: Any, since: date | None, until: date | None) -> dict[str, str]:
    params = {"region_id": str(getattr(region, "id", region))}
    if since is not None:
        params["from"] = since.isoformat()
    if until is not None:
        params["to"] = until.isoformat()
    return params


def get_summary(
    client: httpx.Client,
    headers: dict[str, str],
    region: Any,
    since: date | None = None,
    until: date | None = None,
    suffix: str = "",
) -> httpx.Response:
    return client.get(SUMMARY + suffix, params=period_params(region, since, until), headers=headers)


def summary_json(client, headers, region, since=None, until=None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = get_summary(client, headers, region, since, until)
    assert response.status_code == 200, response.text
    return response.json()


def person(
    client: httpx.Client,
    headers: dict[str, str],
    region: Any,
    category: str,
    since: date,
    name: str,
    exited_on: date | None = None,
) -> dict[str, Any]:
    body = person_body(region, category, name=name)
    body["left_behind_since"] = since.isoformat()
    response = client.post(PERSONS, json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    if exited_on is not None:
        response = client.post(
            f"{PERSONS}/{created['id']}/exit",
            json={"exited_on": exited_on.isoformat(), "exit_reason": "parents_returned"},
            headers=headers,
        )
        assert response.status_code == 200, response.text
    return created


def visit(client: httpx.Client, headers: dict[str, str], who: dict, caretaker: dict, day: date):  # type: ignore[no-untyped-def]
    response = record_visit(client, headers, who, caretaker_id=caretaker["id"], visited_on=day)
    assert response.status_code == 201, response.text


@dataclass
class Seeded:
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    cadre: dict[str, Any] = field(default_factory=dict)


def seed_registry_and_care(client: httpx.Client, world: Any) -> Seeded:
    staff, admin = world.as_("staff"), world.as_("admin")
    c = world.community
    seeded = Seeded()
    cadre = create_caretaker(client, staff, c, name="张包保")
    seeded.cadre = cadre
    p = seeded.persons
    p["c1"] = person(client, staff, c, "child", t(-500), "在册儿童")
    p["c2"] = person(client, staff, c, "child", t(-30), "新增儿童")  # first day of P
    p["w1"] = person(client, staff, c, "woman", t(-10), "新增妇女")  # last day of P
    p["w2"] = person(client, staff, c, "woman", t(-9), "期后妇女")  # the day after P
    p["e1"] = person(client, staff, c, "elder", t(-500), "期末退出", exited_on=t(-10))
    p["e2"] = person(client, staff, c, "elder", t(-500), "期前退出", exited_on=t(-31))
    p["e3"] = person(client, staff, c, "elder", t(-500), "期后退出", exited_on=None)
    p["e4"] = person(client, staff, world.village, "elder", t(-500), "东营老人")
    p["x1"] = person(client, admin, world.other_village, "child", t(-20), "柳行孩子")

    assigned(client, staff, p["c1"], cadre, starts_on=t(-100).isoformat(), visit_interval_days=30)
    assigned(client, staff, p["c2"], cadre, starts_on=t(-25).isoformat(), visit_interval_days=7)
    assigned(client, staff, p["e3"], cadre, starts_on=t(-50).isoformat(), visit_interval_days=30)
    assigned(
        client,
        staff,
        p["e4"],
        cadre,
        starts_on=t(-100).isoformat(),
        ends_on=t(-20).isoformat(),
        visit_interval_days=30,
    )
    companion = create_caretaker(client, staff, world.village, name="李陪伴")
    assigned(client, staff, p["e4"], companion, "companion", starts_on=t(-100).isoformat())
    visit(client, staff, p["c1"], cadre, t(-30))
    visit(client, staff, p["c1"], cadre, t(-12))
    visit(client, staff, p["c2"], cadre, t(-9))
    visit(client, staff, p["e3"], cadre, t(-40))
    other = create_caretaker(client, admin, world.other_village, name="孙柳行")
    assigned(client, admin, p["x1"], other, starts_on=t(-20).isoformat())
    visit(client, admin, p["x1"], other, t(-15))
    # e3 leaves after P (its exit recorded after the visits, as in life).
    response = client.post(
        f"{PERSONS}/{p['e3']['id']}/exit",
        json={"exited_on": t(-5).isoformat(), "exit_reason": "parents_returned"},
        headers=staff,
    )
    assert response.status_code == 200, response.text
    return seeded


def record(person: dict[str, Any], code: str, day: date, quantity: int = 1, **kw: Any) -> Any:
    return ServiceRecord(
        person_id=uuid.UUID(person["id"]),
        service_type=code,
        delivered_on=day,
        quantity=quantity,
        created_by="test",
        **kw,
    )


def activity(region: Any, code: str, day: date, count: int, **kw: Any) -> Activity:
    return Activity(
        title=f"{code} {day}",
        service_type=code,
        region_id=region.id,
        region_path=region.path,
        held_on=day,
        anonymous_attendees=count,
        attendee_count=count,
        created_by="test",
        **kw,
    )


def wish(person: dict[str, Any], created: datetime, steps: list[tuple[str, datetime]], **kw: Any):  # type: ignore[no-untyped-def]
    """A wish and its timeline: ``steps`` after the creation (open at ``created``)."""
    status = steps[-1][0] if steps else "open"
    w = Wish(
        person_id=uuid.UUID(person["id"]),
        kind=WishKind.micro_wish,
        description="一套绘本",
        status=WishStatus(status),
        created_by="test",
        created_at=created,
        updated_at=created,
        **kw,
    )
    rows: list[Any] = [w]
    timeline = [(None, "open", created)]
    previous = "open"
    for to_status, at in steps:
        timeline.append((previous, to_status, at))
        previous = to_status
    for seq, (from_status, to_status, at) in enumerate(timeline, start=1):
        rows.append(
            WishTransition(
                wish_id=w.id,
                seq=seq,
                from_status=WishStatus(from_status) if from_status else None,
                to_status=WishStatus(to_status),
                at=at,
                by="test",
            )
        )
    return rows


def distribution(region: Any, item: str, day: date, quantity: int, households: int | None):  # type: ignore[no-untyped-def]
    return Distribution(
        region_id=region.id,
        region_path=region.path,
        distributed_on=day,
        item=DistributionItem(item),
        quantity=quantity,
        households=households,
    )


def seed_services(db: Any, world: Any, p: dict[str, dict[str, Any]]) -> None:
    """The rows of the service tables (see the module's docstring for P)."""
    c, v, h, x = world.community, world.village, world.huangtun, world.other_village
    deleted = noon(t(-1))
    start_of_p = datetime.combine(t(-30), time.min, SHANGHAI)
    after_p = end_of_day_utc(t(-10))
    rows: list[Any] = [
        record(p["c1"], "legal_consultation", t(-30)),
        record(p["c1"], "legal_consultation", t(-10), quantity=2),
        record(p["w1"], "legal_consultation", t(-10)),
        record(p["w1"], "job_placement", t(-15)),
        record(p["e3"], "psychological_counseling", t(-12), quantity=3),
        record(p["c1"], "after_school_class", t(-31)),
        record(p["c1"], "after_school_class", t(-9)),
        record(p["c1"], "rights_protection", t(-20), deleted_at=deleted),
        record(p["x1"], "legal_consultation", t(-20)),
        activity(c, "after_school_class", t(-30), 12),
        activity(c, "after_school_class", t(-10), 8),
        activity(h, "safety_education", t(-20), 30),
        activity(c, "homework_tutoring", t(-31), 5),
        activity(c, "homework_tutoring", t(-20), 5, deleted_at=deleted),
        activity(x, "after_school_class", t(-20), 40),
        distribution(c, "publicity_leaflet", t(-30), 100, 40),
        distribution(v, "publicity_leaflet", t(-10), 50, None),
        distribution(c, "hotline_card", t(-20), 30, 30),
        distribution(c, "school_supplies", t(-9), 10, 10),
        distribution(x, "publicity_leaflet", t(-20), 500, 200),
    ]
    # A: made and fulfilled in P. B: made before P, claimed on T-10. C: made in P, open on
    # T-10, cancelled after. D: made after P. E: another township's. F: made at the first
    # instant of P, open. G: made at the first instant after P.
    rows += wish(
        p["c1"],
        noon(t(-20)),
        [("claimed", noon(t(-15))), ("fulfilled", noon(t(-12)))],
        claimed_on=t(-15),
        fulfilled_on=t(-12),
    )
    rows += wish(p["c2"], noon(t(-40)), [("claimed", noon(t(-35)))], claimed_on=t(-35))
    rows += wish(p["c2"], noon(t(-25)), [("cancelled", noon(t(-5)))])
    rows += wish(p["c1"], noon(t(-5)), [])
    rows += wish(p["x1"], noon(t(-20)), [])
    rows += wish(p["c1"], start_of_p, [])
    rows += wish(p["c1"], after_p, [])

    def add(session: Any) -> None:
        for row in rows:
            session.add(row)
            session.flush()

    db.run_in_session(add)


# The figures of 黄屯街道 over P = [T-30, T-10] (docs/reports.md defines each).
EXPECTED_P: dict[str, Any] = {
    "registry": {
        "child": {"active": 2, "new": 1, "exited": 0},
        "woman": {"active": 1, "new": 1, "exited": 0},
        "elder": {"active": 2, "new": 0, "exited": 1},
        "total": {"active": 5, "new": 2, "exited": 1},
    },
    "care": {
        "active": 5,
        "with_primary_contact": 3,
        "visits": 2,
        "persons_visited": 1,
        "overdue": 1,
    },
    "services": [
        {
            "service_type": "job_placement",
            "name_zh": "帮助就业",
            "program": "employment",
            "records": 1,
            "persons": 1,
            "quantity": 1,
        },
        {
            "service_type": "legal_consultation",
            "name_zh": "法律政策咨询",
            "program": "legal",
            "records": 3,
            "persons": 2,
            "quantity": 4,
        },
        {
            "service_type": "psychological_counseling",
            "name_zh": "心理疏导",
            "program": "counseling",
            "records": 1,
            "persons": 1,
            "quantity": 3,
        },
    ],
    "activities": [
        {"service_type": "after_school_class", "activities": 2, "attendees": 20},
        {"service_type": "safety_education", "activities": 1, "attendees": 30},
    ],
    "wishes": {"made": 3, "fulfilled": 1, "open": 3},
    "legal": {
        "activities": {},
        "consultations": 0,
        "onsite_minutes": 0,
        "villages": 2,
        "villages_with_advisor": 0,
        "villages_without_advisor": 2,
    },
    "distributions": [
        {"item": "publicity_leaflet", "quantity": 150, "households": 40},
        {"item": "hotline_card", "quantity": 30, "households": 30},
    ],
}

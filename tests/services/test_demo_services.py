"""seed-demo's year of the 黄屯街道 services programme (demo/services.py): the seed report's
figures, every service rule kept by every row, and a second run that adds nothing.

One seed-demo run (through the real CLI) serves the whole module: its own database, SQLite or
PostgreSQL as the suite runs, made and dropped here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from liushou import migrations
from liushou.clock import today
from liushou.demo import regions_data as data
from liushou.regions.models import Region
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.registry.register import still_counts
from liushou.services.enums import DistributionItem, WishStatus
from liushou.services.models import (
    Activity,
    Distribution,
    ServiceRecord,
    ServiceType,
    Wish,
    WishTransition,
)
from tests.conftest import PG_SERVER_URL, create_pg_database, drop_pg_database, make_settings
from tests.test_seed_demo import run_cli

TABLES = ("activity", "service_record", "wish", "wish_transition", "distribution", "audit_event")


@pytest.fixture(scope="module")
def seeded(_migrated: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The database seed-demo filled once, and what it printed."""
    if PG_SERVER_URL:
        name = f"liushou_demo_services_{os.getpid()}"
        url = create_pg_database(PG_SERVER_URL, name)
        migrations.upgrade(url)
    else:
        target = tmp_path_factory.mktemp("demo_services") / "liushou.db"
        shutil.copyfile(_migrated, target)
        url = f"sqlite:///{target}"
    result = run_cli(url, "seed-demo")
    assert result.returncode == 0, result.stderr
    yield url, result.stdout
    if PG_SERVER_URL:
        drop_pg_database(PG_SERVER_URL, name)


@pytest.fixture(scope="module")
def engine(seeded: tuple[str, str]) -> Iterator[sa.Engine]:
    engine = sa.create_engine(seeded[0])
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def year(engine: sa.Engine) -> dict[str, Any]:
    """黄屯街道's rows of the twelve months up to today, with the persons they concern."""
    on = today()
    start = on - timedelta(days=364)
    with Session(engine) as session:
        township = session.exec(select(Region).where(Region.code == data.HUANGTUN_CODE)).one()
        inside = col(Person.region_path).startswith(township.path)
        persons = {p.id: p for p in session.exec(select(Person).where(inside)).all()}
        records = session.exec(
            select(ServiceRecord).where(
                col(ServiceRecord.person_id).in_(list(persons)),
                col(ServiceRecord.deleted_at).is_(None),
            )
        ).all()
        activities = session.exec(
            select(Activity).where(col(Activity.region_path).startswith(township.path))
        ).all()
        distributions = session.exec(
            select(Distribution).where(col(Distribution.region_path).startswith(township.path))
        ).all()
        wishes = session.exec(select(Wish).where(col(Wish.person_id).in_(list(persons)))).all()
        steps = session.exec(select(WishTransition).order_by(col(WishTransition.seq))).all()
        types = {t.code: t for t in session.exec(select(ServiceType)).all()}
        regions = {r.id: r for r in session.exec(select(Region)).all()}
    in_year = [r for r in records if start <= r.delivered_on <= on]
    return {
        "on": on,
        "start": start,
        "persons": persons,
        "records": records,
        "in_year": in_year,
        "activities": activities,
        "distributions": distributions,
        "wishes": wishes,
        "steps": steps,
        "types": types,
        "regions": regions,
    }


def distinct_persons(year: dict[str, Any], *codes: str, category: str | None = None) -> int:
    return len(
        {
            r.person_id
            for r in year["in_year"]
            if r.service_type in codes
            and (category is None or year["persons"][r.person_id].category.value == category)
        }
    )


def count(year: dict[str, Any], *codes: str) -> int:
    return sum(r.quantity for r in year["in_year"] if r.service_type in codes)


def handed_out(year: dict[str, Any], item: DistributionItem) -> int:
    return sum(
        d.quantity
        for d in year["distributions"]
        if d.item == item and year["start"] <= d.distributed_on <= year["on"]
    )


def test_the_report_line_says_what_was_added(seeded: tuple[str, str]) -> None:
    line = next(s for s in seeded[1].splitlines() if s.startswith("services programme:"))
    assert "activities created: 0" not in line
    assert "wishes created: 36" in line
    assert "service records created: " in line and "leaflets" in line and "bags" in line


def test_the_figures_of_the_seed_report(year: dict[str, Any]) -> None:
    assert 20 <= distinct_persons(year, "job_placement", category="woman") <= 30
    assert distinct_persons(year, "job_placement") == count(year, "job_placement")
    health = (
        "health_consultation",
        "medical_checkup",
        "medicine_delivery",
        "rehabilitation_nursing",
    )
    assert 35 <= distinct_persons(year, *health, category="elder") <= 45
    assert handed_out(year, DistributionItem.publicity_leaflet) >= 3000
    assert handed_out(year, DistributionItem.publicity_bag) >= 300
    assert count(year, "prepregnancy_checkup") >= 60
    assert count(year, "legal_consultation", "rights_protection") >= 90
    for code in (
        "after_school_class",
        "homework_tutoring",
        "safety_education",
        "school_supplies",
        "micro_wish",
        "dream_come_true",
        "psychological_counseling",
        "reproductive_health_counseling",
        "skills_training",
        "holiday_visit",
        "birthday_celebration",
        "cultural_performance",
    ):
        assert count(year, code) > 0, code
    for code in ("psychological_counseling", "reproductive_health_counseling", "skills_training"):
        assert distinct_persons(year, code, category="woman") > 10, code
    weekly = [a for a in year["activities"] if a.service_type == "after_school_class"]
    assert len({a.region_id for a in weekly}) >= 3  # a few villages
    assert len(weekly) >= 3 * 30  # weekly through the school terms
    assert sum(d.households or 0 for d in year["distributions"]) > 0
    assert len([a for a in year["activities"] if a.service_type == "cultural_performance"]) >= 1


def test_wishes_in_every_state_with_their_timeline(
    year: dict[str, Any], seeded: tuple[str, str]
) -> None:
    wishes = year["wishes"]
    assert {w.status for w in wishes} == set(WishStatus)
    assert {w.kind.value for w in wishes} == {"micro_wish", "dream_come_true"}
    by_wish: dict[uuid.UUID, list[WishTransition]] = {}
    for step in year["steps"]:
        by_wish.setdefault(step.wish_id, []).append(step)
    records = Counter(r.wish_id for r in year["records"] if r.wish_id is not None)
    pii = PersonalData.from_settings(make_settings(seeded[0]))
    for wish in wishes:
        person = year["persons"][wish.person_id]
        assert person.category.value == "child"
        steps = by_wish[wish.id]
        assert [s.seq for s in steps] == list(range(1, len(steps) + 1))
        assert steps[0].from_status is None and steps[0].to_status == WishStatus.open
        assert all(a.to_status == b.from_status for a, b in zip(steps, steps[1:], strict=False))
        assert steps[-1].to_status == wish.status
        assert all(a.at <= b.at for a, b in zip(steps, steps[1:], strict=False))
        assert wish.created_by == "seed-demo"
        if wish.status == WishStatus.fulfilled:
            (record,) = [r for r in year["records"] if r.wish_id == wish.id]
            assert record.service_type == wish.kind.value
            assert record.delivered_on == wish.fulfilled_on
            assert wish.claimed_on is not None and wish.claimed_on <= wish.fulfilled_on
        else:
            assert records[wish.id] == 0 and wish.fulfilled_on is None
        if wish.status in (WishStatus.claimed, WishStatus.fulfilled):
            assert wish.donor_name and wish.donor_phone_cipher and wish.donor_phone_masked
            phone = pii.open_in("wish", wish.id, "donor_phone", wish.donor_phone_cipher)
            assert phone is not None and phone not in wish.donor_phone_cipher
            assert wish.donor_phone_masked == phone[:3] + "****" + phone[7:]
        if wish.status == WishStatus.open:
            assert wish.donor_name is None and wish.claimed_on is None


def test_every_activity_matches_its_records(year: dict[str, Any]) -> None:
    by_activity: dict[uuid.UUID, list[ServiceRecord]] = {}
    for record in year["records"]:
        if record.activity_id is not None:
            by_activity.setdefault(record.activity_id, []).append(record)
    activities = {a.id: a for a in year["activities"]}
    assert set(by_activity) <= set(activities)
    for activity in activities.values():
        attendance = by_activity.get(activity.id, [])
        people = [r.person_id for r in attendance]
        assert len(people) == len(set(people)), activity.title  # one record per attendee
        assert activity.attendee_count == len(attendance) + activity.anonymous_attendees
        assert activity.region_path == year["regions"][activity.region_id].path
        assert activity.created_by == "seed-demo"
        for record in attendance:
            assert record.service_type == activity.service_type
            assert record.delivered_on == activity.held_on
            assert year["persons"][record.person_id].region_path.startswith(activity.region_path)
    for distribution in year["distributions"]:
        assert distribution.region_path == year["regions"][distribution.region_id].path
        assert distribution.activity_id is None or distribution.activity_id in activities


def test_no_record_breaks_a_service_rule(year: dict[str, Any]) -> None:
    assert year["records"], "seed-demo wrote no service records"
    for record in year["records"]:
        person: Person = year["persons"][record.person_id]
        day = record.delivered_on
        assert year["start"] <= day <= year["on"], record  # in the year, never in the future
        assert person.left_behind_since <= day
        assert person.exited_on is None or day < person.exited_on
        assert still_counts(person.counts_until, day)
        assert person.category.value in year["types"][record.service_type].categories
        assert record.created_by == "seed-demo"
    for activity in year["activities"]:
        assert year["start"] <= activity.held_on <= year["on"]


def test_a_second_run_creates_nothing(seeded: tuple[str, str], engine: sa.Engine) -> None:
    def counts() -> list[int]:
        with engine.connect() as conn:
            return [conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) or 0 for t in TABLES]

    before = counts()
    again = run_cli(seeded[0], "seed-demo")
    assert again.returncode == 0, again.stderr
    assert (
        "services programme: activities created: 0, service records created: 0, "
        "wishes created: 0, distributions created: 0 (0 leaflets, 0 bags)"
    ) in again.stdout
    assert counts() == before


def test_the_summary_of_the_year_lands_in_the_seed_reports_range(
    seeded: tuple[str, str],
) -> None:
    """`liushou reports summary` (the figures of GET /reports/summary, without a server) for
    黄屯街道 over the twelve months of the demo: the seed report's figures."""
    on = today()
    period = ["--from", str(on - timedelta(days=364)), "--to", str(on)]
    result = run_cli(seeded[0], "reports", "summary", "--region", data.HUANGTUN_CODE, *period)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    services = {row["service_type"]: row for row in summary["services"]}
    assert 20 <= services["job_placement"]["persons"] <= 30  # 帮助25名妇女就业
    assert services["prepregnancy_checkup"]["records"] >= 60
    legal = services["legal_consultation"]["records"] + services["rights_protection"]["records"]
    assert legal >= 90
    health = ("health_consultation", "medicine_delivery", "rehabilitation_nursing")
    assert 30 <= max(services[code]["persons"] for code in health) <= 45  # 医路相伴, ~40 elders
    handed_out = {row["item"]: row["quantity"] for row in summary["distributions"]}
    assert handed_out["publicity_leaflet"] >= 3000
    assert handed_out["publicity_bag"] >= 300
    assert summary["wishes"]["made"] > 0 and summary["wishes"]["fulfilled"] > 0
    assert summary["wishes"]["open"] > 0
    activities = {row["service_type"]: row for row in summary["activities"]}
    assert activities["after_school_class"]["activities"] >= 40  # weekly in term time

    text = run_cli(
        seeded[0], "reports", "summary", "--region", data.HUANGTUN_CODE, *period, "--format", "text"
    )
    assert text.returncode == 0, text.stderr
    assert f"帮助{services['job_placement']['persons']}人就业" in text.stdout
    assert re.search(r"(?<![0-9])0(次|人|个|份|件)", text.stdout) is None  # zeros left out

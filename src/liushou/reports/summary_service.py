"""The summary report (docs/reports.md): the period's rules and the figures' assembly from the
rows the database counted (reports/summary_repository.py). The HTTP routes and the CLI
(`liushou reports summary`) both call :func:`summary`, so they give the same figures."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from liushou.api.params import check_period
from liushou.auth.principal import Principal
from liushou.auth.scoping import subtree_bounds
from liushou.clock import SHANGHAI, end_of_day_utc, today
from liushou.errors import FieldInvalid
from liushou.legal.enums import LegalActivityType
from liushou.registry.enums import PersonCategory
from liushou.registry.repository import region_t
from liushou.reports import legal_repository as legal_repo
from liushou.reports import repository as coverage_repo
from liushou.reports import summary_repository as repo
from liushou.reports.service import report_region
from liushou.reports.summary_schemas import (
    ActivityFigures,
    CareFigures,
    DistributionFigures,
    LegalFigures,
    RegistryCounts,
    RegistryFigures,
    ServiceFigures,
    SummaryReport,
    WishFigures,
)
from liushou.services.enums import DistributionItem


@dataclass(frozen=True)
class Summary:
    """The report, with what its workbook and narrative also need: the region's name and
    code, each reported service type's unit (次, 人 …) and name_zh (activities' types too)."""

    report: SummaryReport
    region_name: str
    region_code: str
    units: dict[str, str]
    names: dict[str, str]


def period(from_: date | None, to: date | None) -> tuple[date, date]:
    """The period's days, both included: ``to`` defaults to today (Asia/Shanghai), ``from``
    to 1 January of ``to``'s year. A ``to`` after today is 422 ``date_in_future`` (nothing is
    known of that day yet); ``from`` after ``to`` is 422 ``invalid_period``."""
    day = today()
    to = to or day
    if to > day:
        raise FieldInvalid(
            ["query", "to"],
            "date_in_future",
            "截止日期不能晚于今天。",
            "`to` cannot be after today (Asia/Shanghai).",
        )
    from_ = from_ or date(to.year, 1, 1)
    check_period(from_, to)
    return from_, to


def region_by_code(conn: Connection, code: str) -> uuid.UUID | None:
    """A live region's id by its code (the CLI names regions by their 12-digit code)."""
    return conn.execute(
        sa.select(region_t.c.id).where(region_t.c.code == code, region_t.c.deleted_at.is_(None))
    ).scalar_one_or_none()


def _registry_today(conn: Connection, bounds: dict[str, Any]) -> dict[str, list[int]]:
    """Active, with a primary contact, overdue by category today: /reports/coverage's own
    query, so that a summary to today agrees with the coverage report exactly."""
    figures = {c.value: [0, 0, 0] for c in PersonCategory}
    wanted = {key: bounds[key] for key in ("low", "high", "today")}
    for row in coverage_repo.village_counts(conn, wanted):
        if row["category"] is None:
            continue
        total = figures[row["category"]]
        for i, key in enumerate(("active", "with_primary_contact", "overdue")):
            total[i] += int(row[key])
    return figures


def summary(
    conn: Connection,
    caller: Principal,
    region_id: uuid.UUID | None,
    from_: date | None,
    to: date | None,
) -> Summary:
    """GET /reports/summary: a fixed number of grouped queries, whatever the data size."""
    since, until = period(from_, to)
    region = report_region(conn, caller, region_id)
    low, high = subtree_bounds(region["path"])
    start = datetime.combine(since, time.min, SHANGHAI).astimezone(UTC)
    params: dict[str, Any] = {
        "low": low,
        "high": high,
        "since": since,
        "until": until,
        "day": until,
        "today": until,
        "start": start,
        "end": end_of_day_utc(until),
    }
    if until == today():
        on_day = _registry_today(conn, params)
    else:
        on_day = {c.value: [0, 0, 0] for c in PersonCategory}
        for row in repo.register_as_of(conn, params):
            on_day[row["category"]] = [
                int(row["active"]),
                int(row["with_primary_contact"]),
                int(row["overdue"]),
            ]
    moves = {c.value: (0, 0) for c in PersonCategory}
    for row in repo.entries_and_exits(conn, params):
        moves[row["category"]] = (int(row["new"]), int(row["exited"]))
    by_category = {
        c: RegistryCounts(active=on_day[c][0], new=moves[c][0], exited=moves[c][1]) for c in on_day
    }
    total = RegistryCounts(
        active=sum(r.active for r in by_category.values()),
        new=sum(r.new for r in by_category.values()),
        exited=sum(r.exited for r in by_category.values()),
    )
    seen = repo.visits(conn, params)
    care = CareFigures(
        active=total.active,
        with_primary_contact=sum(f[1] for f in on_day.values()),
        visits=int(seen["visits"]),
        persons_visited=int(seen["persons_visited"]),
        overdue=sum(f[2] for f in on_day.values()),
    )
    service_rows = repo.services(conn, params)
    activity_rows = repo.activities(conn, params)
    wishes = repo.wishes(conn, params)
    item_order = {item.value: i for i, item in enumerate(DistributionItem)}
    distributions = sorted(repo.distributions(conn, params), key=lambda r: item_order[r["item"]])
    report = SummaryReport(
        region_id=region["id"],
        from_=since,
        to=until,
        registry=RegistryFigures(**by_category, total=total),
        care=care,
        services=[
            ServiceFigures(
                service_type=r["service_type"],
                name_zh=r["name_zh"],
                program=r["program"],
                records=int(r["records"]),
                persons=int(r["persons"]),
                quantity=int(r["quantity"]),
            )
            for r in service_rows
        ],
        activities=[
            ActivityFigures(
                service_type=r["service_type"],
                activities=int(r["activities"]),
                attendees=int(r["attendees"] or 0),
            )
            for r in activity_rows
        ],
        wishes=WishFigures(
            made=int(wishes["made"]), fulfilled=int(wishes["fulfilled"]), open=int(wishes["open"])
        ),
        legal=legal(conn, params),
        distributions=[
            DistributionFigures(
                item=r["item"], quantity=int(r["quantity"]), households=int(r["households"])
            )
            for r in distributions
        ],
    )
    return Summary(
        report=report,
        region_name=region["name"],
        region_code=region["code"],
        units={r["service_type"]: r["unit"] for r in service_rows},
        names={r["service_type"]: r["name_zh"] for r in [*service_rows, *activity_rows]},
    )


def legal(conn: Connection, params: dict[str, Any]) -> LegalFigures:
    """The legal-advisor figures (docs/reports.md, "legal"): two statements, the period's
    activities by type with their on-site minutes, and the region's villages with those a
    contract covers on ``day``."""
    by_type = legal_repo.activities_by_type(conn, params)
    activities = {r["type"]: int(r["activities"]) for r in by_type}
    villages = legal_repo.villages(conn, params)
    total, covered = int(villages["villages"]), int(villages["with_advisor"])
    return LegalFigures(
        activities=activities,
        consultations=activities.get(LegalActivityType.consultation.value, 0),
        onsite_minutes=sum(int(r["onsite_minutes"]) for r in by_type),
        villages=total,
        villages_with_advisor=covered,
        villages_without_advisor=total - covered,
    )

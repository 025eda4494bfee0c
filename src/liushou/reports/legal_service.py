"""The legal advisors' compliance report (GET /reports/legal-advisors; docs/reports.md, "The
legal advisors' compliance report"): per advisor, its legal activities per ISO week against
its contract's weekly target; per village, its advisor's on-site minutes per month against
the contract's monthly target; the villages without an advisor; the contracts about to end.

The database counts the activities (reports/legal_repository.py: five statements whatever the
data size); this module lays the counts on the weeks and months the contracts cover. Those
loops run over the contracts of the region and the weeks of the period, never over rows of
activities.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy.engine import Connection

from liushou.auth.principal import Principal
from liushou.auth.scoping import subtree_bounds
from liushou.clock import today
from liushou.legal.scope import advisor_id_of, is_advisor
from liushou.reports import legal_repository as repo
from liushou.reports.legal_schemas import (
    AdvisorCompliance,
    AdvisorWeek,
    ExpiringContract,
    LegalAdvisorsReport,
    VillageCompliance,
    VillageMonth,
    VillageRef,
)
from liushou.reports.service import report_region
from liushou.reports.summary_service import period

EXPIRING_DAYS = 30
WEEK = timedelta(days=7)


def iso_week(monday: date) -> str:
    """2026-W48: the ISO year and week of ``monday``."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def whole_weeks(first: date, last: date) -> Iterator[date]:
    """The Mondays of the ISO weeks lying wholly within [first, last]."""
    monday = first + timedelta(days=-first.weekday() % 7)
    while monday + timedelta(days=6) <= last:
        yield monday
        monday += WEEK


def whole_months(first: date, last: date) -> Iterator[date]:
    """The first days of the calendar months lying wholly within [first, last]."""
    month = first if first.day == 1 else next_month(first.replace(day=1))
    while next_month(month) - timedelta(days=1) <= last:
        yield month
        month = next_month(month)


def _targets(
    spans: list[tuple[date, date, int]], first: date, last: date, units: Any
) -> dict[date, int]:
    """Each whole week (or month, by ``units``) of [first, last] that one contract covers from
    its first day to its last, with the highest target among the contracts covering it (a
    renewal that starts the day after the old contract ends holds the same target)."""
    targets: dict[date, int] = {}
    for starts_on, last_day, target in spans:
        for unit in units(max(starts_on, first), min(last_day, last)):
            targets[unit] = max(targets.get(unit, 0), target)
    return targets


def legal_advisors(
    conn: Connection,
    caller: Principal,
    region_id: uuid.UUID | None,
    from_: date | None,
    to: date | None,
) -> LegalAdvisorsReport:
    """The report; a legal_advisor caller gets its own advisor's figures only (and no
    village list of the region): an advisor login with no advisor gets an empty report."""
    since, until = period(from_, to)
    region = report_region(conn, caller, region_id)
    advisor: uuid.UUID | None = None
    if is_advisor(caller):
        advisor = advisor_id_of(conn, caller)
        if advisor is None:
            return LegalAdvisorsReport(
                region_id=region["id"],
                from_=since,
                to=until,
                advisors=[],
                villages=[],
                without_advisor=[],
                expiring=[],
            )
    low, high = subtree_bounds(region["path"])
    week0 = since - timedelta(days=since.weekday())
    week_end = until + timedelta(days=6 - until.weekday())
    month0 = since.replace(day=1)
    month_end = next_month(until.replace(day=1)) - timedelta(days=1)
    day = today()
    params: dict[str, Any] = {
        "low": low,
        "high": high,
        "since": since,
        "until": until,
        "day": until,
        "week0": week0,
        "week_end": week_end,
        "month0": month0,
        "month_end": month_end,
        "today": day,
        "soon": day + timedelta(days=EXPIRING_DAYS),
        "advisor": advisor,
    }
    rows = repo.contract_villages(conn, params)
    weekly = {
        (r["advisor_id"], int(r["week"])): int(r["activities"])
        for r in repo.weekly_activities(conn, params)
    }
    monthly = {
        (r["region_id"], r["advisor_id"], r["month"]): int(r["minutes"])
        for r in repo.monthly_onsite(conn, params)
    }

    names: dict[uuid.UUID, str] = {}
    advisor_spans: dict[uuid.UUID, dict[uuid.UUID, tuple[date, date, int]]] = {}
    village_spans: dict[tuple[uuid.UUID, uuid.UUID], list[tuple[date, date, int]]] = {}
    village_names: dict[uuid.UUID, str] = {}
    for r in rows:
        names[r["advisor_id"]] = r["advisor_name"]
        advisor_spans.setdefault(r["advisor_id"], {})[r["contract_id"]] = (
            r["starts_on"],
            r["last_day"],
            int(r["weekly_activity_target"]),
        )
        village_names[r["region_id"]] = r["village_name"]
        village_spans.setdefault((r["region_id"], r["advisor_id"]), []).append(
            (r["starts_on"], r["last_day"], int(r["monthly_onsite_minutes_target"]))
        )

    advisors = []
    for advisor_id, contracts in advisor_spans.items():
        targets = _targets(list(contracts.values()), week0, week_end, whole_weeks)
        weeks = []
        for monday in sorted(targets):
            done = weekly.get((advisor_id, (monday - week0).days // 7), 0)
            target = targets[monday]
            weeks.append(
                AdvisorWeek(
                    week=iso_week(monday), activities=done, target=target, met=done >= target
                )
            )
        advisors.append(
            AdvisorCompliance(advisor_id=advisor_id, name=names[advisor_id], weeks=weeks)
        )
    advisors.sort(key=lambda a: (a.name, str(a.advisor_id)))

    villages = []
    for (village_id, advisor_id), spans in village_spans.items():
        targets = _targets(spans, month0, month_end, whole_months)
        months = []
        for first in sorted(targets):
            key = first.strftime("%Y-%m")
            minutes = monthly.get((village_id, advisor_id, key), 0)
            target = targets[first]
            months.append(
                VillageMonth(
                    month=key, onsite_minutes=minutes, target=target, met=minutes >= target
                )
            )
        villages.append(
            VillageCompliance(
                region_id=village_id,
                name=village_names[village_id],
                advisor_id=advisor_id,
                months=months,
            )
        )

    without = []
    if advisor is None:
        without = [
            VillageRef(region_id=r["region_id"], name=r["name"])
            for r in repo.without_advisor(conn, params)
        ]
    return LegalAdvisorsReport(
        region_id=region["id"],
        from_=since,
        to=until,
        advisors=advisors,
        villages=villages,
        without_advisor=without,
        expiring=[ExpiringContract(**r) for r in repo.expiring(conn, params)],
    )

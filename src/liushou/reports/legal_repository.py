"""The queries of the legal figures (docs/reports.md): the compliance report of the legal
advisors (GET /reports/legal-advisors) and the ``legal`` section of the summary.

Each is one statement built once with bound parameters, so a report costs the same number of
statements whatever the data size: ``low``/``high`` (the region's subtree), ``since``/
``until`` (the period, both days included), ``day`` (the report's ``to``), ``week0``/
``week_end`` (the Monday of ``since``'s ISO week, the Sunday of ``until``'s), ``month0``/
``month_end`` (the first of ``since``'s month, the last of ``until``'s), ``today`` and
``soon`` (today + 30 days), and, in the statements of one advisor (a legal_advisor caller),
``advisor``. When a contract covers a day is legal/coverage.py's rule, never spelled here.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from liushou.legal import coverage
from liushou.legal.enums import LegalActivityMode
from liushou.regions.models import RegionLevel
from liushou.registry.repository import region_t
from liushou.reports.params import DAY as _DAY
from liushou.reports.params import SINCE as _SINCE
from liushou.reports.params import UNTIL as _UNTIL
from liushou.reports.params import within as _within
from liushou.reports.sql_dates import month_key, week_index
from liushou.reports.summary_repository import ReportSelect
from liushou.tables import (
    contract_village_t,
    legal_activity_t,
    legal_advisor_t,
    legal_contract_t,
)

_WEEK0 = sa.bindparam("week0", type_=sa.Date)
_WEEK_END = sa.bindparam("week_end", type_=sa.Date)
_MONTH0 = sa.bindparam("month0", type_=sa.Date)
_MONTH_END = sa.bindparam("month_end", type_=sa.Date)
_TODAY = sa.bindparam("today", type_=sa.Date)
_SOON = sa.bindparam("soon", type_=sa.Date)
_ADVISOR = sa.bindparam("advisor", type_=legal_activity_t.c.advisor_id.type)

_ON_SITE = LegalActivityMode.on_site.value


def _live(table: sa.Table) -> sa.ColumnElement[bool]:
    return table.c.deleted_at.is_(None)


def covered_on(region_id: Any, day: Any) -> sa.ColumnElement[bool]:
    """SQL: a live contract covers the village ``region_id`` on ``day``."""
    c, cv = legal_contract_t, contract_village_t
    return sa.exists().where(
        cv.c.region_id == region_id,
        c.c.id == cv.c.contract_id,
        _live(c),
        coverage.covers(c, day),
    )


def _one_advisor(column: Any, advisor: bool) -> list[sa.ColumnElement[bool]]:
    return [column == _ADVISOR] if advisor else []


# --- the compliance report -----------------------------------------------------------------


def _contract_villages(advisor: bool) -> ReportSelect:
    """Each live contract covering a day of the period, with each of its villages in the
    region, its advisor and its targets."""
    c, cv, a, r = legal_contract_t, contract_village_t, legal_advisor_t, region_t
    stmt = (
        sa.select(
            c.c.id.label("contract_id"),
            c.c.advisor_id,
            a.c.name.label("advisor_name"),
            c.c.starts_on,
            c.c.last_day,
            c.c.weekly_activity_target,
            c.c.monthly_onsite_minutes_target,
            cv.c.region_id,
            r.c.name.label("village_name"),
            r.c.code.label("village_code"),
        )
        .select_from(
            c.join(cv, cv.c.contract_id == c.c.id)
            .join(a, a.c.id == c.c.advisor_id)
            .join(r, r.c.id == cv.c.region_id)
        )
        .where(
            _live(c),
            _live(r),
            _within(cv.c.region_path),
            coverage.overlaps(c, _SINCE, _UNTIL),
            *_one_advisor(c.c.advisor_id, advisor),
        )
        .order_by(r.c.code, c.c.starts_on, c.c.id)
    )
    return ReportSelect(stmt)


def _weekly_activities(advisor: bool) -> ReportSelect:
    """Legal activities in the region per advisor and week, over the whole weeks of the
    period (``week`` = whole weeks since ``week0``)."""
    act = legal_activity_t
    week = week_index(_WEEK0, act.c.held_on)
    stmt = (
        sa.select(act.c.advisor_id, week.label("week"), sa.func.count().label("activities"))
        .where(
            _live(act),
            _within(act.c.region_path),
            act.c.held_on >= _WEEK0,
            act.c.held_on <= _WEEK_END,
            *_one_advisor(act.c.advisor_id, advisor),
        )
        .group_by(act.c.advisor_id, week)
    )
    return ReportSelect(stmt)


def _monthly_onsite(advisor: bool) -> ReportSelect:
    """Minutes of on-site legal activities per village, advisor and month, over the whole
    months of the period."""
    act = legal_activity_t
    month = month_key(act.c.held_on)
    stmt = (
        sa.select(
            act.c.region_id,
            act.c.advisor_id,
            month.label("month"),
            sa.func.sum(act.c.duration_minutes).label("minutes"),
        )
        .where(
            _live(act),
            _within(act.c.region_path),
            sa.type_coerce(act.c.mode, sa.String) == _ON_SITE,
            act.c.held_on >= _MONTH0,
            act.c.held_on <= _MONTH_END,
            *_one_advisor(act.c.advisor_id, advisor),
        )
        .group_by(act.c.region_id, act.c.advisor_id, month)
    )
    return ReportSelect(stmt)


def _without_advisor() -> ReportSelect:
    r = region_t
    stmt = (
        sa.select(r.c.id.label("region_id"), r.c.name)
        .where(
            r.c.level == RegionLevel.village.value,
            _live(r),
            _within(r.c.path),
            ~covered_on(r.c.id, _DAY),
        )
        .order_by(r.c.code)
    )
    return ReportSelect(stmt)


def _expiring(advisor: bool) -> ReportSelect:
    """Live contracts with a village in the region that cover today and stop covering within
    30 days (their last covered day: legal/coverage.py)."""
    c, cv = legal_contract_t, contract_village_t
    stmt = (
        sa.select(c.c.id.label("contract_id"), c.c.advisor_id, c.c.ends_on, c.c.last_day)
        .where(
            _live(c),
            coverage.covers(c, _TODAY),
            c.c.last_day <= _SOON,
            sa.exists().where(cv.c.contract_id == c.c.id, _within(cv.c.region_path)),
            *_one_advisor(c.c.advisor_id, advisor),
        )
        .order_by(c.c.last_day, c.c.id)
    )
    return ReportSelect(stmt)


# Built once each, for every caller (False) and for one advisor (True).
_CONTRACT_VILLAGES = {one: _contract_villages(one) for one in (False, True)}
_WEEKLY = {one: _weekly_activities(one) for one in (False, True)}
_MONTHLY = {one: _monthly_onsite(one) for one in (False, True)}
_WITHOUT = _without_advisor()
_EXPIRING = {one: _expiring(one) for one in (False, True)}


def _fetch(
    selects: dict[bool, ReportSelect], conn: Connection, params: dict[str, Any]
) -> list[dict[str, Any]]:
    return selects[params.get("advisor") is not None].fetch(conn, params)


def contract_villages(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _fetch(_CONTRACT_VILLAGES, conn, params)


def weekly_activities(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _fetch(_WEEKLY, conn, params)


def monthly_onsite(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _fetch(_MONTHLY, conn, params)


def without_advisor(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _WITHOUT.fetch(conn, params)


def expiring(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _fetch(_EXPIRING, conn, params)


# --- the summary's legal section -----------------------------------------------------------


def _activities_by_type() -> ReportSelect:
    """Legal activities held within the period per type, with their on-site minutes."""
    act = legal_activity_t
    on_site = sa.type_coerce(act.c.mode, sa.String) == _ON_SITE
    stmt = (
        sa.select(
            sa.type_coerce(act.c.type, sa.String).label("type"),
            sa.func.count().label("activities"),
            sa.func.coalesce(
                sa.func.sum(sa.case((on_site, act.c.duration_minutes), else_=0)), 0
            ).label("onsite_minutes"),
        )
        .where(
            _live(act),
            _within(act.c.region_path),
            act.c.held_on >= _SINCE,
            act.c.held_on <= _UNTIL,
        )
        .group_by(act.c.type)
        .order_by(act.c.type)
    )
    return ReportSelect(stmt)


def _villages() -> ReportSelect:
    """The villages of the region, and of those the ones a contract covers on ``day``."""
    r = region_t
    stmt = sa.select(
        sa.func.count(r.c.id).label("villages"),
        sa.func.coalesce(sa.func.sum(sa.case((covered_on(r.c.id, _DAY), 1), else_=0)), 0).label(
            "with_advisor"
        ),
    ).where(r.c.level == RegionLevel.village.value, _live(r), _within(r.c.path))
    return ReportSelect(stmt)


_BY_TYPE = _activities_by_type()
_VILLAGES = _villages()


def activities_by_type(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _BY_TYPE.fetch(conn, params)


def villages(conn: Connection, params: dict[str, Any]) -> dict[str, Any]:
    return _VILLAGES.fetch(conn, params)[0]

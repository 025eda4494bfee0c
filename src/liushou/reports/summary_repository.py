"""The queries of the summary report (docs/reports.md): each figure a GROUP BY the database
computes, so the report costs the same number of statements whatever the data size.

Every statement takes bound parameters: ``low``/``high`` (the region's subtree,
auth.scoping.subtree_bounds), ``since``/``until`` (the period's first and last day, both
included), ``start``/``end`` (the period as UTC instants: Shanghai midnight of ``since``, and
the first instant after ``until``), and ``day`` (the report's ``to``).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from liushou.read_path import PreparedSelect
from liushou.registry.enums import PersonStatus
from liushou.registry.repository import last_of_episode, state_on_day
from liushou.reports.params import DAY as _DAY
from liushou.reports.params import SINCE as _SINCE
from liushou.reports.params import UNTIL as _UNTIL
from liushou.reports.params import within as _within
from liushou.reports.sql_dates import add_days
from liushou.services.enums import WishStatus
from liushou.tables import (
    activity_t,
    assignment_t,
    distribution_t,
    person_t,
    service_record_t,
    service_type_t,
    version_t,
    visit_t,
    wish_t,
    wish_transition_t,
)
from liushou.visibility import PRIMARY_CONTACT_SQL

_START = sa.bindparam("start", type_=version_t.c.at.type)
_END = sa.bindparam("end", type_=version_t.c.at.type)


def _in_period(column: Any) -> sa.ColumnElement[bool]:
    return sa.and_(column >= _SINCE, column <= _UNTIL)


def _count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


class ReportSelect:
    """A PreparedSelect given only the parameters its statement binds (the report passes
    one dict of every parameter to each query)."""

    def __init__(self, stmt: Any) -> None:
        self.prepared = PreparedSelect(stmt)
        self.names = frozenset(stmt.compile().params)

    def fetch(self, conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self.prepared.fetch(conn, {k: v for k, v in params.items() if k in self.names})


# --- registry and care on a past day (as of ``day``) ---------------------------------------


def _as_of_register() -> ReportSelect:
    """Persons on the register on ``day`` by category, with the care figures of that day.

    The person's state on ``day`` is registry.repository.list_persons_as_of's: its latest
    version recorded by the end of the day, counted when one of its stays covers the day
    (an exit recorded later but dated before the day counts). Care on ``day``: a primary
    contact whose assignment covers the day (``starts_on`` <= day < ``ends_on``), overdue when
    its due date on that day — the person's latest visit up to the day, or the assignment's
    start when there was none, plus its interval — is before the day.
    """
    v = version_t.c
    a = assignment_t.alias("primary_then")
    seen = visit_t.alias("seen")
    last_visit = (
        sa.select(sa.func.max(seen.c.visited_on))
        .where(
            seen.c.person_id == v.person_id,
            seen.c.deleted_at.is_(None),
            seen.c.visited_on <= _DAY,
        )
        # Correlated to the outer person_version through the EXISTS around it.
        .correlate(version_t)
        .scalar_subquery()
    )
    primary_on_day = [
        a.c.person_id == v.person_id,
        a.c.role == PRIMARY_CONTACT_SQL,
        a.c.deleted_at.is_(None),
        a.c.starts_on <= _DAY,
        sa.or_(a.c.ends_on.is_(None), a.c.ends_on > _DAY),
    ]
    due = add_days(sa.func.coalesce(last_visit, a.c.starts_on), a.c.visit_interval_days)
    stmt = (
        sa.select(
            sa.type_coerce(v.category, sa.String).label("category"),
            sa.func.count().label("active"),
            _count_if(sa.exists().where(*primary_on_day)).label("with_primary_contact"),
            _count_if(sa.exists().where(*primary_on_day, due < _DAY)).label("overdue"),
        )
        .select_from(version_t.join(person_t, person_t.c.id == v.person_id))
        .where(*state_on_day(_END, _DAY), _within(v.region_path))
        .group_by(v.category)
    )
    return ReportSelect(stmt)


def _entries_and_exits() -> ReportSelect:
    """Persons (by current category and region) who entered or left the register in the
    period: a stay (an episode of the person's history) starting or ending within it, or a
    child whose 16th birthday (``counts_until``) fell within it and whose exit the sweep has
    not recorded yet."""
    episode = version_t.alias("episode")
    p = person_t
    aged_out = sa.and_(
        p.c.status == PersonStatus.active.value,
        episode.c.exited_on.is_(None),
        _in_period(p.c.counts_until),
    )
    stmt = (
        sa.select(
            sa.type_coerce(p.c.category, sa.String).label("category"),
            sa.func.count(
                sa.distinct(sa.case((_in_period(episode.c.left_behind_since), episode.c.person_id)))
            ).label("new"),
            sa.func.count(
                sa.distinct(
                    sa.case(
                        (sa.or_(_in_period(episode.c.exited_on), aged_out), episode.c.person_id)
                    )
                )
            ).label("exited"),
        )
        .select_from(episode.join(p, p.c.id == episode.c.person_id))
        .where(
            last_of_episode(episode),
            p.c.deleted_at.is_(None),
            _within(p.c.region_path),
            sa.or_(
                _in_period(episode.c.left_behind_since),
                _in_period(episode.c.exited_on),
                _in_period(p.c.counts_until),
            ),
        )
        .group_by(p.c.category)
    )
    return ReportSelect(stmt)


def _visits() -> ReportSelect:
    s, p = visit_t, person_t
    stmt = (
        sa.select(
            sa.func.count(s.c.id).label("visits"),
            sa.func.count(sa.distinct(s.c.person_id)).label("persons_visited"),
        )
        .select_from(s.join(p, p.c.id == s.c.person_id))
        .where(
            s.c.deleted_at.is_(None),
            p.c.deleted_at.is_(None),
            _within(p.c.region_path),
            _in_period(s.c.visited_on),
        )
    )
    return ReportSelect(stmt)


# --- services, activities, wishes, distributions -------------------------------------------


def _services() -> ReportSelect:
    """Records per type in the period: counted over the records alone, then named. With the
    person and the period in ix_service_record_person_delivered_on together with the type and
    the quantity, a county's year is read from the index, never the table (docs/reports.md)."""
    r, p, t = service_record_t, person_t, service_type_t
    per_type = (
        sa.select(
            r.c.service_type,
            sa.func.count().label("records"),
            sa.func.count(sa.distinct(r.c.person_id)).label("persons"),
            sa.func.sum(r.c.quantity).label("quantity"),
        )
        .select_from(r.join(p, p.c.id == r.c.person_id))
        .where(
            r.c.deleted_at.is_(None),
            p.c.deleted_at.is_(None),
            _within(p.c.region_path),
            _in_period(r.c.delivered_on),
        )
        .group_by(r.c.service_type)
        .subquery("per_type")
    )
    stmt = (
        sa.select(
            per_type.c.service_type,
            t.c.name_zh,
            sa.type_coerce(t.c.program, sa.String).label("program"),
            t.c.unit,
            per_type.c.records,
            per_type.c.persons,
            per_type.c.quantity,
        )
        .select_from(per_type.join(t, t.c.code == per_type.c.service_type))
        .order_by(per_type.c.service_type)
    )
    return ReportSelect(stmt)


def _activities() -> ReportSelect:
    a, t = activity_t, service_type_t
    stmt = (
        sa.select(
            a.c.service_type,
            t.c.name_zh,
            sa.func.count(a.c.id).label("activities"),
            sa.func.sum(a.c.attendee_count).label("attendees"),
        )
        .select_from(a.join(t, t.c.code == a.c.service_type))
        .where(a.c.deleted_at.is_(None), _within(a.c.region_path), _in_period(a.c.held_on))
        .group_by(a.c.service_type, t.c.name_zh)
        .order_by(a.c.service_type)
    )
    return ReportSelect(stmt)


def _wishes() -> ReportSelect:
    """made: created within the period; fulfilled: fulfilled within it; open: open or
    claimed on ``day`` — the status its timeline had reached by the end of that day."""
    w, p, tr = wish_t, person_t, wish_transition_t
    step = wish_transition_t.alias("step")
    last_seq = (
        sa.select(sa.func.max(step.c.seq))
        .where(step.c.wish_id == w.c.id, step.c.at < _END)
        .correlate(w)
        .scalar_subquery()
    )
    waiting = (WishStatus.open.value, WishStatus.claimed.value)
    open_on_day = sa.exists().where(
        tr.c.wish_id == w.c.id,
        tr.c.seq == last_seq,
        sa.type_coerce(tr.c.to_status, sa.String).in_(waiting),
    )
    stmt = (
        sa.select(
            _count_if(sa.and_(w.c.created_at >= _START, w.c.created_at < _END)).label("made"),
            _count_if(
                sa.and_(
                    w.c.status == WishStatus.fulfilled.value,
                    _in_period(w.c.fulfilled_on),
                )
            ).label("fulfilled"),
            _count_if(open_on_day).label("open"),
        )
        .select_from(w.join(p, p.c.id == w.c.person_id))
        .where(w.c.deleted_at.is_(None), p.c.deleted_at.is_(None), _within(p.c.region_path))
    )
    return ReportSelect(stmt)


def _distributions() -> ReportSelect:
    d = distribution_t
    stmt = (
        sa.select(
            sa.type_coerce(d.c.item, sa.String).label("item"),
            sa.func.sum(d.c.quantity).label("quantity"),
            sa.func.coalesce(sa.func.sum(d.c.households), 0).label("households"),
        )
        .where(d.c.deleted_at.is_(None), _within(d.c.region_path), _in_period(d.c.distributed_on))
        .group_by(d.c.item)
    )
    return ReportSelect(stmt)


_AS_OF = _as_of_register()
_ENTRIES = _entries_and_exits()
_VISITS = _visits()
_SERVICES = _services()
_ACTIVITIES = _activities()
_WISHES = _wishes()
_DISTRIBUTIONS = _distributions()


def register_as_of(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _AS_OF.fetch(conn, params)


def entries_and_exits(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _ENTRIES.fetch(conn, params)


def visits(conn: Connection, params: dict[str, Any]) -> dict[str, Any]:
    return _VISITS.fetch(conn, params)[0]


def services(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _SERVICES.fetch(conn, params)


def activities(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _ACTIVITIES.fetch(conn, params)


def wishes(conn: Connection, params: dict[str, Any]) -> dict[str, Any]:
    return _WISHES.fetch(conn, params)[0]


def distributions(conn: Connection, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _DISTRIBUTIONS.fetch(conn, params)

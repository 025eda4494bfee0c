"""Every query of the reports. Reads take a Connection (Core, no ORM).

The figures are counted by the database, over the same conditions the persons list
filters on (registry: on the register; guardianship: active primary contact, overdue), so a
report and `GET /persons?status=active|unassigned=true|overdue=true` always agree.

The statements are built once with bound parameters (read_path.PreparedSelect): ``low``/``high``
(the region's subtree, auth.scoping.subtree_bounds) and ``today``.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from liushou.auth.scoping import within_bounds
from liushou.guardianship.models import visit_overdue_sql
from liushou.guardianship.repository import assignment_t, caretaker_t
from liushou.read_path import PreparedSelect
from liushou.regions.models import RegionLevel
from liushou.registry.register import on_register_sql
from liushou.registry.repository import person_t, region_t
from liushou.visibility import PRIMARY_CONTACT_SQL, active

_TODAY = sa.bindparam("today", type_=sa.Date)
_LOW = sa.bindparam("low", type_=sa.String)
_HIGH = sa.bindparam("high", type_=sa.String)


def _on_register(person: sa.Table) -> sa.ColumnElement[bool]:
    """A live person on the register today (`GET /persons?status=active`)."""
    return sa.and_(
        person.c.deleted_at.is_(None),
        on_register_sql(person.c.status, person.c.counts_until, _TODAY),
    )


def _primary_of(assignment: sa.Table, person: sa.Table) -> sa.ColumnElement[bool]:
    """The person's active primary contact: at most one row (the partial unique index
    uq_assignment_person_id_primary_active), so an outer join to it never multiplies
    persons, and "joined" is exactly visibility.unassigned_condition's
    complement."""
    return sa.and_(
        assignment.c.person_id == person.c.id,
        assignment.c.role == PRIMARY_CONTACT_SQL,
        active(assignment),
    )


def _late(assignment: sa.Table) -> sa.ColumnElement[int]:
    """1 when the primary contact's visit is overdue (visibility.overdue_condition: ``next_visit_due < today``), else 0."""
    return sa.case((visit_overdue_sql(assignment.c.next_visit_due, _TODAY), 1), else_=0)


def _in_subtree(path: Any) -> sa.ColumnElement[bool]:
    return within_bounds(path, _LOW, _HIGH)


_REGION = PreparedSelect(
    sa.select(region_t.c.id, region_t.c.name, region_t.c.path, region_t.c.code).where(
        region_t.c.id == sa.bindparam("id", type_=region_t.c.id.type),
        region_t.c.deleted_at.is_(None),
    )
)


def _village_counts() -> PreparedSelect:
    """One row per village × category of the subtree (a village with no person: one row
    with a null category and zeros)."""
    r, p, a = region_t, person_t, assignment_t
    stmt = (
        sa.select(
            r.c.id.label("region_id"),
            r.c.name,
            sa.type_coerce(p.c.category, sa.String).label("category"),
            sa.func.count(p.c.id).label("active"),
            # person_id, not id: the columns a covering index of active primary contacts
            # would hold (see the caretakers query too).
            sa.func.count(a.c.person_id).label("with_primary_contact"),
            sa.func.coalesce(sa.func.sum(_late(a)), 0).label("overdue"),
        )
        .select_from(
            # By path (the village's, which its persons carry): the persons list's rule
            # (a region's subtree by path), and the index on person.region_path serves it.
            r.outerjoin(p, sa.and_(p.c.region_path == r.c.path, _on_register(p))).outerjoin(
                a, _primary_of(a, p)
            )
        )
        .where(*_villages(r))
        .group_by(r.c.id, r.c.name, r.c.code, p.c.category)
        .order_by(r.c.code, r.c.id)
    )
    return PreparedSelect(stmt)


def _villages(region: sa.Table) -> list[sa.ColumnElement[bool]]:
    return [
        region.c.level == RegionLevel.village.value,
        region.c.deleted_at.is_(None),
        _in_subtree(region.c.path),
    ]


def _caretaker_counts() -> PreparedSelect:
    """Caretakers with their caseload in the subtree: those based in it (also with no
    caseload) and those based elsewhere with a caseload in it (a volunteer).

    The persons are reached village by village, as in the villages query: PostgreSQL then
    probes the active primary contacts by index instead of hashing the whole table."""
    r, a, p, c = region_t, assignment_t, person_t, caretaker_t
    caseload = (
        sa.select(
            a.c.caretaker_id.label("caretaker_id"),
            sa.literal_column("1", sa.Integer).label("caseload"),
            _late(a).label("overdue"),
        )
        .select_from(
            r.join(p, sa.and_(p.c.region_path == r.c.path, _on_register(p))).join(
                a, _primary_of(a, p)
            )
        )
        .where(*_villages(r))
    )
    based_here = sa.select(
        c.c.id.label("caretaker_id"),
        sa.literal_column("0", sa.Integer).label("caseload"),
        sa.literal_column("0", sa.Integer).label("overdue"),
    ).where(c.c.deleted_at.is_(None), _in_subtree(c.c.region_path))
    rows = sa.union_all(caseload, based_here).subquery("load")
    stmt = (
        sa.select(
            c.c.id.label("caretaker_id"),
            c.c.name,
            sa.func.sum(rows.c.caseload).label("caseload"),
            sa.func.sum(rows.c.overdue).label("overdue"),
        )
        .select_from(rows.join(c, c.c.id == rows.c.caretaker_id))
        .where(c.c.deleted_at.is_(None))
        .group_by(c.c.id, c.c.name)
        .order_by(c.c.name, c.c.id)
    )
    return PreparedSelect(stmt)


_VILLAGES = _village_counts()
_CARETAKERS = _caretaker_counts()


def live_region(conn: Connection, region_id: uuid.UUID) -> dict[str, Any] | None:
    """id, name, path and code of a live region (no scope: the caller decides)."""
    rows = _REGION.fetch(conn, {"id": region_id})
    return rows[0] if rows else None


def village_counts(conn: Connection, bounds: dict[str, Any]) -> list[dict[str, Any]]:
    """``bounds``: ``low``, ``high`` and ``today``."""
    return _VILLAGES.fetch(conn, bounds)


def caretaker_counts(conn: Connection, bounds: dict[str, Any]) -> list[dict[str, Any]]:
    return _CARETAKERS.fetch(conn, bounds)

"""Every query of /activities: the scoped Core reads of the API and the few ORM queries
its writes need. Functions flush, never commit.

An activity is visible to a caller when its region lies in the caller's subtree (a record without
a person is scoped by its region: docs/services.md). Its attendees are the persons of
its live service records; a read shows only those the caller may see
(visibility.person_scope), the count always covers all of them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session, col, select

from liushou.api.filters import PeriodFilters, one_by_id, rows_by_id, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import Day, InRegion
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.auth.scoping import subtree_scope
from liushou.regions.repository import region_subtree
from liushou.registry.models import Person
from liushou.services.enums import Program
from liushou.services.models import ServiceRecord, ServiceType
from liushou.tables import activity_t, person_t, service_record_t, service_type_t
from liushou.visibility import assigned_persons, person_scope

ACTIVITY_COLUMNS = [
    c for c in activity_t.c if c.name not in ("deleted_at", "region_path", "created_by_id")
]
ACTIVITY_ORDER = [activity_t.c.held_on, activity_t.c.id]  # newest first


class ActivityFilters(PeriodFilters):
    region_id: InRegion = None
    service_type: str | None = Field(None, max_length=64)
    program: Program | None = None
    organization_id: uuid.UUID | None = None
    from_: Day | None = Field(None, alias="from", description="held_on on or after")
    to: Day | None = Field(None, description="held_on on or before")


# --- reads ---------------------------------------------------------------------------------


def _visible_activities(caller: Principal) -> sa.Select[Any]:
    stmt = sa.select(*ACTIVITY_COLUMNS).where(activity_t.c.deleted_at.is_(None))
    return scoped(stmt, subtree_scope(activity_t.c.region_path, caller))


def _with_attendees(
    conn: Connection, caller: Principal, rows: Sequence[RowMapping]
) -> list[dict[str, Any]]:
    """The rows with ``attendee_ids``: the persons of their live records the caller may
    see, in the order they were registered (one query for the whole page)."""
    bodies = [{**row, "attendee_ids": []} for row in rows]
    if not bodies:
        return bodies
    by_id = {body["id"]: body for body in bodies}
    r = service_record_t.c
    stmt = (
        sa.select(r.activity_id, r.person_id)
        .join(person_t, person_t.c.id == r.person_id)
        .where(r.activity_id.in_(list(by_id)), r.deleted_at.is_(None))
        .order_by(r.activity_id, r.created_at, r.person_id)
    )
    stmt = scoped(stmt, person_scope(person_t.c.id, person_t.c.region_path, caller))
    for activity_id, person_id in conn.execute(stmt):
        by_id[activity_id]["attendee_ids"].append(person_id)
    return bodies


def get_activities(
    conn: Connection, caller: Principal, activity_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """The activities the caller may see among the ids, with their attendees (two queries),
    by id: a page of the change feed, or one id for GET /{id} (`get_activity`)."""
    rows = rows_by_id(conn, _visible_activities(caller), activity_t.c.id, activity_ids)
    if not rows:
        return {}
    return {row["id"]: row for row in _with_attendees(conn, caller, list(rows.values()))}


get_activity = one_by_id(get_activities)


def list_activities(
    conn: Connection, caller: Principal, page: PageParams, f: ActivityFilters
) -> list[dict[str, Any]]:
    t = activity_t.c
    stmt = where_equal(
        _visible_activities(caller),
        activity_t,
        service_type=f.service_type,
        organization_id=f.organization_id,
    )
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, t.region_path))
    if f.program is not None:
        codes = sa.select(service_type_t.c.code).where(service_type_t.c.program == f.program)
        stmt = stmt.where(t.service_type.in_(codes))
    stmt = f.within(stmt, t.held_on)
    rows = keyset_rows(conn, stmt, page, ACTIVITY_ORDER, descending=True, updated_at=t.updated_at)
    return _with_attendees(conn, caller, rows)


# --- for the writes ------------------------------------------------------------------------


def live_records(session: Session, activity_id: uuid.UUID) -> list[ServiceRecord]:
    """The activity's live records, in the order they were registered (the activity row,
    locked by the write, serialises every change of them)."""
    stmt = (
        select(ServiceRecord)
        .where(ServiceRecord.activity_id == activity_id, col(ServiceRecord.deleted_at).is_(None))
        .order_by(col(ServiceRecord.created_at), col(ServiceRecord.person_id))
    )
    return list(session.exec(stmt).all())


def persons_locked(session: Session, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Person]:
    """The live persons among these ids, locked for the transaction, in one query (ordered
    by id, so two writers lock them in the same order)."""
    ids = list(person_ids)
    if not ids:
        return {}
    stmt = (
        select(Person)
        .where(col(Person.id).in_(ids), col(Person.deleted_at).is_(None))
        .order_by(col(Person.id))
        .with_for_update()
    )
    return {person.id: person for person in session.exec(stmt).all()}


def assigned_among(
    session: Session, caller: Principal, person_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these persons are actively assigned to the caller (a volunteer's persons),
    in one query."""
    ids = list(person_ids)
    if not ids or caller.role != Role.volunteer:
        return set()
    assigned = assigned_persons(caller)
    stmt = assigned.where(assigned.selected_columns[0].in_(ids))
    return set(session.execute(stmt).scalars().all())


def service_type_by_code(session: Session, code: str) -> ServiceType | None:
    """The type of this code, live or not: an activity keeps the type it was recorded
    with even after an admin retires it."""
    return session.exec(select(ServiceType).where(ServiceType.code == code)).first()

"""Every query of caretakers, assignments and visits.

Reads take a Connection (Core, no ORM) and apply the caller's scope in SQL, so a row
outside it is simply absent (404). Writes take the unit of work's Session and flush, never
commit. Who may see a person, and its care alerts (overdue, unassigned), are the shared
rules of liushou.visibility, which the registry uses too.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session, col, select

from liushou.api.filters import (
    ListFilters,
    PeriodFilters,
    one_by_id,
    rows_by_id,
    scoped,
    where_equal,
)
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import Day, InRegion, SearchText
from liushou.api.resources import get_live_by
from liushou.auth.principal import Principal
from liushou.auth.roles import REGION_READERS, Role
from liushou.auth.scoping import lineage_scope
from liushou.guardianship.models import (
    Assignment,
    AssignmentRole,
    Caretaker,
    CaretakerKind,
    Visit,
    VisitRiskLevel,
)
from liushou.regions.repository import region_subtree
from liushou.registry.models import Person
from liushou.tables import assignment_t, caretaker_t, person_t, visit_t
from liushou.visibility import person_scope

# The ciphertext never leaves the database in a read.
CARETAKER_COLUMNS = [
    c for c in caretaker_t.c if c.name not in ("deleted_at", "region_path", "phone_cipher")
]
ASSIGNMENT_COLUMNS = [c for c in assignment_t.c if c.name != "deleted_at"]
VISIT_COLUMNS = [c for c in visit_t.c if c.name != "deleted_at"]
CARETAKER_ORDER = [caretaker_t.c.name, caretaker_t.c.id]
ASSIGNMENT_ORDER = [assignment_t.c.starts_on, assignment_t.c.id]
VISIT_ORDER = [visit_t.c.visited_on, visit_t.c.id]  # newest first


# --- scope ---------------------------------------------------------------------------------


def _own_caretakers(caller: Principal) -> sa.Select[Any]:
    c = caretaker_t.alias("own_caretaker")
    return sa.select(c.c.id).where(c.c.user_id == caller.id, c.c.deleted_at.is_(None))


def caretaker_scope(caller: Principal) -> sa.ColumnElement[bool] | None:
    """Caretakers of the caller's area and the regions above it (a village contact sees the
    township's doctor); a volunteer only its own record."""
    if caller.sees_everything:
        return None
    if caller.role in REGION_READERS and caller.region_path:
        return lineage_scope(caretaker_t.c.region_path, caller)
    if caller.role == Role.volunteer:
        return caretaker_t.c.user_id == caller.id
    return sa.false()


def _either(
    first: sa.ColumnElement[bool] | None, second: sa.ColumnElement[bool]
) -> sa.ColumnElement[bool] | None:
    return None if first is None else sa.or_(first, second)


def _of_visible_persons(
    table: sa.Table, columns: Sequence[sa.Column[Any]], caller: Principal
) -> sa.Select[Any]:
    """The live rows of ``table`` (assignments or visits) whose person is live, that the
    caller may see: those of the persons it may see (visibility.person_scope), and a
    volunteer's also those of its own caretaker record."""
    stmt = (
        sa.select(*columns)
        .join(person_t, person_t.c.id == table.c.person_id)
        .where(table.c.deleted_at.is_(None), person_t.c.deleted_at.is_(None))
    )
    scope = person_scope(person_t.c.id, person_t.c.region_path, caller)
    if caller.role == Role.volunteer:
        scope = _either(scope, table.c.caretaker_id.in_(_own_caretakers(caller)))
    return scoped(stmt, scope)


# --- caretakers: reads ---------------------------------------------------------------------


class CaretakerFilters(ListFilters):
    region_id: InRegion = None
    kind: CaretakerKind | None = None
    q: SearchText | None = Field(None, min_length=1, max_length=50, description="Name contains")
    organization_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = Field(None, description="The caretaker of this login")


def get_caretakers(
    conn: Connection, caller: Principal, caretaker_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RowMapping]:
    """The rows the caller may see among the ids, in one query, by id: a page of the
    change feed, or one id for GET /{id} (`get_caretaker`)."""
    stmt = sa.select(*CARETAKER_COLUMNS).where(caretaker_t.c.deleted_at.is_(None))
    return rows_by_id(conn, scoped(stmt, caretaker_scope(caller)), caretaker_t.c.id, caretaker_ids)


get_caretaker = one_by_id(get_caretakers)


def list_caretakers(
    conn: Connection, caller: Principal, page: PageParams, f: CaretakerFilters
) -> Sequence[RowMapping]:
    t = caretaker_t.c
    stmt = scoped(
        sa.select(*CARETAKER_COLUMNS).where(t.deleted_at.is_(None)), caretaker_scope(caller)
    )
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, t.region_path))
    if f.q:
        stmt = stmt.where(t.name.contains(f.q.strip(), autoescape=True))
    stmt = where_equal(
        stmt, caretaker_t, kind=f.kind, organization_id=f.organization_id, user_id=f.user_id
    )
    return keyset_rows(conn, stmt, page, CARETAKER_ORDER, updated_at=t.updated_at)


# --- assignments: reads --------------------------------------------------------------------


class AssignmentFilters(ListFilters):
    person_id: uuid.UUID | None = None
    caretaker_id: uuid.UUID | None = None
    active: bool | None = Field(None, description="true: not ended; false: ended")
    role: AssignmentRole | None = None


def get_assignments(
    conn: Connection, caller: Principal, assignment_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RowMapping]:
    """The rows the caller may see among the ids, in one query, by id: a page of the
    change feed, or one id for GET /{id} (`get_assignment`)."""
    stmt = _of_visible_persons(assignment_t, ASSIGNMENT_COLUMNS, caller)
    return rows_by_id(conn, stmt, assignment_t.c.id, assignment_ids)


get_assignment = one_by_id(get_assignments)


def list_assignments(
    conn: Connection, caller: Principal, page: PageParams, f: AssignmentFilters
) -> Sequence[RowMapping]:
    t = assignment_t.c
    stmt = _of_visible_persons(assignment_t, ASSIGNMENT_COLUMNS, caller)
    stmt = where_equal(
        stmt, assignment_t, person_id=f.person_id, caretaker_id=f.caretaker_id, role=f.role
    )
    if f.active is True:
        stmt = stmt.where(t.ends_on.is_(None))
    elif f.active is False:
        stmt = stmt.where(t.ends_on.is_not(None))
    return keyset_rows(conn, stmt, page, ASSIGNMENT_ORDER, updated_at=t.updated_at)


# --- visits: reads -------------------------------------------------------------------------


class VisitFilters(PeriodFilters):
    person_id: uuid.UUID | None = None
    caretaker_id: uuid.UUID | None = None
    risk_level: VisitRiskLevel | None = None
    from_: Day | None = Field(None, alias="from", description="visited_on on or after")
    to: Day | None = Field(None, description="visited_on on or before")


def get_visits(
    conn: Connection, caller: Principal, visit_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RowMapping]:
    """The rows the caller may see among the ids, in one query, by id: a page of the
    change feed, or one id for GET /{id} (`get_visit`)."""
    stmt = _of_visible_persons(visit_t, VISIT_COLUMNS, caller)
    return rows_by_id(conn, stmt, visit_t.c.id, visit_ids)


get_visit = one_by_id(get_visits)


def list_visits(
    conn: Connection, caller: Principal, page: PageParams, f: VisitFilters
) -> Sequence[RowMapping]:
    t = visit_t.c
    stmt = _of_visible_persons(visit_t, VISIT_COLUMNS, caller)
    stmt = where_equal(
        stmt, visit_t, person_id=f.person_id, caretaker_id=f.caretaker_id, risk_level=f.risk_level
    )
    stmt = f.within(stmt, t.visited_on)
    return keyset_rows(conn, stmt, page, VISIT_ORDER, descending=True, updated_at=t.updated_at)


# --- writes --------------------------------------------------------------------------------


def caretaker_of_user(session: Session, user_id: uuid.UUID) -> Caretaker | None:
    return get_live_by(session, Caretaker, user_id=user_id)


def caretaker_in_use(session: Session, caretaker_id: uuid.UUID) -> bool:
    row = session.exec(
        select(Assignment.id)
        .where(
            Assignment.caretaker_id == caretaker_id,
            col(Assignment.ends_on).is_(None),
            col(Assignment.deleted_at).is_(None),
        )
        .limit(1)
    ).first()
    return row is not None


def caretaker_caseload(
    session: Session, caretaker_id: uuid.UUID
) -> Sequence[tuple[Assignment, Person]]:
    """The caretaker's active assignments with their persons."""
    return session.exec(
        select(Assignment, Person)
        .join(Person, col(Person.id) == col(Assignment.person_id))
        .where(
            Assignment.caretaker_id == caretaker_id,
            col(Assignment.ends_on).is_(None),
            col(Assignment.deleted_at).is_(None),
        )
    ).all()


def active_primary(session: Session, person_id: uuid.UUID) -> Assignment | None:
    """The person's active primary contact, locked for this transaction."""
    return session.exec(
        select(Assignment)
        .where(
            Assignment.person_id == person_id,
            Assignment.role == AssignmentRole.primary_contact,
            col(Assignment.ends_on).is_(None),
            col(Assignment.deleted_at).is_(None),
        )
        .with_for_update()
    ).first()


def active_assignments(session: Session, person_id: uuid.UUID) -> Sequence[Assignment]:
    return session.exec(
        select(Assignment)
        .where(
            Assignment.person_id == person_id,
            col(Assignment.ends_on).is_(None),
            col(Assignment.deleted_at).is_(None),
        )
        .with_for_update()
    ).all()


def active_assignment_of(
    session: Session, caretaker_id: uuid.UUID, person_id: uuid.UUID
) -> Assignment | None:
    return session.exec(
        select(Assignment)
        .where(
            Assignment.person_id == person_id,
            Assignment.caretaker_id == caretaker_id,
            col(Assignment.ends_on).is_(None),
            col(Assignment.deleted_at).is_(None),
        )
        .order_by(col(Assignment.starts_on))
    ).first()


def latest_visit_on(session: Session, person_id: uuid.UUID) -> date | None:
    return session.exec(
        select(sa.func.max(Visit.visited_on)).where(
            Visit.person_id == person_id, col(Visit.deleted_at).is_(None)
        )
    ).one()

"""Who may see a person, and the care alerts every person read carries.

Both are SQL over the caretaker and assignment tables: a volunteer sees the persons
a caretaker linked to its login is actively assigned to, and a person's care alerts
(overdue visit, no primary contact) come from its active primary contact. The registry (the
person list, a person's body, its scope) and guardianship both build on these conditions,
so this module sits below both: it imports their table modules and the register rule, and
nothing else of either package (see docs/architecture.md, "Layers"). Each rule is written
once (docs/domain.md, "Care intervals and overdue").
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa

from liushou.auth.principal import Principal
from liushou.auth.roles import REGION_READERS, Role
from liushou.auth.scoping import in_subtree
from liushou.guardianship.models import AssignmentRole, visit_overdue_sql
from liushou.registry.register import on_register_sql
from liushou.tables import assignment_t, caretaker_t

# --- the care alerts ------------------------------------------------------------------------

# The role as an SQL literal, not a bound parameter: the partial index of active primary
# contacts (models.ACTIVE_PRIMARY_CONTACT) serves a query only if the planner sees the value.
# With a bound value SQLite re-prepares the statement on every execution to decide (a read
# of one person took 75 µs in SQLite instead of 11).
PRIMARY_CONTACT_SQL: sa.ColumnElement[str] = sa.literal_column(
    f"'{AssignmentRole.primary_contact.value}'"
)


def active(table: sa.FromClause = assignment_t) -> sa.ColumnElement[bool]:
    """An assignment that has not ended and is not deleted."""
    return sa.and_(table.c.ends_on.is_(None), table.c.deleted_at.is_(None))


def _active_primary(person_id: Any) -> sa.Select[Any]:
    a = assignment_t.alias("primary_contact")
    return sa.select(sa.literal(1)).where(
        a.c.person_id == person_id,
        a.c.role == PRIMARY_CONTACT_SQL,
        active(a),
    )


def unassigned_condition(person_id: Any) -> sa.ColumnElement[bool]:
    """The person has no active primary contact (`unassigned=true`, `no_primary_contact`).

    ``person_id`` is the person table's id column; the subquery is correlated on it and
    uses the partial unique index of active primary contacts.
    """
    return ~sa.exists(_active_primary(person_id))


def overdue_condition(person_id: Any, today: date) -> sa.ColumnElement[bool]:
    """The person's primary contact has not visited within its interval, as of ``today``
    (`overdue=true`, `overdue_visit`).

    No visit within the primary contact's interval, counted from the latest visit (or from
    the start of the assignment when there was none): the assignment keeps that date as
    ``next_visit_due`` = basis + interval (guardianship.assignments.refresh_due), and the rule
    is ``visit_overdue_sql`` (docs/domain.md, "Care intervals and overdue").
    """
    a = assignment_t.alias("overdue_contact")
    return sa.exists(
        sa.select(sa.literal(1)).where(
            a.c.person_id == person_id,
            a.c.role == PRIMARY_CONTACT_SQL,
            active(a),
            visit_overdue_sql(a.c.next_visit_due, today),
        )
    )


def care_alert_columns(person_id: Any, day: Any) -> list[Any]:
    """The care alerts of a person as two boolean columns, ``care_overdue`` and
    ``care_unassigned`` (``day``: today, a value or a bound parameter). They are the raw
    conditions; a person's body shows them only while it is on the register (the body's
    effective status), as care_filters does."""
    return [
        overdue_condition(person_id, day).label("care_overdue"),
        unassigned_condition(person_id).label("care_unassigned"),
    ]


def care_filters(
    person: sa.Table,
    day: Any,
    *,
    alert: str | None = None,
    overdue: bool | None = None,
    unassigned: bool | None = None,
) -> list[sa.ColumnElement[bool]]:
    """The conditions of `GET /persons?overdue=&unassigned=&alert=` that come from care.

    ``alert`` is handled only when it is `overdue_visit` or `no_primary_contact`. Both are
    states of a person on the register today (``day``, a value or a bound parameter), like
    the alerts on a person's body; `=false` is the complement (everyone else)."""
    t = person.c
    counts = on_register_sql(t.status, t.counts_until, day)
    late = sa.and_(counts, overdue_condition(t.id, day))
    alone = sa.and_(counts, unassigned_condition(t.id))
    conditions = []
    if alert == "overdue_visit":
        conditions.append(late)
    elif alert == "no_primary_contact":
        conditions.append(alone)
    if overdue is not None:
        conditions.append(late if overdue else sa.not_(late))
    if unassigned is not None:
        conditions.append(alone if unassigned else sa.not_(alone))
    return conditions


# --- who may see a person ----------------------------------------------------------------


def assigned_persons(caller: Principal) -> sa.Select[Any]:
    """Ids of the persons the caller looks after: an active assignment (any role) of a
    caretaker linked to the caller's login."""
    return assigned_to_user(caller.id)


def assigned_to_user(user_id: Any) -> sa.Select[Any]:
    """:func:`assigned_persons` of a user id, which may be a bound parameter (the registry's
    prepared list binds it, so one statement serves every volunteer)."""
    a = assignment_t.alias("own_assignment")
    c = caretaker_t.alias("own_caretaker")
    return (
        sa.select(a.c.person_id)
        .join(c, c.c.id == a.c.caretaker_id)
        .where(c.c.user_id == user_id, c.c.deleted_at.is_(None), active(a))
    )


def is_assigned(db: Any, caller: Principal, person_id: uuid.UUID) -> bool:
    """Whether the person is actively assigned to the caller (``db``: a Connection or a
    Session)."""
    assigned = assigned_persons(caller)
    stmt = sa.select(sa.exists(assigned.where(assigned.selected_columns[0] == person_id)))
    return bool(db.execute(stmt).scalar())


def person_scope(
    person_id: Any, region_path: Any, caller: Principal
) -> sa.ColumnElement[bool] | None:
    """Persons whose care data the caller may read; None when it sees everything."""
    if caller.sees_everything:
        return None
    if caller.role in REGION_READERS and caller.region_path:
        return in_subtree(region_path, caller.region_path)
    if caller.role == Role.volunteer:
        return person_id.in_(assigned_persons(caller))
    return sa.false()

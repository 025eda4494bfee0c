"""What every write of guardianship checks first: who manages caretakers and assignments,
and which person a write may touch.

Every write that touches a person's assignments or visits first locks the person's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serialises
writers), so two handovers, or a handover and a visit, for the same person run one after
the other and each sees what the other committed. The partial unique index on active
primary contacts backs this up: should anything slip past (a writer that does not lock),
the database refuses the second row and the caller gets the same 409.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlmodel import Session

from liushou.api.resources import load_for_write
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.errors import Forbidden, NotFound
from liushou.guardianship.models import Assignment, Visit
from liushou.registry import repository as registry_repo
from liushou.registry.models import Person

OfPerson = TypeVar("OfPerson", Assignment, Visit)

# Who manages caretakers and assignments; village contacts and volunteers record visits.
MANAGERS = frozenset({Role.admin, Role.street_staff})


def require_manager(caller: Principal) -> None:
    if caller.role not in MANAGERS:
        raise Forbidden(
            "只有管理员和街道工作人员可以管理联系人与包保关系。",
            "Only administrators and street staff manage caretakers and assignments.",
            code="care_manager_required",
        )


def _person_visible(session: Session, caller: Principal, person: Person) -> bool:
    """The registry's one scope rule (registry.repository.person_visible)."""
    return registry_repo.person_visible(session, caller, person.id, person.region_path)


def locked_person(session: Session, caller: Principal, person_id: uuid.UUID) -> Person:
    """The live person, locked for this transaction, if the caller may see it (404)."""
    person = load_for_write(session, Person, person_id)
    if person is None or not _person_visible(session, caller, person):
        raise NotFound()
    return person


def locked_with_person(
    session: Session, caller: Principal, model: type[OfPerson], row_id: uuid.UUID
) -> tuple[OfPerson, Person] | None:
    """An assignment or a visit, soft-deleted or not, locked with its person (checked as
    :func:`locked_person` checks it: 404 when the caller may not see it); None when no row
    has this id."""
    row = load_for_write(session, model, row_id, include_deleted=True)
    if row is None:
        return None
    return row, locked_person(session, caller, row.person_id)

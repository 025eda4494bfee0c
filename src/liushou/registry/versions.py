"""A person's versions: the snapshot every change writes, with its audit event.

Every change to a person writes a PersonVersion (history and as-of) and an audit event in
the same transaction; neither holds a clear identifier, only the masks.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.registry.models import Person
from liushou.registry.schemas import PersonCreate
from liushou.tables import version_t

_INSERT_VERSION = sa.insert(version_t)


def record_version(
    session: Session, person: Person, caller: Principal, action: str, changed: list[str]
) -> None:
    """The version and the audit event of a change to ``person``, which the caller has
    flushed (the version refers to its row). Both are written at once with Core INSERTs,
    as the import writes versions: no ORM objects to build and flush (docs/performance.md,
    "Writes")."""
    session.execute(_INSERT_VERSION, version_values(person, caller, action, changed))
    audit.record(
        session,
        caller,
        f"person.{action}",
        resource_type="person",
        resource_id=person.id,
        changed_fields=changed,
    )


def version_values(
    person: Any, caller: Principal, action: str, changed: list[str]
) -> dict[str, Any]:
    """The PersonVersion columns for ``person``'s current state (a Person, or any object
    with its attributes: imports insert versions in bulk, without ORM objects)."""
    snapshot = {
        "category": str(person.category),
        "name": person.name,
        "region_id": str(person.region_id),
        "sex": str(person.sex),
        "birth_date": person.birth_date.isoformat(),
        "id_number_masked": person.id_number_masked,
        "phone_masked": person.phone_masked,
        "address": person.address,
        "status": str(person.status),
        "left_behind_since": person.left_behind_since.isoformat(),
        "exited_on": person.exited_on.isoformat() if person.exited_on else None,
        "exit_reason": str(person.exit_reason) if person.exit_reason else None,
        "profile": person.profile,
        "guardianship_type": str(person.guardianship_type) if person.guardianship_type else None,
    }
    return {
        "id": uuid.uuid4(),
        "person_id": person.id,
        "version": person.version,
        "at": person.updated_at,
        "actor_id": caller.id,
        "actor_name": caller.name,
        "action": action,
        "changed_fields": sorted(changed),
        "category": person.category,
        "region_path": person.region_path,
        "status": person.status,
        "left_behind_since": person.left_behind_since,
        "exited_on": person.exited_on,
        "counts_until": person.counts_until,
        "deleted": person.deleted_at is not None,
        "snapshot": snapshot,
    }


def created_fields(data: PersonCreate) -> list[str]:
    """The fields a create gave: the changed_fields of its first version."""
    return sorted(name for name in data.model_fields_set if getattr(data, name) is not None)

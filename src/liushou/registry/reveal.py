"""Reveal: a person's clear ID number and phones, for those allowed, always audited.

Everywhere else the registry answers with masks only (docs/privacy.md).
"""

from __future__ import annotations

import uuid

from sqlmodel import Session

from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.errors import Forbidden, NotFound
from liushou.registry import repository as repo
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.registry.schemas import Revealed
from liushou.visibility import is_assigned


def reveal(
    session: Session, pii: PersonalData, caller: Principal, person_id: uuid.UUID, purpose: str
) -> Revealed:
    """The clear values, audited with the purpose. A refusal (404 outside the caller's area,
    403 without the right) is audited too; the caller commits in both cases."""
    person = repo.visible_person(session, caller, person_id)
    if person is None:
        record_refused_reveal(session, caller, person_id, purpose, "not_found")
        raise NotFound()
    if not may_reveal(session, caller, person):
        record_refused_reveal(session, caller, person_id, purpose, "not_permitted")
        raise Forbidden(
            "您无权查看此人的个人信息。",
            "You may not see this person's personal data.",
            code="reveal_forbidden",
        )
    audit.record(
        session,
        caller,
        "person.reveal",
        resource_type="person",
        resource_id=person.id,
        changed_fields=["id_number", "phone", "guardian_phone"],
        detail={"purpose": purpose},
    )
    return Revealed(
        id_number=pii.open(person.id, "id_number", person.id_number_cipher),
        phone=pii.open(person.id, "phone", person.phone_cipher),
        guardian_phone=pii.open(person.id, "guardian_phone", person.guardian_phone_cipher),
    )


def record_refused_reveal(
    session: Session, caller: Principal, person_id: uuid.UUID, purpose: str | None, reason: str
) -> None:
    """Audit a reveal that was refused (``reason``: insufficient_scope, not_found, ...)."""
    audit.record(
        session,
        caller,
        "person.reveal",
        resource_type="person",
        resource_id=person_id,
        outcome="denied",
        detail={"purpose": purpose, "reason": reason},
    )


def may_reveal(session: Session, caller: Principal, person: Person) -> bool:
    if caller.role in (Role.admin, Role.street_staff):
        return True
    # A village contact may reveal only the persons actively assigned to it (docs/domain.md).
    return caller.role == Role.village_contact and is_assigned(session, caller, person.id)

"""A person's consents to the processing of their data: recording one, withdrawing it.

Functions flush; routers commit. Each write is audited in the same transaction.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session

from liushou.api.concurrency import check_if_match
from liushou.api.resources import apply_changes, load_for_write
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.clock import today
from liushou.errors import Conflict, FieldInvalid, NotFound
from liushou.registry import identifiers as ids
from liushou.registry import repository as repo
from liushou.registry.enums import PersonCategory
from liushou.registry.models import Consent
from liushou.registry.schemas import ConsentCreate


def add_consent(
    session: Session,
    caller: Principal,
    person_id: uuid.UUID,
    data: ConsentCreate,
    consent_id: uuid.UUID | None = None,
) -> Consent:
    person = repo.visible_person(session, caller, person_id)
    if person is None:
        raise NotFound()
    if data.given_on > today():
        raise FieldInvalid(
            ["body", "given_on"],
            "date_in_future",
            "同意日期不能晚于今天。",
            "given_on cannot be in the future.",
        )
    if data.expires_on is not None and data.expires_on <= data.given_on:
        raise FieldInvalid(
            ["body", "expires_on"],
            "invalid_date",
            "到期日须晚于同意日期。",
            "expires_on must be after given_on.",
        )
    if data.given_by.value == "guardian" and not data.guardian_name:
        raise FieldInvalid(
            ["body", "guardian_name"],
            "guardian_name_required",
            "监护人同意须填写监护人姓名。",
            "A guardian's consent names the guardian.",
        )
    if (
        person.category == PersonCategory.child
        and ids.age_on(person.birth_date, data.given_on) < 14
        and data.given_by.value != "guardian"
    ):
        # PIPL art. 31: for a child under 14 only the guardian's consent counts.
        raise FieldInvalid(
            ["body", "given_by"],
            "guardian_consent_required",
            "不满十四周岁的儿童须由监护人同意。",
            "For a child under 14 only a guardian's consent counts.",
        )
    consent = Consent.model_validate(
        {**data.model_dump(), "id": consent_id or uuid.uuid4(), "person_id": person.id}
    )
    session.add(consent)
    session.flush()
    audit.record(
        session,
        caller,
        "consent.create",
        resource_type="consent",
        resource_id=consent.id,
        changed_fields=sorted(data.model_fields_set),
        detail={"person_id": str(person.id)},
    )
    return consent


def withdraw_consent(
    session: Session,
    caller: Principal,
    person_id: uuid.UUID,
    consent_id: uuid.UUID,
    withdrawn_on: date,
    if_match: str | None,
) -> Consent:
    consent = load_for_write(session, Consent, consent_id)
    person = repo.visible_person(session, caller, person_id)
    if consent is None or person is None or consent.person_id != person_id:
        raise NotFound()
    check_if_match(if_match, consent.version)
    if consent.withdrawn_on is not None:
        raise Conflict(
            "该同意已撤回。", "This consent was already withdrawn.", code="already_withdrawn"
        )
    if withdrawn_on < consent.given_on:
        raise FieldInvalid(
            ["body", "withdrawn_on"],
            "invalid_date",
            "撤回日期不能早于同意日期。",
            "withdrawn_on cannot precede given_on.",
        )
    changed = apply_changes(consent, {"withdrawn_on": withdrawn_on})
    audit.record(
        session,
        caller,
        "consent.withdraw",
        resource_type="consent",
        resource_id=consent.id,
        changed_fields=changed,
    )
    return consent

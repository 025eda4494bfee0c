"""The rules of service records (docs/services.md, "Service records").

* A caller records, changes and deletes a record exactly when it may see the record's
  person (404 otherwise, the answer for an unknown id): street staff in their township,
  a village contact in its village, a volunteer for the persons assigned to it.
* The rules of services/rules.py hold on every create, and again for what a change
  touches: a new type must be live and serve the person's category, a new day must not be
  in the future and must find the person on the register. What did not change is not
  re-checked, so a record stays editable after its type was retired or its person left.
* The person is fixed (422 ``immutable_field``): a record is one service to one person.
* A record an activity made (``activity_id``), a wish's fulfilment made (``wish_id``) or
  a legal activity made (``legal_activity_id``) changes only through them: PUT, PATCH and
  DELETE are 409 ``managed_by_activity``.

Functions flush; routers commit.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.api.concurrency import check_if_match
from liushou.auth.principal import Principal
from liushou.errors import Conflict, FieldInvalid, NotFound, unknown_reference
from liushou.guardianship.access import locked_person
from liushou.guardianship.caretakers import usable_caretaker
from liushou.regions.models import Organization
from liushou.registry.models import Person
from liushou.services import rules
from liushou.services import types_repository as types_repo
from liushou.services.models import ServiceRecord
from liushou.services.schemas import ServiceRecordCreate, ServiceRecordUpdate

DESCRIBED = (
    "service_type",
    "delivered_on",
    "quantity",
    "provider_organization_id",
    "caretaker_id",
    "outcome",
    "notes",
)
REQUIRED = ("person_id", "service_type", "delivered_on", "quantity")


class ManagedByActivity(Conflict):
    code = "managed_by_activity"
    detail_zh = "该服务记录由活动生成，请通过活动修改或删除。"
    detail_en = "An activity made this record; change or delete it through the activity."


def _refuse_managed(record: ServiceRecord) -> None:
    if record.activity_id is not None:
        raise ManagedByActivity(activity_id=str(record.activity_id))
    if record.wish_id is not None:
        raise ManagedByActivity(
            "该服务记录由心愿的实现生成，请通过心愿修改。",
            "A wish's fulfilment made this record; change it through the wish.",
            wish_id=str(record.wish_id),
        )
    if record.legal_activity_id is not None:
        raise ManagedByActivity(
            "该服务记录由法律服务台账生成，请通过法律服务台账修改或删除。",
            "A legal activity made this record; change or delete it through the activity.",
            legal_activity_id=str(record.legal_activity_id),
        )


def _check_references(session: Session, caller: Principal, values: dict[str, Any]) -> None:
    """The organization and the caretaker a body names exist (422 otherwise; one answer for
    a row that does not exist and one the caller may not use)."""
    org_id = values.get("provider_organization_id")
    if org_id is not None and resources.get_live(session, Organization, org_id) is None:
        raise unknown_reference(
            "provider_organization_id", "invalid_organization", "服务单位", "organization"
        )
    caretaker_id = values.get("caretaker_id")
    if caretaker_id is not None:
        usable_caretaker(session, caller, caretaker_id)


def _described(data: ServiceRecordCreate) -> dict[str, Any]:
    return {name: getattr(data, name) for name in DESCRIBED}


def create_record(
    session: Session,
    caller: Principal,
    data: ServiceRecordCreate,
    record_id: uuid.UUID | None = None,
) -> ServiceRecord:
    service_type = rules.live_type(session, data.service_type)
    rules.check_not_future(data.delivered_on, "delivered_on")
    person = rules.person_served(session, caller, data.person_id, service_type, data.delivered_on)
    values = _described(data)
    _check_references(session, caller, values)
    record = ServiceRecord.model_validate(
        {
            **values,
            "id": record_id or uuid.uuid4(),
            "person_id": person.id,
            "created_by_id": caller.id,
            "created_by": caller.name[:128],
        }
    )
    resources.add_created(session, record)
    resources.audit_write(
        session,
        caller,
        record,
        "create",
        changed_fields=resources.given_fields(data),
        detail={"service_type": record.service_type},
    )
    return record


def _writable(session: Session, caller: Principal, record: ServiceRecord) -> Person:
    """The record's person, locked, if the caller may see it (404); then 409 for a deleted
    record or one an activity or a wish manages."""
    person = locked_person(session, caller, record.person_id)
    resources.require_live(record)
    _refuse_managed(record)
    return person


def _change(
    session: Session,
    caller: Principal,
    record: ServiceRecord,
    person: Person,
    values: dict[str, Any],
) -> None:
    """Apply ``values`` after re-checking the rules of what they change."""
    new = {name: value for name, value in values.items() if getattr(record, name) != value}
    if "service_type" in new:
        rules.check_serves(rules.live_type(session, new["service_type"]), person)
    if "delivered_on" in new:
        rules.check_not_future(new["delivered_on"], "delivered_on")
        rules.check_on_register(person, new["delivered_on"], "delivered_on")
    _check_references(session, caller, new)
    changed = resources.apply_changes(record, new)
    if changed:
        session.flush()
        resources.audit_write(session, caller, record, "update", changed_fields=changed)


def _refuse_other_person(record: ServiceRecord, person_id: uuid.UUID | None) -> None:
    if person_id is not None and person_id != record.person_id:
        raise FieldInvalid(
            ["body", "person_id"],
            "immutable_field",
            "服务记录的服务对象创建后不能修改。",
            "A service record's person cannot change.",
        )


def replace_record(
    session: Session,
    caller: Principal,
    record_id: uuid.UUID,
    data: ServiceRecordCreate,
    if_match: str | None,
) -> tuple[ServiceRecord, bool]:
    """PUT: create the record with the client's id (True), or replace its description
    (False); the same body again changes nothing (an offline phone's retry)."""
    record = resources.load_for_write(session, ServiceRecord, record_id, include_deleted=True)
    if record is None:
        check_if_match(if_match, None)
        return create_record(session, caller, data, record_id), True
    person = _writable(session, caller, record)
    check_if_match(if_match, record.version)
    _refuse_other_person(record, data.person_id)
    _change(session, caller, record, person, _described(data))
    return record, False


def update_record(
    session: Session,
    caller: Principal,
    record_id: uuid.UUID,
    patch: ServiceRecordUpdate,
    if_match: str | None,
) -> ServiceRecord:
    record = resources.load_for_write(session, ServiceRecord, record_id)
    if record is None:
        raise NotFound()
    person = _writable(session, caller, record)
    check_if_match(if_match, record.version)
    given = resources.patched(patch, REQUIRED)
    _refuse_other_person(record, given.pop("person_id", None))
    _change(session, caller, record, person, given)
    return record


def delete_record(
    session: Session, caller: Principal, record_id: uuid.UUID, if_match: str | None
) -> None:
    record = resources.load_for_write(session, ServiceRecord, record_id)
    if record is None:
        raise NotFound()
    _writable(session, caller, record)
    resources.soft_delete(record, if_match)
    resources.audit_write(
        session, caller, record, "delete", detail={"service_type": record.service_type}
    )


def row(session: Session, record: ServiceRecord) -> dict[str, Any]:
    """The read row of a record inside a write's unit of work (what a GET would read)."""
    service_type = types_repo.by_code(session, record.service_type)
    assert service_type is not None  # a foreign key
    return {
        **record.model_dump(),
        "program": service_type.program,
        "service_type_name_zh": service_type.name_zh,
    }

"""The rules of the legal service log (docs/legal.md, "Legal service log").

* Where: a live village. Street staff record in their area (422 ``invalid_region``
  otherwise); a ``legal_advisor`` login records only as its own advisor (403
  ``not_your_advisor``) and in the villages of its contracts.
* ``contract_id`` is set here, never by the client: the advisor's contract covering the
  village on ``held_on`` (legal/coverage.py); none is 422 ``village_not_under_contract``.
  It is looked up again whenever the advisor, the village or the day changes.
* ``held_on`` is not in the future (services.rules.check_not_future).
* ``person_id``, when given, is a person the caller may refer to — one it may see in the
  registry; for an advisor, one living in the activity's village (it reads no registry) —
  else 422 ``invalid_person``; living in the activity's village (422
  ``person_outside_village``), and on the register on ``held_on`` (422
  ``person_not_active``, services.rules).
* A consultation for a person also writes the person's ``legal_consultation`` service
  record, a mediation, petition assistance or case representation a ``rights_protection``
  one (RECORD_TYPES), dated ``held_on``, with ``legal_activity_id`` set, in the same
  transaction; every change of the type, the person or the day keeps it in step (the record
  is moved, or deleted and written anew for another person), and deleting the activity
  deletes it. /service-records refuses to change such a record (409 ``managed_by_activity``).

What a change leaves as it was is not checked again, so an activity stays editable (its
summary, its outcome) after its contract ended or its person left the register.

Functions flush; routers commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.auth.scoping import path_in_subtree, path_visible
from liushou.errors import FieldInvalid, Forbidden, NotFound, unknown_reference
from liushou.legal import activities_repository as repo
from liushou.legal.activities_schemas import LegalActivityCreate, LegalActivityUpdate
from liushou.legal.enums import LegalActivityType
from liushou.legal.models import LegalActivity, LegalAdvisor
from liushou.legal.scope import advisor_id_of, is_advisor
from liushou.regions.models import Region, RegionLevel
from liushou.registry import repository as registry_repo
from liushou.registry.models import Person
from liushou.services import rules
from liushou.services.models import ServiceRecord

# The service record a legal activity with a person writes (docs/legal.md).
RECORD_TYPES: Mapping[LegalActivityType, str] = {
    LegalActivityType.consultation: "legal_consultation",
    LegalActivityType.mediation: "rights_protection",
    LegalActivityType.petition_assistance: "rights_protection",
    LegalActivityType.case_representation: "rights_protection",
}
FIELDS = (
    "advisor_id",
    "region_id",
    "type",
    "mode",
    "held_on",
    "duration_minutes",
    "attendees",
    "person_id",
    "summary",
    "outcome",
)
REQUIRED = tuple(name for name in FIELDS if name not in ("person_id", "outcome"))


def record_type(activity_type: LegalActivityType, person_id: uuid.UUID | None) -> str | None:
    """The service type of the record the activity writes for its person, if any."""
    return None if person_id is None else RECORD_TYPES.get(activity_type)


# --- who may write -------------------------------------------------------------------------


def writable(session: Session, caller: Principal) -> Callable[[LegalActivity], LegalActivity]:
    """An activity the caller may not see is 404, as for a read (repository.scope)."""

    def check(activity: LegalActivity) -> LegalActivity:
        if is_advisor(caller):
            visible = activity.advisor_id == advisor_id_of(session.connection(), caller)
        else:
            visible = path_visible(activity.region_path, caller, lineage=False)
        if not visible:
            raise NotFound()
        return activity

    return check


def _check_own_advisor(session: Session, caller: Principal, advisor_id: uuid.UUID) -> None:
    """403 ``not_your_advisor``: a legal_advisor login records only as itself."""
    if is_advisor(caller) and advisor_id != advisor_id_of(session.connection(), caller):
        raise Forbidden(
            "法律顾问只能以本人身份记录服务台账。",
            "A legal advisor records activities only as itself.",
            code="not_your_advisor",
        )


# --- the checks ----------------------------------------------------------------------------


def _village(session: Session, caller: Principal, region_id: uuid.UUID) -> Region:
    """A live village: in the caller's area, or any (an advisor's villages are those of its
    contracts, checked next)."""
    region = resources.get_live(session, Region, region_id)
    if (
        region is None
        or region.level != RegionLevel.village
        or not (is_advisor(caller) or path_visible(region.path, caller, lineage=False))
    ):
        raise FieldInvalid(
            ["body", "region_id"],
            "invalid_region",
            "村/社区不存在或不在您的管辖范围内。",
            "The village does not exist or is outside your area.",
        )
    return region


def _contract(session: Session, values: Mapping[str, Any]) -> uuid.UUID:
    contract_id = repo.covering_contract(
        session, values["advisor_id"], values["region_id"], values["held_on"]
    )
    if contract_id is None:
        day = values["held_on"].isoformat()
        raise FieldInvalid(
            ["body", "region_id"],
            "village_not_under_contract",
            f"{day}该村/社区不在此法律顾问的顾问合同范围内。",
            f"On {day} the village was not under a contract of this advisor.",
        )
    return contract_id


def _person(session: Session, caller: Principal, person_id: uuid.UUID, village: Region) -> Person:
    """The live person, locked, if the caller may refer to it, living in the village."""
    person = resources.load_for_write(session, Person, person_id)
    if is_advisor(caller):
        referable = person is not None and path_in_subtree(person.region_path, village.path)
    else:
        referable = person is not None and registry_repo.person_visible(
            session, caller, person.id, person.region_path
        )
    if person is None or not referable:
        raise unknown_reference("person_id", "invalid_person", "人员", "person")
    if not path_in_subtree(person.region_path, village.path):
        raise FieldInvalid(
            ["body", "person_id"],
            "person_outside_village",
            "此人不住在该村/社区。",
            "This person does not live in the activity's village.",
        )
    return person


def _checked(
    session: Session,
    caller: Principal,
    activity: LegalActivity | None,
    values: dict[str, Any],
) -> dict[str, Any]:
    """Check what a write sets (every field of a new activity, the changed ones of an
    existing one) and add the derived columns (``region_path``, ``contract_id``)."""

    def changes(*names: str) -> bool:
        return activity is None or any(values[n] != getattr(activity, n) for n in names)

    _check_own_advisor(session, caller, values["advisor_id"])
    if (
        changes("advisor_id")
        and resources.get_live(session, LegalAdvisor, values["advisor_id"]) is None
    ):
        raise unknown_reference("advisor_id", "invalid_advisor", "法律顾问", "legal advisor")
    if changes("held_on"):
        rules.check_not_future(values["held_on"], "held_on")
    if changes("region_id"):
        values["region_path"] = _village(session, caller, values["region_id"]).path
    if changes("advisor_id", "region_id", "held_on"):
        values["contract_id"] = _contract(session, values)
    person_id = values["person_id"]
    if person_id is not None and changes("person_id", "region_id", "held_on", "type"):
        village = session.get(Region, values["region_id"])
        assert village is not None  # a foreign key
        person = _person(session, caller, person_id, village)
        rules.check_on_register(person, values["held_on"])
        code = record_type(values["type"], person_id)
        if code is not None:
            rules.check_serves(rules.live_type(session, code), person, "type")
    return values


# --- the service record --------------------------------------------------------------------


def _sync_record(session: Session, caller: Principal, activity: LegalActivity) -> None:
    """The activity's service record, in step with its type, person, day and advisor (none
    once the activity is deleted)."""
    record = repo.live_record(session, activity.id)
    live = activity.deleted_at is None
    code = record_type(activity.type, activity.person_id) if live else None
    detail = {"legal_activity_id": str(activity.id)}
    if record is not None and (code is None or record.person_id != activity.person_id):
        # A record's person is fixed: another person's record is a new one.
        resources.soft_delete(record, None)
        resources.audit_write(session, caller, record, "delete", detail=detail)
        record = None
    if code is None:
        return
    advisor = session.get(LegalAdvisor, activity.advisor_id)
    assert advisor is not None  # a foreign key
    values = {
        "service_type": code,
        "delivered_on": activity.held_on,
        "provider_organization_id": advisor.law_firm_id,  # who delivered it
    }
    if record is not None:
        moved = resources.apply_changes(record, values)
        if moved:
            resources.audit_write(
                session, caller, record, "update", changed_fields=moved, detail=detail
            )
        return
    record = ServiceRecord.model_validate(
        {
            **values,
            "id": uuid.uuid4(),
            "person_id": activity.person_id,
            "quantity": 1,
            "legal_activity_id": activity.id,
            "created_by_id": caller.id,
            "created_by": caller.name[:128],
        }
    )
    resources.add_created(session, record)
    resources.audit_write(
        session, caller, record, "create", changed_fields=sorted(values), detail=detail
    )


# --- the writes ----------------------------------------------------------------------------


def create_activity(
    session: Session,
    caller: Principal,
    data: LegalActivityCreate,
    activity_id: uuid.UUID | None = None,
) -> LegalActivity:
    values = _checked(session, caller, None, data.model_dump())
    activity = LegalActivity.model_validate(
        {
            **values,
            "id": activity_id or uuid.uuid4(),
            "created_by_id": caller.id,
            "created_by": caller.name[:128],
        }
    )
    resources.add_created(session, activity)  # the record refers to it
    _sync_record(session, caller, activity)
    resources.audit_write(
        session, caller, activity, "create", changed_fields=resources.given_fields(data)
    )
    return activity


def _change(
    session: Session, caller: Principal, activity: LegalActivity, given: Mapping[str, Any]
) -> None:
    current = {name: getattr(activity, name) for name in FIELDS}
    values = _checked(session, caller, activity, {**current, **given})
    changed = resources.apply_changes(activity, values)
    _sync_record(session, caller, activity)
    if changed:
        session.flush()
        public = sorted(name for name in changed if name != "region_path")
        resources.audit_write(session, caller, activity, "update", changed_fields=public)


def replace_activity(
    session: Session, caller: Principal, activity: LegalActivity, data: LegalActivityCreate
) -> None:
    """PUT on an existing activity: every field; the same body again changes nothing (an
    offline phone's retry). A new id: :func:`create_activity`."""
    _change(session, caller, activity, data.model_dump())


def update_activity(
    session: Session,
    caller: Principal,
    activity: LegalActivity,
    patch: LegalActivityUpdate,
) -> LegalActivity:
    given = resources.patched(patch, REQUIRED)
    _change(session, caller, activity, given)
    return activity


def delete_activity(
    session: Session, caller: Principal, activity_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete; the service record it wrote goes with it."""
    activity = resources.for_change(
        session, LegalActivity, activity_id, if_match, writable(session, caller)
    )
    resources.soft_delete(activity, if_match)
    _sync_record(session, caller, activity)  # deleted: it records nothing any more
    resources.audit_write(session, caller, activity, "delete")

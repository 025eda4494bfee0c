"""The rules of activities (docs/services.md "Activities"): where one is
held, who may attend, and the service records that are its attendance.

Each registered attendee has exactly one live service record of the activity's type dated
``held_on`` (``activity_id`` set). Every write that changes the attendees, the type or the
day changes those records in the same transaction, after locking the activity row
(api.resources.for_change / for_replace): two writes to one activity run one after the
other, and the records never disagree with the activity. Attendees are checked together,
in one query over their ids, and every offending id is reported at once.

A caller may not see every attendee (a volunteer sees only the persons assigned to it). A
PUT or PATCH of ``attendee_ids`` therefore replaces only the attendees the caller sees:
the others stay, as the caller could not have listed them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.auth.roles import REGION_READERS, Role
from liushou.auth.scoping import path_in_subtree, path_visible
from liushou.db import utcnow
from liushou.errors import NotFound, Unprocessable, field_error
from liushou.regions.references import (
    VILLAGE_OR_TOWNSHIP,
    organization_in_sight,
    region_in_area,
)
from liushou.registry.models import Person
from liushou.services import activities_repository as repo
from liushou.services import rules
from liushou.services.activities_schemas import ActivityCreate, ActivityUpdate, AttendeesAdd
from liushou.services.models import Activity, ServiceRecord, ServiceType

ATTENDEES = "attendee_ids"
# What an attendee's record follows: a change of any re-checks every attendee.
_MOVES = ("service_type", "held_on", "region_id")
_REQUIRED = ("title", "service_type", "region_id", "held_on", "attendee_ids", "anonymous_attendees")


# --- where, what, who ----------------------------------------------------------------------


def writable(_: Session, caller: Principal) -> Callable[[Activity], Activity]:
    """An activity outside the caller's area is 404, as for a read."""

    def check(activity: Activity) -> Activity:
        if not path_visible(activity.region_path, caller, lineage=False):
            raise NotFound()
        return activity

    return check


def _checked(
    session: Session, caller: Principal, activity: Activity | None, values: dict[str, Any]
) -> ServiceType:
    """Check the fields a write sets (every field of a new activity, the changed ones of an
    existing one); adds ``region_path`` for a new region. The activity's service type."""

    def changes(name: str) -> bool:
        return name in values and (activity is None or values[name] != getattr(activity, name))

    if changes("service_type"):
        service_type = rules.live_type(session, values["service_type"])
    else:
        assert activity is not None
        # Unchanged: the type it was recorded with, even if an admin has since retired it.
        found = repo.service_type_by_code(session, activity.service_type)
        assert found is not None  # a foreign key
        service_type = found
    if changes("held_on"):
        rules.check_not_future(values["held_on"], "held_on")
    if changes("region_id"):
        values["region_path"] = region_in_area(
            session, caller, values["region_id"], VILLAGE_OR_TOWNSHIP
        ).path
    if changes("organization_id") and values["organization_id"] is not None:
        organization_in_sight(session, caller, values["organization_id"], "举办单位")
    return service_type


def _unique(ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    return list(dict.fromkeys(ids))


def _sees(caller: Principal, person: Person, assigned: set[uuid.UUID]) -> bool:
    """registry.repository.person_visible for persons already loaded (``assigned``: those of
    them assigned to a volunteer caller, looked up together)."""
    if caller.sees_everything:
        return True
    if caller.role in REGION_READERS:
        return bool(caller.region_path) and path_visible(person.region_path, caller, lineage=False)
    if caller.role == Role.volunteer:
        return person.id in assigned
    return False


def _hidden(session: Session, caller: Principal, current: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """The current attendees the caller may not see (kept by its PUT and PATCH). A person
    deleted since it attended is hidden from no one: whoever sees the activity may drop it."""
    if caller.sees_everything or not current:
        return []
    persons = repo.persons_locked(session, current)
    assigned = repo.assigned_among(session, caller, current)
    return [p for p in current if p in persons and not _sees(caller, persons[p], assigned)]


def _check_attendees(
    session: Session,
    caller: Principal,
    target: Sequence[uuid.UUID],
    check: set[uuid.UUID],
    new: set[uuid.UUID],
    region_path: str,
    service_type: ServiceType,
    held_on: date,
    field: str,
    positions: Mapping[uuid.UUID, int],
) -> None:
    """422 ``attendee_not_eligible`` listing every id of ``check`` that may not attend: a
    person unknown to the caller (only new attendees must be visible to it), outside the
    activity's region, not on the register on ``held_on``, or of a category the type does
    not serve. Two queries whatever the number of attendees; nothing is written."""
    ids = [p for p in target if p in check]
    if not ids:
        return
    persons = repo.persons_locked(session, ids)
    assigned = repo.assigned_among(session, caller, [p for p in ids if p in new])
    errors = []
    for person_id in ids:
        person = persons.get(person_id)
        if person is None or (person_id in new and not _sees(caller, person, assigned)):
            reasons = ["no such person in your area"]
        else:
            reasons = []
            if not path_in_subtree(person.region_path, region_path):
                reasons.append("lives outside the activity's region")
            if not rules.on_register_on(person, held_on):
                reasons.append(f"not on the register on {held_on.isoformat()}")
            if not rules.serves(service_type, person):
                reasons.append(f"{service_type.code} is not meant for a {person.category.value}")
        if reasons:
            loc: list[str | int] = ["body", field]
            if person_id in positions:
                loc.append(positions[person_id])
            msg = f"{person_id}: {'; '.join(reasons)}"
            errors.append(field_error(loc, msg, "attendee_not_eligible"))
    if errors:
        offending = [e["msg"].split(":", 1)[0] for e in errors]
        raise Unprocessable(
            f"{len(errors)}名参加人员不符合条件（须为活动所在区域内、当天在册、且该服务适用的人员）。",
            f"{len(errors)} attendee(s) are not eligible: attendees are persons of the "
            "activity's region, on the register that day, whom the service type serves.",
            code="attendee_not_eligible",
            errors=errors,
            ineligible_ids=offending,
        )


def _positions(given: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Each id's index in the request's list (its first occurrence), for ``errors[].loc``."""
    positions: dict[uuid.UUID, int] = {}
    for index, person_id in enumerate(given):
        positions.setdefault(person_id, index)
    return positions


# --- the records that are the attendance ---------------------------------------------------


def _sync_records(
    session: Session,
    caller: Principal,
    activity: Activity,
    records: Sequence[ServiceRecord],
    target: Sequence[uuid.UUID],
) -> bool:
    """One live record per attendee of ``target``, of the activity's type and day: drop the
    others, move the kept ones, add the missing. Whether the attendees changed."""
    keep = set(target)
    present = {record.person_id for record in records}
    for record in records:
        if record.person_id not in keep:
            resources.soft_delete(record, None)
            resources.audit_write(session, caller, record, "delete", detail=_of(activity))
            continue
        moved = resources.apply_changes(
            record, {"service_type": activity.service_type, "delivered_on": activity.held_on}
        )
        if moved:
            resources.audit_write(
                session, caller, record, "update", changed_fields=moved, detail=_of(activity)
            )
    for person_id in target:
        if person_id in present:
            continue
        record = ServiceRecord.model_validate(
            {
                "id": uuid.uuid4(),
                "person_id": person_id,
                "service_type": activity.service_type,
                "delivered_on": activity.held_on,
                "quantity": 1,
                "activity_id": activity.id,
                "created_by_id": caller.id,
                "created_by": caller.name[:128],
            }
        )
        session.add(record)
        resources.audit_write(
            session,
            caller,
            record,
            "create",
            changed_fields=["activity_id", "delivered_on", "person_id", "service_type"],
            detail=_of(activity),
        )
    return keep != present


def _of(activity: Activity) -> dict[str, Any]:
    return {"activity_id": str(activity.id)}


# --- the writes ----------------------------------------------------------------------------


def create_activity(
    session: Session,
    caller: Principal,
    data: ActivityCreate,
    activity_id: uuid.UUID | None = None,
) -> Activity:
    values = data.model_dump(exclude={ATTENDEES})
    service_type = _checked(session, caller, None, values)
    target = _unique(data.attendee_ids)
    _check_attendees(
        session,
        caller,
        target,
        set(target),
        set(target),
        values["region_path"],
        service_type,
        data.held_on,
        ATTENDEES,
        _positions(data.attendee_ids),
    )
    activity = Activity.model_validate(
        {
            **values,
            "id": activity_id or uuid.uuid4(),
            "attendee_count": len(target) + data.anonymous_attendees,
            "created_by_id": caller.id,
            "created_by": caller.name[:128],
        }
    )
    session.add(activity)
    session.flush()  # the records refer to it
    _sync_records(session, caller, activity, [], target)
    resources.audit_write(
        session, caller, activity, "create", changed_fields=resources.given_fields(data)
    )
    return activity


def replace_activity(
    session: Session, caller: Principal, activity: Activity, data: ActivityCreate
) -> None:
    """PUT on an existing activity (a new id: :func:`create_activity`)."""
    records = repo.live_records(session, activity.id)
    target = _seen_replaced(session, caller, records, data.attendee_ids)
    values = data.model_dump(exclude={ATTENDEES})
    _change(session, caller, activity, values, records, target, ATTENDEES, data.attendee_ids)


def update_activity(
    session: Session,
    caller: Principal,
    activity: Activity,
    patch: ActivityUpdate,
) -> Activity:
    values = resources.patched(patch, _REQUIRED)
    given = values.pop(ATTENDEES, None)
    records = repo.live_records(session, activity.id)
    target = None if given is None else _seen_replaced(session, caller, records, given)
    _change(session, caller, activity, values, records, target, ATTENDEES, given or [])
    return activity


def add_attendees(
    session: Session,
    caller: Principal,
    activity_id: uuid.UUID,
    body: AttendeesAdd,
    if_match: str | None,
) -> Activity:
    """Add persons; those already attending are not added twice."""
    activity = resources.for_change(
        session, Activity, activity_id, if_match, writable(session, caller)
    )
    records = repo.live_records(session, activity.id)
    current = [record.person_id for record in records]
    target = _unique([*current, *body.person_ids])
    _change(session, caller, activity, {}, records, target, "person_ids", body.person_ids)
    return activity


def remove_attendee(
    session: Session,
    caller: Principal,
    activity_id: uuid.UUID,
    person_id: uuid.UUID,
    if_match: str | None,
) -> None:
    """404 when the person does not attend (or the caller may not see it)."""
    activity = resources.for_change(
        session, Activity, activity_id, if_match, writable(session, caller)
    )
    records = repo.live_records(session, activity.id)
    current = [record.person_id for record in records]
    if person_id not in current or person_id in _hidden(session, caller, [person_id]):
        raise NotFound(
            "此人不是该活动的参加人员。", "This person is not an attendee of the activity."
        )
    target = [p for p in current if p != person_id]
    _change(session, caller, activity, {}, records, target, ATTENDEES, [])


def delete_activity(
    session: Session, caller: Principal, activity_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete; its records go with it."""
    activity = resources.for_change(
        session, Activity, activity_id, if_match, writable(session, caller)
    )
    _sync_records(session, caller, activity, repo.live_records(session, activity.id), [])
    resources.soft_delete(activity, if_match)
    resources.audit_write(session, caller, activity, "delete")


def _seen_replaced(
    session: Session,
    caller: Principal,
    records: Sequence[ServiceRecord],
    given: Sequence[uuid.UUID],
) -> list[uuid.UUID]:
    """The attendees after a PUT or PATCH that lists ``given``: those, and the current ones
    the caller may not see."""
    hidden = _hidden(session, caller, [record.person_id for record in records])
    return _unique([*given, *hidden])


def _change(
    session: Session,
    caller: Principal,
    activity: Activity,
    values: dict[str, Any],
    records: Sequence[ServiceRecord],
    target: Sequence[uuid.UUID] | None,
    field: str,
    given: Sequence[uuid.UUID],
) -> None:
    """Apply ``values`` and make ``target`` (None: unchanged) the attendees, with their
    records; every attendee is checked again when the type, the day or the region moves,
    else only the new ones."""
    service_type = _checked(session, caller, activity, values)
    current = [record.person_id for record in records]
    attendees = list(current) if target is None else list(target)
    moves = any(name in values and values[name] != getattr(activity, name) for name in _MOVES)
    new = set(attendees) - set(current)
    _check_attendees(
        session,
        caller,
        attendees,
        set(attendees) if moves else new,
        new,
        values.get("region_path", activity.region_path),
        service_type,
        values.get("held_on", activity.held_on),
        field,
        _positions(given),
    )
    anonymous = values.get("anonymous_attendees", activity.anonymous_attendees)
    values["attendee_count"] = len(attendees) + anonymous
    version = activity.version
    changed = resources.apply_changes(activity, values)
    if _sync_records(session, caller, activity, records, attendees):
        changed.append(ATTENDEES)
        if activity.version == version:  # the same number of other attendees
            activity.version += 1
            activity.updated_at = utcnow()
    if changed:
        resources.audit_write(session, caller, activity, "update", changed_fields=sorted(changed))

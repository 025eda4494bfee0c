"""The rules of assignments (docs/domain.md): who may look after whom, one active primary
contact per person, handovers, and the due date of the next visit each assignment keeps.
Functions flush; routers commit (see guardianship.access for the locking)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from liushou.api import resources
from liushou.api.concurrency import check_if_match
from liushou.auth.principal import Principal
from liushou.clock import today
from liushou.config import Settings
from liushou.errors import Conflict, FieldInvalid, NotFound, Unprocessable
from liushou.guardianship import repository as repo
from liushou.guardianship.access import locked_person, locked_with_person, require_manager
from liushou.guardianship.caretakers import check_area, usable_caretaker
from liushou.guardianship.models import PRIMARY_CONTACT_INDEX, Assignment, AssignmentRole
from liushou.guardianship.schemas import AssignmentCreate, AssignmentUpdate, PrimaryContactHandover
from liushou.registry.enums import GuardianshipType, PersonCategory, RiskTier
from liushou.registry.models import Person
from liushou.registry.register import on_register

HANDOVER_REASON = "handover"
# Kept by the service from visits; not something a caller changes.
DERIVED_FIELDS = ("last_visited_on", "next_visit_due")


class PrimaryContactExists(Conflict):
    code = "primary_contact_exists"
    detail_zh = "此人已有在岗的包保联系人；请使用交接（PUT /persons/{id}/primary-contact）。"
    detail_en = (
        "This person already has an active primary contact; hand over with "
        "PUT /persons/{id}/primary-contact."
    )


# --- default intervals and the due date --------------------------------------------------


def default_interval(settings: Settings, person: Person) -> int:
    """Days between visits for a new assignment of ``person`` (docs/domain.md, configurable)."""
    if person.category == PersonCategory.child:
        if person.guardianship_type == GuardianshipType.none:
            return settings.visit_interval_unattended_child_days
        return settings.visit_interval_child_days
    if person.category == PersonCategory.woman:
        return settings.visit_interval_woman_days
    return {
        RiskTier.high: settings.visit_interval_elder_high_days,
        RiskTier.key: settings.visit_interval_elder_key_days,
    }.get(person.risk_tier, settings.visit_interval_elder_general_days)  # type: ignore[arg-type]


def _due(latest: date | None, starts_on: date, interval: int) -> date:
    return (latest if latest is not None else starts_on) + timedelta(days=interval)


def refresh_due(session: Session, person_id: uuid.UUID) -> None:
    """Recompute ``last_visited_on`` and ``next_visit_due`` of the person's active
    assignments: the latest visit (or the assignment's start when the person has none)
    plus the assignment's interval. Called after every change to visits or assignments."""
    session.flush()
    latest = repo.latest_visit_on(session, person_id)
    for assignment in repo.active_assignments(session, person_id):
        due = _due(latest, assignment.starts_on, assignment.visit_interval_days)
        resources.apply_changes(assignment, {"last_visited_on": latest, "next_visit_due": due})
    session.flush()


# --- assignments -------------------------------------------------------------------------


def _counts_today(person: Person) -> bool:
    return on_register(person.status, person.counts_until, today())


def _check_dates(starts_on: date, ends_on: date | None) -> None:
    if starts_on > today():
        raise FieldInvalid(
            ["body", "starts_on"],
            "date_in_future",
            "开始日期不能晚于今天。",
            "starts_on cannot be in the future.",
        )
    if ends_on is not None and (ends_on < starts_on or ends_on > today()):
        raise FieldInvalid(
            ["body", "ends_on"],
            "invalid_date",
            "结束日期须在开始日期与今天之间。",
            "ends_on must lie between starts_on and today.",
        )


def _refuse_second_primary(session: Session, person_id: uuid.UUID, own_id: uuid.UUID) -> None:
    existing = repo.active_primary(session, person_id)
    if existing is not None and existing.id != own_id:
        raise PrimaryContactExists(existing_id=str(existing.id))


def _start(
    session: Session,
    settings: Settings,
    caller: Principal,
    person: Person,
    values: dict[str, Any],
    interval: int | None,
    changed_fields: list[str],
    **detail: str,
) -> Assignment:
    """Add a new assignment of ``person`` with its visit interval (the one asked for, else
    the person's default) and the due date the person's latest visit gives it (none once
    it has ended), flush it, and audit its creation (create and handover alike)."""
    interval = interval or default_interval(settings, person)
    latest = repo.latest_visit_on(session, person.id)
    ended = values.get("ends_on") is not None
    assignment = Assignment.model_validate(
        {
            **values,
            "person_id": person.id,
            "visit_interval_days": interval,
            "last_visited_on": latest,
            "next_visit_due": None if ended else _due(latest, values["starts_on"], interval),
        }
    )
    session.add(assignment)
    _flush_assignment(session)
    resources.audit_write(
        session,
        caller,
        assignment,
        "create",
        changed_fields=changed_fields,
        detail={"caretaker_id": str(assignment.caretaker_id), **detail},
    )
    return assignment


def _flush_assignment(session: Session) -> None:
    """Flush; the partial unique index refusing a second active primary contact (a race
    that passed the service's own check) is the same 409 as the check."""
    try:
        session.flush()
    except IntegrityError as exc:
        message = str(exc.orig)
        if PRIMARY_CONTACT_INDEX in message or "assignment.person_id" in message:
            raise PrimaryContactExists() from None
        raise


def create_assignment(
    session: Session,
    settings: Settings,
    caller: Principal,
    data: AssignmentCreate,
    assignment_id: uuid.UUID | None = None,
) -> Assignment:
    require_manager(caller)
    person = locked_person(session, caller, data.person_id)
    caretaker = usable_caretaker(session, caller, data.caretaker_id)
    starts_on = data.starts_on or today()
    _check_dates(starts_on, data.ends_on)
    assignment_id = assignment_id or uuid.uuid4()
    if data.ends_on is None:
        # A finished assignment may be recorded for history; a running one needs a person
        # on the register, a caretaker of its area, and no rival primary contact.
        if not _counts_today(person):
            raise FieldInvalid(
                ["body", "person_id"],
                "person_not_active",
                "此人已不在留守名册中。",
                "This person is no longer on the register.",
            )
        check_area(caretaker, person, data.role)
        if data.role == AssignmentRole.primary_contact:
            _refuse_second_primary(session, person.id, assignment_id)
        elif any(
            a.role == data.role and a.caretaker_id == caretaker.id
            for a in repo.active_assignments(session, person.id)
        ):
            raise Conflict(
                "该联系人已以此角色包保此人。",
                "This caretaker already looks after this person in this role.",
                code="already_assigned",
            )
    values = {
        "id": assignment_id,
        "caretaker_id": caretaker.id,
        "role": data.role,
        "starts_on": starts_on,
        "ends_on": data.ends_on,
        "end_reason": data.end_reason,
    }
    return _start(
        session,
        settings,
        caller,
        person,
        values,
        data.visit_interval_days,
        resources.given_fields(data),
    )


def _writable_assignment(
    session: Session, caller: Principal, assignment_id: uuid.UUID, *, include_deleted: bool = False
) -> tuple[Assignment | None, Person | None]:
    """The assignment and its person, both locked, if the caller may see them."""
    found = locked_with_person(session, caller, Assignment, assignment_id)
    if found is None:
        return None, None
    assignment, person = found
    if assignment.deleted_at is not None and not include_deleted:
        return None, person
    return assignment, person


def replace_assignment(
    session: Session,
    settings: Settings,
    caller: Principal,
    assignment_id: uuid.UUID,
    data: AssignmentCreate,
    if_match: str | None,
) -> tuple[Assignment, bool]:
    """PUT: create with the client's id (True) or replace the assignment (False).

    The person, caretaker and role are what the assignment *is* and cannot change; an
    absent ``starts_on`` keeps the stored one (a retry the next day changes nothing)."""
    require_manager(caller)
    assignment, person = _writable_assignment(session, caller, assignment_id, include_deleted=True)
    if assignment is None:
        check_if_match(if_match, None)
        return create_assignment(session, settings, caller, data, assignment_id), True
    assert person is not None
    assignment = resources.require_live(assignment)
    check_if_match(if_match, assignment.version)
    resources.refuse_immutable_changes(
        data,
        assignment,
        ("person_id", "caretaker_id", "role"),
        "包保关系的 {name} 创建后不能修改；请结束它并新建一条。",
        "An assignment's {name} cannot change; end it and create another.",
    )
    values = {
        "visit_interval_days": data.visit_interval_days or assignment.visit_interval_days,
        "starts_on": data.starts_on or assignment.starts_on,
        "ends_on": data.ends_on,
        "end_reason": data.end_reason,
    }
    _change_assignment(session, caller, assignment, person, values)
    return assignment, False


def update_assignment(
    session: Session,
    caller: Principal,
    assignment_id: uuid.UUID,
    patch: AssignmentUpdate,
    if_match: str | None,
) -> Assignment:
    require_manager(caller)
    assignment, person = _writable_assignment(session, caller, assignment_id)
    assignment = resources.require_live(assignment)
    assert person is not None
    check_if_match(if_match, assignment.version)
    given = resources.patched(patch, ["visit_interval_days"])
    if given.get("ends_on") is not None and "end_reason" not in given:
        given["end_reason"] = assignment.end_reason
    _change_assignment(session, caller, assignment, person, given)
    return assignment


def _change_assignment(
    session: Session,
    caller: Principal,
    assignment: Assignment,
    person: Person,
    values: dict[str, Any],
) -> None:
    """Apply a change; an ended assignment changes no more (ending is final)."""
    changes = {k: v for k, v in values.items() if getattr(assignment, k) != v}
    if not changes:
        return
    if assignment.ends_on is not None:
        raise Conflict(
            "该包保关系已结束，不能再修改。",
            "This assignment has ended and can no longer change.",
            code="assignment_ended",
        )
    starts_on = values.get("starts_on", assignment.starts_on)
    _check_dates(starts_on, values.get("ends_on"))
    ending = values.get("ends_on") is not None
    if ending:
        changes["next_visit_due"] = None
    else:
        latest = repo.latest_visit_on(session, person.id)
        interval = values.get("visit_interval_days", assignment.visit_interval_days)
        changes["last_visited_on"] = latest
        changes["next_visit_due"] = _due(latest, starts_on, interval)
    changed = resources.apply_changes(assignment, changes)
    _flush_assignment(session)
    resources.audit_write(
        session,
        caller,
        assignment,
        "end" if ending else "update",
        changed_fields=[n for n in changed if n not in DERIVED_FIELDS] or changed,
    )


def delete_assignment(
    session: Session, caller: Principal, assignment_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete: for an assignment entered by mistake (ending one is PATCH ends_on)."""
    require_manager(caller)
    assignment, person = _writable_assignment(session, caller, assignment_id)
    if assignment is None or person is None:
        raise NotFound()
    resources.soft_delete(assignment, if_match)
    assignment.next_visit_due = None
    session.flush()
    resources.audit_write(session, caller, assignment, "delete")


def hand_over(
    session: Session,
    settings: Settings,
    caller: Principal,
    person_id: uuid.UUID,
    data: PrimaryContactHandover,
) -> tuple[Assignment, bool]:
    """``PUT /persons/{id}/primary-contact``: end the active primary contact (today, with
    the reason) and start the new one, in one transaction. True when a new assignment
    started; handing over to the current primary contact changes nothing (idempotent)."""
    require_manager(caller)
    person = locked_person(session, caller, person_id)  # locked: handovers queue up here
    if not _counts_today(person):
        raise Unprocessable(
            "此人已不在留守名册中。",
            "This person is no longer on the register.",
            code="person_not_active",
        )
    caretaker = usable_caretaker(session, caller, data.caretaker_id)
    check_area(caretaker, person, AssignmentRole.primary_contact)
    current = repo.active_primary(session, person.id)
    if current is not None and current.caretaker_id == caretaker.id:
        return current, False
    new_id = uuid.uuid4()
    if current is not None:
        resources.apply_changes(
            current,
            {
                "ends_on": max(today(), current.starts_on),
                "end_reason": data.reason or HANDOVER_REASON,
                "next_visit_due": None,
            },
        )
        session.flush()  # the old row leaves the unique index before the new one enters it
        resources.audit_write(
            session,
            caller,
            current,
            "end",
            changed_fields=["end_reason", "ends_on"],
            detail={"handover_to": str(new_id)},
        )
    values = {
        "id": new_id,
        "caretaker_id": caretaker.id,
        "role": AssignmentRole.primary_contact,
        "starts_on": today(),
    }
    changed = ["caretaker_id", "person_id", "role", "starts_on"]
    handover = {"handover_from": str(current.id)} if current is not None else {}
    assignment = _start(
        session, settings, caller, person, values, data.visit_interval_days, changed, **handover
    )
    return assignment, True

"""The rules of visits (docs/domain.md): who records them for whom, and the due date each
visit moves. Functions flush; routers commit (see guardianship.access for the locking)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from liushou.api.concurrency import check_if_match
from liushou.api.resources import apply_changes, load_for_write, require_live, soft_delete
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.clock import today
from liushou.config import Settings
from liushou.errors import Conflict, FieldInvalid, Forbidden, NotFound
from liushou.guardianship import repository as repo
from liushou.guardianship.access import locked_person
from liushou.guardianship.assignments import default_interval, refresh_due
from liushou.guardianship.caretakers import check_area, usable_caretaker
from liushou.guardianship.models import Caretaker, Visit
from liushou.guardianship.schemas import VisitCreate, VisitUpdate
from liushou.registry.models import Person

# Who records visits only for the persons assigned to them.
FIELD_ROLES = frozenset({Role.village_contact, Role.volunteer})


class NotAssigned(Forbidden):
    code = "not_assigned"
    detail_zh = "您不是此人的包保联系人，只能为分配给您的人员记录走访。"
    detail_en = "This person is not assigned to you; you may record visits only for yours."


def _check_visit_dates(visited_on: date, next_visit_due: date | None) -> None:
    if visited_on > today():
        raise FieldInvalid(
            ["body", "visited_on"],
            "date_in_future",
            "走访日期不能晚于今天。",
            "visited_on cannot be in the future.",
        )
    if next_visit_due is not None and next_visit_due <= visited_on:
        raise FieldInvalid(
            ["body", "next_visit_due"],
            "invalid_date",
            "下次走访日期须晚于本次走访日期。",
            "next_visit_due must be after visited_on.",
        )


def _visitor(
    session: Session, caller: Principal, person: Person, caretaker_id: uuid.UUID | None
) -> Caretaker:
    """The caretaker recording a visit, checked against the caller's role.

    A village contact or volunteer records visits as its own caretaker record, for persons
    assigned to that record only (403 otherwise). Staff record visits of any caretaker
    of the person's area (paper sheets, phone reports)."""
    own = repo.caretaker_of_user(session, caller.id)
    if caretaker_id is None:
        if own is None:
            raise FieldInvalid(
                ["body", "caretaker_id"],
                "caretaker_required",
                "请指定走访的联系人（您的账号未关联联系人）。",
                "Name the caretaker who visited (your login is not linked to one).",
            )
        caretaker_id = own.id
    if caller.role in FIELD_ROLES:
        if own is None or caretaker_id != own.id:
            raise Forbidden(
                "您只能以本人联系人身份记录走访。",
                "You may record visits only as your own caretaker record.",
                code="not_your_caretaker",
            )
        if repo.active_assignment_of(session, own.id, person.id) is None:
            raise NotAssigned()
        return own
    caretaker = usable_caretaker(session, caller, caretaker_id)
    check_area(caretaker, person, None)
    return caretaker


def _visit_interval(
    session: Session, settings: Settings, person: Person, caretaker: Caretaker
) -> int:
    """The primary contact's interval; else the visitor's own assignment's; else the
    default for the person."""
    primary = repo.active_primary(session, person.id)
    if primary is not None:
        return primary.visit_interval_days
    own = repo.active_assignment_of(session, caretaker.id, person.id)
    if own is not None:
        return own.visit_interval_days
    return default_interval(settings, person)


def create_visit(
    session: Session,
    settings: Settings,
    caller: Principal,
    data: VisitCreate,
    visit_id: uuid.UUID | None = None,
) -> Visit:
    person = locked_person(session, caller, data.person_id)
    caretaker = _visitor(session, caller, person, data.caretaker_id)
    _check_visit_dates(data.visited_on, data.next_visit_due)
    next_due = data.next_visit_due or data.visited_on + timedelta(
        days=_visit_interval(session, settings, person, caretaker)
    )
    visit = Visit.model_validate(
        {
            "id": visit_id or uuid.uuid4(),
            "person_id": person.id,
            "caretaker_id": caretaker.id,
            "visited_on": data.visited_on,
            "mode": data.mode,
            "findings": data.findings,
            "needs": _needs(data.needs),
            "risk_level": data.risk_level,
            "next_visit_due": next_due,
        }
    )
    session.add(visit)
    session.flush()
    refresh_due(session, person.id)
    audit.record(
        session,
        caller,
        "visit.create",
        resource_type="visit",
        resource_id=visit.id,
        changed_fields=sorted(n for n in data.model_fields_set if getattr(data, n) is not None),
        detail={"person_id": str(person.id), "caretaker_id": str(caretaker.id)},
    )
    return visit


def _needs(needs: list[Any]) -> list[str]:
    return sorted({str(getattr(n, "value", n)) for n in needs})


def _writable_visit(
    session: Session, caller: Principal, visit_id: uuid.UUID, *, include_deleted: bool = False
) -> tuple[Visit | None, Person]:
    visit = load_for_write(session, Visit, visit_id, include_deleted=True)
    if visit is None:
        raise NotFound()
    person = locked_person(session, caller, visit.person_id)
    if caller.role in FIELD_ROLES:
        own = repo.caretaker_of_user(session, caller.id)
        if own is None or visit.caretaker_id != own.id:
            raise Forbidden(
                "您只能修改本人记录的走访。",
                "You may change only the visits you recorded.",
                code="not_your_visit",
            )
    if visit.deleted_at is not None and not include_deleted:
        return None, person
    return visit, person


def replace_visit(
    session: Session,
    settings: Settings,
    caller: Principal,
    visit_id: uuid.UUID,
    data: VisitCreate,
    if_match: str | None,
) -> tuple[Visit, bool]:
    """PUT: record the visit with the client's id (True) or replace it (False); a phone that
    was offline retries the same PUT safely."""
    existing = load_for_write(session, Visit, visit_id, include_deleted=True)
    if existing is None:
        check_if_match(if_match, None)
        return create_visit(session, settings, caller, data, visit_id), True
    visit, person = _writable_visit(session, caller, visit_id, include_deleted=True)
    visit = require_live(visit)
    check_if_match(if_match, visit.version)
    if data.person_id != visit.person_id:
        raise FieldInvalid(
            ["body", "person_id"],
            "immutable_field",
            "走访的对象创建后不能修改。",
            "A visit's person cannot change.",
        )
    caretaker = _visitor(session, caller, person, data.caretaker_id or visit.caretaker_id)
    values = {
        "caretaker_id": caretaker.id,
        "visited_on": data.visited_on,
        "mode": data.mode,
        "findings": data.findings,
        "needs": _needs(data.needs),
        "risk_level": data.risk_level,
        "next_visit_due": data.next_visit_due,
    }
    _change_visit(session, settings, caller, visit, person, caretaker, values)
    return visit, False


def update_visit(
    session: Session,
    settings: Settings,
    caller: Principal,
    visit_id: uuid.UUID,
    patch: VisitUpdate,
    if_match: str | None,
) -> Visit:
    visit, person = _writable_visit(session, caller, visit_id)
    visit = require_live(visit)
    check_if_match(if_match, visit.version)
    given = patch.model_dump(exclude_unset=True)
    for required in ("visited_on", "mode", "needs", "risk_level"):
        if required in given and given[required] is None:
            raise FieldInvalid(
                ["body", required],
                "validation_error",
                f"{required} 不能为空。",
                f"{required} cannot be null.",
            )
    if "needs" in given:
        given["needs"] = _needs(given["needs"])
    if "next_visit_due" not in given:
        moved = given.get("visited_on", visit.visited_on) != visit.visited_on
        # A moved visit takes the default due date of its new day (None: computed below).
        given["next_visit_due"] = None if moved else visit.next_visit_due
    caretaker = repo.live_caretaker(session, visit.caretaker_id)
    if caretaker is None:
        raise Conflict(
            "记录走访的联系人已被删除。",
            "The caretaker of this visit was deleted.",
            code="resource_deleted",
        )
    _change_visit(session, settings, caller, visit, person, caretaker, given)
    return visit


def _change_visit(
    session: Session,
    settings: Settings,
    caller: Principal,
    visit: Visit,
    person: Person,
    caretaker: Caretaker,
    values: dict[str, Any],
) -> None:
    visited_on = values.get("visited_on", visit.visited_on)
    _check_visit_dates(visited_on, values.get("next_visit_due"))
    if values.get("next_visit_due") is None:
        values["next_visit_due"] = visited_on + timedelta(
            days=_visit_interval(session, settings, person, caretaker)
        )
    changed = apply_changes(visit, values)
    if not changed:
        return
    session.flush()
    refresh_due(session, person.id)
    audit.record(
        session,
        caller,
        "visit.update",
        resource_type="visit",
        resource_id=visit.id,
        changed_fields=changed,
        detail={"person_id": str(person.id)},
    )


def delete_visit(
    session: Session, caller: Principal, visit_id: uuid.UUID, if_match: str | None
) -> None:
    visit, person = _writable_visit(session, caller, visit_id)
    if visit is None:
        raise NotFound()
    soft_delete(visit, if_match)
    refresh_due(session, person.id)
    audit.record(
        session,
        caller,
        "visit.delete",
        resource_type="visit",
        resource_id=visit.id,
        detail={"person_id": str(person.id)},
    )

"""The rules of visits (docs/domain.md): who records them for whom, and the due date each
visit moves. Functions flush; routers commit (see guardianship.access for the locking)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.api.concurrency import check_if_match
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.clock import today
from liushou.config import Settings
from liushou.errors import Conflict, FieldInvalid, Forbidden, NotFound
from liushou.guardianship import repository as repo
from liushou.guardianship.access import locked_person, locked_with_person
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
    visit = add_visit(session, caller, data, caretaker.id, next_due, visit_id)
    refresh_due(session, person.id)
    return visit


def add_visit(
    session: Session,
    caller: Principal,
    data: VisitCreate,
    caretaker_id: uuid.UUID,
    next_visit_due: date,
    visit_id: uuid.UUID | None = None,
) -> Visit:
    """The visit row, as checked by :func:`create_visit`, with its audit event. The due
    dates of the person's assignments are left to :func:`refresh_due`: create_visit calls
    it after each visit, the demo seed once after a person's whole history."""
    visit = Visit.model_validate(
        {
            **_described(data, caretaker_id),
            "id": visit_id or uuid.uuid4(),
            "person_id": data.person_id,
            "next_visit_due": next_visit_due,
        }
    )
    session.add(visit)
    resources.audit_write(
        session,
        caller,
        visit,
        "create",
        changed_fields=resources.given_fields(data),
        detail={"caretaker_id": str(caretaker_id)},
    )
    return visit


def _described(data: VisitCreate, caretaker_id: uuid.UUID) -> dict[str, Any]:
    """The columns a visit's description gives (a create's and a replacement's)."""
    return {
        "caretaker_id": caretaker_id,
        "visited_on": data.visited_on,
        "mode": data.mode,
        "findings": data.findings,
        "needs": _needs(data.needs),
        "risk_level": data.risk_level,
        "next_visit_due": data.next_visit_due,
    }


def _needs(needs: list[Any]) -> list[str]:
    return sorted({str(getattr(n, "value", n)) for n in needs})


def _writable_visit(
    session: Session, caller: Principal, visit_id: uuid.UUID, *, include_deleted: bool = False
) -> tuple[Visit | None, Person]:
    found = locked_with_person(session, caller, Visit, visit_id)
    if found is None:
        raise NotFound()
    visit, person = found
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
    existing = resources.load_for_write(session, Visit, visit_id, include_deleted=True)
    if existing is None:
        check_if_match(if_match, None)
        return create_visit(session, settings, caller, data, visit_id), True
    visit, person = _writable_visit(session, caller, visit_id, include_deleted=True)
    visit = resources.require_live(visit)
    check_if_match(if_match, visit.version)
    resources.refuse_immutable_changes(
        data, visit, ["person_id"], "走访的对象创建后不能修改。", "A visit's person cannot change."
    )
    caretaker = _visitor(session, caller, person, data.caretaker_id or visit.caretaker_id)
    values = _described(data, caretaker.id)
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
    visit = resources.require_live(visit)
    check_if_match(if_match, visit.version)
    given = resources.patched(patch, ("visited_on", "mode", "needs", "risk_level"))
    if "needs" in given:
        given["needs"] = _needs(given["needs"])
    if "next_visit_due" not in given:
        moved = given.get("visited_on", visit.visited_on) != visit.visited_on
        # A moved visit takes the default due date of its new day (None: computed below).
        given["next_visit_due"] = None if moved else visit.next_visit_due
    caretaker = resources.get_live(session, Caretaker, visit.caretaker_id)
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
    changed = resources.apply_changes(visit, values)
    if not changed:
        return
    session.flush()
    refresh_due(session, person.id)
    resources.audit_write(session, caller, visit, "update", changed_fields=changed)


def delete_visit(
    session: Session, caller: Principal, visit_id: uuid.UUID, if_match: str | None
) -> None:
    visit, person = _writable_visit(session, caller, visit_id)
    if visit is None:
        raise NotFound()
    resources.soft_delete(visit, if_match)
    refresh_due(session, person.id)
    resources.audit_write(session, caller, visit, "delete")

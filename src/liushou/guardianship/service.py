"""The rules of care (docs/domain.md): who may look after whom, one active primary contact per
person, handovers, visits and the due date they move. Functions flush; routers commit.

Every write that touches a person's assignments or visits first locks the person's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serialises
writers), so two handovers, or a handover and a visit, for the same person run one after
the other and each sees what the other committed. The partial unique index on active
primary contacts backs this up: should anything slip past (a writer that does not lock),
the database refuses the second row and the caller gets the same 409.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from liushou.api.concurrency import check_if_match
from liushou.api.resources import apply_changes, load_for_write, require_live, soft_delete
from liushou.audit import service as audit
from liushou.auth.models import UserAccount
from liushou.auth.principal import Principal
from liushou.auth.roles import REGION_READERS, Role
from liushou.auth.scoping import path_in_subtree, path_visible
from liushou.clock import today
from liushou.config import Settings
from liushou.errors import Conflict, FieldInvalid, Forbidden, NotFound, Unprocessable
from liushou.guardianship import repository as repo
from liushou.guardianship.models import (
    PRIMARY_CONTACT_INDEX,
    Assignment,
    AssignmentRole,
    Caretaker,
    CaretakerKind,
    Visit,
)
from liushou.guardianship.schemas import (
    AssignmentCreate,
    AssignmentUpdate,
    CaretakerCreate,
    CaretakerUpdate,
    PrimaryContactHandover,
    VisitCreate,
    VisitUpdate,
)
from liushou.regions.models import Organization, RegionLevel
from liushou.registry import identifiers as ids
from liushou.registry import repository as registry_repo
from liushou.registry.enums import GuardianshipType, PersonCategory, RiskTier
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.registry.register import on_register

# Who manages caretakers and assignments; village contacts and volunteers record visits.
MANAGERS = frozenset({Role.admin, Role.street_staff})
# Who records visits only for the persons assigned to them.
FIELD_ROLES = frozenset({Role.village_contact, Role.volunteer})
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


class CaretakerOutOfArea(Unprocessable):
    code = "caretaker_out_of_area"


class NotAssigned(Forbidden):
    code = "not_assigned"
    detail_zh = "您不是此人的包保联系人，只能为分配给您的人员记录走访。"
    detail_en = "This person is not assigned to you; you may record visits only for yours."


def _manager(caller: Principal) -> None:
    if caller.role not in MANAGERS:
        raise Forbidden(
            "只有管理员和街道工作人员可以管理联系人与包保关系。",
            "Only administrators and street staff manage caretakers and assignments.",
            code="care_manager_required",
        )


# --- default intervals ---------------------------------------------------------------------


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


# --- persons, as care sees them ------------------------------------------------------------


def _person_visible(session: Session, caller: Principal, person: Person) -> bool:
    """The registry's one scope rule (registry.repository.person_visible)."""
    return registry_repo.person_visible(session, caller, person.id, person.region_path)


def _care_person(session: Session, caller: Principal, person_id: uuid.UUID) -> Person:
    """The live person, locked for this transaction, if the caller may see it (404)."""
    person = load_for_write(session, Person, person_id)
    if person is None or not _person_visible(session, caller, person):
        raise NotFound()
    return person


def _counts_today(person: Person) -> bool:
    return on_register(person.status, person.counts_until, today())


# --- caretakers ----------------------------------------------------------------------------


def _caretaker_writable(caretaker: Caretaker, caller: Principal) -> Caretaker:
    if not path_visible(caretaker.region_path, caller, lineage=True):
        raise NotFound()
    if caller.role == Role.admin or (
        caller.role == Role.street_staff
        and path_visible(caretaker.region_path, caller, lineage=False)
    ):
        return caretaker
    raise Forbidden(
        "此联系人不在您的管辖范围内，不能修改。",
        "This caretaker is outside your region; you may not change it.",
    )


def _caretaker_values(
    session: Session, caller: Principal, caretaker_id: uuid.UUID, data: dict[str, Any]
) -> dict[str, Any]:
    """Every column of a caretaker from a complete description, checked."""
    region = repo.live_region(session, data["region_id"])
    if (
        region is None
        or region.level not in (RegionLevel.village, RegionLevel.township)
        or not (caller.role == Role.admin or path_visible(region.path, caller, lineage=False))
    ):
        raise FieldInvalid(
            ["body", "region_id"],
            "invalid_region",
            "所属村/社区或街道(乡镇)不存在或不在您的管辖范围内。",
            "The village or township does not exist or is outside your region.",
        )
    organization_id = data.get("organization_id")
    if organization_id is not None:
        org = session.get(Organization, organization_id)
        org_region = repo.live_region(session, org.region_id) if org else None
        if (
            org is None
            or org.deleted_at is not None
            or org_region is None
            or not path_visible(org_region.path, caller, lineage=True)
        ):
            raise FieldInvalid(
                ["body", "organization_id"],
                "invalid_organization",
                "所属组织不存在。",
                "The organization does not exist.",
            )
    user_id = data.get("user_id")
    if user_id is not None:
        user = session.get(UserAccount, user_id)
        if user is None or user.deleted_at is not None:
            raise FieldInvalid(
                ["body", "user_id"], "invalid_user", "账号不存在。", "The user does not exist."
            )
        linked = repo.caretaker_of_user(session, user_id)
        if linked is not None and linked.id != caretaker_id:
            visible = path_visible(linked.region_path, caller, lineage=True)
            extra: dict[str, Any] = {"existing_id": str(linked.id)} if visible else {}
            raise Conflict(
                "该账号已关联另一位联系人。",
                "This user is already linked to another caretaker.",
                code="user_already_linked",
                **extra,
            )
    phone = data.get("phone")
    if phone:
        try:
            phone = ids.normalize_mobile(phone)
        except ids.InvalidPhone as exc:
            raise FieldInvalid(["body", "phone"], exc.code, exc.message_zh, exc.message_en)
    return {
        "name": data["name"],
        "phone": phone or None,  # clear: _seal_phone replaces it by the stored columns
        "kind": data["kind"],
        "organization_id": organization_id,
        "region_id": region.id,
        "region_path": region.path,
        "user_id": user_id,
    }


def _flush_caretaker(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        if "user_id" in str(exc.orig):  # a concurrent link of the same login
            raise Conflict(
                "该账号已关联另一位联系人。",
                "This user is already linked to another caretaker.",
                code="user_already_linked",
            ) from None
        raise


def _seal_phone(
    pii: PersonalData, caretaker_id: uuid.UUID, values: dict[str, Any], current: str | None
) -> dict[str, Any]:
    """The clear ``phone`` of ``values`` as its stored columns (ciphertext and masked form),
    or left out when it equals the ``current`` one: a fresh ciphertext of the same number is
    no change (see docs/registry.md, "Caretakers' phones")."""
    values = dict(values)
    phone = values.pop("phone")
    if phone == current and current is not None:
        return values
    values["phone_cipher"] = (
        pii.seal_in("caretaker", caretaker_id, "phone", phone) if phone else None
    )
    values["phone_masked"] = ids.mask_mobile(phone) if phone else None
    return values


def caretaker_phone(pii: PersonalData, caretaker: Caretaker) -> str | None:
    return pii.open_in("caretaker", caretaker.id, "phone", caretaker.phone_cipher)


def create_caretaker(
    session: Session,
    pii: PersonalData,
    caller: Principal,
    data: CaretakerCreate,
    caretaker_id: uuid.UUID | None = None,
) -> Caretaker:
    _manager(caller)
    caretaker_id = caretaker_id or uuid.uuid4()
    values = _caretaker_values(session, caller, caretaker_id, data.model_dump())
    values = _seal_phone(pii, caretaker_id, values, None)
    caretaker = Caretaker.model_validate({**values, "id": caretaker_id})
    session.add(caretaker)
    _flush_caretaker(session)
    audit.record(
        session,
        caller,
        "caretaker.create",
        resource_type="caretaker",
        resource_id=caretaker.id,
        changed_fields=sorted(n for n in data.model_fields_set if getattr(data, n) is not None)
        or ["name"],
    )
    return caretaker


def replace_caretaker(
    session: Session,
    pii: PersonalData,
    caller: Principal,
    caretaker_id: uuid.UUID,
    data: CaretakerCreate,
    if_match: str | None,
) -> tuple[Caretaker, bool]:
    """PUT: create with the client's id (True) or replace the caretaker (False)."""
    _manager(caller)
    caretaker = load_for_write(session, Caretaker, caretaker_id, include_deleted=True)
    if caretaker is None:
        check_if_match(if_match, None)
        return create_caretaker(session, pii, caller, data, caretaker_id), True
    caretaker = _caretaker_writable(require_live(caretaker), caller)
    check_if_match(if_match, caretaker.version)
    values = _caretaker_values(session, caller, caretaker.id, data.model_dump())
    values = _seal_phone(pii, caretaker.id, values, caretaker_phone(pii, caretaker))
    _update_caretaker(session, caller, caretaker, values)
    return caretaker, False


def update_caretaker(
    session: Session,
    pii: PersonalData,
    caller: Principal,
    caretaker_id: uuid.UUID,
    patch: CaretakerUpdate,
    if_match: str | None,
) -> Caretaker:
    _manager(caller)
    caretaker = _caretaker_writable(
        require_live(load_for_write(session, Caretaker, caretaker_id)), caller
    )
    check_if_match(if_match, caretaker.version)
    given = patch.model_dump(exclude_unset=True)
    for required in ("name", "kind", "region_id"):
        if required in given and given[required] is None:
            raise FieldInvalid(
                ["body", required],
                "validation_error",
                f"{required} 不能为空。",
                f"{required} cannot be null.",
            )
    phone = caretaker_phone(pii, caretaker)
    current = {
        "name": caretaker.name,
        "phone": phone,
        "kind": caretaker.kind,
        "organization_id": caretaker.organization_id,
        "region_id": caretaker.region_id,
        "user_id": caretaker.user_id,
    }
    values = _caretaker_values(session, caller, caretaker.id, {**current, **given})
    _update_caretaker(session, caller, caretaker, _seal_phone(pii, caretaker.id, values, phone))
    return caretaker


def _update_caretaker(
    session: Session, caller: Principal, caretaker: Caretaker, values: dict[str, Any]
) -> None:
    changed = apply_changes(caretaker, values)
    if {"region_id", "kind"} & set(changed):
        _check_caseload_area(session, caretaker)
    if changed:
        _flush_caretaker(session)
        audit.record(
            session,
            caller,
            "caretaker.update",
            resource_type="caretaker",
            resource_id=caretaker.id,
            changed_fields=sorted({_public_field(n) for n in changed}),
        )


def _public_field(column: str) -> str:
    """The API name of a column, for the audit (never values)."""
    return {"region_path": "region_id", "phone_cipher": "phone", "phone_masked": "phone"}.get(
        column, column
    )


def _check_caseload_area(session: Session, caretaker: Caretaker) -> None:
    """A caretaker moved to another area, or no longer a volunteer, must still be in the
    area of every person it looks after: its running assignments are handed over first."""
    for assignment, person in repo.caretaker_caseload(session, caretaker.id):
        try:
            check_area(caretaker, person, assignment.role)
        except CaretakerOutOfArea:
            raise Conflict(
                "该联系人仍包保其他村/社区的人员，请先交接或结束这些包保关系。",
                "This caretaker still looks after persons outside the new area; hand those "
                "assignments over or end them first.",
                code="caretaker_has_assignments",
                assignment_id=str(assignment.id),
            ) from None


def delete_caretaker(
    session: Session, caller: Principal, caretaker_id: uuid.UUID, if_match: str | None
) -> None:
    _manager(caller)
    caretaker = load_for_write(session, Caretaker, caretaker_id)
    if caretaker is None:
        raise NotFound()
    _caretaker_writable(caretaker, caller)
    check_if_match(if_match, caretaker.version)
    if repo.caretaker_in_use(session, caretaker.id):
        raise Conflict(
            "该联系人仍有在岗的包保关系，请先交接或结束。",
            "This caretaker still has active assignments; hand them over or end them first.",
            code="caretaker_in_use",
        )
    soft_delete(caretaker, if_match)
    audit.record(
        session, caller, "caretaker.delete", resource_type="caretaker", resource_id=caretaker.id
    )


# --- a caretaker's phone -------------------------------------------------------------------


def reveal_phone(
    session: Session, pii: PersonalData, caller: Principal, caretaker_id: uuid.UUID, purpose: str
) -> str | None:
    """The clear phone, audited with the purpose; a refusal (404 for a caretaker the caller
    cannot read, 403 without the right) is audited too. The caller commits in both cases."""
    caretaker = repo.live_caretaker(session, caretaker_id)
    if caretaker is None or not caretaker_readable(caller, caretaker):
        _record_reveal(session, caller, caretaker_id, purpose, refused="not_found")
        raise NotFound()
    if not may_reveal_phone(caller, caretaker):
        _record_reveal(session, caller, caretaker_id, purpose, refused="not_permitted")
        raise Forbidden(
            "您无权查看此联系人的电话号码。",
            "You may not see this caretaker's phone number.",
            code="reveal_forbidden",
        )
    _record_reveal(session, caller, caretaker_id, purpose)
    return caretaker_phone(pii, caretaker)


def caretaker_readable(caller: Principal, caretaker: Caretaker) -> bool:
    """The rule of repository.caretaker_scope, for one loaded caretaker."""
    if caller.sees_everything:
        return True
    if caller.role in REGION_READERS:
        return path_visible(caretaker.region_path, caller, lineage=True)
    return caller.role == Role.volunteer and caretaker.user_id == caller.id


def may_reveal_phone(caller: Principal, caretaker: Caretaker) -> bool:
    """Who sees a caretaker's clear phone (docs/registry.md, "Caretakers' phones"): the
    caretaker itself, through its linked login; otherwise only those who coordinate it and
    may reveal personal data: an administrator, and the street staff of its township."""
    if caretaker.user_id is not None and caretaker.user_id == caller.id:
        return True
    if "pii:reveal" not in caller.scopes:
        return False
    if caller.role == Role.admin:
        return True
    return caller.role == Role.street_staff and path_visible(
        caretaker.region_path, caller, lineage=False
    )


def _record_reveal(
    session: Session,
    caller: Principal,
    caretaker_id: uuid.UUID,
    purpose: str,
    refused: str | None = None,
) -> None:
    audit.record(
        session,
        caller,
        "caretaker.reveal",
        resource_type="caretaker",
        resource_id=caretaker_id,
        changed_fields=[] if refused else ["phone"],
        outcome="denied" if refused else "success",
        detail={"purpose": purpose, **({"reason": refused} if refused else {})},
    )


# --- assignments ---------------------------------------------------------------------------


def _usable_caretaker(session: Session, caller: Principal, caretaker_id: uuid.UUID) -> Caretaker:
    caretaker = repo.live_caretaker(session, caretaker_id)
    if caretaker is None or not path_visible(caretaker.region_path, caller, lineage=True):
        raise FieldInvalid(
            ["body", "caretaker_id"],
            "invalid_caretaker",
            "联系人不存在。",
            "The caretaker does not exist.",
        )
    return caretaker


def check_area(caretaker: Caretaker, person: Person, role: AssignmentRole | None) -> None:
    """A caretaker looks after persons of its own area; a volunteer anyone's (docs/domain.md).

    A primary contact (包保联系人, named by the village committee) belongs to the person's
    very village. Other roles, and visits, also accept a caretaker of the person's township
    (a teacher of the township school, a doctor of the health centre): its area covers the
    village. ``role`` None means a visit.
    """
    if caretaker.kind == CaretakerKind.volunteer:
        return
    if role == AssignmentRole.primary_contact:
        inside = caretaker.region_id == person.region_id
    else:
        inside = path_in_subtree(person.region_path, caretaker.region_path)
    if not inside:
        raise CaretakerOutOfArea(
            "该联系人不属于此人所在的村/社区（志愿者除外）。",
            "The caretaker does not belong to the person's village (volunteers excepted).",
            errors=[
                {
                    "loc": ["body", "caretaker_id"],
                    "msg": "caretaker outside the person's village",
                    "code": "caretaker_out_of_area",
                }
            ],
        )


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
        apply_changes(assignment, {"last_visited_on": latest, "next_visit_due": due})
    session.flush()


def create_assignment(
    session: Session,
    settings: Settings,
    caller: Principal,
    data: AssignmentCreate,
    assignment_id: uuid.UUID | None = None,
) -> Assignment:
    _manager(caller)
    person = _care_person(session, caller, data.person_id)
    caretaker = _usable_caretaker(session, caller, data.caretaker_id)
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
    interval = data.visit_interval_days or default_interval(settings, person)
    latest = repo.latest_visit_on(session, person.id)
    assignment = Assignment.model_validate(
        {
            "id": assignment_id,
            "person_id": person.id,
            "caretaker_id": caretaker.id,
            "role": data.role,
            "visit_interval_days": interval,
            "starts_on": starts_on,
            "ends_on": data.ends_on,
            "end_reason": data.end_reason,
            "last_visited_on": latest,
            "next_visit_due": None if data.ends_on else _due(latest, starts_on, interval),
        }
    )
    session.add(assignment)
    _flush_assignment(session)
    audit.record(
        session,
        caller,
        "assignment.create",
        resource_type="assignment",
        resource_id=assignment.id,
        changed_fields=sorted(n for n in data.model_fields_set if getattr(data, n) is not None),
        detail={"person_id": str(person.id), "caretaker_id": str(caretaker.id)},
    )
    return assignment


def _writable_assignment(
    session: Session, caller: Principal, assignment_id: uuid.UUID, *, include_deleted: bool = False
) -> tuple[Assignment | None, Person | None]:
    """The assignment and its person, both locked, if the caller may see them."""
    assignment = load_for_write(session, Assignment, assignment_id, include_deleted=True)
    if assignment is None:
        return None, None
    person = _care_person(session, caller, assignment.person_id)
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
    _manager(caller)
    assignment, person = _writable_assignment(session, caller, assignment_id, include_deleted=True)
    if assignment is None:
        check_if_match(if_match, None)
        return create_assignment(session, settings, caller, data, assignment_id), True
    assert person is not None
    assignment = require_live(assignment)
    check_if_match(if_match, assignment.version)
    for name in ("person_id", "caretaker_id", "role"):
        if getattr(data, name) != getattr(assignment, name):
            raise FieldInvalid(
                ["body", name],
                "immutable_field",
                f"包保关系的 {name} 创建后不能修改；请结束它并新建一条。",
                f"An assignment's {name} cannot change; end it and create another.",
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
    _manager(caller)
    assignment, person = _writable_assignment(session, caller, assignment_id)
    assignment = require_live(assignment)
    assert person is not None
    check_if_match(if_match, assignment.version)
    given = patch.model_dump(exclude_unset=True)
    if "visit_interval_days" in given and given["visit_interval_days"] is None:
        raise FieldInvalid(
            ["body", "visit_interval_days"],
            "validation_error",
            "visit_interval_days 不能为空。",
            "visit_interval_days cannot be null.",
        )
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
    changed = apply_changes(assignment, changes)
    _flush_assignment(session)
    audit.record(
        session,
        caller,
        "assignment.end" if ending else "assignment.update",
        resource_type="assignment",
        resource_id=assignment.id,
        changed_fields=[n for n in changed if n not in DERIVED_FIELDS] or changed,
        detail={"person_id": str(person.id)},
    )


def delete_assignment(
    session: Session, caller: Principal, assignment_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete: for an assignment entered by mistake (ending one is PATCH ends_on)."""
    _manager(caller)
    assignment, person = _writable_assignment(session, caller, assignment_id)
    if assignment is None or person is None:
        raise NotFound()
    soft_delete(assignment, if_match)
    assignment.next_visit_due = None
    session.flush()
    audit.record(
        session,
        caller,
        "assignment.delete",
        resource_type="assignment",
        resource_id=assignment.id,
        detail={"person_id": str(person.id)},
    )


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
    _manager(caller)
    person = _care_person(session, caller, person_id)  # locked: handovers queue up here
    if not _counts_today(person):
        raise Unprocessable(
            "此人已不在留守名册中。",
            "This person is no longer on the register.",
            code="person_not_active",
        )
    caretaker = _usable_caretaker(session, caller, data.caretaker_id)
    check_area(caretaker, person, AssignmentRole.primary_contact)
    current = repo.active_primary(session, person.id)
    if current is not None and current.caretaker_id == caretaker.id:
        return current, False
    new_id = uuid.uuid4()
    if current is not None:
        apply_changes(
            current,
            {
                "ends_on": max(today(), current.starts_on),
                "end_reason": data.reason or HANDOVER_REASON,
                "next_visit_due": None,
            },
        )
        session.flush()  # the old row leaves the unique index before the new one enters it
        audit.record(
            session,
            caller,
            "assignment.end",
            resource_type="assignment",
            resource_id=current.id,
            changed_fields=["end_reason", "ends_on"],
            detail={"person_id": str(person.id), "handover_to": str(new_id)},
        )
    interval = data.visit_interval_days or default_interval(settings, person)
    latest = repo.latest_visit_on(session, person.id)
    assignment = Assignment.model_validate(
        {
            "id": new_id,
            "person_id": person.id,
            "caretaker_id": caretaker.id,
            "role": AssignmentRole.primary_contact,
            "visit_interval_days": interval,
            "starts_on": today(),
            "last_visited_on": latest,
            "next_visit_due": _due(latest, today(), interval),
        }
    )
    session.add(assignment)
    _flush_assignment(session)
    audit.record(
        session,
        caller,
        "assignment.create",
        resource_type="assignment",
        resource_id=assignment.id,
        changed_fields=["caretaker_id", "person_id", "role", "starts_on"],
        detail={
            "person_id": str(person.id),
            "caretaker_id": str(caretaker.id),
            **({"handover_from": str(current.id)} if current is not None else {}),
        },
    )
    return assignment, True


# --- visits --------------------------------------------------------------------------------


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
    caretaker = _usable_caretaker(session, caller, caretaker_id)
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
    person = _care_person(session, caller, data.person_id)
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
    person = _care_person(session, caller, visit.person_id)
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

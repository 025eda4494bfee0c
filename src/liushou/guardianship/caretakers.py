"""The rules of caretakers (docs/domain.md): who creates and changes them, their phone (kept
encrypted, revealed with an audited purpose), and the area a caretaker looks after.
Functions flush; routers commit."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from liushou.api import resources
from liushou.audit import service as audit
from liushou.auth.models import UserAccount
from liushou.auth.principal import Principal
from liushou.auth.roles import REGION_READERS, Role
from liushou.auth.scoping import path_in_subtree, path_visible
from liushou.errors import (
    Conflict,
    FieldInvalid,
    Forbidden,
    NotFound,
    Unprocessable,
    unknown_reference,
)
from liushou.guardianship import repository as repo
from liushou.guardianship.access import require_manager
from liushou.guardianship.models import AssignmentRole, Caretaker, CaretakerKind
from liushou.guardianship.schemas import CaretakerCreate, CaretakerUpdate
from liushou.regions.references import (
    VILLAGE_OR_TOWNSHIP,
    organization_in_sight,
    region_in_area,
)
from liushou.registry import identifiers as ids
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData


class CaretakerOutOfArea(Unprocessable):
    code = "caretaker_out_of_area"


# --- caretakers --------------------------------------------------------------------------


def caretaker_writable(_: Session, caller: Principal) -> Callable[[Caretaker], Caretaker]:
    """A manager's check (before the caretaker is read); then a caretaker outside the
    caller's sight is 404, one outside its own region 403."""
    require_manager(caller)
    return lambda caretaker: _caretaker_writable(caretaker, caller)


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
    region = region_in_area(session, caller, data["region_id"], VILLAGE_OR_TOWNSHIP)
    organization_id = data.get("organization_id")
    if organization_id is not None:
        organization_in_sight(session, caller, organization_id, "所属组织")
    user_id = data.get("user_id")
    if user_id is not None:
        _check_login(session, caller, caretaker_id, user_id)
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


def _check_login(
    session: Session, caller: Principal, caretaker_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    """A caretaker's login is a live user linked to no other caretaker."""
    if resources.get_live(session, UserAccount, user_id) is None:
        raise unknown_reference("user_id", "invalid_user", "账号", "user")
    linked = repo.caretaker_of_user(session, user_id)
    if linked is not None and linked.id != caretaker_id:
        visible = path_visible(linked.region_path, caller, lineage=True)
        raise _user_already_linked(str(linked.id) if visible else None)


def _user_already_linked(existing_id: str | None = None) -> Conflict:
    """The 409 of a login linked twice; ``existing_id`` only if the caller may see it."""
    extra: dict[str, Any] = {"existing_id": existing_id} if existing_id else {}
    return Conflict(
        "该账号已关联另一位联系人。",
        "This user is already linked to another caretaker.",
        code="user_already_linked",
        **extra,
    )


def _flush_caretaker(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        if "user_id" in str(exc.orig):  # a concurrent link of the same login
            raise _user_already_linked() from None
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
    require_manager(caller)
    caretaker_id = caretaker_id or uuid.uuid4()
    values = _caretaker_values(session, caller, caretaker_id, data.model_dump())
    values = _seal_phone(pii, caretaker_id, values, None)
    caretaker = Caretaker.model_validate({**values, "id": caretaker_id})
    session.add(caretaker)
    _flush_caretaker(session)
    resources.audit_write(
        session,
        caller,
        caretaker,
        "create",
        changed_fields=resources.given_fields(data) or ["name"],
    )
    return caretaker


def replace_caretaker(
    session: Session,
    pii: PersonalData,
    caller: Principal,
    caretaker: Caretaker,
    data: CaretakerCreate,
) -> None:
    """PUT on an existing caretaker (a new id: :func:`create_caretaker`)."""
    values = _caretaker_values(session, caller, caretaker.id, data.model_dump())
    values = _seal_phone(pii, caretaker.id, values, caretaker_phone(pii, caretaker))
    _update_caretaker(session, caller, caretaker, values)


def update_caretaker(
    session: Session,
    pii: PersonalData,
    caller: Principal,
    caretaker: Caretaker,
    patch: CaretakerUpdate,
) -> Caretaker:
    given = resources.patched(patch, ("name", "kind", "region_id"))
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
    changed = resources.apply_changes(caretaker, values)
    if {"region_id", "kind"} & set(changed):
        _check_caseload_area(session, caretaker)
    if changed:
        _flush_caretaker(session)
        public = {_public_field(n) for n in changed}
        resources.audit_write(session, caller, caretaker, "update", changed_fields=public)


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
    caretaker = resources.for_change(
        session, Caretaker, caretaker_id, if_match, caretaker_writable(session, caller)
    )
    if repo.caretaker_in_use(session, caretaker.id):
        raise Conflict(
            "该联系人仍有在岗的包保关系，请先交接或结束。",
            "This caretaker still has active assignments; hand them over or end them first.",
            code="caretaker_in_use",
        )
    resources.soft_delete(caretaker, if_match)
    resources.audit_write(session, caller, caretaker, "delete")


# --- the area a caretaker looks after ----------------------------------------------------


def usable_caretaker(session: Session, caller: Principal, caretaker_id: uuid.UUID) -> Caretaker:
    caretaker = resources.get_live(session, Caretaker, caretaker_id)
    if caretaker is None or not path_visible(caretaker.region_path, caller, lineage=True):
        raise unknown_reference("caretaker_id", "invalid_caretaker", "联系人", "caretaker")
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


# --- a caretaker's phone -----------------------------------------------------------------


def reveal_phone(
    session: Session, pii: PersonalData, caller: Principal, caretaker_id: uuid.UUID, purpose: str
) -> str | None:
    """The clear phone, audited with the purpose; a refusal (404 for a caretaker the caller
    cannot read, 403 without the right) is audited too. The caller commits in both cases."""
    caretaker = resources.get_live(session, Caretaker, caretaker_id)
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

"""The rules of wishes (微心愿 / 爱心圆梦) (docs/services.md, "Wishes").

* A wish belongs to a child the caller may see (404 otherwise, as for the child itself):
  its ``kind`` is a seeded service type that serves children only, so
  services.rules.check_serves answers 422 ``service_not_for_category`` for anyone else. A
  new wish is made for a child on the register today (422 ``person_not_active``).
* State machine: open → claimed (a donor takes it) | cancelled; claimed → open (the donor
  releases it: the donor is cleared) | fulfilled | cancelled. Anything else is 409
  ``invalid_transition``. Each step (the creation first) is a row of the timeline, with a
  per-wish ``seq``, and an audit event.
* Fulfilment writes the one service record of the wish (type = kind, the child, delivered
  on ``fulfilled_on``, ``wish_id`` set) in the same transaction, after the rules every
  service record meets (services.rules): not in the future, the child on the register that
  day. Deleting a fulfilled wish deletes that record too.
* The donor's phone is stored as the caretakers' phones are: encrypted for its row and
  column, plus the masked form that reads show (docs/privacy.md).

Functions flush; routers commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.api.concurrency import check_if_match
from liushou.auth.principal import Principal
from liushou.clock import today
from liushou.errors import Conflict, FieldInvalid, unknown_reference
from liushou.guardianship.access import locked_person
from liushou.regions.models import Organization
from liushou.registry import identifiers as ids
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.services import rules
from liushou.services import wishes_repository as repo
from liushou.services.enums import WishStatus
from liushou.services.models import ServiceRecord, Wish, WishTransition
from liushou.services.wishes_schemas import (
    WishCancel,
    WishClaim,
    WishCreate,
    WishFulfil,
    WishRelease,
    WishUpdate,
)

S = WishStatus
TRANSITIONS: dict[WishStatus, frozenset[WishStatus]] = {
    S.open: frozenset({S.claimed, S.cancelled}),
    S.claimed: frozenset({S.open, S.fulfilled, S.cancelled}),
    S.fulfilled: frozenset(),
    S.cancelled: frozenset(),
}
# The statuses in which a wish's description and value may still change.
CHANGEABLE = frozenset({S.open, S.claimed})
DONOR_CLEARED: dict[str, Any] = {
    "donor_name": None,
    "donor_organization_id": None,
    "donor_phone_cipher": None,
    "donor_phone_masked": None,
    "claimed_on": None,
}


class InvalidTransition(Conflict):
    code = "invalid_transition"


class WishClosed(Conflict):
    code = "wish_closed"
    detail_zh = "心愿已实现或已取消，不能再修改。"
    detail_en = "The wish was fulfilled or cancelled and can no longer change."


# --- who -----------------------------------------------------------------------------------


def _for_change(
    session: Session, caller: Principal, wish_id: uuid.UUID, if_match: str | None
) -> tuple[Wish, Person]:
    """The live wish and its child, both locked, if the caller may see the child (404
    otherwise, as for an unknown id), at the version If-Match names (412)."""
    return _checked(session, caller, resources.load_for_write(session, Wish, wish_id), if_match)


def _checked(
    session: Session, caller: Principal, wish: Wish | None, if_match: str | None
) -> tuple[Wish, Person]:
    wish = resources.require_live(wish)
    person = locked_person(session, caller, wish.person_id)
    check_if_match(if_match, wish.version)
    return wish, person


def _check_child(session: Session, person: Person, kind: Any, day: date) -> None:
    service_type = rules.live_type(session, kind.value, field="kind")
    rules.check_serves(service_type, person, field="person_id")
    rules.check_on_register(person, day, field="person_id")


# --- the timeline --------------------------------------------------------------------------


def _step(
    session: Session,
    caller: Principal,
    wish: Wish,
    from_status: WishStatus | None,
    to_status: WishStatus,
    note: str | None,
) -> None:
    seq = 1 if from_status is None else repo.last_seq(session, wish.id) + 1
    session.add(
        WishTransition(
            wish_id=wish.id,
            seq=seq,
            from_status=from_status,
            to_status=to_status,
            at=wish.updated_at,
            actor_id=caller.id,
            by=caller.name[:128],
            note=note or None,
        )
    )


# --- create, replace, change, delete -------------------------------------------------------


def create_wish(
    session: Session, caller: Principal, data: WishCreate, wish_id: uuid.UUID | None = None
) -> Wish:
    person = locked_person(session, caller, data.person_id)
    _check_child(session, person, data.kind, today())
    wish = Wish.model_validate(
        {
            "id": wish_id or uuid.uuid4(),
            "person_id": person.id,
            "kind": data.kind,
            "description": data.description,
            "estimated_value": data.estimated_value,
            "status": WishStatus.open,
            "created_by_id": caller.id,
            "created_by": caller.name[:128],
        }
    )
    resources.add_created(session, wish)
    _step(session, caller, wish, None, WishStatus.open, None)
    session.flush()
    resources.audit_write(
        session, caller, wish, "create", changed_fields=resources.given_fields(data)
    )
    return wish


def _change(session: Session, caller: Principal, wish: Wish, values: dict[str, Any]) -> None:
    """Description and value; refused once the wish is closed, unless nothing changes (a
    retry)."""
    if all(getattr(wish, k) == v for k, v in values.items()):
        return
    if wish.status not in CHANGEABLE:
        raise WishClosed()
    changed = resources.apply_changes(wish, values)
    session.flush()
    resources.audit_write(session, caller, wish, "update", changed_fields=changed)


def writable(session: Session, caller: Principal) -> Callable[[Wish], Wish]:
    """A wish whose child the caller may not see is 404, as an unknown id (the child is
    locked, as every write to its wishes locks it)."""

    def check(wish: Wish) -> Wish:
        locked_person(session, caller, wish.person_id)
        return wish

    return check


def replace_wish(session: Session, caller: Principal, wish: Wish, data: WishCreate) -> None:
    """PUT on an existing wish: its description and value, while it is open or claimed.
    The child and the kind never change; the same body again changes nothing, whatever the
    status (a safe retry). A new id: :func:`create_wish`."""
    resources.refuse_immutable_changes(
        data,
        wish,
        ("person_id", "kind"),
        "心愿的 {name} 创建后不能修改。",
        "A wish's {name} cannot change.",
    )
    values = {"description": data.description, "estimated_value": data.estimated_value}
    _change(session, caller, wish, values)


def update_wish(
    session: Session,
    caller: Principal,
    wish: Wish,
    patch: WishUpdate,
) -> Wish:
    given = resources.patched(patch, ("description",))
    _change(session, caller, wish, given)
    return wish


def delete_wish(
    session: Session, caller: Principal, wish_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete; a fulfilled wish takes its service record with it (entered in error)."""
    wish, _ = _for_change(session, caller, wish_id, if_match)
    resources.soft_delete(wish, if_match)
    record = repo.record_of(session, wish)
    if record is not None:
        resources.soft_delete(record, None)
        resources.audit_write(session, caller, record, "delete", detail={"wish_id": str(wish.id)})
    resources.audit_write(session, caller, wish, "delete")


# --- transitions ---------------------------------------------------------------------------


def _move(
    session: Session,
    caller: Principal,
    wish: Wish,
    to_status: WishStatus,
    values: dict[str, Any],
    note: str | None,
) -> None:
    current = WishStatus(wish.status)
    changed = resources.apply_changes(wish, {"status": to_status, **values})
    _step(session, caller, wish, current, to_status, note)
    session.flush()
    resources.audit_write(
        session,
        caller,
        wish,
        "transition",
        changed_fields=sorted({_public_field(n) for n in changed}),
        detail={"from_status": current.value, "to_status": to_status.value},
    )


def _public_field(column: str) -> str:
    """The API name of a column, for the audit (never values)."""
    return "donor_phone" if column.startswith("donor_phone") else column


def _check_transition(wish: Wish, to_status: WishStatus) -> None:
    current = WishStatus(wish.status)
    allowed = TRANSITIONS[current]
    if to_status not in allowed:
        raise InvalidTransition(
            f"心愿状态不能从 {current.value} 变为 {to_status.value}。",
            f"A wish cannot go from {current.value} to {to_status.value}.",
            current_status=current.value,
            allowed_to_status=sorted(s.value for s in allowed),
        )


def _donor_organization(session: Session, organization_id: uuid.UUID | None) -> None:
    if (
        organization_id is not None
        and resources.get_live(session, Organization, organization_id) is None
    ):
        raise unknown_reference(
            "donor_organization_id", "invalid_organization", "认领单位", "donor organization"
        )


def _sealed_phone(pii: PersonalData, wish_id: uuid.UUID, phone: str | None) -> dict[str, Any]:
    """The donor's phone as its stored columns: ciphertext (bound to this row and column)
    and the masked form; both null without a phone."""
    if not phone:
        return {"donor_phone_cipher": None, "donor_phone_masked": None}
    try:
        number = ids.normalize_mobile(phone)
    except ids.InvalidPhone as exc:
        raise FieldInvalid(["body", "donor_phone"], exc.code, exc.message_zh, exc.message_en)
    return {
        "donor_phone_cipher": pii.seal_in("wish", wish_id, "donor_phone", number),
        "donor_phone_masked": ids.mask_mobile(number),
    }


def donor_phone(pii: PersonalData, wish: Wish) -> str | None:
    """The clear donor phone (for the tests and a future audited reveal; never in a body)."""
    return pii.open_in("wish", wish.id, "donor_phone", wish.donor_phone_cipher)


def claim_wish(
    session: Session,
    pii: PersonalData,
    caller: Principal,
    wish_id: uuid.UUID,
    data: WishClaim,
    if_match: str | None,
) -> Wish:
    """open → claimed: a donor (a person, maybe of an organization) takes the wish on."""
    wish, _ = _for_change(session, caller, wish_id, if_match)
    _check_transition(wish, WishStatus.claimed)
    claimed_on = data.claimed_on or today()
    rules.check_not_future(claimed_on, "claimed_on")
    _donor_organization(session, data.donor_organization_id)
    values = {
        "donor_name": data.donor_name,
        "donor_organization_id": data.donor_organization_id,
        **_sealed_phone(pii, wish.id, data.donor_phone),
        "claimed_on": claimed_on,
    }
    _move(session, caller, wish, WishStatus.claimed, values, data.note)
    return wish


def release_wish(
    session: Session,
    caller: Principal,
    wish_id: uuid.UUID,
    data: WishRelease,
    if_match: str | None,
) -> Wish:
    """claimed → open: the donor steps back; the donor's details are cleared."""
    wish, _ = _for_change(session, caller, wish_id, if_match)
    _check_transition(wish, WishStatus.open)
    _move(session, caller, wish, WishStatus.open, dict(DONOR_CLEARED), data.note)
    return wish


def fulfil_wish(
    session: Session,
    caller: Principal,
    wish_id: uuid.UUID,
    data: WishFulfil,
    if_match: str | None,
) -> Wish:
    """claimed → fulfilled, and the wish's one service record."""
    wish, person = _for_change(session, caller, wish_id, if_match)
    _check_transition(wish, WishStatus.fulfilled)
    rules.check_not_future(data.fulfilled_on, "fulfilled_on")
    if wish.claimed_on is not None and data.fulfilled_on < wish.claimed_on:
        raise FieldInvalid(
            ["body", "fulfilled_on"],
            "fulfilled_before_claimed",
            "实现日期不能早于认领日期。",
            "fulfilled_on cannot be before claimed_on.",
        )
    service_type = rules.live_type(session, wish.kind.value, field="kind")
    rules.check_serves(service_type, person, field="person_id")
    rules.check_on_register(person, data.fulfilled_on, field="fulfilled_on")
    _move(
        session, caller, wish, WishStatus.fulfilled, {"fulfilled_on": data.fulfilled_on}, data.note
    )
    record = ServiceRecord.model_validate(
        {
            "person_id": person.id,
            "service_type": service_type.code,
            "delivered_on": data.fulfilled_on,
            "quantity": 1,
            "wish_id": wish.id,
            "notes": data.note or None,
            "created_by_id": caller.id,
            "created_by": caller.name[:128],
        }
    )
    session.add(record)
    session.flush()
    resources.audit_write(
        session,
        caller,
        record,
        "create",
        changed_fields=["delivered_on", "person_id", "service_type"],
        detail={"wish_id": str(wish.id)},
    )
    return wish


def cancel_wish(
    session: Session,
    caller: Principal,
    wish_id: uuid.UUID,
    data: WishCancel,
    if_match: str | None,
) -> Wish:
    """open | claimed → cancelled, with the reason on the timeline."""
    wish, _ = _for_change(session, caller, wish_id, if_match)
    _check_transition(wish, WishStatus.cancelled)
    _move(session, caller, wish, WishStatus.cancelled, {}, data.reason)
    return wish


# --- the body of a write's answer ----------------------------------------------------------


def row(session: Session, wish: Wish) -> dict[str, Any]:
    """The read row of a wish inside a write's unit of work (as repository.get_wish)."""
    record = repo.record_of(session, wish)
    return {
        **wish.model_dump(exclude={"donor_phone_cipher"}),
        "service_record_id": record.id if record is not None else None,
        "timeline": [step.model_dump() for step in repo.transitions_of(session, wish.id)],
    }

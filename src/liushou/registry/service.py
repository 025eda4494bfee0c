"""The writes to a person: create, replace, update, exit, reactivate, delete, age out.

Functions flush; routers commit. The columns come from registry/person_values.py (with the
eligibility rules of registry/eligibility.py); every change records a version and an audit
event (registry/versions.py) in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.clock import today
from liushou.config import Settings
from liushou.errors import Conflict, FieldInvalid, NotFound
from liushou.registry import repository as repo
from liushou.registry.eligibility import NotEligible, check_eligible
from liushou.registry.enums import ExitReason, PersonCategory, PersonStatus
from liushou.registry.models import Person
from liushou.registry.person_values import (
    PersonalData,
    apply_values,
    column_values,
    new_person_values,
    validated_profile,
)
from liushou.registry.register import still_counts
from liushou.registry.schemas import (
    PROFILE_FIELD,
    PersonCreate,
    PersonExit,
    PersonReactivate,
    PersonUpdate,
)
from liushou.registry.versions import created_fields, record_version


class DuplicatePerson(Conflict):
    code = "duplicate_person"


def _refuse_duplicate(
    session: Session, caller: Principal, index: str | None, own_id: uuid.UUID
) -> None:
    if index is None:
        return
    existing = repo.live_person_by_index(session, index)
    if existing is None or existing.id == own_id:
        return
    visible = repo.person_visible(session, caller, existing.id, existing.region_path)
    extra: dict[str, Any] = {"existing_id": str(existing.id)} if visible else {}
    raise DuplicatePerson(
        "该身份证号已登记。", "A person with this ID number is already registered.", **extra
    )


def create_person(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    data: PersonCreate,
    person_id: uuid.UUID | None = None,
) -> Person:
    person = Person.model_validate(
        new_person_values(session, settings, pii, caller, data, person_id)
    )
    _refuse_duplicate(session, caller, person.id_number_index, person.id)
    session.add(person)
    session.flush()
    record_version(session, person, caller, "create", created_fields(data))
    return person


def replace_person(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    person: Person,
    data: PersonCreate,
) -> None:
    """PUT on an existing person (a new id: :func:`create_person`)."""
    resources.refuse_immutable_changes(
        data, person, ["category"], "类别创建后不能修改。", "A person's category cannot change."
    )
    profile = getattr(data, PROFILE_FIELD[data.category]).model_dump(mode="json")
    values = column_values(session, settings, pii, caller, person.id, data.model_dump(), profile)
    _refuse_duplicate(session, caller, values["id_number_index"], person.id)
    changed = apply_values(person, values, pii)
    if changed:
        session.flush()
        record_version(session, person, caller, "update", changed)


def update_person(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    person: Person,
    patch: PersonUpdate,
) -> Person:
    given = resources.patched(patch, ("name", "region_id", "left_behind_since"))
    wrong = [
        name
        for name in PROFILE_FIELD.values()
        if name != PROFILE_FIELD[person.category] and given.get(name) is not None
    ]
    if wrong:
        raise FieldInvalid(
            ["body", wrong[0]],
            "profile_mismatch",
            f"{person.category} 只能有 {PROFILE_FIELD[person.category]}。",
            f"A {person.category} takes only {PROFILE_FIELD[person.category]}.",
        )
    current = _current_description(person, pii)
    merged = {**current, **{k: v for k, v in given.items() if k not in PROFILE_FIELD.values()}}
    # A new ID number must agree with the recorded birth date and sex, unless the PATCH
    # corrects them at the same time (docs/registry.md, "Identity").
    recorded = frozenset(
        name for name in ("birth_date", "sex") if given.get("id_number") and name not in given
    )
    profile = dict(person.profile)
    profile.pop("guardian_phone_masked", None)
    if person.category == PersonCategory.child:
        profile["guardian_phone"] = pii.open(
            person.id, "guardian_phone", person.guardian_phone_cipher
        )
    profile.update(given.get(PROFILE_FIELD[person.category]) or {})
    profile = validated_profile(person.category, profile)
    values = column_values(session, settings, pii, caller, person.id, merged, profile, recorded)
    _refuse_duplicate(session, caller, values["id_number_index"], person.id)
    changed = apply_values(person, values, pii)
    if changed:
        session.flush()
        record_version(session, person, caller, "update", changed)
    return person


def _current_description(person: Person, pii: PersonalData) -> dict[str, Any]:
    return {
        "category": person.category,
        "name": person.name,
        "region_id": person.region_id,
        "id_number": pii.open(person.id, "id_number", person.id_number_cipher),
        "sex": person.sex,
        "birth_date": person.birth_date,
        "phone": pii.open(person.id, "phone", person.phone_cipher),
        "address": person.address,
        "left_behind_since": person.left_behind_since,
    }


def writable(session: Session, caller: Principal) -> Callable[[Person], Person]:
    """The check :func:`resources.for_change` and :func:`resources.for_replace` make of the person: the caller
    changes only a person it may see (404 otherwise)."""

    def visible(person: Person) -> Person:
        if not repo.person_visible(session, caller, person.id, person.region_path):
            raise NotFound()
        return person

    return visible


def exit_person(session: Session, caller: Principal, person: Person, data: PersonExit) -> None:
    _refuse_already(person, PersonStatus.exited)
    if data.exited_on > today() or data.exited_on < person.left_behind_since:
        raise FieldInvalid(
            ["body", "exited_on"],
            "invalid_date",
            "退出日期须在留守开始日期与今天之间。",
            "exited_on must lie between left_behind_since and today.",
        )
    values = {
        "status": PersonStatus.exited,
        "exited_on": data.exited_on,
        "exit_reason": data.exit_reason,
    }
    _change_status(session, caller, person, "exit", values)


def reactivate_person(
    session: Session, settings: Settings, caller: Principal, person: Person, data: PersonReactivate
) -> None:
    _refuse_already(person, PersonStatus.active)
    since = data.left_behind_since or person.left_behind_since
    if person.exited_on and data.left_behind_since and since < person.exited_on:
        raise FieldInvalid(
            ["body", "left_behind_since"],
            "invalid_date",
            "新的留守开始日期不能早于退出日期。",
            "The new start cannot be before the exit date.",
        )
    check_eligible(settings, person.category, person.birth_date, person.sex, since)
    if person.category == PersonCategory.child and not still_counts(person.counts_until, today()):
        raise NotEligible("已年满十六周岁。", "The child is 16 or older.")
    values = {
        "status": PersonStatus.active,
        "exited_on": None,
        "exit_reason": None,
        "left_behind_since": since,
    }
    _change_status(session, caller, person, "reactivate", values)


def _refuse_already(person: Person, status: PersonStatus) -> None:
    """409 for an exit or a reactivation that would move the person to the ``status`` it
    is in already."""
    if person.status != status:
        return
    if status == PersonStatus.exited:
        raise Conflict(
            "此人已退出留守名册。", "This person has already exited.", code="already_exited"
        )
    raise Conflict("此人仍在留守名册中。", "This person is already active.", code="already_active")


def _change_status(
    session: Session, caller: Principal, person: Person, action: str, values: dict[str, Any]
) -> None:
    """Apply an exit or a reactivation and record its version (and audit event)."""
    changed = resources.apply_changes(person, values)
    session.flush()
    record_version(session, person, caller, action, changed)


def delete_person(
    session: Session, caller: Principal, person_id: uuid.UUID, if_match: str | None
) -> None:
    person = resources.for_change(session, Person, person_id, if_match, writable(session, caller))
    resources.soft_delete(person, if_match)
    session.flush()
    record_version(session, person, caller, "delete", [])


def age_out(session: Session, caller: Principal, on_or_before: date) -> int:
    """`liushou sweep`: record the exit of every active child whose 16th birthday has come."""
    due = session.exec(
        select(Person)
        .where(
            col(Person.deleted_at).is_(None),
            Person.status == PersonStatus.active,
            col(Person.counts_until).is_not(None),
            col(Person.counts_until) <= on_or_before,
        )
        .with_for_update()
    ).all()
    for person in due:
        values = {
            "status": PersonStatus.exited,
            "exited_on": person.counts_until,
            "exit_reason": ExitReason.aged_out,
        }
        _change_status(session, caller, person, "exit", values)
    return len(due)

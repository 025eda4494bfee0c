"""The registry's rules: identifiers, eligibility, personal data, duplicates, versions.

Functions flush; routers commit. Every change to a person writes a PersonVersion (history
and as-of) and an audit event in the same transaction; neither holds a clear identifier.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import SecretStr
from pypinyin import Style, lazy_pinyin
from sqlmodel import Session, col, select

from liushou import clock
from liushou.api.concurrency import check_if_match
from liushou.api.resources import apply_changes, load_for_write, require_live
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.clock import today
from liushou.config import Settings
from liushou.errors import (
    Conflict,
    FieldInvalid,
    Forbidden,
    NotFound,
    Unprocessable,
    field_error,
)
from liushou.pii import BlindIndex, FieldCipher, keys_from_settings
from liushou.regions.models import Region, RegionLevel
from liushou.registry import identifiers as ids
from liushou.registry import repository as repo
from liushou.registry.enums import (
    ExitReason,
    GuardianshipType,
    HealthStatus,
    LivingArrangement,
    PersonCategory,
    PersonStatus,
    RiskTier,
    SchoolingStatus,
    Sex,
)
from liushou.registry.models import Consent, Person, PersonVersion
from liushou.registry.register import still_counts
from liushou.registry.schemas import (
    PROFILE_FIELD,
    ChildProfile,
    ConsentCreate,
    ElderProfile,
    PersonCreate,
    PersonExit,
    PersonReactivate,
    PersonUpdate,
    Revealed,
    WomanProfile,
)
from liushou.visibility import is_assigned

PROFILE_MODELS: dict[PersonCategory, type[Any]] = {
    PersonCategory.child: ChildProfile,
    PersonCategory.woman: WomanProfile,
    PersonCategory.elder: ElderProfile,
}
PROMOTED_FIELDS = (
    "guardianship_type",
    "schooling_status",
    "health_status",
    "living_arrangement",
    "risk_tier",
)
# Fields whose clear value never leaves the service except through reveal.
SECRET_FIELDS = ("id_number", "phone", "guardian_phone")


@dataclass(frozen=True)
class PersonalData:
    """The keys for personal data at rest, built once per app."""

    cipher: FieldCipher
    index: BlindIndex

    @classmethod
    def from_settings(cls, settings: Settings) -> PersonalData:
        """The keys these settings name (development: the key file). Raises KeyConfigError."""

        def secret(value: SecretStr | None) -> str | None:
            return value.get_secret_value() if value is not None else None

        return cls(
            *keys_from_settings(
                secret(settings.data_key),
                secret(settings.index_key),
                production=settings.environment == "production",
                dev_key_file=settings.dev_key_file,
            )
        )

    def seal(self, person_id: uuid.UUID, field: str, value: str) -> str:
        return self.seal_in("person", person_id, field, value)

    def open(self, person_id: uuid.UUID, field: str, token: str | None) -> str | None:
        return self.open_in("person", person_id, field, token)

    def seal_in(self, table: str, row_id: uuid.UUID, field: str, value: str) -> str:
        """``value`` encrypted for one column of one row of ``table``."""
        # Associated data binds the ciphertext to its row and column: no swapping.
        return self.cipher.encrypt(value, f"{table}:{row_id}:{field}".encode())

    def open_in(self, table: str, row_id: uuid.UUID, field: str, token: str | None) -> str | None:
        if token is None:
            return None
        return self.cipher.decrypt(token, f"{table}:{row_id}:{field}".encode())


class NotEligible(Unprocessable):
    code = "not_eligible"


class DuplicatePerson(Conflict):
    code = "duplicate_person"


# --- building a person's column values ------------------------------------------------


def pinyin_of(name: str) -> tuple[str, str]:
    """("zhang wei", "zw"): toneless syllables and their initials, lower case."""
    syllables = [
        s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()
    ]
    return " ".join(syllables), "".join(s[0] for s in syllables if s)


def _village(session: Session, caller: Principal, region_id: uuid.UUID) -> Region:
    region = session.get(Region, region_id)
    if (
        region is None
        or region.deleted_at is not None
        or region.level != RegionLevel.village
        or not repo.region_writable(region.path, caller)
    ):
        raise FieldInvalid(
            ["body", "region_id"],
            "invalid_region",
            "所属村/社区不存在或不在您的管辖范围内。",
            "The village does not exist or is outside your region.",
        )
    return region


def _identity(
    data: dict[str, Any], recorded: frozenset[str] = frozenset()
) -> tuple[ids.IdNumber | None, Any, Any]:
    """The parsed ID number and the birth date and sex, checked against each other.

    The ID number is the source of both (docs/registry.md, "Identity"): a birth date or sex
    that disagrees with it is refused, never silently replaced. ``recorded`` names the ones
    kept from the stored person rather than sent with the number (a PATCH of id_number):
    the error then points at the number and asks for the correction to be sent with it.
    """
    number = data.get("id_number")
    if not number:
        return None, data.get("birth_date"), data.get("sex")
    try:
        parsed = ids.parse_id_number(number, today())
    except ids.InvalidIdNumber as exc:
        raise FieldInvalid(["body", "id_number"], exc.code, exc.message_zh, exc.message_en)
    for field, derived in (("birth_date", parsed.birth_date), ("sex", parsed.sex)):
        given = data.get(field)
        if given is None or str(given) == str(derived):
            continue
        if field in recorded:
            raise FieldInvalid(
                ["body", "id_number"],
                "id_number_mismatch",
                f"身份证号中的 {field} 与登记的不符；如需更正，请同时提交 {field}。",
                f"The ID number's {field} differs from the recorded one; "
                f"send {field} with it to correct the record.",
            )
        raise FieldInvalid(
            ["body", field],
            "id_number_mismatch",
            f"{field} 与身份证号不符。",
            f"{field} does not agree with the ID number.",
        )
    return parsed, parsed.birth_date, parsed.sex


def _check_eligible(
    settings: Settings,
    category: PersonCategory,
    birth_date: date,
    sex: str,
    since: date,
    sex_loc: tuple[str, ...] = ("body", "sex"),
) -> date | None:
    """Refuse (422 not_eligible) unless eligible on ``since``; a child's last day + 1.

    ``sex_loc`` is where the sex came from (the ID number when it was derived from it)."""
    if since > today():
        raise FieldInvalid(
            ["body", "left_behind_since"],
            "date_in_future",
            "留守开始日期不能晚于今天。",
            "left_behind_since cannot be in the future.",
        )
    if birth_date > since:
        raise NotEligible("出生日期晚于留守开始日期。", "Born after left_behind_since.")
    age = ids.age_on(birth_date, since)
    if category == PersonCategory.child:
        # Only the age on `since` decides (docs/registry.md): a child registered late, after its
        # 16th birthday, is on record (and counts for the days before it) but not active.
        until = ids.sixteenth_birthday(birth_date)
        if age >= 16:
            raise NotEligible(
                "留守儿童须不满十六周岁。",
                "A left-behind child is under 16.",
            )
        return until
    if category == PersonCategory.elder and age < 60:
        raise NotEligible("留守老人须年满六十周岁。", "A left-behind elder is 60 or over.")
    if category == PersonCategory.woman and sex != Sex.female:
        # A left-behind woman (留守妇女) is a woman whose husband works away.
        raise NotEligible(
            "留守妇女的性别须为女。",
            "A left-behind woman is female.",
            errors=[field_error(sex_loc, "A left-behind woman is female.", "not_eligible")],
        )
    if category == PersonCategory.woman and not (
        settings.woman_min_age <= age <= settings.woman_max_age
    ):
        raise NotEligible(
            f"留守妇女的年龄须在 {settings.woman_min_age}–{settings.woman_max_age} 岁之间。",
            f"A left-behind woman is {settings.woman_min_age} to {settings.woman_max_age}.",
        )
    return None


_PROMOTED_ENUMS: dict[str, type[StrEnum]] = {
    "guardianship_type": GuardianshipType,
    "schooling_status": SchoolingStatus,
    "health_status": HealthStatus,
    "living_arrangement": LivingArrangement,
    "risk_tier": RiskTier,
}


def _profile_columns(category: PersonCategory, profile: dict[str, Any]) -> dict[str, Any]:
    values = dict.fromkeys(PROMOTED_FIELDS)
    for name in PROMOTED_FIELDS:
        if profile.get(name) is not None:
            # The profile holds JSON codes; the columns are typed by the enums.
            values[name] = _PROMOTED_ENUMS[name](profile[name])
    return values


def _validated_profile(category: PersonCategory, raw: dict[str, Any]) -> dict[str, Any]:
    model = PROFILE_MODELS[category]
    try:
        return model.model_validate(raw).model_dump(mode="json")
    except ValueError as exc:  # pydantic.ValidationError is a ValueError
        errors: list[dict[str, Any]] = getattr(exc, "errors", lambda: [])()
        field = PROFILE_FIELD[category]
        raise Unprocessable(
            "档案数据未通过校验。",
            "The profile failed validation.",
            code="validation_error",
            errors=[
                {"loc": ["body", field, *map(str, e["loc"])], "msg": e["msg"], "code": e["type"]}
                for e in errors
            ],
        )


def _person_values(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    person_id: uuid.UUID,
    data: dict[str, Any],
    profile: dict[str, Any],
    recorded: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Every column of a person from a complete, validated description of it (``recorded``:
    see :func:`_identity`)."""
    category = PersonCategory(data["category"])
    village = _village(session, caller, data["region_id"])
    parsed, birth_date, sex = _identity(data, recorded)
    derived_sex = parsed is not None and (data.get("sex") is None or "sex" in recorded)
    counts_until = _check_eligible(
        settings,
        category,
        birth_date,
        sex,
        data["left_behind_since"],
        ("body", "id_number") if derived_sex else ("body", "sex"),
    )
    profile = dict(profile)
    guardian_phone = profile.pop("guardian_phone", None)
    values: dict[str, Any] = {
        "category": category,
        "name": data["name"],
        "region_id": village.id,
        "region_path": village.path,
        "sex": sex,
        "birth_date": birth_date,
        "address": data.get("address"),
        "left_behind_since": data["left_behind_since"],
        "counts_until": counts_until,
        **_profile_columns(category, profile),
    }
    values["name_pinyin"], values["name_initials"] = pinyin_of(data["name"])
    if parsed is not None:
        values["id_number_index"] = pii.index.index(parsed.number)
        values["id_number_masked"] = ids.mask_id_number(parsed.number)
        values["id_number_cipher"] = pii.seal(person_id, "id_number", parsed.number)
    else:
        values.update(id_number_index=None, id_number_masked=None, id_number_cipher=None)
    phone = _mobile(data.get("phone"), ["body", "phone"])
    values["phone_masked"] = ids.mask_mobile(phone) if phone else None
    values["phone_cipher"] = pii.seal(person_id, "phone", phone) if phone else None
    guardian = _mobile(guardian_phone, ["body", "child_profile", "guardian_phone"])
    values["guardian_phone_cipher"] = (
        pii.seal(person_id, "guardian_phone", guardian) if guardian else None
    )
    if category == PersonCategory.child:
        profile["guardian_phone_masked"] = ids.mask_mobile(guardian) if guardian else None
    values["profile"] = profile
    return values


def _mobile(value: str | None, loc: list[str]) -> str | None:
    if not value:
        return None
    try:
        return ids.normalize_mobile(value)
    except ids.InvalidPhone as exc:
        raise FieldInvalid(loc, exc.code, exc.message_zh, exc.message_en)


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


def _apply(person: Person, values: dict[str, Any], pii: PersonalData) -> list[str]:
    """Apply column values; ciphertexts count as changed only if the clear value changed."""
    comparable = dict(values)
    for field in SECRET_FIELDS:
        column = f"{field}_cipher"
        new_token = comparable.pop(column)
        old_clear = pii.open(person.id, field, getattr(person, column))
        new_clear = pii.open(person.id, field, new_token)
        if old_clear != new_clear:
            comparable[column] = new_token
    changed = apply_changes(person, comparable)
    return sorted({_public_field(name) for name in changed})


def _public_field(column: str) -> str:
    """The API name of a column, for history and audit (never values)."""
    if column.endswith("_cipher"):
        return column.removesuffix("_cipher")
    if column in ("id_number_index", "id_number_masked"):
        return "id_number"
    if column == "phone_masked":
        return "phone"
    if column in ("name_pinyin", "name_initials"):
        return "name"
    if column == "region_path":
        return "region_id"
    if column == "counts_until":
        return "birth_date"
    if column in PROMOTED_FIELDS or column == "profile":
        return "profile"
    return column


# --- versions ----------------------------------------------------------------------------


def record_version(
    session: Session, person: Person, caller: Principal, action: str, changed: list[str]
) -> None:
    session.add(PersonVersion(**version_values(person, caller, action, changed)))
    audit.record(
        session,
        caller,
        f"person.{action}",
        resource_type="person",
        resource_id=person.id,
        changed_fields=changed,
    )


def version_values(
    person: Any, caller: Principal, action: str, changed: list[str]
) -> dict[str, Any]:
    """The PersonVersion columns for ``person``'s current state (a Person, or any object
    with its attributes: imports insert versions in bulk, without ORM objects)."""
    snapshot = {
        "category": str(person.category),
        "name": person.name,
        "region_id": str(person.region_id),
        "sex": str(person.sex),
        "birth_date": person.birth_date.isoformat(),
        "id_number_masked": person.id_number_masked,
        "phone_masked": person.phone_masked,
        "address": person.address,
        "status": str(person.status),
        "left_behind_since": person.left_behind_since.isoformat(),
        "exited_on": person.exited_on.isoformat() if person.exited_on else None,
        "exit_reason": str(person.exit_reason) if person.exit_reason else None,
        "profile": person.profile,
        "guardianship_type": str(person.guardianship_type) if person.guardianship_type else None,
    }
    return {
        "id": uuid.uuid4(),
        "person_id": person.id,
        "version": person.version,
        "at": person.updated_at,
        "actor_id": caller.id,
        "actor_name": caller.name,
        "action": action,
        "changed_fields": sorted(changed),
        "category": person.category,
        "region_path": person.region_path,
        "status": person.status,
        "left_behind_since": person.left_behind_since,
        "exited_on": person.exited_on,
        "counts_until": person.counts_until,
        "deleted": person.deleted_at is not None,
        "snapshot": snapshot,
    }


# --- writes ------------------------------------------------------------------------------


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
    record_version(session, person, caller, "create", _created_fields(data))
    return person


def new_person_values(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    data: PersonCreate,
    person_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    """The columns of the new person ``data`` describes, checked by every rule except the
    duplicate check (create_person builds one Person; imports insert many at once)."""
    person_id = person_id or uuid.uuid4()
    profile = getattr(data, PROFILE_FIELD[data.category]).model_dump(mode="json")
    values = _person_values(session, settings, pii, caller, person_id, data.model_dump(), profile)
    return {**values, "id": person_id, "status": PersonStatus.active}


def created_fields(data: PersonCreate) -> list[str]:
    """The fields a create gave: the changed_fields of its first version."""
    return _created_fields(data)


def _created_fields(data: PersonCreate) -> list[str]:
    return sorted(name for name in data.model_fields_set if getattr(data, name) is not None)


def replace_person(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    person_id: uuid.UUID,
    data: PersonCreate,
    if_match: str | None,
) -> tuple[Person, bool]:
    """PUT: create with the client's id (True) or replace the person (False)."""
    person = load_for_write(session, Person, person_id, include_deleted=True)
    if person is None:
        check_if_match(if_match, None)
        return create_person(session, settings, pii, caller, data, person_id), True
    person = _writable(session, require_live(person), caller)
    check_if_match(if_match, person.version)
    if data.category != person.category:
        raise FieldInvalid(
            ["body", "category"],
            "immutable_field",
            "类别创建后不能修改。",
            "A person's category cannot change.",
        )
    profile = getattr(data, PROFILE_FIELD[data.category]).model_dump(mode="json")
    values = _person_values(session, settings, pii, caller, person.id, data.model_dump(), profile)
    _refuse_duplicate(session, caller, values["id_number_index"], person.id)
    changed = _apply(person, values, pii)
    if changed:
        session.flush()
        record_version(session, person, caller, "update", changed)
    return person, False


def update_person(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    person_id: uuid.UUID,
    patch: PersonUpdate,
    if_match: str | None,
) -> Person:
    person = _writable(session, require_live(load_for_write(session, Person, person_id)), caller)
    check_if_match(if_match, person.version)
    given = patch.model_dump(exclude_unset=True)
    for name in ("name", "region_id", "left_behind_since"):
        if name in given and given[name] is None:
            raise FieldInvalid(
                ["body", name], "validation_error", f"{name} 不能为空。", f"{name} cannot be null."
            )
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
    profile = _validated_profile(person.category, profile)
    values = _person_values(session, settings, pii, caller, person.id, merged, profile, recorded)
    _refuse_duplicate(session, caller, values["id_number_index"], person.id)
    changed = _apply(person, values, pii)
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


def _writable(session: Session, person: Person, caller: Principal) -> Person:
    if not repo.person_visible(session, caller, person.id, person.region_path):
        raise NotFound()
    return person


def exit_person(
    session: Session,
    caller: Principal,
    person_id: uuid.UUID,
    data: PersonExit,
    if_match: str | None,
) -> Person:
    person = _writable(session, require_live(load_for_write(session, Person, person_id)), caller)
    check_if_match(if_match, person.version)
    if person.status == PersonStatus.exited:
        raise Conflict(
            "此人已退出留守名册。", "This person has already exited.", code="already_exited"
        )
    if data.exited_on > today() or data.exited_on < person.left_behind_since:
        raise FieldInvalid(
            ["body", "exited_on"],
            "invalid_date",
            "退出日期须在留守开始日期与今天之间。",
            "exited_on must lie between left_behind_since and today.",
        )
    changed = apply_changes(
        person,
        {
            "status": PersonStatus.exited,
            "exited_on": data.exited_on,
            "exit_reason": data.exit_reason,
        },
    )
    session.flush()
    record_version(session, person, caller, "exit", changed)
    return person


def reactivate_person(
    session: Session,
    settings: Settings,
    caller: Principal,
    person_id: uuid.UUID,
    data: PersonReactivate,
    if_match: str | None,
) -> Person:
    person = _writable(session, require_live(load_for_write(session, Person, person_id)), caller)
    check_if_match(if_match, person.version)
    if person.status == PersonStatus.active:
        raise Conflict(
            "此人仍在留守名册中。", "This person is already active.", code="already_active"
        )
    since = data.left_behind_since or person.left_behind_since
    if person.exited_on and data.left_behind_since and since < person.exited_on:
        raise FieldInvalid(
            ["body", "left_behind_since"],
            "invalid_date",
            "新的留守开始日期不能早于退出日期。",
            "The new start cannot be before the exit date.",
        )
    _check_eligible(settings, person.category, person.birth_date, person.sex, since)
    if person.category == PersonCategory.child and not still_counts(person.counts_until, today()):
        raise NotEligible("已年满十六周岁。", "The child is 16 or older.")
    changed = apply_changes(
        person,
        {
            "status": PersonStatus.active,
            "exited_on": None,
            "exit_reason": None,
            "left_behind_since": since,
        },
    )
    session.flush()
    record_version(session, person, caller, "reactivate", changed)
    return person


def delete_person(
    session: Session, caller: Principal, person_id: uuid.UUID, if_match: str | None
) -> None:
    person = load_for_write(session, Person, person_id)
    if person is None:
        raise NotFound()
    _writable(session, person, caller)
    check_if_match(if_match, person.version)
    person.deleted_at = clock.now()
    person.updated_at = person.deleted_at
    person.version += 1
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
        changed = apply_changes(
            person,
            {
                "status": PersonStatus.exited,
                "exited_on": person.counts_until,
                "exit_reason": ExitReason.aged_out,
            },
        )
        session.flush()
        record_version(session, person, caller, "exit", changed)
    return len(due)


# --- reveal ------------------------------------------------------------------------------


def reveal(
    session: Session, pii: PersonalData, caller: Principal, person_id: uuid.UUID, purpose: str
) -> Revealed:
    """The clear values, audited with the purpose. A refusal (404 outside the caller's area,
    403 without the right) is audited too; the caller commits in both cases."""
    person = repo.visible_person(session, caller, person_id)
    if person is None:
        record_refused_reveal(session, caller, person_id, purpose, "not_found")
        raise NotFound()
    if not may_reveal(session, caller, person):
        record_refused_reveal(session, caller, person_id, purpose, "not_permitted")
        raise Forbidden(
            "您无权查看此人的个人信息。",
            "You may not see this person's personal data.",
            code="reveal_forbidden",
        )
    audit.record(
        session,
        caller,
        "person.reveal",
        resource_type="person",
        resource_id=person.id,
        changed_fields=["id_number", "phone", "guardian_phone"],
        detail={"purpose": purpose},
    )
    return Revealed(
        id_number=pii.open(person.id, "id_number", person.id_number_cipher),
        phone=pii.open(person.id, "phone", person.phone_cipher),
        guardian_phone=pii.open(person.id, "guardian_phone", person.guardian_phone_cipher),
    )


def record_refused_reveal(
    session: Session, caller: Principal, person_id: uuid.UUID, purpose: str | None, reason: str
) -> None:
    """Audit a reveal that was refused (``reason``: insufficient_scope, not_found, ...)."""
    audit.record(
        session,
        caller,
        "person.reveal",
        resource_type="person",
        resource_id=person_id,
        outcome="denied",
        detail={"purpose": purpose, "reason": reason},
    )


def may_reveal(session: Session, caller: Principal, person: Person) -> bool:
    if caller.role in (Role.admin, Role.street_staff):
        return True
    # A village contact may reveal only the persons actively assigned to it (docs/domain.md).
    return caller.role == Role.village_contact and is_assigned(session, caller, person.id)


# --- consents ----------------------------------------------------------------------------


def add_consent(
    session: Session,
    caller: Principal,
    person_id: uuid.UUID,
    data: ConsentCreate,
    consent_id: uuid.UUID | None = None,
) -> Consent:
    person = repo.visible_person(session, caller, person_id)
    if person is None:
        raise NotFound()
    if data.given_on > today():
        raise FieldInvalid(
            ["body", "given_on"],
            "date_in_future",
            "同意日期不能晚于今天。",
            "given_on cannot be in the future.",
        )
    if data.expires_on is not None and data.expires_on <= data.given_on:
        raise FieldInvalid(
            ["body", "expires_on"],
            "invalid_date",
            "到期日须晚于同意日期。",
            "expires_on must be after given_on.",
        )
    if data.given_by.value == "guardian" and not data.guardian_name:
        raise FieldInvalid(
            ["body", "guardian_name"],
            "guardian_name_required",
            "监护人同意须填写监护人姓名。",
            "A guardian's consent names the guardian.",
        )
    if (
        person.category == PersonCategory.child
        and ids.age_on(person.birth_date, data.given_on) < 14
        and data.given_by.value != "guardian"
    ):
        # PIPL art. 31: for a child under 14 only the guardian's consent counts.
        raise FieldInvalid(
            ["body", "given_by"],
            "guardian_consent_required",
            "不满十四周岁的儿童须由监护人同意。",
            "For a child under 14 only a guardian's consent counts.",
        )
    consent = Consent.model_validate(
        {**data.model_dump(), "id": consent_id or uuid.uuid4(), "person_id": person.id}
    )
    session.add(consent)
    session.flush()
    audit.record(
        session,
        caller,
        "consent.create",
        resource_type="consent",
        resource_id=consent.id,
        changed_fields=sorted(data.model_fields_set),
        detail={"person_id": str(person.id)},
    )
    return consent


def withdraw_consent(
    session: Session,
    caller: Principal,
    person_id: uuid.UUID,
    consent_id: uuid.UUID,
    withdrawn_on: date,
    if_match: str | None,
) -> Consent:
    consent = load_for_write(session, Consent, consent_id)
    person = repo.visible_person(session, caller, person_id)
    if consent is None or person is None or consent.person_id != person_id:
        raise NotFound()
    check_if_match(if_match, consent.version)
    if consent.withdrawn_on is not None:
        raise Conflict(
            "该同意已撤回。", "This consent was already withdrawn.", code="already_withdrawn"
        )
    if withdrawn_on < consent.given_on:
        raise FieldInvalid(
            ["body", "withdrawn_on"],
            "invalid_date",
            "撤回日期不能早于同意日期。",
            "withdrawn_on cannot precede given_on.",
        )
    changed = apply_changes(consent, {"withdrawn_on": withdrawn_on})
    audit.record(
        session,
        caller,
        "consent.withdraw",
        resource_type="consent",
        resource_id=consent.id,
        changed_fields=changed,
    )
    return consent


# --- as_of -------------------------------------------------------------------------------

# Filters that describe a person's state today; `as_of` answers with the state of another
# day, which the versions do not index. Refused rather than silently applied to today.
AS_OF_UNSUPPORTED = (
    "status",
    "q",
    "guardianship_type",
    "schooling_status",
    "health_status",
    "living_arrangement",
    "risk_tier",
    "age_min",
    "age_max",
    "alert",
    "overdue",
    "unassigned",
)


def check_as_of_filters(filters: Any, updated_since: Any = None) -> None:
    """422 ``unsupported_with_as_of`` for a filter `as_of` cannot honour (region_id,
    category and id_number can be combined with it)."""
    given = [name for name in AS_OF_UNSUPPORTED if getattr(filters, name) is not None]
    if updated_since is not None:
        given.append("updated_since")
    if given:
        raise Unprocessable(
            f"as_of 不能与以下筛选条件同时使用：{', '.join(given)}。",
            f"as_of cannot be combined with: {', '.join(given)}.",
            code="unsupported_with_as_of",
            errors=[
                {
                    "loc": ["query", name],
                    "msg": "not supported with as_of",
                    "code": "unsupported_with_as_of",
                }
                for name in given
            ],
        )

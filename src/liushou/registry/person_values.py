"""A person's stored column values, built from a complete, validated description of them.

The keys for personal data at rest (:class:`PersonalData`), the ID number's birth date and
sex, the blind index, ciphertexts and masks of the secret fields, the name's pinyin, the
profile and its promoted columns; and, for a write, which public fields new values change.
Every way in (POST, PUT, PATCH, the import) goes through :func:`column_values`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from pydantic import SecretStr
from pypinyin import Style, lazy_pinyin
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session

from liushou.api.resources import apply_changes
from liushou.auth.principal import Principal
from liushou.clock import today
from liushou.config import Settings
from liushou.errors import FieldInvalid, Unprocessable
from liushou.pii import BlindIndex, FieldCipher, keys_from_settings
from liushou.regions.models import Region, RegionLevel
from liushou.regions.repository import region_t
from liushou.registry import identifiers as ids
from liushou.registry import repository as repo
from liushou.registry.eligibility import check_eligible
from liushou.registry.enums import PersonCategory, PersonStatus
from liushou.registry.models import PROMOTED_COLUMNS, Person
from liushou.registry.schemas import (
    PROFILE_FIELD,
    ChildProfile,
    ElderProfile,
    PersonCreate,
    WomanProfile,
)

PROFILE_MODELS: dict[PersonCategory, type[Any]] = {
    PersonCategory.child: ChildProfile,
    PersonCategory.woman: WomanProfile,
    PersonCategory.elder: ElderProfile,
}
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


def pinyin_of(name: str) -> tuple[str, str]:
    """("zhang wei", "zw"): toneless syllables and their initials, lower case."""
    syllables = [
        s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()
    ]
    return " ".join(syllables), "".join(s[0] for s in syllables if s)


# The path and level of a live region, built once: a write reads these two columns rather
# than load a whole Region through the ORM (docs/performance.md, "Writes").
_LIVE_REGION = sa.select(region_t.c.path, region_t.c.level).where(
    region_t.c.id == sa.bindparam("id"), region_t.c.deleted_at.is_(None)
)


def _village_path(session: Session, caller: Principal, region_id: uuid.UUID) -> str:
    """The path of the live village ``region_id`` where the caller may place persons (422
    otherwise). A region the session holds already is not read again (the import loads the
    villages of a whole sheet at once)."""
    found: tuple[str, Any] | None
    loaded = session.identity_map.get(identity_key(Region, region_id))
    if loaded is None:
        row = session.execute(_LIVE_REGION, {"id": region_id}).one_or_none()
        found = None if row is None else (row.path, row.level)
    else:
        found = None if loaded.deleted_at is not None else (loaded.path, loaded.level)
    if (
        found is None
        or found[1] != RegionLevel.village
        or not repo.region_writable(found[0], caller)
    ):
        raise FieldInvalid(
            ["body", "region_id"],
            "invalid_region",
            "所属村/社区不存在或不在您的管辖范围内。",
            "The village does not exist or is outside your region.",
        )
    return found[0]


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


def _profile_columns(category: PersonCategory, profile: dict[str, Any]) -> dict[str, Any]:
    values = dict.fromkeys(PROMOTED_COLUMNS)
    for name, enum in PROMOTED_COLUMNS.items():
        if profile.get(name) is not None:
            # The profile holds JSON codes; the columns are typed by the enums.
            values[name] = enum(profile[name])
    return values


def validated_profile(category: PersonCategory, raw: dict[str, Any]) -> dict[str, Any]:
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


def column_values(
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
    village_path = _village_path(session, caller, data["region_id"])
    parsed, birth_date, sex = _identity(data, recorded)
    derived_sex = parsed is not None and (data.get("sex") is None or "sex" in recorded)
    counts_until = check_eligible(
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
        "region_id": data["region_id"],
        "region_path": village_path,
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
    values = column_values(session, settings, pii, caller, person_id, data.model_dump(), profile)
    return {**values, "id": person_id, "status": PersonStatus.active}


def apply_values(person: Person, values: dict[str, Any], pii: PersonalData) -> list[str]:
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
    if column in PROMOTED_COLUMNS or column == "profile":
        return "profile"
    return column

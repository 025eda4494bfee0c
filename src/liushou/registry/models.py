"""Registry tables: persons, their versions (history, as-of) and consents."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou import clock
from liushou.db import Resource, UTCDateTime, enum_type, path_type
from liushou.indexes import partial_index, partial_unique_index
from liushou.registry.enums import (
    ConsentGiver,
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


class Person(Resource, table=True):
    __tablename__ = "person"
    __table_args__ = (
        # One live person per ID number; the blind index stands in for the encrypted value.
        partial_unique_index(
            "uq_person_id_number_index_live",
            "id_number_index",
            "deleted_at IS NULL AND id_number_index IS NOT NULL",
        ),
        # The list's main access path: a region subtree, by category and status.
        sa.Index("ix_person_scope", "region_path", "category", "status"),
        # The list's order and its region filters at once: a page at any depth is one
        # bounded range scan (docs/performance.md, "Deep pages").
        partial_index("ix_person_region_path_id", "region_path", "id", where="deleted_at IS NULL"),
    )

    category: PersonCategory = Field(sa_type=enum_type(PersonCategory, "person_category"))
    name: str = Field(max_length=100)
    # Toneless pinyin ("zhang wei") and initials ("zw"): `q` and duplicate candidates.
    name_pinyin: str = Field(max_length=400)
    name_initials: str = Field(max_length=100, index=True)
    region_id: uuid.UUID = Field(foreign_key="region.id", index=True)
    # The village's materialised path, copied so scoping is one range condition.
    region_path: str = Field(sa_type=path_type())
    sex: Sex = Field(sa_type=enum_type(Sex, "person_sex"))
    birth_date: date = Field(index=True)
    # Personal data: AES-GCM ciphertext, blind index, masked form. Never the clear value.
    id_number_cipher: str | None = Field(default=None, max_length=255)
    id_number_index: str | None = Field(default=None, max_length=64)
    id_number_masked: str | None = Field(default=None, max_length=18)
    phone_cipher: str | None = Field(default=None, max_length=255)
    phone_masked: str | None = Field(default=None, max_length=11)
    guardian_phone_cipher: str | None = Field(default=None, max_length=255)
    address: str | None = Field(default=None, max_length=200)
    status: PersonStatus = Field(sa_type=enum_type(PersonStatus, "person_status"))
    left_behind_since: date
    exited_on: date | None = None
    exit_reason: ExitReason | None = Field(
        default=None, sa_type=enum_type(ExitReason, "person_exit_reason")
    )
    # A child stops counting on its 16th birthday; null for women and elders.
    counts_until: date | None = Field(default=None, index=True)
    # Profile attributes promoted to columns so the list filters use indexes.
    guardianship_type: GuardianshipType | None = Field(
        default=None, sa_type=enum_type(GuardianshipType, "person_guardianship_type"), index=True
    )
    schooling_status: SchoolingStatus | None = Field(
        default=None, sa_type=enum_type(SchoolingStatus, "person_schooling_status"), index=True
    )
    health_status: HealthStatus | None = Field(
        default=None, sa_type=enum_type(HealthStatus, "person_health_status"), index=True
    )
    living_arrangement: LivingArrangement | None = Field(
        default=None,
        sa_type=enum_type(LivingArrangement, "person_living_arrangement"),
        index=True,
    )
    risk_tier: RiskTier | None = Field(
        default=None, sa_type=enum_type(RiskTier, "person_risk_tier"), index=True
    )
    # The whole profile as given (guardian_phone replaced by its masked form).
    profile: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)


# The profile attributes Person copies into columns, with their enums: person_values fills
# them from the profile.
PROMOTED_COLUMNS: dict[str, type[StrEnum]] = {
    "guardianship_type": GuardianshipType,
    "schooling_status": SchoolingStatus,
    "health_status": HealthStatus,
    "living_arrangement": LivingArrangement,
    "risk_tier": RiskTier,
}


class PersonVersion(SQLModel, table=True):
    """Every state a person has been in: the history, and the basis of `as_of` queries."""

    __tablename__ = "person_version"
    __table_args__ = (sa.UniqueConstraint("person_id", "version"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    version: int
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    actor_id: uuid.UUID | None = None
    actor_name: str = Field(max_length=100)
    action: str = Field(max_length=32)
    changed_fields: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    # The attributes the as-of filter needs, as columns; the rest in `snapshot` (masked).
    category: PersonCategory = Field(sa_type=enum_type(PersonCategory, "person_category"))
    region_path: str = Field(sa_type=path_type())
    status: PersonStatus = Field(sa_type=enum_type(PersonStatus, "person_status"))
    left_behind_since: date
    exited_on: date | None = None
    counts_until: date | None = None
    deleted: bool = False
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)


class Consent(Resource, table=True):
    __tablename__ = "consent"

    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    given_by: ConsentGiver = Field(sa_type=enum_type(ConsentGiver, "consent_given_by"))
    guardian_name: str | None = Field(default=None, max_length=100)
    # Organization ids (as strings) or organization types.
    recipients: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    purpose: str = Field(max_length=500)
    given_on: date
    expires_on: date | None = None
    withdrawn_on: date | None = None
    note: str | None = Field(default=None, max_length=1000)


class IdNumberLookup(SQLModel, table=True):
    """One look-up by full ID number (``?id_number=`` on the list or an export), counted
    per caller for the look-up limit (docs/privacy.md). Rows out of the window are pruned."""

    __tablename__ = "id_number_lookup"
    __table_args__ = (sa.Index("ix_id_number_lookup_principal_at", "principal_id", "at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    principal_id: uuid.UUID
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)

"""Tables of the legal-advisor programme (docs/legal.md).

The law firm is the contracting party (律师法 art. 25); the advisor is who serves. A
contract's villages are rows of ``legal_contract_village``, each with its region's path
(copied when written: a region's parent never changes), so a caller's scope is a range on
the path. ``last_day`` is derived from the dates (legal/coverage.py) and kept by the service.
A legal activity carries its village's path the same way, and the contract that covered it.
"""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou.db import Resource, enum_type, path_type
from liushou.indexes import partial_index, partial_unique_index
from liushou.legal.enums import AdvisorCategory, LegalActivityMode, LegalActivityType

LIVE = "deleted_at IS NULL"


class LegalAdvisor(Resource, table=True):
    """A lawyer or grassroots legal worker serving villages (法律顾问)."""

    __tablename__ = "legal_advisor"
    __table_args__ = (
        # 律师执业证号: unique among live advisors (a deleted advisor's number may return).
        partial_unique_index("uq_legal_advisor_license_no_live", "license_no", LIVE),
        # One advisor per legal_advisor login.
        partial_unique_index("uq_legal_advisor_user_id_live", "user_id", LIVE),
        partial_index("ix_legal_advisor_law_firm_id", "law_firm_id", where=LIVE),
    )

    name: str = Field(max_length=100)
    law_firm_id: uuid.UUID = Field(foreign_key="organization.id")
    license_no: str = Field(max_length=17)
    phone: str = Field(max_length=20)
    category: AdvisorCategory = Field(sa_type=enum_type(AdvisorCategory, "advisor_category"))
    service_hours: str | None = Field(default=None, max_length=200)
    user_id: uuid.UUID | None = Field(default=None, foreign_key="user_account.id")
    active: bool = True


class LegalContract(Resource, table=True):
    """A law firm's contract to serve villages through one advisor, for a period."""

    __tablename__ = "legal_contract"
    __table_args__ = (
        sa.CheckConstraint("ends_on > starts_on", name="ends_after_start"),
        sa.CheckConstraint("weekly_activity_target >= 0", name="weekly_target_not_negative"),
        sa.CheckConstraint("monthly_onsite_minutes_target >= 0", name="onsite_target_not_negative"),
        partial_index("ix_legal_contract_advisor_id", "advisor_id", "starts_on", where=LIVE),
        partial_index("ix_legal_contract_law_firm_id", "law_firm_id", where=LIVE),
        partial_index("ix_legal_contract_last_day", "last_day", where=LIVE),
    )

    law_firm_id: uuid.UUID = Field(foreign_key="organization.id")
    advisor_id: uuid.UUID = Field(foreign_key="legal_advisor.id")
    starts_on: date
    ends_on: date
    signed_on: date | None = None
    terminated_on: date | None = None
    # The last day the contract covers: ends_on, or the day before terminated_on.
    last_day: date
    weekly_activity_target: int = 2
    monthly_onsite_minutes_target: int = 240
    # The contract this one renews (POST /legal-contracts/{id}/renew).
    renews_id: uuid.UUID | None = Field(default=None, foreign_key="legal_contract.id")
    created_by_id: uuid.UUID | None = None
    created_by: str = Field(max_length=128)


class LegalContractVillage(SQLModel, table=True):
    """One village a contract covers. Rows are replaced with the contract's villages and
    kept when the contract is soft-deleted (the contract's ``deleted_at`` decides)."""

    __tablename__ = "legal_contract_village"
    __table_args__ = (
        sa.Index("ix_legal_contract_village_region_id", "region_id"),
        sa.Index("ix_legal_contract_village_region_path", "region_path"),
    )

    contract_id: uuid.UUID = Field(foreign_key="legal_contract.id", primary_key=True)
    region_id: uuid.UUID = Field(foreign_key="region.id", primary_key=True)
    region_path: str = Field(sa_type=path_type())


class LegalActivity(Resource, table=True):
    """One matter an advisor handled (一事一记): a consultation, a lecture, a mediation …"""

    __tablename__ = "legal_activity"
    __table_args__ = (
        sa.CheckConstraint(
            "duration_minutes >= 1 AND duration_minutes <= 1440", name="duration_range"
        ),
        sa.CheckConstraint("attendees >= 0", name="attendees_not_negative"),
        partial_index("ix_legal_activity_held_on_id", "held_on", "id", where=LIVE),
        partial_index(
            "ix_legal_activity_region_path_held_on", "region_path", "held_on", where=LIVE
        ),
        partial_index("ix_legal_activity_advisor_held_on", "advisor_id", "held_on", where=LIVE),
        partial_index("ix_legal_activity_person_id", "person_id", where=LIVE),
    )

    advisor_id: uuid.UUID = Field(foreign_key="legal_advisor.id")
    # The contract that covered the village on held_on (set by the service).
    contract_id: uuid.UUID = Field(foreign_key="legal_contract.id")
    region_id: uuid.UUID = Field(foreign_key="region.id")
    region_path: str = Field(sa_type=path_type())
    type: LegalActivityType = Field(sa_type=enum_type(LegalActivityType, "legal_activity_type"))
    mode: LegalActivityMode = Field(sa_type=enum_type(LegalActivityMode, "legal_activity_mode"))
    held_on: date
    duration_minutes: int
    attendees: int = 0
    person_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    summary: str = Field(max_length=2000)
    outcome: str | None = Field(default=None, max_length=2000)
    created_by_id: uuid.UUID | None = None
    created_by: str = Field(max_length=128)

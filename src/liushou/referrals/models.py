"""Referral tables (docs/domain.md): referrals (转介) and mandatory reports to the networks of
the 五位一体 mechanism, and the timeline of their status transitions."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou import clock
from liushou.db import Resource, UTCDateTime, enum_type
from liushou.enums import LabelledEnum
from liushou.regions.models import Network


class ReferralType(LabelledEnum):
    referral = "referral", "转介"  # a need handed to the organization that can meet it
    mandatory_report = "mandatory_report", "强制报告"  # 未成年人保护法 art. 11
    dv_report = "dv_report", "家暴报告"  # 反家庭暴力法 art. 14
    legal_aid_referral = "legal_aid_referral", "法律援助转介"


class Urgency(LabelledEnum):
    normal = "normal", "一般"
    urgent = "urgent", "紧急"


class LegalBasis(LabelledEnum):
    """Why the person's data may go to the organization (PIPL art. 13, 23, 31)."""

    consent = "consent", "本人同意"
    separate_consent = "separate_consent", "单独同意"  # PIPL art. 23
    guardian_consent = "guardian_consent", "监护人同意"  # under 14: PIPL art. 31
    # 履行法定职责或者法定义务所必需 (art. 13 ③)
    statutory_duty = "statutory_duty", "履行法定职责"
    # 紧急情况下为保护自然人的生命健康和财产安全 (art. 13 ④)
    emergency = "emergency", "紧急情况"


class ReferralStatus(LabelledEnum):
    open = "open", "待受理"
    accepted = "accepted", "已受理"
    in_progress = "in_progress", "办理中"
    resolved = "resolved", "已办结"
    declined = "declined", "已退回"
    cancelled = "cancelled", "已撤销"


# Still waiting for someone to act: these count as overdue once due_on has passed.
PENDING_STATUSES = (ReferralStatus.open, ReferralStatus.accepted, ReferralStatus.in_progress)


class Referral(Resource, table=True):
    __tablename__ = "referral"
    __table_args__ = (
        # A partner's work list: its organization's referrals by status.
        sa.Index("ix_referral_org_status", "to_organization_id", "status"),
        # Overdue: pending statuses with due_on before today.
        sa.Index("ix_referral_status_due_on", "status", "due_on"),
    )

    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    to_organization_id: uuid.UUID = Field(foreign_key="organization.id")
    network: Network | None = Field(default=None, sa_type=enum_type(Network, "referral_network"))
    type: ReferralType = Field(sa_type=enum_type(ReferralType, "referral_type"))
    need: str = Field(max_length=2000)
    urgency: Urgency = Field(sa_type=enum_type(Urgency, "referral_urgency"))
    legal_basis: LegalBasis = Field(sa_type=enum_type(LegalBasis, "referral_legal_basis"))
    status: ReferralStatus = Field(sa_type=enum_type(ReferralStatus, "referral_status"))
    due_on: date
    justification: str | None = Field(default=None, max_length=2000)
    created_by_id: uuid.UUID | None = None
    created_by: str = Field(max_length=128)


class ReferralTransition(SQLModel, table=True):
    """One step of a referral's timeline; its creation is the first (from_status null)."""

    __tablename__ = "referral_transition"
    __table_args__ = (sa.UniqueConstraint("referral_id", "seq"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    referral_id: uuid.UUID = Field(foreign_key="referral.id")
    seq: int
    from_status: ReferralStatus | None = Field(
        default=None, sa_type=enum_type(ReferralStatus, "referral_from_status")
    )
    to_status: ReferralStatus = Field(sa_type=enum_type(ReferralStatus, "referral_to_status"))
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    actor_kind: str = Field(max_length=16)
    actor_id: uuid.UUID | None = None
    by: str = Field(max_length=128)
    note: str | None = Field(default=None, max_length=2000)

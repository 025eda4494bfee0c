"""Care tables (docs/domain.md): caretakers, assignments (联系人包保) and visits (走访)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from liushou.db import Resource, enum_type, path_type
from liushou.enums import LabelledEnum
from liushou.indexes import partial_index, partial_unique_index


class CaretakerKind(LabelledEnum):
    village_cadre = "village_cadre", "村(社区)干部"
    child_director = "child_director", "儿童主任"
    volunteer = "volunteer", "志愿者"
    social_worker = "social_worker", "社工"
    teacher = "teacher", "教师"
    doctor = "doctor", "医生"
    police_officer = "police_officer", "民警"
    lawyer = "lawyer", "律师"
    other = "other", "其他"


class AssignmentRole(LabelledEnum):
    primary_contact = "primary_contact", "包保联系人"  # visits and answers for the person
    companion = "companion", "结对陪伴"
    tutor = "tutor", "学业辅导"
    doctor = "doctor", "签约医生"


class VisitMode(LabelledEnum):
    home = "home", "入户走访"
    phone = "phone", "电话"
    video = "video", "视频"
    school = "school", "到校"


class VisitNeed(LabelledEnum):
    study = "study", "学习"
    health = "health", "健康"
    safety = "safety", "安全"
    psychological = "psychological", "心理"
    economic = "economic", "经济"
    legal = "legal", "法律"
    daily_care = "daily_care", "生活照料"


class VisitRiskLevel(LabelledEnum):
    normal = "normal", "正常"
    attention = "attention", "需关注"
    urgent = "urgent", "紧急"


# An assignment is active while it has not ended and is not deleted. The partial unique index
# below is the invariant "at most one active primary contact per person"; the service checks
# it first for a clear 409, the index makes it hold under concurrent writes too.
ACTIVE_PRIMARY_CONTACT = "role = 'primary_contact' AND ends_on IS NULL AND deleted_at IS NULL"
PRIMARY_CONTACT_INDEX = "uq_assignment_person_id_primary_active"


class Caretaker(Resource, table=True):
    """Someone who looks after registered persons: a village cadre, a child director
    (儿童主任), a volunteer, a teacher, a doctor ...

    The phone is often the caretaker's own mobile (a volunteer's, a village cadre's), so it is
    kept like a person's: AES-GCM ciphertext (``phone_cipher``, bound to this row) and the
    masked form (``phone_masked``); reads show only the masked form and the clear number comes
    through the audited reveal (see docs/registry.md, "Caretakers' phones").
    """

    __tablename__ = "caretaker"
    __table_args__ = (
        # One caretaker record per login: "the caller's caretaker" is well defined.
        partial_unique_index(
            "uq_caretaker_user_id_live", "user_id", "deleted_at IS NULL AND user_id IS NOT NULL"
        ),
    )

    name: str = Field(max_length=100)
    phone_cipher: str | None = Field(default=None, max_length=255)
    phone_masked: str | None = Field(default=None, max_length=11)
    kind: CaretakerKind = Field(sa_type=enum_type(CaretakerKind, "caretaker_kind"))
    organization_id: uuid.UUID | None = Field(
        default=None, foreign_key="organization.id", index=True
    )
    region_id: uuid.UUID = Field(foreign_key="region.id", index=True)
    # The region's materialised path, copied so scoping is one range condition.
    region_path: str = Field(sa_type=path_type(), index=True)
    user_id: uuid.UUID | None = Field(default=None, foreign_key="user_account.id")


class Assignment(Resource, table=True):
    """A caretaker looking after a person in a role, from ``starts_on`` until ``ends_on``.

    ``last_visited_on`` and ``next_visit_due`` are kept by the service whenever a visit or
    the assignment changes (guardianship.assignments.refresh_due): the person's latest visit,
    and that visit (or ``starts_on`` when the person has none) plus the interval. Overdue
    is then ``next_visit_due < today`` (:func:`visit_overdue`), one indexed comparison.
    """

    __tablename__ = "assignment"
    __table_args__ = (
        partial_unique_index(PRIMARY_CONTACT_INDEX, "person_id", ACTIVE_PRIMARY_CONTACT),
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
        sa.CheckConstraint("visit_interval_days >= 1", name="interval_positive"),
        # The list's order (starts_on, id): a page at any depth is a bounded index range
        # (docs/performance.md, "Deep pages").
        partial_index("ix_assignment_starts_on_id", "starts_on", "id", where="deleted_at IS NULL"),
    )

    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    caretaker_id: uuid.UUID = Field(foreign_key="caretaker.id", index=True)
    role: AssignmentRole = Field(sa_type=enum_type(AssignmentRole, "assignment_role"))
    visit_interval_days: int
    starts_on: date
    ends_on: date | None = None
    end_reason: str | None = Field(default=None, max_length=200)
    last_visited_on: date | None = None
    next_visit_due: date | None = Field(default=None, index=True)


class Visit(Resource, table=True):
    __tablename__ = "visit"
    __table_args__ = (
        # The person's latest visit, and the list of a person's visits, newest first.
        sa.Index("ix_visit_person_visited_on", "person_id", "visited_on"),
        # The list's order (visited_on, id), newest first (docs/performance.md, "Deep pages").
        partial_index("ix_visit_visited_on_id", "visited_on", "id", where="deleted_at IS NULL"),
    )

    person_id: uuid.UUID = Field(foreign_key="person.id")
    caretaker_id: uuid.UUID = Field(foreign_key="caretaker.id", index=True)
    visited_on: date = Field(index=True)
    mode: VisitMode = Field(sa_type=enum_type(VisitMode, "visit_mode"))
    findings: str | None = Field(default=None, max_length=2000)
    # A sorted list of VisitNeed codes.
    needs: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    risk_level: VisitRiskLevel = Field(sa_type=enum_type(VisitRiskLevel, "visit_risk_level"))
    next_visit_due: date


# --- the overdue rule (see docs/domain.md, "Care intervals") ------------------------------
# A visit on the due day itself is in time: the assignment is overdue from the day after.


def visit_overdue(next_visit_due: date | None, day: date) -> bool:
    return next_visit_due is not None and next_visit_due < day


def visit_overdue_sql(next_visit_due: Any, day: Any) -> sa.ColumnElement[bool]:
    """:func:`visit_overdue` over a column; ``day`` a value or a bound parameter (NULL, no
    due date, is never overdue)."""
    return next_visit_due < day

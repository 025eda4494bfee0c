"""Tables of services delivered (docs/services.md).

A service record is scoped through its person (the person's current region, as every read
of the person is); an activity and a distribution carry their region's path, copied when
they are written (a region's parent never changes, so the path does not either). An
activity's attendees are the persons of its live service records: there is no attendee
table to keep in step with them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou import clock
from liushou.db import Resource, UTCDateTime, enum_type, path_type
from liushou.indexes import partial_index
from liushou.services.enums import DistributionItem, Program, WishKind, WishStatus

LIVE = "deleted_at IS NULL"


class ServiceType(Resource, table=True):
    """A kind of service (心理疏导, 送医送药 …): seeded by migration 0008, more added by an
    admin. ``code`` is never given out twice, even after a delete."""

    __tablename__ = "service_type"

    code: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    name_zh: str = Field(max_length=100)
    program: Program = Field(sa_type=enum_type(Program, "service_program"))
    # PersonCategory codes, sorted: the persons the service is meant for.
    categories: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    unit: str = Field(default="次", max_length=16)
    seeded: bool = False


class ServiceRecord(Resource, table=True):
    """One service delivered to one person on one day (一事一记)."""

    __tablename__ = "service_record"
    __table_args__ = (
        sa.CheckConstraint("quantity >= 1", name="quantity_positive"),
        # The list's order (delivered_on, id), newest first; the reports' period range.
        partial_index("ix_service_record_delivered_on_id", "delivered_on", "id", where=LIVE),
        # A person's services, and the reports' join from the person: with the type and the
        # quantity in the index, the summary counts a period from the index alone.
        partial_index(
            "ix_service_record_person_delivered_on",
            "person_id",
            "delivered_on",
            "service_type",
            "quantity",
            where=LIVE,
        ),
        partial_index(
            "ix_service_record_type_delivered_on", "service_type", "delivered_on", where=LIVE
        ),
        sa.Index("ix_service_record_activity_id", "activity_id"),
        sa.Index("ix_service_record_legal_activity_id", "legal_activity_id"),
    )

    person_id: uuid.UUID = Field(foreign_key="person.id")
    service_type: str = Field(max_length=64, foreign_key="service_type.code")
    delivered_on: date
    quantity: int = 1
    provider_organization_id: uuid.UUID | None = Field(default=None, foreign_key="organization.id")
    caretaker_id: uuid.UUID | None = Field(default=None, foreign_key="caretaker.id")
    # Set when an activity (its attendance) or a wish (its fulfilment) wrote the record.
    activity_id: uuid.UUID | None = Field(default=None, foreign_key="activity.id")
    wish_id: uuid.UUID | None = Field(default=None, foreign_key="wish.id")
    # Set when a legal activity (a consultation, a mediation …) wrote the record.
    legal_activity_id: uuid.UUID | None = Field(default=None, foreign_key="legal_activity.id")
    outcome: str | None = Field(default=None, max_length=2000)
    notes: str | None = Field(default=None, max_length=2000)
    created_by_id: uuid.UUID | None = None
    created_by: str = Field(max_length=128)


class Activity(Resource, table=True):
    """A group event (a 四点半课堂 session, a lecture, a check-up day) in a village or a
    township; each registered attendee has one service record of it."""

    __tablename__ = "activity"
    __table_args__ = (
        sa.CheckConstraint("anonymous_attendees >= 0", name="anonymous_not_negative"),
        partial_index("ix_activity_held_on_id", "held_on", "id", where=LIVE),
        partial_index("ix_activity_region_path_held_on", "region_path", "held_on", where=LIVE),
    )

    title: str = Field(max_length=200)
    service_type: str = Field(max_length=64, foreign_key="service_type.code")
    region_id: uuid.UUID = Field(foreign_key="region.id")
    region_path: str = Field(sa_type=path_type())
    held_on: date
    organization_id: uuid.UUID | None = Field(default=None, foreign_key="organization.id")
    location: str | None = Field(default=None, max_length=200)
    anonymous_attendees: int = 0
    # Registered attendees + anonymous ones, kept in step with the records.
    attendee_count: int = 0
    created_by_id: uuid.UUID | None = None
    created_by: str = Field(max_length=128)


class Wish(Resource, table=True):
    """A child's 微心愿 or 爱心圆梦 and its claim → fulfil lifecycle."""

    __tablename__ = "wish"
    __table_args__ = (
        sa.CheckConstraint(
            "estimated_value IS NULL OR (estimated_value >= 0 AND estimated_value <= 100000)",
            name="estimated_value_range",
        ),
        partial_index("ix_wish_created_at_id", "created_at", "id", where=LIVE),
        partial_index("ix_wish_person_id", "person_id", where=LIVE),
        partial_index("ix_wish_status", "status", where=LIVE),
    )

    person_id: uuid.UUID = Field(foreign_key="person.id")
    kind: WishKind = Field(sa_type=enum_type(WishKind, "wish_kind"))
    description: str = Field(max_length=1000)
    estimated_value: Decimal | None = Field(default=None, sa_type=sa.Numeric(10, 2))
    status: WishStatus = Field(sa_type=enum_type(WishStatus, "wish_status"))
    donor_name: str | None = Field(default=None, max_length=100)
    donor_organization_id: uuid.UUID | None = Field(default=None, foreign_key="organization.id")
    donor_phone_cipher: str | None = Field(default=None, max_length=255)
    donor_phone_masked: str | None = Field(default=None, max_length=11)
    claimed_on: date | None = None
    fulfilled_on: date | None = None
    created_by_id: uuid.UUID | None = None
    created_by: str = Field(max_length=128)


class WishTransition(SQLModel, table=True):
    """One step of a wish's timeline; its creation is the first (from_status null)."""

    __tablename__ = "wish_transition"
    __table_args__ = (sa.UniqueConstraint("wish_id", "seq"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    wish_id: uuid.UUID = Field(foreign_key="wish.id")
    seq: int
    from_status: WishStatus | None = Field(
        default=None, sa_type=enum_type(WishStatus, "wish_from_status")
    )
    to_status: WishStatus = Field(sa_type=enum_type(WishStatus, "wish_to_status"))
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    actor_id: uuid.UUID | None = None
    by: str = Field(max_length=128)
    note: str | None = Field(default=None, max_length=2000)


class Distribution(Resource, table=True):
    """Materials handed out in a region (宣传单, 宣传袋, 学习用品, 便民找法服务卡)."""

    __tablename__ = "distribution"
    __table_args__ = (
        sa.CheckConstraint("quantity >= 1", name="quantity_positive"),
        sa.CheckConstraint("households IS NULL OR households >= 0", name="households_not_negative"),
        partial_index("ix_distribution_distributed_on_id", "distributed_on", "id", where=LIVE),
        partial_index(
            "ix_distribution_region_path_distributed_on",
            "region_path",
            "distributed_on",
            where=LIVE,
        ),
    )

    region_id: uuid.UUID = Field(foreign_key="region.id")
    region_path: str = Field(sa_type=path_type())
    distributed_on: date
    item: DistributionItem = Field(sa_type=enum_type(DistributionItem, "distribution_item"))
    quantity: int
    households: int | None = None
    activity_id: uuid.UUID | None = Field(default=None, foreign_key="activity.id")
    note: str | None = Field(default=None, max_length=1000)

"""services delivered (docs/services.md): service types (the seeded catalogue), service records,
activities, wishes and their timeline, distributions

The catalogue of service types is seeded here, so every database has it; each seeded type
has a fixed id (uuid5 of its code), so the rows are the same on every database. The data is
written out in this file, not imported from the application: a migration must keep doing
what it did when it was written (docs/services.md, "Service types").

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel  # noqa: F401 - autogenerate renders sqlmodel.sql.sqltypes.AutoString
from alembic import op

import liushou.db  # noqa: F401 - custom column types (UTCDateTime)

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SEEDED_NAMESPACE = uuid.UUID("6f1d7c2e-5b1a-4d39-9a57-2f0c6f6b7e01")
ALL = ["child", "elder", "woman"]
# (program, code, name_zh, categories): the API contract's, in its order.
SEEDED_TYPES = [
    ("education", "after_school_class", "四点半课堂", ["child"]),
    ("education", "homework_tutoring", "课业辅导", ["child"]),
    ("education", "safety_education", "安全教育", ["child"]),
    ("wishes", "micro_wish", "微心愿", ["child"]),
    ("wishes", "dream_come_true", "爱心圆梦", ["child"]),
    ("wishes", "school_supplies", "学习用品", ["child"]),
    ("counseling", "psychological_counseling", "心理疏导", ALL),
    ("counseling", "reproductive_health_counseling", "生殖健康咨询", ["woman"]),
    ("legal", "legal_consultation", "法律政策咨询", ALL),
    ("legal", "rights_protection", "利益维权", ALL),
    ("employment", "skills_training", "技能培训", ["woman"]),
    ("employment", "job_placement", "帮助就业", ["woman"]),
    ("health", "health_consultation", "健康咨询", ALL),
    ("health", "medical_checkup", "健康体检", ALL),
    ("health", "medicine_delivery", "送医送药", ["elder"]),
    ("health", "rehabilitation_nursing", "康复护理", ["elder"]),
    ("health", "prepregnancy_checkup", "孕前优生健康检查", ["woman"]),
    ("companionship", "companionship_visit", "陪伴走访", ALL),
    ("companionship", "holiday_visit", "节日慰问", ALL),
    ("companionship", "birthday_celebration", "生日祝福", ALL),
    ("companionship", "cultural_performance", "文艺演出", ALL),
    ("publicity", "publicity", "宣传", ALL),
]


def seed_service_types() -> None:
    table = sa.table(
        "service_type",
        sa.column("id", sa.Uuid()),
        sa.column("created_at", liushou.db.UTCDateTime(timezone=True)),
        sa.column("updated_at", liushou.db.UTCDateTime(timezone=True)),
        sa.column("version", sa.Integer()),
        sa.column("code", sa.String()),
        sa.column("name_zh", sa.String()),
        sa.column("program", sa.String()),
        sa.column("categories", sa.JSON()),
        sa.column("unit", sa.String()),
        sa.column("seeded", sa.Boolean()),
    )
    now = datetime.now(UTC)
    op.bulk_insert(
        table,
        [
            {
                "id": uuid.uuid5(SEEDED_NAMESPACE, code),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "code": code,
                "name_zh": name_zh,
                "program": program,
                "categories": categories,
                "unit": "次",
                "seeded": True,
            }
            for program, code, name_zh, categories in SEEDED_TYPES
        ],
    )


def upgrade() -> None:
    op.create_table(
        "service_type",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("name_zh", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column(
            "program",
            sa.Enum(
                "education",
                "wishes",
                "counseling",
                "legal",
                "employment",
                "health",
                "companionship",
                "publicity",
                name="service_program",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("seeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_type")),
        sa.UniqueConstraint("code", name=op.f("uq_service_type_code")),
    )
    with op.batch_alter_table("service_type", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_type_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "activity",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("service_type", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("region_id", sa.Uuid(), nullable=False),
        sa.Column(
            "region_path",
            sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=True),
        sa.Column("location", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("anonymous_attendees", sa.Integer(), nullable=False),
        sa.Column("attendee_count", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.CheckConstraint(
            "anonymous_attendees >= 0", name=op.f("ck_activity_anonymous_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_activity_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_activity_region_id_region")
        ),
        sa.ForeignKeyConstraint(
            ["service_type"],
            ["service_type.code"],
            name=op.f("fk_activity_service_type_service_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activity_held_on_id",
            ["held_on", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_activity_region_path_held_on",
            ["region_path", "held_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_activity_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "wish",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "micro_wish",
                "dream_come_true",
                name="wish_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("estimated_value", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "claimed",
                "fulfilled",
                "cancelled",
                name="wish_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("donor_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("donor_organization_id", sa.Uuid(), nullable=True),
        sa.Column(
            "donor_phone_cipher", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True
        ),
        sa.Column("donor_phone_masked", sqlmodel.sql.sqltypes.AutoString(length=11), nullable=True),
        sa.Column("claimed_on", sa.Date(), nullable=True),
        sa.Column("fulfilled_on", sa.Date(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.CheckConstraint(
            "estimated_value IS NULL OR (estimated_value >= 0 AND estimated_value <= 100000)",
            name=op.f("ck_wish_estimated_value_range"),
        ),
        sa.ForeignKeyConstraint(
            ["donor_organization_id"],
            ["organization.id"],
            name=op.f("fk_wish_donor_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_wish_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wish")),
    )
    with op.batch_alter_table("wish", schema=None) as batch_op:
        batch_op.create_index(
            "ix_wish_created_at_id",
            ["created_at", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_wish_person_id",
            ["person_id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_wish_status",
            ["status"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_wish_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "distribution",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("region_id", sa.Uuid(), nullable=False),
        sa.Column(
            "region_path",
            sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("distributed_on", sa.Date(), nullable=False),
        sa.Column(
            "item",
            sa.Enum(
                "publicity_leaflet",
                "publicity_bag",
                "school_supplies",
                "hotline_card",
                "other",
                name="distribution_item",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("households", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Uuid(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.CheckConstraint(
            "households IS NULL OR households >= 0",
            name=op.f("ck_distribution_households_not_negative"),
        ),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_distribution_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_distribution_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_distribution_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution")),
    )
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.create_index(
            "ix_distribution_distributed_on_id",
            ["distributed_on", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_distribution_region_path_distributed_on",
            ["region_path", "distributed_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_distribution_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "wish_transition",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("wish_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "open",
                "claimed",
                "fulfilled",
                "cancelled",
                name="wish_from_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "open",
                "claimed",
                "fulfilled",
                "cancelled",
                name="wish_to_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["wish_id"], ["wish.id"], name=op.f("fk_wish_transition_wish_id_wish")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wish_transition")),
        sa.UniqueConstraint("wish_id", "seq", name=op.f("uq_wish_transition_wish_id")),
    )
    op.create_table(
        "service_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("service_type", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("provider_organization_id", sa.Uuid(), nullable=True),
        sa.Column("caretaker_id", sa.Uuid(), nullable=True),
        sa.Column("activity_id", sa.Uuid(), nullable=True),
        sa.Column("wish_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_service_record_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_service_record_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["caretaker_id"],
            ["caretaker.id"],
            name=op.f("fk_service_record_caretaker_id_caretaker"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_service_record_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["provider_organization_id"],
            ["organization.id"],
            name=op.f("fk_service_record_provider_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["service_type"],
            ["service_type.code"],
            name=op.f("fk_service_record_service_type_service_type"),
        ),
        sa.ForeignKeyConstraint(
            ["wish_id"], ["wish.id"], name=op.f("fk_service_record_wish_id_wish")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_record")),
    )
    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.create_index("ix_service_record_activity_id", ["activity_id"], unique=False)
        batch_op.create_index(
            "ix_service_record_delivered_on_id",
            ["delivered_on", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_service_record_person_delivered_on",
            ["person_id", "delivered_on", "service_type", "quantity"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_service_record_type_delivered_on",
            ["service_type", "delivered_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_service_record_updated_at"), ["updated_at"], unique=False
        )

    seed_service_types()


def downgrade() -> None:
    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_record_updated_at"))
        batch_op.drop_index(
            "ix_service_record_type_delivered_on",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_service_record_person_delivered_on",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_service_record_delivered_on_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index("ix_service_record_activity_id")

    op.drop_table("service_record")
    op.drop_table("wish_transition")
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_distribution_updated_at"))
        batch_op.drop_index(
            "ix_distribution_region_path_distributed_on",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_distribution_distributed_on_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.drop_table("distribution")
    with op.batch_alter_table("wish", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wish_updated_at"))
        batch_op.drop_index(
            "ix_wish_status",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_wish_person_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_wish_created_at_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.drop_table("wish")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_updated_at"))
        batch_op.drop_index(
            "ix_activity_region_path_held_on",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_activity_held_on_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.drop_table("activity")
    with op.batch_alter_table("service_type", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_type_updated_at"))

    op.drop_table("service_type")

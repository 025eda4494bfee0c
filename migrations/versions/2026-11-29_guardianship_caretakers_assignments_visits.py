"""guardianship: caretakers, assignments (联系人包保) and visits

The partial unique index ``uq_assignment_person_id_primary_active`` is the invariant "at
most one active primary contact per person" (CONTRACT §5), on SQLite and PostgreSQL alike;
``uq_caretaker_user_id_live`` links a login to at most one live caretaker.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401 - autogenerate renders sqlmodel.sql.sqltypes.AutoString
from alembic import op

import liushou.db  # noqa: F401 - custom column types (UTCDateTime)

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "caretaker",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=11), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "village_cadre",
                "child_director",
                "volunteer",
                "social_worker",
                "teacher",
                "doctor",
                "police_officer",
                "lawyer",
                "other",
                name="caretaker_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("organization_id", sa.Uuid(), nullable=True),
        sa.Column("region_id", sa.Uuid(), nullable=False),
        sa.Column(
            "region_path",
            sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_caretaker_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_caretaker_region_id_region")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_caretaker_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caretaker")),
    )
    with op.batch_alter_table("caretaker", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_caretaker_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_caretaker_region_id"), ["region_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_caretaker_region_path"), ["region_path"], unique=False)
        batch_op.create_index(batch_op.f("ix_caretaker_updated_at"), ["updated_at"], unique=False)
        batch_op.create_index(
            "uq_caretaker_user_id_live",
            ["user_id"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL AND user_id IS NOT NULL"),
            postgresql_where=sa.text("deleted_at IS NULL AND user_id IS NOT NULL"),
        )

    op.create_table(
        "assignment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("caretaker_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "primary_contact",
                "companion",
                "tutor",
                "doctor",
                name="assignment_role",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("visit_interval_days", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("last_visited_on", sa.Date(), nullable=True),
        sa.Column("next_visit_due", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "ends_on IS NULL OR ends_on >= starts_on", name=op.f("ck_assignment_ends_after_start")
        ),
        sa.CheckConstraint(
            "visit_interval_days >= 1", name=op.f("ck_assignment_interval_positive")
        ),
        sa.ForeignKeyConstraint(
            ["caretaker_id"], ["caretaker.id"], name=op.f("fk_assignment_caretaker_id_caretaker")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_assignment_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_caretaker_id"), ["caretaker_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assignment_next_visit_due"), ["next_visit_due"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assignment_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_updated_at"), ["updated_at"], unique=False)
        batch_op.create_index(
            "uq_assignment_person_id_primary_active",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text(
                "role = 'primary_contact' AND ends_on IS NULL AND deleted_at IS NULL"
            ),
            postgresql_where=sa.text(
                "role = 'primary_contact' AND ends_on IS NULL AND deleted_at IS NULL"
            ),
        )

    op.create_table(
        "visit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("caretaker_id", sa.Uuid(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "home",
                "phone",
                "video",
                "school",
                name="visit_mode",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("findings", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column(
            "risk_level",
            sa.Enum(
                "normal",
                "attention",
                "urgent",
                name="visit_risk_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("next_visit_due", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["caretaker_id"], ["caretaker.id"], name=op.f("fk_visit_caretaker_id_caretaker")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_visit_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_caretaker_id"), ["caretaker_id"], unique=False)
        batch_op.create_index(
            "ix_visit_person_visited_on", ["person_id", "visited_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visit_updated_at"), ["updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_visited_on"), ["visited_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_visited_on"))
        batch_op.drop_index(batch_op.f("ix_visit_updated_at"))
        batch_op.drop_index("ix_visit_person_visited_on")
        batch_op.drop_index(batch_op.f("ix_visit_caretaker_id"))

    op.drop_table("visit")
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_assignment_person_id_primary_active",
            sqlite_where=sa.text(
                "role = 'primary_contact' AND ends_on IS NULL AND deleted_at IS NULL"
            ),
            postgresql_where=sa.text(
                "role = 'primary_contact' AND ends_on IS NULL AND deleted_at IS NULL"
            ),
        )
        batch_op.drop_index(batch_op.f("ix_assignment_updated_at"))
        batch_op.drop_index(batch_op.f("ix_assignment_person_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_next_visit_due"))
        batch_op.drop_index(batch_op.f("ix_assignment_caretaker_id"))

    op.drop_table("assignment")
    with op.batch_alter_table("caretaker", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_caretaker_user_id_live",
            sqlite_where=sa.text("deleted_at IS NULL AND user_id IS NOT NULL"),
            postgresql_where=sa.text("deleted_at IS NULL AND user_id IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_caretaker_updated_at"))
        batch_op.drop_index(batch_op.f("ix_caretaker_region_path"))
        batch_op.drop_index(batch_op.f("ix_caretaker_region_id"))
        batch_op.drop_index(batch_op.f("ix_caretaker_organization_id"))

    op.drop_table("caretaker")

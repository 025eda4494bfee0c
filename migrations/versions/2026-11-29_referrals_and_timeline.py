"""referrals: referrals and mandatory reports (CONTRACT §5) and their timeline

``referral`` holds the current state (status, version); ``referral_transition`` every step,
creation first (``from_status`` null), numbered per referral by ``seq`` (unique), so two
concurrent transitions of one referral can never both be recorded as the same step.
Enums are short strings with CHECK constraints, as everywhere else.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401 - autogenerate renders sqlmodel.sql.sqltypes.AutoString
from alembic import op

import liushou.db  # noqa: F401 - custom column types (UTCDateTime)

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "referral",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("to_organization_id", sa.Uuid(), nullable=False),
        sa.Column(
            "network",
            sa.Enum(
                "education_management",
                "support",
                "rights_protection",
                "social_care",
                name="referral_network",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "type",
            sa.Enum(
                "referral",
                "mandatory_report",
                "dv_report",
                "legal_aid_referral",
                name="referral_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("need", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column(
            "urgency",
            sa.Enum(
                "normal",
                "urgent",
                name="referral_urgency",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "legal_basis",
            sa.Enum(
                "consent",
                "separate_consent",
                "guardian_consent",
                "statutory_duty",
                "emergency",
                name="referral_legal_basis",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "accepted",
                "in_progress",
                "resolved",
                "declined",
                "cancelled",
                name="referral_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("justification", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_referral_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["to_organization_id"],
            ["organization.id"],
            name=op.f("fk_referral_to_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_org_status", ["to_organization_id", "status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referral_person_id"), ["person_id"], unique=False)
        batch_op.create_index("ix_referral_status_due_on", ["status", "due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "referral_transition",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "open",
                "accepted",
                "in_progress",
                "resolved",
                "declined",
                "cancelled",
                name="referral_from_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "open",
                "accepted",
                "in_progress",
                "resolved",
                "declined",
                "cancelled",
                name="referral_to_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referral.id"],
            name=op.f("fk_referral_transition_referral_id_referral"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_transition")),
        sa.UniqueConstraint("referral_id", "seq", name=op.f("uq_referral_transition_referral_id")),
    )


def downgrade() -> None:
    op.drop_table("referral_transition")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_updated_at"))
        batch_op.drop_index("ix_referral_status_due_on")
        batch_op.drop_index(batch_op.f("ix_referral_person_id"))
        batch_op.drop_index("ix_referral_org_status")

    op.drop_table("referral")

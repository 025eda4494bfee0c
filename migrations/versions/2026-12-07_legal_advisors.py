"""legal advisors (docs/legal.md): advisors, contracts and their villages, the legal service
log, and the link from a service record to the legal activity that wrote it

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401 - autogenerate renders sqlmodel.sql.sqltypes.AutoString
from alembic import op

import liushou.db  # noqa: F401 - custom column types (UTCDateTime)

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "legal_advisor",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("law_firm_id", sa.Uuid(), nullable=False),
        sa.Column("license_no", sqlmodel.sql.sqltypes.AutoString(length=17), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "full_time",
                "part_time",
                "public_service",
                "legal_aid",
                "grassroots_worker",
                name="advisor_category",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("service_hours", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["law_firm_id"],
            ["organization.id"],
            name=op.f("fk_legal_advisor_law_firm_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_legal_advisor_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_advisor")),
    )
    with op.batch_alter_table("legal_advisor", schema=None) as batch_op:
        batch_op.create_index(
            "ix_legal_advisor_law_firm_id",
            ["law_firm_id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_legal_advisor_updated_at"), ["updated_at"], unique=False
        )
        batch_op.create_index(
            "uq_legal_advisor_license_no_live",
            ["license_no"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "uq_legal_advisor_user_id_live",
            ["user_id"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "legal_contract",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("law_firm_id", sa.Uuid(), nullable=False),
        sa.Column("advisor_id", sa.Uuid(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("terminated_on", sa.Date(), nullable=True),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("weekly_activity_target", sa.Integer(), nullable=False),
        sa.Column("monthly_onsite_minutes_target", sa.Integer(), nullable=False),
        sa.Column("renews_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.CheckConstraint("ends_on > starts_on", name=op.f("ck_legal_contract_ends_after_start")),
        sa.CheckConstraint(
            "monthly_onsite_minutes_target >= 0",
            name=op.f("ck_legal_contract_onsite_target_not_negative"),
        ),
        sa.CheckConstraint(
            "weekly_activity_target >= 0", name=op.f("ck_legal_contract_weekly_target_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["advisor_id"],
            ["legal_advisor.id"],
            name=op.f("fk_legal_contract_advisor_id_legal_advisor"),
        ),
        sa.ForeignKeyConstraint(
            ["law_firm_id"],
            ["organization.id"],
            name=op.f("fk_legal_contract_law_firm_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["renews_id"],
            ["legal_contract.id"],
            name=op.f("fk_legal_contract_renews_id_legal_contract"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_contract")),
    )
    with op.batch_alter_table("legal_contract", schema=None) as batch_op:
        batch_op.create_index(
            "ix_legal_contract_advisor_id",
            ["advisor_id", "starts_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_legal_contract_last_day",
            ["last_day"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_legal_contract_law_firm_id",
            ["law_firm_id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_legal_contract_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "legal_activity",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", liushou.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("advisor_id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("region_id", sa.Uuid(), nullable=False),
        sa.Column(
            "region_path",
            sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "type",
            sa.Enum(
                "consultation",
                "publicity",
                "lecture",
                "mediation",
                "document_drafting",
                "document_review",
                "governance_opinion",
                "legal_aid_referral",
                "case_representation",
                "petition_assistance",
                "other",
                name="legal_activity_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "mode",
            sa.Enum(
                "on_site",
                "remote",
                "appointment",
                name="legal_activity_mode",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("attendees", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.CheckConstraint("attendees >= 0", name=op.f("ck_legal_activity_attendees_not_negative")),
        sa.CheckConstraint(
            "duration_minutes >= 1 AND duration_minutes <= 1440",
            name=op.f("ck_legal_activity_duration_range"),
        ),
        sa.ForeignKeyConstraint(
            ["advisor_id"],
            ["legal_advisor.id"],
            name=op.f("fk_legal_activity_advisor_id_legal_advisor"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["legal_contract.id"],
            name=op.f("fk_legal_activity_contract_id_legal_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_legal_activity_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_legal_activity_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_activity")),
    )
    with op.batch_alter_table("legal_activity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_legal_activity_advisor_held_on",
            ["advisor_id", "held_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_legal_activity_held_on_id",
            ["held_on", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_legal_activity_person_id",
            ["person_id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_legal_activity_region_path_held_on",
            ["region_path", "held_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_legal_activity_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "legal_contract_village",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("region_id", sa.Uuid(), nullable=False),
        sa.Column(
            "region_path",
            sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["legal_contract.id"],
            name=op.f("fk_legal_contract_village_contract_id_legal_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_legal_contract_village_region_id_region")
        ),
        sa.PrimaryKeyConstraint("contract_id", "region_id", name=op.f("pk_legal_contract_village")),
    )
    with op.batch_alter_table("legal_contract_village", schema=None) as batch_op:
        batch_op.create_index("ix_legal_contract_village_region_id", ["region_id"], unique=False)
        batch_op.create_index(
            "ix_legal_contract_village_region_path", ["region_path"], unique=False
        )

    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_activity_id", sa.Uuid(), nullable=True))
        batch_op.create_index(
            "ix_service_record_legal_activity_id", ["legal_activity_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_service_record_legal_activity_id_legal_activity"),
            "legal_activity",
            ["legal_activity_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_service_record_legal_activity_id_legal_activity"), type_="foreignkey"
        )
        batch_op.drop_index("ix_service_record_legal_activity_id")
        batch_op.drop_column("legal_activity_id")

    with op.batch_alter_table("legal_contract_village", schema=None) as batch_op:
        batch_op.drop_index("ix_legal_contract_village_region_path")
        batch_op.drop_index("ix_legal_contract_village_region_id")

    op.drop_table("legal_contract_village")
    with op.batch_alter_table("legal_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_activity_updated_at"))
        batch_op.drop_index(
            "ix_legal_activity_region_path_held_on",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_legal_activity_person_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_legal_activity_held_on_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_legal_activity_advisor_held_on",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.drop_table("legal_activity")
    with op.batch_alter_table("legal_contract", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_contract_updated_at"))
        batch_op.drop_index(
            "ix_legal_contract_law_firm_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_legal_contract_last_day",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_legal_contract_advisor_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.drop_table("legal_contract")
    with op.batch_alter_table("legal_advisor", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_legal_advisor_user_id_live",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "uq_legal_advisor_license_no_live",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_legal_advisor_updated_at"))
        batch_op.drop_index(
            "ix_legal_advisor_law_firm_id",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.drop_table("legal_advisor")

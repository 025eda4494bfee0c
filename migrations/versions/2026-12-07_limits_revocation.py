"""token revocation and the shared rate-limit counts (docs/security.md): ``token_revocation``
(revoked login sessions and subjects, read into every process's memory) and
``rate_limit_hits`` (per caller and minute, the processes' hits added together on PostgreSQL)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401 - autogenerate renders sqlmodel.sql.sqltypes.AutoString
from alembic import op

import liushou.db  # noqa: F401 - custom column types (UTCDateTime)

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "token_revocation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
        sa.Column("revoked_at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_token_revocation")),
    )
    op.create_index(
        op.f("ix_token_revocation_revoked_at"), "token_revocation", ["revoked_at"], unique=False
    )
    op.create_table(
        "rate_limit_hits",
        sa.Column("caller", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("caller", "minute", name=op.f("pk_rate_limit_hits")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Counters of the current minute: not worth a WAL record each (lost in a crash,
        # they start again from zero; docs/security.md).
        op.execute("ALTER TABLE rate_limit_hits SET UNLOGGED")


def downgrade() -> None:
    op.drop_table("rate_limit_hits")
    op.drop_index(op.f("ix_token_revocation_revoked_at"), table_name="token_revocation")
    op.drop_table("token_revocation")

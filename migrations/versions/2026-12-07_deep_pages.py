"""deep pages: the persons list's order and region filters served by one index

``ix_person_region_path_id`` on ``person (region_path, id)`` for the live rows: the list is
ordered by (region_path, id), and a region subtree is a range of paths, so a page at any
depth is one bounded range scan of this index (docs/performance.md, "Deep pages").

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_region_path_id",
            ["region_path", "id"],
            unique=False,
            sqlite_where=sa.text(LIVE),
            postgresql_where=sa.text(LIVE),
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_person_region_path_id",
            sqlite_where=sa.text(LIVE),
            postgresql_where=sa.text(LIVE),
        )

"""deep pages: the lists' orders served by indexes

``ix_person_region_path_id`` on ``person (region_path, id)`` for the live rows: the persons
list is ordered by (region_path, id), and a region subtree is a range of paths, so a page at
any depth is one bounded range scan of this index. ``ix_assignment_starts_on_id`` and
``ix_visit_visited_on_id`` serve the orders of the assignments and visits lists the same
way (docs/performance.md, "Deep pages").

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
# (table, index, columns): each over the live rows only.
INDEXES = (
    ("person", "ix_person_region_path_id", ["region_path", "id"]),
    ("assignment", "ix_assignment_starts_on_id", ["starts_on", "id"]),
    ("visit", "ix_visit_visited_on_id", ["visited_on", "id"]),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(
                name,
                columns,
                unique=False,
                sqlite_where=sa.text(LIVE),
                postgresql_where=sa.text(LIVE),
            )


def downgrade() -> None:
    for table, name, _ in reversed(INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name, sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))

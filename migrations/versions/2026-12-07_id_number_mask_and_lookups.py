"""privacy: masked ID numbers show the first 6 and the last character; ID look-ups counted

The old mask (first 6 and last 4) hid exactly the birth-date digits, and the birth date is
shown beside it: together they gave the whole number back (docs/privacy.md). Every stored
copy of the mask is rewritten: the ``person.id_number_masked`` column, the snapshots in
``person_version`` (as-of lists and exports read them) and the stored first responses in
``idempotency_key`` (replayed to a retrying client). The new mask is the old one's first 6
and last character with 11 asterisks between: no key is needed.

``id_number_lookup`` counts look-ups by full ID number per caller, for their limit.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import liushou.db  # custom column types (UTCDateTime)

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MASK_KEY = "id_number_masked"
STARS = "*" * 11
BATCH = 1000
# (table, JSON column) holding copies of a person body or snapshot.
JSON_COPIES = (("person_version", "snapshot"), ("idempotency_key", "body"))


def upgrade() -> None:
    op.create_table(
        "id_number_lookup",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("principal_id", sa.Uuid(), nullable=False),
        sa.Column("at", liushou.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_id_number_lookup")),
    )
    with op.batch_alter_table("id_number_lookup", schema=None) as batch_op:
        batch_op.create_index("ix_id_number_lookup_principal_at", ["principal_id", "at"])
    bind = op.get_bind()
    _remask_column(bind)
    for table, column in JSON_COPIES:
        _remask_json_column(bind, table, column)


def downgrade() -> None:
    with op.batch_alter_table("id_number_lookup", schema=None) as batch_op:
        batch_op.drop_index("ix_id_number_lookup_principal_at")
    op.drop_table("id_number_lookup")
    # The masks stay as they are. The old mask showed three more characters (the sequence
    # code), which the new one no longer holds: rebuilding them would take decrypting every
    # ID number with the data key, which migrations do not have, and would bring the leak
    # back. The old code shows whatever the column holds, so it runs on the new masks.
    pass


def remask(value: Any) -> Any:
    """The new mask of an old (or already new) 18-character one; anything else unchanged."""
    if not isinstance(value, str) or len(value) != 18:
        return value
    return value[:6] + STARS + value[-1]


def _remask_column(bind: sa.Connection) -> None:
    person = sa.table("person", sa.column(MASK_KEY, sa.String))
    masked = person.c[MASK_KEY]
    first6 = sa.func.substr(masked, 1, 6, type_=sa.String)
    remasked = first6.concat(STARS).concat(sa.func.substr(masked, 18, 1, type_=sa.String))
    bind.execute(sa.update(person).where(sa.func.length(masked) == 18).values({MASK_KEY: remasked}))


def _remask_json_column(bind: sa.Connection, table_name: str, column: str) -> None:
    """Rewrite every ``id_number_masked`` member inside a JSON column, in id order batches
    (the documents are small; only rows that mention the key are read)."""
    table = sa.table(table_name, sa.column("id", sa.Uuid), sa.column(column, sa.JSON))
    mentions = sa.cast(table.c[column], sa.Text).like(f"%{MASK_KEY}%")
    last = None
    while True:
        stmt = sa.select(table.c.id, table.c[column]).where(mentions).order_by(table.c.id)
        if last is not None:
            stmt = stmt.where(table.c.id > last)
        rows = bind.execute(stmt.limit(BATCH)).all()
        for row_id, document in rows:
            rewritten = _remask_document(document)
            if rewritten != document:
                bind.execute(
                    sa.update(table).where(table.c.id == row_id).values({column: rewritten})
                )
        if len(rows) < BATCH:
            return
        last = rows[-1][0]


def _remask_document(document: Any) -> Any:
    if isinstance(document, dict):
        return {
            key: remask(value) if key == MASK_KEY else _remask_document(value)
            for key, value in document.items()
        }
    if isinstance(document, list):
        return [_remask_document(value) for value in document]
    return document

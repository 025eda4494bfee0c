"""caretakers' phones encrypted at rest, like persons' phones

Adds ``caretaker.phone_cipher`` (AES-GCM under the data key, bound to the row and column)
and ``caretaker.phone_masked`` (``138****5678``), moves every clear ``caretaker.phone`` into
them and drops the clear column; the downgrade decrypts them back. See docs/registry.md,
"Caretakers' phones".

The data key comes from the settings the migration runs with: those ``liushou migrate``
passes (``migrations.upgrade(url, settings=...)``), otherwise the environment's
(``LIUSHOU_DATA_KEY``, or the development key file). It is loaded only when there is a
phone to move, so an empty database migrates without keys.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import context, op

from liushou.pii import FieldCipher, keys_from_settings

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

caretaker = sa.table(
    "caretaker",
    sa.column("id", sa.Uuid()),
    sa.column("phone", sa.String()),
    sa.column("phone_cipher", sa.String()),
    sa.column("phone_masked", sa.String()),
)


def _cipher() -> FieldCipher:
    from liushou.config import get_settings

    settings: Any = context.config.attributes.get("settings") or get_settings()

    def secret(value: Any) -> str | None:
        return value.get_secret_value() if value is not None else None

    cipher, _ = keys_from_settings(
        secret(settings.data_key),
        secret(settings.index_key),
        production=settings.environment == "production",
        dev_key_file=settings.dev_key_file,
    )
    return cipher


def _associated_data(caretaker_id: Any) -> bytes:
    # What PersonalData.seal_in("caretaker", id, "phone", ...) binds a token to: a stored
    # format, written out here so this migration keeps working whatever the code becomes.
    return f"caretaker:{caretaker_id}:phone".encode()


def _masked(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) == 11 else "*" * len(phone)


def upgrade() -> None:
    with op.batch_alter_table("caretaker") as batch:
        batch.add_column(
            sa.Column("phone_cipher", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True)
        )
        batch.add_column(
            sa.Column("phone_masked", sqlmodel.sql.sqltypes.AutoString(length=11), nullable=True)
        )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(caretaker.c.id, caretaker.c.phone).where(caretaker.c.phone.is_not(None))
    ).all()
    if rows:
        cipher = _cipher()
        for caretaker_id, phone in rows:
            conn.execute(
                caretaker.update()
                .where(caretaker.c.id == caretaker_id)
                .values(
                    phone_cipher=cipher.encrypt(phone, _associated_data(caretaker_id)),
                    phone_masked=_masked(phone),
                )
            )
    with op.batch_alter_table("caretaker") as batch:
        batch.drop_column("phone")


def downgrade() -> None:
    with op.batch_alter_table("caretaker") as batch:
        batch.add_column(
            sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=11), nullable=True)
        )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(caretaker.c.id, caretaker.c.phone_cipher).where(
            caretaker.c.phone_cipher.is_not(None)
        )
    ).all()
    if rows:
        cipher = _cipher()
        for caretaker_id, token in rows:
            conn.execute(
                caretaker.update()
                .where(caretaker.c.id == caretaker_id)
                .values(phone=cipher.decrypt(token, _associated_data(caretaker_id)))
            )
    with op.batch_alter_table("caretaker") as batch:
        batch.drop_column("phone_masked")
        batch.drop_column("phone_cipher")

"""Who a legal_advisor caller is (docs/legal.md, "Who sees what").

A ``legal_advisor`` user is linked to its advisor through ``legal_advisor.user_id``; what it
sees follows from that advisor's contracts and log, not from a region of its own.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.tables import legal_advisor_t


def is_advisor(caller: Principal) -> bool:
    """The caller is a legal advisor's login (its reads and writes are its own)."""
    return caller.kind == "user" and caller.role is Role.legal_advisor


def advisor_id_of(conn: Connection, caller: Principal) -> uuid.UUID | None:
    """The live advisor linked to the caller's login, if any."""
    return conn.execute(
        sa.select(legal_advisor_t.c.id).where(
            legal_advisor_t.c.user_id == caller.id, legal_advisor_t.c.deleted_at.is_(None)
        )
    ).scalar_one_or_none()

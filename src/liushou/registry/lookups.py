"""Look-ups by full ID number (``?id_number=``): each one asks "is this number registered?",
so each is audited and counted per caller (docs/privacy.md, "Look-ups by ID number").

The count is a database table, so it holds across processes. As for the sign-in lockout,
a look-up is recorded and committed before the caller's look-ups are counted: concurrent
look-ups see each other, and of a burst at most the limit gets through.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from liushou import clock
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.config import Settings
from liushou.db import Database
from liushou.errors import AppError, problem_responses
from liushou.registry.models import IdNumberLookup
from liushou.registry.query import PersonQuery

ACTION = "person.id_number_lookup"
# The `responses=` entry of the routes that take `id_number`.
LIMITED_RESPONSE: dict[int | str, dict[str, Any]] = {
    429: {
        **problem_responses(429)[429],
        "description": "Too many look-ups by ID number (`too_many_attempts`)",
        "headers": {
            "Retry-After": {
                "description": "Seconds until the next look-up is allowed",
                "schema": {"type": "integer"},
            }
        },
    }
}


class TooManyLookups(AppError):
    status, code = 429, "too_many_attempts"
    detail_zh, detail_en = (
        "按身份证号查询的次数过多，请稍后再试。",
        "Too many look-ups by ID number; try again later.",
    )


async def count_lookup(
    db: Database, settings: Settings, caller: Principal, query: PersonQuery
) -> bool:
    """Count the request against the caller's look-ups when it filters by ID number
    (raises :class:`TooManyLookups` once they are spent); True when it does. In a short
    transaction of its own, committed before the list is read."""
    if query.filters.id_number_index is None:
        return False
    await db.write(lambda session: claim(session, settings, caller))
    return True


def claim(session: Session, settings: Settings, caller: Principal) -> None:
    """Record one look-up of ``caller``, or refuse it (429) when the window is full."""
    window = timedelta(seconds=settings.id_number_lookup_window_seconds)
    now = clock.now()
    session.execute(
        sa.delete(IdNumberLookup).where(
            IdNumberLookup.principal_id == caller.id,  # type: ignore[arg-type]
            IdNumberLookup.at <= now - window,  # type: ignore[arg-type]
        )
    )
    mine = IdNumberLookup(principal_id=caller.id, at=now)
    session.add(mine)
    session.commit()
    others = session.exec(
        select(IdNumberLookup.at)
        .where(
            IdNumberLookup.principal_id == caller.id,
            IdNumberLookup.at > now - window,
            IdNumberLookup.id != mine.id,
        )
        .order_by(IdNumberLookup.at)  # type: ignore[arg-type]
    ).all()
    limit = settings.id_number_lookup_max
    if len(others) < limit:
        return
    # Refused, and not counted: free again once enough look-ups leave the window.
    retry_after = max(1, math.ceil((others[len(others) - limit] + window - now).total_seconds()))
    session.delete(mine)
    audit.record(session, caller, ACTION, resource_type="person", outcome="limited")
    session.commit()
    raise TooManyLookups(headers={"Retry-After": str(retry_after)}, retry_after=retry_after)


def record(session: Session, caller: Principal, matched: Sequence[uuid.UUID | str]) -> None:
    """The audit event of a look-up of the list: whether a person matched and which; never
    the number (the blind index would not do either: it is a stable handle on the number)."""
    audit.record(
        session,
        caller,
        ACTION,
        resource_type="person",
        resource_id=matched[0] if len(matched) == 1 else None,
        detail={"matched": len(matched)},
    )

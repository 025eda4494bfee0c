"""Recording audit events. Callers pass their session so the event commits with the change.

An event is written at once, with a Core INSERT built once, in the session's transaction:
no ORM object to build and flush on every write (docs/performance.md, "Writes"). Nothing
reads an event back in the transaction that wrote it, and the table has no foreign keys, so
writing it before the session flushes its pending rows changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from liushou import clock
from liushou.audit.models import audit_t
from liushou.auth.principal import Principal
from liushou.ops.context import current_request_id

_INSERT = sa.insert(audit_t)


def record(
    session: Session,
    actor: Principal | None,
    action: str,
    *,
    resource_type: str | None = None,
    resource_id: uuid.UUID | str | None = None,
    outcome: str = "success",
    changed_fields: Iterable[str] | None = None,
    detail: dict[str, Any] | None = None,
    actor_name: str | None = None,
) -> None:
    session.execute(
        _INSERT,
        {
            "id": uuid.uuid4(),
            "at": clock.now(),
            "actor_kind": actor.kind if actor else "anonymous",
            "actor_id": actor.id if actor else None,
            "actor_name": actor.name if actor else actor_name,
            "action": action,
            "resource_type": resource_type,
            "resource_id": str(resource_id) if resource_id is not None else None,
            "outcome": outcome,
            "request_id": current_request_id(),
            "changed_fields": sorted(changed_fields) if changed_fields is not None else None,
            "detail": detail,
        },
    )

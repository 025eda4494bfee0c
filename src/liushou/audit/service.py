"""Recording audit events. Callers pass their session so the event commits with the change."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlmodel import Session

from liushou.audit.models import AuditEvent
from liushou.auth.principal import Principal
from liushou.ops.context import current_request_id


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
) -> AuditEvent:
    event = AuditEvent(
        actor_kind=actor.kind if actor else "anonymous",
        actor_id=actor.id if actor else None,
        actor_name=actor.name if actor else actor_name,
        action=action,
        resource_type=resource_type,
        resource_id=str(resource_id) if resource_id is not None else None,
        outcome=outcome,
        request_id=current_request_id(),
        changed_fields=sorted(changed_fields) if changed_fields is not None else None,
        detail=detail,
    )
    session.add(event)
    return event

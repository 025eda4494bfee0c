"""The outbox of webhooks (docs/webhooks.md, "Outbox"): one pending delivery per change
event and matching active subscription, written in the transaction of the change.

It listens to the change capture (liushou.changes.capture.listen), so every write the feed
sees is seen here too, in the same flush. A flush whose changes name no webhook event costs
nothing; one that does costs one query (the active subscriptions) and, if any matches, one
INSERT.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from liushou.changes.capture import ChangeEvent, listen
from liushou.webhooks import repository as repo
from liushou.webhooks.models import PENDING
from liushou.webhooks.rules import EVENT_SET


def payload(event: ChangeEvent, name: str) -> dict[str, Any]:
    """The thin payload: the receiver fetches the resource with its own token."""
    return {
        "type": name,
        "timestamp": event.changed_at.isoformat().replace("+00:00", "Z"),
        "data": {
            "id": str(event.resource_id),
            "resource_type": event.resource_type,
            "version": event.version,
        },
    }


def _hears(subscription: Any, name: str, event: ChangeEvent) -> bool:
    if name not in (subscription["events"] or ()):
        return False
    if subscription["owner_client_id"] is not None:  # a partner: its organization's referrals
        return (
            event.resource_type == "referral"
            and event.organization_id is not None
            and event.organization_id == subscription["organization_id"]
        )
    return True


@listen
def write_deliveries(session: Session, events: Sequence[ChangeEvent]) -> None:
    named = [(name, e) for e in events if (name := f"{e.resource_type}.{e.verb}") in EVENT_SET]
    if not named:
        return
    conn = session.connection()
    subscriptions = repo.listening(conn)
    if not subscriptions:
        return
    rows = [
        {
            "id": uuid.uuid4(),
            "subscription_id": s["id"],
            "event_type": name,
            "payload": payload(event, name),
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": event.changed_at,
            "created_at": event.changed_at,
            "updated_at": event.changed_at,
        }
        for name, event in named
        for s in subscriptions
        if _hears(s, name, event)
    ]
    if rows:
        conn.execute(sa.insert(repo.delivery_t), rows)

"""Every query of webhooks: the API's scoped reads, and the outbox's and the worker's
statements (Core: they run inside a flush or on the worker's own connection)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping

from liushou.api.filters import ListFilters, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.webhooks.models import PENDING, WebhookDelivery, WebhookSubscription

subscription_t: sa.Table = WebhookSubscription.__table__  # type: ignore[attr-defined]
delivery_t: sa.Table = WebhookDelivery.__table__  # type: ignore[attr-defined]

READ_COLUMNS = [
    c for c in subscription_t.c if c.name not in ("deleted_at", "secret_cipher", "owner_user_id")
]


def owned_by(caller: Principal) -> sa.ColumnElement[bool] | None:
    """An admin manages every subscription; a partner client only its own."""
    if caller.role == Role.admin:
        return None
    return subscription_t.c.owner_client_id == caller.id


def _live(caller: Principal) -> sa.Select[Any]:
    stmt = sa.select(*READ_COLUMNS).where(subscription_t.c.deleted_at.is_(None))
    condition = owned_by(caller)
    return stmt if condition is None else stmt.where(condition)


def get_subscription(
    conn: Connection, caller: Principal, subscription_id: uuid.UUID
) -> RowMapping | None:
    stmt = _live(caller).where(subscription_t.c.id == subscription_id)
    return conn.execute(stmt).mappings().one_or_none()


class SubscriptionFilters(ListFilters):
    active: bool | None = Field(None, description="Only (in)active subscriptions")


def list_subscriptions(
    conn: Connection, caller: Principal, page: PageParams, f: SubscriptionFilters
) -> list[RowMapping]:
    stmt = where_equal(_live(caller), subscription_t, active=f.active)
    order = [subscription_t.c.created_at, subscription_t.c.id]
    return list(keyset_rows(conn, stmt, page, order, updated_at=subscription_t.c.updated_at))


class DeliveryFilters(ListFilters):
    status: str | None = Field(
        None, pattern="^(pending|succeeded|failed)$", description="pending, succeeded or failed"
    )


DELIVERY_ORDER = [delivery_t.c.created_at, delivery_t.c.id]


def list_deliveries(
    conn: Connection, subscription_id: uuid.UUID, page: PageParams, f: DeliveryFilters
) -> list[RowMapping]:
    """Newest first."""
    stmt = sa.select(delivery_t).where(delivery_t.c.subscription_id == subscription_id)
    stmt = where_equal(stmt, delivery_t, status=f.status)
    return list(keyset_rows(conn, stmt, page, DELIVERY_ORDER, descending=True))


def delivery_in_scope(
    conn: Connection, caller: Principal, delivery_id: uuid.UUID
) -> RowMapping | None:
    """The delivery, if the caller manages its (live) subscription."""
    stmt = (
        sa.select(delivery_t)
        .join(subscription_t, subscription_t.c.id == delivery_t.c.subscription_id)
        .where(delivery_t.c.id == delivery_id, subscription_t.c.deleted_at.is_(None))
    )
    condition = owned_by(caller)
    if condition is not None:
        stmt = stmt.where(condition)
    return conn.execute(stmt).mappings().one_or_none()


# --- the outbox (webhooks/outbox.py) --------------------------------------------------------

_client = sa.table(
    "api_client",
    sa.column("id", sa.Uuid()),
    sa.column("active", sa.Boolean()),
    sa.column("deleted_at", sa.DateTime()),
)
# A partner's subscription is heard only while its client may still sign in.
_OWNER_LIVE = subscription_t.c.owner_client_id.is_(None) | sa.exists().where(
    _client.c.id == subscription_t.c.owner_client_id,
    _client.c.active.is_(True),
    _client.c.deleted_at.is_(None),
)
LISTENING = sa.select(
    subscription_t.c.id,
    subscription_t.c.events,
    subscription_t.c.organization_id,
    subscription_t.c.owner_client_id,
).where(subscription_t.c.active.is_(True), subscription_t.c.deleted_at.is_(None), _OWNER_LIVE)


def listening(conn: Connection) -> list[RowMapping]:
    """Every active subscription with its events (few: one query per flush with events),
    but a disabled or deleted partner client's."""
    return list(conn.execute(LISTENING).mappings())


# --- the worker (webhooks/sender.py) --------------------------------------------------------

_DUE = (
    (delivery_t.c.status == PENDING)
    & (delivery_t.c.next_attempt_at <= sa.bindparam("now"))
    & (subscription_t.c.active.is_(True))
    & (subscription_t.c.deleted_at.is_(None))
)
_FROM = delivery_t.join(subscription_t, subscription_t.c.id == delivery_t.c.subscription_id)


def any_due(conn: Connection, now: datetime) -> bool:
    """A cheap look before the claim's write transaction (an idle worker writes nothing)."""
    stmt = sa.select(delivery_t.c.id).select_from(_FROM).where(_DUE).limit(1)
    return conn.execute(stmt, {"now": now}).first() is not None


def claim_due(
    conn: Connection, now: datetime, limit: int, lease_until: datetime
) -> list[RowMapping]:
    """The due deliveries, oldest first, locked (``FOR UPDATE SKIP LOCKED`` on PostgreSQL:
    another worker skips them) and leased: ``next_attempt_at`` moves to ``lease_until``, so
    after this transaction no worker claims them again until the attempt is recorded (or,
    if this worker dies, the lease ends: at-least-once)."""
    stmt = (
        sa.select(
            delivery_t.c.id,
            delivery_t.c.subscription_id,
            delivery_t.c.event_type,
            delivery_t.c.payload,
            delivery_t.c.attempts,
            subscription_t.c.url,
            subscription_t.c.secret_cipher,
        )
        .select_from(_FROM)
        .where(_DUE)
        .order_by(delivery_t.c.next_attempt_at, delivery_t.c.id)
        .limit(limit)
        .with_for_update(of=delivery_t, skip_locked=True)
    )
    rows = list(conn.execute(stmt, {"now": now}).mappings())
    if rows:
        conn.execute(
            delivery_t.update()
            .where(delivery_t.c.id.in_([r["id"] for r in rows]))
            .values(next_attempt_at=lease_until, updated_at=now)
        )
    return rows

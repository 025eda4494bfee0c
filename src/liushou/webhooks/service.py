"""The rules of subscriptions and of a manual retry (docs/webhooks.md). Functions flush;
routers commit.

Who: an admin, for any events; a partner client, for ``referral.*`` only, about the
referrals addressed to its organization, and it manages only its own subscriptions (404 for
any other, as for an unknown id). Every other role is 403 (the router's caller dependency).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from liushou import clock
from liushou.api import resources
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.config import Settings
from liushou.errors import FieldInvalid, NotFound
from liushou.registry.person_values import PersonalData
from liushou.webhooks import repository as repo
from liushou.webhooks.models import PENDING, WebhookDelivery, WebhookSubscription
from liushou.webhooks.rules import UrlRefused, check_events, check_url, new_secret
from liushou.webhooks.schemas import WebhookSubscriptionCreate, WebhookSubscriptionUpdate

SECRET_FIELD = "secret"


def seal_secret(pii: PersonalData, subscription_id: uuid.UUID, secret: str) -> str:
    """The secret encrypted with the data key, bound to its row (pii.FieldCipher)."""
    return pii.seal_in("webhook_subscription", subscription_id, SECRET_FIELD, secret)


def open_secret(pii: PersonalData, subscription_id: uuid.UUID, sealed: str) -> str:
    secret = pii.open_in("webhook_subscription", subscription_id, SECRET_FIELD, sealed)
    assert secret is not None
    return secret


@dataclass
class WithSecret:
    """A subscription and its clear secret: the answer of a creation or a rotation."""

    row: WebhookSubscription
    secret: str


def _checked_url(settings: Settings, url: str) -> str:
    try:
        check_url(url, settings.environment == "production")
    except UrlRefused as refused:
        raise FieldInvalid(["body", "url"], refused.code, refused.message_zh, refused.message_en)
    return url


def _mine(caller: Principal, row: WebhookSubscription) -> WebhookSubscription:
    if caller.role != Role.admin and row.owner_client_id != caller.id:
        raise NotFound()
    return row


def create_subscription(
    session: Session,
    settings: Settings,
    pii: PersonalData,
    caller: Principal,
    data: WebhookSubscriptionCreate,
) -> WithSecret:
    events = check_events(data.events, caller.role)
    url = _checked_url(settings, data.url)
    subscription_id = uuid.uuid4()
    secret = new_secret()
    partner = caller.role == Role.partner
    row = WebhookSubscription.model_validate(
        {
            "id": subscription_id,
            "url": url,
            "events": events,
            "active": data.active,
            "description": data.description,
            "secret_cipher": seal_secret(pii, subscription_id, secret),
            "owner_user_id": caller.id if caller.kind == "user" else None,
            "owner_client_id": caller.id if caller.kind == "client" else None,
            "organization_id": caller.organization_id if partner else None,
            "deactivated_at": None if data.active else clock.now(),
        }
    )
    resources.add_created(session, row)
    resources.audit_write(
        session, caller, row, "create", changed_fields=resources.given_fields(data)
    )
    return WithSecret(row, secret)


def update_subscription(
    session: Session,
    settings: Settings,
    caller: Principal,
    subscription_id: uuid.UUID,
    patch: WebhookSubscriptionUpdate,
    if_match: str | None,
) -> WebhookSubscription:
    """PATCH: ``active: true`` on a deactivated subscription restarts it (its count of
    failed deliveries starts again at 0); ``active: false`` stops it."""
    row = resources.for_change(
        session, WebhookSubscription, subscription_id, if_match, lambda r: _mine(caller, r)
    )
    values: dict[str, Any] = patch.model_dump(exclude_unset=True)
    resources.refuse_nulls(values, ("url", "events", "active"))
    if "events" in values:
        values["events"] = check_events(values["events"], caller.role)
    if "url" in values:
        values["url"] = _checked_url(settings, values["url"])
    if values.get("active") is True and not row.active:
        values |= {"consecutive_failures": 0, "deactivated_at": None}
    if values.get("active") is False and row.active:
        values["deactivated_at"] = clock.now()
    changed = resources.apply_changes(row, values)
    if changed:
        session.flush()
        resources.audit_write(session, caller, row, "update", changed_fields=changed)
    return row


def rotate_secret(
    session: Session,
    pii: PersonalData,
    caller: Principal,
    subscription_id: uuid.UUID,
    if_match: str | None,
) -> WithSecret:
    """A new secret; the old one signs nothing from now on (attempts not yet sent are
    signed when they are sent, with the new one)."""
    row = resources.for_change(
        session, WebhookSubscription, subscription_id, if_match, lambda r: _mine(caller, r)
    )
    secret = new_secret()
    row.secret_cipher = seal_secret(pii, row.id, secret)
    row.version += 1
    row.updated_at = clock.now()
    session.flush()
    resources.audit_write(session, caller, row, "rotate_secret", changed_fields=["secret"])
    return WithSecret(row, secret)


def delete_subscription(
    session: Session, caller: Principal, subscription_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete; its pending deliveries end as ``failed`` (nothing more is sent)."""
    row = _mine(
        caller,
        resources.require_live(
            resources.load_for_write(session, WebhookSubscription, subscription_id)
        ),
    )
    resources.soft_delete(row, if_match)
    session.flush()
    session.execute(
        sa.update(repo.delivery_t)
        .where(repo.delivery_t.c.subscription_id == row.id, repo.delivery_t.c.status == PENDING)
        .values(status="failed", last_error="subscription deleted", updated_at=clock.now())
    )
    resources.audit_write(session, caller, row, "delete")


def retry_delivery(session: Session, caller: Principal, delivery_id: uuid.UUID) -> WebhookDelivery:
    """Back to ``pending``, due now; the next attempt carries the same ``webhook-id``. It
    is sent once its subscription is active."""
    found = repo.delivery_in_scope(session.connection(), caller, delivery_id)
    if found is None:
        raise NotFound()
    row = session.get(WebhookDelivery, delivery_id, with_for_update=True)
    assert row is not None
    now = clock.now()
    row.status = PENDING
    row.next_attempt_at = now
    row.updated_at = now
    session.flush()
    audit.record(
        session,
        caller,
        "webhook_delivery.retry",
        resource_type="webhook_delivery",
        resource_id=row.id,
        detail={"subscription_id": str(row.subscription_id)},
    )
    return row

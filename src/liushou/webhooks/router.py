"""/webhook-subscriptions and /webhook-deliveries (docs/webhooks.md).

An admin or a partner client; any other caller is 403 ``forbidden``. A partner sees and
changes only its own subscriptions (404 otherwise). The secret is in the answers of the
creation and of ``rotate-secret`` only.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlmodel import Session
from starlette.responses import Response
from starlette.status import HTTP_201_CREATED

from liushou.api.concurrency import IfMatch
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import DatabaseDep, PersonalDataDep, SettingsDep
from liushou.api.pagination import Page, Paging, read_page
from liushou.api.resources import resource_headers
from liushou.api.responses import ONE_ERRORS, READ_ERRORS, WRITE_ERRORS, json_response
from liushou.api.routes import StandardRoutes
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep, UnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import SignedIn
from liushou.auth.principal import Principal
from liushou.errors import Forbidden, NotFound, problem_responses
from liushou.webhooks import repository as repo
from liushou.webhooks import service
from liushou.webhooks.models import WebhookSubscription
from liushou.webhooks.rules import MANAGERS
from liushou.webhooks.schemas import (
    WebhookDeliveryRead,
    WebhookSubscriptionCreate,
    WebhookSubscriptionRead,
    WebhookSubscriptionUpdate,
    WebhookSubscriptionWithSecret,
)


async def webhook_manager(caller: SignedIn) -> Principal:
    if caller.role not in MANAGERS:
        raise Forbidden(
            "只有系统管理员和合作单位可以管理 Webhook。",
            "Only an admin or a partner client manages webhooks.",
        )
    return caller


WebhookManager = Annotated[Principal, Depends(webhook_manager)]

webhook_subscriptions = APIRouter(prefix="/webhook-subscriptions", tags=["webhooks"])
webhook_deliveries = APIRouter(prefix="/webhook-deliveries", tags=["webhooks"])


def _read(row: Mapping[str, Any]) -> WebhookSubscriptionRead:
    return WebhookSubscriptionRead.model_validate(dict(row))


def _read_row(_session: Session, row: WebhookSubscription) -> WebhookSubscriptionRead:
    return WebhookSubscriptionRead.model_validate(row)


def _with_secret(found: service.WithSecret) -> WebhookSubscriptionWithSecret:
    read = WebhookSubscriptionRead.model_validate(found.row)
    return WebhookSubscriptionWithSecret(**read.model_dump(), secret=found.secret)


SUBSCRIPTIONS: ResourceWrites[WebhookSubscription, WebhookSubscriptionRead] = ResourceWrites(
    "/webhook-subscriptions/{row.id}", _read_row
)
ROUTES = StandardRoutes(
    webhook_subscriptions,
    "webhook_subscription",
    SUBSCRIPTIONS,
    WebhookSubscriptionRead,
    reader=WebhookManager,
    writer=WebhookManager,
)
ROUTES.list(
    repo.SubscriptionFilters,
    repo.list_subscriptions,
    ("created_at", "id"),
    body=_read,
    doc="The caller's subscriptions (an admin: every one), oldest first.",
)


@webhook_subscriptions.post(
    "",
    status_code=HTTP_201_CREATED,
    dependencies=JSON_BODY,
    responses=WRITE_ERRORS,
)
def create_webhook_subscription(
    body: WebhookSubscriptionCreate,
    caller: WebhookManager,
    uow: IdempotentUnitOfWorkDep,
    settings: SettingsDep,
    pii: PersonalDataDep,
) -> WebhookSubscriptionWithSecret:
    """Subscribe `url` to `events`. The answer holds the `secret` (`whsec_...`) that signs
    every delivery: it is shown here once and never again (`rotate-secret` makes a new
    one). An unknown event is 422 `unknown_event`, a partner's non-referral event 422
    `event_not_allowed`; a URL that is not http(s) 422 `invalid_url`; in production a URL
    that is not `https://` 422 `url_not_https`, one whose host resolves to a private,
    loopback, link-local or reserved address 422 `url_not_public`. A replay of the same
    `Idempotency-Key` answers the subscription without its secret."""
    found = service.create_subscription(uow.session, settings, pii, caller, body)
    headers = resource_headers(found.row, SUBSCRIPTIONS.location(found.row))
    # What an Idempotency-Key stores for a replay leaves the secret out: it is kept only
    # encrypted, and shown once.
    uow.respond(WebhookSubscriptionRead.model_validate(found.row), status=201, headers=headers)
    return _with_secret(found)


ROUTES.get_one(repo.get_subscription, _read)
ROUTES.update(
    WebhookSubscriptionUpdate,
    service.update_subscription,
    needs=(SettingsDep,),
    doc="""Change `url`, `events`, `description` or `active` (the same rules as the
    creation). `active: true` restarts a deactivated subscription with its count of failed
    deliveries at 0.""",
)
ROUTES.delete(
    service.delete_subscription,
    doc="Soft delete: nothing more is sent; its pending deliveries end `failed`.",
)


@webhook_subscriptions.post("/{webhook_subscription_id}/rotate-secret", responses=WRITE_ERRORS)
def rotate_webhook_subscription_secret(
    webhook_subscription_id: uuid.UUID,
    caller: WebhookManager,
    uow: UnitOfWorkDep,
    pii: PersonalDataDep,
    if_match: IfMatch = None,
) -> WebhookSubscriptionWithSecret:
    """A new secret, shown in this answer once; the old one signs nothing any more."""
    found = service.rotate_secret(uow.session, pii, caller, webhook_subscription_id, if_match)
    answer = _with_secret(found)
    uow.respond(answer, headers=resource_headers(found.row))
    return answer


DeliveryPage = Page[WebhookDeliveryRead]


@webhook_subscriptions.get(
    "/{webhook_subscription_id}/deliveries",
    response_model=DeliveryPage,
    responses=READ_ERRORS | problem_responses(404),
)
async def list_webhook_deliveries(
    webhook_subscription_id: uuid.UUID,
    db: DatabaseDep,
    caller: WebhookManager,
    page: Paging,
    filters: Annotated[repo.DeliveryFilters, Query()],
) -> Response:
    """The subscription's deliveries, newest first: `status` (`pending`, `succeeded`,
    `failed`), `attempts`, `last_response_code`, `last_error`, `next_attempt_at`."""
    found = await db.read(lambda conn: repo.get_subscription(conn, caller, webhook_subscription_id))
    if found is None:
        raise NotFound()
    answer = await read_page(
        db,
        page,
        DeliveryPage,
        lambda conn: repo.list_deliveries(conn, webhook_subscription_id, page, filters),
        lambda row: (row["created_at"], row["id"]),
        lambda row: WebhookDeliveryRead.model_validate(dict(row)),
    )
    return json_response(answer)


@webhook_deliveries.post("/{webhook_delivery_id}/retry", responses=ONE_ERRORS | WRITE_ERRORS)
def retry_webhook_delivery(
    webhook_delivery_id: uuid.UUID, caller: WebhookManager, uow: UnitOfWorkDep
) -> WebhookDeliveryRead:
    """Back to `pending`, due now (also a delivery that succeeded: a replay); its next
    attempt carries the same `webhook-id`. Sent once its subscription is active."""
    row = service.retry_delivery(uow.session, caller, webhook_delivery_id)
    return WebhookDeliveryRead.model_validate(row)

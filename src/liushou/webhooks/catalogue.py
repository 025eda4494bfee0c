"""The events liushou sends, published as the OpenAPI document's ``webhooks`` (docs/webhooks.md,
"Events"): one operation per event, describing the request a receiver gets, so that a
partner reads the catalogue in the same contract as the API and generated clients can type
the payload. Nothing here is served: these handlers are never called."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Response
from pydantic import BaseModel, Field

from liushou.webhooks.rules import EVENTS

events = APIRouter()


class WebhookEventData(BaseModel):
    id: uuid.UUID = Field(description="The resource's id: fetch it with your own token")
    resource_type: str = Field(examples=["referral"])
    version: int = Field(description="The resource's version after the change")


class WebhookEvent(BaseModel):
    """The thin payload of every delivery: what changed, never the resource itself."""

    type: str = Field(json_schema_extra={"enum": list(EVENTS)}, examples=["referral.created"])
    timestamp: datetime = Field(description="When the change was committed")
    data: WebhookEventData


_WHAT = {
    "created": "was created",
    "updated": "was changed",
    "deleted": "was deleted",
}
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Any 2xx answer acknowledges the delivery. Anything else, a timeout "
        "or a refused connection is a failed attempt, retried on the schedule. A 429 or 503 "
        "with Retry-After delays the next attempt; a 410 deactivates the subscription "
        '(docs/webhooks.md, "Sending and retries").'
    }
}


async def _received(
    body: WebhookEvent,
    webhook_id: Annotated[
        str,
        Header(
            alias="webhook-id",
            description="The delivery's id, the same on every attempt: deduplicate on it",
        ),
    ],
    webhook_timestamp: Annotated[
        int, Header(alias="webhook-timestamp", description="Unix seconds of this attempt")
    ],
    webhook_signature: Annotated[
        str,
        Header(
            alias="webhook-signature",
            description="`v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}` "
            "with the subscription's secret (Standard Webhooks); verify it on the raw body",
        ),
    ],
) -> None:
    raise NotImplementedError  # documentation only


def _declare(event: str) -> None:
    resource, verb = event.split(".")
    events.add_api_route(
        event,
        _received,
        methods=["POST"],
        name="on_" + event.replace(".", "_"),
        summary=f"A {resource.replace('_', ' ')} {_WHAT[verb]}",
        responses=_RESPONSES,
        status_code=200,
        response_class=Response,  # a receiver's answer body is not read
    )


for _event in EVENTS:
    _declare(_event)

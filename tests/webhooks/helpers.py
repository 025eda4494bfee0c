"""HTTP helpers and the sender's pass for the webhook tests."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI

from liushou.config import Settings
from liushou.webhooks import repository as repo
from liushou.webhooks.sender import deliver_due

API = "/api/v1"
SUBSCRIPTIONS = f"{API}/webhook-subscriptions"


def subscribe(
    client: httpx.Client, headers: dict[str, str], url: str, events: list[str], **extra: Any
) -> dict[str, Any]:
    response = client.post(
        SUBSCRIPTIONS, json={"url": url, "events": events, **extra}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def deliveries(
    client: httpx.Client, headers: dict[str, str], subscription: dict[str, Any]
) -> list[dict[str, Any]]:
    response = client.get(f"{SUBSCRIPTIONS}/{subscription['id']}/deliveries", headers=headers)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def send(app: FastAPI, settings: Settings | None = None) -> int:
    """One pass of the sender, as ``liushou worker`` runs it."""
    chosen = settings or app.state.settings
    return asyncio.run(deliver_due(app.state.db, app.state.personal_data, chosen))


def delivery_count(app: FastAPI) -> int:
    with app.state.db.engine.connect() as conn:
        return int(
            conn.execute(sa.select(sa.func.count()).select_from(repo.delivery_t)).scalar_one()
        )

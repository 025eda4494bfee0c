"""Helpers of the POST /sync/batch tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.registry.factories import API

BATCH = f"{API}/sync/batch"


def item(
    method: str, path: str, body: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    """A batch item; ``extra``: ``if_match``, ``idempotency_key``."""
    return {"method": method, "path": path, **({"body": body} if body is not None else {}), **extra}


def run(
    client: httpx.Client, headers: dict[str, str], *items: dict[str, Any]
) -> list[dict[str, Any]]:
    """POST the batch, which must answer 200 with one result per item; the results."""
    response = client.post(BATCH, json={"items": list(items)}, headers=headers)
    assert response.status_code == 200, response.text
    results = response.json()["items"]
    assert len(results) == len(items)
    return results

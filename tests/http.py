"""HTTP helpers every test package uses."""

from __future__ import annotations

from typing import Any

import httpx


def list_all(
    client: httpx.Client, url: str, headers: dict[str, str], **params: Any
) -> list[dict[str, Any]]:
    """Every item of a list, following next_cursor to the end."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(url, params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination never ended")

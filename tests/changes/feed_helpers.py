"""HTTP helpers for the change-feed tests."""

from __future__ import annotations

import time
from typing import Any

import httpx
import sqlalchemy as sa

from liushou.changes.capture import change_t
from liushou.db import Database
from tests.guardianship.helpers import API

CHANGES = f"{API}/changes"


def settled(client: Any) -> None:
    """On PostgreSQL, wait until every change written so far is old enough for the feed
    (``client`` a TestClient of the app, or the app's Database itself).

    The feed shows a change once every transaction older than the writing one has ended,
    on the whole server (docs/changes.md, "Order"): the tests of another xdist worker, in
    another database, hold it back for as long as their transactions run."""
    db = client if isinstance(client, Database) else client.app.state.db
    if db.is_sqlite:
        return
    ready = sa.text(
        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
        " > coalesce(max(txid), 0) FROM change"
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        with db.engine.connect() as conn:
            if conn.scalar(ready):
                return
        time.sleep(0.01)
    raise AssertionError("a transaction held the feed back for three minutes")


def feed_page(
    client: httpx.Client,
    headers: dict[str, str],
    after: str | None = None,
    *,
    settle: bool = True,
    **params: Any,
) -> dict[str, Any]:
    if settle:
        settled(client)
    query = {**params, **({"after": after} if after else {})}
    response = client.get(CHANGES, params=query, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert isinstance(body["next_cursor"], str) and body["next_cursor"]
    return body


def follow(
    client: httpx.Client, headers: dict[str, str], after: str | None = None, **params: Any
) -> tuple[list[dict[str, Any]], str]:
    """Every item from ``after`` to the end of the feed, and the cursor to resume from."""
    items: list[dict[str, Any]] = []
    for _ in range(1000):
        page = feed_page(client, headers, after, **params)
        items.extend(page["items"])
        after = page["next_cursor"]
        if not page["has_more"]:
            assert after is not None
            return items, after
    raise AssertionError("the feed never ended")


def of(items: list[dict[str, Any]], resource_id: str) -> list[tuple[str, str]]:
    """(resource_type, op) of the items about one resource, in feed order."""
    return [(i["resource_type"], i["op"]) for i in items if i["id"] == resource_id]


def change_rows(db: Any) -> list[dict[str, Any]]:
    """The change table in feed order, straight from the database."""

    with db.engine.connect() as conn:
        stmt = sa.select(change_t).order_by(change_t.c.txid, change_t.c.id)
        return [dict(r) for r in conn.execute(stmt).mappings()]

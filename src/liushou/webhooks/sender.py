"""Sending deliveries (docs/webhooks.md, "Sending", "Retries", "Worker").

:func:`deliver_due` is one pass: claim the due deliveries (a short write transaction, on a
worker thread), send them concurrently with one ``httpx.AsyncClient``, record every outcome
(one more short transaction). :func:`run` loops it until told to stop: ``liushou worker``
runs it (PostgreSQL: several may, ``FOR UPDATE SKIP LOCKED`` keeps them apart), and so does
a task of ``liushou serve`` when the database is SQLite. The API never waits for it.
"""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import anyio.to_thread
import httpx
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from standardwebhooks import Webhook

from liushou import clock
from liushou.config import Settings
from liushou.db import Database
from liushou.ops.logging import log
from liushou.pii import PiiError
from liushou.registry.person_values import PersonalData
from liushou.webhooks import repository as repo
from liushou.webhooks.models import FAILED, PENDING, SUCCEEDED
from liushou.webhooks.rules import UrlRefused, check_url, resolve
from liushou.webhooks.service import open_secret

DEACTIVATE_AFTER = 3  # failed deliveries in a row
GONE = 410  # the receiver says the endpoint is gone for good
THROTTLED = frozenset({429, 503})  # the answers whose Retry-After is honoured
LEASE_MARGIN_SECONDS = 30.0
USER_AGENT = "liushou-webhooks/1"


@dataclass(frozen=True, slots=True)
class Claimed:
    id: uuid.UUID
    subscription_id: uuid.UUID
    url: str
    secret: str | None  # None: it cannot be decrypted (its data key is no longer loaded)
    body: str
    attempts: int


@dataclass(frozen=True, slots=True)
class Outcome:
    claimed: Claimed
    at: datetime
    code: int | None
    error: str | None
    retry_after: float | None = None  # seconds, from a 429 or 503 answer

    @property
    def succeeded(self) -> bool:
        return self.code is not None and 200 <= self.code < 300


def body_of(payload: dict[str, Any]) -> str:
    """The exact bytes sent and signed."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def signed_headers(secret: str, message_id: str, at: datetime, body: str) -> dict[str, str]:
    """Standard Webhooks' three headers for one attempt (the timestamp: this attempt's)."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


def _claim(db: Database, pii: PersonalData, settings: Settings, limit: int) -> list[Claimed]:
    now = clock.now()
    with db.engine.connect() as conn:
        if not repo.any_due(conn.execution_options(liushou_autocommit=True), now):
            conn.rollback()
            return []
    lease = now + timedelta(seconds=settings.webhook_timeout_seconds + LEASE_MARGIN_SECONDS)
    with db.engine.begin() as conn:
        rows = repo.claim_due(conn, now, limit, lease)
    return [
        Claimed(
            r["id"],
            r["subscription_id"],
            r["url"],
            _secret(pii, r["subscription_id"], r["secret_cipher"]),
            body_of(r["payload"]),
            r["attempts"],
        )
        for r in rows
    ]


def _secret(pii: PersonalData, subscription_id: uuid.UUID, sealed: str) -> str | None:
    try:
        return open_secret(pii, subscription_id, sealed)
    except PiiError:
        log.error("webhook_secret_unreadable", subscription_id=str(subscription_id))
        return None


async def _target(url: str, production: bool) -> tuple[str, dict[str, str], dict[str, Any]]:
    """Where to connect. Production checks the host again now (DNS rebinding) and pins the
    address it checked: the request goes to that address, with the name as Host and as the
    TLS server name, so a second look-up cannot send it elsewhere."""
    if not production:
        return url, {}, {}
    addresses = await anyio.to_thread.run_sync(check_url, url, True, resolve)
    parts = urlsplit(url)
    host = parts.hostname or ""
    address = addresses[0]
    shown = f"[{address}]" if ":" in address else address
    netloc = shown if parts.port is None else f"{shown}:{parts.port}"
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    host_header = host if parts.port is None else f"{host}:{parts.port}"
    return pinned, {"host": host_header}, {"sni_hostname": host}


async def _send(client: httpx.AsyncClient, claimed: Claimed, production: bool) -> Outcome:
    at = clock.now()
    if claimed.secret is None:
        return Outcome(claimed, at, None, "secret cannot be decrypted")
    try:
        url, extra_headers, extensions = await _target(claimed.url, production)
        headers = signed_headers(claimed.secret, str(claimed.id), at, claimed.body)
        response = await client.post(
            url,
            content=claimed.body.encode(),
            headers=headers | extra_headers,
            extensions=extensions,
        )
        await response.aclose()
        code = response.status_code
        error = None if 200 <= code < 300 else f"HTTP {code}"
        wait = retry_after(response.headers.get("retry-after"), at) if code in THROTTLED else None
        return Outcome(claimed, at, code, error, wait)
    except UrlRefused as refused:
        return Outcome(claimed, at, None, refused.code)
    except httpx.TimeoutException:
        return Outcome(claimed, at, None, "timeout")
    except httpx.HTTPError as exc:
        return Outcome(claimed, at, None, f"{type(exc).__name__}: {exc}"[:500])


def retry_after(value: str | None, now: datetime) -> float | None:
    """A Retry-After header as seconds from ``now``: delta-seconds or an HTTP date. None
    when absent, unreadable or in the past."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT
        return None
    seconds = (when - now).total_seconds()
    return seconds if seconds > 0 else None


def next_delay(
    delays: tuple[float, ...], attempts: int, jitter: float, asked: float | None
) -> float:
    """The wait before the next attempt (docs/webhooks.md, "Sending and retries"): the
    schedule's delay spread by up to ``jitter`` either way, so that deliveries failing
    together do not all come back in the same second; no shorter than a receiver's
    Retry-After, which counts up to the schedule's longest delay, not beyond."""
    delay = delays[attempts - 1] * random.uniform(1 - jitter, 1 + jitter)
    if asked is not None:
        delay = max(delay, min(asked, max(delays)))
    return delay


def _record(
    db: Database, outcomes: list[Outcome], delays: tuple[float, ...], jitter: float
) -> None:
    """Each attempt's outcome. A success: ``succeeded``, its subscription's count of failed
    deliveries back to 0. A 410: ``failed`` and the subscription deactivated at once. Any
    other failure: the next attempt after :func:`next_delay`, or, the schedule run out,
    ``failed``, the count up by one and, at 3, the subscription deactivated."""
    d = repo.delivery_t
    now = clock.now()
    with db.engine.begin() as conn:
        for o in outcomes:
            attempts = o.claimed.attempts + 1
            values: dict[str, Any] = {
                "attempts": attempts,
                "last_attempt_at": o.at,
                "last_response_code": o.code,
                "last_error": o.error,
                "updated_at": now,
            }
            if o.succeeded:
                values |= {"status": SUCCEEDED, "next_attempt_at": None}
            elif o.code != GONE and attempts <= len(delays):
                wait = next_delay(delays, attempts, jitter, o.retry_after)
                values |= {"next_attempt_at": now + timedelta(seconds=wait)}
            else:
                values |= {"status": FAILED, "next_attempt_at": None}
            # Only while still ours: a manual retry or a deletion meanwhile wins.
            done = conn.execute(
                d.update().where(d.c.id == o.claimed.id, d.c.status == PENDING).values(values)
            )
            if done.rowcount == 0:
                continue
            if o.succeeded:
                _subscription_succeeded(conn, o.claimed.subscription_id)
            elif values.get("status") == FAILED:
                _subscription_failed(conn, o.claimed.subscription_id, now, gone=o.code == GONE)


def _subscription_succeeded(conn: Connection, subscription_id: uuid.UUID) -> None:
    s = repo.subscription_t
    conn.execute(
        s.update()
        .where(s.c.id == subscription_id, s.c.consecutive_failures != 0)
        .values(consecutive_failures=0)
    )


def _subscription_failed(
    conn: Connection, subscription_id: uuid.UUID, now: datetime, *, gone: bool
) -> None:
    """One more failed delivery; the third in a row, or a 410, deactivates."""
    s = repo.subscription_t
    conn.execute(
        s.update()
        .where(s.c.id == subscription_id)
        .values(consecutive_failures=s.c.consecutive_failures + 1)
    )
    deactivated = conn.execute(
        s.update()
        .where(
            s.c.id == subscription_id,
            s.c.active.is_(True),
            sa.true() if gone else s.c.consecutive_failures >= DEACTIVATE_AFTER,
        )
        .values(active=False, deactivated_at=now, updated_at=now, version=s.c.version + 1)
    )
    if deactivated.rowcount:
        log.warning(
            "webhook_subscription_deactivated", subscription_id=str(subscription_id), gone=gone
        )


def new_client(settings: Settings) -> httpx.AsyncClient:
    """No redirects followed (a 3xx is a failed attempt); the timeout of one attempt."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.webhook_timeout_seconds),
        follow_redirects=False,
        limits=httpx.Limits(max_connections=settings.webhook_batch_size),
    )


async def deliver_due(
    db: Database,
    pii: PersonalData,
    settings: Settings,
    *,
    client: httpx.AsyncClient | None = None,
    limit: int | None = None,
) -> int:
    """One pass: send every delivery due now (at most ``limit``, the batch size by
    default) and record the outcomes. Returns how many were attempted."""
    batch = limit or settings.webhook_batch_size
    claimed = await anyio.to_thread.run_sync(_claim, db, pii, settings, batch)
    if not claimed:
        return 0
    production = settings.environment == "production"
    if client is None:
        async with new_client(settings) as own:
            outcomes = await asyncio.gather(*(_send(own, c, production) for c in claimed))
    else:
        outcomes = await asyncio.gather(*(_send(client, c, production) for c in claimed))
    await anyio.to_thread.run_sync(
        _record,
        db,
        list(outcomes),
        settings.webhook_retry_delays,
        settings.webhook_retry_jitter,
    )
    return len(claimed)


async def run(
    db: Database, pii: PersonalData, settings: Settings, stop: asyncio.Event | None = None
) -> None:
    """Pass after pass until ``stop`` is set; an idle worker waits ``webhook_poll_seconds``
    between looks. A pass that fails is logged, and the next one comes after the wait."""
    stop = stop or asyncio.Event()
    async with new_client(settings) as client:
        while not stop.is_set():
            try:
                sent = await deliver_due(db, pii, settings, client=client)
            except Exception as exc:  # the loop outlives a bad pass (the database away)
                log.error("webhook_pass_failed", error=f"{type(exc).__name__}: {exc}"[:300])
                sent = 0
            if sent:
                continue
            try:
                await asyncio.wait_for(stop.wait(), settings.webhook_poll_seconds)
            except TimeoutError:
                pass

"""How fast one webhook sender drains its outbox (docs/webhooks.md, "Worker").

    .venv/bin/python bench/webhooks.py [--database sqlite|postgres] [--deliveries 5000]
                                       [--subscriptions 10] [--batch 50]

Standalone: a fresh migrated database (a temporary SQLite file, or a PostgreSQL database
created and dropped on 127.0.0.1), N pending deliveries spread over a few subscriptions,
and a fast local receiver in its own process (asyncio, keep-alive, 204 at once, no
verification). It runs the sender's pass (``deliver_due``) in a loop, as ``liushou worker``
does (one HTTP client for every pass), until nothing is due, and prints deliveries per second with the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from liushou import clock, migrations  # noqa: E402
from liushou import models as _models  # noqa: E402, F401
from liushou.config import Settings  # noqa: E402
from liushou.db import Database  # noqa: E402
from liushou.pii import generate_key  # noqa: E402
from liushou.registry.person_values import PersonalData  # noqa: E402
from liushou.webhooks import repository as repo  # noqa: E402
from liushou.webhooks.models import PENDING, SUCCEEDED  # noqa: E402
from liushou.webhooks.rules import new_secret  # noqa: E402
from liushou.webhooks.sender import deliver_due, new_client  # noqa: E402
from liushou.webhooks.service import seal_secret  # noqa: E402

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
RESPONSE = b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"


def _receive(port: int) -> None:
    """The receiver: reads each request (headers, then Content-Length bytes), answers 204."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                writer.write(RESPONSE)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=512)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database(stack: ExitStack, kind: str) -> str:
    if kind == "sqlite":
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        return f"sqlite:///{folder / 'webhooks.db'}"
    name = f"liushou_bench_webhooks_{os.getpid()}"

    def drop() -> None:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    drop()
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    stack.callback(drop)
    return POSTGRES_URL.format(name=name)


def _fill(db: Database, pii: PersonalData, url: str, subscriptions: int, deliveries: int) -> None:
    now = clock.now()
    subs: list[dict[str, Any]] = []
    for _ in range(subscriptions):
        sid = uuid.uuid4()
        subs.append(
            {
                "id": sid,
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "url": url,
                "events": ["person.created"],
                "active": True,
                "secret_cipher": seal_secret(pii, sid, new_secret()),
                "consecutive_failures": 0,
            }
        )
    rows = [
        {
            "id": uuid.uuid4(),
            "subscription_id": subs[i % subscriptions]["id"],
            "event_type": "person.created",
            "payload": {
                "type": "person.created",
                "timestamp": now.isoformat().replace("+00:00", "Z"),
                "data": {"id": str(uuid.uuid4()), "resource_type": "person", "version": 1},
            },
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(deliveries)
    ]
    with db.engine.begin() as conn:
        conn.execute(sa.insert(repo.subscription_t), subs)
        conn.execute(sa.insert(repo.delivery_t), rows)


def _count(db: Database, status: str) -> int:
    with db.engine.connect() as conn:
        stmt = sa.select(sa.func.count()).where(repo.delivery_t.c.status == status)
        return int(conn.execute(stmt.select_from(repo.delivery_t)).scalar_one())


async def _drain(db: Database, pii: PersonalData, settings: Settings) -> tuple[int, int]:
    """Pass after pass on one HTTP client, as ``liushou worker`` (sender.run) sends."""
    total = passes = 0
    async with new_client(settings) as client:
        while sent := await deliver_due(db, pii, settings, client=client):
            total += sent
            passes += 1
    return total, passes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--deliveries", type=int, default=5000)
    parser.add_argument("--subscriptions", type=int, default=10)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()

    with ExitStack() as stack:
        url = _database(stack, args.database)
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            database_url=url,
            secret_key="bench-" + generate_key(),
            data_key="b1:" + generate_key(),
            index_key="i1:" + generate_key(),
            webhook_batch_size=args.batch,
            webhook_in_app=False,
            log_level="WARNING",
        )
        migrations.upgrade(url, settings=settings)
        db = Database(url)
        stack.callback(db.dispose)
        pii = PersonalData.from_settings(settings)
        port = _free_port()
        receiver = multiprocessing.Process(target=_receive, args=(port,), daemon=True)
        receiver.start()
        stack.callback(receiver.terminate)
        time.sleep(0.5)
        _fill(db, pii, f"http://127.0.0.1:{port}/hook", args.subscriptions, args.deliveries)

        started = time.perf_counter()
        total, passes = asyncio.run(_drain(db, pii, settings))
        took = time.perf_counter() - started
        succeeded = _count(db, SUCCEEDED)
        load = os.getloadavg()
        print(  # noqa: T201 - a command-line tool's output
            f"{args.database}: {total} deliveries in {took:.2f} s over {passes} passes of "
            f"{args.batch}: {total / took:,.0f} deliveries/s; {succeeded} succeeded; "
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
            f"({os.cpu_count()} CPUs)",
            flush=True,
        )


if __name__ == "__main__":
    main()

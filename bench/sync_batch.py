"""A batch of 100 PUTs against the same 100 PUTs sent one by one over keep-alive.

    python bench/sync_batch.py [--database sqlite|postgres] [--rounds 10] [--items 100]

Issue #14's goal: ``POST /api/v1/sync/batch`` with 100 ``PUT /persons/{id}`` items at least
50 % of the throughput of the same PUTs sent alone, one after the other on one keep-alive
connection (a phone syncing its queue). Both create new elders (a fresh client-chosen id
and ID number each) with the bodies of bench/writes.py, as the ``street_staff`` user of
bench/seed.py. ``liushou serve`` runs as in bench/run.py (defaults, one worker, access log
on); the database holds the seeded regions and 1,000 persons. The rounds alternate (singles,
batch, singles, ...) after one unmeasured round of each; the median round is reported.
Every answer is checked (201, every batch item ``applied``). Measures only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import seed
import writes
from run import BIN, fresh_database, get_token, service_env, start

from liushou.clock import today

PERSONS = 1_000
FIRST_NUMBER = 7 * writes.OFFSET_STEP  # ID numbers no other bench part hands out


class Bodies:
    """New elders: bench/writes.py's templates, each with an ID number of its own."""

    def __init__(self, fixture: seed.Fixture) -> None:
        since = today() - timedelta(days=100)
        self._templates = writes.templates(fixture.township_villages, since)
        self._next = FIRST_NUMBER

    def take(self) -> tuple[str, dict[str, object]]:
        self._next += 1
        template = self._templates[self._next % len(self._templates)]
        body = json.loads(template.replace("@ID@", writes.id_number(self._next)))
        return f"/api/v1/persons/{uuid.uuid4()}", body


def singles(conn: http.client.HTTPConnection, token: str, bodies: Bodies, n: int) -> float:
    """n PUTs one after the other on one connection; seconds."""
    requests = [bodies.take() for _ in range(n)]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    started = time.perf_counter()
    for path, body in requests:
        conn.request("PUT", path, json.dumps(body, ensure_ascii=False).encode(), headers)
        response = conn.getresponse()
        answer = response.read()
        if response.status != 201:
            raise SystemExit(f"PUT {path}: {response.status} {answer[:300]!r}")
    return time.perf_counter() - started


def batch(conn: http.client.HTTPConnection, token: str, bodies: Bodies, n: int) -> float:
    """The same n PUTs as one batch; seconds."""
    items = []
    for _ in range(n):
        path, body = bodies.take()
        items.append({"method": "PUT", "path": path, "body": body})
    payload = json.dumps({"items": items}, ensure_ascii=False).encode()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    started = time.perf_counter()
    conn.request("POST", "/api/v1/sync/batch", payload, headers)
    response = conn.getresponse()
    answer = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"batch: {response.status} {answer[:300]!r}")
    results = json.loads(answer)["items"]
    refused = [r for r in results if (r["status"], r["outcome"]) != (201, "applied")]
    if len(results) != n or refused:
        raise SystemExit(f"batch: {len(refused)} items not created, e.g. {refused[:1]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=10, help="measured rounds of each")
    parser.add_argument("--items", type=int, default=100, help="PUTs a round (at most 100)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="liushou-sync-")))
        url = fresh_database(stack, args.database, workdir)
        env = service_env(url)
        subprocess.run([BIN / "liushou", "migrate"], env=env, cwd=workdir, check=True)
        pii = seed.personal_data(env["LIUSHOU_DATA_KEY"], env["LIUSHOU_INDEX_KEY"])
        fixture = seed.seed(url, pii, PERSONS)
        serve = [BIN / "liushou", "serve", "--host", "127.0.0.1"]
        service = start(stack, "service", serve, env, workdir)
        token = get_token(service.base)
        address = urlsplit(service.base)
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        stack.callback(conn.close)
        bodies = Bodies(fixture)
        singles(conn, token, bodies, args.items)  # unmeasured: warms both paths
        batch(conn, token, bodies, args.items)
        alone, together = [], []
        for _ in range(args.rounds):
            alone.append(singles(conn, token, bodies, args.items))
            together.append(batch(conn, token, bodies, args.items))
        report(args, statistics.median(alone), statistics.median(together))


def report(args: argparse.Namespace, alone: float, together: float) -> None:
    n = args.items
    ratio = alone / together  # the batch's PUTs/s over the singles' PUTs/s
    verdict = "met" if ratio >= 0.5 else "MISSED"
    lines = [
        f"sync batch ({args.database}, {n} PUTs /persons/{{id}} a round, median of "
        f"{args.rounds} rounds)",
        f"  one by one, keep-alive: {alone * 1000:8.1f} ms  {n / alone:8.0f} PUTs/s",
        f"  one batch:              {together * 1000:8.1f} ms  {n / together:8.0f} PUTs/s",
        f"  batch / one by one:     {ratio:8.2f}×  (goal ≥ 0.50×: {verdict})",
    ]
    print("\n".join(lines), flush=True)  # noqa: T201


if __name__ == "__main__":
    main()

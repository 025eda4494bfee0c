"""A batch of 100 PUTs against the same 100 PUTs sent one by one over keep-alive.

    python bench/run.py --only sync [--sync-rounds 10]      (the part "sync" of the bench)
    python bench/sync_batch.py [--database sqlite|postgres] [--rounds 10] [--items 100]

Issue #14's goal: ``POST /api/v1/sync/batch`` with 100 ``PUT /persons/{id}`` items at least
50 % of the throughput of the same PUTs sent alone, one after the other on one keep-alive
connection (a phone syncing its queue). Both create new elders (a fresh client-chosen id
and ID number each) with the bodies of bench/writes.py, as the ``street_staff`` user of
bench/seed.py. ``liushou serve`` runs as in bench/run.py (defaults, one worker, access log
on); alone, the database holds the seeded regions and 1,000 persons (in bench/run.py, what
its run seeded). The rounds alternate (singles, batch, singles, ...) after one unmeasured
round of each; the median round is reported. Every answer is checked (201, every batch item
``applied``). Measures only.
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

from liushou.clock import today

PERSONS = 1_000
ITEMS = 100  # PUTs a round: the most a batch takes
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


def measure(base: str, token: str, fixture: seed.Fixture, rounds: int, items: int) -> dict:  # type: ignore[type-arg]
    """One unmeasured round of each, then ``rounds`` of each, alternating; the seconds of
    every round (bench/run.py's part "sync" and this module's own run)."""
    address = urlsplit(base)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        bodies = Bodies(fixture)
        singles(conn, token, bodies, items)  # unmeasured: warms both paths
        batch(conn, token, bodies, items)
        alone, together = [], []
        for _ in range(rounds):
            alone.append(singles(conn, token, bodies, items))
            together.append(batch(conn, token, bodies, items))
    finally:
        conn.close()
    return {"items": items, "singles_s": alone, "batch_s": together}


def main() -> None:
    from run import BIN, fresh_database, get_token, service_env, start

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=10, help="measured rounds of each")
    parser.add_argument("--items", type=int, default=ITEMS, help="PUTs a round (at most 100)")
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
        report(measure(service.base, token, fixture, args.rounds, args.items), args.database)


MIN_RATIO = 0.5


def report(result: dict | None, database: str) -> dict | None:  # type: ignore[type-arg]
    """Print the medians and the ratio; return the figures for bench/results/<time>.json."""
    if not result:
        return None
    n, rounds = result["items"], len(result["singles_s"])
    alone, together = statistics.median(result["singles_s"]), statistics.median(result["batch_s"])
    ratio = alone / together  # the batch's PUTs/s over the singles' PUTs/s
    verdict = "met" if ratio >= MIN_RATIO else f"MISSED: {ratio:.2f}x < {MIN_RATIO:.2f}x"
    lines = [
        "",
        f"sync batch ({database}, {n} PUTs /persons/{{id}} a round, median of {rounds} rounds):",
        f"  one by one, keep-alive: {alone * 1000:8.1f} ms  {n / alone:8.0f} PUTs/s",
        f"  one batch:              {together * 1000:8.1f} ms  {n / together:8.0f} PUTs/s",
        f"  batch / one by one:     {ratio:8.2f}x  (goal >= {MIN_RATIO:.2f}x: {verdict})",
    ]
    print("\n".join(lines), flush=True)  # noqa: T201
    return {
        **result,
        "singles_median_s": round(alone, 4),
        "batch_median_s": round(together, 4),
        "singles_puts_per_s": round(n / alone, 1),
        "batch_puts_per_s": round(n / together, 1),
        "ratio": round(ratio, 3),
        "goal_met": ratio >= MIN_RATIO,
    }


if __name__ == "__main__":
    main()

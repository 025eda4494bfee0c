"""The change feed part of bench/run.py (``--only feed``; docs/changes.md).

Data (``seed_feed``), seeded only when the part runs: ``--feed-persons`` (20,000) new persons
in the villages of a township of their own (the last one; no other part reads it), and a
visit for every second of them (by one of its village's caretakers), written in
transactions of 1,000 persons and their visits with Core executemany **through a
``Session``**, as the person import writes its batches: so the change rows are written by
the service's capture (``liushou.changes.capture``, ``do_orm_execute``), exactly as in
production, one per person and per visit. (bench/seed.py's bulk inserts go straight to the
driver and leave no change rows: the persons and care of the other parts are not in the
feed.) A ``street_staff`` user held to that township (``bench_feed``) reads the feed.

Then, on the service and on the baseline (bench/feed_baseline.py), alternately, one
unmeasured round each and ``--feed-rounds`` (3) measured: ``GET /api/v1/changes?limit=500``
(the most the feed gives a page) from the start, each ``next_cursor`` until ``has_more`` is
false, one page at a time on one keep-alive connection, as a phone syncing. The unmeasured
rounds are compared whole (every item, ``data`` included). Figures: the median round's
changes/s and ms per page. Goal: >= 50 % of the baseline's changes/s.
"""

from __future__ import annotations

import http.client
import random
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
import sqlalchemy as sa
from care import Care, seeded
from people import People, columns, created_at
from sqlmodel import Session

from liushou.auth.accounts import create_user
from liushou.auth.roles import Role
from liushou.changes.capture import change_t
from liushou.db import Database
from liushou.guardianship.models import Visit
from liushou.registry.models import PersonVersion
from liushou.registry.person_values import PersonalData
from liushou.tables import person_t

PERSONS = 20_000
BATCH = 1_000  # persons a transaction (with their visits)
LIMIT = 500  # the feed's largest page (limit's maximum)
ROUNDS = 3
MIN_RATIO = 0.5
USERNAME = "bench_feed"


def say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - a command-line tool's output


def seed_feed(url: str, pii: PersonalData, password: str, persons: int) -> dict[str, Any]:
    """The feed's persons and visits, their change rows written by the capture."""
    started = time.perf_counter()
    db = Database(url)
    version_t: sa.Table = PersonVersion.__table__  # type: ignore[attr-defined]
    visit_t: sa.Table = Visit.__table__  # type: ignore[attr-defined]
    try:
        with db.engine.connect() as conn:
            township = conn.execute(
                sa.text(
                    "SELECT id, code, path FROM region WHERE level = 'township' "
                    "AND deleted_at IS NULL ORDER BY code DESC LIMIT 1"
                )
            ).one()
            villages = conn.execute(
                sa.text(
                    "SELECT id, code, path FROM region WHERE parent_id = :t "
                    "AND deleted_at IS NULL ORDER BY code"
                ),
                {"t": township.id if db.is_sqlite else str(township.id)},
            ).all()
            caretakers: dict[Any, list[uuid.UUID]] = {}
            for c_id, region_id in conn.execute(
                sa.text("SELECT id, region_id FROM caretaker WHERE deleted_at IS NULL")
            ):
                caretakers.setdefault(region_id, []).append(_as_uuid(c_id))
        db.run_in_session(
            lambda s: create_user(
                s, USERNAME, Role.street_staff, password, region_code=township.code
            )
        )
        people = People(seed=20261207)
        care = Care(seed=20261208)
        rng = random.Random(8)
        written = {"persons": 0, "visits": 0}
        for first in range(0, persons, BATCH):
            rows, versions, visits = [], [], []
            for n in range(first, min(first + BATCH, persons)):
                v_id, v_code, v_path = villages[n % len(villages)]
                village = _as_uuid(v_id)
                d = people.describe(village, v_code, v_path, may_exit=False)
                row, made = columns(d, pii, created_at(rng), uuid.UUID(int=0))
                rows.append(row)
                versions.extend(made)
                if n % 2 == 0 and caretakers.get(v_id):
                    _, seen = care.assignments_and_visits(seeded(row), caretakers[v_id], 1)
                    visits.extend(seen)
            with Session(db.engine) as session:  # the capture sees Session.execute's inserts
                session.execute(person_t.insert(), rows)
                session.execute(version_t.insert(), versions)
                if visits:
                    session.execute(visit_t.insert(), visits)
                session.commit()
            written["persons"] += len(rows)
            written["visits"] += len(visits)
        with db.engine.connect() as conn:
            changes = conn.execute(sa.select(sa.func.count()).select_from(change_t)).scalar_one()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        return {
            **written,
            "changes": int(changes),
            "township_code": township.code,
            "seconds": time.perf_counter() - started,
        }
    finally:
        db.dispose()


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=value)


def settled(url: str, cap_s: float = 300) -> float:
    """PostgreSQL: wait until every change row is below the server's oldest running
    transaction, so the feed shows them all (docs/changes.md, "Order"; other databases of
    the shared server hold it back too). Seconds waited."""
    started = time.perf_counter()
    db = Database(url)
    try:
        if db.is_sqlite:
            return 0.0
        ready = sa.text(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
            " > coalesce(max(txid), 0) FROM change"
        )
        while time.perf_counter() - started < cap_s:
            with db.engine.connect() as conn:
                if conn.scalar(ready):
                    return time.perf_counter() - started
            time.sleep(0.05)
        say("feed: WARNING a transaction on the server held the feed back; measuring anyway")
        return time.perf_counter() - started
    finally:
        db.dispose()


@dataclass
class Round:
    seconds: float
    pages: int
    items: list[dict[str, Any]]

    @property
    def changes_per_s(self) -> float:
        return len(self.items) / self.seconds if self.seconds else 0.0

    @property
    def ms_per_page(self) -> float:
        return self.seconds * 1000 / self.pages if self.pages else 0.0


def follow(base: str, token: str, limit: int = LIMIT) -> Round:
    """GET /api/v1/changes?limit= from the start, each next_cursor until has_more is false."""
    address = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
    headers = {"Authorization": f"Bearer {token}"}
    first = f"/api/v1/changes?limit={limit}"
    items: list[dict[str, Any]] = []
    pages, cursor = 0, None
    started = time.perf_counter()
    try:
        while True:
            path = first if cursor is None else f"{first}&after={urllib.parse.quote(cursor)}"
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                raise SystemExit(f"feed: {base}{path} answered {response.status}: {body[:300]!r}")
            page = orjson.loads(body)
            pages += 1
            items.extend(page["items"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
    finally:
        conn.close()
    return Round(time.perf_counter() - started, pages, items)


def compare(service: list[dict[str, Any]], baseline: list[dict[str, Any]]) -> str | None:
    """The first difference of two walks (None: the same items in the same order)."""
    if len(service) != len(baseline):
        return f"{len(service):,} items against {len(baseline):,}"
    for n, (a, b) in enumerate(zip(service, baseline, strict=True)):
        if a != b:
            keys = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            if keys == ["data"] and a["data"] and b["data"]:
                keys = [
                    f"data.{k}"
                    for k in sorted(a["data"].keys() | b["data"].keys())
                    if a["data"].get(k) != b["data"].get(k)
                ]
            return f"item {n} ({a.get('resource_type')} {a.get('id')}): {', '.join(keys)}"
    return None


def measure(
    service: Any, baseline: Any, url: str, filled: dict[str, Any], rounds: int, token: Any
) -> dict[str, Any]:
    """One unmeasured round on each (compared whole), then ``rounds`` measured, alternating."""
    waited = settled(url)
    bearer = token(USERNAME)
    servers = {"service": service.base, "baseline": baseline.base}
    warm = {name: follow(base, bearer) for name, base in servers.items()}
    difference = compare(warm["service"].items, warm["baseline"].items)
    if difference:
        say(f"feed: WARNING the service and the baseline answer differently: {difference}")
    measured: dict[str, list[Round]] = {name: [] for name in servers}
    for _ in range(rounds):
        for name, base in servers.items():
            measured[name].append(follow(base, bearer))
    say("feed: done")
    return {
        "filled": filled,
        "waited_s": waited,
        "expected": filled["persons"] + filled["visits"],
        "same_answers": difference is None,
        "difference": difference,
        "rounds": {
            name: [{"seconds": r.seconds, "pages": r.pages, "items": len(r.items)} for r in done]
            for name, done in measured.items()
        },
    }


def report(result: dict[str, Any] | None, args: Any, table: Any) -> dict[str, Any] | None:
    """Print the part's table; return its figures for bench/results/<time>.json."""
    if not result:
        return None
    lines, figures = [], {}
    for name, rounds in result["rounds"].items():
        middle = sorted(rounds, key=lambda r: r["seconds"])[len(rounds) // 2]
        per_s = middle["items"] / middle["seconds"]
        figures[name] = {
            **middle,
            "changes_per_s": round(per_s, 1),
            "ms_per_page": round(middle["seconds"] * 1000 / middle["pages"], 2),
            "all_seconds": [round(r["seconds"], 3) for r in rounds],
        }
    svc, raw = figures["service"], figures["baseline"]
    ratio = svc["changes_per_s"] / raw["changes_per_s"] if raw["changes_per_s"] else None
    goal = (
        "n/a"
        if ratio is None
        else "met"
        if ratio >= MIN_RATIO
        else f"MISSED: {ratio:.0%} < {MIN_RATIO:.0%}"
    )
    for name, f in figures.items():
        lines.append(
            [
                name,
                f"{f['seconds']:.2f}",
                f"{f['pages']:,}",
                f"{f['items']:,}",
                f"{f['changes_per_s']:,.0f}",
                f"{f['ms_per_page']:.1f}",
                " ".join(f"{s:.2f}" for s in f["all_seconds"]),
            ]
        )
    filled = result["filled"]
    say("")
    say(
        f"change feed: GET /changes?limit={LIMIT} from the start to the end, the street staff "
        f"of a township with {filled['persons']:,} persons and {filled['visits']:,} visits "
        f"({args.database}; median of {len(result['rounds']['service'])} rounds):"
    )
    table(["server", "seconds", "pages", "changes", "changes/s", "ms/page", "rounds (s)"], lines)
    note = "" if result["same_answers"] else f" (WARNING: answers differ: {result['difference']})"
    say(
        f"  ratio {'n/a' if ratio is None else f'{ratio:.0%}'}; goal >= {MIN_RATIO:.0%} of the "
        f"baseline's changes/s: {goal}{note}"
    )
    if result["waited_s"] > 0.5:
        say(f"  (waited {result['waited_s']:.1f} s for older transactions on the server)")
    return {
        **figures,
        "expected_items": result["expected"],
        "seeded": filled,
        "ratio": None if ratio is None else round(ratio, 3),
        "same_answers": result["same_answers"],
        "goal_met": goal == "met",
    }

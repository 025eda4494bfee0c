"""The services part of the benchmark (``--only services``): service records and the
summary report, on the service and on the raw baseline (bench/services_baseline.py).

1. ``POST /api/v1/service-records`` under ``wrk -c16`` (bench/create_record.lua): a new
   valid record per request (a person of the caller's township on the register, a type
   serving its category, a day of its stay in the last 90 days), each with an
   Idempotency-Key of its own. Goal: >= 30 % of the baseline's creates/s, p99 <= 3x.
2. ``GET /api/v1/service-records?region_id=<township>&from=&to=`` (the last ~3 months,
   limit 50). Goal: >= 50 % of the baseline's req/s, p99 <= 3x.
3. ``GET /api/v1/reports/summary?region_id=<township>`` (street staff) and
   ``?region_id=<county>`` (the auditor), the period the year so far: a heavy read (503
   ``busy`` counted apart, bench/statuses.lua). Goal: >= 50 % of the hand-written SQL.
4. ``GET /api/v1/reports/summary.xlsx?region_id=<county>``: seconds, bytes and the
   service's peak memory (VmHWM reset just before, bench/streams.py).

Before each load both servers answer once and the answers are compared (a warning when
they differ; for the summary every section is compared).
"""

from __future__ import annotations

import json
import random
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import streams
from load import BENCH, STATUSES_SCRIPT, Load, answer_of, run_wrk
from services_seed import catalogue

from liushou.clock import today
from liushou.db import Database

SCRIPT = BENCH / "create_record.lua"
BODIES = 512
LIST_DAYS = 91  # the list's period: about 3 months
# Every section of the summary, compared between the service and the baseline.
SUMMARY_SECTIONS = (
    "region_id",
    "from",
    "to",
    "registry",
    "care",
    "services",
    "activities",
    "wishes",
    "legal",
    "distributions",
)
MIN_WRITE_RATIO = 0.3
MIN_READ_RATIO = 0.5
MAX_P99_RATIO = 3.0


def say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - a command-line tool's output


def _get(url: str, token: str, timeout: float = 120) -> tuple[int, Any]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")[:300]


def record_bodies(url: str, region_path: str, seed: int = 5) -> list[str]:
    """Create bodies: persons of the caller's township on the register today, each with a
    type serving its category and a day of its stay within the last 90 days."""
    rng = random.Random(seed)
    day = today()
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            types = catalogue(conn)
            high = region_path[:-1] + "0"
            rows = conn.execute(
                sa.text(
                    "SELECT id, category, left_behind_since FROM person "
                    "WHERE deleted_at IS NULL AND status = 'active' "
                    "AND (counts_until IS NULL OR counts_until > :day) "
                    "AND region_path >= :low AND region_path < :high ORDER BY id"
                ),
                {
                    "day": day.isoformat() if conn.dialect.name == "sqlite" else day,
                    "low": region_path,
                    "high": high,
                },
            ).all()
    finally:
        db.dispose()
    bodies = []
    chosen = [r for r in rows if types.get(r[1])]
    rng.shuffle(chosen)
    for id_, category, since in chosen[:BODIES]:
        begun = since if isinstance(since, date) else date.fromisoformat(since)
        first = max(begun, day - timedelta(days=90))
        delivered = first + timedelta(days=rng.randint(0, (day - first).days))
        person = str(id_) if not isinstance(id_, str) else str(uuid.UUID(hex=id_))
        body = {
            "person_id": person,
            "service_type": rng.choice(types[category]),
            "delivered_on": delivered.isoformat(),
            "quantity": 1,
        }
        bodies.append(json.dumps(body))
    return bodies


def post_one(base: str, token: str, body: str) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        base + "/api/v1/service-records",
        data=body.encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "Idempotency-Key": secrets.token_hex(16),
        },
    )
    return answer_of(request, timeout=10)


def same_create(service: tuple[int, dict[str, Any]], other: tuple[int, dict[str, Any]]) -> str:
    """'' when both created the same record (ids and instants aside)."""
    if service[0] != 201 or other[0] != 201:
        return f"statuses {service[0]} and {other[0]}: {str(service[1])[:300]} / {other[1]}"
    differ = {"id", "created_at", "updated_at"}
    a = {k: v for k, v in service[1].items() if k not in differ}
    b = {k: v for k, v in other[1].items() if k not in differ}
    return "" if a == b else f"answers differ:\n  service:  {a}\n  baseline: {b}"


def compare(
    name: str, service: tuple[int, Any], other: tuple[int, Any], keys: tuple[str, ...] = ()
) -> bool:
    """True when both answered 200 with the same JSON (only ``keys`` when given); else
    a warning naming the first difference."""
    a, b = service[1], other[1]
    if service[0] == 200 and other[0] == 200 and isinstance(a, dict) and isinstance(b, dict):
        names = keys or tuple(sorted(set(a) | set(b)))
        differing = [k for k in names if a.get(k) != b.get(k)]
        if not differing:
            return True
        say(f"WARNING {name}: the service and the baseline answer differently:")
        for k in differing[:3]:
            say(f"  {k}: {_first_difference(a.get(k), b.get(k))}")
        return False
    say(f"WARNING {name}: the service and the baseline answer differently:")
    say(f"  service:  {service[0]} {str(a)[:400]}")
    say(f"  baseline: {other[0]} {str(b)[:400]}")
    return False


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{where}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items on the service, {len(b)} on the baseline"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return f"{where}: service {str(a)[:200]} / baseline {str(b)[:200]}"


def _load_pair(
    wrk: str,
    servers: dict[str, str],
    path: str,
    token: str,
    args: Any,
    script: Path | None = None,
    script_args: list[str] | None = None,
) -> dict[str, Load]:
    auth = [f"Authorization: Bearer {token}"]
    loads = {}
    for name, base in servers.items():
        extra = [*(script_args or [])]
        run_wrk(wrk, base + path, auth, args.warmup, args.connections, script, extra)
        loads[name] = run_wrk(
            wrk, base + path, auth, args.duration, args.connections, script, extra
        )
    return loads


def measure(
    wrk: str,
    service: Any,
    baseline: Any,
    fixture: Any,
    args: Any,
    workdir: Path,
    url: str,
    token_for: Any,
) -> dict[str, Any]:
    """Every figure of the part; ``token_for(username)`` fetches a token from the service."""
    import seed

    servers = {"service": service.base, "baseline": baseline.base}
    result: dict[str, Any] = {}
    staff = token_for(seed.USERNAME)
    auditor = token_for(seed.AUDITOR)

    # 1. POST /service-records
    bodies = record_bodies(url, fixture.region_path)
    if bodies:
        problem = same_create(
            post_one(service.base, staff, bodies[0]), post_one(baseline.base, staff, bodies[0])
        )
        if problem:
            say(f"WARNING POST /service-records: {problem}")
        path_file = workdir / "create_record_bodies.jsonl"
        path_file.write_text("\n".join(bodies) + "\n")
        loads = {}
        for name, base in servers.items():
            auth = [f"Authorization: Bearer {staff}"]
            post = base + "/api/v1/service-records"
            run_wrk(
                wrk,
                post,
                auth,
                args.warmup,
                args.connections,
                SCRIPT,
                [str(path_file), secrets.token_hex(6)],
            )
            loads[name] = run_wrk(
                wrk,
                post,
                auth,
                args.duration,
                args.connections,
                SCRIPT,
                [str(path_file), secrets.token_hex(6)],
            )
        result["writes"] = loads
    else:
        say("WARNING services: no person of the township to record a service for")
    say("services: writes done")

    # 2. the list
    until = today()
    since = until - timedelta(days=LIST_DAYS - 1)
    list_path = (
        f"/api/v1/service-records?region_id={fixture.township_id}"
        f"&from={since.isoformat()}&to={until.isoformat()}"
    )
    compare(
        "GET /service-records",
        _get(service.base + list_path, staff),
        _get(baseline.base + list_path, staff),
    )
    result["list"] = _load_pair(wrk, servers, list_path, staff, args)
    say("services: list done")

    # 3. the summary, township and county
    result["summary"] = {}
    for label, region_id, token in (
        ("township", fixture.township_id, staff),
        ("county", fixture.county_id, auditor),
    ):
        path = f"/api/v1/reports/summary?region_id={region_id}"
        compare(
            f"GET /reports/summary ({label})",
            _get(service.base + path, token),
            _get(baseline.base + path, token),
            SUMMARY_SECTIONS,
        )
        result["summary"][label] = _load_pair(wrk, servers, path, token, args, STATUSES_SCRIPT)
        say(f"services: summary ({label}) done")

    # 4. the workbook
    path = f"/api/v1/reports/summary.xlsx?region_id={fixture.county_id}"
    rss_before = streams.reset_peak(service.pid)
    started = time.perf_counter()
    request = urllib.request.Request(
        service.base + path, headers={"Authorization": f"Bearer {auditor}"}
    )
    size, status = 0, 0
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            status = response.status
            while chunk := response.read(65536):
                size += len(chunk)
    except urllib.error.HTTPError as exc:
        status = exc.code
    seconds = time.perf_counter() - started
    peak = streams.peak_kib(service.pid)
    if status != 200:
        say(f"WARNING summary.xlsx answered {status}")
    result["xlsx"] = {
        "path": path,
        "status": status,
        "bytes": size,
        "seconds": round(seconds, 3),
        "rss_before_kib": rss_before,
        "peak_rss_kib": peak,
    }
    say("services: done")
    return result


# --- output ----------------------------------------------------------------------------


def _latencies(load: Load) -> str:
    if load.p99_ms == 0 and load.timeouts:
        return "all > 2000"
    return f"{load.p50_ms:.2f} / {load.p99_ms:.2f}"


def _p99(load: Load) -> float:
    return load.p99_ms if load.p99_ms > 0 or not load.timeouts else 2000.0


def _goal(svc: Load, raw: Load, min_ratio: float) -> tuple[float | None, float | None, str]:
    ratio = svc.ok_per_s / raw.ok_per_s if raw.ok_per_s else None
    p99_ratio = _p99(svc) / _p99(raw) if _p99(raw) else None
    if ratio is None or p99_ratio is None:
        return ratio, p99_ratio, "n/a: a server completed no request"
    misses = []
    if ratio < min_ratio:
        misses.append(f"{ratio:.0%} < {min_ratio:.0%}")
    if p99_ratio > MAX_P99_RATIO:
        misses.append(f"p99 {p99_ratio:.1f}x > {MAX_P99_RATIO:.0f}x")
    goal = "met" if not misses else "MISSED: " + ", ".join(misses)
    notes = []
    if svc.errors or raw.errors:
        notes.append(f"errors: {svc.errors} service, {raw.errors} baseline!")
    if svc.busy or raw.busy:
        notes.append(f"{svc.busy + raw.busy} busy")
    return ratio, p99_ratio, goal + (f" ({', '.join(notes)})" if notes else "")


def report(result: dict[str, Any] | None, args: Any, table: Any) -> dict[str, Any] | None:
    """Print the part's table; return its figures for bench/results/<time>.json."""
    if not result:
        return None
    rows: list[tuple[str, str, dict[str, Load], float]] = []
    if "writes" in result:
        rows.append(("POST /service-records", "creates/s", result["writes"], MIN_WRITE_RATIO))
    rows.append(
        ("GET /service-records?region_id=&from=&to=", "req/s", result["list"], MIN_READ_RATIO)
    )
    for label, loads in result["summary"].items():
        rows.append((f"GET /reports/summary ({label})", "req/s", loads, MIN_READ_RATIO))
    say("")
    say(f"services at {args.connections} connections ({args.database}):")
    header = [
        "request",
        "service /s",
        "baseline /s",
        "ratio",
        "service p50/p99 ms",
        "baseline p50/p99 ms",
        "p99 ratio",
        "goal",
    ]
    lines, figures = [], []
    for name, unit, loads, min_ratio in rows:
        svc, raw = loads["service"], loads["baseline"]
        ratio, p99_ratio, goal = _goal(svc, raw, min_ratio)
        lines.append(
            [
                name,
                f"{svc.ok_per_s:,.0f}",
                f"{raw.ok_per_s:,.0f}",
                "n/a" if ratio is None else f"{ratio:.0%}",
                _latencies(svc),
                _latencies(raw),
                "n/a" if p99_ratio is None else f"{p99_ratio:.1f}x",
                f"{goal} (>= {min_ratio:.0%})",
            ]
        )
        figures.append(
            {
                "request": name,
                "unit": unit,
                "service": svc.as_dict(),
                "baseline": raw.as_dict(),
                "ratio": None if ratio is None else round(ratio, 3),
                "p99_ratio": None if p99_ratio is None else round(p99_ratio, 2),
                "min_ratio": min_ratio,
                "goal_met": goal.startswith("met"),
            }
        )
    table(header, lines)
    say(
        f"goal: ratio >= the goal shown, p99 ratio <= {MAX_P99_RATIO:.0f}x; "
        f"wrk -t1 -c{args.connections} -d{args.duration}s. busy: 503 with Retry-After "
        "(the summary is a heavy read), not errors."
    )
    x = result["xlsx"]
    say(
        f"  GET /reports/summary.xlsx (county): {x['status']}, {x['bytes'] / 1024:.0f} KiB in "
        f"{x['seconds']:.2f} s; service memory {x['rss_before_kib'] / 1024:.0f} MB before, "
        f"peak {x['peak_rss_kib'] / 1024:.0f} MB (VmHWM)"
    )
    return {"rows": figures, "xlsx": x}

"""Load the service and the raw baseline on the same data; print each beside the other.

    python bench/run.py [--duration 8] [--database sqlite|postgres] [--only PARTS]

Fills a fresh database (temp dir, or a PostgreSQL database of its own), starts
``liushou serve`` exactly as deployed by default (one uvicorn worker, log level INFO with
its access-log line; only the database URL and the keys are set) and bench/baseline.py,
then measures, each part beside the baseline where there is one:

* reads: ``wrk --latency`` on each endpoint of ENDPOINTS at 16 connections (the service, the
  same service on plain SQLAlchemy reads, the baseline) and at 64 (service and baseline;
  for the coverage report the 503 ``busy`` answers are counted apart from errors);
* writes: POST /persons (a new valid person per request, with an Idempotency-Key);
* walk: every page of a county's persons (``region_id=<county>&limit=50``, next_cursor to
  the end);
* export: the province's persons as CSV: rows/s overall and over the first and last fifth,
  the service's peak memory, and the p99 of GET /persons/{id} while an export runs;
* import: a 10,000-row and a 20,000-row sheet: seconds, rows/s beside raw executemany, and
  the service's peak memory.
* services (bench/services_part.py): POST and GET /service-records and the summary report
  (township, county) beside the baseline's hand-written SQL, and the summary workbook's
  seconds and peak memory, over 1,000,000 seeded service records (``--service-records``).
* legal (bench/legal_part.py): the legal advisors' compliance report of a county beside the
  baseline's hand-written SQL, over a year of seeded legal activities (``--legal-per-week``);
  the public hotline card (JSON, HTML) beside the baseline's, on a second service process
  with ``LIUSHOU_PUBLIC_RATE_LIMIT`` raised, and the 429s of the default limit; the print
  PDF of a township, cold and warm.
* feed (bench/feed_part.py): GET /changes?limit=500 followed from the start to the end as a
  township's street staff, over 20,000 persons and 10,000 visits whose change rows the
  service's capture wrote (``--feed-persons``), beside the baseline's hand-written reads:
  changes/s and ms per page.
* sync (bench/sync_batch.py): POST /sync/batch with 100 PUT /persons/{id} against the same
  100 PUTs one by one on one keep-alive connection.

``--only reads,writes`` runs some parts (any other word selects the read endpoints whose
name contains it). Measures only: it never fails on a missed goal. Results go to
bench/results/<time>.json (git-ignored). See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import feed_part
import legal_part
import seed
import services_part
import services_seed
import sheet
import streams
import sync_batch
import writes
from load import STATUSES_SCRIPT, Load, answer_of, run_wrk
from people import People

from liushou.pii import generate_key

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
BIN = Path(sys.executable).parent
POSTGRES_ADMIN_URL = "postgresql://root@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgresql+psycopg://root@127.0.0.1:5432/{name}"

# The goals (docs/performance.md). Reads: at least this share of the baseline's
# requests/s, with a p99 at most this multiple of the baseline's (at 64 connections: the
# p99 only).
MIN_THROUGHPUT_RATIO = 0.5
MAX_P99_RATIO = 3.0
# Writes: at least this share of the raw baseline's creates/s, p99 at most MAX_P99_RATIO×.
MIN_WRITE_RATIO = 0.3
# Imports: at least this share of a raw executemany's rows/s.
MIN_IMPORT_RATIO = 0.25
IMPORT_ROWS = 10_000
LARGEST_IMPORT = 20_000  # LIUSHOU_MAX_IMPORT_ROWS' default
# The deep walk: a county (~25,000 persons) in under this many seconds.
MAX_WALK_S = 5.0
WALK_LIMIT = 50
# Exports: at least this many rows/s, over the first fifth and the last alike.
MIN_EXPORT_ROWS_S = 5_000
PARTS = ("reads", "writes", "walk", "export", "import", "services", "legal", "feed", "sync")
COUNTING = (
    "req/s: successful answers per second. busy: 503 with Retry-After (a heavy read refused "
    "at once, docs/performance.md), not errors; bench/statuses.lua waits Retry-After before "
    "one next request per 503, as a client would; the p50/p99 time every answer, 503s too. "
    "Errors: other non-2xx and socket errors (timeouts: 2 s). 'all > 2000': every answer came "
    "after wrk's 2 s timeout; its p99 counts as 2 s in the ratio (a bound)."
)


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str  # formatted with the Fixture's fields
    heavy: bool = False  # a heavy read: its 503 busy answers are counted apart


ENDPOINTS = [
    Endpoint("GET /regions/{id}", "/api/v1/regions/{village_id}"),
    Endpoint("GET /regions?within=", "/api/v1/regions?within={township_id}"),
    Endpoint("GET /persons/{id}", "/api/v1/persons/{person_id}"),
    Endpoint(
        "GET /persons?region_id=&category=", "/api/v1/persons?region_id={village_id}&category=child"
    ),
    Endpoint("GET /persons?overdue=true", "/api/v1/persons?overdue=true&region_id={township_id}"),
    Endpoint(
        "GET /reports/coverage", "/api/v1/reports/coverage?region_id={township_id}", heavy=True
    ),
]
ONE_PERSON = ENDPOINTS[2]


@dataclass(frozen=True)
class Server:
    name: str
    base: str
    pid: int


@dataclass
class Measured:
    """Everything one run measured (None or empty: the part did not run)."""

    reads: list[tuple[Endpoint, dict[str, Load]]] = field(default_factory=list)
    reads_high: list[tuple[Endpoint, dict[str, Load]]] = field(default_factory=list)
    writes: dict[str, Load] = field(default_factory=dict)
    walks: dict[str, streams.Walk] = field(default_factory=dict)
    export: dict[str, Any] | None = None
    imports: dict[str, Any] | None = None
    services: dict[str, Any] | None = None
    legal: dict[str, Any] | None = None
    feed: dict[str, Any] | None = None
    sync: dict[str, Any] | None = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of load per run")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured load first")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--high-connections", type=int, default=64, help="the reads again at this many (0: skip)"
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--persons", type=int, default=seed.PERSONS, help="persons to seed")
    parser.add_argument(
        "--only",
        default="",
        help=f"comma-separated parts ({', '.join(PARTS)}); any other word: the read "
        "endpoints whose name contains it",
    )
    parser.add_argument(
        "--import-rows", type=int, default=IMPORT_ROWS, help="rows of the import sheet (0: skip)"
    )
    parser.add_argument(
        "--service-records",
        type=int,
        default=services_seed.SERVICE_RECORDS,
        help="service records to seed (with a few thousand activities, wishes and "
        "distributions); seeded only when the services part runs",
    )
    parser.add_argument(
        "--legal-per-week",
        type=int,
        default=legal_part.PER_WEEK,
        help="legal activities per advisor and week (on average) for a year; seeded only when "
        "the legal part runs",
    )
    parser.add_argument(
        "--feed-persons",
        type=int,
        default=feed_part.PERSONS,
        help="persons (and a visit for every second one) written with their change rows for "
        "the feed; seeded only when the feed part runs",
    )
    parser.add_argument(
        "--feed-rounds", type=int, default=feed_part.ROUNDS, help="measured walks of the feed"
    )
    parser.add_argument(
        "--sync-rounds", type=int, default=10, help="measured rounds of the sync batch part"
    )
    parser.add_argument(
        "--walk-cap", type=float, default=90, help="stop a deep walk after this many seconds"
    )
    args = parser.parse_args()
    parts, words = parse_only(args.only)
    # A SIGTERM (CI timeout, kill) unwinds like an error, so the servers are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    wrk = ensure_wrk()
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="liushou-bench-")))
        url = fresh_database(stack, args.database, workdir)
        env = service_env(url)
        migrate = subprocess.run(
            [BIN / "liushou", "migrate"], env=env, cwd=workdir, capture_output=True, text=True
        )
        if migrate.returncode != 0:
            raise SystemExit(f"liushou migrate failed:\n{migrate.stderr[-3000:]}")
        started = time.perf_counter()
        pii = seed.personal_data(env["LIUSHOU_DATA_KEY"], env["LIUSHOU_INDEX_KEY"])
        fixture = seed.seed(url, pii, args.persons)
        say(
            f"data: {fixture.regions:,} regions, {fixture.persons:,} persons, "
            f"{fixture.caretakers:,} caretakers, {fixture.assignments:,} assignments, "
            f"{fixture.visits:,} visits in {time.perf_counter() - started:.1f} s ({url})"
        )
        if "services" in parts:
            filled = services_seed.seed_services(url, args.service_records)
            say(
                f"services data: {filled.records:,} service records, {filled.activities:,} "
                f"activities, {filled.wishes:,} wishes, {filled.distributions:,} distributions "
                f"in {filled.seconds:.1f} s ({args.database})"
            )

        filled_legal: dict[str, Any] = {}
        if "legal" in parts:
            filled_legal = legal_part.seed_legal(url, fixture.county_id, args.legal_per_week)
            say(
                f"legal data: {filled_legal['advisors']:,} advisors over "
                f"{filled_legal['villages']:,} villages, {filled_legal['activities']:,} legal "
                f"activities in {filled_legal['seconds']:.1f} s ({args.database})"
            )

        filled_feed: dict[str, Any] = {}
        if "feed" in parts:
            filled_feed = feed_part.seed_feed(url, pii, seed.PASSWORD, args.feed_persons)
            say(
                f"feed data: {filled_feed['persons']:,} persons and {filled_feed['visits']:,} "
                f"visits in township {filled_feed['township_code']}, {filled_feed['changes']:,} "
                f"change rows by the capture in {filled_feed['seconds']:.1f} s ({args.database})"
            )

        serve = [BIN / "liushou", "serve", "--host", "127.0.0.1"]
        service = start(stack, "service", serve, env, workdir)
        plain = None
        if "reads" in parts:
            # The same service on plain SQLAlchemy reads (docs/performance.md): what the
            # speed path of liushou.read_path buys, measured in the same run.
            plain_env = {**env, "LIUSHOU_READ_PATH": "plain"}
            plain = start(stack, "plain", serve, plain_env, workdir)
        public = None
        if "legal" in parts:
            # The public card page under wrk, which sends from one address: the same service
            # with the page's per-address limit raised (bench/legal_part.py says so in its
            # table; the default limit is measured on the service above).
            public_env = {**env, "LIUSHOU_PUBLIC_RATE_LIMIT": str(legal_part.PUBLIC_LIMIT)}
            public = start(stack, "public", serve, public_env, workdir)
        # The baseline logs one line per request, as the service does (baseline.AccessLog).
        baseline_command = [sys.executable, BENCH / "baseline.py", "--db", url]
        baseline = start(stack, "baseline", baseline_command, env, workdir)
        measured = Measured()
        run_started = time.perf_counter()
        # Tokens are fetched afresh for each part: the service's default lifetime (15 min)
        # is shorter than a whole run.
        if "feed" in parts:  # reads only; first, before the writes of other parts
            measured.feed = feed_part.measure(
                service,
                baseline,
                url,
                filled_feed,
                args.feed_rounds,
                lambda username: get_token(service.base, username),
            )
        if "reads" in parts:
            assert plain is not None
            measure_reads(wrk, service, plain, baseline, fixture, args, words, measured)
        if "writes" in parts:
            measure_writes(wrk, service, baseline, fixture, args, workdir, measured)
        if "walk" in parts:
            measure_walks(service, baseline, fixture, args, measured)
        if "export" in parts:
            measured.export = measure_export(wrk, service, fixture, args)
        if "import" in parts:
            measured.imports = measure_import(service, url, pii, fixture, args.import_rows)
        if "services" in parts:
            measured.services = services_part.measure(
                wrk,
                service,
                baseline,
                fixture,
                args,
                workdir,
                url,
                lambda username: get_token(service.base, username),
            )
        if "legal" in parts:
            measured.legal = legal_part.measure(
                wrk,
                service,
                public,
                baseline,
                fixture,
                filled_legal,
                args,
                lambda u: get_token(service.base, u),
            )
        if "sync" in parts:  # last: its PUTs add persons to the township the others read
            sync_token = get_token(service.base)
            measured.sync = sync_batch.measure(
                service.base, sync_token, fixture, args.sync_rounds, sync_batch.ITEMS
            )
            say("sync: done")
        say(f"measured in {time.perf_counter() - run_started:.0f} s")
        report(measured, args, fixture)


def parse_only(only: str) -> tuple[set[str], list[str]]:
    """The parts to run, and the words that select read endpoints by name."""
    chosen = [w.strip() for w in only.split(",") if w.strip()]
    if not chosen:
        return set(PARTS), []
    words = [w for w in chosen if w not in PARTS]
    parts = {w for w in chosen if w in PARTS} | ({"reads"} if words else set())
    return parts, words


# --- set-up ----------------------------------------------------------------------------


RATE_LIMIT = 1_000_000_000


def service_env(url: str) -> dict[str, str]:
    """The environment of ``liushou serve`` as deployed with its defaults: the database, the
    keys and the per-caller rate limit raised, nothing else (no LIUSHOU_* of the caller's
    shell either)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIUSHOU_")}
    return {
        **env,
        # wrk is one caller at thousands of requests a second: far over the per-caller
        # limit (600 a minute), which still counts every request (docs/security.md).
        "LIUSHOU_RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
        "LIUSHOU_DATABASE_URL": url,
        "LIUSHOU_SECRET_KEY": secrets.token_urlsafe(48),
        "LIUSHOU_DATA_KEY": f"b1:{generate_key()}",
        "LIUSHOU_INDEX_KEY": f"b2:{generate_key()}",
    }


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        say("wrk not found: apt-get install -y wrk")
        install = ["apt-get", "install", "-y", "wrk"]
        if subprocess.run(install, stdout=subprocess.DEVNULL).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], check=True)
            subprocess.run(install, stdout=subprocess.DEVNULL, check=True)
        found = shutil.which("wrk")
    if found is None:
        sys.exit("wrk is not installed and could not be installed")
    return found


def fresh_database(stack: ExitStack, kind: str, workdir: Path) -> str:
    """SQLite in the run's temp directory, or a PostgreSQL database of this run's own
    (``liushou_bench_<pid>``: runs from other checkouts may share the server), dropped
    when the run ends."""
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}"
    import psycopg

    name = f"liushou_bench_{os.getpid()}"

    def drop() -> None:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    drop()
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    stack.callback(drop)
    return POSTGRES_URL.format(name=name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(stack: ExitStack, name: str, command: list, env: dict, workdir: Path) -> Server:  # type: ignore[type-arg]
    """Start a server on a free port, stop it when the stack unwinds."""
    port = free_port()
    log = (workdir / f"{name}.log").open("wb")
    proc = subprocess.Popen(
        [*command, "--port", str(port)], env=env, cwd=workdir, stdout=log, stderr=log
    )
    stack.callback(stop, proc)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return Server(name, base, proc.pid)
        except OSError:
            time.sleep(0.1)
    log.close()
    tail = (workdir / f"{name}.log").read_text(errors="replace")[-3000:]
    raise SystemExit(f"{name} did not become healthy on port {port}:\n{tail}")


def stop(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def get_token(service: str, username: str = seed.USERNAME) -> str:
    form = urllib.parse.urlencode(
        {"grant_type": "password", "username": username, "password": seed.PASSWORD}
    ).encode()
    with urllib.request.urlopen(service + "/api/v1/auth/token", data=form, timeout=10) as r:
        return json.load(r)["access_token"]


def get_json(url: str, token: str) -> tuple[int, Any]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")[:300]


def check_same_answer(name: str, service_url: str, other_url: str, token: str) -> None:
    """Both servers must answer 200 with the same JSON, or the comparison means nothing."""
    answers = [get_json(url, token) for url in (service_url, other_url)]
    if answers[0] != answers[1] or answers[0][0] != 200:
        say(f"WARNING {name}: the service and the other server answer differently:")
        say(f"  service:  {str(answers[0])[:400]}")
        say(f"  other:    {str(answers[1])[:400]}")


# --- reads -----------------------------------------------------------------------------


def measure_reads(
    wrk: str,
    service: Server,
    plain: Server,
    baseline: Server,
    fixture: seed.Fixture,
    args: argparse.Namespace,
    words: list[str],
    measured: Measured,
) -> None:
    token = get_token(service.base)
    auth = [f"Authorization: Bearer {token}"]
    chosen = [e for e in ENDPOINTS if not words or any(w in e.name for w in words)]
    for endpoint in chosen:
        path = endpoint.path.format(**asdict(fixture))
        check_same_answer(endpoint.name, service.base + path, baseline.base + path, token)
        check_same_answer(endpoint.name, service.base + path, plain.base + path, token)
        script = STATUSES_SCRIPT if endpoint.heavy else None
        loads = {}
        for server in (service, plain, baseline):
            url = server.base + path
            run_wrk(wrk, url, auth, args.warmup, args.connections, script)
            loads[server.name] = run_wrk(wrk, url, auth, args.duration, args.connections, script)
        measured.reads.append((endpoint, loads))
        if args.high_connections:
            high = {}
            for server in (service, baseline):
                url = server.base + path
                run_wrk(wrk, url, auth, args.warmup, args.high_connections, script)
                high[server.name] = run_wrk(
                    wrk, url, auth, args.duration, args.high_connections, script
                )
            measured.reads_high.append((endpoint, high))
        say(f"reads: {endpoint.name} done")


# --- writes ----------------------------------------------------------------------------


def measure_writes(
    wrk: str,
    service: Server,
    baseline: Server,
    fixture: seed.Fixture,
    args: argparse.Namespace,
    workdir: Path,
    measured: Measured,
) -> None:
    token = get_token(service.base)
    runs = writes.prepare(workdir, wrk, fixture.township_villages)
    problem = writes.check_same_create(
        runs.post_one(service.base, token), runs.post_one(baseline.base, token)
    )
    if problem:
        say(f"WARNING POST /persons: {problem}")
    for server in (service, baseline):
        runs.load(server.base, token, args.warmup, args.connections)
        measured.writes[server.name] = runs.load(
            server.base, token, args.duration, args.connections
        )
    say("writes: done")


# --- the deep walk ---------------------------------------------------------------------


def measure_walks(
    service: Server,
    baseline: Server,
    fixture: seed.Fixture,
    args: argparse.Namespace,
    measured: Measured,
) -> None:
    token = get_token(service.base, seed.AUDITOR)
    for server in (service, baseline):
        measured.walks[server.name] = streams.walk(
            server.base, token, fixture.county_id, WALK_LIMIT, args.walk_cap
        )
    ours, theirs = measured.walks["service"], measured.walks["baseline"]
    if ours.complete and theirs.complete and ours.digest != theirs.digest:
        say(
            f"WARNING walk: the service walked {ours.rows:,} persons, the baseline "
            f"{theirs.rows:,}, not the same ones"
        )
    say("walk: done")


# --- the export ------------------------------------------------------------------------


def measure_export(
    wrk: str, service: Server, fixture: seed.Fixture, args: argparse.Namespace
) -> dict[str, Any]:
    """The province's persons as CSV: alone (rows/s, peak memory), then again while wrk
    reads one person (that read's p99 beside its p99 without an export)."""
    auditor = get_token(service.base, seed.AUDITOR)
    path = f"/api/v1/exports/persons.csv?region_id={fixture.province_id}"
    idle_kib = streams.reset_peak(service.pid)
    alone = streams.export(service.base, path, auditor)
    peak_kib = streams.peak_kib(service.pid)
    if alone.status != 200 or alone.error:
        say(f"WARNING export answered {alone.status} {alone.error}")

    staff = get_token(service.base)
    auth = [f"Authorization: Bearer {staff}"]
    url = service.base + ONE_PERSON.path.format(**asdict(fixture))
    seconds = min(args.duration, 5)
    run_wrk(wrk, url, auth, args.warmup, args.connections)
    quiet = run_wrk(wrk, url, auth, seconds, args.connections)
    busy, during, overlap = streams.export_during(
        service.base,
        path,
        auditor,
        lambda: run_wrk(wrk, url, auth, seconds, args.connections),
    )
    assert isinstance(during, Load)
    first, last = alone.fifth_rates()
    say("export: done")
    return {
        "path": path,
        "rows": alone.rows,
        "bytes": alone.bytes,
        "seconds": round(alone.seconds, 2),
        "first_byte_s": round(alone.first_byte_s, 3),
        "rows_per_s": round(alone.rows_per_s),
        "first_fifth_rows_per_s": round(first),
        "last_fifth_rows_per_s": round(last),
        "rss_before_kib": idle_kib,
        "peak_rss_kib": peak_kib,
        "read_p99_ms_quiet": quiet.p99_ms,
        "read_p99_ms_during_export": during.p99_ms,
        "read_during_export": during.as_dict(),
        "read_quiet": quiet.as_dict(),
        "export_share_of_read_run": round(overlap, 2),
        "export_under_load_rows_per_s": round(busy.rows_per_s),
        "goal_met": first >= MIN_EXPORT_ROWS_S and last >= MIN_EXPORT_ROWS_S,
    }


# --- import ----------------------------------------------------------------------------


def measure_import(
    service: Server, url: str, pii: object, fixture: seed.Fixture, rows: int
) -> dict[str, Any] | None:
    """POST /imports/persons with a sheet of ``rows`` new persons, beside raw executemany;
    then the largest sheet the service takes (20,000 rows). The service's peak memory
    during each (VmHWM, reset just before: bench/streams.py)."""
    if rows <= 0:
        return None
    if sheet.import_columns() is None:
        say("import: SKIPPED - liushou.registry.import_columns is not there (no import yet)")
        return None
    token = get_token(service.base)
    people = People(seed=31)
    villages = fixture.township_villages
    data = sheet.make_sheet(sheet.describe_many(people, villages, rows))
    rss_before = streams.reset_peak(service.pid)
    started = time.perf_counter()
    status, answer = post_sheet(service.base, token, data)
    service_s = time.perf_counter() - started
    peak = streams.peak_kib(service.pid)
    if status == 404 or status == 405:
        say(f"import: SKIPPED - POST /api/v1/imports/persons answers {status} (not there yet)")
        return None
    if status != 200 or answer.get("created") != rows:
        say(f"import: WARNING the service answered {status}: {str(answer)[:600]}")
        return None
    started = time.perf_counter()
    status, again = post_sheet(service.base, token, data)
    reimport_s = time.perf_counter() - started
    if status != 200 or again.get("unchanged") != rows:
        say(f"import: WARNING re-import answered {status}: {str(again)[:300]}")

    by_code = {v.code: v for v in villages}
    raw_sheet = sheet.make_sheet(sheet.describe_many(people, villages, rows))
    same_work_s = sheet.raw_same_work(url, pii, raw_sheet, by_code)  # type: ignore[arg-type]
    persons, versions = sheet.build_rows(sheet.describe_many(people, villages, rows), pii)  # type: ignore[arg-type]
    insert_only_s = sheet.raw_insert_only(url, sheet.driver_rows(url, persons, versions))
    result: dict[str, Any] = {
        "rows": rows,
        "service_s": service_s,
        "reimport_s": reimport_s,
        "raw_same_work_s": same_work_s,
        "raw_insert_only_s": insert_only_s,
        "rss_before_kib": rss_before,
        "peak_rss_kib": peak,
        "largest": None,
    }
    if rows < LARGEST_IMPORT:
        token = get_token(service.base)
        data = sheet.make_sheet(sheet.describe_many(people, villages, LARGEST_IMPORT))
        rss_before = streams.reset_peak(service.pid)
        started = time.perf_counter()
        status, answer = post_sheet(service.base, token, data)
        seconds = time.perf_counter() - started
        peak = streams.peak_kib(service.pid)
        if status != 200 or answer.get("created") != LARGEST_IMPORT:
            say(f"import: WARNING the {LARGEST_IMPORT:,}-row sheet: {status} {str(answer)[:300]}")
        result["largest"] = {
            "rows": LARGEST_IMPORT,
            "service_s": seconds,
            "rss_before_kib": rss_before,
            "peak_rss_kib": peak,
        }
    say("import: done")
    return result


def post_sheet(service: str, token: str, data: bytes, dry_run: bool = False) -> tuple[int, dict]:  # type: ignore[type-arg]
    boundary = secrets.token_hex(16)
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="persons.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        service + f"/api/v1/imports/persons?dry_run={'true' if dry_run else 'false'}",
        data=body,
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    return answer_of(request, timeout=600)


# --- output ----------------------------------------------------------------------------


def report(measured: Measured, args: argparse.Namespace, fixture: seed.Fixture) -> None:
    """Print each part's table and write the same figures to bench/results/<time>.json."""
    run: dict[str, Any] = {
        "time": datetime.now().strftime("%Y%m%d-%H%M%S"),
        "database": args.database,
        "duration_s": args.duration,
        "connections": args.connections,
        "high_connections": args.high_connections,
        "cpus": os.cpu_count(),
        "regions": fixture.regions,
        "persons": fixture.persons,
        "caretakers": fixture.caretakers,
        "assignments": fixture.assignments,
        "visits": fixture.visits,
    }
    parts: list[tuple[str, Callable[[], object]]] = [
        ("results", lambda: report_reads(measured.reads, args)),
        ("results_high", lambda: report_reads_high(measured.reads_high, args)),
        ("writes", lambda: report_writes(measured.writes, args)),
        ("walk", lambda: report_walks(measured.walks)),
        ("export", lambda: report_export(measured.export)),
        ("import", lambda: report_import(measured.imports, args)),
        ("services", lambda: services_part.report(measured.services, args, table)),
        ("legal", lambda: legal_part.report(measured.legal, args, table)),
        ("feed", lambda: feed_part.report(measured.feed, args, table)),
        ("sync", lambda: sync_batch.report(measured.sync, args.database)),
    ]
    for key, part in parts:
        try:
            run[key] = part()
        except Exception as exc:  # noqa: BLE001 - one part's report must not lose the others
            traceback.print_exc()
            run[key] = {"error": repr(exc)}
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{run['time']}.json"
    path.write_text(json.dumps(run, indent=2) + "\n")
    say(f"wrote {path.relative_to(BENCH.parent)}")


WRK_TIMEOUT_MS = 2000.0


def p99_of(load: Load) -> float:
    """The p99; when every answer came after wrk's 2 s timeout (none is in wrk's latency
    figures), 2 s: a lower bound."""
    return load.p99_ms if load.p99_ms > 0 or not load.timeouts else WRK_TIMEOUT_MS


def latencies(load: Load) -> str:
    if load.p99_ms == 0 and load.timeouts:
        return f"all > {WRK_TIMEOUT_MS:.0f}"
    return f"{load.p50_ms:.2f} / {load.p99_ms:.2f}"


def divide(a: float, b: float) -> float | None:
    """a / b, or None when b is 0 (e.g. no request of a wrk run completed)."""
    return a / b if b else None


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def times(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}x"


def rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def missed_by(ratio: float | None, p99_ratio: float | None, min_ratio: float) -> str:
    """'met', or by how much each part of the goal is missed (None: a side completed no
    request, so there is nothing to compare)."""
    if ratio is None or p99_ratio is None:
        return "n/a: a server completed no request"
    misses = []
    if ratio < min_ratio:
        misses.append(f"{ratio:.0%} < {min_ratio:.0%}")
    if p99_ratio > MAX_P99_RATIO:
        misses.append(f"p99 {p99_ratio:.1f}x > {MAX_P99_RATIO:.0f}x")
    return "met" if not misses else "MISSED: " + ", ".join(misses)


# The columns both read tables begin with.
READ_COLUMNS = [
    "endpoint",
    "service req/s",
    "baseline req/s",
    "ratio",
    "service p50/p99 ms",
    "baseline p50/p99 ms",
    "p99 ratio",
    "goal",
]


def report_reads(
    rows: list[tuple[Endpoint, dict[str, Load]]], args: argparse.Namespace
) -> list[dict[str, Any]]:
    if not rows:
        return []
    say("")
    say(f"reads at {args.connections} connections:")
    header = [*READ_COLUMNS, "plain reads req/s", "speed path buys"]
    lines, results = [], []
    for endpoint, loads in rows:
        svc, raw, plain = loads["service"], loads["baseline"], loads["plain"]
        ratio = divide(svc.ok_per_s, raw.ok_per_s)
        p99_ratio = divide(p99_of(svc), p99_of(raw))
        goal = missed_by(ratio, p99_ratio, MIN_THROUGHPUT_RATIO) + failures(svc, raw)
        speed = divide(svc.ok_per_s, plain.ok_per_s)
        gain = None if speed is None else speed - 1
        lines.append(
            [
                endpoint.name,
                f"{svc.ok_per_s:,.0f}",
                f"{raw.ok_per_s:,.0f}",
                pct(ratio),
                latencies(svc),
                latencies(raw),
                times(p99_ratio),
                goal,
                f"{plain.ok_per_s:,.0f}",
                "n/a" if gain is None else f"{gain:+.0%}",
            ]
        )
        results.append(
            {
                "endpoint": endpoint.name,
                "path": endpoint.path,
                "service": svc.as_dict(),
                "baseline": raw.as_dict(),
                "plain_reads": plain.as_dict(),
                "speed_path_gain": rounded(gain, 3),
                "ratio": rounded(ratio, 3),
                "p99_ratio": rounded(p99_ratio, 2),
                "goal_met": goal.startswith("met"),
            }
        )
    table(header, lines)
    say(
        f"goal: ratio >= {MIN_THROUGHPUT_RATIO:.0%}, p99 ratio <= {MAX_P99_RATIO:.0f}x; "
        f"wrk -t1 -c{args.connections} -d{args.duration}s, {args.database}. {COUNTING}"
    )
    return results


def failures(*loads: Load) -> str:
    errors = sum(load.errors for load in loads)
    busy = sum(load.busy for load in loads)
    notes = ([f"{errors} errors!"] if errors else []) + ([f"{busy} busy"] if busy else [])
    return f" ({', '.join(notes)})" if notes else ""


def report_reads_high(
    rows: list[tuple[Endpoint, dict[str, Load]]], args: argparse.Namespace
) -> list[dict[str, Any]]:
    if not rows:
        return []
    say("")
    say(f"reads at {args.high_connections} connections (the goal: p99 <= {MAX_P99_RATIO:.0f}x):")
    header = [*READ_COLUMNS, "service 503 busy", "errors s / b"]
    lines, results = [], []
    for endpoint, loads in rows:
        svc, raw = loads["service"], loads["baseline"]
        ratio = divide(svc.ok_per_s, raw.ok_per_s)
        p99_ratio = divide(p99_of(svc), p99_of(raw))
        goal = missed_by(1.0, p99_ratio, 0.0)
        lines.append(
            [
                endpoint.name,
                f"{svc.ok_per_s:,.0f}",
                f"{raw.ok_per_s:,.0f}",
                pct(ratio),
                latencies(svc),
                latencies(raw),
                times(p99_ratio),
                goal,
                f"{svc.busy:,}" if endpoint.heavy else "-",
                f"{svc.errors:,} / {raw.errors:,}",
            ]
        )
        results.append(
            {
                "endpoint": endpoint.name,
                "path": endpoint.path,
                "service": svc.as_dict(),
                "baseline": raw.as_dict(),
                "ratio": rounded(ratio, 3),
                "p99_ratio": rounded(p99_ratio, 2),
                "service_busy": svc.busy,
                "goal_met": goal == "met",
            }
        )
    table(header, lines)
    say(f"wrk -t1 -c{args.high_connections} -d{args.duration}s, {args.database}. {COUNTING}")
    return results


def report_writes(loads: dict[str, Load], args: argparse.Namespace) -> dict[str, Any] | None:
    if not loads:
        return None
    svc, raw = loads["service"], loads["baseline"]
    ratio = divide(svc.ok_per_s, raw.ok_per_s)
    p99_ratio = divide(p99_of(svc), p99_of(raw))
    say("")
    say(f"writes: POST /persons, a new elder per request (wrk -t1 -c{args.connections}):")
    header = ["server", "creates/s", "p50 / p99 ms", "errors (non-2xx, socket)", "timeouts"]
    lines = [
        [
            name,
            f"{load.ok_per_s:,.0f}",
            latencies(load),
            f"{load.errors:,}" + (f" {statuses(load)}" if load.errors else ""),
            f"{load.timeouts:,}",
        ]
        for name, load in (("service", svc), ("baseline (raw)", raw))
    ]
    table(header, lines)
    goal = missed_by(ratio, p99_ratio, MIN_WRITE_RATIO)
    say(
        f"  ratio {pct(ratio)}, p99 {times(p99_ratio)}; goal >= {MIN_WRITE_RATIO:.0%}, "
        f"p99 <= {MAX_P99_RATIO:.0f}x: {goal}"
    )
    return {
        "service": svc.as_dict(),
        "baseline": raw.as_dict(),
        "ratio": rounded(ratio, 3),
        "p99_ratio": rounded(p99_ratio, 2),
        "goal_met": goal == "met",
    }


def statuses(load: Load) -> str:
    return "(" + ", ".join(f"{s}: {n}" for s, n in sorted(load.statuses.items())) + ")"


def report_walks(walks: dict[str, streams.Walk]) -> dict[str, Any] | None:
    if not walks:
        return None
    say("")
    say(f"deep walk: every page of a county's persons (limit={WALK_LIMIT}, next_cursor):")
    header = ["server", "seconds", "pages", "persons", "ms/page", "goal"]
    lines = []
    for name, w in walks.items():
        goal = f"< {MAX_WALK_S:.0f} s: " + (
            "met"
            if w.complete and w.seconds < MAX_WALK_S
            else f"MISSED by {w.seconds - MAX_WALK_S:.1f} s"
        )
        if not w.complete:
            goal += f" (stopped at the cap, ~{w.seconds / max(w.rows, 1) * 25_000:.0f} s per 25k)"
        lines.append(
            [
                name,
                f"{w.seconds:.2f}",
                f"{w.pages:,}",
                f"{w.rows:,}",
                f"{w.ms_per_page:.1f}",
                goal if name == "service" else "",
            ]
        )
    table(header, lines)
    svc = walks["service"]
    return {
        **{
            name: {**asdict(w), "ms_per_page": round(w.ms_per_page, 2)} for name, w in walks.items()
        },
        "goal_met": svc.complete and svc.seconds < MAX_WALK_S,
    }


def report_export(export: dict[str, Any] | None) -> dict[str, Any] | None:
    if export is None:
        return None
    say("")
    say(f"export: GET {export['path']} (CSV, streamed):")
    say(
        f"  {export['rows']:,} rows, {export['bytes'] / 1e6:.1f} MB in {export['seconds']:.1f} s "
        f"(first byte {export['first_byte_s'] * 1000:.0f} ms): {export['rows_per_s']:,} rows/s; "
        f"first fifth {export['first_fifth_rows_per_s']:,}, last fifth "
        f"{export['last_fifth_rows_per_s']:,} rows/s"
    )
    first, last = export["first_fifth_rows_per_s"], export["last_fifth_rows_per_s"]
    slowest = min(first, last)
    goal = (
        "met"
        if export["goal_met"]
        else f"MISSED: {slowest:,} rows/s, {1 - slowest / MIN_EXPORT_ROWS_S:.0%} short"
    )
    say(f"  goal >= {MIN_EXPORT_ROWS_S:,} rows/s over the first and the last fifth: {goal}")
    say(
        f"  service memory: {export['rss_before_kib'] / 1024:.0f} MB before, peak "
        f"{export['peak_rss_kib'] / 1024:.0f} MB during the export (VmHWM)"
    )
    say(
        f"  GET /persons/{{id}} p99: {export['read_p99_ms_quiet']:.2f} ms without an export, "
        f"{export['read_p99_ms_during_export']:.2f} ms during one "
        f"(the export ran for {export['export_share_of_read_run']:.0%} of that wrk run, at "
        f"{export['export_under_load_rows_per_s']:,} rows/s)"
    )
    return export


def report_import(
    imports: dict[str, Any] | None, args: argparse.Namespace
) -> dict[str, Any] | None:
    if imports is None:
        return None
    n = imports["rows"]
    lines = [
        ("service POST /imports/persons", imports["service_s"]),
        ("service, same sheet again (all unchanged)", imports["reimport_s"]),
        ("raw: read CSV + compute columns + executemany", imports["raw_same_work_s"]),
        ("raw: executemany only (rows built beforehand)", imports["raw_insert_only_s"]),
    ]
    say("")
    say(f"import of {n:,} rows (CSV, {args.database}):")
    for name, seconds in lines:
        say(f"  {name:<48} {seconds:7.2f} s  {n / seconds:9,.0f} rows/s")
    same = imports["raw_same_work_s"] / imports["service_s"]
    only = imports["raw_insert_only_s"] / imports["service_s"]
    goal = "met" if same >= MIN_IMPORT_RATIO else f"MISSED: {same:.0%} < {MIN_IMPORT_RATIO:.0%}"
    say(
        f"  ratio: {same:.0%} of the raw same-work rows/s, {only:.0%} of the insert-only; "
        f"goal >= {MIN_IMPORT_RATIO:.0%} (of the same work): {goal}"
    )
    sizes = [imports] + ([imports["largest"]] if imports["largest"] else [])
    for size in sizes:
        say(
            f"  service memory, {size['rows']:,} rows ({size['service_s']:.1f} s, "
            f"{size['rows'] / size['service_s']:,.0f} rows/s): "
            f"{size['rss_before_kib'] / 1024:.0f} MB before, peak "
            f"{size['peak_rss_kib'] / 1024:.0f} MB (+{(size['peak_rss_kib'] - size['rss_before_kib']) / 1024:.0f}) "
            "(VmHWM)"
        )
    return {
        **imports,
        "ratio_same_work": round(same, 3),
        "ratio_insert_only": round(only, 3),
        "goal_met": goal == "met",
    }


def table(header: list[str], lines: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *lines]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *lines]:
        say(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - a command-line tool's output


if __name__ == "__main__":
    main()

"""Load the service and the raw baseline with wrk on the same data; print each beside the other.

    python bench/run.py [--duration 8] [--database sqlite|postgres]

Fills a fresh database (temp dir, or PostgreSQL database ``liushou_bench``), starts
``liushou serve`` and bench/baseline.py (one uvicorn worker each), checks both answer the
same JSON, then runs ``wrk --latency`` against each endpoint of ENDPOINTS on both servers.
Measures only: it never fails on a missed goal. Results go to bench/results/<time>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import seed
import sheet
from people import People

from liushou.pii import generate_key

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
BIN = Path(sys.executable).parent
POSTGRES_ADMIN_URL = "postgresql://root@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgresql+psycopg://root@127.0.0.1:5432/liushou_bench"

# The goal (docs/performance.md): every read endpoint at least this share of the
# baseline's requests/s, with a p99 at most this multiple of the baseline's.
MIN_THROUGHPUT_RATIO = 0.5
MAX_P99_RATIO = 3.0
# Imports: at least this share of a raw executemany's rows/s.
MIN_IMPORT_RATIO = 0.25
IMPORT_ROWS = 10_000


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str  # formatted with the Fixture's fields


ENDPOINTS = [
    Endpoint("GET /regions/{id}", "/api/v1/regions/{village_id}"),
    Endpoint("GET /regions?within=", "/api/v1/regions?within={township_id}"),
    Endpoint("GET /persons/{id}", "/api/v1/persons/{person_id}"),
    Endpoint(
        "GET /persons?region_id=&category=", "/api/v1/persons?region_id={village_id}&category=child"
    ),
    Endpoint("GET /persons?overdue=true", "/api/v1/persons?overdue=true&region_id={township_id}"),
    Endpoint("GET /reports/coverage", "/api/v1/reports/coverage?region_id={township_id}"),
]


@dataclass(frozen=True)
class Load:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx responses and socket errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of load per run")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured load first")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--persons", type=int, default=seed.PERSONS, help="persons to seed")
    parser.add_argument(
        "--only", default="", help="measure only the endpoints whose name contains this"
    )
    parser.add_argument(
        "--import-rows", type=int, default=IMPORT_ROWS, help="rows of the import sheet (0: skip)"
    )
    args = parser.parse_args()
    # A SIGTERM (CI timeout, kill) unwinds like an error, so the servers are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    wrk = ensure_wrk()
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="liushou-bench-")))
        url = fresh_database(args.database, workdir)
        data_key, index_key = f"b1:{generate_key()}", f"b2:{generate_key()}"
        env = {
            **os.environ,
            "LIUSHOU_DATABASE_URL": url,
            "LIUSHOU_SECRET_KEY": secrets.token_urlsafe(48),
            "LIUSHOU_DATA_KEY": data_key,
            "LIUSHOU_INDEX_KEY": index_key,
            "LIUSHOU_LOG_LEVEL": "WARNING",
            "LIUSHOU_ACCESS_TOKEN_TTL_SECONDS": "3600",
        }
        migrate = subprocess.run(
            [BIN / "liushou", "migrate"], env=env, cwd=workdir, capture_output=True, text=True
        )
        if migrate.returncode != 0:
            raise SystemExit(f"liushou migrate failed:\n{migrate.stderr[-3000:]}")
        started = time.perf_counter()
        pii = seed.personal_data(data_key, index_key)
        fixture = seed.seed(url, pii, args.persons)
        say(
            f"data: {fixture.regions:,} regions, {fixture.persons:,} persons, "
            f"{fixture.caretakers:,} caretakers, {fixture.assignments:,} assignments, "
            f"{fixture.visits:,} visits in {time.perf_counter() - started:.1f} s ({url})"
        )

        serve = [BIN / "liushou", "serve", "--host", "127.0.0.1"]
        service = start(stack, "service", serve, env, workdir)
        # The same service on plain SQLAlchemy reads (docs/performance.md): what the speed
        # path of liushou.read_path buys, measured in the same run.
        plain = start(stack, "plain", serve, {**env, "LIUSHOU_READ_PATH": "plain"}, workdir)
        token = get_token(service)
        flags = ["--db", url, "--token", token, "--scope-path", fixture.region_path]
        baseline = start(
            stack, "baseline", [sys.executable, BENCH / "baseline.py", *flags], env, workdir
        )
        auth = f"Authorization: Bearer {token}"
        rows = []
        for endpoint in [e for e in ENDPOINTS if args.only in e.name]:
            path = endpoint.path.format(**asdict(fixture))
            check_same_answer(endpoint, service + path, baseline + path, token)
            check_same_answer(endpoint, service + path, plain + path, token)
            loads = {}
            for name, base in (("service", service), ("plain", plain), ("baseline", baseline)):
                run_wrk(wrk, base + path, auth, args.warmup, args.connections)
                loads[name] = run_wrk(wrk, base + path, auth, args.duration, args.connections)
            rows.append((endpoint, loads["service"], loads["baseline"], loads["plain"]))
        imports = measure_import(service, token, url, pii, fixture, args.import_rows)
        report(rows, imports, args, fixture)


# --- set-up ----------------------------------------------------------------------------


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


def fresh_database(kind: str, workdir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}"
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS liushou_bench")
        conn.execute("CREATE DATABASE liushou_bench")
    return POSTGRES_URL


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(stack: ExitStack, name: str, command: list, env: dict, workdir: Path) -> str:  # type: ignore[type-arg]
    """Start a server on a free port, stop it when the stack unwinds; returns its base URL."""
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
                    return base
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


def get_token(service: str) -> str:
    form = urllib.parse.urlencode(
        {"grant_type": "password", "username": seed.USERNAME, "password": seed.PASSWORD}
    ).encode()
    with urllib.request.urlopen(service + "/api/v1/auth/token", data=form, timeout=10) as r:
        return json.load(r)["access_token"]


def check_same_answer(endpoint: Endpoint, service_url: str, other_url: str, token: str) -> None:
    """Both servers must answer 200 with the same JSON, or the comparison means nothing."""
    answers = []
    for url in (service_url, other_url):
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                answers.append((response.status, json.load(response)))
        except urllib.error.HTTPError as exc:
            answers.append((exc.code, exc.read().decode(errors="replace")[:300]))
    if answers[0] != answers[1] or answers[0][0] != 200:
        say(f"WARNING {endpoint.name}: the service and the other server answer differently:")
        say(f"  service:  {str(answers[0])[:400]}")
        say(f"  other:    {str(answers[1])[:400]}")


# --- load ------------------------------------------------------------------------------


def run_wrk(wrk: str, url: str, header: str, duration: int, connections: int) -> Load:
    out = subprocess.run(
        [wrk, "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "-H", header, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), "
        r"timeout (\d+)",
        out,
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return Load(
        requests_per_s=float(_find(r"Requests/sec:\s+([\d.]+)", out)),
        p50_ms=_latency_ms("50%", out),
        p99_ms=_latency_ms("99%", out),
        requests=int(_find(r"(\d+) requests in", out)),
        errors=errors,
    )


def _find(pattern: str, text: str) -> str:
    match = re.search(pattern, text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"unexpected wrk output (no {pattern!r}):\n{text}")
    return match.group(1)


def _latency_ms(percentile: str, text: str) -> float:
    value = _find(rf"^\s*{percentile}\s+([\d.]+(?:us|ms|s|m))", text)
    number, unit = re.fullmatch(r"([\d.]+)(\D+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


# --- import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportTiming:
    rows: int
    service_s: float
    reimport_s: float  # the same sheet again: every row unchanged
    raw_same_work_s: float
    raw_insert_only_s: float


def measure_import(
    service: str, token: str, url: str, pii: object, fixture: seed.Fixture, rows: int
) -> ImportTiming | None:
    """POST /imports/persons with a sheet of ``rows`` new persons, beside raw executemany."""
    if rows <= 0:
        return None
    if sheet.import_columns() is None:
        say("import: SKIPPED - liushou.registry.import_columns is not there (no import yet)")
        return None
    people = People(seed=31)
    villages = fixture.township_villages
    data = sheet.make_sheet(sheet.describe_many(people, villages, rows))
    started = time.perf_counter()
    status, answer = post_sheet(service, token, data)
    service_s = time.perf_counter() - started
    if status == 404 or status == 405:
        say(f"import: SKIPPED - POST /api/v1/imports/persons answers {status} (not there yet)")
        return None
    if status != 200 or answer.get("created") != rows:
        say(f"import: WARNING the service answered {status}: {str(answer)[:600]}")
        return None
    started = time.perf_counter()
    status, again = post_sheet(service, token, data)
    reimport_s = time.perf_counter() - started
    if status != 200 or again.get("unchanged") != rows:
        say(f"import: WARNING re-import answered {status}: {str(again)[:300]}")

    by_code = {v.code: v for v in villages}
    raw_sheet = sheet.make_sheet(sheet.describe_many(people, villages, rows))
    same_work_s = sheet.raw_same_work(url, pii, raw_sheet, by_code)  # type: ignore[arg-type]
    persons, versions = sheet.build_rows(sheet.describe_many(people, villages, rows), pii)  # type: ignore[arg-type]
    insert_only_s = sheet.raw_insert_only(url, sheet.driver_rows(url, persons, versions))
    return ImportTiming(rows, service_s, reimport_s, same_work_s, insert_only_s)


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
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        text = exc.read().decode(errors="replace")
        try:
            return exc.code, json.loads(text)
        except ValueError:
            return exc.code, {"body": text[:600]}


# --- output ----------------------------------------------------------------------------


def report(
    rows: list[tuple[Endpoint, Load, Load, Load]],
    imports: ImportTiming | None,
    args: argparse.Namespace,
    fixture: seed.Fixture,
) -> None:
    header = [
        "endpoint",
        "service req/s",
        "baseline req/s",
        "ratio",
        "service p50/p99 ms",
        "baseline p50/p99 ms",
        "p99 ratio",
        "goal",
        "plain reads req/s",
        "speed path buys",
    ]
    lines = []
    results = []
    for endpoint, svc, raw, plain in rows:
        ratio = svc.requests_per_s / raw.requests_per_s
        p99_ratio = svc.p99_ms / raw.p99_ms
        met = ratio >= MIN_THROUGHPUT_RATIO and p99_ratio <= MAX_P99_RATIO
        errors = svc.errors + raw.errors
        goal = ("met" if met else "MISSED") + (f" ({errors} errors!)" if errors else "")
        lines.append(
            [
                endpoint.name,
                f"{svc.requests_per_s:,.0f}",
                f"{raw.requests_per_s:,.0f}",
                f"{ratio:.0%}",
                f"{svc.p50_ms:.2f} / {svc.p99_ms:.2f}",
                f"{raw.p50_ms:.2f} / {raw.p99_ms:.2f}",
                f"{p99_ratio:.1f}x",
                goal,
                f"{plain.requests_per_s:,.0f}",
                f"{svc.requests_per_s / plain.requests_per_s - 1:+.0%}",
            ]
        )
        results.append(
            {
                "endpoint": endpoint.name,
                "path": endpoint.path,
                "service": asdict(svc),
                "baseline": asdict(raw),
                "plain_reads": asdict(plain),
                "speed_path_gain": round(svc.requests_per_s / plain.requests_per_s - 1, 3),
                "ratio": round(ratio, 3),
                "p99_ratio": round(p99_ratio, 2),
                "goal_met": met,
            }
        )
    widths = [max(len(str(row[i])) for row in [header, *lines]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *lines]:
        say(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    say(
        f"goal: ratio >= {MIN_THROUGHPUT_RATIO:.0%}, p99 ratio <= {MAX_P99_RATIO:.0f}x; "
        f"wrk -t1 -c{args.connections} -d{args.duration}s, {args.database}"
    )
    import_result = None
    if imports is not None:
        n = imports.rows
        lines = [
            ("service POST /imports/persons", imports.service_s),
            ("service, same sheet again (all unchanged)", imports.reimport_s),
            ("raw: read CSV + compute columns + executemany", imports.raw_same_work_s),
            ("raw: executemany only (rows built beforehand)", imports.raw_insert_only_s),
        ]
        say(f"import of {n:,} rows (CSV, {args.database}):")
        for name, seconds in lines:
            say(f"  {name:<48} {seconds:7.2f} s  {n / seconds:9,.0f} rows/s")
        same = imports.raw_same_work_s / imports.service_s
        only = imports.raw_insert_only_s / imports.service_s
        met = same >= MIN_IMPORT_RATIO
        say(
            f"  ratio: {same:.0%} of the raw same-work rows/s, {only:.0%} of the insert-only; "
            f"goal >= {MIN_IMPORT_RATIO:.0%} (of the same work): {'met' if met else 'MISSED'}"
        )
        import_result = {
            **asdict(imports),
            "ratio_same_work": round(same, 3),
            "ratio_insert_only": round(only, 3),
            "goal_met": met,
        }

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS / f"{stamp}.json"
    run = {
        "time": stamp,
        "database": args.database,
        "duration_s": args.duration,
        "connections": args.connections,
        "cpus": os.cpu_count(),
        "regions": fixture.regions,
        "persons": fixture.persons,
        "caretakers": fixture.caretakers,
        "assignments": fixture.assignments,
        "visits": fixture.visits,
        "results": results,
        "import": import_result,
    }
    path.write_text(json.dumps(run, indent=2) + "\n")
    say(f"wrote {path.relative_to(BENCH.parent)}")


def say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - a command-line tool's output


if __name__ == "__main__":
    main()

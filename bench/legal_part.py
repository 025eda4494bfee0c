"""The legal part of the benchmark (``--only legal``): the legal advisors' compliance report
of a county, on the service and on the raw baseline (bench/legal_baseline.py).

Data (``seed_legal``): every village of the bench's county (bench/seed.py: 12 townships, 504
villages) but one in ten gets an advisor — four villages each, advisors of three law firms,
contracts that started a year ago (one in twenty ends within 30 days) — and every week of the
contract up to today holds ``per_week`` activities per advisor on average (a type, a mode,
mostly on site), inserted through the models in one transaction. The cards' contacts: a
committee in every village, a police station and a judicial office in every township.

Measured (the issue's goals, docs/legal.md):

1. ``GET /api/v1/hotline-cards/print.pdf?region_id=<the county's first township>`` (the
   auditor): the first print of the process (cold: the CJK font is parsed then) and the best
   of three more (warm), seconds, bytes, pages, the service's peak memory. Goal: < 1 s.
2. ``GET /api/v1/reports/legal-advisors?region_id=<county>`` (the auditor) under ``wrk`` (a
   heavy read: 503 ``busy`` counted apart, bench/statuses.lua). Goal: >= 50 % of the
   baseline's req/s, p99 <= 3x.
3. ``GET /public/hotline-cards/{code}`` (no login) of a covered village, JSON beside the
   baseline's and HTML (a browser's Accept), on a second service process started with
   ``LIUSHOU_PUBLIC_RATE_LIMIT`` = PUBLIC_LIMIT: wrk comes from one address and the default
   (60 a minute) would refuse nearly all of it. Goal: >= 50 % of the baseline's req/s, p99
   <= 3x. Then a short run on the service with the default limit: the 429s and their
   latency, which is what a flooding client sees.

Both servers answer each JSON read once first and the answers are compared.
"""

from __future__ import annotations

import random
import re
import time
import urllib.error
import urllib.request
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import streams
from load import BENCH, STATUSES_SCRIPT, Load, run_wrk
from services_part import (
    MAX_P99_RATIO,
    MIN_READ_RATIO,
    _get,
    _goal,
    _latencies,
    _load_pair,
    compare,
)
from sqlmodel import Session, col

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.clock import today
from liushou.db import Database
from liushou.legal.coverage import last_day
from liushou.legal.enums import AdvisorCategory, LegalActivityMode, LegalActivityType
from liushou.legal.models import LegalActivity, LegalAdvisor, LegalContract, LegalContractVillage
from liushou.regions.models import OrganizationType, Region, RegionKind, RegionLevel
from liushou.regions.schemas import OrganizationCreate
from liushou.regions.service import create_organization

PER_WEEK = 3
VILLAGES_EACH = 4
BATCH = 5_000
# The public page's limit on the bench's second service (per address and minute): far above
# what wrk sends from its one address in a minute.
PUBLIC_LIMIT = 100_000_000
MAX_PRINT_S = 1.0
DEFAULT_LIMIT_S = 3  # the short run against the default limit
VISITORS = 1_000  # client addresses of the default-limit run (X-Forwarded-For)
VISITORS_SCRIPT = BENCH / "visitors.lua"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"  # its Accept
TYPES = list(LegalActivityType)
MODES = (
    [LegalActivityMode.on_site] * 7
    + [LegalActivityMode.remote] * 2
    + [LegalActivityMode.appointment]
)


def say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - a command-line tool's output


def seed_legal(
    url: str, county_id: str, per_week: int = PER_WEEK, seed: int = 13
) -> dict[str, Any]:
    """Advisors, contracts and a year of activities in the county's villages."""
    started = time.perf_counter()
    rng = random.Random(seed)
    on = today()
    starts_on = on - timedelta(days=364)
    db = Database(url)

    def fill(session: Session) -> dict[str, int]:
        county = uuid.UUID(county_id)
        path = session.get_one(Region, county).path
        villages = session.execute(
            sa.select(Region.id, Region.path, Region.code, Region.parent_id, Region.kind)
            .where(
                Region.level == RegionLevel.village,
                col(Region.deleted_at).is_(None),
                col(Region.path) >= path,
                col(Region.path) < path[:-1] + "0",
            )
            .order_by(Region.code)
        ).all()
        firms = [
            create_organization(
                session,
                CLI_PRINCIPAL,
                OrganizationCreate(
                    name=f"基准律师事务所{n}", type=OrganizationType.law_firm, region_id=county
                ),
            ).id
            for n in range(3)
        ]
        townships = list(dict.fromkeys(v.parent_id for v in villages))
        _contacts(session, townships, villages)
        served = [v for n, v in enumerate(villages) if n % 10 != 9]
        groups = [served[n : n + VILLAGES_EACH] for n in range(0, len(served), VILLAGES_EACH)]
        activities = 0
        rows: list[Any] = []
        for n, group in enumerate(groups):
            firm = firms[n % len(firms)]
            advisor = LegalAdvisor(
                name=f"顾问{n:03d}", law_firm_id=firm, license_no=f"{n + 1:017d}",
                phone="13800000000", category=AdvisorCategory.full_time,
                service_hours="周一至周五 9:00–17:00",
            )  # fmt: skip
            ends_on = on + timedelta(days=20) if n % 20 == 0 else on + timedelta(days=365)
            contract = LegalContract(
                law_firm_id=firm, advisor_id=advisor.id, starts_on=starts_on, ends_on=ends_on,
                last_day=last_day(ends_on, None), created_by="bench",
            )  # fmt: skip
            session.add(advisor)
            session.flush()
            session.add(contract)
            session.flush()
            session.add_all(
                LegalContractVillage(contract_id=contract.id, region_id=v[0], region_path=v[1])
                for v in group
            )
            monday = starts_on
            while monday <= on:
                for _ in range(rng.randint(max(0, per_week - 1), per_week + 1)):
                    village = rng.choice(group)
                    held = min(on, monday + timedelta(days=rng.randint(0, 6)))
                    mode = rng.choice(MODES)
                    rows.append(
                        LegalActivity(
                            advisor_id=advisor.id, contract_id=contract.id,
                            region_id=village[0], region_path=village[1],
                            type=rng.choice(TYPES), mode=mode, held_on=held,
                            duration_minutes=rng.randint(30, 240), attendees=rng.randint(0, 40),
                            summary="基准数据", created_by="bench",
                        )
                    )  # fmt: skip
                monday += timedelta(days=7)
            if len(rows) >= BATCH:
                session.add_all(rows)
                session.flush()
                activities += len(rows)
                rows = []
        session.add_all(rows)
        session.flush()
        activities += len(rows)
        first = townships[0]
        return {
            "villages": len(villages), "advisors": len(groups), "activities": activities,
            "card_code": served[len(served) // 2].code,
            "print_township_id": str(first),
            "print_cards": sum(v.parent_id == first for v in served),
        }  # fmt: skip

    try:
        counts = db.run_in_session(fill)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()
    return {**counts, "seconds": round(time.perf_counter() - started, 1)}


def _contacts(session: Session, townships: list[Any], villages: list[Any]) -> None:
    """What the cards list besides the advisor: each village's committee, each township's
    police station and judicial office, with phones."""
    places = [
        (t, kind, f"{name}{n:02d}")
        for n, t in enumerate(townships)
        for kind, name in (
            (OrganizationType.police_station, "派出所"),
            (OrganizationType.judicial_office, "司法所"),
        )
    ] + [
        (
            v.id,
            OrganizationType.community_committee
            if v.kind == RegionKind.community
            else OrganizationType.village_committee,
            f"{v.code}委员会",
        )
        for v in villages
    ]
    for n, (region_id, kind, name) in enumerate(places):
        data = OrganizationCreate(name=name, type=kind, region_id=region_id, phone=f"0537-{n:07d}")
        create_organization(session, CLI_PRINCIPAL, data)


def _load(
    wrk: str, url: str, headers: list[str], args: Any, script: Path = STATUSES_SCRIPT
) -> Load:
    """wrk with the statuses counted (bench/statuses.lua), after an unmeasured warm-up."""
    extra = [str(VISITORS)] if script == VISITORS_SCRIPT else []
    run_wrk(wrk, url, headers, args.warmup, args.connections, script, extra)
    return run_wrk(wrk, url, headers, args.duration, args.connections, script, extra)


def measure_public_card(
    wrk: str, service: Any, public: Any, baseline: Any, legal: dict[str, Any], args: Any
) -> dict[str, Any]:
    """GET /public/hotline-cards/{code}: JSON on ``public`` (the service with the high
    limit) and the baseline, HTML on ``public``; then the default limit on ``service``."""
    path = f"/public/hotline-cards/{legal['card_code']}"
    card = _get(public.base + path, "")
    compare("GET /public/hotline-cards/{code}", card, _get(baseline.base + path, ""))
    if card[0] != 200 or not isinstance(card[1], dict) or card[1].get("advisor") is None:
        say(f"WARNING the public card has no advisor: {str(card[1])[:300]}")
    with urllib.request.urlopen(
        urllib.request.Request(public.base + path, headers={"Accept": BROWSER})
    ) as response:
        if not response.headers.get_content_type() == "text/html":
            say(f"WARNING the public card's HTML came as {response.headers['Content-Type']}")
    result = {
        "code": legal["card_code"],
        "public_limit": PUBLIC_LIMIT,
        "json": {"service": _load(wrk, public.base + path, [], args),
                 "baseline": _load(wrk, baseline.base + path, [], args)},
        "html": _load(wrk, public.base + path, [f"Accept: {BROWSER}"], args),
        # The service as deployed (the default limit), wrk's requests spread over VISITORS
        # addresses (bench/visitors.lua): what many visitors cost, the limiter included.
        "visitors": _load(wrk, service.base + path, [], args, VISITORS_SCRIPT),
    }  # fmt: skip
    # The default limit as a client sees it: no warm-up, so the window starts empty and
    # the first 60 requests pass.
    result["default_limit"] = run_wrk(
        wrk, service.base + path, [], DEFAULT_LIMIT_S, args.connections, STATUSES_SCRIPT
    )
    return result


def measure_print_pdf(service: Any, legal: dict[str, Any], token: str) -> dict[str, Any]:
    """The township's print sheet: the first request of the process, then the best of
    three; the service's peak memory over the first."""
    url = f"{service.base}/api/v1/hotline-cards/print.pdf?region_id={legal['print_township_id']}"

    def fetch() -> tuple[float, int, bytes]:
        started = time.perf_counter()
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read()
        return time.perf_counter() - started, status, body

    rss_before = streams.reset_peak(service.pid)
    cold, status, body = fetch()
    peak = streams.peak_kib(service.pid)
    warm = min(fetch()[0] for _ in range(3))
    if status != 200:
        say(f"WARNING print.pdf answered {status}: {body[:300]!r}")
    return {
        "cards": legal["print_cards"],
        "status": status,
        "bytes": len(body),
        "pages": len(re.findall(rb"/Type /Page\b", body)),
        "cold_s": round(cold, 3),
        "warm_s": round(warm, 3),
        "rss_before_kib": rss_before,
        "peak_rss_kib": peak,
    }


def measure(
    wrk: str,
    service: Any,
    public: Any,
    baseline: Any,
    fixture: Any,
    legal: dict[str, Any],
    args: Any,
    token_for: Any,
) -> dict[str, Any]:
    """Every figure of the part. ``public``: the service again, with the public page's
    limit at PUBLIC_LIMIT; ``legal``: what seed_legal returned."""
    import seed

    auditor = token_for(seed.AUDITOR)
    # First, so that it is the first print of the process (cold).
    print_pdf = measure_print_pdf(service, legal, auditor)
    say("legal: print.pdf done")
    servers = {"service": service.base, "baseline": baseline.base}
    path = f"/api/v1/reports/legal-advisors?region_id={fixture.county_id}"
    # Each answers once alone first (timed: the report's cost without a queue), compared.
    alone, answers = {}, {}
    for name, base in servers.items():
        started = time.perf_counter()
        answers[name] = _get(base + path, auditor)
        alone[name] = round(time.perf_counter() - started, 3)
    compare("GET /reports/legal-advisors (county)", answers["service"], answers["baseline"])
    result: dict[str, Any] = {
        "report": _load_pair(wrk, servers, path, auditor, args, STATUSES_SCRIPT),
        "report_alone_s": alone,
        "print_pdf": print_pdf,
    }
    say("legal: report done")
    result["public_card"] = measure_public_card(wrk, service, public, baseline, legal, args)
    say("legal: done")
    return result


def _row(name: str, svc: Load, raw: Load) -> tuple[list[str], dict[str, Any]]:
    ratio, p99_ratio, goal = _goal(svc, raw, MIN_READ_RATIO)
    line = [
        name, f"{svc.ok_per_s:,.0f}", f"{raw.ok_per_s:,.0f}",
        "n/a" if ratio is None else f"{ratio:.0%}", _latencies(svc), _latencies(raw),
        "n/a" if p99_ratio is None else f"{p99_ratio:.1f}x", f"{goal} (>= {MIN_READ_RATIO:.0%})",
    ]  # fmt: skip
    figures = {
        "request": name,
        "service": svc.as_dict(),
        "baseline": raw.as_dict(),
        "ratio": None if ratio is None else round(ratio, 3),
        "p99_ratio": None if p99_ratio is None else round(p99_ratio, 2),
        "goal_met": goal.startswith("met"),
    }
    return line, figures


def report(result: dict[str, Any] | None, args: Any, table: Any) -> dict[str, Any] | None:
    """Print the part's table; return its figures for bench/results/<time>.json."""
    if not result:
        return None
    card = result["public_card"]
    rows = [
        _row("GET /reports/legal-advisors (county)", *result["report"].values()),
        _row("GET /public/hotline-cards/{code} (JSON)", *card["json"].values()),
        _row("GET /public/hotline-cards/{code} (HTML; baseline: JSON)",
             card["html"], card["json"]["baseline"]),
        _row(f"GET /public/hotline-cards/{{code}} (JSON, default limit, {VISITORS:,} visitors)",
             card["visitors"], card["json"]["baseline"]),
    ]  # fmt: skip
    say("")
    say(f"legal at {args.connections} connections ({args.database}):")
    table(
        ["request", "service /s", "baseline /s", "ratio", "service p50/p99 ms",
         "baseline p50/p99 ms", "p99 ratio", "goal"],
        [line for line, _ in rows],
    )  # fmt: skip
    say(f"goal: ratio >= {MIN_READ_RATIO:.0%}, p99 ratio <= {MAX_P99_RATIO:.0f}x")
    alone = result["report_alone_s"]
    say(
        f"  the report alone (one request, before the load): service {alone['service']:.3f} s, "
        f"baseline {alone['baseline']:.3f} s"
    )
    say(
        f"  the public card: village {card['code']}, on a second service process with "
        f"LIUSHOU_PUBLIC_RATE_LIMIT={card['public_limit']} (wrk sends from one address; the "
        "default, 60 a minute, would refuse nearly all); the baseline has no limit"
    )
    limited: Load = card["default_limit"]
    say(
        f"  the same with the default limit (60/min), {DEFAULT_LIMIT_S} s, no warm-up: "
        f"{limited.requests_per_s:,.0f} answers/s, statuses {limited.statuses}, "
        f"p50/p99 {_latencies(limited)} ms"
    )
    pdf = result["print_pdf"]
    worst = max(pdf["cold_s"], pdf["warm_s"])
    goal = "met" if worst < MAX_PRINT_S else f"MISSED: {worst:.2f} s >= {MAX_PRINT_S:.0f} s"
    say(
        f"  GET /hotline-cards/print.pdf (township, {pdf['cards']} cards): {pdf['status']}, "
        f"{pdf['pages']} pages, {pdf['bytes'] / 1024:.0f} KiB; first {pdf['cold_s']:.3f} s, "
        f"then {pdf['warm_s']:.3f} s (best of 3); service memory "
        f"{pdf['rss_before_kib'] / 1024:.0f} MB before, peak {pdf['peak_rss_kib'] / 1024:.0f} MB "
        f"(VmHWM); goal < {MAX_PRINT_S:.0f} s: {goal}"
    )
    return {
        "report": {**rows[0][1], "alone_s": alone},
        "public_card": {
            "json": rows[1][1],
            "html": rows[2][1],
            "visitors": rows[3][1],
            "code": card["code"],
            "public_limit": card["public_limit"],
            "default_limit": limited.as_dict(),
        },
        "print_pdf": {**pdf, "goal_met": worst < MAX_PRINT_S},
    }


__all__ = ["measure", "report", "seed_legal"]

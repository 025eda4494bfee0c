"""The legal part of the benchmark (``--only legal``): the legal advisors' compliance report
of a county, on the service and on the raw baseline (bench/legal_baseline.py).

Data (``seed_legal``): every village of the bench's county (bench/seed.py: 12 townships, 504
villages) but one in ten gets an advisor — four villages each, advisors of three law firms,
contracts that started a year ago (one in twenty ends within 30 days) — and every week of the
contract up to today holds ``per_week`` activities per advisor on average (a type, a mode,
mostly on site), inserted through the models in one transaction.

Measured: ``GET /api/v1/reports/legal-advisors?region_id=<county>`` (the auditor) under
``wrk`` (a heavy read: 503 ``busy`` counted apart, bench/statuses.lua). Goal: >= 50 % of the
baseline's req/s, p99 <= 3x. Both answer once first and the answers are compared.

Hooks left for the hotline cards (built elsewhere): :func:`measure_public_card` and
:func:`measure_print_pdf` return None until those endpoints exist; :func:`measure` calls
them and :func:`report` prints what they return.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from load import STATUSES_SCRIPT, Load
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
from liushou.regions.models import OrganizationType, Region, RegionLevel
from liushou.regions.schemas import OrganizationCreate
from liushou.regions.service import create_organization

PER_WEEK = 3
VILLAGES_EACH = 4
BATCH = 5_000
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
            sa.select(Region.id, Region.path)
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
        served = [v for n, v in enumerate(villages) if n % 10 != 9]
        groups = [served[n : n + VILLAGES_EACH] for n in range(0, len(served), VILLAGES_EACH)]
        activities = 0
        rows: list[Any] = []
        for n, group in enumerate(groups):
            firm = firms[n % len(firms)]
            advisor = LegalAdvisor(
                name=f"顾问{n:03d}", law_firm_id=firm, license_no=f"{n + 1:017d}",
                phone="13800000000", category=AdvisorCategory.full_time,
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
        return {"villages": len(villages), "advisors": len(groups), "activities": activities}

    try:
        counts = db.run_in_session(fill)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()
    return {**counts, "seconds": round(time.perf_counter() - started, 1)}


def measure_public_card(service: Any, fixture: Any, args: Any) -> dict[str, Any] | None:
    """Hook: GET /public/hotline-cards/{code} (JSON and HTML) under load, once the cards
    exist (the lead fills it in; None: not measured)."""
    return None


def measure_print_pdf(service: Any, fixture: Any, args: Any, token: str) -> dict[str, Any] | None:
    """Hook: GET /api/v1/hotline-cards/print.pdf?region_id=<township>: seconds, bytes and
    peak memory, once the cards exist (None: not measured)."""
    return None


def measure(
    wrk: str, service: Any, baseline: Any, fixture: Any, args: Any, token_for: Any
) -> dict[str, Any]:
    import seed

    auditor = token_for(seed.AUDITOR)
    servers = {"service": service.base, "baseline": baseline.base}
    path = f"/api/v1/reports/legal-advisors?region_id={fixture.county_id}"
    compare(
        "GET /reports/legal-advisors (county)",
        _get(service.base + path, auditor),
        _get(baseline.base + path, auditor),
    )
    result: dict[str, Any] = {
        "report": _load_pair(wrk, servers, path, auditor, args, STATUSES_SCRIPT),
        "public_card": measure_public_card(service, fixture, args),
        "print_pdf": measure_print_pdf(service, fixture, args, auditor),
    }
    say("legal: done")
    return result


def report(result: dict[str, Any] | None, args: Any, table: Any) -> dict[str, Any] | None:
    """Print the part's table; return its figures for bench/results/<time>.json."""
    if not result:
        return None
    svc, raw = result["report"]["service"], result["report"]["baseline"]
    ratio, p99_ratio, goal = _goal(svc, raw, MIN_READ_RATIO)
    say("")
    say(f"legal at {args.connections} connections ({args.database}):")
    table(
        ["request", "service /s", "baseline /s", "ratio", "service p50/p99 ms",
         "baseline p50/p99 ms", "p99 ratio", "goal"],
        [[
            "GET /reports/legal-advisors (county)", f"{svc.ok_per_s:,.0f}", f"{raw.ok_per_s:,.0f}",
            "n/a" if ratio is None else f"{ratio:.0%}", _latencies(svc), _latencies(raw),
            "n/a" if p99_ratio is None else f"{p99_ratio:.1f}x", f"{goal} (>= {MIN_READ_RATIO:.0%})",
        ]],
    )  # fmt: skip
    say(f"goal: ratio >= {MIN_READ_RATIO:.0%}, p99 ratio <= {MAX_P99_RATIO:.0f}x")
    for name in ("public_card", "print_pdf"):
        say(f"  {name}: {result[name] if result[name] is not None else 'not measured (hook)'}")
    figures: dict[str, Any] = {
        "service": svc.as_dict(),
        "baseline": raw.as_dict(),
        "ratio": None if ratio is None else round(ratio, 3),
        "p99_ratio": None if p99_ratio is None else round(p99_ratio, 2),
        "goal_met": goal.startswith("met"),
    }
    return {
        "report": figures,
        "public_card": result["public_card"],
        "print_pdf": result["print_pdf"],
    }


__all__ = ["Load", "measure", "report", "seed_legal"]

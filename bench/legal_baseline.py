"""The baseline's legal routes (bench/baseline.py mounts them): the service's work by hand.

``GET /api/v1/reports/legal-advisors?region_id=`` (the period: 1 January to today): the
region looked up (404 outside the caller's scope), then five hand-written statements on one
worker thread — the contracts with their villages in the region, the activities per advisor
and week, the on-site minutes per village, advisor and month, the villages with no contract
on the period's last day, the contracts ending within 30 days — and the same rules as the
service (docs/reports.md: whole ISO weeks and months that one contract covers) applied in
plain Python. Also the legal section of the summary (``legal_summary``).

``GET /public/hotline-cards/{code}`` (no login, JSON): two statements — the village by its
code with its township and, by LEFT JOINs, the contract that covers it today with its advisor
and firm; then the contact organizations of the village and its township in the card's order
(docs/legal.md, "The public card page"). No rate limit: that is the service's own work.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SHANGHAI = timezone(timedelta(hours=8))
JSON = "application/json"
REGION_SQL = "SELECT path FROM region WHERE id = ? AND deleted_at IS NULL"
CONTRACTS_SQL = (
    "SELECT c.id, c.advisor_id, a.name, c.starts_on, c.last_day, c.weekly_activity_target, "
    "c.monthly_onsite_minutes_target, cv.region_id, r.name FROM legal_contract c "
    "JOIN legal_contract_village cv ON cv.contract_id = c.id "
    "JOIN legal_advisor a ON a.id = c.advisor_id JOIN region r ON r.id = cv.region_id "
    "WHERE c.deleted_at IS NULL AND r.deleted_at IS NULL AND cv.region_path >= ? "
    "AND cv.region_path < ? AND c.starts_on <= ? AND c.last_day >= ? "
    "ORDER BY r.code, c.starts_on, c.id"
)
WEEK = {
    True: "CAST(julianday(held_on) - julianday(?) AS INTEGER) / 7",
    False: "(held_on - CAST(? AS date)) / 7",
}
MONTH = {True: "strftime('%Y-%m', held_on)", False: "to_char(held_on, 'YYYY-MM')"}
WEEKS_SQL = (
    "SELECT advisor_id, {week} AS w, count(*) FROM legal_activity WHERE deleted_at IS NULL "
    "AND region_path >= ? AND region_path < ? AND held_on >= ? AND held_on <= ? "
    "GROUP BY advisor_id, w"
)
MONTHS_SQL = (
    "SELECT region_id, advisor_id, {month} AS m, sum(duration_minutes) FROM legal_activity "
    "WHERE deleted_at IS NULL AND region_path >= ? AND region_path < ? AND mode = 'on_site' "
    "AND held_on >= ? AND held_on <= ? GROUP BY region_id, advisor_id, m"
)
COVERED = (
    "EXISTS (SELECT 1 FROM legal_contract_village cv JOIN legal_contract c "
    "ON c.id = cv.contract_id WHERE cv.region_id = r.id AND c.deleted_at IS NULL "
    "AND c.starts_on <= ? AND c.last_day >= ?)"
)
WITHOUT_SQL = (
    "SELECT r.id, r.name FROM region r WHERE r.level = 'village' AND r.deleted_at IS NULL "
    f"AND r.path >= ? AND r.path < ? AND NOT {COVERED} ORDER BY r.code"
)
EXPIRING_SQL = (
    "SELECT c.id, c.advisor_id, c.ends_on, c.last_day FROM legal_contract c "
    "WHERE c.deleted_at IS NULL AND c.starts_on <= ? AND c.last_day >= ? AND c.last_day <= ? "
    "AND EXISTS (SELECT 1 FROM legal_contract_village cv WHERE cv.contract_id = c.id "
    "AND cv.region_path >= ? AND cv.region_path < ?) ORDER BY c.last_day, c.id"
)
BY_TYPE_SQL = (
    "SELECT type, count(*), coalesce(sum(CASE WHEN mode = 'on_site' THEN duration_minutes "
    "ELSE 0 END), 0) FROM legal_activity WHERE deleted_at IS NULL AND region_path >= ? "
    "AND region_path < ? AND held_on >= ? AND held_on <= ? GROUP BY type ORDER BY type"
)
VILLAGES_SQL = (
    f"SELECT count(r.id), coalesce(sum(CASE WHEN {COVERED} THEN 1 ELSE 0 END), 0) "
    "FROM region r WHERE r.level = 'village' AND r.deleted_at IS NULL AND r.path >= ? "
    "AND r.path < ?"
)

# The public card: the village by code, the contract covering it today (starts_on <= today
# <= last_day, docs/legal.md "Contracts"), its advisor and firm; then the contacts.
CARD_SQL = (
    "SELECT v.id, v.code, v.name, t.id, a.id, a.name, f.name, a.phone, a.service_hours, "
    "c.ends_on FROM region v LEFT JOIN region t ON t.id = v.parent_id AND t.deleted_at IS NULL "
    "LEFT JOIN (legal_contract_village cv JOIN legal_contract c ON c.id = cv.contract_id "
    "AND c.deleted_at IS NULL AND c.starts_on <= ? AND c.last_day >= ? "
    "JOIN legal_advisor a ON a.id = c.advisor_id AND a.deleted_at IS NULL "
    "JOIN organization f ON f.id = c.law_firm_id) ON cv.region_id = v.id "
    "WHERE v.code = ? AND v.level = 'village' AND v.deleted_at IS NULL LIMIT 1"
)
CONTACT_TYPES = (
    "village_committee", "community_committee", "police_station", "judicial_office",
    "womens_federation",
)  # fmt: skip
CONTACTS_SQL = (
    "SELECT region_id, type, name, phone FROM organization WHERE region_id IN (?, ?) "
    f"AND type IN ({', '.join(repr(t) for t in CONTACT_TYPES)}) AND deleted_at IS NULL "
    "ORDER BY CASE type "
    + " ".join(f"WHEN '{t}' THEN {n}" for n, t in enumerate(CONTACT_TYPES))
    + " END, name, id"
)
HOTLINES = [
    {"number": "12348", "name": "公共法律服务"},
    {"number": "12338", "name": "妇女维权"},
    {"number": "12355", "name": "青少年服务"},
    {"number": "110", "name": "报警"},
]
VILLAGE_CODE = re.compile(r"[0-9]{12}")
CARD_HEADERS = {"Vary": "Accept", "Cache-Control": "public, max-age=300"}


def _uuid(value: object) -> str:
    return str(value) if isinstance(value, uuid.UUID) else str(uuid.UUID(hex=str(value)))


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _mondays(first: date, last: date) -> Iterator[date]:
    monday = first + timedelta(days=-first.weekday() % 7)
    while monday + timedelta(days=6) <= last:
        yield monday
        monday += timedelta(days=7)


def _firsts(first: date, last: date) -> Iterator[date]:
    month = first if first.day == 1 else _next_month(first.replace(day=1))
    while _next_month(month) - timedelta(days=1) <= last:
        yield month
        month = _next_month(month)


def legal_summary(
    fetch: Any, day: Callable[[date], Any], low: str, high: str, since: date, until: date
) -> dict[str, Any]:
    """The summary's legal section: two statements."""
    s, u = day(since), day(until)
    activities, minutes = {}, 0
    for kind, n, onsite in fetch(BY_TYPE_SQL, (low, high, s, u)):
        activities[kind] = int(n)
        minutes += int(onsite)
    villages, covered = fetch(VILLAGES_SQL, (u, u, low, high))[0]
    return {
        "activities": activities,
        "consultations": activities.get("consultation", 0),
        "onsite_minutes": minutes,
        "villages": int(villages),
        "villages_with_advisor": int(covered),
        "villages_without_advisor": int(villages) - int(covered),
    }


def routes(store: Any, person_scope: Callable[[Request], tuple[str, str] | None]) -> list[Route]:
    def figures(low: str, high: str, since: date, until: date) -> dict[str, Any]:
        fetch, day = store._fetch, store.day  # noqa: SLF001 - the baseline's own store
        week0 = since - timedelta(days=since.weekday())
        week_end = until + timedelta(days=6 - until.weekday())
        month0 = since.replace(day=1)
        month_end = _next_month(until.replace(day=1)) - timedelta(days=1)
        today = datetime.now(SHANGHAI).date()
        rows = fetch(CONTRACTS_SQL, (low, high, day(until), day(since)))
        weekly = {
            (_uuid(a), int(w)): int(n)
            for a, w, n in fetch(
                WEEKS_SQL.format(week=WEEK[store.sqlite]),
                (day(week0), low, high, day(week0), day(week_end)),
            )
        }
        monthly = {
            (_uuid(r), _uuid(a), m): int(n)
            for r, a, m, n in fetch(
                MONTHS_SQL.format(month=MONTH[store.sqlite]),
                (low, high, day(month0), day(month_end)),
            )
        }
        names: dict[str, str] = {}
        advisor_spans: dict[str, dict[str, tuple[date, date, int]]] = {}
        village_spans: dict[tuple[str, str], list[tuple[date, date, int]]] = {}
        village_names: dict[str, str] = {}
        for cid, aid, aname, starts, last, weekly_t, monthly_t, rid, rname in rows:
            a, r = _uuid(aid), _uuid(rid)
            names[a] = aname
            span = (_date(starts), _date(last))
            advisor_spans.setdefault(a, {})[_uuid(cid)] = (*span, int(weekly_t))
            village_names[r] = rname
            village_spans.setdefault((r, a), []).append((*span, int(monthly_t)))
        advisors = []
        for a, contracts in advisor_spans.items():
            targets: dict[date, int] = {}
            for first, last, target in contracts.values():
                for monday in _mondays(max(first, week0), min(last, week_end)):
                    targets[monday] = max(targets.get(monday, 0), target)
            weeks = []
            for monday in sorted(targets):
                n = weekly.get((a, (monday - week0).days // 7), 0)
                year, number, _ = monday.isocalendar()
                weeks.append(
                    {"week": f"{year}-W{number:02d}", "activities": n,
                     "target": targets[monday], "met": n >= targets[monday]}
                )  # fmt: skip
            advisors.append({"advisor_id": a, "name": names[a], "weeks": weeks})
        advisors.sort(key=lambda x: (x["name"], x["advisor_id"]))
        villages = []
        for (r, a), spans in village_spans.items():
            targets = {}
            for first, last, target in spans:
                for month in _firsts(max(first, month0), min(last, month_end)):
                    targets[month] = max(targets.get(month, 0), target)
            months = []
            for month in sorted(targets):
                key = month.strftime("%Y-%m")
                n = monthly.get((r, a, key), 0)
                months.append(
                    {"month": key, "onsite_minutes": n, "target": targets[month],
                     "met": n >= targets[month]}
                )  # fmt: skip
            villages.append(
                {"region_id": r, "name": village_names[r], "advisor_id": a, "months": months}
            )
        without = [
            {"region_id": _uuid(r), "name": name}
            for r, name in fetch(WITHOUT_SQL, (low, high, day(until), day(until)))
        ]
        soon = today + timedelta(days=30)
        expiring = [
            {"contract_id": _uuid(c), "advisor_id": _uuid(a), "ends_on": _date(e).isoformat(),
             "last_day": _date(last).isoformat()}
            for c, a, e, last in fetch(
                EXPIRING_SQL, (day(today), day(today), day(soon), low, high)
            )
        ]  # fmt: skip
        return {
            "from": since.isoformat(),
            "to": until.isoformat(),
            "advisors": advisors,
            "villages": villages,
            "without_advisor": without,
            "expiring": expiring,
        }

    async def legal_advisors(request: Request) -> Response:
        scope = person_scope(request)
        if scope is None:
            return Response(status_code=401)
        try:
            region_id = store.uuid(request.query_params["region_id"])
        except (KeyError, ValueError, TypeError):
            return Response(status_code=422)
        found = await store.fetch(REGION_SQL, (region_id,))
        if not found or not found[0][0].startswith(scope[0]):
            return Response(status_code=404)
        low = found[0][0]
        until = datetime.now(SHANGHAI).date()
        since = date(until.year, 1, 1)
        body = await run_in_threadpool(figures, low, low[:-1] + "0", since, until)
        answer = {"region_id": str(uuid.UUID(request.query_params["region_id"])), **body}
        return Response(orjson.dumps(answer), media_type=JSON)

    async def public_card(request: Request) -> Response:
        code = request.path_params["code"]
        today = store.day(datetime.now(SHANGHAI).date())
        found = (
            await store.fetch(CARD_SQL, (today, today, code))
            if VILLAGE_CODE.fullmatch(code)
            else []
        )
        if not found:
            return Response(status_code=404)
        vid, vcode, vname, tid, aid, aname, firm, phone, hours, ends_on = found[0]
        contacts = await store.fetch(CONTACTS_SQL, (vid, tid))
        card = {
            "village": {"id": _uuid(vid), "code": vcode, "name": vname},
            "advisor": None if aid is None else {
                "id": _uuid(aid), "name": aname, "law_firm": firm, "phone": phone,
                "service_hours": hours,
            },
            # The village's own first, then its township's.
            "contacts": [
                {"type": kind, "name": name, "phone": tel}
                for own in (True, False)
                for region, kind, name, tel in contacts if (region == vid) is own
            ],
            "hotlines": HOTLINES,
            "valid_until": None if ends_on is None else _date(ends_on).isoformat(),
        }  # fmt: skip
        return Response(orjson.dumps(card), media_type=JSON, headers=CARD_HEADERS)

    return [
        Route("/api/v1/reports/legal-advisors", legal_advisors),
        Route("/public/hotline-cards/{code}", public_card),
    ]

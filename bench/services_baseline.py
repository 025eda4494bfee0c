"""The baseline's services routes (bench/baseline.py mounts them), the service's work by hand.

* ``POST /api/v1/service-records``: in one transaction, the type looked up (live, serving
  the person's category), the day not in the future, the person visible to the caller
  (its region path within the caller's range; locked with FOR UPDATE on PostgreSQL, as the
  service locks it) and on the register that day, then the ``service_record`` row and its
  ``audit_event`` row. No idempotency key is stored (the service stores one).
* ``GET /api/v1/service-records?region_id=&from=&to=``: the region looked up, then one query:
  the records of the persons in the region's path range and the caller's, in the period,
  newest ``delivered_on`` first then id, limit 50, the type's programme and name joined;
  the same signed ``next_cursor``.
* ``GET /api/v1/reports/summary?region_id=`` (the period: 1 January to today): the region
  looked up (404 outside the caller's scope), then hand-written grouped queries for every
  section — registry (on the register today by category, as /reports/coverage counts,
  and the stays that began or ended in the period), care, services, activities, wishes,
  legal (bench/legal_baseline.py), distributions — in the
  threadpool, as the service runs a heavy read.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import orjson
from legal_baseline import legal_summary
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SHANGHAI = timezone(timedelta(hours=8))
JSON = "application/json"
CATEGORIES = ("child", "woman", "elder")
DISTRIBUTION_ORDER = (
    "publicity_leaflet",
    "publicity_bag",
    "school_supplies",
    "hotline_card",
    "other",
)

TYPE_SQL = (
    "SELECT categories, program, name_zh FROM service_type WHERE code = ? AND deleted_at IS NULL"
)
SERVED_SQL = (
    "SELECT category, left_behind_since, exited_on, counts_until FROM person "
    "WHERE id = ? AND deleted_at IS NULL AND region_path >= ? AND region_path < ?"
)
RECORD_NAMES = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "deleted_at",
    "person_id",
    "service_type",
    "delivered_on",
    "quantity",
    "provider_organization_id",
    "caretaker_id",
    "activity_id",
    "wish_id",
    "outcome",
    "notes",
    "created_by_id",
    "created_by",
)
INSERT_RECORD_SQL = (
    f"INSERT INTO service_record ({', '.join(RECORD_NAMES)}) "
    f"VALUES ({', '.join('?' * len(RECORD_NAMES))})"
)
AUDIT_NAMES = (
    "id",
    "at",
    "actor_kind",
    "actor_id",
    "actor_name",
    "action",
    "resource_type",
    "resource_id",
    "outcome",
    "request_id",
    "changed_fields",
    "detail",
)
INSERT_AUDIT_SQL = (
    f"INSERT INTO audit_event ({', '.join(AUDIT_NAMES)}) "
    f"VALUES ({', '.join('?' * len(AUDIT_NAMES))})"
)
REGION_SQL = "SELECT path FROM region WHERE id = ? AND deleted_at IS NULL"
LIST_COLUMNS = (
    "r.id, r.created_at, r.updated_at, r.version, r.person_id, r.service_type, "
    "r.delivered_on, r.quantity, r.provider_organization_id, r.caretaker_id, r.activity_id, "
    "r.wish_id, r.outcome, r.notes, r.created_by, t.program, t.name_zh"
)
# scope low, high; region low, high; from, to; [after day, after day, after id]; limit.
LIST_SQL = (
    f"SELECT {LIST_COLUMNS} FROM service_record AS r "
    "JOIN person AS p ON p.id = r.person_id JOIN service_type AS t ON t.code = r.service_type "
    "WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL "
    "AND p.region_path >= ? AND p.region_path < ? AND p.region_path >= ? AND p.region_path < ? "
    "AND r.delivered_on >= ? AND r.delivered_on <= ? {after}"
    "ORDER BY r.delivered_on DESC, r.id DESC LIMIT ?"
)
LIST_AFTER = "AND (r.delivered_on < ? OR (r.delivered_on = ? AND r.id < ?)) "

# The summary. Parameters in order of the ?s, named in each comment.
IN_RANGE = "p.region_path >= ? AND p.region_path < ?"
# today, today, low, high
REGISTER_TODAY_SQL = (
    "SELECT p.category, count(p.id), count(a.person_id), "
    "coalesce(sum(CASE WHEN a.next_visit_due < ? THEN 1 ELSE 0 END), 0) "
    "FROM person AS p LEFT JOIN assignment AS a ON a.person_id = p.id "
    "AND a.role = 'primary_contact' AND a.ends_on IS NULL AND a.deleted_at IS NULL "
    "WHERE p.deleted_at IS NULL AND p.status = 'active' "
    "AND (p.counts_until IS NULL OR p.counts_until > ?) "
    f"AND {IN_RANGE} GROUP BY p.category"
)
# since, until (new); since, until, since, until (exited); low, high; since, until ×3
MOVES_SQL = (
    "SELECT p.category, "
    "count(DISTINCT CASE WHEN e.left_behind_since >= ? AND e.left_behind_since <= ? "
    "THEN e.person_id END), "
    "count(DISTINCT CASE WHEN (e.exited_on >= ? AND e.exited_on <= ?) OR "
    "(p.status = 'active' AND e.exited_on IS NULL AND p.counts_until >= ? "
    "AND p.counts_until <= ?) THEN e.person_id END) "
    "FROM person_version AS e JOIN person AS p ON p.id = e.person_id "
    "WHERE NOT EXISTS (SELECT 1 FROM person_version AS f WHERE f.person_id = e.person_id "
    "AND f.version = e.version + 1 AND f.action != 'reactivate') "
    f"AND p.deleted_at IS NULL AND {IN_RANGE} "
    "AND ((e.left_behind_since >= ? AND e.left_behind_since <= ?) "
    "OR (e.exited_on >= ? AND e.exited_on <= ?) "
    "OR (p.counts_until >= ? AND p.counts_until <= ?)) "
    "GROUP BY p.category"
)
# low, high, since, until
VISITS_SQL = (
    "SELECT count(s.id), count(DISTINCT s.person_id) FROM visit AS s "
    "JOIN person AS p ON p.id = s.person_id "
    f"WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND {IN_RANGE} "
    "AND s.visited_on >= ? AND s.visited_on <= ?"
)
# low, high, since, until
SERVICES_SQL = (
    "SELECT r.service_type, t.name_zh, t.program, count(r.id), count(DISTINCT r.person_id), "
    "sum(r.quantity) FROM service_record AS r JOIN person AS p ON p.id = r.person_id "
    "JOIN service_type AS t ON t.code = r.service_type "
    f"WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL AND {IN_RANGE} "
    "AND r.delivered_on >= ? AND r.delivered_on <= ? "
    "GROUP BY r.service_type, t.name_zh, t.program ORDER BY r.service_type"
)
# low, high, since, until
ACTIVITIES_SQL = (
    "SELECT a.service_type, count(a.id), sum(a.attendee_count) FROM activity AS a "
    "WHERE a.deleted_at IS NULL AND a.region_path >= ? AND a.region_path < ? "
    "AND a.held_on >= ? AND a.held_on <= ? GROUP BY a.service_type ORDER BY a.service_type"
)
# start, end (made); since, until (fulfilled); end (open); low, high
WISHES_SQL = (
    "SELECT "
    "coalesce(sum(CASE WHEN w.created_at >= ? AND w.created_at < ? THEN 1 ELSE 0 END), 0), "
    "coalesce(sum(CASE WHEN w.status = 'fulfilled' AND w.fulfilled_on >= ? "
    "AND w.fulfilled_on <= ? THEN 1 ELSE 0 END), 0), "
    "coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM wish_transition AS tr "
    "WHERE tr.wish_id = w.id AND tr.to_status IN ('open', 'claimed') AND tr.seq = "
    "(SELECT max(s.seq) FROM wish_transition AS s WHERE s.wish_id = w.id AND s.at < ?)) "
    "THEN 1 ELSE 0 END), 0) "
    "FROM wish AS w JOIN person AS p ON p.id = w.person_id "
    f"WHERE w.deleted_at IS NULL AND p.deleted_at IS NULL AND {IN_RANGE}"
)
# low, high, since, until
DISTRIBUTIONS_SQL = (
    "SELECT d.item, sum(d.quantity), coalesce(sum(d.households), 0) FROM distribution AS d "
    "WHERE d.deleted_at IS NULL AND d.region_path >= ? AND d.region_path < ? "
    "AND d.distributed_on >= ? AND d.distributed_on <= ? GROUP BY d.item"
)
# low, high


def _uuid(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, uuid.UUID):  # PostgreSQL
        return str(value)
    return str(uuid.UUID(hex=value))  # type: ignore[arg-type]  # SQLite: 32 hex digits


def _instant(value: object) -> str:
    """As the service writes an instant: no fraction when it is zero."""
    if isinstance(value, datetime):  # PostgreSQL: aware
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    text = value.replace(" ", "T")  # type: ignore[attr-defined]  # SQLite: naive UTC text
    return (text[:-7] if text.endswith(".000000") else text) + "Z"


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)  # type: ignore[arg-type]


def _record(row: tuple[Any, ...]) -> dict[str, Any]:
    (
        id_,
        created_at,
        updated_at,
        version,
        person_id,
        service_type,
        delivered_on,
        quantity,
        organization_id,
        caretaker_id,
        activity_id,
        wish_id,
        outcome,
        notes,
        created_by,
        program,
        name_zh,
    ) = row
    return {
        "id": _uuid(id_),
        "created_at": _instant(created_at),
        "updated_at": _instant(updated_at),
        "version": version,
        "person_id": _uuid(person_id),
        "service_type": service_type,
        "service_type_name_zh": name_zh,
        "program": program,
        "delivered_on": _date(delivered_on).isoformat(),
        "quantity": quantity,
        "provider_organization_id": _uuid(organization_id),
        "caretaker_id": _uuid(caretaker_id),
        "activity_id": _uuid(activity_id),
        "wish_id": _uuid(wish_id),
        "outcome": outcome,
        "notes": notes,
        "created_by": created_by,
    }


class Refused(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def routes(
    store: Any,
    callers: Callable[[Request], Any],
    cursors: Any,
    person_scope: Callable[[Request], tuple[str, str] | None],
) -> list[Route]:
    def instant(value: datetime) -> object:
        """A UTC instant parameter: SQLAlchemy's naive text on SQLite, aware for psycopg."""
        if store.sqlite:
            return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        return value

    def param(value: Any) -> Any:
        if isinstance(value, uuid.UUID):
            return store.uuid(value)
        if isinstance(value, datetime):
            return instant(value)
        if isinstance(value, date):
            return store.day(value)
        if isinstance(value, dict | list):
            if store.sqlite:
                return orjson.dumps(value).decode()
            from psycopg.types.json import Json

            return Json(value)
        return value

    async def create_record(request: Request) -> Response:
        caller = callers(request)
        scope = person_scope(request)
        if caller is None or scope is None:
            return Response(status_code=401)
        if "services:write" not in caller.scopes:
            return Response(status_code=403)
        try:
            body = orjson.loads(await request.body())
            person_id = uuid.UUID(body["person_id"])
            code = str(body["service_type"])
            day = date.fromisoformat(body["delivered_on"])
            quantity = int(body.get("quantity", 1))
            if quantity < 1:
                raise ValueError(quantity)
        except (KeyError, ValueError, TypeError, orjson.JSONDecodeError):
            return Response(status_code=422)
        today = datetime.now(SHANGHAI).date()
        if day > today:
            return Response(status_code=422)
        name = getattr(caller, "name", "") or ""

        def prepare() -> None:
            return None

        def insert(conn: Any, _: None) -> dict[str, Any]:
            found = conn.execute(store.sql(TYPE_SQL), (code,)).fetchall()
            if not found:
                raise Refused(422)
            categories, program, name_zh = found[0]
            if isinstance(categories, str):
                categories = orjson.loads(categories)
            lock = "" if store.sqlite else " FOR UPDATE"
            persons = conn.execute(
                store.sql(SERVED_SQL + lock), (store.uuid(person_id), *scope)
            ).fetchall()
            if not persons:
                raise Refused(404)
            category, since, exited_on, counts_until = persons[0]
            if category not in categories:
                raise Refused(422)
            if not (
                _date(since) <= day
                and (exited_on is None or _date(exited_on) > day)
                and (counts_until is None or _date(counts_until) > day)
            ):
                raise Refused(422)
            now = datetime.now(UTC)
            record = {
                "id": uuid.uuid4(),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "deleted_at": None,
                "person_id": person_id,
                "service_type": code,
                "delivered_on": day,
                "quantity": quantity,
                "provider_organization_id": None,
                "caretaker_id": None,
                "activity_id": None,
                "wish_id": None,
                "outcome": body.get("outcome"),
                "notes": body.get("notes"),
                "created_by_id": caller.id,
                "created_by": name[:128],
            }
            conn.execute(
                store.sql(INSERT_RECORD_SQL), tuple(param(record[n]) for n in RECORD_NAMES)
            )
            event = {
                "id": uuid.uuid4(),
                "at": now,
                "actor_kind": "user",
                "actor_id": caller.id,
                "actor_name": name,
                "action": "service_record.create",
                "resource_type": "service_record",
                "resource_id": str(record["id"]),
                "outcome": "success",
                "request_id": uuid.uuid4().hex,
                "changed_fields": sorted(k for k in body if k in RECORD_NAMES),
                "detail": {"person_id": str(person_id), "service_type": code},
            }
            conn.execute(store.sql(INSERT_AUDIT_SQL), tuple(param(event[n]) for n in AUDIT_NAMES))
            return {**record, "program": program, "service_type_name_zh": name_zh}

        try:
            row = await store.write(prepare, insert)
        except Refused as refused:
            return Response(status_code=refused.status)
        answer = _record(
            (
                row["id"],
                row["created_at"],
                row["updated_at"],
                1,
                row["person_id"],
                row["service_type"],
                row["delivered_on"],
                row["quantity"],
                None,
                None,
                None,
                None,
                row["outcome"],
                row["notes"],
                row["created_by"],
                row["program"],
                row["service_type_name_zh"],
            )
        )
        headers = {"ETag": '"1"', "Location": f"/api/v1/service-records/{answer['id']}"}
        return Response(orjson.dumps(answer), status_code=201, media_type=JSON, headers=headers)

    async def region_range(request: Request, scope: tuple[str, str]) -> tuple[str, str] | None:
        """The region's [low, high), or None when unknown or outside the caller's scope."""
        region_id = store.uuid(request.query_params["region_id"])
        found = await store.fetch(REGION_SQL, (region_id,))
        if not found or not found[0][0].startswith(scope[0]):
            return None
        low = found[0][0]
        return low, low[:-1] + "0"

    async def list_records(request: Request) -> Response:
        scope = person_scope(request)
        if scope is None:
            return Response(status_code=401)
        try:
            limit = int(request.query_params.get("limit", 50))
            if not 1 <= limit <= 500:
                raise ValueError(limit)
            since = date.fromisoformat(request.query_params["from"])
            until = date.fromisoformat(request.query_params["to"])
            bounds = await region_range(request, scope)
            after = cursors.key(request)
        except (KeyError, ValueError, TypeError):
            return Response(status_code=422)
        page: dict[str, Any] = {"items": [], "next_cursor": None}
        if bounds is None:
            return Response(orjson.dumps(page), media_type=JSON)
        params: tuple[Any, ...] = (*scope, *bounds, store.day(since), store.day(until))
        if after is None:
            sql = LIST_SQL.format(after="")
        else:
            day = store.day(date.fromisoformat(after[0]))
            sql = LIST_SQL.format(after=LIST_AFTER)
            params += (day, day, store.uuid(after[1]))
        rows = await store.fetch(sql, (*params, limit + 1))
        page["items"] = [_record(r) for r in rows[:limit]]
        if len(rows) > limit:
            last = page["items"][-1]
            key = [last["delivered_on"], last["id"].replace("-", "")]
            page["next_cursor"] = cursors.after(request, key)
        return Response(orjson.dumps(page), media_type=JSON)

    def summary_figures(low: str, high: str, since: date, until: date) -> dict[str, Any]:
        """Every query of the summary, on one worker thread (one connection)."""
        today = store.day(until)
        s, u = store.day(since), store.day(until)
        start = datetime.combine(since, time.min, SHANGHAI).astimezone(UTC)
        end = datetime.combine(until + timedelta(days=1), time.min, SHANGHAI).astimezone(UTC)
        fetch = store._fetch  # noqa: SLF001 - the baseline's own store, on this thread
        on_day = {c: [0, 0, 0] for c in CATEGORIES}
        for category, active, with_primary, overdue in fetch(
            REGISTER_TODAY_SQL, (today, today, low, high)
        ):
            on_day[category] = [int(active), int(with_primary), int(overdue)]
        moves = dict.fromkeys(CATEGORIES, (0, 0))
        for category, new, exited in fetch(
            MOVES_SQL, (s, u, s, u, s, u, low, high, s, u, s, u, s, u)
        ):
            moves[category] = (int(new), int(exited))
        registry: dict[str, Any] = {
            c: {"active": on_day[c][0], "new": moves[c][0], "exited": moves[c][1]}
            for c in CATEGORIES
        }
        registry["total"] = {
            key: sum(registry[c][key] for c in CATEGORIES) for key in ("active", "new", "exited")
        }
        visits, visited = fetch(VISITS_SQL, (low, high, s, u))[0]
        care = {
            "active": registry["total"]["active"],
            "with_primary_contact": sum(f[1] for f in on_day.values()),
            "visits": int(visits),
            "persons_visited": int(visited),
            "overdue": sum(f[2] for f in on_day.values()),
        }
        services = [
            {
                "service_type": code,
                "name_zh": name_zh,
                "program": program,
                "records": int(records),
                "persons": int(persons),
                "quantity": int(quantity),
            }
            for code, name_zh, program, records, persons, quantity in fetch(
                SERVICES_SQL, (low, high, s, u)
            )
        ]
        activities = [
            {"service_type": code, "activities": int(n), "attendees": int(attendees or 0)}
            for code, n, attendees in fetch(ACTIVITIES_SQL, (low, high, s, u))
        ]
        made, fulfilled, waiting = fetch(
            WISHES_SQL, (instant(start), instant(end), s, u, instant(end), low, high)
        )[0]
        rows = fetch(DISTRIBUTIONS_SQL, (low, high, s, u))
        rows.sort(key=lambda r: DISTRIBUTION_ORDER.index(r[0]))
        return {
            "from": since.isoformat(),
            "to": until.isoformat(),
            "registry": registry,
            "care": care,
            "services": services,
            "activities": activities,
            "wishes": {"made": int(made), "fulfilled": int(fulfilled), "open": int(waiting)},
            "legal": legal_summary(fetch, store.day, low, high, since, until),
            "distributions": [
                {"item": item, "quantity": int(quantity), "households": int(households)}
                for item, quantity, households in rows
            ],
        }

    async def summary(request: Request) -> Response:
        scope = person_scope(request)
        if scope is None:
            return Response(status_code=401)
        try:
            bounds = await region_range(request, scope)
        except (KeyError, ValueError, TypeError):
            return Response(status_code=422)
        if bounds is None:
            return Response(status_code=404)
        until = datetime.now(SHANGHAI).date()
        since = date(until.year, 1, 1)
        figures = await run_in_threadpool(summary_figures, *bounds, since, until)
        body = {"region_id": str(uuid.UUID(request.query_params["region_id"])), **figures}
        return Response(orjson.dumps(body), media_type=JSON)

    return [
        Route("/api/v1/service-records", list_records),
        Route("/api/v1/service-records", create_record, methods=["POST"]),
        Route("/api/v1/reports/summary", summary),
    ]

"""The baseline's change feed (bench/baseline.py mounts it): ``GET /api/v1/changes``, the
service's work by hand (docs/changes.md).

Per page: the cursor checked (the service's own signed format, liushou.changes.cursor),
one query for the change rows after it in feed order (``(txid, id)``; on PostgreSQL only
below the snapshot's xmin, as the service reads; none older than the retention period;
``limit + 1`` rows, the last telling ``has_more``), then one query per resource type for
the rows ``data`` holds, scoped to the caller's region as each GET is: the persons (the
masked columns as stored, status, age and alerts as ``GET /persons/{id}`` computes them)
and the visits (of the persons the caller sees). A change whose resource the caller sees
is an ``upsert`` with that body; one it does not see is a ``delete`` when it was a soft
delete of something in the caller's area, or a person's move out of it (the region path
before the change in the caller's range, after it not); otherwise it gives no item. Only
persons and visits get bodies: the feed part (bench/feed_part.py) writes only those.
orjson, the next cursor signed as the service signs it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from liushou.api.pagination import InvalidCursor
from liushou.changes.capture import RESOURCE_TYPES
from liushou.changes.cursor import START, FeedCursor, Position, decode, encode

SHANGHAI = timezone(timedelta(hours=8))
JSON = "application/json"
RETENTION_DAYS = 90  # LIUSHOU_CHANGE_RETENTION_DAYS' default
ORDER_SLACK = timedelta(hours=1)  # what a cursor vouches for: the last change minus this
MAX_LIMIT = 500

CHANGE_COLUMNS = "id, txid, resource_type, resource_id, op, version, changed_at, person_id, "
CHANGE_COLUMNS += "path_before, path_after"
TYPES = ", ".join(f"'{t}'" for t in RESOURCE_TYPES)
# after txid, after id, since, limit (+ PostgreSQL: below the snapshot's xmin).
CHANGES_SQL = (
    f"SELECT {CHANGE_COLUMNS} FROM change WHERE (txid, id) > (?, ?) "
    f"AND resource_type IN ({TYPES}) AND changed_at >= ? {{xmin}}ORDER BY txid, id LIMIT ?"
)
XMIN = "AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint "
VISIT_COLUMNS = (
    "v.id, v.created_at, v.updated_at, v.version, v.person_id, v.caretaker_id, v.visited_on, "
    "v.mode, v.findings, v.needs, v.risk_level, v.next_visit_due"
)
PERSON_SCOPE = "person.region_path >= ? AND person.region_path < ?"


def _uuid(value: object) -> str:
    if isinstance(value, uuid.UUID):  # PostgreSQL
        return str(value)
    return str(uuid.UUID(hex=value))  # type: ignore[arg-type]  # SQLite: 32 hex digits


def _instant(value: object) -> str:
    """As the service writes an instant: no fraction when it is zero."""
    if isinstance(value, datetime):  # PostgreSQL: aware
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    text = value.replace(" ", "T")  # type: ignore[attr-defined]  # SQLite: naive UTC text
    return (text[:-7] if text.endswith(".000000") else text) + "Z"


def _moment(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value).replace(tzinfo=UTC)  # type: ignore[arg-type]


def _day(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _visit(row: tuple[Any, ...]) -> dict[str, Any]:
    (id_, created_at, updated_at, version, person_id, caretaker_id, visited_on, mode) = row[:8]
    findings, needs, risk_level, next_visit_due = row[8:]
    return {
        "id": _uuid(id_),
        "created_at": _instant(created_at),
        "updated_at": _instant(updated_at),
        "version": version,
        "person_id": _uuid(person_id),
        "caretaker_id": _uuid(caretaker_id),
        "visited_on": _day(visited_on),
        "mode": mode,
        "findings": findings,
        # SQLite: the stored JSON text as it is; PostgreSQL: psycopg has parsed it already.
        "needs": orjson.Fragment(needs) if isinstance(needs, str) else needs,
        "risk_level": risk_level,
        "next_visit_due": _day(next_visit_due),
    }


def routes(
    store: Any,
    person_scope: Callable[[Request], tuple[str, str] | None],
    person_columns: str,
    person_body: Callable[[tuple[Any, ...], date], dict[str, Any]],
    secret_key: str,
) -> list[Route]:
    secret = (secret_key + ":cursor").encode()
    changes_sql = CHANGES_SQL.format(xmin="" if store.sqlite else XMIN)

    def since_param(value: datetime) -> object:
        if store.sqlite:  # SQLAlchemy's naive UTC text
            return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        return value

    def any_of(column: str, ids: list[Any]) -> tuple[str, tuple[Any, ...]]:
        """``column`` among ``ids``: IN (?, ...) on SQLite, = ANY(array) on PostgreSQL."""
        if store.sqlite:
            return f"{column} IN ({', '.join('?' * len(ids))})", tuple(ids)
        return f"{column} = ANY(?)", (ids,)

    def fetch_bodies(
        rows: list[tuple[Any, ...]], scope: tuple[str, str], today: date
    ) -> dict[tuple[str, Any], dict[str, Any]]:
        """The bodies of the page's persons and visits the caller sees, one query each."""
        wanted: dict[str, list[Any]] = {"person": [], "visit": []}
        for row in rows:
            if row[2] in wanted:
                wanted[row[2]].append(row[3])
        found: dict[tuple[str, Any], dict[str, Any]] = {}
        if wanted["person"]:
            where, ids = any_of("person.id", wanted["person"])
            sql = (
                f"SELECT {person_columns} FROM person "
                f"WHERE {where} AND person.deleted_at IS NULL AND {PERSON_SCOPE}"
            )
            for row in store._fetch(sql, (store.day(today), *ids, *scope)):
                found[("person", row[0])] = person_body(row, today)
        if wanted["visit"]:
            where, ids = any_of("v.id", wanted["visit"])
            sql = (
                f"SELECT {VISIT_COLUMNS} FROM visit AS v JOIN person ON person.id = v.person_id "
                f"WHERE {where} AND v.deleted_at IS NULL AND person.deleted_at IS NULL "
                f"AND {PERSON_SCOPE}"
            )
            for row in store._fetch(sql, (*ids, *scope)):
                found[("visit", row[0])] = _visit(row)
        return found

    def page(
        scope: tuple[str, str], after: Position, limit: int, now: datetime
    ) -> tuple[list[dict[str, Any]], FeedCursor, bool]:
        since = now - timedelta(days=RETENTION_DAYS)
        params = (after.txid, after.id, since_param(since), limit + 1)
        rows = store._fetch(changes_sql, params)
        has_more = len(rows) > limit
        rows = rows[:limit]
        today = now.astimezone(SHANGHAI).date()
        bodies = fetch_bodies(rows, scope, today)
        low, high = scope

        def in_area(path: str | None) -> bool:
            return path is not None and low <= path < high

        items = []
        for _, _, kind, resource_id, op, version, changed_at, person_id, before, after_ in rows:
            body = bodies.get((kind, resource_id))
            if body is None:
                own = kind == "person"
                if op == "delete":
                    seen = in_area(before) if own else ("person", person_id) in bodies
                else:
                    seen = own and before != after_ and in_area(before) and not in_area(after_)
                if not seen:
                    continue
                op = "delete"
            items.append(
                {
                    "resource_type": kind,
                    "id": _uuid(resource_id),
                    "op": op,
                    "version": version,
                    "changed_at": _instant(changed_at),
                    "data": body,
                }
            )
        position, at = after, now
        if rows:
            last = rows[-1]
            position = Position(last[1], last[0])
            if has_more:
                at = _moment(last[6])
        return items, FeedCursor(position, at - ORDER_SLACK), has_more

    async def changes(request: Request) -> Response:
        scope = person_scope(request)
        if scope is None:
            return Response(status_code=401)
        try:
            limit = int(request.query_params.get("limit", 50))
            if not 1 <= limit <= MAX_LIMIT:
                raise ValueError(limit)
            token = request.query_params.get("after")
            cursor = None if token is None else decode(secret, token)
        except (ValueError, InvalidCursor):
            return Response(status_code=422)
        now = datetime.now(UTC)
        if cursor is not None and cursor.at < now - timedelta(days=RETENTION_DAYS):
            return Response(status_code=410)
        after = START if cursor is None else cursor.position
        # Several queries a page: on the event loop for SQLite's quick reads, in the
        # threadpool for PostgreSQL's round trips (Store.fetch's rule, for the whole page).
        if store.sqlite:
            items, next_cursor, has_more = page(scope, after, limit, now)
        else:
            from starlette.concurrency import run_in_threadpool

            items, next_cursor, has_more = await run_in_threadpool(page, scope, after, limit, now)
        body = {
            "items": items,
            "next_cursor": encode(secret, next_cursor),
            "has_more": has_more,
        }
        return Response(orjson.dumps(body), media_type=JSON)

    return [Route("/api/v1/changes", changes)]

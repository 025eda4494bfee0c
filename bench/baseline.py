"""The raw baseline: Starlette + the database driver, the service's queries written by hand.

Same routes, same SQL (scoped to the caller's township), same JSON; no framework validation,
no middleware. Auth is a dictionary lookup of the one bench token.

Persons: the masked columns as stored, the effective status (a child past its 16th birthday
has exited), age and alerts computed as the service does (the care alerts ``overdue_visit``
and ``no_primary_contact`` by the same EXISTS on the active primary contact), the profile
JSON passed through, and the same signed next_cursor (``LIUSHOU_SECRET_KEY`` from the
environment).

Coverage report: the same two grouped queries (villages × category, caretakers), the
region's subtree and the caller's scope folded into them, summed up in Python.

    python bench/baseline.py --port 8001 --db sqlite:////tmp/x/bench.db \
        --token TOKEN --scope-path "<id>/<id>/.../"
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os
import sqlite3
import threading
import uuid
from datetime import date, datetime, timedelta, timezone

import orjson
import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

COLUMNS = "id, code, name, level, kind, parent_id, created_at, updated_at, version"
SCOPE = "((path >= ? AND path < ?) OR path IN ({ancestors}))"
GET_SQL = f"SELECT {COLUMNS} FROM region WHERE id = ? AND deleted_at IS NULL AND {SCOPE}"
WITHIN_SQL = (
    f"SELECT {COLUMNS} FROM region, "
    "(SELECT path AS root FROM region WHERE id = ? AND deleted_at IS NULL) AS r "
    "WHERE deleted_at IS NULL AND path >= r.root "
    "AND path < substr(r.root, 1, length(r.root) - 1) || '0' "
    f"AND {SCOPE} ORDER BY code, id LIMIT ?"
)
# The person's active primary contact (at most one); overdue when its next visit was due
# before today (the first parameter of every persons query).
PRIMARY = (
    "SELECT 1 FROM assignment AS a WHERE a.person_id = person.id "
    "AND a.role = 'primary_contact' AND a.ends_on IS NULL AND a.deleted_at IS NULL"
)
OVERDUE = f"EXISTS ({PRIMARY} AND a.next_visit_due < ?)"
PERSON_COLUMNS = (
    "person.id, person.created_at, person.updated_at, person.version, category, person.name, "
    "region_id, sex, birth_date, id_number_masked, phone_masked, address, status, "
    "left_behind_since, exited_on, exit_reason, counts_until, guardianship_type, profile, "
    f"{OVERDUE} AS care_overdue, NOT EXISTS ({PRIMARY}) AS care_unassigned"
)
PERSON_SCOPE = "person.region_path >= ? AND person.region_path < ?"
ON_REGISTER = (
    "person.status = 'active' AND (person.counts_until IS NULL OR person.counts_until > ?)"
)
PERSON_SQL = (
    f"SELECT {PERSON_COLUMNS} FROM person "
    f"WHERE person.id = ? AND person.deleted_at IS NULL AND {PERSON_SCOPE}"
)
IN_REGION = (
    "(SELECT path AS root FROM region WHERE id = ? AND deleted_at IS NULL) AS r "
    f"WHERE person.deleted_at IS NULL AND {PERSON_SCOPE} "
    "AND person.region_path >= r.root "
    "AND person.region_path < substr(r.root, 1, length(r.root) - 1) || '0' "
)
PERSONS_SQL = (
    f"SELECT {PERSON_COLUMNS} FROM person, {IN_REGION}"
    "AND person.category = ? ORDER BY person.id LIMIT ?"
)
OVERDUE_SQL = (
    f"SELECT {PERSON_COLUMNS} FROM person, {IN_REGION}"
    f"AND {ON_REGISTER} AND {OVERDUE} ORDER BY person.id LIMIT ?"
)
# Coverage: the region is looked up first (404 when unknown or outside the caller's
# scope), then its subtree is the range [low, high) of paths.
REGION_PATH_SQL = "SELECT path FROM region WHERE id = ? AND deleted_at IS NULL"
LATE = "CASE WHEN a.next_visit_due < ? THEN 1 ELSE 0 END"
PRIMARY_JOIN = (
    "a.person_id = p.id AND a.role = 'primary_contact' AND a.ends_on IS NULL "
    "AND a.deleted_at IS NULL"
)
P_ON_REGISTER = (
    "p.deleted_at IS NULL AND p.status = 'active' "
    "AND (p.counts_until IS NULL OR p.counts_until > ?)"
)
VILLAGES_IN = "v.level = 'village' AND v.deleted_at IS NULL AND v.path >= ? AND v.path < ?"
# Villages: today (late), today (on register), low, high.
VILLAGES_SQL = (
    "SELECT v.id, v.name, p.category, count(p.id), count(a.person_id), "
    f"coalesce(sum({LATE}), 0) "
    f"FROM region AS v LEFT JOIN person AS p ON p.region_path = v.path AND {P_ON_REGISTER} "
    f"LEFT JOIN assignment AS a ON {PRIMARY_JOIN} "
    f"WHERE {VILLAGES_IN} "
    "GROUP BY v.id, v.name, v.code, p.category ORDER BY v.code, v.id"
)
# Caretakers: today (late), today (on register), low, high, low, high.
CARETAKERS_SQL = (
    "SELECT c.id, c.name, sum(l.caseload), sum(l.overdue) FROM ("
    f"SELECT a.caretaker_id AS caretaker_id, 1 AS caseload, {LATE} AS overdue "
    f"FROM region AS v JOIN person AS p ON p.region_path = v.path AND {P_ON_REGISTER} "
    f"JOIN assignment AS a ON {PRIMARY_JOIN} "
    f"WHERE {VILLAGES_IN} "
    "UNION ALL SELECT t.id, 0, 0 FROM caretaker AS t "
    "WHERE t.deleted_at IS NULL AND t.region_path >= ? AND t.region_path < ?"
    ") AS l JOIN caretaker AS c ON c.id = l.caretaker_id WHERE c.deleted_at IS NULL "
    "GROUP BY c.id, c.name ORDER BY c.name, c.id"
)
CATEGORIES = ("child", "woman", "elder")
PROFILE_FIELD = {"child": "child_profile", "woman": "woman_profile", "elder": "elder_profile"}
SHANGHAI = timezone(timedelta(hours=8))
JSON = "application/json"


class Store:
    """One connection per thread; SQLite runs inline, PostgreSQL in the threadpool."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite")
        self._local = threading.local()

    def _connect(self):  # type: ignore[no-untyped-def]
        if self.sqlite:
            conn = sqlite3.connect(self.url.split(":///", 1)[1], isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            return conn
        import psycopg

        return psycopg.connect(
            self.url.replace("postgresql+psycopg", "postgresql"), autocommit=True
        )

    def _fetch(self, sql: str, params: tuple) -> list[tuple]:  # type: ignore[type-arg]
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        if not self.sqlite:
            sql = sql.replace("?", "%s")
        return conn.execute(sql, params).fetchall()

    def day(self, value: date) -> object:
        """A date parameter: ISO text for SQLite (how it stores dates), a date for psycopg."""
        return value.isoformat() if self.sqlite else value

    async def fetch(self, sql: str, params: tuple) -> list[tuple]:  # type: ignore[type-arg]
        if self.sqlite:
            return self._fetch(sql, params)
        return await run_in_threadpool(self._fetch, sql, params)

    async def fetch_heavy(self, sql: str, params: tuple) -> list[tuple]:  # type: ignore[type-arg]
        """A report's query: in the threadpool on SQLite too, as the service does, so that
        two run at once on two cores instead of one at a time on the event loop."""
        return await run_in_threadpool(self._fetch, sql, params)


def _uuid(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, uuid.UUID):  # PostgreSQL
        return str(value)
    return str(uuid.UUID(hex=value))  # type: ignore[arg-type]  # SQLite: 32 hex digits


def _instant(value: object) -> str:
    if isinstance(value, datetime):  # PostgreSQL: aware
        return value.isoformat().replace("+00:00", "Z")
    return value.replace(" ", "T") + "Z"  # type: ignore[attr-defined]  # SQLite: naive UTC text


def _region(row: tuple) -> dict[str, object]:  # type: ignore[type-arg]
    id_, code, name, level, kind, parent_id, created_at, updated_at, version = row
    return {
        "id": _uuid(id_),
        "created_at": _instant(created_at),
        "updated_at": _instant(updated_at),
        "version": version,
        "code": code,
        "name": name,
        "level": level,
        "kind": kind,
        "parent_id": _uuid(parent_id),
    }


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)  # type: ignore[arg-type]


def _age(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _person(row: tuple, today: date) -> dict[str, object]:  # type: ignore[type-arg]
    (
        id_,
        created_at,
        updated_at,
        version,
        category,
        name,
        region_id,
        sex,
        birth_date,
        id_number_masked,
        phone_masked,
        address,
        status,
        left_behind_since,
        exited_on,
        exit_reason,
        counts_until,
        guardianship_type,
        profile,
        care_overdue,
        care_unassigned,
    ) = row
    if status == "active" and counts_until is not None and _date(counts_until) <= today:
        status, exited_on, exit_reason = "exited", counts_until, "aged_out"
    alerts = []
    if status == "active":
        if guardianship_type == "none":
            alerts.append("unattended_child")
        if care_overdue:
            alerts.append("overdue_visit")
        if care_unassigned:
            alerts.append("no_primary_contact")
    body: dict[str, object] = {
        "id": _uuid(id_),
        "created_at": _instant(created_at),
        "updated_at": _instant(updated_at),
        "version": version,
        "category": category,
        "name": name,
        "region_id": _uuid(region_id),
        "sex": sex,
        "birth_date": birth_date,
        "age": _age(_date(birth_date), today),
        "id_number_masked": id_number_masked,
        "phone_masked": phone_masked,
        "address": address,
        "status": status,
        "left_behind_since": left_behind_since,
        "exited_on": exited_on,
        "exit_reason": exit_reason,
        "alerts": alerts,
        "child_profile": None,
        "woman_profile": None,
        "elder_profile": None,
    }
    # SQLite: the stored JSON text as it is; PostgreSQL: psycopg has parsed it already.
    body[PROFILE_FIELD[category]] = (
        orjson.Fragment(profile) if isinstance(profile, str) else profile
    )
    return body


class Cursors:
    """The service's signed keyset cursor (api/pagination.py), computed the same way."""

    def __init__(self, secret_key: str) -> None:
        self.secret = (secret_key + ":cursor").encode()

    def after(self, request: Request, key: list[object]) -> str:
        pairs = sorted(
            (k, v) for k, v in request.query_params.multi_items() if k not in ("cursor", "limit")
        )
        filters = hashlib.sha256(orjson.dumps([request.url.path, pairs])).hexdigest()[:16]
        payload = orjson.dumps({"k": key, "f": filters})
        raw = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
        signature = hmac.new(self.secret, raw.encode(), hashlib.sha256).hexdigest()[:24]
        return f"{raw}.{signature}"


def create_app(url: str, token: str, scope_path: str) -> Starlette:
    store = Store(url)
    scopes = {f"Bearer {token}": scope_path}
    id_param = str if not store.sqlite else (lambda s: uuid.UUID(s).hex)

    def scope_params(request: Request) -> tuple[str, ...] | None:
        path = scopes.get(request.headers.get("authorization", ""))
        if path is None:
            return None
        parts = path.rstrip("/").split("/")
        ancestors = ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]
        return (path, path[:-1] + "0", *ancestors)

    def sql_for(template: str, scope: tuple[str, ...]) -> str:
        return template.format(ancestors=", ".join("?" * (len(scope) - 2)))

    async def get_region(request: Request) -> Response:
        scope = scope_params(request)
        if scope is None:
            return Response(status_code=401)
        try:
            region_id = id_param(request.path_params["region_id"])
        except ValueError:
            return Response(status_code=422)
        rows = await store.fetch(sql_for(GET_SQL, scope), (region_id, *scope))
        if not rows:
            return Response(status_code=404)
        headers = {"ETag": f'"{rows[0][8]}"'}
        return Response(orjson.dumps(_region(rows[0])), media_type=JSON, headers=headers)

    async def list_regions(request: Request) -> Response:
        scope = scope_params(request)
        if scope is None:
            return Response(status_code=401)
        try:
            within = id_param(request.query_params["within"])
        except (KeyError, ValueError):
            return Response(status_code=422)
        limit = 50
        rows = await store.fetch(sql_for(WITHIN_SQL, scope), (within, *scope, limit + 1))
        page = {"items": [_region(r) for r in rows[:limit]], "next_cursor": None}
        if len(rows) > limit:
            page["next_cursor"] = "not-measured"  # the service signs a cursor here
        return Response(orjson.dumps(page), media_type=JSON)

    cursors = Cursors(os.environ.get("LIUSHOU_SECRET_KEY", ""))

    def person_scope(request: Request) -> tuple[str, str] | None:
        path = scopes.get(request.headers.get("authorization", ""))
        return None if path is None else (path, path[:-1] + "0")

    async def get_person(request: Request) -> Response:
        scope = person_scope(request)
        if scope is None:
            return Response(status_code=401)
        try:
            person_id = id_param(request.path_params["person_id"])
        except ValueError:
            return Response(status_code=422)
        today = datetime.now(SHANGHAI).date()
        rows = await store.fetch(PERSON_SQL, (store.day(today), person_id, *scope))
        if not rows:
            return Response(status_code=404)
        headers = {"ETag": f'"{rows[0][3]}"'}
        return Response(orjson.dumps(_person(rows[0], today)), media_type=JSON, headers=headers)

    async def list_persons(request: Request) -> Response:
        scope = person_scope(request)
        if scope is None:
            return Response(status_code=401)
        today = datetime.now(SHANGHAI).date()
        day = store.day(today)
        limit = 50
        try:
            region_id = id_param(request.query_params["region_id"])
            if request.query_params.get("overdue") == "true":
                sql, params = OVERDUE_SQL, (day, region_id, *scope, day, day, limit + 1)
            else:
                category = request.query_params["category"]
                if category not in PROFILE_FIELD:
                    return Response(status_code=422)
                sql, params = PERSONS_SQL, (day, region_id, *scope, category, limit + 1)
        except (KeyError, ValueError):
            return Response(status_code=422)
        rows = await store.fetch(sql, params)
        page = {"items": [_person(r, today) for r in rows[:limit]], "next_cursor": None}
        if len(rows) > limit:
            last = rows[limit - 1][0]
            page["next_cursor"] = cursors.after(request, [_uuid(last).replace("-", "")])  # type: ignore[union-attr]
        return Response(orjson.dumps(page), media_type=JSON)

    def zero() -> list[int]:
        return [0, 0, 0]

    def counts(active: int, with_primary: int, overdue: int) -> dict[str, int]:
        return {
            "active": active,
            "with_primary_contact": with_primary,
            "without_primary_contact": active - with_primary,
            "overdue": overdue,
        }

    async def coverage(request: Request) -> Response:
        scope = person_scope(request)
        if scope is None:
            return Response(status_code=401)
        try:
            region_id = id_param(request.query_params["region_id"])
        except (KeyError, ValueError):
            return Response(status_code=422)
        today = datetime.now(SHANGHAI).date()
        day = store.day(today)
        found = await store.fetch(REGION_PATH_SQL, (region_id,))
        if not found or not found[0][0].startswith(scope[0]):
            return Response(status_code=404)
        low = found[0][0]
        high = low[:-1] + "0"
        rows = await store.fetch_heavy(VILLAGES_SQL, (day, day, low, high))
        categories = {c: zero() for c in CATEGORIES}
        villages: dict[object, tuple[str, list[int]]] = {}
        for village_id, name, category, active, with_primary, overdue in rows:
            _, total = villages.setdefault(village_id, (name, zero()))
            if category is None:
                continue
            for i, n in enumerate((active, with_primary, overdue)):
                total[i] += n
                categories[category][i] += n
        caretakers = await store.fetch_heavy(CARETAKERS_SQL, (day, day, low, high, low, high))
        body = {
            "region_id": str(uuid.UUID(request.query_params["region_id"])),
            "as_of": today,
            "totals": counts(*(sum(c[i] for c in categories.values()) for i in range(3))),
            "by_category": {c: counts(*v) for c, v in categories.items()},
            "villages": [
                {"region_id": _uuid(village_id), "name": name, **counts(*figures)}
                for village_id, (name, figures) in villages.items()
            ],
            "caretakers": [
                {"caretaker_id": _uuid(c_id), "name": name, "caseload": n, "overdue": late}
                for c_id, name, n, late in caretakers
            ],
        }
        return Response(orjson.dumps(body), media_type=JSON)

    async def healthz(_request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type=JSON)

    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/api/v1/regions", list_regions),
            Route("/api/v1/regions/{region_id}", get_region),
            Route("/api/v1/persons", list_persons),
            Route("/api/v1/persons/{person_id}", get_person),
            Route("/api/v1/reports/coverage", coverage),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True, help="sqlite:////path or postgresql+psycopg://...")
    parser.add_argument("--token", required=True)
    parser.add_argument("--scope-path", required=True)
    args = parser.parse_args()
    app = create_app(args.db, args.token, args.scope_path)
    # The same settings as `liushou serve`.
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=args.port,
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


if __name__ == "__main__":
    main()

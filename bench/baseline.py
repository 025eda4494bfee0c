"""The raw baseline: Starlette + the database driver, the service's queries written by hand.

Same routes, same SQL (scoped to the caller's region), same JSON; no framework validation,
no middleware but one access-log line per request. Auth: the service's bearer tokens
(HS256 JWTs signed with ``LIUSHOU_SECRET_KEY``), verified once and then a dictionary
look-up until they expire, as ``liushou.auth.tokens`` does; the caller's region path comes
from the token (none for the roles that see every region).

Persons: the masked columns as stored, the effective status (a child past its 16th birthday
has exited), age and alerts computed as the service does (the care alerts ``overdue_visit``
and ``no_primary_contact`` by the same EXISTS on the active primary contact), the profile
JSON passed through, and the same signed next_cursor (``LIUSHOU_SECRET_KEY`` from the
environment). ``region_id`` alone (the deep walk): a keyset page in (region_path, id)
order over the region's path range, its cursor signed and checked the same way.

Creating a person (POST /persons): the work of the service's create without the framework:
the village looked up and checked against the caller's scope, the ID number's check
character, birth date and sex, pinyin, the HMAC blind index, masking and AES-GCM with the
run's ``LIUSHOU_DATA_KEY``/``LIUSHOU_INDEX_KEY`` (bench/people.py, the service's own
helpers), then in one transaction the duplicate check on the blind index and the ``person``
and first ``person_version`` rows. No idempotency key, no audit event (the service does both).

Coverage report: the same two grouped queries (villages × category, caretakers), the
region's subtree and the caller's scope folded into them, summed up in Python.
Services (bench/services_baseline.py): POST and GET /service-records, GET /reports/summary.
The change feed (bench/feed_baseline.py): GET /changes, the change rows after a cursor and
the bodies of the persons and visits they name.

    python bench/baseline.py --port 8001 --db sqlite:////tmp/x/bench.db
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, TypeVar

import feed_baseline
import jwt
import legal_baseline
import orjson
import services_baseline
import sheet
import uvicorn
from people import Description, columns
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from liushou.pii import BlindIndex, FieldCipher
from liushou.registry import identifiers as ids
from liushou.registry.enums import PersonCategory
from liushou.registry.person_values import PersonalData, pinyin_of

T = TypeVar("T")
P = TypeVar("P")

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
# PERSON_COLUMNS as row keys, up to the two care flags (the answer to a create).
PERSON_NAMES = (
    "id, created_at, updated_at, version, category, name, region_id, sex, birth_date, "
    "id_number_masked, phone_masked, address, status, left_behind_since, exited_on, "
    "exit_reason, counts_until, guardianship_type, profile"
).split(", ")
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
# The deep walk: every person of the region, a keyset page in (region_path, id) order, so
# that each page starts where the last ended on the index that leads with region_path
# (ix_person_scope) and reads about one page of rows. In id order every page would read
# the region's whole path range again to find the next 50 ids.
WALK_ORDER = "ORDER BY person.region_path, person.id LIMIT ?"
WALK_SQL = f"SELECT {PERSON_COLUMNS}, person.region_path FROM person, {IN_REGION}{WALK_ORDER}"
WALK_AFTER_SQL = (
    f"SELECT {PERSON_COLUMNS}, person.region_path FROM person, {IN_REGION}"
    "AND person.region_path >= ? AND (person.region_path > ? OR person.id > ?) "
    f"{WALK_ORDER}"
)
# The lists, in the service's order (region_path, id): the same pages, the same cursors.
PERSONS_SQL = (
    f"SELECT {PERSON_COLUMNS}, person.region_path FROM person, {IN_REGION}"
    f"AND person.category = ? {WALK_ORDER}"
)
# Creating a person: the village (and its scope), the duplicate check on the blind index.
VILLAGE_SQL = "SELECT path, level, code FROM region WHERE id = ? AND deleted_at IS NULL"
DUPLICATE_SQL = "SELECT id FROM person WHERE id_number_index = ? AND deleted_at IS NULL"
INSERT_PERSON_SQL = sheet.insert_sql("person", sheet.PERSON_COLUMNS, sqlite=True)
INSERT_VERSION_SQL = sheet.insert_sql("person_version", sheet.VERSION_COLUMNS, sqlite=True)
OVERDUE_SQL = (
    f"SELECT {PERSON_COLUMNS}, person.region_path FROM person, {IN_REGION}"
    f"AND {ON_REGISTER} AND {OVERDUE} {WALK_ORDER}"
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
    """One connection per thread; SQLite reads run inline, PostgreSQL reads in the
    threadpool, writes in the threadpool on both (as the service's writes)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite")
        self._local = threading.local()
        self._writer = threading.Lock()

    def _connect(self):  # type: ignore[no-untyped-def]
        if self.sqlite:
            conn = sqlite3.connect(self.url.split(":///", 1)[1], isolation_level=None)
            # The service's pragmas (liushou.db): the same durability and lock waits.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA synchronous=NORMAL")
            return conn
        import psycopg

        return psycopg.connect(
            self.url.replace("postgresql+psycopg", "postgresql"), autocommit=True
        )

    def connection(self):  # type: ignore[no-untyped-def]
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    def sql(self, sql: str) -> str:
        return sql if self.sqlite else sql.replace("?", "%s")

    def _fetch(self, sql: str, params: tuple) -> list[tuple]:  # type: ignore[type-arg]
        return self.connection().execute(self.sql(sql), params).fetchall()

    def day(self, value: date) -> object:
        """A date parameter: ISO text for SQLite (how it stores dates), a date for psycopg."""
        return value.isoformat() if self.sqlite else value

    def uuid(self, value: uuid.UUID | str) -> str:
        """An id parameter: 32 hex digits for SQLite (how it stores them), text for psycopg."""
        value = value if isinstance(value, uuid.UUID) else uuid.UUID(value)
        return value.hex if self.sqlite else str(value)

    async def fetch(self, sql: str, params: tuple) -> list[tuple]:  # type: ignore[type-arg]
        if self.sqlite:
            return self._fetch(sql, params)
        return await run_in_threadpool(self._fetch, sql, params)

    async def fetch_heavy(self, sql: str, params: tuple) -> list[tuple]:  # type: ignore[type-arg]
        """A report's query: in the threadpool on SQLite too, as the service does, so that
        two run at once on two cores instead of one at a time on the event loop."""
        return await run_in_threadpool(self._fetch, sql, params)

    async def write(self, prepare: Callable[[], P], fn: Callable[[Any, P], T]) -> T:
        """``prepare()`` (CPU work, outside any lock), then ``fn(connection, prepared)``
        in one transaction, both on a worker thread, as the service's units of work.
        SQLite: BEGIN IMMEDIATE, and one writer of this process at a time
        (SQLite has one writer anyway): the others wait on a lock instead of in SQLite's
        busy handler, which sleeps in steps of up to 100 ms and makes a poor p99."""
        return await run_in_threadpool(self._transaction, prepare, fn)

    def _transaction(self, prepare: Callable[[], P], fn: Callable[[Any, P], T]) -> T:
        prepared = prepare()
        conn = self.connection()
        if not self.sqlite:
            with conn.transaction():
                return fn(conn, prepared)
        with self._writer:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(conn, prepared)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return result


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

    def _filters(self, request: Request) -> str:
        pairs = sorted(
            (k, v) for k, v in request.query_params.multi_items() if k not in ("cursor", "limit")
        )
        return hashlib.sha256(orjson.dumps([request.url.path, pairs])).hexdigest()[:16]

    def _sign(self, raw: str) -> str:
        return hmac.new(self.secret, raw.encode(), hashlib.sha256).hexdigest()[:24]

    def after(self, request: Request, key: list[object]) -> str:
        payload = orjson.dumps({"k": key, "f": self._filters(request)})
        raw = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
        return f"{raw}.{self._sign(raw)}"

    def key(self, request: Request) -> list[Any] | None:
        """The key the request's cursor points after (None on page one); ValueError when
        the cursor is forged or belongs to other filters."""
        cursor = request.query_params.get("cursor")
        if cursor is None:
            return None
        raw, _, signature = cursor.partition(".")
        if not hmac.compare_digest(signature.encode(), self._sign(raw).encode()):
            raise ValueError("invalid cursor")
        payload = orjson.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if payload["f"] != self._filters(request):
            raise ValueError("invalid cursor")
        return payload["k"]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Caller:
    id: uuid.UUID
    path: str | None  # the region path the caller is held to; None: every region
    scopes: frozenset[str]
    name: str = ""


class Callers:
    """The service's access tokens: an HS256 JWT verified once, then a dictionary look-up
    until it expires (liushou.auth.tokens caches verified tokens the same way)."""

    def __init__(self, secret_key: str) -> None:
        self.secret = secret_key
        self._cache: dict[str, tuple[Caller, float]] = {}

    def __call__(self, request: Request) -> Caller | None:
        header = request.headers.get("authorization", "")
        cached = self._cache.get(header)
        if cached is not None and cached[1] > time.time():
            return cached[0]
        if not header.startswith("Bearer "):
            return None
        try:
            claims = jwt.decode(header[7:], self.secret, algorithms=["HS256"], issuer="liushou")
        except jwt.PyJWTError:
            return None
        caller = Caller(
            uuid.UUID(claims["sub"]),
            claims.get("rpath"),
            frozenset((claims.get("scope") or "").split()),
            claims.get("name") or "",
        )
        self._cache[header] = (caller, float(claims["exp"]))
        return caller


class AccessLog:
    """One JSON line per request on stdout, as the service's RequestMiddleware writes at
    ``liushou serve``'s default log level (INFO): the bench runs the service with its
    defaults, so the baseline pays for the same line (timestamp, level, event, request id,
    method, route, status, duration)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            line = {
                "method": scope["method"],
                "route": scope["path"],
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "event": "request",
                "request_id": uuid.uuid4().hex,
                "level": "info",
                "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            }
            sys.stdout.write(orjson.dumps(line).decode() + "\n")


def _id_number(number: str) -> tuple[date, str]:
    """The birth date and sex an ID number carries; ValueError when it is not valid."""
    if len(number) != 18 or not number[:17].isdigit():
        raise ValueError("id_number_format")
    if number[17] != ids.id_check_char(number[:17]):
        raise ValueError("id_number_checksum")
    born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    return born, "male" if int(number[16]) % 2 else "female"


def create_app(url: str, pii: PersonalData, secret_key: str) -> Starlette:
    store = Store(url)
    callers = Callers(secret_key)
    cursors = Cursors(secret_key)
    id_param = str if not store.sqlite else (lambda s: uuid.UUID(s).hex)
    every_path = ("", "~")  # paths are ids and "/": every one sorts in [ "", "~" )

    def scope_params(request: Request) -> tuple[str, ...] | None:
        caller = callers(request)
        if caller is None:
            return None
        if caller.path is None:
            return (*every_path, "")
        path = caller.path
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

    def person_scope(request: Request) -> tuple[str, str] | None:
        caller = callers(request)
        if caller is None:
            return None
        path = caller.path
        return every_path if path is None else (path, path[:-1] + "0")

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
        try:
            limit = int(request.query_params.get("limit", 50))
            if not 1 <= limit <= 500:
                raise ValueError(limit)
            region_id = id_param(request.query_params["region_id"])
            if request.query_params.get("overdue") == "true":
                sql, params = OVERDUE_SQL, (day, region_id, *scope, day, day, limit + 1)
            elif "category" in request.query_params:
                category = request.query_params["category"]
                if category not in PROFILE_FIELD:
                    return Response(status_code=422)
                sql, params = PERSONS_SQL, (day, region_id, *scope, category, limit + 1)
            else:  # every person of the region (the deep walk)
                return await walk_persons(request, scope, today, region_id, limit)
        except (KeyError, ValueError, TypeError, IndexError):
            return Response(status_code=422)
        return await persons_page(request, sql, params, today, limit)

    async def persons_page(
        request: Request, sql: str, params: tuple[Any, ...], today: date, limit: int
    ) -> Response:
        """A page of persons in (region_path, id) order: its rows end with the region path,
        the cursor's first key."""
        rows = await store.fetch(sql, params)
        page = {"items": [_person(r[:-1], today) for r in rows[:limit]], "next_cursor": None}
        if len(rows) > limit:
            last = rows[limit - 1]
            key = [last[-1], _uuid(last[0]).replace("-", "")]  # type: ignore[union-attr]
            page["next_cursor"] = cursors.after(request, key)
        return Response(orjson.dumps(page), media_type=JSON)

    async def walk_persons(
        request: Request, scope: tuple[str, str], today: date, region_id: str, limit: int
    ) -> Response:
        day = store.day(today)
        after = cursors.key(request)
        if after is None:
            sql, params = WALK_SQL, (day, region_id, *scope, limit + 1)
        else:
            path, after_id = str(after[0]), store.uuid(after[1])
            sql = WALK_AFTER_SQL
            params = (day, region_id, *scope, path, path, after_id, limit + 1)
        return await persons_page(request, sql, params, today, limit)

    async def create_person(request: Request) -> Response:
        caller = callers(request)
        if caller is None:
            return Response(status_code=401)
        if "registry:write" not in caller.scopes:
            return Response(status_code=403)
        try:
            body = orjson.loads(await request.body())
            category = PersonCategory(body["category"])
            village_id = uuid.UUID(body["region_id"])
            number = body.get("id_number")
            if number:
                birth_date, sex = _id_number(number)
            else:
                birth_date, sex = date.fromisoformat(body["birth_date"]), body["sex"]
            since = date.fromisoformat(body["left_behind_since"])
            profile = body[PROFILE_FIELD[category]]
            if not isinstance(profile, dict):
                raise TypeError(profile)
        except (KeyError, ValueError, TypeError, orjson.JSONDecodeError):
            return Response(status_code=422)
        # The village: a live village within the caller's scope (outside a transaction).
        found = await store.fetch(VILLAGE_SQL, (store.uuid(village_id),))
        if (
            not found
            or found[0][1] != "village"
            or (caller.path is not None and not found[0][0].startswith(caller.path))
        ):
            return Response(status_code=422)
        path, _, code = found[0]
        described = Description(
            category=category,
            name=body["name"],
            village_id=village_id,
            village_code=code,
            village_path=path,
            id_number=number,
            birth_date=birth_date,
            sex=sex,
            phone=body.get("phone"),
            address=body.get("address"),
            left_behind_since=since,
            profile=profile,
        )

        Rows = tuple[dict[str, Any], list[dict[str, Any]]]

        def compute() -> Rows:
            # Pinyin, blind index, masks and ciphertexts, the first version (bench/people.py).
            return columns(described, pii, datetime.now(UTC), caller.id, pinyin=pinyin_of)

        def insert(conn: Any, rows: Rows) -> dict[str, Any] | None:
            row, versions = rows
            index = row["id_number_index"]
            if index and conn.execute(store.sql(DUPLICATE_SQL), (index,)).fetchall():
                return None
            persons, version_rows = sheet.driver_rows(store.url, [row], versions)
            conn.execute(store.sql(INSERT_PERSON_SQL), persons[0])
            for values in version_rows:
                conn.execute(store.sql(INSERT_VERSION_SQL), values)
            return row

        row = await store.write(compute, insert)
        if row is None:
            return Response(status_code=409)
        person = tuple(row[name] for name in PERSON_NAMES) + (False, True)
        person_id = str(row["id"])
        headers = {"ETag": '"1"', "Location": f"/api/v1/persons/{person_id}"}
        today = datetime.now(SHANGHAI).date()
        return Response(
            orjson.dumps(_person(person, today)),
            status_code=201,
            media_type=JSON,
            headers=headers,
        )

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
            Route("/api/v1/persons", create_person, methods=["POST"]),
            Route("/api/v1/persons/{person_id}", get_person),
            Route("/api/v1/reports/coverage", coverage),
            *services_baseline.routes(store, callers, cursors, person_scope),
            *legal_baseline.routes(store, person_scope),
            *feed_baseline.routes(store, person_scope, PERSON_COLUMNS, _person, secret_key),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True, help="sqlite:////path or postgresql+psycopg://...")
    args = parser.parse_args()
    # The service's keys, from the environment the bench gives both servers.
    pii = PersonalData(
        FieldCipher(os.environ["LIUSHOU_DATA_KEY"]), BlindIndex(os.environ["LIUSHOU_INDEX_KEY"])
    )
    app = AccessLog(create_app(args.db, pii, os.environ["LIUSHOU_SECRET_KEY"]))
    # The same settings as `liushou serve`.
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=args.port,
        loop="asyncio",
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


if __name__ == "__main__":
    main()

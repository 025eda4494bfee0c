"""create_app(): settings, database, routers, error handlers, operation ids, docs."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from pydantic.json_schema import models_json_schema
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from liushou import __version__
from liushou.api.idempotency import IdempotentReplay, replay_response
from liushou.api.responses import API_PREFIX
from liushou.audit.router import router as audit_router
from liushou.auth.revocation import Revocations
from liushou.auth.revocation import register as register_revocations
from liushou.auth.router import auth as auth_router
from liushou.auth.router import users as users_router
from liushou.auth.service import AuthService
from liushou.auth.tokens import TokenService, signing_secret
from liushou.background import Background
from liushou.changes.router import changes as changes_router
from liushou.config import Settings, get_settings
from liushou.db import Database
from liushou.docs import install_docs
from liushou.errors import (
    AppError,
    Problem,
    app_error_response,
    field_error,
    problem_response,
    problem_responses,
)
from liushou.guardianship.router import assignments as assignments_router
from liushou.guardianship.router import caretakers as caretakers_router
from liushou.guardianship.router import primary_contacts as primary_contacts_router
from liushou.guardianship.router import visits as visits_router
from liushou.legal.activities_router import legal_activities as legal_activities_router
from liushou.legal.advisors_router import legal_advisors as legal_advisors_router
from liushou.legal.cards_router import hotline_cards as hotline_cards_router
from liushou.legal.contracts_router import legal_contracts as legal_contracts_router
from liushou.legal.public_limit import PublicRateLimit
from liushou.legal.public_router import public as public_router
from liushou.meta import router as meta_router
from liushou.ops.health import router as ops_router
from liushou.ops.logging import configure_logging, log
from liushou.ops.memory import startup_objects_frozen
from liushou.ops.metrics import Metrics
from liushou.ops.middleware import RequestMiddleware
from liushou.ops.routes import allowed_methods
from liushou.rate_limits.limiter import CallerRateLimit
from liushou.read_path import HeavyReadQueue
from liushou.referrals.router import referrals as referrals_router
from liushou.regions.router import organizations as organizations_router
from liushou.regions.router import regions as regions_router
from liushou.registry.duplicates_router import router as duplicates_router
from liushou.registry.person_values import PersonalData
from liushou.registry.router import persons as persons_router
from liushou.registry.sheets_router import exports_router, imports
from liushou.reports.router import reports as reports_router
from liushou.services.activities_router import activities as activities_router
from liushou.services.distributions_router import distributions as distributions_router
from liushou.services.records_router import service_records as service_records_router
from liushou.services.types_router import service_types as service_types_router
from liushou.services.wishes_router import wishes as wishes_router
from liushou.sync.batch_router import sync as sync_router
from liushou.webhooks import sender as webhook_sender
from liushou.webhooks.catalogue import events as webhook_events
from liushou.webhooks.router import webhook_deliveries as webhook_deliveries_router
from liushou.webhooks.router import webhook_subscriptions as webhook_subscriptions_router

DESCRIPTION = """\
留守 (liushou): the register and care of left-behind children, women and elderly (三留守),
and the one-village-one-legal-advisor programme.

Conventions: JSON in UTF-8; errors are RFC 9457 `application/problem+json` with a stable
`code`; lists are `{items, next_cursor}` with opaque cursors; single resources carry
`ETag: "<version>"` and writes honour `If-Match` (412 when stale); `PUT /{id}` creates with a
client-chosen id (201) or replaces (200); `POST` accepts `Idempotency-Key`. Dates are
`YYYY-MM-DD` and date-times RFC 3339 with an offset, from 1900-01-01 to 2999-12-31 (UTC);
outside that range a request is a 422 whose `errors` carry the code `date_out_of_range`.
"""


def operation_id(route: APIRoute) -> str:
    """The handler's name in camelCase: ``list_regions`` → ``listRegions``.

    Generated clients name their functions after it (``list_regions`` in Python,
    ``operations["listRegions"]`` in TypeScript; docs/clients.md), so handler names are
    unique across the API; a test asserts it.
    """
    head, *rest = route.name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _schema_name(name: str) -> str:
    """The name a generated client's class takes, for the two names FastAPI and pydantic
    spell for it: a form or multipart body ``Body_issueToken`` → ``IssueTokenForm``, a page
    ``Page_RegionRead_`` → ``RegionPage`` (docs/clients.md)."""
    if match := re.fullmatch(r"Body_(\w)(\w*)", name):
        return match[1].upper() + match[2] + "Form"
    if match := re.fullmatch(r"Page_(\w+)_", name):
        return match[1].removesuffix("Read") + "Page"
    return name


def _rename_schemas(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]
    renames = {old: new for old in components if (new := _schema_name(old)) != old}
    clash = set(renames.values()) & (set(components) - set(renames))
    if clash:
        raise RuntimeError(f"schema names taken twice: {sorted(clash)}")
    for old, new in renames.items():
        components[new] = {**components.pop(old), "title": new}
    refs = {f"#/components/schemas/{o}": f"#/components/schemas/{n}" for o, n in renames.items()}

    def relink(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("$ref") in refs:
                node["$ref"] = refs[node["$ref"]]
            for value in node.values():
                relink(value)
        elif isinstance(node, list):
            for value in node:
                relink(value)

    relink(schema)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        background = Background(app.state.db, app.state.tokens.revocations, app.state.rate_limit)
        await background.start()
        # SQLite: this process sends the webhook deliveries (docs/webhooks.md, "Worker");
        # PostgreSQL: `liushou worker` processes do.
        stop = asyncio.Event()
        sending = None
        if app.state.db.is_sqlite and settings.webhook_in_app:
            sending = asyncio.create_task(
                webhook_sender.run(app.state.db, app.state.personal_data, settings, stop)
            )
        try:
            with startup_objects_frozen():
                yield
        finally:
            if sending is not None:
                stop.set()
                try:
                    await asyncio.wait_for(sending, settings.webhook_timeout_seconds + 5)
                except TimeoutError:
                    pass  # wait_for cancelled it
            await background.stop()
            app.state.db.dispose()

    app = FastAPI(
        title="liushou API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
        separate_input_output_schemas=False,
    )
    app.state.settings = settings
    app.state.db = Database(
        settings.database_url,
        settings.read_path,
        HeavyReadQueue(settings.heavy_read_queue, settings.heavy_read_wait_seconds),
    )
    secret = signing_secret(settings)
    # A revocation matters while a token issued before it may still be valid.
    longest_token = max(settings.access_token_ttl_seconds, settings.partner_token_ttl_seconds)
    revocations = Revocations(keep_seconds=longest_token + 60)
    register_revocations(app.state.db.engine, revocations)
    app.state.tokens = TokenService(secret, revocations)
    app.state.rate_limit = CallerRateLimit(
        settings.rate_limit_per_minute, shared=not app.state.db.is_sqlite
    )
    app.state.auth = AuthService(settings, app.state.tokens, (secret + ":throttle").encode())
    app.state.cursor_secret = (secret + ":cursor").encode()
    app.state.metrics = Metrics()
    app.state.personal_data = PersonalData.from_settings(settings)
    app.state.public_rate_limit = PublicRateLimit(settings.public_rate_limit)

    # First: /healthz, /readyz, /metrics. Starlette tries the routes in order, so a health
    # probe behind the API's routes made 64 route checks (342 µs in process, 142 µs with
    # these first). No path here overlaps one under /api/v1; the document sorts its paths.
    app.include_router(ops_router)
    # The public hotline-card page, at the root too: the address printed in a card's QR code.
    app.include_router(public_router)
    # Each router goes straight into the app: a nested API router is walked on every
    # request by FastAPI's lazy inclusion (measured ~40 µs of a ~300 µs read).
    for router in (
        auth_router,
        users_router,
        regions_router,
        organizations_router,
        # Before persons: /persons/{person_id} would capture /persons/duplicate-candidates.
        duplicates_router,
        persons_router,
        caretakers_router,
        assignments_router,
        # PUT /persons/{person_id}/primary-contact: no other route has that method and path.
        primary_contacts_router,
        visits_router,
        referrals_router,
        service_types_router,
        service_records_router,
        activities_router,
        wishes_router,
        distributions_router,
        legal_activities_router,
        legal_advisors_router,
        legal_contracts_router,
        hotline_cards_router,
        imports,
        exports_router,
        audit_router,
        reports_router,
        meta_router,
        sync_router,
        changes_router,
        webhook_subscriptions_router,
        webhook_deliveries_router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    install_docs(app)
    _install_error_handlers(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(
        RequestMiddleware,
        metrics=app.state.metrics,
        max_body_bytes=settings.max_body_bytes,
        body_limits={f"{API_PREFIX}/imports/": settings.max_import_bytes},
    )
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> Response:
        return app_error_response(request, exc)

    @app.exception_handler(IdempotentReplay)
    async def _replay(request: Request, exc: IdempotentReplay) -> Response:
        return replay_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            field_error(
                [str(part) if not isinstance(part, int) else part for part in e["loc"]],
                e.get("msg", ""),
                e.get("type", "invalid"),
            )
            for e in exc.errors()
        ]
        if any(e["code"] == "json_invalid" for e in errors):
            return problem_response(
                request,
                422,
                "malformed_json",
                "请求体不是有效的 JSON。",
                "The request body is not valid JSON.",
                errors=errors,
            )
        return problem_response(
            request,
            422,
            "validation_error",
            "请求数据未通过校验，详见 errors。",
            "The request failed validation; see errors.",
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = {
            404: "not_found",
            405: "method_not_allowed",
            406: "not_acceptable",
            413: "payload_too_large",
            401: "unauthorized",
            403: "forbidden",
        }.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal_error")
        detail = {
            404: ("请求的路径不存在。", "No such path."),
            405: ("该路径不支持此请求方法。", "This path does not support the method."),
        }.get(exc.status_code, (None, None))
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request.app, request.scope))
        return problem_response(request, exc.status_code, code, *detail, headers=headers)

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> Response:
        # A constraint caught what the service's checks could not (a concurrent write).
        log.warning("integrity_error", constraint=str(exc.orig).split("\n")[0][:200])
        return problem_response(
            request,
            409,
            "conflict",
            "与现有数据冲突，请重新读取后再试。",
            "The change conflicts with existing data; read it again and retry.",
        )

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> Response:
        # A value the database cannot store or compare (PostgreSQL: a NUL character in text).
        log.warning("data_error", error=type(exc.orig).__name__)
        return problem_response(
            request,
            422,
            "invalid_value",
            "请求中含有数据库无法处理的值（例如 NUL 字符）。",
            "The request holds a value the database cannot handle (e.g. a NUL character).",
        )

    @app.exception_handler(OperationalError)
    async def _operational(request: Request, exc: OperationalError) -> Response:
        log.error("database_unavailable", exc_info=exc)
        return problem_response(
            request,
            503,
            "service_unavailable",
            "数据库暂不可用，请稍后重试。",
            "The database is temporarily unavailable; retry later.",
            headers={"Retry-After": "2"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # The traceback goes to the log; the client gets the request id, never the text.
        log.error("unhandled_exception", exc_info=exc, path=request.url.path)
        response = problem_response(
            request,
            500,
            "internal_error",
            "服务器内部错误，请凭请求编号联系管理员。",
            "Internal error; quote the request id to the administrator.",
        )
        request_id = getattr(request.state, "request_id", None)
        if request_id:
            response.headers["X-Request-ID"] = request_id
        return response


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": "Requests the caller may make in a minute of the clock.",
    "RateLimit-Remaining": "Requests left to the caller in this minute.",
    "RateLimit-Reset": "Seconds until this minute ends and the allowance is whole again.",
    "Retry-After": "Seconds to wait before the next request.",
}


def _document_rate_limit(schema: dict[str, Any]) -> None:
    """Every operation with a caller may answer 429 `rate_limited` with the limit's headers
    (which its other answers carry too; docs/security.md, "Rate limits"), whatever the
    route itself declares."""
    schema.setdefault("components", {})["headers"] = {
        name: {"description": text, "schema": {"type": "integer"}}
        for name, text in RATE_LIMIT_HEADERS.items()
    }
    refused = {
        **problem_responses(429)[429],
        "headers": {name: {"$ref": f"#/components/headers/{name}"} for name in RATE_LIMIT_HEADERS},
    }
    for item in schema["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("security"):
                operation["responses"]["429"] = refused


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        webhooks=webhook_events.routes,
        separate_input_output_schemas=False,
    )
    # The events are requests liushou sends: a receiver's 422 is not part of them.
    for operations in schema.get("webhooks", {}).values():
        for operation in operations.values():
            operation["responses"].pop("422", None)
    _, defs = models_json_schema(
        [(Problem, "validation")], ref_template="#/components/schemas/{model}"
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(defs.get("$defs", {}))
    _rename_schemas(schema)
    _document_rate_limit(schema)
    # FastAPI's default 422 schemas are unused: every route documents problem+json instead.
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused in components and f'"#/components/schemas/{unused}"' not in json.dumps(schema):
            del components[unused]
    app.openapi_schema = schema
    return schema

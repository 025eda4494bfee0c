"""One pure ASGI middleware for what every request needs.

Request id (``X-Request-ID`` accepted when sane, else generated, always echoed), the request
body cap (413 problem), Prometheus metrics by route template and one JSON access-log line.
Pure ASGI rather than ``BaseHTTPMiddleware``: it adds microseconds, not a task per request.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from liushou.errors import AppError, app_error_response
from liushou.ops.context import set_request_id
from liushou.ops.logging import log
from liushou.ops.metrics import Metrics
from liushou.ops.routes import route_templates

_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


class PayloadTooLarge(AppError):
    status, code = 413, "payload_too_large"

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"请求体超过 {limit} 字节上限。",
            f"The request body exceeds the limit of {limit} bytes.",
            limit=limit,
        )


# AppError.headers is a dict, HTTPException.headers a Mapping or None: the dict serves both.
class _PayloadTooLargeWhileReading(PayloadTooLarge, HTTPException):  # type: ignore[misc]
    """The 413 for a body without Content-Length that grows past the cap while it is read.

    Also an ``HTTPException``, because FastAPI's body reader re-raises those and turns any
    other exception into a 400. AppError comes first in the MRO, so the AppError handler
    renders it: the same problem (code, detail, ``limit``) as the Content-Length check.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(limit)  # AppError's fields (its super() call reaches HTTPException)
        self.status_code, self.detail = self.status, str(self.detail_en)
        # The rest of the body is never read: the connection cannot be reused.
        self.headers["Connection"] = "close"


class RequestMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        metrics: Metrics,
        max_body_bytes: int,
        body_limits: Mapping[str, int] | None = None,
        access_log: bool = True,
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes
        self.body_limits = dict(body_limits or {})
        self.access_log = access_log
        self._templates: dict[int, str] | None = None  # built on the first request

    def _template(self, scope: Scope) -> str:
        route = scope.get("route")
        if route is None:
            return "unmatched"
        if self._templates is None:
            self._templates = route_templates(scope["app"])
        return self._templates.get(id(route)) or getattr(route, "path", None) or "unmatched"

    def _limit_for(self, path: str) -> int:
        for prefix, limit in self.body_limits.items():
            if path.startswith(prefix):
                return limit
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = None
        content_length = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                candidate = value.decode("latin-1")
                if _SANE_REQUEST_ID.match(candidate):
                    request_id = candidate
            elif name == b"content-length":
                content_length = value
        if request_id is None:
            request_id = uuid.uuid4().hex
        # Not reset afterwards: every request runs in its own task context, and the 500
        # handler (outside this middleware) still needs the id.
        set_request_id(request_id)
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        id_header = (b"x-request-id", request_id.encode())
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", []), id_header]
                # The caller's rate limit, once the auth dependency counted the request
                # (docs/security.md, "Rate limits").
                verdict = state.get("rate_limit")
                if verdict is not None:
                    headers.extend(verdict.headers())
                message["headers"] = headers
            await send(message)

        limit = self._limit_for(scope["path"])
        try:
            if content_length is not None and _too_long(content_length, limit):
                await self._reject_too_large(scope, receive, send_with_id, limit)
                return
            received = 0

            async def receive_with_limit() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > limit:
                        raise _PayloadTooLargeWhileReading(limit)
                return message

            await self.app(scope, receive_with_limit, send_with_id)
        finally:
            template = self._template(scope)
            elapsed = time.perf_counter() - started
            self.metrics.observe(scope["method"], template, status, elapsed)
            if self.access_log:
                log.info(
                    "request",
                    method=scope["method"],
                    route=template,
                    status=status,
                    duration_ms=round(elapsed * 1000, 2),
                )

    @staticmethod
    async def _reject_too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        error = PayloadTooLarge(limit)
        error.headers["Connection"] = "close"
        await app_error_response(Request(scope, receive), error)(scope, receive, send)


def _too_long(header: bytes, limit: int) -> bool:
    try:
        return int(header) > limit
    except ValueError:
        return False

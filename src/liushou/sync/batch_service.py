"""POST /sync/batch: a phone's queue of writes, each run by the application itself.

Nothing here re-implements a route. Each item becomes an ASGI request (the caller's
``Authorization``, the item's method, path, body, ``If-Match`` and ``Idempotency-Key``)
handed to the same application instance in-process, through its whole stack: the request
middleware (an item is a request of its own in the metrics and the access log, and under
the body cap), routing, auth, scoping, validation, idempotency, If-Match and the route's
own transaction. The batch itself holds no database session, so on SQLite it never waits
on a write lock of its own items. See docs/sync.md, "The batch".
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import anyio
import orjson
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Scope

from liushou.api.responses import API_PREFIX
from liushou.errors import field_error, problem_response
from liushou.ops.context import current_request_id, set_request_id
from liushou.ops.logging import log
from liushou.sync.batch_schemas import BatchItem, BatchItemResult, Outcome
from liushou.validators import forbidden_character

BATCH_PATH = f"{API_PREFIX}/sync/batch"
ITEM_MARK = "liushou.batch_item"
"""Set in the scope of every item's request: a batch is never run from inside a batch."""

_RAW_TARGET = re.compile(r"^/[\x21-\x7e]*$")  # visible ASCII: no spaces, nothing a URL escapes
_BAD_SEGMENTS = {"", ".", ".."}
# The caller's headers an item's request carries; the item adds its own.
_PASSED_ON = (b"authorization", b"accept-language", b"host", b"user-agent")


@dataclass(frozen=True)
class Target:
    """Where an item goes: ``path`` decoded (what routing matches), ``raw`` as sent."""

    path: str
    raw: str
    query: str

    def parent(self) -> Target:
        """The resource an action acts on: ``/persons/{id}`` for ``/persons/{id}/exit``."""
        path, raw = self.path.rsplit("/", 1)[0], self.raw.rsplit("/", 1)[0]
        return Target(path, raw, "")


def parse_target(path: str) -> Target | None:
    """The item's target, or None when the batch refuses it (``invalid_batch_path``): not
    below ``/api/v1/``, a scheme or a host (an absolute URL, ``//host/...``), a ``.`` or
    ``..`` segment or an empty one (``//``, a trailing ``/``), a fragment, a backslash or a
    control character (also percent-encoded), or the batch itself. The checks are made on the
    decoded path, which is what routing matches (``sync%2Fbatch`` is the batch too)."""
    if not _RAW_TARGET.match(path) or "#" in path or "\\" in path:
        return None
    raw, _, query = path.partition("?")
    decoded = unquote(raw)
    if not decoded.startswith(API_PREFIX + "/") or decoded == BATCH_PATH:
        return None
    if "\\" in decoded or forbidden_character(decoded) is not None:
        return None
    if _BAD_SEGMENTS & set(decoded[len(API_PREFIX) + 1 :].split("/")):
        return None
    return Target(decoded, raw, query)


def encode_body(body: dict[str, Any] | None) -> bytes:
    """The item's body as the bytes of a request sent alone (an Idempotency-Key is bound to
    them: the same item encodes the same way every time). UTF-8, unless a lone surrogate
    forces the escaped form, which the route then refuses as it would if sent alone."""
    if body is None:
        return b""
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        return json.dumps(body, separators=(",", ":")).encode()


@dataclass
class Answer:
    """What an item's request answered."""

    status: int = 500
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    chunks: list[bytes] = field(default_factory=list)

    def header(self, name: bytes) -> str | None:
        for key, value in self.headers:
            if key.lower() == name:
                return value.decode("latin-1")
        return None

    def json(self) -> dict[str, Any] | None:
        """The JSON object the answer carries (every write answers one, or nothing)."""
        data = b"".join(self.chunks)
        if not data:
            return None
        try:
            value = orjson.loads(data)
        except orjson.JSONDecodeError:
            return None
        return value if isinstance(value, dict) else None


class Batch:
    """Runs one batch's items for the caller of ``request``, in order."""

    def __init__(self, app: ASGIApp, request: Request) -> None:
        self._app = app
        self._request = request
        self._outer = request.scope
        self._headers = [(k, v) for k, v in request.headers.raw if k in _PASSED_ON]
        self._request_id = current_request_id() or "batch"

    async def run(self, items: Sequence[BatchItem]) -> list[BatchItemResult]:
        return [await self._run_one(index, item) for index, item in enumerate(items)]

    async def _run_one(self, index: int, item: BatchItem) -> BatchItemResult:
        target = parse_target(item.path)
        if target is None:
            return self._invalid_path(index)
        headers = []
        if item.if_match is not None:
            headers.append((b"if-match", _quoted_version(item.if_match).encode()))
        if item.idempotency_key is not None:
            headers.append((b"idempotency-key", item.idempotency_key.encode()))
        answer = await self._send(index, item.method, target, encode_body(item.body), headers)
        if 200 <= answer.status < 300:
            return _result(answer, "applied")
        if answer.status == 412:
            return await self._conflict(index, target, answer)
        if answer.status >= 500:
            # Its transaction was rolled back (the route commits only what succeeds): the
            # item is reported as not applied, with its 5xx status, and may be sent again.
            log.warning("batch_item_failed", index=index, status=answer.status)
        return _result(answer, "rejected")

    async def _conflict(self, index: int, target: Target, refused: Answer) -> BatchItemResult:
        """412: the body is the resource as the caller's GET shows it now. An action's path
        (``/persons/{id}/exit``) has no GET: its resource is the path above it. Without a
        readable resource the 412's own problem is the body."""
        current = await self._send(index, "GET", Target(target.path, target.raw, ""))
        if current.status == 405:
            current = await self._send(index, "GET", target.parent())
        if current.status == 200:
            return _result(current, "conflict", status=412)
        return _result(refused, "conflict")

    def _invalid_path(self, index: int) -> BatchItemResult:
        en = "A batch item's path must be a path below /api/v1/ other than the batch itself."
        zh = "批量请求的路径须为 /api/v1/ 下的路径（不含主机名、..，也不能是批量接口本身）。"
        loc: list[str | int] = ["body", "items", index, "path"]
        problem = problem_response(
            self._request,
            422,
            "invalid_batch_path",
            zh,
            en,
            errors=[field_error(loc, en, "invalid_batch_path")],
        )
        return BatchItemResult(status=422, outcome="rejected", body=orjson.loads(problem.body))

    async def _send(
        self,
        index: int,
        method: str,
        target: Target,
        body: bytes = b"",
        headers: Sequence[tuple[bytes, bytes]] = (),
    ) -> Answer:
        """One request through the whole application; its answer, never an exception."""
        request_headers = [
            *self._headers,
            # Its own request id, derived from the batch's: the log lines of an item name both.
            (b"x-request-id", f"{self._request_id[:100]}.{index}".encode()),
            *headers,
        ]
        if body:
            request_headers += [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ]
        root = self._outer.get("root_path", "")
        scope: Scope = {
            "type": "http",
            "asgi": self._outer.get("asgi", {"version": "3.0"}),
            "http_version": self._outer.get("http_version", "1.1"),
            "method": method,
            "scheme": self._outer.get("scheme", "http"),
            "server": self._outer.get("server"),
            "client": self._outer.get("client"),
            "root_path": root,
            "path": root + target.path,
            "raw_path": (root + target.raw).encode(),
            "query_string": target.query.encode(),
            "headers": request_headers,
            "state": {},
            ITEM_MARK: True,
        }
        answer = Answer()
        body_sent = False
        finished = anyio.Event()

        async def receive() -> Message:
            nonlocal body_sent
            if not body_sent:
                body_sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await finished.wait()  # as a server does: "disconnected" only once answered
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer.status = message["status"]
                answer.headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                answer.chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    finished.set()

        try:
            await self._app(scope, receive, send)
        except Exception:
            # Starlette re-raises an unhandled error after its handler has sent the 500
            # problem (and logged it): that problem is the item's answer.
            if not answer.chunks:
                answer = self._internal_error()
        finally:
            finished.set()
            # The item's middleware set its own request id in this task's context.
            set_request_id(self._request_id)
        return answer

    def _internal_error(self) -> Answer:
        problem = problem_response(self._request, 500, "internal_error")
        return Answer(500, [(b"content-type", b"application/problem+json")], [bytes(problem.body)])


def _quoted_version(if_match: str) -> str:
    """``3`` → ``"3"``: the bare version a phone keeps is the ETag it stands for."""
    value = if_match.strip()
    return f'"{value}"' if value.isascii() and value.isdigit() else value


def _result(answer: Answer, outcome: Outcome, status: int | None = None) -> BatchItemResult:
    """The item's result; ``etag`` only when the answer has one (the field is left unset,
    and so out of the JSON, otherwise)."""
    etag = answer.header(b"etag")
    return BatchItemResult(
        status=status or answer.status,
        outcome=outcome,
        body=answer.json(),
        **({"etag": etag} if etag is not None else {}),
    )

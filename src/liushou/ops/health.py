"""/healthz, /readyz and /metrics (outside /api/v1, no auth)."""

from __future__ import annotations

from typing import Literal

import anyio
from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from starlette.responses import Response

from liushou.api.dependencies import DatabaseDep
from liushou.errors import problem_response, problem_responses
from liushou.migrations import migration_state

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: Literal["ok"]


class Ready(BaseModel):
    status: Literal["ready"]
    revision: str


@router.get("/healthz")
async def healthz() -> Health:
    """The process is alive (checks no dependency, so a database blip causes no restarts)."""
    return Health(status="ok")


@router.get("/readyz", responses={**problem_responses(503)})
async def readyz(request: Request, db: DatabaseDep) -> Ready:
    """The database answers and its schema is at the latest migration; 503 otherwise."""
    try:
        with anyio.fail_after(3):
            current, head = await anyio.to_thread.run_sync(migration_state, db.engine)
    except Exception:  # noqa: BLE001 - any failure to reach the database means not ready
        return problem_response(  # type: ignore[return-value]
            request,
            503,
            "service_unavailable",
            "数据库不可用。",
            "The database is unreachable.",
        )
    if current != head:
        return problem_response(  # type: ignore[return-value]
            request,
            503,
            "service_unavailable",
            f"数据库迁移未完成（当前 {current}，应为 {head}）。",
            f"Migrations are not at head (at {current}, head is {head}).",
        )
    return Ready(status="ready", revision=head or "")


@router.get(
    "/metrics",
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}
    },
)
async def metrics(request: Request) -> Response:
    """Prometheus text format: request counts and latency by route template."""
    return Response(
        generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST
    )

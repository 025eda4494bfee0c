"""Paths, documented error statuses and JSON bodies shared by every router."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from starlette.responses import Response

from liushou.errors import problem_responses

API_PREFIX = "/api/v1"
"""Every resource route is served under it (the operations routes are not)."""

READ_ERRORS = problem_responses(400, 401, 403, 422)
"""A list: a bad cursor (400), no or a weak token, bad filters."""
ONE_ERRORS = problem_responses(401, 403, 404, 422)
"""One resource by id."""
WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422)
"""Any write: POST, PUT, PATCH, DELETE and the actions."""


def put_responses(model: type[BaseModel], created: str = "Created") -> dict[int | str, Any]:
    """The ``responses=`` of a PUT that creates (201) or replaces (200)."""
    return {**WRITE_ERRORS, 201: {"model": model, "description": created}}


def json_response(body: BaseModel, headers: dict[str, str] | None = None) -> Response:
    """The body as FastAPI would serialize it for the route's response model (same bytes),
    validated once by the caller instead of twice; the route's ``response_model=`` keeps
    the OpenAPI document."""
    return Response(body.model_dump_json().encode(), media_type="application/json", headers=headers)

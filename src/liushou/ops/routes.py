"""Route templates and allowed methods, as the client sees them.

FastAPI (0.16x) keeps included routers lazy: ``scope["route"]`` is the route as declared
on its router (``/regions/{region_id}``), without the prefixes it was included under.
``iter_route_contexts`` yields the effective routes with their full paths.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from fastapi.routing import iter_route_contexts
from starlette.routing import Match


def route_templates(app: Any) -> dict[int, str]:
    """``id(declared route)`` → the full path template it is served under."""
    return {
        id(context.original_route): context.path
        for context in iter_route_contexts(app.router.routes)
        if context.path
    }


def allowed_methods(app: Any, scope: MutableMapping[str, Any]) -> list[str]:
    """Every method some route serves at this path (Starlette's 405 names only one route's)."""
    methods: set[str] = set()
    probe = {**scope, "method": "GET"}
    for context in iter_route_contexts(app.router.routes):
        match, _ = context.matches(probe)
        if match != Match.NONE:
            methods |= context.methods or set()
    return sorted(methods)

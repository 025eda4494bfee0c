"""Per-request context that logs, problems and audit rows read."""

from __future__ import annotations

from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    return _request_id.get()


def set_request_id(value: str | None) -> None:
    # Each request runs in its own task and so its own context: nothing to reset after.
    _request_id.set(value)

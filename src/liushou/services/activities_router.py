"""/activities: group events and their attendance (docs/services.md).

Reads are ``async def`` over Core queries (db.Database.read); writes are plain ``def`` over
the request's unit of work (docs/architecture.md). GET one, POST, PUT, PATCH and DELETE are
declared on api.routes.StandardRoutes; the list and the two attendee routes are handlers.
The rules live in activities_service.py.

The body of a write shows the attendees as its caller may see them, like a GET by that
caller: the service functions are wrapped to leave the caller in the session's ``info``,
where the read of the answer finds it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from fastapi import APIRouter
from sqlmodel import Session
from starlette.responses import Response

from liushou.api.concurrency import IfMatch
from liushou.api.content import JSON_BODY
from liushou.api.responses import WRITE_ERRORS
from liushou.api.routes import StandardRoutes
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep, UnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import ServiceReader, ServiceWriter
from liushou.auth.principal import Principal
from liushou.services import activities_repository as repo
from liushou.services import activities_service as service
from liushou.services.activities_schemas import (
    ActivityCreate,
    ActivityRead,
    ActivityUpdate,
    AttendeesAdd,
)
from liushou.services.models import Activity

activities = APIRouter(prefix="/activities", tags=["activities"])

_CALLER = "activities_caller"
F = TypeVar("F", bound=Callable[..., Any])


def _body(row: Mapping[str, Any]) -> ActivityRead:
    return ActivityRead.model_validate(dict(row))


def _read(session: Session, activity: Activity) -> ActivityRead:
    caller: Principal = session.info[_CALLER]
    row = repo.get_activity(session.connection(), caller, activity.id)
    assert row is not None  # the write checked the caller may see it
    return _body(row)


def _as_caller(write: F) -> F:
    """``write`` that first leaves its caller in the session for :func:`_read`."""

    def wrapped(session: Session, caller: Principal, *args: Any) -> Any:
        session.info[_CALLER] = caller
        return write(session, caller, *args)

    return wrapped  # type: ignore[return-value]


ACTIVITIES: ResourceWrites[Activity, ActivityRead] = ResourceWrites("/activities/{row.id}", _read)


ACTIVITY_ROUTES = StandardRoutes(
    activities,
    "activity",
    ACTIVITIES,
    ActivityRead,
    reader=ServiceReader,
    writer=ServiceWriter,
    model=Activity,
    writable=service.writable,
)
ACTIVITY_ROUTES.list(
    repo.ActivityFilters,
    repo.list_activities,
    ("held_on", "id"),
    body=_body,
    name="list_activities",
    doc="Activities of the caller's area, newest first (held_on, then id).",
)
ACTIVITY_ROUTES.get_one(repo.get_activity, _body, read_many=repo.get_activities)
ACTIVITY_ROUTES.create(
    ActivityCreate,
    _as_caller(service.create_activity),
    doc="""Record an activity and its attendance: one service record per attendee, of the
    activity's type, dated `held_on`. Errors (422, nothing written): `invalid_service_type`,
    `invalid_region` (not a village or township of your area), `date_in_future`,
    `invalid_organization`, `attendee_not_eligible` (every offending id in `errors`).""",
)
ACTIVITY_ROUTES.put(
    ActivityCreate,
    _as_caller(service.replace_activity),
    create=_as_caller(service.create_activity),
    doc="""Create the activity with this client-chosen id (201), or replace it (200): the
    records follow the new attendees, type and day in the same transaction. Attendees you
    may not see stay.""",
)
ACTIVITY_ROUTES.update(
    ActivityUpdate,
    _as_caller(service.update_activity),
    doc="""Change the given fields; moving `held_on`, `service_type` or `region_id` moves
    every attendee's record and checks every attendee again.""",
)
ACTIVITY_ROUTES.delete(
    service.delete_activity, doc="Soft delete; the activity's service records go with it."
)


@activities.post("/{activity_id}/attendees", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def add_attendees(
    activity_id: uuid.UUID,
    body: AttendeesAdd,
    caller: ServiceWriter,
    uow: IdempotentUnitOfWorkDep,
    if_match: IfMatch = None,
) -> ActivityRead:
    """Add attendees (200 with the activity); ids already attending are not added twice.
    Ineligible persons: 422 `attendee_not_eligible`, nothing written."""
    uow.session.info[_CALLER] = caller
    activity = service.add_attendees(uow.session, caller, activity_id, body, if_match)
    return ACTIVITIES.changed(uow, activity)


@activities.delete("/{activity_id}/attendees/{person_id}", status_code=204, responses=WRITE_ERRORS)
def remove_attendee(
    activity_id: uuid.UUID,
    person_id: uuid.UUID,
    caller: ServiceWriter,
    uow: UnitOfWorkDep,
    if_match: IfMatch = None,
) -> Response:
    """Remove an attendee and soft-delete its record (204); 404 if it does not attend."""
    service.remove_attendee(uow.session, caller, activity_id, person_id, if_match)
    return ACTIVITIES.deleted()

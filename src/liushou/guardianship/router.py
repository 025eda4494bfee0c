"""/caretakers, /assignments, /visits and PUT /persons/{id}/primary-contact (CONTRACT §5).

Reads are ``async def`` over Core queries (db.Database.read); writes are plain ``def`` and
run in the threadpool, one unit of work each. The rules live in service.py.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.idempotency import IdempotencyDep
from liushou.api.pagination import Page, Paging, page_of
from liushou.api.params import Day, SearchText
from liushou.api.resources import resource_headers
from liushou.auth.dependencies import requires
from liushou.auth.principal import Principal
from liushou.config import Settings
from liushou.errors import Forbidden, NotFound, problem_responses
from liushou.guardianship import repository as repo
from liushou.guardianship import service
from liushou.guardianship.models import (
    Assignment,
    AssignmentRole,
    Caretaker,
    CaretakerKind,
    Visit,
    VisitRiskLevel,
)
from liushou.guardianship.schemas import (
    AssignmentCreate,
    AssignmentRead,
    AssignmentUpdate,
    CaretakerCreate,
    CaretakerRead,
    CaretakerRevealed,
    CaretakerUpdate,
    PrimaryContactHandover,
    VisitCreate,
    VisitRead,
    VisitUpdate,
)
from liushou.guardianship.views import assignment_body, caretaker_body
from liushou.registry.schemas import RevealRequest
from liushou.registry.service import PersonalData

Reader = Annotated[Principal, requires("care:read")]
Writer = Annotated[Principal, requires("care:write")]

READ_ERRORS = problem_responses(400, 401, 403, 422)
ONE_ERRORS = problem_responses(401, 403, 404, 422)
WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422)

caretakers = APIRouter(prefix="/caretakers", tags=["caretakers"])
assignments = APIRouter(prefix="/assignments", tags=["assignments"])
primary_contacts = APIRouter(prefix="/persons", tags=["assignments"])
visits = APIRouter(prefix="/visits", tags=["visits"])


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _pii(request: Request) -> PersonalData:
    return request.app.state.personal_data


def _caretaker(row: Caretaker) -> CaretakerRead:
    return CaretakerRead.model_validate(caretaker_body(row.model_dump()))


def _assignment(row: Assignment) -> AssignmentRead:
    return AssignmentRead.model_validate(assignment_body(row.model_dump()))


def _visit(row: Visit) -> VisitRead:
    return VisitRead.model_validate(row.model_dump())


# --- caretakers ----------------------------------------------------------------------------


@caretakers.get("", responses=READ_ERRORS)
async def list_caretakers(
    request: Request,
    caller: Reader,
    page: Paging,
    region_id: Annotated[uuid.UUID | None, Query(description="A region: its whole subtree")] = None,
    kind: CaretakerKind | None = None,
    q: Annotated[
        SearchText | None,
        Query(min_length=1, max_length=50, description="Name contains"),
    ] = None,
    organization_id: uuid.UUID | None = None,
    user_id: Annotated[uuid.UUID | None, Query(description="The caretaker of this login")] = None,
) -> Page[CaretakerRead]:
    filters = repo.CaretakerFilters(
        region_id=region_id, kind=kind, q=q, organization_id=organization_id, user_id=user_id
    )
    rows = await request.app.state.db.read(
        lambda conn: repo.list_caretakers(conn, caller, page, filters)
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["name"], r["id"]))
    return Page[CaretakerRead](
        items=[CaretakerRead.model_validate(caretaker_body(r)) for r in items],
        next_cursor=next_cursor,
    )


@caretakers.get("/{caretaker_id}", responses=ONE_ERRORS)
async def get_caretaker(
    caretaker_id: uuid.UUID, request: Request, response: Response, caller: Reader
) -> CaretakerRead:
    row = await request.app.state.db.read(
        lambda conn: repo.get_caretaker(conn, caller, caretaker_id)
    )
    if row is None:
        raise NotFound()
    response.headers["ETag"] = etag(row["version"])
    return CaretakerRead.model_validate(caretaker_body(row))


@caretakers.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_caretaker(
    body: CaretakerCreate,
    request: Request,
    response: Response,
    caller: Writer,
    idem: IdempotencyDep,
) -> CaretakerRead:
    """Register a caretaker (admin and street staff)."""
    with request.app.state.db.session() as session:
        caretaker = service.create_caretaker(session, _pii(request), caller, body)
        result = _caretaker(caretaker)
        idem.commit_created(
            session,
            response,
            result,
            resource_headers(caretaker, f"/api/v1/caretakers/{caretaker.id}"),
        )
    return result


@caretakers.put(
    "/{caretaker_id}",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": CaretakerRead, "description": "Created"}},
)
def put_caretaker(
    caretaker_id: uuid.UUID,
    body: CaretakerCreate,
    request: Request,
    response: Response,
    caller: Writer,
    if_match: IfMatch = None,
) -> CaretakerRead:
    """Create the caretaker with this client-chosen id (201), or replace it (200). Moving it
    out of the area of a person it looks after is 409 `caretaker_has_assignments`."""
    with request.app.state.db.session() as session:
        caretaker, created = service.replace_caretaker(
            session, _pii(request), caller, caretaker_id, body, if_match
        )
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(resource_headers(caretaker))
    return _caretaker(caretaker)


@caretakers.patch("/{caretaker_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_caretaker(
    caretaker_id: uuid.UUID,
    body: CaretakerUpdate,
    request: Request,
    response: Response,
    caller: Writer,
    if_match: IfMatch = None,
) -> CaretakerRead:
    """Change some fields. Moving the caretaker out of the area of a person it looks after
    (or a volunteer no longer being one) is 409 `caretaker_has_assignments`."""
    with request.app.state.db.session() as session:
        caretaker = service.update_caretaker(
            session, _pii(request), caller, caretaker_id, body, if_match
        )
        session.commit()
    response.headers.update(resource_headers(caretaker))
    return _caretaker(caretaker)


@caretakers.delete("/{caretaker_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_caretaker(
    caretaker_id: uuid.UUID, request: Request, caller: Writer, if_match: IfMatch = None
) -> Response:
    """Soft delete; refused (409 `caretaker_in_use`) while it has active assignments."""
    with request.app.state.db.session() as session:
        service.delete_caretaker(session, caller, caretaker_id, if_match)
        session.commit()
    return Response(status_code=HTTP_204_NO_CONTENT)


@caretakers.post("/{caretaker_id}/reveal", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def reveal_caretaker_phone(
    caretaker_id: uuid.UUID,
    body: RevealRequest,
    request: Request,
    response: Response,
    caller: Reader,
) -> CaretakerRevealed:
    """The clear phone, for a stated purpose: to the caretaker itself (its linked login), to
    administrators and to the street staff of its township. Audited, granted or refused."""
    with request.app.state.db.session() as session:
        try:
            phone = service.reveal_phone(session, _pii(request), caller, caretaker_id, body.purpose)
        except (Forbidden, NotFound):
            session.commit()  # the refused attempt stays on the audit record
            raise
        session.commit()
    response.headers["Cache-Control"] = "no-store"
    return CaretakerRevealed(phone=phone)


# --- assignments ---------------------------------------------------------------------------


@assignments.get("", responses=READ_ERRORS)
async def list_assignments(
    request: Request,
    caller: Reader,
    page: Paging,
    person_id: uuid.UUID | None = None,
    caretaker_id: uuid.UUID | None = None,
    active: Annotated[bool | None, Query(description="true: not ended; false: ended")] = None,
    role: AssignmentRole | None = None,
) -> Page[AssignmentRead]:
    filters = repo.AssignmentFilters(
        person_id=person_id, caretaker_id=caretaker_id, active=active, role=role
    )
    rows = await request.app.state.db.read(
        lambda conn: repo.list_assignments(conn, caller, page, filters)
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["starts_on"], r["id"]))
    return Page[AssignmentRead](
        items=[AssignmentRead.model_validate(assignment_body(r)) for r in items],
        next_cursor=next_cursor,
    )


@assignments.get("/{assignment_id}", responses=ONE_ERRORS)
async def get_assignment(
    assignment_id: uuid.UUID, request: Request, response: Response, caller: Reader
) -> AssignmentRead:
    row = await request.app.state.db.read(
        lambda conn: repo.get_assignment(conn, caller, assignment_id)
    )
    if row is None:
        raise NotFound()
    response.headers["ETag"] = etag(row["version"])
    return AssignmentRead.model_validate(assignment_body(row))


@assignments.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_assignment(
    body: AssignmentCreate,
    request: Request,
    response: Response,
    caller: Writer,
    idem: IdempotencyDep,
) -> AssignmentRead:
    """Assign a caretaker to a person. A second active primary contact is 409
    `primary_contact_exists` (hand over with PUT /persons/{id}/primary-contact); a caretaker
    of another village is 422 `caretaker_out_of_area` unless it is a volunteer."""
    with request.app.state.db.session() as session:
        assignment = service.create_assignment(session, _settings(request), caller, body)
        result = _assignment(assignment)
        idem.commit_created(
            session,
            response,
            result,
            resource_headers(assignment, f"/api/v1/assignments/{assignment.id}"),
        )
    return result


@assignments.put(
    "/{assignment_id}",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": AssignmentRead, "description": "Created"}},
)
def put_assignment(
    assignment_id: uuid.UUID,
    body: AssignmentCreate,
    request: Request,
    response: Response,
    caller: Writer,
    if_match: IfMatch = None,
) -> AssignmentRead:
    """Create the assignment with this client-chosen id (201), or replace it (200)."""
    with request.app.state.db.session() as session:
        assignment, created = service.replace_assignment(
            session, _settings(request), caller, assignment_id, body, if_match
        )
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(resource_headers(assignment))
    return _assignment(assignment)


@assignments.patch("/{assignment_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_assignment(
    assignment_id: uuid.UUID,
    body: AssignmentUpdate,
    request: Request,
    response: Response,
    caller: Writer,
    if_match: IfMatch = None,
) -> AssignmentRead:
    """Change the interval, or end the assignment (`ends_on`, `end_reason`); ending is final
    (409 `assignment_ended` afterwards)."""
    with request.app.state.db.session() as session:
        assignment = service.update_assignment(session, caller, assignment_id, body, if_match)
        session.commit()
    response.headers.update(resource_headers(assignment))
    return _assignment(assignment)


@assignments.delete("/{assignment_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_assignment(
    assignment_id: uuid.UUID, request: Request, caller: Writer, if_match: IfMatch = None
) -> Response:
    """Soft delete, for an assignment entered by mistake; to end one, PATCH `ends_on`."""
    with request.app.state.db.session() as session:
        service.delete_assignment(session, caller, assignment_id, if_match)
        session.commit()
    return Response(status_code=HTTP_204_NO_CONTENT)


@primary_contacts.put(
    "/{person_id}/primary-contact",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": AssignmentRead, "description": "Handed over"}},
)
def hand_over_primary_contact(
    person_id: uuid.UUID,
    body: PrimaryContactHandover,
    request: Request,
    response: Response,
    caller: Writer,
) -> AssignmentRead:
    """Make this caretaker the person's primary contact, in one transaction: the current
    one ends today (`end_reason` = `reason`, default `handover`) and the new one starts
    (201). Naming the current primary contact again changes nothing (200)."""
    with request.app.state.db.session() as session:
        assignment, created = service.hand_over(
            session, _settings(request), caller, person_id, body
        )
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(
        resource_headers(assignment, f"/api/v1/assignments/{assignment.id}" if created else None)
    )
    return _assignment(assignment)


# --- visits --------------------------------------------------------------------------------


@visits.get("", responses=READ_ERRORS)
async def list_visits(
    request: Request,
    caller: Reader,
    page: Paging,
    person_id: uuid.UUID | None = None,
    caretaker_id: uuid.UUID | None = None,
    risk_level: VisitRiskLevel | None = None,
    from_: Annotated[Day | None, Query(alias="from", description="visited_on on or after")] = None,
    to: Annotated[Day | None, Query(description="visited_on on or before")] = None,
) -> Page[VisitRead]:
    """Visits, newest first."""
    filters = repo.VisitFilters(
        person_id=person_id,
        caretaker_id=caretaker_id,
        risk_level=risk_level,
        visited_from=from_,
        visited_to=to,
    )
    rows = await request.app.state.db.read(
        lambda conn: repo.list_visits(conn, caller, page, filters)
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["visited_on"], r["id"]))
    return Page[VisitRead](
        items=[VisitRead.model_validate(dict(r)) for r in items], next_cursor=next_cursor
    )


@visits.get("/{visit_id}", responses=ONE_ERRORS)
async def get_visit(
    visit_id: uuid.UUID, request: Request, response: Response, caller: Reader
) -> VisitRead:
    row = await request.app.state.db.read(lambda conn: repo.get_visit(conn, caller, visit_id))
    if row is None:
        raise NotFound()
    response.headers["ETag"] = etag(row["version"])
    return VisitRead.model_validate(dict(row))


@visits.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_visit(
    body: VisitCreate,
    request: Request,
    response: Response,
    caller: Writer,
    idem: IdempotencyDep,
) -> VisitRead:
    """Record a visit; it moves the person's next due date. Not in the future (422
    `date_in_future`). A village contact or volunteer records visits only for the persons
    assigned to it (403 `not_assigned`)."""
    with request.app.state.db.session() as session:
        visit = service.create_visit(session, _settings(request), caller, body)
        result = _visit(visit)
        idem.commit_created(
            session, response, result, resource_headers(visit, f"/api/v1/visits/{visit.id}")
        )
    return result


@visits.put(
    "/{visit_id}",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": VisitRead, "description": "Created"}},
)
def put_visit(
    visit_id: uuid.UUID,
    body: VisitCreate,
    request: Request,
    response: Response,
    caller: Writer,
    if_match: IfMatch = None,
) -> VisitRead:
    """Record the visit with this client-chosen id (201), or replace it (200): an offline
    phone retries the same PUT safely."""
    with request.app.state.db.session() as session:
        visit, created = service.replace_visit(
            session, _settings(request), caller, visit_id, body, if_match
        )
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(resource_headers(visit))
    return _visit(visit)


@visits.patch("/{visit_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_visit(
    visit_id: uuid.UUID,
    body: VisitUpdate,
    request: Request,
    response: Response,
    caller: Writer,
    if_match: IfMatch = None,
) -> VisitRead:
    with request.app.state.db.session() as session:
        visit = service.update_visit(session, _settings(request), caller, visit_id, body, if_match)
        session.commit()
    response.headers.update(resource_headers(visit))
    return _visit(visit)


@visits.delete("/{visit_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_visit(
    visit_id: uuid.UUID, request: Request, caller: Writer, if_match: IfMatch = None
) -> Response:
    with request.app.state.db.session() as session:
        service.delete_visit(session, caller, visit_id, if_match)
        session.commit()
    return Response(status_code=HTTP_204_NO_CONTENT)

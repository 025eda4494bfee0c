"""/caretakers, /assignments, /visits and PUT /persons/{id}/primary-contact.

Reads are ``async def`` over Core queries (db.Database.read); writes are plain ``def`` over
the request's unit of work (docs/architecture.md). The rules live in caretakers.py,
assignments.py and visits.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Annotated, Any, cast

from fastapi import APIRouter, Query, Response
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import DatabaseDep, PersonalDataDep, SettingsDep
from liushou.api.pagination import Page, Paging, page_of
from liushou.api.params import Day, SearchText
from liushou.api.responses import ONE_ERRORS, READ_ERRORS, WRITE_ERRORS, put_responses
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep, UnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.dependencies import requires
from liushou.auth.principal import Principal
from liushou.errors import Forbidden, NotFound
from liushou.guardianship import assignments as assignment_service
from liushou.guardianship import caretakers as caretaker_service
from liushou.guardianship import repository as repo
from liushou.guardianship import visits as visit_service
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

Reader = Annotated[Principal, requires("care:read")]
Writer = Annotated[Principal, requires("care:write")]

caretakers = APIRouter(prefix="/caretakers", tags=["caretakers"])
assignments = APIRouter(prefix="/assignments", tags=["assignments"])
primary_contacts = APIRouter(prefix="/persons", tags=["assignments"])
visits = APIRouter(prefix="/visits", tags=["visits"])


def _caretaker(_: object, row: Caretaker) -> CaretakerRead:
    return CaretakerRead.model_validate(caretaker_body(row.model_dump()))


def _assignment(_: object, row: Assignment) -> AssignmentRead:
    return AssignmentRead.model_validate(assignment_body(row.model_dump()))


CARETAKERS = ResourceWrites("/caretakers/{row.id}", _caretaker)
ASSIGNMENTS = ResourceWrites("/assignments/{row.id}", _assignment)
VISITS: ResourceWrites[Visit, VisitRead] = ResourceWrites(
    "/visits/{row.id}", lambda _, row: VisitRead.model_validate(row.model_dump())
)


# --- caretakers ----------------------------------------------------------------------------


@caretakers.get("", responses=READ_ERRORS)
async def list_caretakers(
    db: DatabaseDep,
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
    rows = await db.read(lambda conn: repo.list_caretakers(conn, caller, page, filters))
    items, next_cursor = page_of(rows, page, lambda r: (r["name"], r["id"]))
    return Page[CaretakerRead](
        items=[CaretakerRead.model_validate(caretaker_body(r)) for r in items],
        next_cursor=next_cursor,
    )


@caretakers.get("/{caretaker_id}", responses=ONE_ERRORS)
async def get_caretaker(
    caretaker_id: uuid.UUID, db: DatabaseDep, response: Response, caller: Reader
) -> CaretakerRead:
    row = await db.read(lambda conn: repo.get_caretaker(conn, caller, caretaker_id))
    if row is None:
        raise NotFound()
    response.headers["ETag"] = etag(row["version"])
    return CaretakerRead.model_validate(caretaker_body(cast(Mapping[str, Any], row)))


@caretakers.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_caretaker(
    body: CaretakerCreate, caller: Writer, uow: IdempotentUnitOfWorkDep, pii: PersonalDataDep
) -> CaretakerRead:
    """Register a caretaker (admin and street staff)."""
    return CARETAKERS.created(
        uow, caretaker_service.create_caretaker(uow.session, pii, caller, body)
    )


@caretakers.put("/{caretaker_id}", dependencies=JSON_BODY, responses=put_responses(CaretakerRead))
def put_caretaker(
    caretaker_id: uuid.UUID,
    body: CaretakerCreate,
    caller: Writer,
    uow: UnitOfWorkDep,
    pii: PersonalDataDep,
    if_match: IfMatch = None,
) -> CaretakerRead:
    """Create the caretaker with this client-chosen id (201), or replace it (200). Moving it
    out of the area of a person it looks after is 409 `caretaker_has_assignments`."""
    outcome = caretaker_service.replace_caretaker(
        uow.session, pii, caller, caretaker_id, body, if_match
    )
    return CARETAKERS.put(uow, outcome)


@caretakers.patch("/{caretaker_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_caretaker(
    caretaker_id: uuid.UUID,
    body: CaretakerUpdate,
    caller: Writer,
    uow: UnitOfWorkDep,
    pii: PersonalDataDep,
    if_match: IfMatch = None,
) -> CaretakerRead:
    """Change some fields. Moving the caretaker out of the area of a person it looks after
    (or a volunteer no longer being one) is 409 `caretaker_has_assignments`."""
    caretaker = caretaker_service.update_caretaker(
        uow.session, pii, caller, caretaker_id, body, if_match
    )
    return CARETAKERS.changed(uow, caretaker)


@caretakers.delete("/{caretaker_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_caretaker(
    caretaker_id: uuid.UUID, caller: Writer, uow: UnitOfWorkDep, if_match: IfMatch = None
) -> Response:
    """Soft delete; refused (409 `caretaker_in_use`) while it has active assignments."""
    caretaker_service.delete_caretaker(uow.session, caller, caretaker_id, if_match)
    return CARETAKERS.deleted()


@caretakers.post("/{caretaker_id}/reveal", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def reveal_caretaker_phone(
    caretaker_id: uuid.UUID,
    body: RevealRequest,
    caller: Reader,
    uow: UnitOfWorkDep,
    pii: PersonalDataDep,
) -> CaretakerRevealed:
    """The clear phone, for a stated purpose: to the caretaker itself (its linked login), to
    administrators and to the street staff of its township. Audited, granted or refused."""
    uow.commit_despite = (Forbidden, NotFound)  # the refused attempt stays on the audit record
    phone = caretaker_service.reveal_phone(uow.session, pii, caller, caretaker_id, body.purpose)
    result = CaretakerRevealed(phone=phone)
    uow.respond(result, headers={"Cache-Control": "no-store"})
    return result


# --- assignments ---------------------------------------------------------------------------


@assignments.get("", responses=READ_ERRORS)
async def list_assignments(
    db: DatabaseDep,
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
    rows = await db.read(lambda conn: repo.list_assignments(conn, caller, page, filters))
    items, next_cursor = page_of(rows, page, lambda r: (r["starts_on"], r["id"]))
    return Page[AssignmentRead](
        items=[AssignmentRead.model_validate(assignment_body(r)) for r in items],
        next_cursor=next_cursor,
    )


@assignments.get("/{assignment_id}", responses=ONE_ERRORS)
async def get_assignment(
    assignment_id: uuid.UUID, db: DatabaseDep, response: Response, caller: Reader
) -> AssignmentRead:
    row = await db.read(lambda conn: repo.get_assignment(conn, caller, assignment_id))
    if row is None:
        raise NotFound()
    response.headers["ETag"] = etag(row["version"])
    return AssignmentRead.model_validate(assignment_body(cast(Mapping[str, Any], row)))


@assignments.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_assignment(
    body: AssignmentCreate, caller: Writer, uow: IdempotentUnitOfWorkDep, settings: SettingsDep
) -> AssignmentRead:
    """Assign a caretaker to a person. A second active primary contact is 409
    `primary_contact_exists` (hand over with PUT /persons/{id}/primary-contact); a caretaker
    of another village is 422 `caretaker_out_of_area` unless it is a volunteer."""
    assignment = assignment_service.create_assignment(uow.session, settings, caller, body)
    return ASSIGNMENTS.created(uow, assignment)


@assignments.put(
    "/{assignment_id}", dependencies=JSON_BODY, responses=put_responses(AssignmentRead)
)
def put_assignment(
    assignment_id: uuid.UUID,
    body: AssignmentCreate,
    caller: Writer,
    uow: UnitOfWorkDep,
    settings: SettingsDep,
    if_match: IfMatch = None,
) -> AssignmentRead:
    """Create the assignment with this client-chosen id (201), or replace it (200)."""
    outcome = assignment_service.replace_assignment(
        uow.session, settings, caller, assignment_id, body, if_match
    )
    return ASSIGNMENTS.put(uow, outcome)


@assignments.patch("/{assignment_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_assignment(
    assignment_id: uuid.UUID,
    body: AssignmentUpdate,
    caller: Writer,
    uow: UnitOfWorkDep,
    if_match: IfMatch = None,
) -> AssignmentRead:
    """Change the interval, or end the assignment (`ends_on`, `end_reason`); ending is final
    (409 `assignment_ended` afterwards)."""
    assignment = assignment_service.update_assignment(
        uow.session, caller, assignment_id, body, if_match
    )
    return ASSIGNMENTS.changed(uow, assignment)


@assignments.delete("/{assignment_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_assignment(
    assignment_id: uuid.UUID, caller: Writer, uow: UnitOfWorkDep, if_match: IfMatch = None
) -> Response:
    """Soft delete, for an assignment entered by mistake; to end one, PATCH `ends_on`."""
    assignment_service.delete_assignment(uow.session, caller, assignment_id, if_match)
    return ASSIGNMENTS.deleted()


@primary_contacts.put(
    "/{person_id}/primary-contact",
    dependencies=JSON_BODY,
    responses=put_responses(AssignmentRead, "Handed over"),
)
def hand_over_primary_contact(
    person_id: uuid.UUID,
    body: PrimaryContactHandover,
    caller: Writer,
    uow: UnitOfWorkDep,
    settings: SettingsDep,
) -> AssignmentRead:
    """Make this caretaker the person's primary contact, in one transaction: the current
    one ends today (`end_reason` = `reason`, default `handover`) and the new one starts
    (201). Naming the current primary contact again changes nothing (200)."""
    outcome = assignment_service.hand_over(uow.session, settings, caller, person_id, body)
    return ASSIGNMENTS.put(uow, outcome)


# --- visits --------------------------------------------------------------------------------


@visits.get("", responses=READ_ERRORS)
async def list_visits(
    db: DatabaseDep,
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
    rows = await db.read(lambda conn: repo.list_visits(conn, caller, page, filters))
    items, next_cursor = page_of(rows, page, lambda r: (r["visited_on"], r["id"]))
    return Page[VisitRead](
        items=[VisitRead.model_validate(dict(r)) for r in items], next_cursor=next_cursor
    )


@visits.get("/{visit_id}", responses=ONE_ERRORS)
async def get_visit(
    visit_id: uuid.UUID, db: DatabaseDep, response: Response, caller: Reader
) -> VisitRead:
    row = await db.read(lambda conn: repo.get_visit(conn, caller, visit_id))
    if row is None:
        raise NotFound()
    response.headers["ETag"] = etag(row["version"])
    return VisitRead.model_validate(dict(row))


@visits.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_visit(
    body: VisitCreate, caller: Writer, uow: IdempotentUnitOfWorkDep, settings: SettingsDep
) -> VisitRead:
    """Record a visit; it moves the person's next due date. Not in the future (422
    `date_in_future`). A village contact or volunteer records visits only for the persons
    assigned to it (403 `not_assigned`)."""
    return VISITS.created(uow, visit_service.create_visit(uow.session, settings, caller, body))


@visits.put("/{visit_id}", dependencies=JSON_BODY, responses=put_responses(VisitRead))
def put_visit(
    visit_id: uuid.UUID,
    body: VisitCreate,
    caller: Writer,
    uow: UnitOfWorkDep,
    settings: SettingsDep,
    if_match: IfMatch = None,
) -> VisitRead:
    """Record the visit with this client-chosen id (201), or replace it (200): an offline
    phone retries the same PUT safely."""
    outcome = visit_service.replace_visit(uow.session, settings, caller, visit_id, body, if_match)
    return VISITS.put(uow, outcome)


@visits.patch("/{visit_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_visit(
    visit_id: uuid.UUID,
    body: VisitUpdate,
    caller: Writer,
    uow: UnitOfWorkDep,
    settings: SettingsDep,
    if_match: IfMatch = None,
) -> VisitRead:
    visit = visit_service.update_visit(uow.session, settings, caller, visit_id, body, if_match)
    return VISITS.changed(uow, visit)


@visits.delete("/{visit_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_visit(
    visit_id: uuid.UUID, caller: Writer, uow: UnitOfWorkDep, if_match: IfMatch = None
) -> Response:
    visit_service.delete_visit(uow.session, caller, visit_id, if_match)
    return VISITS.deleted()

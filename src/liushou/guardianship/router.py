"""/caretakers, /assignments, /visits and PUT /persons/{id}/primary-contact.

Reads are ``async def`` over Core queries (db.Database.read); writes are plain ``def`` over
the request's unit of work (docs/architecture.md). The routes every resource has (one by
id, POST, PUT, PATCH, DELETE) are declared on api.routes.StandardRoutes. The rules live in
caretakers.py, assignments.py and visits.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter

from liushou.api.content import JSON_BODY
from liushou.api.dependencies import PersonalDataDep, SettingsDep
from liushou.api.responses import WRITE_ERRORS, put_responses
from liushou.api.routes import StandardRoutes
from liushou.api.unit_of_work import UnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import CareReader, CareWriter
from liushou.errors import Forbidden, NotFound
from liushou.guardianship import assignments as assignment_service
from liushou.guardianship import caretakers as caretaker_service
from liushou.guardianship import models
from liushou.guardianship import repository as repo
from liushou.guardianship import visits as visit_service
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
from liushou.guardianship.serializers import assignment_body, caretaker_body
from liushou.registry.schemas import RevealRequest

caretakers = APIRouter(prefix="/caretakers", tags=["caretakers"])
assignments = APIRouter(prefix="/assignments", tags=["assignments"])
primary_contacts = APIRouter(prefix="/persons", tags=["assignments"])
visits = APIRouter(prefix="/visits", tags=["visits"])


def _caretaker(row: Mapping[str, Any]) -> CaretakerRead:
    return CaretakerRead.model_validate(caretaker_body(row))


def _assignment(row: Mapping[str, Any]) -> AssignmentRead:
    return AssignmentRead.model_validate(assignment_body(row))


def _visit(row: Mapping[str, Any]) -> VisitRead:
    return VisitRead.model_validate(dict(row))


# The body of a write's answer is the body of its row as a GET reads it.
CARETAKERS: ResourceWrites[models.Caretaker, CaretakerRead] = ResourceWrites(
    "/caretakers/{row.id}", lambda _, row: _caretaker(row.model_dump())
)
ASSIGNMENTS: ResourceWrites[models.Assignment, AssignmentRead] = ResourceWrites(
    "/assignments/{row.id}", lambda _, row: _assignment(row.model_dump())
)
VISITS: ResourceWrites[models.Visit, VisitRead] = ResourceWrites(
    "/visits/{row.id}", lambda _, row: _visit(row.model_dump())
)


# --- caretakers ----------------------------------------------------------------------------


CARETAKER_ROUTES = StandardRoutes(
    caretakers,
    "caretaker",
    CARETAKERS,
    CaretakerRead,
    reader=CareReader,
    writer=CareWriter,
    model=models.Caretaker,
    writable=caretaker_service.caretaker_writable,
)
CARETAKER_ROUTES.list(repo.CaretakerFilters, repo.list_caretakers, ("name", "id"), body=_caretaker)
CARETAKER_ROUTES.get_one(repo.get_caretaker, _caretaker, read_many=repo.get_caretakers)
CARETAKER_ROUTES.create(
    CaretakerCreate,
    caretaker_service.create_caretaker,
    needs=[PersonalDataDep],
    doc="Register a caretaker (admin and street staff).",
)
CARETAKER_ROUTES.put(
    CaretakerCreate,
    caretaker_service.replace_caretaker,
    create=caretaker_service.create_caretaker,
    needs=[PersonalDataDep],
    doc="""Create the caretaker with this client-chosen id (201), or replace it (200). Moving it
    out of the area of a person it looks after is 409 `caretaker_has_assignments`.""",
)
CARETAKER_ROUTES.update(
    CaretakerUpdate,
    caretaker_service.update_caretaker,
    needs=[PersonalDataDep],
    doc="""Change some fields. Moving the caretaker out of the area of a person it looks after
    (or a volunteer no longer being one) is 409 `caretaker_has_assignments`.""",
)
CARETAKER_ROUTES.delete(
    caretaker_service.delete_caretaker,
    doc="Soft delete; refused (409 `caretaker_in_use`) while it has active assignments.",
)


@caretakers.post("/{caretaker_id}/reveal", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def reveal_caretaker_phone(
    caretaker_id: uuid.UUID,
    body: RevealRequest,
    caller: CareReader,
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


ASSIGNMENT_ROUTES = StandardRoutes(
    assignments, "assignment", ASSIGNMENTS, AssignmentRead, reader=CareReader, writer=CareWriter
)
ASSIGNMENT_ROUTES.list(
    repo.AssignmentFilters, repo.list_assignments, ("starts_on", "id"), body=_assignment
)
ASSIGNMENT_ROUTES.get_one(repo.get_assignment, _assignment, read_many=repo.get_assignments)
ASSIGNMENT_ROUTES.create(
    AssignmentCreate,
    assignment_service.create_assignment,
    needs=[SettingsDep],
    doc="""Assign a caretaker to a person. A second active primary contact is 409
    `primary_contact_exists` (hand over with PUT /persons/{id}/primary-contact); a caretaker
    of another village is 422 `caretaker_out_of_area` unless it is a volunteer.""",
)
ASSIGNMENT_ROUTES.put(
    AssignmentCreate,
    assignment_service.replace_assignment,
    needs=[SettingsDep],
    doc="Create the assignment with this client-chosen id (201), or replace it (200).",
)
ASSIGNMENT_ROUTES.update(
    AssignmentUpdate,
    assignment_service.update_assignment,
    doc="""Change the interval, or end the assignment (`ends_on`, `end_reason`); ending is final
    (409 `assignment_ended` afterwards).""",
)
ASSIGNMENT_ROUTES.delete(
    assignment_service.delete_assignment,
    doc="Soft delete, for an assignment entered by mistake; to end one, PATCH `ends_on`.",
)


@primary_contacts.put(
    "/{person_id}/primary-contact",
    dependencies=JSON_BODY,
    responses=put_responses(AssignmentRead, "Handed over"),
)
def hand_over_primary_contact(
    person_id: uuid.UUID,
    body: PrimaryContactHandover,
    caller: CareWriter,
    uow: UnitOfWorkDep,
    settings: SettingsDep,
) -> AssignmentRead:
    """Make this caretaker the person's primary contact, in one transaction: the current
    one ends today (`end_reason` = `reason`, default `handover`) and the new one starts
    (201). Naming the current primary contact again changes nothing (200)."""
    outcome = assignment_service.hand_over(uow.session, settings, caller, person_id, body)
    return ASSIGNMENTS.put(uow, outcome)


# --- visits --------------------------------------------------------------------------------


VISIT_ROUTES = StandardRoutes(
    visits, "visit", VISITS, VisitRead, reader=CareReader, writer=CareWriter
)
VISIT_ROUTES.list(
    repo.VisitFilters,
    repo.list_visits,
    ("visited_on", "id"),
    body=_visit,
    doc="Visits, newest first. `from` after `to` is 422 `invalid_period`.",
)
VISIT_ROUTES.get_one(repo.get_visit, _visit, read_many=repo.get_visits)
VISIT_ROUTES.create(
    VisitCreate,
    visit_service.create_visit,
    needs=[SettingsDep],
    doc="""Record a visit; it moves the person's next due date. Not in the future (422
    `date_in_future`). A village contact or volunteer records visits only for the persons
    assigned to it (403 `not_assigned`).""",
)
VISIT_ROUTES.put(
    VisitCreate,
    visit_service.replace_visit,
    needs=[SettingsDep],
    doc="""Record the visit with this client-chosen id (201), or replace it (200): an offline
    phone retries the same PUT safely.""",
)
VISIT_ROUTES.update(VisitUpdate, visit_service.update_visit, needs=[SettingsDep])
VISIT_ROUTES.delete(visit_service.delete_visit)

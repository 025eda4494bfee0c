"""/persons and /persons/{id}/consents (CONTRACT §4).

Reads are ``async def`` over Core queries; writes are plain ``def`` with one unit of work.
Responses only ever carry masked personal data; `reveal` is the one audited exception.
"""

from __future__ import annotations

import uuid
from typing import Annotated

import orjson
from fastapi import APIRouter, Depends, Request, Response, Security
from fastapi.security import SecurityScopes
from pydantic import BaseModel
from sqlmodel import Session
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.idempotency import IdempotencyDep
from liushou.api.pagination import Page, Paging, page_of
from liushou.api.resources import resource_headers
from liushou.auth.dependencies import (
    InsufficientScope,
    current_principal,
    oauth2_scheme,
    requires,
    requires_for_one_person,
)
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.errors import Forbidden, NotFound, problem_responses
from liushou.registry import lookups, service
from liushou.registry import repository as repo
from liushou.registry.models import Person
from liushou.registry.query import PersonQueryDep
from liushou.registry.schemas import (
    ConsentCreate,
    ConsentRead,
    ConsentWithdraw,
    HistoryEntry,
    PersonCreate,
    PersonExit,
    PersonReactivate,
    PersonRead,
    PersonUpdate,
    Revealed,
    RevealRequest,
)
from liushou.registry.views import as_of_body, person_body

Reader = Annotated[Principal, requires("registry:read")]
Writer = Annotated[Principal, requires("registry:write")]
# One person's routes: a partner gets 404 there, as for an unknown id (CONTRACT §5).
OneReader = Annotated[Principal, requires_for_one_person("registry:read")]
OneWriter = Annotated[Principal, requires_for_one_person("registry:write")]


async def _reveal_caller(
    security_scopes: SecurityScopes,
    request: Request,
    person_id: uuid.UUID,
    authorization: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    """``requires("pii:reveal")`` that also audits the refusal of a caller without the scope:
    every reveal attempt, granted or refused, leaves an audit event with its purpose."""
    try:
        return await current_principal(security_scopes, request, authorization)
    except InsufficientScope:
        # The token is valid (only the scope is missing): who it is, without the scope check.
        caller = await current_principal(SecurityScopes(), request, authorization)
        purpose = await _purpose_of(request)
        await request.app.state.db.write(
            lambda session: service.record_refused_reveal(
                session, caller, person_id, purpose, "insufficient_scope"
            )
        )
        if caller.role == Role.partner:
            raise NotFound() from None
        raise


async def _purpose_of(request: Request) -> str | None:
    """The purpose the refused request gave (the body was already read and is cached)."""
    try:
        purpose = orjson.loads(await request.body()).get("purpose")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return purpose[:500] if isinstance(purpose, str) else None


Revealer = Annotated[Principal, Security(_reveal_caller, scopes=["pii:reveal"])]

READ_ERRORS = problem_responses(400, 401, 403, 422)
ONE_ERRORS = problem_responses(401, 403, 404, 422)
WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422)

persons = APIRouter(prefix="/persons", tags=["persons"])


def _pii(request: Request) -> service.PersonalData:
    return request.app.state.personal_data


def _read(session: Session, person: Person) -> PersonRead:
    """The body of a write's response, with the care alerts as the database has them in
    this transaction (so it equals what a GET answers right after)."""
    flags = repo.care_alert_flags(session, person.id)
    return PersonRead.model_validate(person_body({**person.model_dump(), **flags}))


def _json(body: BaseModel, headers: dict[str, str] | None = None) -> Response:
    """The body as FastAPI would serialize it for the route's response model (same bytes),
    validated once here instead of twice; ``response_model=`` keeps the OpenAPI document."""
    return Response(body.model_dump_json().encode(), media_type="application/json", headers=headers)


@persons.get(
    "",
    response_model=Page[PersonRead],
    responses=READ_ERRORS | lookups.LIMITED_RESPONSE,
)
async def list_persons(
    request: Request,
    caller: Reader,
    query: PersonQueryDep,
    page: Paging,
) -> Response:
    """The persons the caller may see, filtered. `id_number` looks up one full number: every
    such look-up is audited and counted per caller; past the limit it is 429
    `too_many_attempts` with `Retry-After` (see docs/privacy.md)."""
    filters, as_of = query.filters, query.as_of
    db = request.app.state.db
    if as_of is not None:
        service.check_as_of_filters(filters, page.updated_since)
    # Counted before the read: a refused look-up learns nothing.
    lookup = await lookups.count_lookup(request, caller, query)
    if as_of is not None:
        rows = await db.read(
            lambda conn: repo.list_persons_as_of(conn, caller, page, filters, as_of)
        )
        items, next_cursor = page_of(rows, page, lambda r: (r["id"],))
        bodies = [as_of_body(r, as_of) for r in items]
    else:
        rows = await db.read(lambda conn: repo.list_persons(conn, caller, page, filters))
        items, next_cursor = page_of(rows, page, lambda r: (r["id"],))
        bodies = [person_body(r) for r in items]
    if lookup:
        matched = [r["id"] for r in items]
        await db.write(lambda session: lookups.record(session, caller, matched))
    return _json(Page[PersonRead](items=bodies, next_cursor=next_cursor))  # type: ignore[arg-type]


@persons.get("/{person_id}", response_model=PersonRead, responses=ONE_ERRORS)
async def get_person(person_id: uuid.UUID, request: Request, caller: OneReader) -> Response:
    row = await request.app.state.db.read(lambda conn: repo.get_person(conn, caller, person_id))
    if row is None:
        raise NotFound()
    return _json(PersonRead.model_validate(person_body(row)), {"ETag": etag(row["version"])})


@persons.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_person(
    body: PersonCreate, request: Request, response: Response, caller: Writer, idem: IdempotencyDep
) -> PersonRead:
    """Register a person. A repeated ID number is 409 `duplicate_person`."""
    with request.app.state.db.session() as session:
        person = service.create_person(
            session, request.app.state.settings, _pii(request), caller, body
        )
        result = _read(session, person)
        idem.commit_created(
            session, response, result, resource_headers(person, f"/api/v1/persons/{person.id}")
        )
    return result


@persons.put(
    "/{person_id}",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": PersonRead, "description": "Created"}},
)
def put_person(
    person_id: uuid.UUID,
    body: PersonCreate,
    request: Request,
    response: Response,
    caller: OneWriter,
    if_match: IfMatch = None,
) -> PersonRead:
    """Create the person with this client-chosen id (201), or replace it (200). Idempotent."""
    with request.app.state.db.session() as session:
        person, created = service.replace_person(
            session, request.app.state.settings, _pii(request), caller, person_id, body, if_match
        )
        result = _read(session, person)
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(resource_headers(person))
    return result


@persons.patch("/{person_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_person(
    person_id: uuid.UUID,
    body: PersonUpdate,
    request: Request,
    response: Response,
    caller: OneWriter,
    if_match: IfMatch = None,
) -> PersonRead:
    with request.app.state.db.session() as session:
        person = service.update_person(
            session, request.app.state.settings, _pii(request), caller, person_id, body, if_match
        )
        result = _read(session, person)
        session.commit()
    response.headers.update(resource_headers(person))
    return result


@persons.delete("/{person_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_person(
    person_id: uuid.UUID, request: Request, caller: OneWriter, if_match: IfMatch = None
) -> Response:
    with request.app.state.db.session() as session:
        service.delete_person(session, caller, person_id, if_match)
        session.commit()
    return Response(status_code=HTTP_204_NO_CONTENT)


@persons.post("/{person_id}/exit", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def exit_person(
    person_id: uuid.UUID,
    body: PersonExit,
    request: Request,
    response: Response,
    caller: OneWriter,
    if_match: IfMatch = None,
) -> PersonRead:
    """Take the person off the register from `exited_on` (that day no longer counts)."""
    with request.app.state.db.session() as session:
        person = service.exit_person(session, caller, person_id, body, if_match)
        result = _read(session, person)
        session.commit()
    response.headers.update(resource_headers(person))
    return result


@persons.post("/{person_id}/reactivate", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def reactivate_person(
    person_id: uuid.UUID,
    body: PersonReactivate,
    request: Request,
    response: Response,
    caller: OneWriter,
    if_match: IfMatch = None,
) -> PersonRead:
    with request.app.state.db.session() as session:
        person = service.reactivate_person(
            session, request.app.state.settings, caller, person_id, body, if_match
        )
        result = _read(session, person)
        session.commit()
    response.headers.update(resource_headers(person))
    return result


@persons.post("/{person_id}/reveal", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def reveal_person(
    person_id: uuid.UUID,
    body: RevealRequest,
    request: Request,
    response: Response,
    caller: Revealer,
) -> Revealed:
    """The clear ID number and phones, for a stated purpose. Audited, never cached."""
    with request.app.state.db.session() as session:
        try:
            result = service.reveal(session, _pii(request), caller, person_id, body.purpose)
        except (Forbidden, NotFound):
            session.commit()  # the refused attempt stays on the audit record
            raise
        session.commit()
    response.headers["Cache-Control"] = "no-store"
    return result


@persons.get("/{person_id}/history", responses=ONE_ERRORS | problem_responses(400))
async def person_history(
    person_id: uuid.UUID, request: Request, caller: OneReader, page: Paging
) -> Page[HistoryEntry]:
    """Every version of the person, oldest first (field names only, never values)."""
    db = request.app.state.db
    if await db.read(lambda conn: repo.get_person(conn, caller, person_id)) is None:
        raise NotFound()
    rows = await db.read(lambda conn: repo.history(conn, person_id, page))
    items, next_cursor = page_of(rows, page, lambda r: (r["version"],))
    return Page[HistoryEntry](items=items, next_cursor=next_cursor)  # type: ignore[arg-type]


# --- consents ----------------------------------------------------------------------------


@persons.get("/{person_id}/consents", responses=ONE_ERRORS | problem_responses(400))
async def list_consents(
    person_id: uuid.UUID, request: Request, caller: OneReader, page: Paging
) -> Page[ConsentRead]:
    db = request.app.state.db
    if await db.read(lambda conn: repo.get_person(conn, caller, person_id)) is None:
        raise NotFound()
    rows = await db.read(lambda conn: repo.list_consents(conn, person_id, page))
    items, next_cursor = page_of(rows, page, lambda r: (r["given_on"], r["id"]))
    return Page[ConsentRead](items=items, next_cursor=next_cursor)  # type: ignore[arg-type]


@persons.post(
    "/{person_id}/consents",
    dependencies=JSON_BODY,
    status_code=HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
def create_consent(
    person_id: uuid.UUID,
    body: ConsentCreate,
    request: Request,
    response: Response,
    caller: OneWriter,
    idem: IdempotencyDep,
) -> ConsentRead:
    """Record a consent. For a child under 14 only a guardian's consent counts (PIPL art. 31)."""
    with request.app.state.db.session() as session:
        consent = service.add_consent(session, caller, person_id, body)
        result = ConsentRead.model_validate(consent)
        idem.commit_created(
            session,
            response,
            result,
            resource_headers(consent, f"/api/v1/persons/{person_id}/consents/{consent.id}"),
        )
    return result


@persons.post(
    "/{person_id}/consents/{consent_id}/withdraw", dependencies=JSON_BODY, responses=WRITE_ERRORS
)
def withdraw_consent(
    person_id: uuid.UUID,
    consent_id: uuid.UUID,
    body: ConsentWithdraw,
    request: Request,
    response: Response,
    caller: OneWriter,
    if_match: IfMatch = None,
) -> ConsentRead:
    """From `withdrawn_on` on, the consent covers nothing."""
    with request.app.state.db.session() as session:
        consent = service.withdraw_consent(
            session, caller, person_id, consent_id, body.withdrawn_on, if_match
        )
        session.commit()
    response.headers.update(resource_headers(consent))
    return ConsentRead.model_validate(consent)

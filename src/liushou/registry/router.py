"""/persons and /persons/{id}/consents.

Reads are ``async def`` over Core queries; writes are plain ``def`` over the request's unit
of work (docs/architecture.md); the routes every resource has (one by id, POST, PUT, PATCH,
DELETE, and the /exit and /reactivate actions) are declared on api.routes.StandardRoutes.
Responses only ever carry masked personal data; `reveal` is the one audited exception
(docs/privacy.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Request, Response, Security
from fastapi.security import SecurityScopes
from sqlalchemy.engine import Connection
from sqlmodel import Session
from starlette.status import HTTP_201_CREATED

from liushou.api.concurrency import IfMatch
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import DatabaseDep, PersonalDataDep, SettingsDep
from liushou.api.pagination import Page, PageParams, PageT, Paging, page_of, read_page
from liushou.api.responses import (
    ONE_ERRORS,
    READ_ERRORS,
    WRITE_ERRORS,
    json_response,
)
from liushou.api.routes import StandardRoutes
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep, UnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import PersonReader, PersonWriter, RegistryReader, RegistryWriter
from liushou.auth.dependencies import (
    InsufficientScope,
    current_principal,
    oauth2_scheme,
)
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.db import Database
from liushou.errors import Forbidden, NotFound, problem_responses
from liushou.registry import consents, lookups, reveal, service
from liushou.registry import repository as repo
from liushou.registry.models import Consent, Person
from liushou.registry.query import PersonQueryDep, check_as_of_filters
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
from liushou.registry.serializers import as_of_body, person_body


async def _reveal_caller(
    security_scopes: SecurityScopes,
    request: Request,
    db: DatabaseDep,
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
        await db.write(
            lambda session: reveal.record_refused_reveal(
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

persons = APIRouter(prefix="/persons", tags=["persons"])


def _read(session: Session, person: Person) -> PersonRead:
    """The body of a write's response, with the care alerts as the database has them in
    this transaction (so it equals what a GET answers right after)."""
    return _body(person, repo.care_alert_flags(session, person.id))


def _read_created(_: Session, person: Person) -> PersonRead:
    """The body of a person this transaction created: its care alerts are known without
    a query (repository.NEW_PERSON_CARE_ALERTS)."""
    return _body(person, repo.NEW_PERSON_CARE_ALERTS)


def _body(person: Person, flags: dict[str, bool]) -> PersonRead:
    return PersonRead.model_validate(person_body({**person.model_dump(), **flags}))


PERSONS = ResourceWrites("/persons/{row.id}", _read, _read_created)
CONSENTS: ResourceWrites[Consent, ConsentRead] = ResourceWrites(
    "/persons/{row.person_id}/consents/{row.id}",
    lambda _, row: ConsentRead.model_validate(row),
)


@persons.get(
    "",
    response_model=Page[PersonRead],
    responses={**READ_ERRORS, **lookups.LIMITED_RESPONSE},
)
async def list_persons(
    db: DatabaseDep,
    settings: SettingsDep,
    caller: RegistryReader,
    query: PersonQueryDep,
    page: Paging,
) -> Response:
    """The persons the caller may see, filtered. `id_number` looks up one full number: every
    such look-up is audited and counted per caller; past the limit it is 429
    `too_many_attempts` with `Retry-After` (see docs/privacy.md)."""
    filters, as_of = query.filters, query.as_of
    if as_of is not None:
        check_as_of_filters(filters, page.updated_since)
    # Counted before the read: a refused look-up learns nothing.
    lookup = await lookups.count_lookup(db, settings, caller, query)
    if as_of is not None:
        past = await db.read(
            lambda conn: repo.list_persons_as_of(conn, caller, page, filters, as_of)
        )
        items, next_cursor = page_of(past, page, lambda r: (r["id"],))
        bodies = [as_of_body(r, as_of) for r in items]
    else:
        rows = await db.read(lambda conn: repo.list_persons(conn, caller, page, filters))
        items, next_cursor = page_of(rows, page, repo.person_sort_key)
        bodies = [person_body(r) for r in items]
    if lookup:
        matched = [r["id"] for r in items]
        await db.write(lambda session: lookups.record(session, caller, matched))
    page_body = Page[PersonRead](items=bodies, next_cursor=next_cursor)
    return json_response(page_body)


PERSON_ROUTES = StandardRoutes(
    persons,
    "person",
    PERSONS,
    PersonRead,
    reader=PersonReader,
    writer=PersonWriter,
    model=Person,
    writable=service.writable,
)
PERSON_ROUTES.get_one(
    repo.get_person,
    lambda row: PersonRead.model_validate(person_body(row)),
    read_many=repo.get_persons,
)
PERSON_ROUTES.create(
    PersonCreate,
    service.create_person,
    needs=[SettingsDep, PersonalDataDep],
    caller=RegistryWriter,  # not PersonWriter: there is no person yet to scope the caller to
    doc="Register a person. A repeated ID number is 409 `duplicate_person`.",
)
PERSON_ROUTES.put(
    PersonCreate,
    service.replace_person,
    create=service.create_person,
    needs=[SettingsDep, PersonalDataDep],
    doc="Create the person with this client-chosen id (201), or replace it (200). Idempotent.",
)
PERSON_ROUTES.update(PersonUpdate, service.update_person, needs=[SettingsDep, PersonalDataDep])
PERSON_ROUTES.delete(service.delete_person)
PERSON_ROUTES.action(
    "exit",
    PersonExit,
    service.exit_person,
    doc="Take the person off the register from `exited_on` (that day no longer counts).",
)
PERSON_ROUTES.action("reactivate", PersonReactivate, service.reactivate_person, needs=[SettingsDep])


@persons.post("/{person_id}/reveal", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def reveal_person(
    person_id: uuid.UUID,
    body: RevealRequest,
    caller: Revealer,
    uow: UnitOfWorkDep,
    pii: PersonalDataDep,
) -> Revealed:
    """The clear ID number and phones, for a stated purpose. Audited, never cached."""
    uow.commit_despite = (Forbidden, NotFound)  # the refused attempt stays on the audit record
    result = reveal.reveal(uow.session, pii, caller, person_id, body.purpose)
    uow.respond(result, headers={"Cache-Control": "no-store"})
    return result


async def _page_of_person(
    db: Database,
    caller: Principal,
    person_id: uuid.UUID,
    page: PageParams,
    page_model: type[PageT],
    rows: Callable[[Connection, uuid.UUID, PageParams], Sequence[Any]],
    sort_key: Callable[[Any], Sequence[Any]],
) -> PageT:
    """A list under one person (its history, its consents): only to a caller who may see the
    person, 404 otherwise, as for an unknown id (docs/privacy.md)."""
    if await db.read(lambda conn: repo.get_person(conn, caller, person_id)) is None:
        raise NotFound()
    return await read_page(db, page, page_model, lambda conn: rows(conn, person_id, page), sort_key)


@persons.get("/{person_id}/history", responses=ONE_ERRORS | problem_responses(400))
async def person_history(
    person_id: uuid.UUID, db: DatabaseDep, caller: PersonReader, page: Paging
) -> Page[HistoryEntry]:
    """Every version of the person, oldest first (field names only, never values)."""
    return await _page_of_person(
        db, caller, person_id, page, Page[HistoryEntry], repo.history, lambda r: (r["version"],)
    )


# --- consents ----------------------------------------------------------------------------


@persons.get("/{person_id}/consents", responses=ONE_ERRORS | problem_responses(400))
async def list_consents(
    person_id: uuid.UUID, db: DatabaseDep, caller: PersonReader, page: Paging
) -> Page[ConsentRead]:
    by_date = lambda r: (r["given_on"], r["id"])  # noqa: E731 - the cursor's sort key
    return await _page_of_person(
        db, caller, person_id, page, Page[ConsentRead], repo.list_consents, by_date
    )


@persons.post(
    "/{person_id}/consents",
    dependencies=JSON_BODY,
    status_code=HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
def create_consent(
    person_id: uuid.UUID, body: ConsentCreate, caller: PersonWriter, uow: IdempotentUnitOfWorkDep
) -> ConsentRead:
    """Record a consent. For a child under 14 only a guardian's consent counts (PIPL art. 31)."""
    return CONSENTS.created(uow, consents.add_consent(uow.session, caller, person_id, body))


@persons.post(
    "/{person_id}/consents/{consent_id}/withdraw", dependencies=JSON_BODY, responses=WRITE_ERRORS
)
def withdraw_consent(
    person_id: uuid.UUID,
    consent_id: uuid.UUID,
    body: ConsentWithdraw,
    caller: PersonWriter,
    uow: UnitOfWorkDep,
    if_match: IfMatch = None,
) -> ConsentRead:
    """From `withdrawn_on` on, the consent covers nothing."""
    consent = consents.withdraw_consent(
        uow.session, caller, person_id, consent_id, body.withdrawn_on, if_match
    )
    return CONSENTS.changed(uow, consent)

"""/referrals (CONTRACT §5): referrals and mandatory reports, their transitions, and what
partners read of them.

Reads are ``async def`` over Core queries (db.Database.read); writes are plain ``def`` and
run in the threadpool, one unit of work each. The rules live in service.py. A partner's
reads are audited, one event per person shown, in a short write unit before the response
leaves: no partner ever sees a person without the audit trail recording it.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.status import HTTP_201_CREATED

from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.idempotency import IdempotencyDep
from liushou.api.pagination import Page, Paging, page_of
from liushou.api.resources import resource_headers
from liushou.auth.dependencies import requires
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.clock import today
from liushou.errors import NotFound, problem_responses
from liushou.referrals import repository as repo
from liushou.referrals import service
from liushou.referrals.models import Referral, ReferralStatus, ReferralType, Urgency
from liushou.referrals.schemas import ReferralCreate, ReferralRead, ReferralTransitionRequest
from liushou.referrals.views import referral_body

Reader = Annotated[Principal, requires("referrals:read")]
Writer = Annotated[Principal, requires("referrals:write")]

READ_ERRORS = problem_responses(400, 401, 403, 422)
ONE_ERRORS = problem_responses(401, 403, 404, 422)
WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422)

referrals = APIRouter(prefix="/referrals", tags=["referrals"])


async def _audit_partner_reads(request: Request, caller: Principal, rows: list[Any]) -> None:
    if caller.role == Role.partner and rows:
        await request.app.state.db.write(
            lambda session: service.record_person_reads(session, caller, rows)
        )


def _read(session: Any, referral: Referral) -> ReferralRead:
    return ReferralRead.model_validate(referral_body(service.row(session, referral)))


@referrals.get("", responses=READ_ERRORS)
async def list_referrals(
    request: Request,
    caller: Reader,
    page: Paging,
    person_id: uuid.UUID | None = None,
    to_organization_id: uuid.UUID | None = None,
    status: ReferralStatus | None = None,
    type: ReferralType | None = None,
    urgency: Urgency | None = None,
    overdue: Annotated[
        bool | None,
        Query(description="true: due before today and still open, accepted or in progress"),
    ] = None,
    region_id: Annotated[
        uuid.UUID | None, Query(description="The person's region: its whole subtree")
    ] = None,
) -> Page[ReferralRead]:
    """Referrals, newest first: staff see those of the persons in their area; a partner
    those addressed to its organization (each person shown to a partner is audited)."""
    filters = repo.ReferralFilters(
        person_id=person_id,
        to_organization_id=to_organization_id,
        status=status,
        type=type,
        urgency=urgency,
        overdue=overdue,
        region_id=region_id,
    )
    day = today()
    rows = await request.app.state.db.read(
        lambda conn: repo.list_referrals(conn, caller, page, filters, day)
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["created_at"], r["id"]))
    await _audit_partner_reads(request, caller, items)
    return Page[ReferralRead](
        items=[ReferralRead.model_validate(referral_body(r, day)) for r in items],
        next_cursor=next_cursor,
    )


@referrals.get("/{referral_id}", responses=ONE_ERRORS)
async def get_referral(
    referral_id: uuid.UUID, request: Request, response: Response, caller: Reader
) -> ReferralRead:
    row = await request.app.state.db.read(lambda conn: repo.get_referral(conn, caller, referral_id))
    if row is None:
        raise NotFound()
    await _audit_partner_reads(request, caller, [row])
    response.headers["ETag"] = etag(row["version"])
    return ReferralRead.model_validate(referral_body(row))


@referrals.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_referral(
    body: ReferralCreate,
    request: Request,
    response: Response,
    caller: Writer,
    idem: IdempotencyDep,
) -> ReferralRead:
    """Refer a person to an organization, or report to it. Errors (422, nothing written):
    `consent_required`, `justification_required`, `invalid_legal_basis`,
    `invalid_organization`, `network_mismatch`, `date_in_past`, `person_not_active`; a
    person outside the caller's area is 404; partners cannot create (403
    `partner_cannot_create`)."""
    with request.app.state.db.session() as session:
        referral = service.create_referral(session, request.app.state.settings, caller, body)
        result = _read(session, referral)
        idem.commit_created(
            session,
            response,
            result,
            resource_headers(referral, f"/api/v1/referrals/{referral.id}"),
        )
    return result


@referrals.put(
    "/{referral_id}",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": ReferralRead, "description": "Created"}},
)
def put_referral(
    referral_id: uuid.UUID,
    body: ReferralCreate,
    request: Request,
    response: Response,
    caller: Writer,
    if_match: IfMatch = None,
) -> ReferralRead:
    """Create the referral with this client-chosen id (201), or replace its description
    while it is open (200; person, organization and type are fixed: 422 `immutable_field`;
    once it moved on: 409 `referral_not_open`). The same body again is a safe retry."""
    with request.app.state.db.session() as session:
        referral, created = service.replace_referral(
            session, request.app.state.settings, caller, referral_id, body, if_match
        )
        result = _read(session, referral)
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(
        resource_headers(referral, f"/api/v1/referrals/{referral.id}" if created else None)
    )
    return result


@referrals.post("/{referral_id}/transitions", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def transition_referral(
    referral_id: uuid.UUID,
    body: ReferralTransitionRequest,
    request: Request,
    response: Response,
    caller: Writer,
    idem: IdempotencyDep,
    if_match: IfMatch = None,
) -> ReferralRead:
    """Move the referral: open → accepted | declined | cancelled; accepted → in_progress |
    cancelled; in_progress → resolved | cancelled. Anything else is 409
    `invalid_transition`. A partner moves only the referrals addressed to it and never
    cancels (403 `partner_cannot_cancel`). With an `Idempotency-Key` a retry replays the
    first answer instead of meeting 409."""
    with request.app.state.db.session() as session:
        referral = service.transition(session, caller, referral_id, body, if_match)
        result = _read(session, referral)
        if caller.role == Role.partner:  # the answer shows the person: audited like a read
            service.record_person_reads(session, caller, [result.model_dump()])
        headers = resource_headers(referral)
        idem.store(session, 200, result.model_dump(mode="json"), headers)
        session.commit()
    response.headers.update(headers)
    return result

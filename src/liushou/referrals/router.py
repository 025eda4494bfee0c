"""/referrals: referrals and mandatory reports, their transitions, and what partners read
of them.

Reads are ``async def`` over Core queries (db.Database.read); writes are plain ``def`` over
the request's unit of work (docs/architecture.md); POST and PUT are declared on
api.routes.StandardRoutes, GET one and the transitions are handlers (they audit what a
partner is shown). The rules live in service.py. A partner's reads are audited, one event
per person shown, in a short write unit before the response leaves: no partner ever sees a
person without the audit trail recording it.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from sqlmodel import Session

from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import DatabaseDep, SettingsDep, Today
from liushou.api.pagination import Page, Paging, page_of
from liushou.api.responses import ONE_ERRORS, READ_ERRORS, WRITE_ERRORS
from liushou.api.routes import StandardRoutes
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import ReferralReader, ReferralWriter
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.errors import NotFound
from liushou.referrals import repository as repo
from liushou.referrals import service
from liushou.referrals.models import Referral, ReferralStatus, ReferralType, Urgency
from liushou.referrals.schemas import ReferralCreate, ReferralRead, ReferralTransitionRequest
from liushou.referrals.serializers import referral_body

referrals = APIRouter(prefix="/referrals", tags=["referrals"])


async def _audit_partner_reads(db: DatabaseDep, caller: Principal, rows: list[Any]) -> None:
    if caller.role == Role.partner and rows:
        await db.write(lambda session: service.record_person_reads(session, caller, rows))


def _read(session: Session, referral: Referral) -> ReferralRead:
    return ReferralRead.model_validate(referral_body(service.row(session, referral)))


REFERRALS = ResourceWrites("/referrals/{row.id}", _read)


@referrals.get("", responses=READ_ERRORS)
async def list_referrals(
    db: DatabaseDep,
    day: Today,
    caller: ReferralReader,
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
    rows = await db.read(lambda conn: repo.list_referrals(conn, caller, page, filters, day))
    items, next_cursor = page_of(rows, page, lambda r: (r["created_at"], r["id"]))
    await _audit_partner_reads(db, caller, items)
    return Page[ReferralRead](
        items=[ReferralRead.model_validate(referral_body(r, day)) for r in items],
        next_cursor=next_cursor,
    )


@referrals.get("/{referral_id}", responses=ONE_ERRORS)
async def get_referral(
    referral_id: uuid.UUID, db: DatabaseDep, response: Response, caller: ReferralReader
) -> ReferralRead:
    row = await db.read(lambda conn: repo.get_referral(conn, caller, referral_id))
    if row is None:
        raise NotFound()
    await _audit_partner_reads(db, caller, [row])
    response.headers["ETag"] = etag(row["version"])
    return ReferralRead.model_validate(referral_body(row))


REFERRAL_ROUTES = StandardRoutes(
    referrals, "referral", REFERRALS, ReferralRead, reader=ReferralReader, writer=ReferralWriter
)
REFERRAL_ROUTES.create(
    ReferralCreate,
    service.create_referral,
    needs=[SettingsDep],
    doc="""Refer a person to an organization, or report to it. Errors (422, nothing written):
    `consent_required`, `justification_required`, `invalid_legal_basis`,
    `invalid_organization`, `network_mismatch`, `date_in_past`, `person_not_active`; a
    person outside the caller's area is 404; partners cannot create (403
    `partner_cannot_create`).""",
)
REFERRAL_ROUTES.put(
    ReferralCreate,
    service.replace_referral,
    needs=[SettingsDep],
    doc="""Create the referral with this client-chosen id (201), or replace its description
    while it is open (200; person, organization and type are fixed: 422 `immutable_field`;
    once it moved on: 409 `referral_not_open`). The same body again is a safe retry.""",
)


@referrals.post("/{referral_id}/transitions", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def transition_referral(
    referral_id: uuid.UUID,
    body: ReferralTransitionRequest,
    caller: ReferralWriter,
    uow: IdempotentUnitOfWorkDep,
    if_match: IfMatch = None,
) -> ReferralRead:
    """Move the referral: open → accepted | declined | cancelled; accepted → in_progress |
    cancelled; in_progress → resolved | cancelled. Anything else is 409
    `invalid_transition`. A partner moves only the referrals addressed to it and never
    cancels (403 `partner_cannot_cancel`). With an `Idempotency-Key` a retry replays the
    first answer instead of meeting 409."""
    referral = service.transition(uow.session, caller, referral_id, body, if_match)
    result = REFERRALS.changed(uow, referral)
    if caller.role == Role.partner:  # the answer shows the person: audited like a read
        service.record_person_reads(uow.session, caller, [result.model_dump()])
    return result

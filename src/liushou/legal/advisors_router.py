"""/legal-advisors: the lawyers and grassroots legal workers who serve villages
(docs/legal.md, "Advisors"). The list is a handler; every other route is declared on
api.routes.StandardRoutes. The rules live in advisors_service.py."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import Session

from liushou.api.dependencies import DatabaseDep
from liushou.api.pagination import Page, Paging, read_page
from liushou.api.params import SearchText
from liushou.api.responses import READ_ERRORS
from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import LegalReader, LegalWriter
from liushou.legal import advisors_repository as repo
from liushou.legal import advisors_service as service
from liushou.legal.advisors_schemas import AdvisorCreate, AdvisorRead, AdvisorUpdate
from liushou.legal.models import LegalAdvisor

legal_advisors = APIRouter(prefix="/legal-advisors", tags=["legal-advisors"])


def _read(_: Session, row: LegalAdvisor) -> AdvisorRead:
    return AdvisorRead.model_validate(row)


ADVISORS: ResourceWrites[LegalAdvisor, AdvisorRead] = ResourceWrites(
    "/legal-advisors/{row.id}", _read
)


@legal_advisors.get("", responses=READ_ERRORS)
async def list_legal_advisors(
    db: DatabaseDep,
    caller: LegalReader,
    page: Paging,
    law_firm_id: uuid.UUID | None = None,
    active: bool | None = None,
    q: Annotated[
        SearchText | None, Query(max_length=100, description="The name contains this text")
    ] = None,
) -> Page[AdvisorRead]:
    """Live advisors by name. Every legal:read caller sees them all (they are published on
    the hotline cards), except a `legal_advisor` login, which sees its own."""
    filters = repo.AdvisorFilters(law_firm_id=law_firm_id, active=active, q=q)
    return await read_page(
        db,
        page,
        Page[AdvisorRead],
        lambda conn: repo.list_advisors(conn, caller, page, filters),
        lambda r: (r["name"], r["id"]),
        AdvisorRead.model_validate,
    )


ADVISOR_ROUTES = StandardRoutes(
    legal_advisors,
    "legal_advisor",
    ADVISORS,
    AdvisorRead,
    reader=LegalReader,
    writer=LegalWriter,
)
ADVISOR_ROUTES.get_one(repo.get_advisor, AdvisorRead.model_validate)
ADVISOR_ROUTES.create(
    AdvisorCreate,
    service.create_advisor,
    doc="""Register an advisor. A firm that is not a live `law_firm` or
    `grassroots_legal_service` the caller may see is 422 `invalid_law_firm`; a licence
    number held by another live advisor 409 `duplicate_license` (with `existing_id`); a
    `user_id` that is not a `legal_advisor` login 422 `invalid_advisor_user`, one already
    linked 409 `advisor_user_linked`. Administrators and street staff only (403
    `legal_manager_required`).""",
)
ADVISOR_ROUTES.put(
    AdvisorCreate,
    service.replace_advisor,
    doc="Create the advisor with this client-chosen id (201), or replace it (200).",
)
ADVISOR_ROUTES.update(
    AdvisorUpdate,
    service.update_advisor,
    doc="""Change some fields. Another firm while the advisor has a contract not yet ended
    is 409 `advisor_has_contracts`.""",
)
ADVISOR_ROUTES.delete(
    service.delete_advisor,
    doc="Soft delete; refused (409 `advisor_has_contracts`) while a contract has not ended.",
)

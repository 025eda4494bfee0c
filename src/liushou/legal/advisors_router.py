"""/legal-advisors: the lawyers and grassroots legal workers who serve villages
(docs/legal.md, "Advisors"). Every route is declared on api.routes.StandardRoutes. The rules live in advisors_service.py."""

from __future__ import annotations

from fastapi import APIRouter

from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import LegalReader, LegalWriter
from liushou.legal import advisors_repository as repo
from liushou.legal import advisors_service as service
from liushou.legal.advisors_schemas import AdvisorCreate, AdvisorRead, AdvisorUpdate
from liushou.legal.models import LegalAdvisor

legal_advisors = APIRouter(prefix="/legal-advisors", tags=["legal-advisors"])


ADVISORS: ResourceWrites[LegalAdvisor, AdvisorRead] = ResourceWrites.of_row(
    "/legal-advisors/{row.id}", AdvisorRead
)


ADVISOR_ROUTES = StandardRoutes(
    legal_advisors,
    "legal_advisor",
    ADVISORS,
    AdvisorRead,
    reader=LegalReader,
    writer=LegalWriter,
    model=LegalAdvisor,
    writable=service.writable,
)
ADVISOR_ROUTES.list(
    repo.AdvisorFilters,
    repo.list_advisors,
    ("name", "id"),
    body=AdvisorRead.model_validate,
    doc="""Live advisors by name. Every legal:read caller sees them all (they are published on
    the hotline cards), except a `legal_advisor` login, which sees its own.""",
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
    create=service.create_advisor,
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

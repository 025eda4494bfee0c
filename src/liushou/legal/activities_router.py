"""/legal-activities: the legal service log (服务台账, one record per matter; docs/legal.md).

Every route is declared on api.routes.StandardRoutes. The rules live in activities_service.py, the scoped queries in activities_repository.py.
"""

from __future__ import annotations

from fastapi import APIRouter

from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import LegalReader, LegalWriter
from liushou.legal import activities_repository as repo
from liushou.legal import activities_service as service
from liushou.legal.activities_schemas import (
    LegalActivityCreate,
    LegalActivityRead,
    LegalActivityUpdate,
)
from liushou.legal.models import LegalActivity

legal_activities = APIRouter(prefix="/legal-activities", tags=["legal-activities"])


LEGAL_ACTIVITIES: ResourceWrites[LegalActivity, LegalActivityRead] = ResourceWrites.of_row(
    "/legal-activities/{row.id}", LegalActivityRead
)


LEGAL_ACTIVITY_ROUTES = StandardRoutes(
    legal_activities,
    "legal_activity",
    LEGAL_ACTIVITIES,
    LegalActivityRead,
    reader=LegalReader,
    writer=LegalWriter,
    model=LegalActivity,
    writable=service.writable,
)
LEGAL_ACTIVITY_ROUTES.list(
    repo.LegalActivityFilters,
    repo.list_activities,
    ("held_on", "id"),
    body=LegalActivityRead.model_validate,
    name="list_legal_activities",
    doc="""The activities the caller may see (a legal advisor: its own; others: held in their
    area), newest `held_on` first. `from` after `to` is 422 `invalid_period`.""",
)
LEGAL_ACTIVITY_ROUTES.get_one(
    repo.get_activity, LegalActivityRead.model_validate, read_many=repo.get_activities
)
LEGAL_ACTIVITY_ROUTES.create(
    LegalActivityCreate,
    service.create_activity,
    doc="""Record one matter an advisor handled. `contract_id` is set from the advisor's
    contract covering the village on `held_on`. With a `person_id`, a `consultation` also
    records the person's `legal_consultation` service record, a `mediation`,
    `petition_assistance` or `case_representation` a `rights_protection` one. Errors (422,
    nothing written): `invalid_advisor`, `invalid_region` (not a village of your area),
    `village_not_under_contract`, `date_in_future`, `invalid_person`,
    `person_outside_village`, `person_not_active`; a legal advisor naming another advisor:
    403 `not_your_advisor`.""",
)
LEGAL_ACTIVITY_ROUTES.put(
    LegalActivityCreate,
    service.replace_activity,
    create=service.create_activity,
    doc="""Create the activity with this client-chosen id (201), or replace it (200): the
    person's service record follows the new type, person and day in the same transaction.
    The same body again changes nothing.""",
)
LEGAL_ACTIVITY_ROUTES.update(
    LegalActivityUpdate,
    service.update_activity,
    doc="""Change the given fields (the rules of a create for what changes); the contract
    is looked up again when the advisor, the village or the day changes.""",
)
LEGAL_ACTIVITY_ROUTES.delete(
    service.delete_activity,
    doc="Soft delete; the service record it wrote for its person goes with it.",
)

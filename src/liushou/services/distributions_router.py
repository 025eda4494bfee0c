"""/distributions: materials handed out in a region (宣传单, 宣传袋, 学习用品,
便民找法服务卡). Every route is declared on api.routes.StandardRoutes. The rules live in distributions_service.py."""

from __future__ import annotations

from fastapi import APIRouter

from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import ServiceReader, ServiceWriter
from liushou.services import distributions_repository as repo
from liushou.services import distributions_service as service
from liushou.services.distributions_schemas import (
    DistributionCreate,
    DistributionRead,
    DistributionUpdate,
)
from liushou.services.models import Distribution

distributions = APIRouter(prefix="/distributions", tags=["distributions"])


DISTRIBUTIONS: ResourceWrites[Distribution, DistributionRead] = ResourceWrites.of_row(
    "/distributions/{row.id}", DistributionRead
)


DISTRIBUTION_ROUTES = StandardRoutes(
    distributions,
    "distribution",
    DISTRIBUTIONS,
    DistributionRead,
    reader=ServiceReader,
    writer=ServiceWriter,
    model=Distribution,
    writable=service.writable,
)
DISTRIBUTION_ROUTES.list(
    repo.DistributionFilters,
    repo.list_distributions,
    ("distributed_on", "id"),
    body=DistributionRead.model_validate,
    doc="""Distributions in the caller's area, newest `distributed_on` first. `from` after `to`
    is 422 `invalid_period`.""",
)
DISTRIBUTION_ROUTES.get_one(
    repo.get_distribution, DistributionRead.model_validate, read_many=repo.get_distributions
)
DISTRIBUTION_ROUTES.create(
    DistributionCreate,
    service.create_distribution,
    doc="""Record materials handed out. A region outside the caller's area is 422
    `invalid_region`; `distributed_on` in the future 422 `date_in_future`; an activity that
    does not exist or that the caller may not see 422 `invalid_activity`.""",
)
DISTRIBUTION_ROUTES.put(
    DistributionCreate,
    service.replace_distribution,
    create=service.create_distribution,
    doc="Create the distribution with this client-chosen id (201), or replace it (200).",
)
DISTRIBUTION_ROUTES.update(
    DistributionUpdate,
    service.update_distribution,
    doc="Change some fields (the same rules as a create for what changes).",
)
DISTRIBUTION_ROUTES.delete(service.delete_distribution, doc="Soft delete.")

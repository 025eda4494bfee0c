"""/regions and /organizations: thin handlers over the repository (reads) and service (writes).

Reads are ``async def`` (no threadpool hop, see db.Database.read) and validate their rows
into the response model themselves (api.responses.json_response), so FastAPI does not
validate and serialize them a second time; the ``response_model=`` they declare keeps the
OpenAPI document. Writes are plain ``def`` over the request's unit of work
(docs/architecture.md). The lists are handlers here; the routes every resource has (one by
id, POST, PUT, PATCH, DELETE) are declared on api.routes.StandardRoutes.
"""

from __future__ import annotations

from fastapi import APIRouter

from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import Admin, SignedIn
from liushou.regions import repository as repo
from liushou.regions import service
from liushou.regions.models import Organization, Region
from liushou.regions.schemas import (
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
    RegionCreate,
    RegionRead,
    RegionUpdate,
)

regions = APIRouter(prefix="/regions", tags=["regions"])
organizations = APIRouter(prefix="/organizations", tags=["organizations"])

REGIONS: ResourceWrites[Region, RegionRead] = ResourceWrites.of_row("/regions/{row.id}", RegionRead)
ORGANIZATIONS: ResourceWrites[Organization, OrganizationRead] = ResourceWrites.of_row(
    "/organizations/{row.id}", OrganizationRead
)


REGION_ROUTES = StandardRoutes(
    regions,
    "region",
    REGIONS,
    RegionRead,
    reader=SignedIn,
    writer=Admin,
    model=Region,
)
REGION_ROUTES.list(
    repo.RegionFilters,
    repo.list_regions,
    ("code", "id"),
    doc="Regions visible to the caller: its own subtree and the regions above it.",
)
REGION_ROUTES.get_one(repo.get_region, RegionRead.model_validate)
REGION_ROUTES.create(RegionCreate, service.create_region)
REGION_ROUTES.put(
    RegionCreate,
    service.replace_region,
    create=service.create_region,
    doc="Create the region with this client-chosen id (201), or replace it (200). Idempotent.",
)
REGION_ROUTES.update(RegionUpdate, service.update_region)
REGION_ROUTES.delete(
    service.delete_region,
    doc="Soft delete; refused (409) while child regions or organizations remain.",
)


ORGANIZATION_ROUTES = StandardRoutes(
    organizations,
    "organization",
    ORGANIZATIONS,
    OrganizationRead,
    reader=SignedIn,
    writer=Admin,
    model=Organization,
)
ORGANIZATION_ROUTES.list(repo.OrganizationFilters, repo.list_organizations, ("name", "id"))
ORGANIZATION_ROUTES.get_one(repo.get_organization, OrganizationRead.model_validate)
ORGANIZATION_ROUTES.create(OrganizationCreate, service.create_organization)
ORGANIZATION_ROUTES.put(
    OrganizationCreate,
    service.replace_organization,
    create=service.create_organization,
    doc="Create the organization with this client-chosen id (201), or replace it (200).",
)
ORGANIZATION_ROUTES.update(OrganizationUpdate, service.update_organization)
ORGANIZATION_ROUTES.delete(service.delete_organization)

"""/regions and /organizations: thin handlers over the repository (reads) and service (writes).

Reads are ``async def`` (no threadpool hop, see db.Database.read) and validate their rows
into the response model themselves (api.responses.json_response), so FastAPI does not
validate and serialize them a second time; the ``response_model=`` they declare keeps the
OpenAPI document. Writes are plain ``def`` over the request's unit of work
(docs/architecture.md). The lists are handlers here; the routes every resource has (one by
id, POST, PUT, PATCH, DELETE) are declared on api.routes.StandardRoutes.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from liushou.api.dependencies import DatabaseDep
from liushou.api.pagination import Page, Paging, read_page
from liushou.api.params import SearchText
from liushou.api.responses import READ_ERRORS, json_response
from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import Admin, SignedIn
from liushou.regions import repository as repo
from liushou.regions import service
from liushou.regions.models import Network, Organization, OrganizationType, Region, RegionLevel
from liushou.regions.schemas import (
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
    RegionCreate,
    RegionRead,
    RegionUpdate,
)

RegionPage = Page[RegionRead]
OrganizationPage = Page[OrganizationRead]

regions = APIRouter(prefix="/regions", tags=["regions"])
organizations = APIRouter(prefix="/organizations", tags=["organizations"])

REGIONS: ResourceWrites[Region, RegionRead] = ResourceWrites(
    "/regions/{row.id}", lambda _, row: RegionRead.model_validate(row)
)
ORGANIZATIONS: ResourceWrites[Organization, OrganizationRead] = ResourceWrites(
    "/organizations/{row.id}", lambda _, row: OrganizationRead.model_validate(row)
)


@regions.get("", response_model=RegionPage, responses=READ_ERRORS)
async def list_regions(
    db: DatabaseDep,
    caller: SignedIn,
    page: Paging,
    parent_id: uuid.UUID | None = None,
    level: RegionLevel | None = None,
    within: Annotated[
        uuid.UUID | None, Query(description="A region id: that region and its whole subtree")
    ] = None,
) -> Response:
    """Regions visible to the caller: its own subtree and the regions above it."""
    answer = await read_page(
        db,
        page,
        RegionPage,
        lambda conn: repo.list_regions(
            conn, caller, page, parent_id=parent_id, level=level, within=within
        ),
        lambda r: (r["code"], r["id"]),
    )
    return json_response(answer)


REGION_ROUTES = StandardRoutes(
    regions, "region", REGIONS, RegionRead, reader=SignedIn, writer=Admin
)
REGION_ROUTES.get_one(repo.get_region, RegionRead.model_validate)
REGION_ROUTES.create(RegionCreate, service.create_region)
REGION_ROUTES.put(
    RegionCreate,
    service.replace_region,
    doc="Create the region with this client-chosen id (201), or replace it (200). Idempotent.",
)
REGION_ROUTES.update(RegionUpdate, service.update_region)
REGION_ROUTES.delete(
    service.delete_region,
    doc="Soft delete; refused (409) while child regions or organizations remain.",
)


@organizations.get("", response_model=OrganizationPage, responses=READ_ERRORS)
async def list_organizations(
    db: DatabaseDep,
    caller: SignedIn,
    page: Paging,
    type: OrganizationType | None = None,  # noqa: A002 - the contract's field name
    network: Network | None = None,
    region_id: Annotated[
        uuid.UUID | None, Query(description="Organizations in this region's subtree")
    ] = None,
    q: Annotated[
        SearchText | None,
        Query(max_length=100, description="Name contains"),
    ] = None,
) -> Response:
    answer = await read_page(
        db,
        page,
        OrganizationPage,
        lambda conn: repo.list_organizations(
            conn, caller, page, type_=type, network=network, within=region_id, q=q
        ),
        lambda r: (r["name"], r["id"]),
    )
    return json_response(answer)


ORGANIZATION_ROUTES = StandardRoutes(
    organizations, "organization", ORGANIZATIONS, OrganizationRead, reader=SignedIn, writer=Admin
)
ORGANIZATION_ROUTES.get_one(repo.get_organization, OrganizationRead.model_validate)
ORGANIZATION_ROUTES.create(OrganizationCreate, service.create_organization)
ORGANIZATION_ROUTES.put(
    OrganizationCreate,
    service.replace_organization,
    doc="Create the organization with this client-chosen id (201), or replace it (200).",
)
ORGANIZATION_ROUTES.update(OrganizationUpdate, service.update_organization)
ORGANIZATION_ROUTES.delete(service.delete_organization)

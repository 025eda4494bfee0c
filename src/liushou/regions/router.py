"""/regions and /organizations: thin handlers over the repository (reads) and service (writes).

Reads are ``async def`` (no threadpool hop, see db.Database.read) and validate their rows
into the response model themselves (api.responses.json_response), so FastAPI does not
validate and serialize them a second time; the ``response_model=`` they declare keeps the
OpenAPI document. Writes are plain ``def`` over the request's unit of work
(docs/architecture.md).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import DatabaseDep
from liushou.api.pagination import Page, Paging, page_of
from liushou.api.params import SearchText
from liushou.api.responses import (
    ONE_ERRORS,
    READ_ERRORS,
    WRITE_ERRORS,
    json_response,
    put_responses,
)
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep, UnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.dependencies import requires
from liushou.auth.principal import Principal
from liushou.errors import NotFound
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

Reader = Annotated[Principal, requires()]
Admin = Annotated[Principal, requires("admin")]
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
    caller: Reader,
    page: Paging,
    parent_id: uuid.UUID | None = None,
    level: RegionLevel | None = None,
    within: Annotated[
        uuid.UUID | None, Query(description="A region id: that region and its whole subtree")
    ] = None,
) -> Response:
    """Regions visible to the caller: its own subtree and the regions above it."""
    rows = await db.read(
        lambda conn: repo.list_regions(
            conn, caller, page, parent_id=parent_id, level=level, within=within
        )
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["code"], r["id"]))
    return json_response(RegionPage(items=items, next_cursor=next_cursor))


@regions.get("/{region_id}", response_model=RegionRead, responses=ONE_ERRORS)
async def get_region(region_id: uuid.UUID, db: DatabaseDep, caller: Reader) -> Response:
    row = await db.read(lambda conn: repo.get_region(conn, caller, region_id))
    if row is None:
        raise NotFound()
    return json_response(RegionRead.model_validate(row), {"ETag": etag(row["version"])})


@regions.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_region(body: RegionCreate, caller: Admin, uow: IdempotentUnitOfWorkDep) -> RegionRead:
    return REGIONS.created(uow, service.create_region(uow.session, caller, body))


@regions.put("/{region_id}", dependencies=JSON_BODY, responses=put_responses(RegionRead))
def put_region(
    region_id: uuid.UUID,
    body: RegionCreate,
    caller: Admin,
    uow: UnitOfWorkDep,
    if_match: IfMatch = None,
) -> RegionRead:
    """Create the region with this client-chosen id (201), or replace it (200). Idempotent."""
    outcome = service.replace_region(uow.session, caller, region_id, body, if_match)
    return REGIONS.put(uow, outcome)


@regions.patch("/{region_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_region(
    region_id: uuid.UUID,
    body: RegionUpdate,
    caller: Admin,
    uow: UnitOfWorkDep,
    if_match: IfMatch = None,
) -> RegionRead:
    region = service.update_region(uow.session, caller, region_id, body, if_match)
    return REGIONS.changed(uow, region)


@regions.delete("/{region_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_region(
    region_id: uuid.UUID, caller: Admin, uow: UnitOfWorkDep, if_match: IfMatch = None
) -> Response:
    """Soft delete; refused (409) while child regions or organizations remain."""
    service.delete_region(uow.session, caller, region_id, if_match)
    return REGIONS.deleted()


@organizations.get("", response_model=OrganizationPage, responses=READ_ERRORS)
async def list_organizations(
    db: DatabaseDep,
    caller: Reader,
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
    rows = await db.read(
        lambda conn: repo.list_organizations(
            conn, caller, page, type_=type, network=network, within=region_id, q=q
        )
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["name"], r["id"]))
    return json_response(OrganizationPage(items=items, next_cursor=next_cursor))


@organizations.get("/{organization_id}", response_model=OrganizationRead, responses=ONE_ERRORS)
async def get_organization(organization_id: uuid.UUID, db: DatabaseDep, caller: Reader) -> Response:
    row = await db.read(lambda conn: repo.get_organization(conn, caller, organization_id))
    if row is None:
        raise NotFound()
    return json_response(OrganizationRead.model_validate(row), {"ETag": etag(row["version"])})


@organizations.post(
    "", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS
)
def create_organization(
    body: OrganizationCreate, caller: Admin, uow: IdempotentUnitOfWorkDep
) -> OrganizationRead:
    return ORGANIZATIONS.created(uow, service.create_organization(uow.session, caller, body))


@organizations.put(
    "/{organization_id}", dependencies=JSON_BODY, responses=put_responses(OrganizationRead)
)
def put_organization(
    organization_id: uuid.UUID,
    body: OrganizationCreate,
    caller: Admin,
    uow: UnitOfWorkDep,
    if_match: IfMatch = None,
) -> OrganizationRead:
    """Create the organization with this client-chosen id (201), or replace it (200)."""
    outcome = service.replace_organization(uow.session, caller, organization_id, body, if_match)
    return ORGANIZATIONS.put(uow, outcome)


@organizations.patch("/{organization_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_organization(
    organization_id: uuid.UUID,
    body: OrganizationUpdate,
    caller: Admin,
    uow: UnitOfWorkDep,
    if_match: IfMatch = None,
) -> OrganizationRead:
    org = service.update_organization(uow.session, caller, organization_id, body, if_match)
    return ORGANIZATIONS.changed(uow, org)


@organizations.delete("/{organization_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_organization(
    organization_id: uuid.UUID, caller: Admin, uow: UnitOfWorkDep, if_match: IfMatch = None
) -> Response:
    service.delete_organization(uow.session, caller, organization_id, if_match)
    return ORGANIZATIONS.deleted()

"""/regions and /organizations: thin handlers over the repository (reads) and service (writes).

Reads are ``async def`` (no threadpool hop, see db.Database.read); writes are plain ``def``
and run in the threadpool, one unit of work each.

Reads validate their rows into the response model themselves and return the serialized
JSON (:func:`_json`), so FastAPI does not validate and serialize them a second time; the
``response_model=`` they declare keeps the OpenAPI document as it was.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.idempotency import IdempotencyDep
from liushou.api.pagination import Page, Paging, page_of
from liushou.api.params import SearchText
from liushou.api.resources import resource_headers
from liushou.auth.dependencies import requires
from liushou.auth.principal import Principal
from liushou.errors import NotFound, problem_responses
from liushou.regions import repository as repo
from liushou.regions import service
from liushou.regions.models import Network, OrganizationType, RegionLevel
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

READ_ERRORS = problem_responses(400, 401, 403, 422)
ONE_ERRORS = problem_responses(401, 403, 404, 422)
WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422)

regions = APIRouter(prefix="/regions", tags=["regions"])
organizations = APIRouter(prefix="/organizations", tags=["organizations"])


def _json(body: BaseModel, headers: dict[str, str] | None = None) -> Response:
    """The body as FastAPI would serialize it for its response model (same bytes)."""
    return Response(body.model_dump_json().encode(), media_type="application/json", headers=headers)


@regions.get("", response_model=RegionPage, responses=READ_ERRORS)
async def list_regions(
    request: Request,
    caller: Reader,
    page: Paging,
    parent_id: uuid.UUID | None = None,
    level: RegionLevel | None = None,
    within: Annotated[
        uuid.UUID | None, Query(description="A region id: that region and its whole subtree")
    ] = None,
) -> Response:
    """Regions visible to the caller: its own subtree and the regions above it."""
    rows = await request.app.state.db.read(
        lambda conn: repo.list_regions(
            conn, caller, page, parent_id=parent_id, level=level, within=within
        )
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["code"], r["id"]))
    return _json(RegionPage(items=items, next_cursor=next_cursor))


@regions.get("/{region_id}", response_model=RegionRead, responses=ONE_ERRORS)
async def get_region(region_id: uuid.UUID, request: Request, caller: Reader) -> Response:
    row = await request.app.state.db.read(lambda conn: repo.get_region(conn, caller, region_id))
    if row is None:
        raise NotFound()
    return _json(RegionRead.model_validate(row), {"ETag": etag(row["version"])})


@regions.post("", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS)
def create_region(
    body: RegionCreate, request: Request, response: Response, caller: Admin, idem: IdempotencyDep
) -> RegionRead:
    with request.app.state.db.session() as session:
        region = service.create_region(session, caller, body)
        result = RegionRead.model_validate(region)
        idem.commit_created(
            session, response, result, resource_headers(region, f"/api/v1/regions/{region.id}")
        )
    return result


@regions.put(
    "/{region_id}",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": RegionRead, "description": "Created"}},
)
def put_region(
    region_id: uuid.UUID,
    body: RegionCreate,
    request: Request,
    response: Response,
    caller: Admin,
    if_match: IfMatch = None,
) -> RegionRead:
    """Create the region with this client-chosen id (201), or replace it (200). Idempotent."""
    with request.app.state.db.session() as session:
        region, created = service.replace_region(session, caller, region_id, body, if_match)
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(resource_headers(region))
    return RegionRead.model_validate(region)


@regions.patch("/{region_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_region(
    region_id: uuid.UUID,
    body: RegionUpdate,
    request: Request,
    response: Response,
    caller: Admin,
    if_match: IfMatch = None,
) -> RegionRead:
    with request.app.state.db.session() as session:
        region = service.update_region(session, caller, region_id, body, if_match)
        session.commit()
    response.headers.update(resource_headers(region))
    return RegionRead.model_validate(region)


@regions.delete("/{region_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_region(
    region_id: uuid.UUID, request: Request, caller: Admin, if_match: IfMatch = None
) -> Response:
    """Soft delete; refused (409) while child regions or organizations remain."""
    with request.app.state.db.session() as session:
        service.delete_region(session, caller, region_id, if_match)
        session.commit()
    return Response(status_code=HTTP_204_NO_CONTENT)


@organizations.get("", response_model=OrganizationPage, responses=READ_ERRORS)
async def list_organizations(
    request: Request,
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
    rows = await request.app.state.db.read(
        lambda conn: repo.list_organizations(
            conn, caller, page, type_=type, network=network, within=region_id, q=q
        )
    )
    items, next_cursor = page_of(rows, page, lambda r: (r["name"], r["id"]))
    return _json(OrganizationPage(items=items, next_cursor=next_cursor))


@organizations.get("/{organization_id}", response_model=OrganizationRead, responses=ONE_ERRORS)
async def get_organization(
    organization_id: uuid.UUID, request: Request, caller: Reader
) -> Response:
    row = await request.app.state.db.read(
        lambda conn: repo.get_organization(conn, caller, organization_id)
    )
    if row is None:
        raise NotFound()
    return _json(OrganizationRead.model_validate(row), {"ETag": etag(row["version"])})


@organizations.post(
    "", dependencies=JSON_BODY, status_code=HTTP_201_CREATED, responses=WRITE_ERRORS
)
def create_organization(
    body: OrganizationCreate,
    request: Request,
    response: Response,
    caller: Admin,
    idem: IdempotencyDep,
) -> OrganizationRead:
    with request.app.state.db.session() as session:
        org = service.create_organization(session, caller, body)
        result = OrganizationRead.model_validate(org)
        idem.commit_created(
            session, response, result, resource_headers(org, f"/api/v1/organizations/{org.id}")
        )
    return result


@organizations.put(
    "/{organization_id}",
    dependencies=JSON_BODY,
    responses={**WRITE_ERRORS, 201: {"model": OrganizationRead, "description": "Created"}},
)
def put_organization(
    organization_id: uuid.UUID,
    body: OrganizationCreate,
    request: Request,
    response: Response,
    caller: Admin,
    if_match: IfMatch = None,
) -> OrganizationRead:
    """Create the organization with this client-chosen id (201), or replace it (200)."""
    with request.app.state.db.session() as session:
        org, created = service.replace_organization(
            session, caller, organization_id, body, if_match
        )
        session.commit()
    response.status_code = HTTP_201_CREATED if created else 200
    response.headers.update(resource_headers(org))
    return OrganizationRead.model_validate(org)


@organizations.patch("/{organization_id}", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def update_organization(
    organization_id: uuid.UUID,
    body: OrganizationUpdate,
    request: Request,
    response: Response,
    caller: Admin,
    if_match: IfMatch = None,
) -> OrganizationRead:
    with request.app.state.db.session() as session:
        org = service.update_organization(session, caller, organization_id, body, if_match)
        session.commit()
    response.headers.update(resource_headers(org))
    return OrganizationRead.model_validate(org)


@organizations.delete("/{organization_id}", status_code=HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_organization(
    organization_id: uuid.UUID, request: Request, caller: Admin, if_match: IfMatch = None
) -> Response:
    with request.app.state.db.session() as session:
        service.delete_organization(session, caller, organization_id, if_match)
        session.commit()
    return Response(status_code=HTTP_204_NO_CONTENT)

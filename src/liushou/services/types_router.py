"""/service-types: the catalogue of services (docs/services.md). Any holder of services:read
reads it; only an admin writes it (types_service.py has the rules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter

from liushou.api.pagination import Page
from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import Admin, ServiceReader
from liushou.services import types_repository as repo
from liushou.services import types_service as service
from liushou.services.models import ServiceType
from liushou.services.schemas import ServiceTypeCreate, ServiceTypeRead, ServiceTypeUpdate

service_types = APIRouter(prefix="/service-types", tags=["service-types"])

ServiceTypePage = Page[ServiceTypeRead]


def _type(row: Mapping[str, Any]) -> ServiceTypeRead:
    return ServiceTypeRead.model_validate(dict(row))


TYPES: ResourceWrites[ServiceType, ServiceTypeRead] = ResourceWrites(
    "/service-types/{row.id}", lambda _, row: _type(row.model_dump())
)


TYPE_ROUTES = StandardRoutes(
    service_types,
    "service_type",
    TYPES,
    ServiceTypeRead,
    reader=ServiceReader,
    writer=Admin,
    model=ServiceType,
)
TYPE_ROUTES.list(
    repo.TypeFilters,
    repo.list_types,
    ("code",),
    body=_type,
    doc="The live service types by code; `category`: the types meant for that category.",
)
TYPE_ROUTES.get_one(repo.get_type, _type)
TYPE_ROUTES.create(
    ServiceTypeCreate,
    service.create_type,
    doc="""Add a service type (admin). A code already given out, even to a deleted type, is
    409 `service_type_exists` (with `existing_id`).""",
)
TYPE_ROUTES.put(
    ServiceTypeCreate,
    service.replace_type,
    create=service.create_type,
    doc="""Create the type with this client-chosen id (201), or replace its description (200;
    the code is fixed: 422 `immutable_field`).""",
)
TYPE_ROUTES.update(
    ServiceTypeUpdate,
    service.update_type,
    doc="Change a type's name, programme, categories or unit (admin); `code` is fixed.",
)
TYPE_ROUTES.delete(
    service.delete_type,
    doc="""Soft delete (admin): no new record may use the type, its records stay. A seeded
    type cannot be deleted (409 `service_type_seeded`).""",
)

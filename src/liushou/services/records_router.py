"""/service-records: one service delivered to one person (docs/services.md).

Reads are ``async def`` over Core queries scoped to the caller (records_repository.py);
writes are plain ``def`` over the request's unit of work, declared on
api.routes.StandardRoutes; the rules live in records_service.py and services/rules.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter
from sqlmodel import Session

from liushou.api.pagination import Page
from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import ServiceReader, ServiceWriter
from liushou.services import records_repository as repo
from liushou.services import records_service as service
from liushou.services.models import ServiceRecord
from liushou.services.schemas import (
    ServiceRecordCreate,
    ServiceRecordRead,
    ServiceRecordUpdate,
)

service_records = APIRouter(prefix="/service-records", tags=["service-records"])

ServiceRecordPage = Page[ServiceRecordRead]


def _record(row: Mapping[str, Any]) -> ServiceRecordRead:
    return ServiceRecordRead.model_validate(dict(row))


def _written(session: Session, record: ServiceRecord) -> ServiceRecordRead:
    return _record(service.row(session, record))


RECORDS: ResourceWrites[ServiceRecord, ServiceRecordRead] = ResourceWrites(
    "/service-records/{row.id}", _written
)


RECORD_ROUTES = StandardRoutes(
    service_records,
    "service_record",
    RECORDS,
    ServiceRecordRead,
    reader=ServiceReader,
    writer=ServiceWriter,
)
RECORD_ROUTES.list(
    repo.RecordFilters,
    repo.list_records,
    ("delivered_on", "id"),
    body=_record,
    doc="""The records of the persons the caller may see, newest `delivered_on` first.
    `region_id`: the person's region's subtree. `from` after `to` is 422 `invalid_period`.""",
)
RECORD_ROUTES.get_one(repo.get_record, _record, read_many=repo.get_records)
RECORD_ROUTES.create(
    ServiceRecordCreate,
    service.create_record,
    doc="""Record a service delivered to a person. Errors (422, nothing written):
    `invalid_service_type`, `service_not_for_category`, `date_in_future`, `person_not_active`
    (not on the register that day), `invalid_organization`, `invalid_caretaker`; a person
    the caller may not see is 404.""",
)
RECORD_ROUTES.put(
    ServiceRecordCreate,
    service.replace_record,
    doc="""Create the record with this client-chosen id (201), or replace it (200; the person
    is fixed: 422 `immutable_field`). The same body again is a safe retry. A record made by
    an activity or a wish is 409 `managed_by_activity`.""",
)
RECORD_ROUTES.update(
    ServiceRecordUpdate,
    service.update_record,
    doc="""Change a record; what changes is checked again (type, day, references). A record
    made by an activity or a wish is 409 `managed_by_activity`.""",
)
RECORD_ROUTES.delete(
    service.delete_record,
    doc="Soft delete. A record made by an activity or a wish is 409 `managed_by_activity`.",
)

"""How every resource answers its writes, written once (docs/architecture.md, "Adding a
resource").

A router declares one :class:`ResourceWrites` per resource and each write handler is one
line over its service function::

    REGIONS = ResourceWrites("/regions/{row.id}", lambda session, row: RegionRead.model_validate(row))

    def create_region(body: RegionCreate, caller: Admin, uow: IdempotentUnitOfWorkDep) -> RegionRead:
        return REGIONS.created(uow, service.create_region(uow.session, caller, body))

The answers: POST creates (201, ``Location``, ``ETag``, stored for an Idempotency-Key
replay); PUT creates (201, ``Location``) or replaces (200); PATCH and the actions that
change a resource answer 200 with the new ``ETag``; DELETE answers 204. The unit of work
commits after the handler returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from pydantic import BaseModel
from sqlmodel import Session
from starlette.responses import Response
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from liushou.api.resources import resource_headers
from liushou.api.responses import API_PREFIX
from liushou.api.unit_of_work import UnitOfWork
from liushou.db import Resource

RowT = TypeVar("RowT", bound=Resource)
ReadT = TypeVar("ReadT", bound=BaseModel)


class ResourceWrites(Generic[RowT, ReadT]):
    """The write answers of one resource.

    ``location``: the resource's path below the API prefix, formatted with the row
    (``"/persons/{row.person_id}/consents/{row.id}"``). ``read``: the response body of a
    row, built in the write's transaction (so it equals what a GET answers right after).
    ``read_created``: the body of a row this transaction created, when part of what
    ``read`` looks up is known without looking (a new person has no assignment, so its care
    alerts need no query); it must give exactly what ``read`` gives (a test shows it).
    """

    def __init__(
        self,
        location: str,
        read: Callable[[Session, RowT], ReadT],
        read_created: Callable[[Session, RowT], ReadT] | None = None,
    ) -> None:
        self._location = API_PREFIX + location
        self._read = read
        self._read_created = read_created or read

    @classmethod
    def of_row(cls, location: str, read_model: type[ReadT]) -> ResourceWrites[RowT, ReadT]:
        """The writes of a resource whose body is its row as it stands."""
        return cls(location, lambda _, row: read_model.model_validate(row))

    def location(self, row: RowT) -> str:
        return self._location.format(row=row)

    def created(self, uow: UnitOfWork, row: RowT) -> ReadT:
        """POST: 201 with Location and ETag."""
        result = self._read_created(uow.session, row)
        return self._respond(uow, row, result, HTTP_201_CREATED, self.location(row))

    def put(self, uow: UnitOfWork, outcome: tuple[RowT, bool]) -> ReadT:
        """PUT: 201 with Location when it created the row, else 200; ETag either way."""
        row, created = outcome
        if created:
            return self.created(uow, row)
        return self.changed(uow, row)

    def changed(self, uow: UnitOfWork, row: RowT) -> ReadT:
        """PATCH or an action on the resource: 200 with the new ETag."""
        return self._respond(uow, row, self._read(uow.session, row), 200, None)

    @staticmethod
    def deleted() -> Response:
        """DELETE: 204, no body."""
        return Response(status_code=HTTP_204_NO_CONTENT)

    @staticmethod
    def _respond(
        uow: UnitOfWork, row: RowT, result: ReadT, status: int, location: str | None
    ) -> ReadT:
        uow.respond(result, status=status, headers=resource_headers(row, location))
        return result

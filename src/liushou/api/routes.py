"""The standard routes of a resource, declared once each (docs/architecture.md, "Adding a
resource").

Every resource reads one row, creates, replaces, changes and deletes the same way: only
its models, callers, service functions and texts differ. A router declares those routes
on a :class:`StandardRoutes`, one call a route, and writes by hand only the routes that do
something else (actions that are not a plain change, a reveal, a list that audits)::

    ROUTES = StandardRoutes(
        regions, "region", REGIONS, RegionRead, reader=Reader, writer=Admin, model=Region
    )
    ROUTES.list(repo.RegionFilters, repo.list_regions, ("code", "id"))
    ROUTES.get_one(repo.get_region, RegionRead.model_validate)
    ROUTES.create(RegionCreate, service.create_region)
    ROUTES.put(RegionCreate, service.replace_region, create=service.create_region)
    ROUTES.update(RegionUpdate, service.update_region)
    ROUTES.delete(service.delete_region, doc="Soft delete; refused (409) while ...")

Each call adds its route to the router at once (so routes keep the order of the calls),
declared as a handwritten handler would be: its name (``put_region``: operation id
``putRegion``, summary "Put Region"), the path parameter (``region_id``), the
headers (``If-Match``; ``Idempotency-Key`` on POST), JSON-only bodies, the status codes and
the error sets of api/responses.py. ``doc`` is the description a docstring would give.

A write calls its service function with ``(session, *needs, caller, [id], [body],
[if_match])``, the order every service function of the project follows: ``needs`` are the
dependencies it takes after the session (``SettingsDep``, ``PersonalDataDep``), in its
order. A resource that declares its ``model`` has the routes load the row of a PUT, a
PATCH and an action, and its services take the row in place of the id and If-Match
(:class:`StandardRoutes`). The answer is
:class:`~liushou.api.writes.ResourceWrites`'; the route then commits
the unit of work on its own thread (``UnitOfWork.commit``, api/unit_of_work.py).
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, Generic, NamedTuple, TypeVar, get_args

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy.engine import Connection
from sqlmodel import Session
from starlette.responses import Response
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from liushou.api import resources
from liushou.api.concurrency import IfMatch, etag
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import DatabaseDep
from liushou.api.filters import ListFilters
from liushou.api.pagination import Page, PageParams, Paging, read_page
from liushou.api.responses import (
    ONE_ERRORS,
    READ_ERRORS,
    WRITE_ERRORS,
    json_response,
    put_responses,
)
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep, UnitOfWork, UnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.principal import Principal
from liushou.db import Database, Resource
from liushou.errors import NotFound

RowT = TypeVar("RowT", bound=Resource)
ReadMany = Callable[
    [Connection, Principal, Sequence[uuid.UUID]], Mapping[uuid.UUID, Mapping[Any, Any]]
]
ReadT = TypeVar("ReadT", bound=BaseModel)
FiltersT = TypeVar("FiltersT", bound=ListFilters)

# The check of the row a write loads, made for the caller: ``writable(session, caller)``.
Writable = Callable[[Session, Principal], Callable[[RowT], RowT]]


class _Write(NamedTuple):
    """What a standard write route was given, for its service function."""

    uow: UnitOfWork
    needs: tuple[Any, ...]
    caller: Principal
    resource_id: uuid.UUID | None
    body: Any
    if_match: str | None

    @property
    def session(self) -> Session:
        return self.uow.session

    @property
    def given(self) -> tuple[uuid.UUID | None, Any, str | None]:
        """What a service that loads the row itself takes after the caller."""
        return self.resource_id, self.body, self.if_match


class OneReader(NamedTuple):
    """The read of GET /{id}: the scoped row (None: 404) and the body made of it.
    ``read_many``, when given, is ``read_row`` of many ids in one query (the change feed
    reads a page's resources so): the rows ``read_row`` would give, by id, the others
    absent."""

    read_row: Callable[[Connection, Principal, uuid.UUID], Mapping[Any, Any] | None]
    body: Callable[[Mapping[Any, Any]], BaseModel]
    read_many: ReadMany | None = None


class StandardRoutes(Generic[RowT, ReadT]):
    """The GET-one, POST, PUT, PATCH and DELETE routes of one resource.

    ``resource`` names the routes and the path parameter (``"region"``: ``get_region``,
    ``region_id``); ``writes`` answers the writes, ``read_model`` is the response body;
    ``reader`` and ``writer`` are the caller dependencies of the read and of the writes
    (``Annotated[Principal, requires(...)]``).

    ``model``, the resource's table: the routes load the row a PUT, a PATCH or an action
    writes, and hand the service the row (docs/architecture.md, "Adding a resource"):
    locked, live (a PUT: 409 once deleted), checked by ``writable(session, caller)`` (the
    check of a row, 404 for one the caller may not see; a check that needs no row, such as
    a role, runs in ``writable`` itself, before the row is read) and at the version
    If-Match names (412). Without ``model`` the service loads it: it takes the id and
    If-Match (a resource whose check needs more than the row: the person it locks first,
    a deleted row that must look unknown).
    """

    def __init__(
        self,
        router: APIRouter,
        resource: str,
        writes: ResourceWrites[RowT, ReadT],
        read_model: type[ReadT],
        *,
        reader: Any,
        writer: Any,
        model: type[RowT] | None = None,
        writable: Writable[RowT] | None = None,
    ) -> None:
        self._router = router
        self._model = model
        self._writable = writable
        self._resource = resource
        self._id = f"{resource}_id"
        self._writes = writes
        self._read_model = read_model
        self._reader = reader
        self._writer = writer
        # What GET /{id} reads and answers, kept for the change feed's ``data``
        # (liushou.changes.readers: the feed shows a resource exactly as its GET does).
        self.read_one: OneReader | None = None

    @property
    def read_scopes(self) -> frozenset[str]:
        """The scopes the read routes require (the reader's ``Security`` marker)."""
        return frozenset(get_args(self._reader)[1].scopes)

    def list(
        self,
        filters: type[FiltersT],
        read_rows: Callable[[Connection, Principal, PageParams, FiltersT], Sequence[Any]],
        order: Sequence[str],
        *,
        body: Callable[[Mapping[Any, Any]], ReadT] | None = None,
        name: str | None = None,
        doc: str | None = None,
    ) -> None:
        """GET: one page of the resources the caller may see (:func:`list_route`);
        ``name`` names the handler (``list_<resource>s`` by default)."""
        list_route(
            self._router,
            self._read_model,
            self._reader,
            filters,
            read_rows,
            order,
            body=body,
            name=name or f"list_{self._resource}s",
            doc=doc,
        )

    def get_one(
        self,
        read_row: Callable[[Connection, Principal, uuid.UUID], Mapping[Any, Any] | None],
        body: Callable[[Mapping[Any, Any]], ReadT],
        *,
        read_many: ReadMany | None = None,
    ) -> None:
        """GET /{id}: the row as the caller may see it (404 when it may not, or there is
        none), with its ETag. ``read_row`` is the repository's scoped query; ``body`` makes
        the response of the row, validated once (api.responses.json_response).
        ``read_many``: the same read of many ids at once, for the change feed (OneReader)."""
        id_name = self._id
        self.read_one = OneReader(read_row, body, read_many)

        async def get_one(**values: Any) -> Response:
            db: Database = values["db"]
            caller: Principal = values["caller"]
            row = await db.read(lambda conn: read_row(conn, caller, values[id_name]))
            if row is None:
                raise NotFound()
            return json_response(body(row), {"ETag": etag(row["version"])})

        params = [(id_name, uuid.UUID), ("db", DatabaseDep), ("caller", self._reader)]
        self._router.add_api_route(
            self._one,
            _endpoint(get_one, f"get_{self._resource}", None, params),
            methods=["GET"],
            response_model=self._read_model,
            responses=ONE_ERRORS,
        )

    def create(
        self,
        body: type[BaseModel],
        create: Callable[..., RowT],
        *,
        needs: Sequence[Any] = (),
        caller: Any = None,
        doc: str | None = None,
    ) -> None:
        """POST: 201 with Location; an Idempotency-Key replays it. ``caller`` replaces the
        writer (a person's writes are scoped to the person, its creation cannot be)."""

        def call(w: _Write) -> ReadT:
            return self._writes.created(w.uow, create(w.session, *w.needs, w.caller, w.body))

        self._add_write(
            "POST",
            "",
            "create",
            call,
            body=body,
            needs=needs,
            doc=doc,
            caller=caller,
            uow=IdempotentUnitOfWorkDep,
            status_code=HTTP_201_CREATED,
        )

    def put(
        self,
        body: type[BaseModel],
        replace: Callable[..., Any],
        *,
        create: Callable[..., RowT] | None = None,
        writable: Writable[RowT] | None = None,
        needs: Sequence[Any] = (),
        doc: str | None = None,
    ) -> None:
        """PUT /{id}: create the resource with the client's id (201 with Location), or
        replace it (200). With ``model``: no row with this id, ``create(session, *needs,
        caller, body, id)``; else ``replace(session, *needs, caller, row, body)``;
        ``writable`` replaces the resource's check for the PUT. Without:
        ``replace(session, *needs, caller, id, body, if_match)`` returns the row and
        whether it created it."""

        def call(w: _Write) -> ReadT:
            if self._model is None:
                outcome = replace(w.session, *w.needs, w.caller, *w.given)
                return self._writes.put(w.uow, outcome)
            assert create is not None and w.resource_id is not None
            check = self._check(w, writable)
            row = resources.for_replace(w.session, self._model, w.resource_id, w.if_match, check)
            if row is None:
                made = create(w.session, *w.needs, w.caller, w.body, w.resource_id)
                return self._writes.created(w.uow, made)
            replace(w.session, *w.needs, w.caller, row, w.body)
            return self._writes.changed(w.uow, row)

        responses = put_responses(self._read_model)
        self._add_write(
            "PUT", self._one, "put", call, body=body, needs=needs, doc=doc, responses=responses
        )

    def update(
        self,
        body: type[BaseModel],
        update: Callable[..., RowT | None],
        *,
        needs: Sequence[Any] = (),
        doc: str | None = None,
    ) -> None:
        """PATCH /{id}: 200 with the new ETag. ``update(session, *needs, caller, row,
        body)`` with ``model`` (it may return None: the row changed), else
        ``update(session, *needs, caller, id, body, if_match)`` returns the row."""
        self._add_change("PATCH", self._one, "update", body, update, needs, doc)

    def action(
        self,
        action: str,
        body: type[BaseModel],
        act: Callable[..., RowT | None],
        *,
        needs: Sequence[Any] = (),
        doc: str | None = None,
    ) -> None:
        """POST /{id}/``action`` (``"exit"``: ``exit_person``), a change that is not a
        PATCH: 200 with the new ETag; ``act`` is called as :meth:`update` calls its
        function (a row it returns is the answer: a renewal answers the new contract)."""
        path = f"{self._one}/{action}"
        self._add_change("POST", path, action, body, act, needs, doc)

    def delete(self, delete: Callable[..., None], *, doc: str | None = None) -> None:
        """DELETE /{id}: 204, no body."""

        def call(w: _Write) -> Response:
            delete(w.session, w.caller, w.resource_id, w.if_match)
            return self._writes.deleted()

        self._add_write(
            "DELETE",
            self._one,
            "delete",
            call,
            body=None,
            needs=(),
            doc=doc,
            status_code=HTTP_204_NO_CONTENT,
        )

    def _check(self, w: _Write, writable: Writable[RowT] | None) -> Callable[[RowT], RowT] | None:
        """The check of the row a write loads (the resource's unless the route names one)."""
        factory = writable or self._writable
        return None if factory is None else factory(w.session, w.caller)

    def _add_change(
        self,
        method: str,
        path: str,
        verb: str,
        body: type[BaseModel],
        change: Callable[..., RowT | None],
        needs: Sequence[Any],
        doc: str | None,
    ) -> None:
        def call(w: _Write) -> ReadT:
            if self._model is None:
                changed = change(w.session, *w.needs, w.caller, *w.given)
            else:
                assert w.resource_id is not None
                model, check = self._model, self._check(w, None)
                row = resources.for_change(w.session, model, w.resource_id, w.if_match, check)
                changed = change(w.session, *w.needs, w.caller, row, w.body) or row
            assert changed is not None
            return self._writes.changed(w.uow, changed)

        self._add_write(method, path, verb, call, body=body, needs=needs, doc=doc)

    @property
    def _one(self) -> str:
        """The path of one resource: ``/{region_id}``."""
        return "/{" + self._id + "}"

    def _add_write(
        self,
        method: str,
        path: str,
        verb: str,
        call: Callable[[_Write], Any],
        *,
        body: type[BaseModel] | None,
        needs: Sequence[Any],
        doc: str | None,
        caller: Any = None,
        uow: Any = UnitOfWorkDep,
        status_code: int | None = None,
        responses: dict[int | str, Any] = WRITE_ERRORS,
    ) -> None:
        # The parameters in the order the handwritten handlers had them (it decides the
        # order of the headers in the OpenAPI document): [id], [body], caller, unit of
        # work, needs, [If-Match]. Every write but the creating POST addresses one resource.
        one = path.startswith(self._one)
        need_names = [f"need_{i}" for i in range(len(needs))]
        params: list[tuple[str, Any]] = [(self._id, uuid.UUID)] if one else []
        if body is not None:
            params.append(("body", body))
        params += [("caller", caller or self._writer), ("uow", uow)]
        params += zip(need_names, needs, strict=True)
        if one:
            params.append(("if_match", IfMatch))

        def write(**values: Any) -> Any:
            needed = tuple(values[n] for n in need_names)
            given = (values.get(self._id), values.get("body"), values.get("if_match"))
            answer = call(_Write(values["uow"], needed, values["caller"], *given))
            values["uow"].commit()  # on this thread (api/unit_of_work.py, UnitOfWork.commit)
            return answer

        self._router.add_api_route(
            path,
            _endpoint(write, f"{verb}_{self._resource}", doc, params),
            methods=[method],
            response_model=None if method == "DELETE" else self._read_model,
            status_code=status_code,
            responses=responses,
            dependencies=None if method == "DELETE" else JSON_BODY,
        )


def _endpoint(
    handler: Callable[..., Any], name: str, doc: str | None, params: list[tuple[str, Any]]
) -> Callable[..., Any]:
    """``handler`` (taking ``**values``) under the name, docstring and signature FastAPI
    reads a route's contract from: ``params`` as (name, annotation), the ``if_match``
    header optional, as on a handwritten handler."""
    handler.__name__ = handler.__qualname__ = name
    handler.__doc__ = doc
    handler.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                param_name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=annotation,
                default=None if param_name == "if_match" else inspect.Parameter.empty,
            )
            for param_name, annotation in params
        ]
    )
    return handler


def list_route(
    router: APIRouter,
    read_model: type[ReadT],
    reader: Any,
    filters: type[FiltersT],
    read_rows: Callable[[Connection, Principal, PageParams, FiltersT], Sequence[Any]],
    order: Sequence[str],
    *,
    name: str,
    body: Callable[[Mapping[Any, Any]], ReadT] | None = None,
    doc: str | None = None,
) -> None:
    """GET on ``router``: one page of what ``reader`` (the caller dependency) may see.
    ``filters`` are the query parameters (api/filters.py); ``read_rows`` is the
    repository's scoped keyset query, ordered on the row keys ``order`` (the cursor is made
    of them); ``body`` makes an item of a row (the row as it is by default). A list with
    no other route (the audit events) declares it alone; a resource's, through
    :meth:`StandardRoutes.list`."""
    model = Page[read_model]  # type: ignore[valid-type]

    async def list_(**values: Any) -> Response:
        caller: Principal = values["caller"]
        page: PageParams = values["page"]
        given: FiltersT = values["filters"]
        given.check()
        answer = await read_page(
            values["db"],
            page,
            model,
            lambda conn: read_rows(conn, caller, page, given),
            lambda row: tuple(row[key] for key in order),
            body,
        )
        return json_response(answer)

    params = [
        ("db", DatabaseDep),
        ("caller", reader),
        ("page", Paging),
        ("filters", Annotated[filters, Query()]),
    ]
    router.add_api_route(
        "",
        _endpoint(list_, name, doc, params),
        methods=["GET"],
        response_model=model,
        responses=READ_ERRORS,
    )

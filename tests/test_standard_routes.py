"""api.routes.StandardRoutes: the routes it declares look to FastAPI as the handwritten
handlers did (names, paths, parameters, status codes), and its writes hand the service
functions what the request gave, in the order the services take it. The real resources'
routes are exercised over HTTP by their own tests and by tests/test_openapi.py."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.routing import APIRoute
from pydantic import BaseModel

from liushou.api.routes import StandardRoutes
from liushou.api.writes import ResourceWrites
from liushou.db import Resource


class WidgetBody(BaseModel):
    name: str


class WidgetRead(BaseModel):
    id: uuid.UUID
    version: int


async def _caller() -> str:
    return "caller"


async def _setting() -> str:
    return "setting"


Caller = Annotated[str, Depends(_caller)]
Setting = Annotated[str, Depends(_setting)]


class FakeUnitOfWork:
    session = "session"

    def __init__(self) -> None:
        self.answers: list[tuple[int, dict[str, str]]] = []
        self.steps: list[str] = []

    def respond(self, body, *, status=200, headers=None):
        self.answers.append((status, dict(headers or {})))
        self.steps.append("respond")

    def commit(self):
        self.steps.append("commit")


def _widgets(calls: list[tuple]) -> tuple[APIRouter, Resource]:
    row = Resource(id=uuid.uuid4(), version=3)

    def service(name):
        def call(*args):
            calls.append((name, *args))
            return (row, True) if name == "replace" else None if name == "delete" else row

        return call

    router = APIRouter(prefix="/widgets", tags=["widgets"])
    writes = ResourceWrites(
        "/widgets/{row.id}", lambda _, r: WidgetRead(id=r.id, version=r.version)
    )
    routes = StandardRoutes(router, "widget", writes, WidgetRead, reader=Caller, writer=Caller)
    routes.get_one(lambda conn, caller, widget_id: None, WidgetRead.model_validate)
    routes.create(WidgetBody, service("create"), needs=[Setting], doc="Make one.")
    routes.put(WidgetBody, service("replace"), needs=[Setting])
    routes.update(WidgetBody, service("update"))
    routes.action("polish", WidgetBody, service("polish"), needs=[Setting])
    routes.delete(service("delete"), doc="Soft delete.")
    return router, row


def _by_name(router: APIRouter) -> dict[str, APIRoute]:
    return {route.name: route for route in router.routes if isinstance(route, APIRoute)}


def test_the_routes_are_declared_in_call_order_as_handwritten_handlers() -> None:
    router, _ = _widgets([])
    declared = [
        (route.name, sorted(route.methods), route.path, route.status_code)
        for route in _by_name(router).values()
    ]
    assert declared == [
        ("get_widget", ["GET"], "/widgets/{widget_id}", None),
        ("create_widget", ["POST"], "/widgets", 201),
        ("put_widget", ["PUT"], "/widgets/{widget_id}", None),
        ("update_widget", ["PATCH"], "/widgets/{widget_id}", None),
        ("polish_widget", ["POST"], "/widgets/{widget_id}/polish", None),
        ("delete_widget", ["DELETE"], "/widgets/{widget_id}", 204),
    ]


def test_each_route_takes_the_parameters_of_its_kind() -> None:
    routes = _by_name(_widgets([])[0])

    def parameters(name: str) -> tuple[list[str], list[str], bool]:
        dependant = routes[name].dependant
        headers = [h.alias for sub in dependant.dependencies for h in sub.header_params]
        headers += [h.alias for h in dependant.header_params]
        return [p.name for p in dependant.path_params], headers, bool(dependant.body_params)

    assert parameters("get_widget") == (["widget_id"], [], False)
    assert parameters("create_widget") == ([], ["Idempotency-Key"], True)
    assert parameters("put_widget") == (["widget_id"], ["If-Match"], True)
    assert parameters("polish_widget") == (["widget_id"], ["If-Match"], True)
    assert parameters("delete_widget") == (["widget_id"], ["If-Match"], False)
    assert routes["create_widget"].description == "Make one."
    assert routes["put_widget"].description == ""
    assert routes["put_widget"].response_model is WidgetRead
    assert routes["delete_widget"].response_model is None


def test_a_write_hands_its_service_the_request_in_the_services_order() -> None:
    calls: list[tuple] = []
    router, row = _widgets(calls)
    routes = _by_name(router)
    uow = FakeUnitOfWork()
    body = WidgetBody(name="w")
    widget_id = uuid.uuid4()
    one = {"widget_id": widget_id, "body": body, "caller": "caller", "uow": uow}

    created = routes["create_widget"].endpoint(body=body, caller="caller", uow=uow, need_0="s")
    routes["put_widget"].endpoint(**one, need_0="s", if_match='"2"')
    routes["update_widget"].endpoint(**one, if_match=None)
    routes["polish_widget"].endpoint(**one, need_0="s", if_match='"3"')
    deleted = routes["delete_widget"].endpoint(
        widget_id=widget_id, caller="caller", uow=uow, if_match='"4"'
    )

    assert calls == [
        ("create", "session", "s", "caller", body),
        ("replace", "session", "s", "caller", widget_id, body, '"2"'),
        ("update", "session", "caller", widget_id, body, None),
        ("polish", "session", "s", "caller", widget_id, body, '"3"'),
        ("delete", "session", "caller", widget_id, '"4"'),
    ]
    assert created == WidgetRead(id=row.id, version=3)
    location = f"/api/v1/widgets/{row.id}"
    assert [status for status, _ in uow.answers] == [201, 201, 200, 200]
    assert uow.answers[0][1] == {"ETag": '"3"', "Location": location}
    assert deleted.status_code == 204
    # Each write commits in its handler, after its answer (and an Idempotency-Key's stored
    # copy of it) is in the transaction.
    assert uow.steps == ["respond", "commit"] * 4 + ["commit"]

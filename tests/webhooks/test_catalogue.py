"""The OpenAPI document publishes the events as ``webhooks`` (docs/webhooks.md, "Events"):
every event a subscription may name, with the headers and the payload a receiver gets."""

from __future__ import annotations

from typing import Any

from standardwebhooks import Webhook

from liushou.webhooks.rules import EVENTS
from tests.guardianship.helpers import create_person
from tests.webhooks.helpers import send, subscribe


def _resolved(schema: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    return document["components"]["schemas"][ref.rsplit("/", 1)[1]]  # type: ignore[no-any-return]


def test_every_event_is_published_with_its_headers(client) -> None:
    document = client.get("/openapi.json").json()
    assert list(document["webhooks"]) == list(EVENTS)
    for event, operations in document["webhooks"].items():
        operation = operations["post"]
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}, event
        assert set(operation["responses"]) == {"200"}, event
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert _resolved(body, document)["properties"]["type"]["enum"] == list(EVENTS)


def test_a_real_delivery_matches_the_published_payload(client, world, app, receiver) -> None:
    document = client.get("/openapi.json").json()
    event = _resolved(
        document["webhooks"]["person.created"]["post"]["requestBody"]["content"][
            "application/json"
        ]["schema"],
        document,
    )
    data = _resolved(event["properties"]["data"], document)

    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)
    assert send(app) == 1
    [got] = receiver.requests
    payload = Webhook(sub["secret"]).verify(got.body, got.headers)

    assert set(payload) == set(event["properties"]) == set(event["required"])
    assert payload["type"] in event["properties"]["type"]["enum"]
    assert set(payload["data"]) == set(data["properties"]) == set(data["required"])
    assert isinstance(payload["data"]["version"], int)
    assert data["properties"]["version"]["type"] == "integer"

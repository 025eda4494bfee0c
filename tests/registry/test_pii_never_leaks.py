"""Clear ID numbers and phone numbers leave the service only through reveal: never in another
response body, an audit row, a version row, a stored idempotent response, or the log."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.clock import today
from tests.conftest import make_settings
from tests.factories import build_world
from tests.registry.factories import (
    PERSONS,
    child_body,
    table_text,
    years_ago,
)


def _secrets(body: dict) -> list[str]:
    return [body["id_number"], body["phone"], body["child_profile"]["guardian_phone"]]


def _exercise(client: TestClient, world, body: dict, other: dict) -> list[str]:
    """Every route that touches the person, with its clear values in the requests; returns
    the text of every response (reveal excluded)."""
    staff, admin = world.as_("staff"), world.as_("admin")
    texts: list[str] = []

    def keep(response):
        assert response.status_code < 500, response.text
        texts.append(response.text)
        texts.append(json.dumps(dict(response.headers)))
        return response

    created = keep(
        client.post(PERSONS, json=body, headers={**staff, "Idempotency-Key": "leak-1"})
    ).json()
    keep(client.post(PERSONS, json=body, headers={**staff, "Idempotency-Key": "leak-1"}))
    pid = created["id"]
    keep(client.post(PERSONS, json=body, headers=staff))  # 409 duplicate_person
    keep(
        client.post(
            PERSONS, json={**other, "id_number": body["id_number"][:17] + "0"}, headers=staff
        )
    )
    keep(client.post(PERSONS, json={**other, "phone": body["phone"] + "9"}, headers=staff))
    keep(
        client.post(
            PERSONS, json={**other, "id_number": body["id_number"] + "12345678"}, headers=staff
        )
    )
    keep(client.get(f"{PERSONS}/{pid}", headers=staff))
    keep(client.get(PERSONS, headers=staff))
    keep(client.get(PERSONS, params={"id_number": body["id_number"]}, headers=staff))
    keep(client.get(PERSONS, params={"id_number": body["id_number"], "limit": 1}, headers=admin))
    keep(client.get(PERSONS, params={"as_of": str(today())}, headers=admin))
    keep(client.get(PERSONS, params={"q": body["phone"]}, headers=staff))
    person = keep(
        client.patch(
            f"{PERSONS}/{pid}",
            json={
                "phone": other["phone"],
                "child_profile": {"guardian_phone": other["child_profile"]["guardian_phone"]},
            },
            headers=staff,
        )
    ).json()
    keep(client.patch(f"{PERSONS}/{pid}", json={"id_number": other["id_number"]}, headers=staff))
    keep(client.put(f"{PERSONS}/{uuid.uuid4()}", json=body, headers=staff))  # 409
    keep(client.get(f"{PERSONS}/{pid}/history", headers=staff))
    keep(
        client.post(
            f"{PERSONS}/{pid}/consents",
            json={
                "given_by": "guardian",
                "guardian_name": "王秀兰",
                "recipients": ["womens_federation"],
                "purpose": "转介",
                "given_on": str(today()),
            },
            headers=staff,
        )
    )
    keep(client.get(f"{PERSONS}/{pid}/consents", headers=staff))
    keep(client.post(f"{PERSONS}/{pid}/reveal", json={"purpose": "x" * 501}, headers=staff))
    keep(
        client.post(
            f"{PERSONS}/{pid}/reveal", json={"purpose": "核对"}, headers=world.as_("auditor")
        )
    )
    revealed = client.post(f"{PERSONS}/{pid}/reveal", json={"purpose": "核对"}, headers=staff)
    assert revealed.json()["phone"] == other["phone"]  # reveal itself does give them
    keep(
        client.post(
            f"{PERSONS}/{pid}/exit",
            json={"exited_on": str(today()), "exit_reason": "parents_returned"},
            headers={**staff, "If-Match": f'"{person["version"] + 1}"'},
        )
    )
    keep(client.get("/api/v1/audit-events", params={"limit": 500}, headers=admin))
    keep(
        client.get(
            "/api/v1/persons/duplicate-candidates", params={"name": body["name"]}, headers=staff
        )
    )
    keep(client.delete(f"{PERSONS}/{pid}", headers=staff))
    return texts


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if s in text or s.lower() in text]


@pytest.fixture
def bodies(world):
    body = child_body(world.village, name="张伟", born=years_ago(9))
    other = child_body(world.village, name="李娜", born=years_ago(8, days=30))
    return body, other


def test_no_response_but_reveal_carries_clear_personal_data(client, world, bodies):
    body, other = bodies

    texts = _exercise(client, world, body, other)

    secrets = _secrets(body) + _secrets(other)
    leaked = [(s, t[:200]) for t in texts for s in _leaks(t, secrets)]
    assert leaked == []


@pytest.mark.parametrize(
    "table", ["audit_event", "person_version", "person", "consent", "idempotency_key"]
)
def test_no_table_holds_clear_personal_data(client, world, db, bodies, table):
    body, other = bodies
    _exercise(client, world, body, other)

    text = table_text(db, table)

    assert text  # the routes did write to it
    assert _leaks(text, _secrets(body) + _secrets(other)) == []


def test_the_log_never_holds_clear_personal_data(database_url, capfd):
    app = create_app(make_settings(database_url, log_level="DEBUG"))
    with TestClient(app, raise_server_exceptions=False) as client:
        world = build_world(app, app.state.db)
        body = child_body(world.village, born=years_ago(9))
        other = child_body(world.village, born=years_ago(8, days=30))
        capfd.readouterr()  # drop the start-up output
        _exercise(client, world, body, other)
        # a write the database itself refuses (the unique index), logged as integrity_error
        client.put(
            f"{PERSONS}/{uuid.uuid4()}",
            json={**body, "left_behind_since": str(today() - timedelta(days=3))},
            headers=world.as_("admin"),
        )

    out, err = capfd.readouterr()
    logged = out + err
    assert '"event": "request"' in logged or '"event":"request"' in logged  # logging was on
    assert _leaks(logged, _secrets(body) + _secrets(other)) == []

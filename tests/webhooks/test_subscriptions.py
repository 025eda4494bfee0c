"""Subscriptions through HTTP: who may manage them, the secret shown once, validation."""

from __future__ import annotations

import base64

from tests.guardianship.helpers import assert_problem
from tests.webhooks.helpers import SUBSCRIPTIONS, subscribe

URL = "http://127.0.0.1:9/hook"


def test_admin_creates_reads_changes_and_deletes(client, world) -> None:
    admin = world.as_("admin")
    created = client.post(
        SUBSCRIPTIONS,
        json={"url": URL, "events": ["visit.created", "person.created"], "description": "区平台"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert created.headers["Location"].endswith(f"/webhook-subscriptions/{body['id']}")
    assert created.headers["ETag"] == '"1"'
    assert body["secret"].startswith("whsec_")
    assert len(base64.b64decode(body["secret"].removeprefix("whsec_"))) == 32
    # the catalogue's order, whatever order was given
    assert body["events"] == ["person.created", "visit.created"]
    assert body["active"] is True and body["consecutive_failures"] == 0

    one = client.get(f"{SUBSCRIPTIONS}/{body['id']}", headers=admin)
    assert one.status_code == 200
    assert "secret" not in one.json() and "secret_cipher" not in one.json()
    listed = client.get(SUBSCRIPTIONS, headers=admin).json()["items"]
    assert [s["id"] for s in listed] == [body["id"]]
    assert all("secret" not in s for s in listed)

    patched = client.patch(
        f"{SUBSCRIPTIONS}/{body['id']}",
        json={"active": False, "events": ["person.updated"]},
        headers={**admin, "If-Match": '"1"'},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["active"] is False and patched.json()["deactivated_at"] is not None
    assert patched.json()["events"] == ["person.updated"]
    assert "secret" not in patched.json()
    stale = client.patch(
        f"{SUBSCRIPTIONS}/{body['id']}", json={"active": True}, headers={**admin, "If-Match": '"1"'}
    )
    assert_problem(stale, 412, "precondition_failed")

    assert client.delete(f"{SUBSCRIPTIONS}/{body['id']}", headers=admin).status_code == 204
    assert client.get(f"{SUBSCRIPTIONS}/{body['id']}", headers=admin).status_code == 404
    assert client.get(SUBSCRIPTIONS, headers=admin).json()["items"] == []


def test_the_secret_is_shown_at_creation_and_rotation_only(client, world) -> None:
    admin = world.as_("admin")
    created = subscribe(client, admin, URL, ["person.created"])
    rotated = client.post(f"{SUBSCRIPTIONS}/{created['id']}/rotate-secret", headers=admin)
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["secret"].startswith("whsec_")
    assert rotated.json()["secret"] != created["secret"]
    assert rotated.headers["ETag"] == '"2"'
    again = client.get(f"{SUBSCRIPTIONS}/{created['id']}", headers=admin).json()
    assert created["secret"] not in str(again) and rotated.json()["secret"] not in str(again)


def test_other_roles_are_refused(client, world) -> None:
    for who in ("staff", "auditor", "village", "volunteer", "lawyer"):
        headers = world.as_(who)
        assert_problem(client.get(SUBSCRIPTIONS, headers=headers), 403, "forbidden")
        refused = client.post(
            SUBSCRIPTIONS, json={"url": URL, "events": ["person.created"]}, headers=headers
        )
        assert_problem(refused, 403, "forbidden")


def test_partner_subscribes_to_referrals_only_and_sees_only_its_own(client, world) -> None:
    admin, partner = world.as_("admin"), world.as_("partner")
    refused = client.post(
        SUBSCRIPTIONS,
        json={"url": URL, "events": ["referral.created", "person.created"]},
        headers=partner,
    )
    problem = assert_problem(refused, 422, "event_not_allowed")
    assert problem["errors"][0]["loc"] == ["body", "events"]
    mine = subscribe(client, partner, URL, ["referral.created", "referral.updated"])
    assert mine["organization_id"] == str(world.police.id)
    admins = subscribe(client, admin, URL, ["person.created"])

    listed = client.get(SUBSCRIPTIONS, headers=partner).json()["items"]
    assert [s["id"] for s in listed] == [mine["id"]]
    assert client.get(f"{SUBSCRIPTIONS}/{admins['id']}", headers=partner).status_code == 404
    assert (
        client.patch(
            f"{SUBSCRIPTIONS}/{admins['id']}", json={"active": False}, headers=partner
        ).status_code
        == 404
    )
    assert client.delete(f"{SUBSCRIPTIONS}/{admins['id']}", headers=partner).status_code == 404
    rotate = client.post(f"{SUBSCRIPTIONS}/{admins['id']}/rotate-secret", headers=partner)
    assert rotate.status_code == 404
    deliveries = client.get(f"{SUBSCRIPTIONS}/{admins['id']}/deliveries", headers=partner)
    assert deliveries.status_code == 404
    # the admin sees every subscription
    every = {s["id"] for s in client.get(SUBSCRIPTIONS, headers=admin).json()["items"]}
    assert every == {mine["id"], admins["id"]}


def test_validation_codes(client, world) -> None:
    admin = world.as_("admin")

    def post(url: str, events: list[str]) -> object:
        return client.post(SUBSCRIPTIONS, json={"url": url, "events": events}, headers=admin)

    assert_problem(post(URL, ["person.exploded"]), 422, "unknown_event")
    assert_problem(post(URL, []), 422, "unknown_event")
    assert_problem(post("ftp://example.org/hook", ["person.created"]), 422, "invalid_url")
    assert_problem(post("not a url", ["person.created"]), 422, "invalid_url")
    assert_problem(post("http://user:pw@example.org/", ["person.created"]), 422, "invalid_url")
    created = subscribe(client, admin, URL, ["person.created"])
    patched = client.patch(
        f"{SUBSCRIPTIONS}/{created['id']}", json={"events": ["nope"]}, headers=admin
    )
    assert_problem(patched, 422, "unknown_event")


def test_an_idempotent_replay_does_not_show_the_secret_again(client, world) -> None:
    headers = {**world.as_("admin"), "Idempotency-Key": "sub-create-0001"}
    body = {"url": URL, "events": ["person.created"]}
    first = client.post(SUBSCRIPTIONS, json=body, headers=headers)
    assert first.status_code == 201 and first.json()["secret"].startswith("whsec_")
    replay = client.post(SUBSCRIPTIONS, json=body, headers=headers)
    assert replay.status_code == 201
    assert replay.json()["id"] == first.json()["id"]
    assert "secret" not in replay.json()


def test_the_secret_is_stored_encrypted(client, world, app) -> None:
    created = subscribe(client, world.as_("admin"), URL, ["person.created"])
    secret = created["secret"]
    with app.state.db.engine.connect() as conn:
        for table in ("webhook_subscription", "idempotency_key", "audit_event"):
            dump = str(conn.exec_driver_sql(f"SELECT * FROM {table}").all())
            assert secret not in dump and secret.removeprefix("whsec_") not in dump, table

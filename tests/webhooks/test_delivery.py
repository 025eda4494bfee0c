"""Deliveries: written with the change, signed as Standard Webhooks, retried on the
schedule, failed, deactivating a subscription after 3, retried by hand."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from liushou.auth.models import ApiClient
from liushou.registry.models import Person
from liushou.webhooks import repository as repo
from tests.guardianship.helpers import assert_problem, create_person, person_body
from tests.referrals.helpers import consent, referred
from tests.webhooks.helpers import API, SUBSCRIPTIONS, deliveries, delivery_count, send, subscribe


def test_a_change_is_delivered_signed_with_a_thin_payload(client, world, app, receiver) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created", "person.updated"])
    person = create_person(client, staff, world.community)

    pending = deliveries(client, admin, sub)
    assert [(d["status"], d["attempts"], d["event_type"]) for d in pending] == [
        ("pending", 0, "person.created")
    ]
    assert receiver.requests == []  # the API never sends
    assert send(app) == 1
    [got] = receiver.requests
    payload = Webhook(sub["secret"]).verify(got.body, got.headers)
    assert payload["type"] == "person.created"
    assert payload["data"] == {"id": person["id"], "resource_type": "person", "version": 1}
    assert payload["timestamp"].endswith("Z")
    assert got.headers["webhook-id"] == pending[0]["id"]
    assert got.headers["webhook-signature"].startswith("v1,")
    assert got.headers["content-type"] == "application/json"
    assert "name" not in got.body.decode()  # thin: nothing of the person but its id

    [done] = deliveries(client, admin, sub)
    assert (done["status"], done["attempts"], done["last_response_code"]) == ("succeeded", 1, 200)
    assert send(app) == 0  # nothing left
    # not subscribed: a visit, a deleted person would not be delivered; an update is
    changed = client.patch(f"{API}/persons/{person['id']}", json={"name": "张三丰"}, headers=staff)
    assert changed.status_code == 200, changed.text
    assert send(app) == 1
    second = json.loads(receiver.requests[1].body)
    assert (second["type"], second["data"]["version"]) == ("person.updated", 2)


def test_after_rotation_the_new_secret_verifies_and_the_old_does_not(
    client, world, app, receiver
) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    rotated = client.post(f"{SUBSCRIPTIONS}/{sub['id']}/rotate-secret", headers=admin).json()
    create_person(client, staff, world.community)
    assert send(app) == 1
    [got] = receiver.requests
    Webhook(rotated["secret"]).verify(got.body, got.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(sub["secret"]).verify(got.body, got.headers)


def test_the_delivery_is_written_in_the_transaction_of_the_change(
    client, world, app, receiver
) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    subscribe(client, admin, receiver.url, ["person.updated"])
    person = create_person(client, staff, world.community)
    assert delivery_count(app) == 0  # person.created: not subscribed
    with Session(app.state.db.engine) as session:
        row = session.get(Person, uuid.UUID(person["id"]))
        assert row is not None
        row.name = "王改名"
        row.version += 1
        session.flush()
        inside = session.execute(
            sa.select(sa.func.count()).select_from(repo.delivery_t)
        ).scalar_one()
        assert inside == 1  # written by the flush, in this transaction
        session.rollback()
    assert delivery_count(app) == 0  # rolled back with the change


def test_failed_attempts_follow_the_schedule_with_one_webhook_id(
    client, world, app, receiver, clock
) -> None:
    receiver.status = 500
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)

    assert send(app) == 1
    [first] = deliveries(client, admin, sub)
    assert (first["status"], first["attempts"], first["last_response_code"]) == ("pending", 1, 500)
    assert first["last_error"] == "HTTP 500"
    assert send(app) == 0  # the first retry is 1 s later (schedule "1s,2s")
    clock.advance(timedelta(seconds=1))
    assert send(app) == 1
    clock.advance(timedelta(seconds=1))
    assert send(app) == 0  # the second retry 2 s after the second attempt
    clock.advance(timedelta(seconds=1))
    assert send(app) == 1
    [last] = deliveries(client, admin, sub)
    assert (last["status"], last["attempts"], last["next_attempt_at"]) == ("failed", 3, None)
    clock.advance(timedelta(hours=1))
    assert send(app) == 0
    assert receiver.ids() == [first["id"]] * 3  # every attempt: the same webhook-id
    assert (
        client.get(f"{SUBSCRIPTIONS}/{sub['id']}", headers=admin).json()["consecutive_failures"]
        == 1
    )


def test_a_refused_connection_and_a_timeout_are_failed_attempts(
    client, world, app, receiver
) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    closed = subscribe(client, admin, "http://127.0.0.1:9/nothing-listens", ["person.created"])
    receiver.delay = 3.0  # longer than the 2 s timeout of these tests
    slow = subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)
    assert send(app) == 2
    [refused] = deliveries(client, admin, closed)
    [timed_out] = deliveries(client, admin, slow)
    assert refused["attempts"] == 1 and refused["last_response_code"] is None
    assert refused["last_error"].startswith("ConnectError")
    assert (timed_out["attempts"], timed_out["last_error"]) == (1, "timeout")
    assert timed_out["status"] == refused["status"] == "pending"


def test_three_failed_deliveries_in_a_row_deactivate_and_a_success_resets(
    client, world, app, receiver
) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    no_retries = app.state.settings.model_copy(update={"webhook_retry_schedule": "0s"})
    url = f"{SUBSCRIPTIONS}/{sub['id']}"

    def deliver_one(status: int) -> None:
        receiver.status = status
        create_person(client, staff, world.community)
        assert send(app, no_retries) == 1
        if status >= 300:  # the one retry, at once
            assert send(app, no_retries) == 1

    deliver_one(500)
    deliver_one(500)
    assert client.get(url, headers=admin).json()["consecutive_failures"] == 2
    deliver_one(200)  # a success resets the count
    assert client.get(url, headers=admin).json()["consecutive_failures"] == 0
    for _ in range(3):
        deliver_one(503)
    gone = client.get(url, headers=admin).json()
    assert (gone["active"], gone["consecutive_failures"]) == (False, 3)
    assert gone["deactivated_at"] is not None
    # deactivated: new changes are not queued for it
    create_person(client, staff, world.community)
    assert len(deliveries(client, admin, sub)) == 6
    # restarted: the count begins again
    again = client.patch(url, json={"active": True}, headers=admin).json()
    assert (again["active"], again["consecutive_failures"], again["deactivated_at"]) == (
        True,
        0,
        None,
    )


def test_manual_retry_puts_a_failed_delivery_back_now(client, world, app, receiver) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    receiver.status = 500
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)
    no_retries = app.state.settings.model_copy(update={"webhook_retry_schedule": "0s"})
    send(app, no_retries)
    send(app, no_retries)
    [failed] = deliveries(client, admin, sub)
    assert failed["status"] == "failed"

    assert_problem(
        client.post(f"{API}/webhook-deliveries/{failed['id']}/retry", headers=world.as_("staff")),
        403,
        "forbidden",
    )
    assert (
        client.post(
            f"{API}/webhook-deliveries/{failed['id']}/retry", headers=world.as_("partner")
        ).status_code
        == 404
    )
    assert (
        client.post(f"{API}/webhook-deliveries/{uuid.uuid4()}/retry", headers=admin).status_code
        == 404
    )
    retried = client.post(f"{API}/webhook-deliveries/{failed['id']}/retry", headers=admin)
    assert retried.status_code == 200, retried.text
    assert retried.json()["status"] == "pending"
    receiver.status = 204
    assert send(app) == 1
    [done] = deliveries(client, admin, sub)
    assert (done["status"], done["attempts"], done["last_response_code"]) == ("succeeded", 3, 204)
    assert receiver.ids() == [failed["id"]] * 3


def test_a_partner_hears_of_the_referrals_to_its_organization_only(
    client, world, app, receiver
) -> None:
    staff, partner, admin = world.as_("staff"), world.as_("partner"), world.as_("admin")
    mine = subscribe(client, partner, receiver.url, ["referral.created"])
    every = subscribe(client, admin, receiver.url, ["referral.created"])
    child = create_person(client, staff, world.community)
    woman_response = client.post(
        f"{API}/persons", json=person_body(world.village, "woman"), headers=staff
    )
    woman = woman_response.json()
    consent(client, staff, woman, [str(world.womens_federation.id)])
    to_police = referred(client, staff, child, world.police)
    referred(
        client,
        staff,
        woman,
        world.womens_federation,
        type="referral",
        legal_basis="separate_consent",
        justification=None,
        need="希望妇联提供技能培训和心理支持。",
    )
    [only] = deliveries(client, partner, mine)
    assert only["payload"]["data"]["id"] == to_police["id"]
    assert len(deliveries(client, admin, every)) == 2
    assert send(app) == 3


def test_a_disabled_partner_client_hears_nothing_more(client, world, app, db) -> None:
    staff, partner = world.as_("staff"), world.as_("partner")
    mine = subscribe(client, partner, "http://127.0.0.1:9/hook", ["referral.created"])
    child = create_person(client, staff, world.community)
    referred(client, staff, child, world.police)
    assert len(deliveries(client, partner, mine)) == 1
    with db.engine.begin() as conn:
        conn.execute(
            sa.update(ApiClient).where(ApiClient.id == world.partner.id).values(active=False)
        )
    referred(client, staff, create_person(client, staff, world.community), world.police)
    with db.engine.connect() as conn:
        count = conn.execute(
            sa.select(sa.func.count())
            .select_from(repo.delivery_t)
            .where(repo.delivery_t.c.subscription_id == uuid.UUID(mine["id"]))
        ).scalar_one()
    assert count == 1

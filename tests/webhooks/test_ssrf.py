"""Where a delivery may go (docs/webhooks.md, "SSRF"): in production https:// only and no
private, loopback, link-local or reserved address, checked when a subscription is saved and
again before every attempt; in development anything http(s) (the other tests send to
http://127.0.0.1)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from liushou.config import Settings
from liushou.webhooks import service
from liushou.webhooks.models import WebhookSubscription
from liushou.webhooks.rules import UrlRefused, check_url, is_public, new_secret
from tests.conftest import make_settings
from tests.guardianship.helpers import assert_problem, create_person
from tests.webhooks.helpers import SUBSCRIPTIONS, deliveries, send


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(
        database_url,
        environment="production",
        webhook_in_app=False,
        webhook_retry_schedule="1s",
        webhook_timeout_seconds=2,
    )


REFUSED = {
    "http://93.184.216.34/hook": "url_not_https",
    "https://127.0.0.1/hook": "url_not_public",
    "https://localhost:8443/hook": "url_not_public",
    "https://10.1.2.3/hook": "url_not_public",
    "https://192.168.1.20/hook": "url_not_public",
    "https://172.16.0.1/hook": "url_not_public",
    "https://169.254.169.254/latest/meta-data": "url_not_public",
    "https://100.64.0.1/": "url_not_public",
    "https://0.0.0.0/": "url_not_public",
    "https://[::1]/hook": "url_not_public",
    "https://[fe80::1]/hook": "url_not_public",
    "https://[::ffff:127.0.0.1]/hook": "url_not_public",
    "https://240.0.0.1/": "url_not_public",
}


def test_production_refuses_plain_http_and_private_addresses(client, world) -> None:
    admin = world.as_("admin")
    for url, code in REFUSED.items():
        response = client.post(
            SUBSCRIPTIONS, json={"url": url, "events": ["person.created"]}, headers=admin
        )
        problem = assert_problem(response, 422, code)
        assert problem["errors"][0]["loc"] == ["body", "url"], url
    ok = client.post(
        SUBSCRIPTIONS,
        json={"url": "https://93.184.216.34/hook", "events": ["person.created"]},
        headers=admin,
    )
    assert ok.status_code == 201, ok.text
    moved = client.patch(
        f"{SUBSCRIPTIONS}/{ok.json()['id']}", json={"url": "https://127.0.0.1/"}, headers=admin
    )
    assert_problem(moved, 422, "url_not_public")


def test_production_checks_the_address_again_before_sending(client, world, app, receiver) -> None:
    """A subscription whose name resolves to loopback by now (here: saved so directly) is
    not sent to: the attempt fails with `url_not_public` and the receiver hears nothing."""
    admin, staff = world.as_("admin"), world.as_("staff")
    port = receiver.url.split(":")[2].split("/")[0]

    def save(session: Session) -> str:
        row = WebhookSubscription(
            url=f"https://localhost:{port}/hook", events=["person.created"], secret_cipher=""
        )
        row.secret_cipher = service.seal_secret(app.state.personal_data, row.id, new_secret())
        session.add(row)
        session.flush()
        return str(row.id)

    subscription_id = app.state.db.run_in_session(save)
    create_person(client, staff, world.community)
    assert send(app) == 1
    [attempt] = deliveries(client, admin, {"id": subscription_id})
    assert (attempt["attempts"], attempt["last_error"]) == (1, "url_not_public")
    assert receiver.requests == []


def test_a_name_that_resolves_elsewhere_later_is_refused_then() -> None:
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    def rebinding(_host: str, _port: int) -> list[str]:
        return next(answers)

    assert check_url("https://hooks.example.org/x", True, rebinding) == ["93.184.216.34"]
    with pytest.raises(UrlRefused) as refused:
        check_url("https://hooks.example.org/x", True, rebinding)
    assert refused.value.code == "url_not_public"
    # one private address among several public ones is enough to refuse
    with pytest.raises(UrlRefused):
        check_url("https://x.example.org/", True, lambda h, p: ["93.184.216.34", "10.0.0.1"])
    # development: no look-up at all
    assert check_url("http://127.0.0.1:9/", False, rebinding) == []


def test_public_addresses() -> None:
    assert is_public("93.184.216.34") and is_public("2606:2800:220:1:248:1893:25c8:1946")
    for address in ("127.0.0.1", "10.0.0.1", "::1", "fe80::1", "224.0.0.1", "::ffff:10.0.0.1"):
        assert not is_public(address), address

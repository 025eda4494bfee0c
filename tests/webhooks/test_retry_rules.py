"""The receiver's say in the retries (docs/webhooks.md, "Sending and retries"): a 410 ends
the subscription at once, a 429 or 503 with Retry-After pushes the next attempt back (up to
the schedule's longest delay), and every delay is spread by the jitter."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import format_datetime

import pytest

from liushou.webhooks.sender import retry_after
from tests.guardianship.helpers import create_person
from tests.webhooks.helpers import SUBSCRIPTIONS, deliveries, delivery_count, send, subscribe


def test_a_410_fails_the_delivery_and_deactivates_the_subscription_at_once(
    client, world, app, receiver, clock
) -> None:
    receiver.status = 410
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)

    assert send(app) == 1
    [gone] = deliveries(client, admin, sub)
    assert (gone["status"], gone["attempts"], gone["next_attempt_at"]) == ("failed", 1, None)
    assert (gone["last_response_code"], gone["last_error"]) == (410, "HTTP 410")
    now = client.get(f"{SUBSCRIPTIONS}/{sub['id']}", headers=admin).json()
    assert (now["active"], now["consecutive_failures"]) == (False, 1)
    assert now["deactivated_at"] is not None and now["version"] == sub["version"] + 1

    clock.advance(timedelta(hours=1))
    assert send(app) == 0  # no retry
    create_person(client, staff, world.community)
    assert delivery_count(app) == 1  # nothing more queued for it
    assert len(receiver.requests) == 1


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_in_seconds_is_honoured_up_to_the_longest_delay(
    client, world, app, receiver, clock, status
) -> None:
    receiver.status, receiver.headers = status, {"Retry-After": "2"}
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)

    assert send(app) == 1
    clock.advance(timedelta(seconds=1))
    assert send(app) == 0  # the schedule says 1 s, the receiver 2 s
    clock.advance(timedelta(seconds=1))
    assert send(app) == 1

    receiver.headers = {"Retry-After": "86400"}  # a day: held to the schedule's longest, 2 s
    create_person(client, staff, world.community)
    assert send(app) == 1
    newest = deliveries(client, admin, sub)[0]
    waited = _seconds(newest["next_attempt_at"]) - _seconds(newest["last_attempt_at"])
    assert waited == pytest.approx(2.0, abs=0.01)


def test_retry_after_as_an_http_date(client, world, app, receiver, clock) -> None:
    receiver.status = 503
    receiver.headers = {"Retry-After": format_datetime(clock.now() + timedelta(seconds=2), True)}
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)

    assert send(app) == 1
    [first] = deliveries(client, admin, sub)
    waited = _seconds(first["next_attempt_at"]) - _seconds(first["last_attempt_at"])
    assert waited == pytest.approx(2.0, abs=1.0)  # an HTTP date has whole seconds
    assert waited > 1.0  # later than the schedule's 1 s


def test_a_retry_after_on_other_answers_or_unreadable_is_ignored(
    client, world, app, receiver, clock
) -> None:
    receiver.status, receiver.headers = 500, {"Retry-After": "2"}
    admin, staff = world.as_("admin"), world.as_("staff")
    subscribe(client, admin, receiver.url, ["person.created"])
    create_person(client, staff, world.community)
    assert send(app) == 1
    clock.advance(timedelta(seconds=1))
    assert send(app) == 1  # a 500's Retry-After is not the receiver throttling

    now = clock.now()
    for unreadable in (None, "", "soon", "-5", "1.5", "Wed, 21 Oct 2015 07:28:00"):
        assert retry_after(unreadable, now) is None, unreadable
    assert retry_after(format_datetime(now - timedelta(seconds=30), True), now) is None
    assert retry_after(" 120 ", now) == 120.0


def test_the_jitter_spreads_retries_within_its_bounds(client, world, app, receiver) -> None:
    receiver.status = 500
    spread = app.state.settings.model_copy(
        update={"webhook_retry_schedule": "100s", "webhook_retry_jitter": 0.2}
    )
    admin, staff = world.as_("admin"), world.as_("staff")
    sub = subscribe(client, admin, receiver.url, ["person.created"])
    for _ in range(6):
        create_person(client, staff, world.community)
    assert send(app, spread) == 6

    waits = [
        _seconds(d["next_attempt_at"]) - _seconds(d["last_attempt_at"])
        for d in deliveries(client, admin, sub)
    ]
    assert all(80.0 <= w <= 120.0 for w in waits), waits
    assert len({round(w, 3) for w in waits}) > 1  # not one instant for all six


def _seconds(instant: str) -> float:
    return datetime.fromisoformat(instant.replace("Z", "+00:00")).timestamp()

"""A receiver that hangs does not hold up the API: on SQLite `serve` sends the deliveries
from a task of its lifespan, on PostgreSQL a worker does (here: a thread); either way a
write meanwhile answers at once."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from liushou.config import Settings
from liushou.webhooks.sender import deliver_due
from tests.conftest import make_settings
from tests.guardianship.helpers import PERSONS, person_body
from tests.webhooks.helpers import subscribe


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(
        database_url, webhook_in_app=True, webhook_poll_seconds=0.05, webhook_timeout_seconds=5
    )


def test_a_hanging_receiver_does_not_slow_a_write(client, world, app, receiver, backend) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    subscribe(client, admin, receiver.url, ["person.created"])
    receiver.delay = 3.0
    first = client.post(PERSONS, json=person_body(world.community, "child"), headers=staff)
    assert first.status_code == 201
    worker = None
    if backend != "sqlite":  # no task in the app: a worker of its own
        state = app.state
        worker = threading.Thread(
            target=lambda: asyncio.run(deliver_due(state.db, state.personal_data, state.settings))
        )
        worker.start()
    receiver.wait_for(1, timeout=10)  # being sent now, and held by the receiver
    started = time.monotonic()
    second = client.post(PERSONS, json=person_body(world.community, "child"), headers=staff)
    took = time.monotonic() - started
    assert second.status_code == 201, second.text
    assert took < 1.5, took  # the receiver holds the first delivery for 3 s
    if worker is not None:
        worker.join(10)

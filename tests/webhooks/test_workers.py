"""Several workers at once never send one delivery twice (PostgreSQL: FOR UPDATE SKIP
LOCKED and the lease; SQLite: one writer at a time)."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter

from liushou.webhooks.sender import deliver_due
from tests.guardianship.helpers import create_person
from tests.webhooks.helpers import subscribe


def test_two_workers_send_each_delivery_once(client, world, app, receiver) -> None:
    admin, staff = world.as_("admin"), world.as_("staff")
    for _ in range(4):
        subscribe(client, admin, receiver.url, ["person.created"])
    for _ in range(5):
        create_person(client, staff, world.community)
    receiver.delay = 0.2
    sent: dict[str, int] = {}
    start = threading.Barrier(2)

    def work(name: str) -> None:
        async def passes() -> int:
            total = 0
            while n := await deliver_due(
                app.state.db, app.state.personal_data, app.state.settings, limit=4
            ):
                total += n
            return total

        start.wait()
        sent[name] = asyncio.run(passes())

    workers = [threading.Thread(target=work, args=(name,)) for name in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    ids = receiver.ids()
    assert len(ids) == 20
    assert Counter(ids).most_common(1)[0][1] == 1  # no webhook-id twice
    assert sent["a"] + sent["b"] == 20
    assert sent["a"] > 0 and sent["b"] > 0  # both took part

"""No change is ever skipped, also when transactions commit out of order.

On PostgreSQL a change written first may commit last (its id is smaller than one already
committed). The feed orders by (transaction id, row id) and shows only changes of
transactions older than the oldest one still running (docs/changes.md, "Order"): proven
here with two transactions held open by hand, then with writers in parallel threads while
a reader follows the feed."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from typing import Any

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.db import Database
from liushou.services import distributions_service
from liushou.services.distributions_schemas import DistributionCreate
from tests.changes.feed_helpers import feed_page, follow
from tests.guardianship.helpers import days_ago, postgres_only


def _distribution(session: Any, region: Any) -> uuid.UUID:
    body = DistributionCreate.model_validate(
        {
            "region_id": str(region.id),
            "distributed_on": days_ago(1).isoformat(),
            "item": "publicity_leaflet",
            "quantity": 10,
        }
    )
    return distributions_service.create_distribution(session, CLI_PRINCIPAL, body).id


@postgres_only
def test_a_change_committed_late_is_not_skipped(client: Any, world: Any, db: Database) -> None:
    admin = world.as_("admin")
    _, cursor = follow(client, admin)
    with db.session() as first, db.session() as second:
        early = _distribution(first, world.village)  # the smaller id, commits last
        late = _distribution(second, world.village)
        second.commit()
        # The later change is held back while the earlier transaction runs: a reader that
        # took it now would move its cursor past the earlier one for good.
        page = feed_page(client, admin, cursor, settle=False)
        assert page["items"] == [] and page["has_more"] is False
        cursor = page["next_cursor"]
        first.commit()
    items, _ = follow(client, admin, cursor)
    assert [(i["id"], i["op"]) for i in items] == [(str(early), "upsert"), (str(late), "upsert")]


def test_writers_in_parallel_while_a_reader_follows(
    client: Any, world: Any, db: Database, backend: str
) -> None:
    """Every change is seen exactly once, in the order the feed gives (both databases; the
    interleaving only exists on PostgreSQL)."""
    admin = world.as_("admin")
    _, cursor = follow(client, admin)
    writers, per_writer = 4, 12
    written: list[uuid.UUID] = []
    lock = threading.Lock()
    failures: list[BaseException] = []

    def write(seed: int) -> None:
        rng = random.Random(seed)
        try:
            for _ in range(per_writer):
                with db.session() as session:
                    made = _distribution(session, world.village)
                    time.sleep(rng.uniform(0, 0.02))  # hold the transaction open a while
                    session.commit()
                with lock:
                    written.append(made)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    seen: list[str] = []
    while any(t.is_alive() for t in threads):
        page = feed_page(client, admin, cursor, settle=False, types="distribution", limit=7)
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
    for t in threads:
        t.join()
    assert not failures, failures
    rest, _ = follow(client, admin, cursor, types="distribution")
    seen += [i["id"] for i in rest]
    assert len(written) == writers * per_writer
    assert Counter(seen) == Counter(str(w) for w in written), backend

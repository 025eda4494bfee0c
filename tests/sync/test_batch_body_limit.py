"""The body limit (max_body_bytes) holds for a batch as a whole, not per item."""

from __future__ import annotations

import pytest

from liushou.tables import distribution_t
from tests.conftest import make_settings, new_id
from tests.registry.factories import assert_problem
from tests.services.wishes_helpers import DISTRIBUTIONS, distribution_body, table_rows
from tests.sync.batch_helpers import BATCH, item, run

LIMIT = 20_000


@pytest.fixture
def settings(database_url):  # type: ignore[no-untyped-def]
    return make_settings(database_url, max_body_bytes=LIMIT)


def test_items_that_pass_alone_are_refused_together_and_none_runs(client, world, db):
    staff = world.as_("staff")
    items = [
        item(
            "PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village, note="很" * 300)
        )
        for _ in range(30)
    ]
    response = client.post(BATCH, json={"items": items}, headers=staff)
    assert len(response.request.content) > LIMIT
    problem = assert_problem(response, 413, "payload_too_large")
    assert problem["limit"] == LIMIT
    assert len(table_rows(db, distribution_t)) == 0
    # Split, they pass: the limit is the batch's, each item is far below it.
    for half in (items[:15], items[15:]):
        assert all(r["outcome"] == "applied" for r in run(client, staff, *half))
    assert len(table_rows(db, distribution_t)) == 30

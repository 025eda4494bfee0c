"""`liushou worker --once`: one pass from the command line, as a cron job or a test would."""

from __future__ import annotations

import json

from standardwebhooks import Webhook

from tests.auth.test_cli import run_cli
from tests.conftest import TEST_DATA_KEY, TEST_INDEX_KEY
from tests.guardianship.helpers import create_person
from tests.webhooks.helpers import subscribe


def test_worker_once_sends_what_is_due(client, world, database_url, receiver, tmp_path) -> None:
    sub = subscribe(client, world.as_("admin"), receiver.url, ["person.created"])
    create_person(client, world.as_("staff"), world.community)
    done = run_cli(
        database_url, tmp_path, "worker", "--once", data_key=TEST_DATA_KEY, index_key=TEST_INDEX_KEY
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"deliveries_attempted": 1}
    [got] = receiver.requests
    Webhook(sub["secret"]).verify(got.body, got.headers)

"""Webhook tests drive the sender themselves (``deliver_due``): the app's own sending task
is off unless a test turns it on; retries wait seconds, not minutes, without jitter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from liushou.config import Settings
from tests.conftest import make_settings
from tests.webhooks.receiver import Receiver, receiving


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(
        database_url,
        webhook_in_app=False,
        webhook_retry_schedule="1s,2s",
        webhook_retry_jitter=0,  # exact times; tests/webhooks/test_retry_rules.py spreads them
        webhook_timeout_seconds=2,
    )


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receiving() as r:
        yield r

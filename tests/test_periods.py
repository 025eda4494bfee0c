"""A period of days (`from`, `to`) is checked the same way by every list and report that
takes one (docs/api.md, "Lists and cursors"): both days included, `from` after `to` 422."""

from __future__ import annotations

import pytest

from tests.auth.helpers import assert_problem

PERIODS = [
    "/api/v1/visits",
    "/api/v1/service-records",
    "/api/v1/activities",
    "/api/v1/distributions",
    "/api/v1/reports/summary",
]


@pytest.mark.parametrize("url", PERIODS)
def test_from_after_to_is_invalid_period(client, world, url) -> None:
    staff = world.as_("staff")
    backwards = client.get(url, params={"from": "2026-03-02", "to": "2026-03-01"}, headers=staff)
    body = assert_problem(backwards, 422, "invalid_period")
    assert body["errors"][0]["loc"] == ["query", "from"]


@pytest.mark.parametrize("url", PERIODS)
def test_a_one_day_period_is_a_period(client, world, url) -> None:
    staff = world.as_("staff")
    one_day = client.get(url, params={"from": "2026-03-01", "to": "2026-03-01"}, headers=staff)
    assert one_day.status_code == 200, one_day.text

"""The service's clock (liushou.clock): a fixed clock moves "now" and "today" everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from liushou import clock as service_clock
from liushou.clock import SHANGHAI, Clock, FixedClock
from tests.registry.factories import PERSONS, assert_problem, woman_body


def test_today_is_the_date_in_shanghai() -> None:
    late_utc = FixedClock(datetime(2026, 3, 10, 23, 30, tzinfo=UTC))
    assert late_utc.today() == date(2026, 3, 11)
    assert FixedClock(datetime(2026, 3, 10, 15, 59, tzinfo=UTC)).today() == date(2026, 3, 10)


def test_a_fixed_clock_moves_only_when_moved() -> None:
    fixed = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    assert fixed.now() == fixed.now() == datetime(2026, 1, 1, tzinfo=UTC)
    fixed.advance(timedelta(days=2))
    assert fixed.today() == date(2026, 1, 3)
    fixed.set_today(date(2026, 5, 1))
    assert fixed.now() == datetime.combine(date(2026, 5, 1), time(12), SHANGHAI)
    assert fixed.now().tzinfo == UTC


def test_a_fixed_clock_refuses_a_naive_instant() -> None:
    with pytest.raises(ValueError):
        FixedClock(datetime(2026, 1, 1))


def test_the_clock_fixture_is_installed_and_removed_again(clock: FixedClock) -> None:
    assert service_clock.current() is clock
    clock.set_today(date(2030, 7, 1))
    assert service_clock.today() == date(2030, 7, 1)
    assert service_clock.now() == clock.now()


def test_without_the_fixture_the_system_clock_runs() -> None:
    assert type(service_clock.current()) is Clock
    assert abs(service_clock.now() - datetime.now(UTC)) < timedelta(minutes=1)


def test_the_service_reads_today_from_the_clock(client, world, clock: FixedClock) -> None:
    staff = world.as_("staff")
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    body = woman_body(world.village, left_behind_since=tomorrow)
    assert_problem(client.post(PERSONS, json=body, headers=staff), 422, "date_in_future")

    clock.advance(timedelta(days=1))

    created = client.post(PERSONS, json=body, headers=staff)
    assert created.status_code == 201, created.text

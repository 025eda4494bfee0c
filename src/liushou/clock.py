"""The service's clock: "now" as an aware UTC instant and "today" as a date in Asia/Shanghai
(see docs/dates.md).

Everything that asks what time it is asks :func:`now` or :func:`today`, which read the
installed :class:`Clock`: the system's, unless a test installs a :class:`FixedClock` to
move time instead of editing stored timestamps.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

# China has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tzdata.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


class Clock:
    """The system's time."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return local_date(self.now())


class FixedClock(Clock):
    """A clock that stands still until it is moved (tests, reproducible demo data)."""

    def __init__(self, instant: datetime) -> None:
        self.set(instant)

    def now(self) -> datetime:
        return self._instant

    def set(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("a FixedClock needs an aware instant")
        self._instant = instant.astimezone(UTC)

    def set_today(self, day: date, at: time = time(12)) -> None:
        """Move to ``at`` (Shanghai time, noon by default) on ``day``."""
        self.set(datetime.combine(day, at, SHANGHAI))

    def advance(self, delta: timedelta) -> None:
        self._instant += delta


_installed: Clock = Clock()


def current() -> Clock:
    """The installed clock (what a FastAPI dependency hands a route)."""
    return _installed


def install(clock: Clock) -> Clock:
    """Make ``clock`` the service's clock; returns the one it replaces."""
    global _installed
    previous, _installed = _installed, clock
    return previous


def now() -> datetime:
    return _installed.now()


def today() -> date:
    return _installed.today()


def local_date(instant: datetime) -> date:
    return instant.astimezone(SHANGHAI).date()


def end_of_day_utc(day: date) -> datetime:
    """The first instant after ``day`` ends in Shanghai, in UTC.

    Total over the calendar, though the API only hands it dates from 1900 to 2999 (see
    docs/dates.md): the last day of the calendar has no next day, so its day runs to the
    last representable instant.
    """
    if day == date.max:
        return datetime.max.replace(tzinfo=UTC)
    next_midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(), SHANGHAI)
    return next_midnight.astimezone(UTC)

""" "Today" is a date in Asia/Shanghai (CONTRACT §1)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

# China has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tzdata.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


def today() -> date:
    return datetime.now(SHANGHAI).date()


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

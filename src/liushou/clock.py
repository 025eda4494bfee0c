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
    """The first instant after ``day`` ends in Shanghai, in UTC."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), SHANGHAI).astimezone(UTC)

"""The accepted calendar range (api/params.py: ``Day``, ``Instant``) and the date arithmetic
that must hold at the ends of the calendar (docs/dates.md). Pure functions, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from liushou.api.params import EARLIEST_DAY, LATEST_DAY, Day, Instant, ShownDay
from liushou.clock import SHANGHAI, end_of_day_utc, local_date
from liushou.registry.duplicates import DuplicateReason, birth_reason
from liushou.registry.identifiers import age_on, sixteenth_birthday

DAY = TypeAdapter(Day)
INSTANT = TypeAdapter(Instant)

OUT_OF_RANGE_DAYS = [
    "0001-01-01",
    "0999-12-31",
    "1000-01-01",
    "1899-12-31",
    "3000-01-01",
    "9999-12-31",
]
IN_RANGE_DAYS = ["1900-01-01", "2024-02-29", "2100-02-28", "2999-12-31"]


def error_of(adapter: TypeAdapter, value: object) -> dict:
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python(value)
    (error,) = caught.value.errors()
    return error


@pytest.mark.parametrize("text", IN_RANGE_DAYS)
def test_a_day_in_range_is_accepted(text):
    assert DAY.validate_python(text) == date.fromisoformat(text)
    assert DAY.validate_json(f'"{text}"') == date.fromisoformat(text)


@pytest.mark.parametrize("text", OUT_OF_RANGE_DAYS)
def test_a_day_out_of_range_has_its_own_code(text):
    error = error_of(DAY, text)
    assert error["type"] == "date_out_of_range"
    assert error["msg"] == "dates run from 1900-01-01 to 2999-12-31"
    # A date object (a spreadsheet cell, a model built in code) is held to the same range.
    assert error_of(DAY, date.fromisoformat(text))["type"] == "date_out_of_range"


@pytest.mark.parametrize("text", ["2100-02-29", "2023-02-29", "2024-13-01", "2024-04-31"])
def test_an_impossible_day_is_a_plain_validation_error(text):
    assert error_of(DAY, text)["type"] == "date_from_datetime_parsing"


def test_the_bounds_are_the_first_and_last_day_of_the_range():
    assert (EARLIEST_DAY, LATEST_DAY) == (date(1900, 1, 1), date(2999, 12, 31))
    for outside in (EARLIEST_DAY - timedelta(days=1), LATEST_DAY + timedelta(days=1)):
        assert error_of(DAY, outside)["type"] == "date_out_of_range"


def test_the_range_is_published_in_the_json_schema():
    assert DAY.json_schema() == {
        "type": "string",
        "format": "date",
        "examples": ["2026-05-01"],
        "formatMinimum": "1900-01-01",
        "formatMaximum": "2999-12-31",
    }
    schema = INSTANT.json_schema()
    assert (schema["format"], schema["formatMinimum"], schema["formatMaximum"]) == (
        "date-time",
        "1900-01-01T00:00:00Z",
        "2999-12-31T23:59:59.999999Z",
    )


def test_a_shown_day_is_never_refused():
    # Responses show what is stored, even a date accepted before the range existed.
    assert TypeAdapter(ShownDay).validate_python(date(999, 1, 1)) == date(999, 1, 1)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2026-05-01T08:00:00+08:00", datetime(2026, 5, 1, tzinfo=UTC)),
        ("1900-01-01T00:00:00Z", datetime(1900, 1, 1, tzinfo=UTC)),
        ("1900-01-01T07:59:00-08:00", datetime(1900, 1, 1, 15, 59, tzinfo=UTC)),
        ("2999-12-31T23:59:59Z", datetime(2999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("2999-12-31T23:59:59+14:00", datetime(2999, 12, 31, 9, 59, 59, tzinfo=UTC)),
    ],
)
def test_an_instant_in_range_comes_out_in_utc(text, utc):
    value = INSTANT.validate_python(text)
    assert value == utc
    assert value.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text",
    [
        "0001-01-01T00:00:00+14:00",  # no UTC equivalent at all
        "0001-01-01T00:00:00Z",
        "1899-12-31T23:59:59Z",
        "1900-01-01T00:00:00+08:00",  # 1899-12-31T16:00Z
        "2999-12-31T23:59:59-14:00",  # 3000-01-01T13:59:59Z
        "3000-01-01T00:00:00Z",
        "9999-12-31T23:59:59-14:00",  # no UTC equivalent at all
        "9999-12-31T23:59:59Z",
    ],
)
def test_an_instant_out_of_range_has_its_own_code(text):
    assert error_of(INSTANT, text)["type"] == "date_out_of_range"


def test_an_instant_still_needs_an_offset():
    assert error_of(INSTANT, "2026-05-01T00:00:00")["type"] != "date_out_of_range"


# --- arithmetic at the ends of the range ------------------------------------------------------

accepted_days = st.dates(min_value=EARLIEST_DAY, max_value=LATEST_DAY)


@given(accepted_days)
def test_the_end_of_any_accepted_day_is_the_next_shanghai_midnight(day):
    end = end_of_day_utc(day)
    assert end.tzinfo is UTC
    assert local_date(end) == day + timedelta(days=1)
    assert end.astimezone(SHANGHAI).time() == datetime.min.time()


def test_the_end_of_the_last_day_of_the_calendar_does_not_overflow():
    assert end_of_day_utc(date.max) == datetime.max.replace(tzinfo=UTC)
    assert end_of_day_utc(date.max - timedelta(days=1)) == datetime(9999, 12, 30, 16, tzinfo=UTC)


@given(accepted_days, accepted_days)
def test_ages_and_sixteenth_birthdays_hold_over_the_whole_range(born, day):
    # 29 February included: the 16th birthday of a leap-day child is 1 March.
    birthday = sixteenth_birthday(born)
    assert age_on(born, birthday) == 16
    assert age_on(born, birthday - timedelta(days=1)) == 15
    assert isinstance(age_on(born, day), int)


@pytest.mark.parametrize(
    ("query", "candidate", "reason"),
    [
        (date(999, 1, 1), date(1999, 1, 1), DuplicateReason.similar_birth_date),  # one digit
        (date(2014, 3, 9), date(214, 3, 9), DuplicateReason.similar_birth_date),  # a swap
        (date(999, 1, 1), date(2000, 5, 5), False),
        (date(999, 1, 1), date(999, 1, 2), DuplicateReason.similar_birth_date),
        (date(999, 1, 1), date(999, 1, 1), DuplicateReason.same_birth_date),
    ],
)
def test_birth_dates_before_the_year_1000_compare_digit_by_digit(query, candidate, reason):
    # A register row stored before the range existed may still hold such a date.
    assert birth_reason(query, candidate) == reason

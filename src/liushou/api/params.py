"""Query parameter and request body types shared by every router.

Every date and date-time the API accepts lies in one calendar range, checked here once
(see docs/dates.md): outside it the request is a 422 whose ``errors`` carry the code
``date_out_of_range``, so no arithmetic further in ever meets the ends of the calendar.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from fastapi import Query
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from liushou.api.schemas import check_text
from liushou.errors import FieldInvalid
from liushou.validators import SINGLE_LINE_PATTERN

EARLIEST_DAY = date(1900, 1, 1)
"""The first accepted date: before the birth of anyone alive, and the ID numbers' lower bound."""
LATEST_DAY = date(2999, 12, 31)
"""The last accepted date: beyond any plan, and far enough from 9999-12-31 that adding a day,
16 years or a time zone to it stays a valid date."""
_EARLIEST_INSTANT = datetime.combine(EARLIEST_DAY, time.min, UTC)
_LATEST_INSTANT = datetime.combine(LATEST_DAY, time.max, UTC)

OUT_OF_RANGE = "date_out_of_range"


def day_in_range(value: date) -> bool:
    """True for a date the API accepts (EARLIEST_DAY to LATEST_DAY, both included)."""
    return EARLIEST_DAY <= value <= LATEST_DAY


def _out_of_range() -> PydanticCustomError:
    return PydanticCustomError(
        OUT_OF_RANGE,
        "dates run from {earliest} to {latest}",
        {"earliest": EARLIEST_DAY.isoformat(), "latest": LATEST_DAY.isoformat()},
    )


def _documented_range(example: str, earliest: date, latest: date) -> Any:
    """The example and the accepted range of a date or date-time type, for the OpenAPI
    document: JSON Schema's ``formatMinimum``/``formatMaximum``, written as the example is
    (a UTC instant ends in ``Z``)."""

    def written(value: date) -> str:
        return value.isoformat().replace("+00:00", "Z")

    return Field(
        examples=[example],
        json_schema_extra={"formatMinimum": written(earliest), "formatMaximum": written(latest)},
    )


# --- date-times ----------------------------------------------------------------------------

_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$"
)


def _require_rfc3339(value: Any) -> Any:
    # Pydantic would also take "0.5" as a Unix timestamp; the contract says RFC 3339.
    if isinstance(value, str) and not _RFC3339.match(value):
        raise ValueError("expected an RFC 3339 date-time with offset, e.g. 2026-05-01T00:00:00Z")
    return value


def _in_range_as_utc(value: datetime) -> datetime:
    # 0001-01-01T00:00:00+08:00 has no UTC equivalent: out of range too, not an OverflowError.
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        raise _out_of_range() from None
    if not _EARLIEST_INSTANT <= utc <= _LATEST_INSTANT:
        raise _out_of_range()
    return utc


Instant = Annotated[
    AwareDatetime,
    BeforeValidator(_require_rfc3339),
    AfterValidator(_in_range_as_utc),
    _documented_range("2026-05-01T00:00:00Z", _EARLIEST_INSTANT, _LATEST_INSTANT),
]
"""An RFC 3339 date-time with an offset (``Z`` or ``+08:00``), in range, converted to UTC."""


# --- dates ---------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _require_iso_date(value: Any) -> Any:
    # Pydantic would also take 0 or "1700000000" as a Unix timestamp; dates are YYYY-MM-DD.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError("expected a date YYYY-MM-DD")


def _in_range(value: date) -> date:
    if not day_in_range(value):
        raise _out_of_range()
    return value


Day = Annotated[
    date,
    BeforeValidator(_require_iso_date),
    AfterValidator(_in_range),
    _documented_range("2026-05-01", EARLIEST_DAY, LATEST_DAY),
]
"""A calendar date written ``YYYY-MM-DD``, from 1900-01-01 to 2999-12-31 (query parameters
and request bodies)."""

ShownDay = Annotated[date, Field(examples=["2026-05-01"])]
"""A date in a response: shown as stored, never checked again (a read must not fail)."""


def _single_line(value: str) -> str:
    check_text(value, multi_line=False)
    return value


SearchText = Annotated[
    str,
    AfterValidator(_single_line),
    Field(json_schema_extra={"pattern": SINGLE_LINE_PATTERN}),
]
"""Free text in a query or a form (a name to search for, a username): one line, no control characters, the same
rule as request bodies (docs/registry.md, "Text fields"). PostgreSQL refuses a NUL in a
query parameter, SQLite would silently match nothing: both answer the same 422."""

InRegion = Annotated[uuid.UUID | None, Query(description="A region: its whole subtree")]
"""The ``region_id`` filter of a list (persons, caretakers): that region and all below it."""


def check_period(from_: date | None, to: date | None) -> None:
    """422 ``invalid_period`` when a list's or a report's ``from`` comes after its ``to``:
    both days are included, so such a period holds no day at all (docs/api.md, "Lists")."""
    if from_ is not None and to is not None and from_ > to:
        raise FieldInvalid(
            ["query", "from"],
            "invalid_period",
            "起始日期不能晚于截止日期。",
            "`from` cannot be after `to`.",
        )

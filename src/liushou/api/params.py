"""Query parameter types shared by every router."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

from liushou.api.schemas import check_text
from liushou.validators import SINGLE_LINE_PATTERN

_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$"
)


def _require_rfc3339(value: Any) -> Any:
    # Pydantic would also take "0.5" as a Unix timestamp; the contract says RFC 3339.
    if isinstance(value, str) and not _RFC3339.match(value):
        raise ValueError("expected an RFC 3339 date-time with offset, e.g. 2026-05-01T00:00:00Z")
    return value


Instant = Annotated[
    AwareDatetime,
    BeforeValidator(_require_rfc3339),
    Field(examples=["2026-05-01T00:00:00Z"]),
]
"""An RFC 3339 date-time with an offset (``Z`` or ``+08:00``)."""


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _require_iso_date(value: Any) -> Any:
    # Pydantic would also take 0 or "1700000000" as a Unix timestamp; dates are YYYY-MM-DD.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError("expected a date YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(_require_iso_date), Field(examples=["2026-05-01"])]
"""A calendar date written ``YYYY-MM-DD`` (query parameters and request bodies)."""


def _single_line(value: str) -> str:
    check_text(value, multi_line=False)
    return value


SearchText = Annotated[
    str,
    AfterValidator(_single_line),
    Field(json_schema_extra={"pattern": SINGLE_LINE_PATTERN}),
]
"""Free text in a query (a name to search for): one line, no control characters, the same
rule as request bodies (docs/registry.md, "Text fields"). PostgreSQL refuses a NUL in a
query parameter, SQLite would silently match nothing: both answer the same 422."""

"""Who is on the register on a day (see docs/domain.md, "On the register"): a person whose
status is active, and a child only until the day before its 16th birthday, kept as
``counts_until`` (the day a child stops counting, even before the sweep records the exit).

Each rule is written once, as a Python test for a loaded row and as SQL for a query.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from liushou.registry.enums import PersonStatus


def still_counts(counts_until: date | None, day: date) -> bool:
    """Not aged out on ``day``: no end, or an end after ``day``."""
    return counts_until is None or counts_until > day


def on_register(status: str, counts_until: date | None, day: date) -> bool:
    return status == PersonStatus.active and still_counts(counts_until, day)


def still_counts_sql(counts_until: Any, day: Any) -> sa.ColumnElement[bool]:
    """:func:`still_counts` over a column; ``day`` a value or a bound parameter."""
    return sa.or_(counts_until.is_(None), counts_until > day)


def on_register_sql(status: Any, counts_until: Any, day: Any) -> sa.ColumnElement[bool]:
    """:func:`on_register` over columns; ``day`` a value or a bound parameter."""
    return sa.and_(status == PersonStatus.active.value, still_counts_sql(counts_until, day))


def stay_covers_sql(left_behind_since: Any, exited_on: Any, day: Any) -> sa.ColumnElement[bool]:
    """A stay on the register (from ``left_behind_since`` until ``exited_on``, the exit day
    itself no longer counting) includes ``day``."""
    return sa.and_(left_behind_since <= day, sa.or_(exited_on.is_(None), exited_on > day))

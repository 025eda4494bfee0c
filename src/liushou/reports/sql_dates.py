"""Date arithmetic the reports need in SQL, in each dialect's words (SQLite keeps a Date as
'YYYY-MM-DD' text, PostgreSQL as a date): a day plus n days, the week a day falls in, the
month a day falls in (docs/reports.md, "How it is computed")."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class add_days(FunctionElement[Any]):  # noqa: N801 - reads as the SQL function it is
    """``day + days`` (a date column plus an integer column)."""

    type = sa.Date()
    inherit_cache = True
    name = "add_days"


class week_index(FunctionElement[Any]):  # noqa: N801
    """Whole weeks from ``first`` (a Monday) to ``day`` (on or after it): 0 for the week
    that starts on ``first``, 1 for the next …"""

    type = sa.Integer()
    inherit_cache = True
    name = "week_index"


class month_key(FunctionElement[Any]):  # noqa: N801
    """The month of ``day`` as 'YYYY-MM' text."""

    type = sa.String()
    inherit_cache = True
    name = "month_key"


def _args(element: FunctionElement[Any], compiler: Any, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


@compiles(add_days)
def _add_days_default(element: add_days, compiler: Any, **kw: Any) -> str:
    day, days = _args(element, compiler, **kw)
    return f"({day} + {days})"


@compiles(add_days, "sqlite")
def _add_days_sqlite(element: add_days, compiler: Any, **kw: Any) -> str:
    day, days = _args(element, compiler, **kw)
    return f"date({day}, '+' || {days} || ' days')"


@compiles(week_index)
def _week_index_default(element: week_index, compiler: Any, **kw: Any) -> str:
    # date - date is an integer number of days on PostgreSQL.
    first, day = _args(element, compiler, **kw)
    return f"(({day} - {first}) / 7)"


@compiles(week_index, "sqlite")
def _week_index_sqlite(element: week_index, compiler: Any, **kw: Any) -> str:
    first, day = _args(element, compiler, **kw)
    return f"(CAST(julianday({day}) - julianday({first}) AS INTEGER) / 7)"


@compiles(month_key)
def _month_key_default(element: month_key, compiler: Any, **kw: Any) -> str:
    (day,) = _args(element, compiler, **kw)
    return f"to_char({day}, 'YYYY-MM')"


@compiles(month_key, "sqlite")
def _month_key_sqlite(element: month_key, compiler: Any, **kw: Any) -> str:
    (day,) = _args(element, compiler, **kw)
    return f"strftime('%Y-%m', {day})"

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


# Each function's SQL by dialect: PostgreSQL (the default) and SQLite; {0}, {1} are its
# arguments. On PostgreSQL date - date is a whole number of days.
_SQL: dict[type[FunctionElement[Any]], tuple[str, str]] = {
    add_days: ("({0} + {1})", "date({0}, '+' || {1} || ' days')"),
    week_index: ("(({1} - {0}) / 7)", "(CAST(julianday({1}) - julianday({0}) AS INTEGER) / 7)"),
    month_key: ("to_char({0}, 'YYYY-MM')", "strftime('%Y-%m', {0})"),
}


def _renderer(template: str) -> Any:
    def render(element: FunctionElement[Any], compiler: Any, **kw: Any) -> str:
        return template.format(*(compiler.process(arg, **kw) for arg in element.clauses))

    return render


for _function, (_default, _sqlite) in _SQL.items():
    compiles(_function)(_renderer(_default))
    compiles(_function, "sqlite")(_renderer(_sqlite))

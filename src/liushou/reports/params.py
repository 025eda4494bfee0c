"""The bound parameters the reports' statements share (built once, given at each run), and
the subtree rule on them: ``low``/``high`` (the region's subtree, auth.scoping.subtree_bounds),
``since``/``until`` (the period, both days included) and ``day`` (the report's ``to``)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from liushou.auth.scoping import within_bounds

LOW = sa.bindparam("low", type_=sa.String)
HIGH = sa.bindparam("high", type_=sa.String)
SINCE = sa.bindparam("since", type_=sa.Date)
UNTIL = sa.bindparam("until", type_=sa.Date)
DAY = sa.bindparam("day", type_=sa.Date)


def within(path: Any) -> sa.ColumnElement[bool]:
    """``path`` lies in the report's region (its whole subtree)."""
    return within_bounds(path, LOW, HIGH)

"""What the repositories' list queries share besides paging (api/pagination.py): the
caller's scope, which may be no condition at all, and the plain equality filters."""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa

S = TypeVar("S", bound=sa.Select[Any])


def scoped(stmt: S, condition: sa.ColumnElement[bool] | None) -> S:
    """``stmt`` within the caller's scope; a scope of None (the caller sees everything)
    adds no condition."""
    return stmt if condition is None else stmt.where(condition)


def where_equal(stmt: S, table: sa.Table, **given: Any) -> S:
    """``table.<name> = value`` for each filter the query was given; None means not given.
    An enum filter binds as its code (the columns are db.enum_type)."""
    for name, value in given.items():
        if value is not None:
            stmt = stmt.where(table.c[name] == value)
    return stmt

"""Index declarations the table models share."""

from __future__ import annotations

import sqlalchemy as sa


def partial_unique_index(name: str, column: str, where: str) -> sa.Index:
    """A unique index over only the rows where ``where`` holds (a live row, an active
    assignment). SQLite and PostgreSQL each read the condition from their own keyword, so it
    is given to both; the migrations write the same clause."""
    condition = sa.text(where)
    return sa.Index(name, column, unique=True, sqlite_where=condition, postgresql_where=condition)


def partial_index(name: str, *columns: str, where: str) -> sa.Index:
    """An index over only the rows where ``where`` holds (as :func:`partial_unique_index`,
    not unique): a query uses it when its own WHERE says the same (``deleted_at IS NULL``)."""
    condition = sa.text(where)
    return sa.Index(name, *columns, sqlite_where=condition, postgresql_where=condition)

"""What the repositories' list queries share besides paging (api/pagination.py): their
filters, which are the lists' query parameters; the caller's scope, which may be no
condition at all; and the plain equality filters."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, RowMapping

from liushou.api.params import Day, check_period

S = TypeVar("S", bound=sa.Select[Any])
R = TypeVar("R")


def scoped(stmt: S, condition: sa.ColumnElement[bool] | None) -> S:
    """``stmt`` within the caller's scope; a scope of None (the caller sees everything)
    adds no condition."""
    return stmt if condition is None else stmt.where(condition)


# Ids in one ``IN (...)`` of a batched read (rows_by_id).
BATCH = 500
_UUIDS = postgresql.ARRAY(sa.Uuid)


def rows_by_id(
    conn: Connection, stmt: sa.Select[Any], id_column: Any, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RowMapping]:
    """The rows of the scoped query ``stmt`` whose ``id_column`` is one of ``ids``, by id
    (``id_column`` among the selected columns as ``id``): what a resource's one-row read
    gives for each, in a query per ``BATCH`` ids (the change feed reads a page so)."""
    found: dict[uuid.UUID, RowMapping] = {}
    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start : start + BATCH])
        if conn.dialect.name == "postgresql":  # one array parameter, not one per id
            match = id_column == sa.any_(sa.bindparam("ids", chunk, type_=_UUIDS))
        else:
            match = id_column.in_(chunk)
        for row in conn.execute(stmt.where(match)).mappings():
            found[row["id"]] = row
    return found


def one_by_id(
    read_many: Callable[[Connection, Any, Sequence[uuid.UUID]], dict[uuid.UUID, R]],
) -> Callable[[Connection, Any, uuid.UUID], R | None]:
    """The one-row read (GET /{id}) of a resource whose read of many ids (the change feed's
    page) is its scoped query: the same read of one id, so the two cannot drift apart."""

    def read_one(conn: Connection, caller: Any, row_id: uuid.UUID) -> R | None:
        return read_many(conn, caller, [row_id]).get(row_id)

    return read_one


def where_equal(stmt: S, table: sa.Table, **given: Any) -> S:
    """``table.<name> = value`` for each filter the query was given; None means not given.
    An enum filter binds as its code (the columns are db.enum_type)."""
    for name, value in given.items():
        if value is not None:
            stmt = stmt.where(table.c[name] == value)
    return stmt


class ListFilters(BaseModel):
    """The filters of one list, declared once: FastAPI reads them as the list's query
    parameters (``StandardRoutes.list``, api/routes.py) and the repository's list query takes
    them as they are. A field left out (None) filters nothing."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    def check(self) -> None:
        """Refuse filters that cannot hold together (422); each one alone is checked by
        its type."""


class PeriodFilters(ListFilters):
    """A list with a period: ``from`` and ``to``, both days included; ``from`` after ``to``
    is 422 ``invalid_period`` (docs/api.md, "Lists"). A subclass names the date in the
    descriptions by declaring the two fields again."""

    from_: Day | None = Field(default=None, alias="from", description="On or after")
    to: Day | None = Field(default=None, description="On or before")

    def check(self) -> None:
        check_period(self.from_, self.to)

    def within(self, stmt: S, column: Any) -> S:
        """``stmt`` held to the rows whose ``column`` (a date) lies in the period."""
        if self.from_ is not None:
            stmt = stmt.where(column >= self.from_)
        if self.to is not None:
            stmt = stmt.where(column <= self.to)
        return stmt

"""Opaque keyset cursors and the ``{items, next_cursor}`` page shape.

A cursor is base64url(JSON of the last row's sort key and a hash of the query's filters),
signed with HMAC so clients cannot build or edit one; a cursor used with other filters is
refused (400 ``invalid_cursor``) rather than silently skipping rows.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cached_property
from typing import Annotated, Any, Generic, TypeVar

import orjson
import sqlalchemy as sa
from fastapi import Depends, Query, Request
from pydantic import BaseModel
from sqlalchemy.engine import Connection, RowMapping

from liushou.api.params import Instant
from liushou.db import Database
from liushou.errors import BadRequest

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_NOT_FILTERS = frozenset({"cursor", "limit"})


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


PageT = TypeVar("PageT", bound=Page[Any])


class InvalidCursor(BadRequest):
    code = "invalid_cursor"
    detail_zh = "分页游标无效，或与本次查询的筛选条件不符。"
    detail_en = "The cursor is invalid or belongs to a query with other filters."


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(max_length=1000)]
UpdatedSince = Annotated[
    Instant | None, Query(description="Only resources changed at or after this")
]


class PageParams:
    """``limit``/``cursor``/``updated_since`` query parameters plus the query's filter hash.

    Declare it as :data:`Paging` (an ``async`` dependency). ``Annotated[PageParams, Depends()]``
    still works, but FastAPI runs a class dependency in the threadpool, and that hop costs
    about as much as a whole fast request.
    """

    def __init__(
        self,
        request: Request,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
        updated_since: UpdatedSince = None,
    ) -> None:
        self.limit = limit
        self.cursor = cursor
        self.updated_since = updated_since  # in UTC, within range (api.params.Instant)
        self._secret: bytes = request.app.state.cursor_secret
        self._request = request
        self._resume: list[Any] | None = None

    @classmethod
    def batches(cls, size: int, updated_since: datetime | None = None) -> PageParams:
        """The same paging driven by the server (an export reading a list batch by batch):
        no request and no signed cursor; :meth:`resume_after` moves it on."""
        page = cls.__new__(cls)
        page.limit, page.cursor, page.updated_since = size, None, updated_since
        page._secret, page._resume = b"", None
        return page

    def resume_after(self, key: Sequence[Any]) -> None:
        """Continue after this sort key, as a client's cursor would."""
        self._resume = list(key)
        self.cursor = "resume"  # the queries see a continued page and add the keyset bound

    @cached_property
    def filters_hash(self) -> str:
        # Lazy: a first page that fits in one page never needs it.
        return _filters_hash(self._request)

    def after(self, columns: Sequence[Any]) -> list[Any] | None:
        """The sort key the cursor points after, typed like ``columns``; None on page one."""
        if self._resume is not None:
            return self._resume
        if self.cursor is None:
            return None
        raw, _, signature = self.cursor.partition(".")
        expected = _sign(self._secret, raw)
        # Bytes: compare_digest raises TypeError (a 500) for a str with non-ASCII characters.
        if not hmac.compare_digest(signature.encode(), expected.encode()):
            raise InvalidCursor()
        try:
            payload = orjson.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
            if payload["f"] != self.filters_hash or len(payload["k"]) != len(columns):
                raise InvalidCursor()
            return [_load(c, v) for c, v in zip(columns, payload["k"], strict=True)]
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise InvalidCursor() from exc

    def bound_values(self, columns: Sequence[Any]) -> dict[str, Any]:
        """The parameters of a :func:`keyset_bound` statement for this page."""
        values: dict[str, Any] = {"limit": self.limit + 1}
        after = self.after(columns)
        if after is not None:
            values.update({f"after_{i}": value for i, value in enumerate(after)})
        if self.updated_since is not None:
            values["updated_since"] = self.updated_since
        return values

    def cursor_for(self, values: Sequence[Any]) -> str:
        payload = {"k": [_dump(v) for v in values], "f": self.filters_hash}
        raw = base64.urlsafe_b64encode(orjson.dumps(payload)).rstrip(b"=").decode()
        return f"{raw}.{_sign(self._secret, raw)}"


async def page_params(
    request: Request,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    updated_since: UpdatedSince = None,
) -> PageParams:
    # async: FastAPI calls it on the event loop (no threadpool hop); the parameters and the
    # OpenAPI document are the same as PageParams'.
    return PageParams(request, limit, cursor, updated_since)


Paging = Annotated[PageParams, Depends(page_params)]
"""``page: Paging`` in a list route's signature."""


def keyset(
    stmt: sa.Select[Any],
    page: PageParams,
    columns: Sequence[Any],
    *,
    descending: bool = False,
    updated_at: Any | None = None,
) -> sa.Select[Any]:
    """Order by ``columns`` (the last one unique), continue after the cursor, fetch limit+1:
    :func:`keyset_bound` with this page's values bound in (one way to page, whether the
    statement is built per request or once)."""
    bound = keyset_bound(
        stmt,
        columns,
        after=page.after(columns) is not None,
        since=page.updated_since is not None,
        descending=descending,
        updated_at=updated_at,
    )
    return bound.params(page.bound_values(columns))


def keyset_rows(
    conn: Connection,
    stmt: sa.Select[Any],
    page: PageParams,
    columns: Sequence[Any],
    *,
    descending: bool = False,
    updated_at: Any | None = None,
) -> Sequence[RowMapping]:
    """The rows of a list query for this page: ``stmt`` through :func:`keyset`, run."""
    stmt = keyset(stmt, page, columns, descending=descending, updated_at=updated_at)
    return conn.execute(stmt).mappings().all()


def keyset_bound(
    stmt: sa.Select[Any],
    columns: Sequence[Any],
    *,
    after: bool,
    since: bool,
    descending: bool = False,
    updated_at: Any | None = None,
) -> sa.Select[Any]:
    """:func:`keyset` for a statement built once (read_path.PreparedSelect): bound parameters instead
    of values. ``after``: the page has a cursor; ``since``: it has ``updated_since``.
    :meth:`PageParams.bound_values` gives the values."""
    if after:
        key = sa.tuple_(*columns)
        bound = sa.tuple_(
            *[sa.bindparam(f"after_{i}", type_=c.type) for i, c in enumerate(columns)]
        )
        stmt = stmt.where(key < bound if descending else key > bound)
    if since and updated_at is not None:
        stmt = stmt.where(updated_at >= sa.bindparam("updated_since", type_=updated_at.type))
    order = [c.desc() if descending else c.asc() for c in columns]
    return stmt.order_by(*order).limit(sa.bindparam("limit", type_=sa.Integer))


def page_of(rows: Sequence[Any], page: PageParams, sort_key: Any) -> tuple[list[Any], str | None]:
    """Split the limit+1 rows fetched by :func:`keyset` into the page and its next cursor."""
    items = list(rows[: page.limit])
    if len(rows) > page.limit:
        return items, page.cursor_for(sort_key(items[-1]))
    return items, None


async def read_page(
    db: Database,
    page: PageParams,
    page_model: type[PageT],
    query: Callable[[Connection], Sequence[Any]],
    sort_key: Callable[[Any], Sequence[Any]],
    item: Callable[[Any], Any] | None = None,
) -> PageT:
    """The answer of a list: the limit+1 rows ``query`` reads (:func:`keyset_rows`, or a
    prepared :func:`keyset_bound` statement), the first ``limit`` of them as ``item``
    makes them (the rows themselves by default), and the cursor after the last, from its
    ``sort_key``. ``page_model`` is the route's ``Page[...]``."""
    rows = await db.read(query)
    items, next_cursor = page_of(rows, page, sort_key)
    if item is not None:
        items = [item(row) for row in items]
    return page_model(items=items, next_cursor=next_cursor)


def _filters_hash(request: Request) -> str:
    """The list's path and filters: a cursor only continues the very query it came from."""
    pairs = sorted((k, v) for k, v in request.query_params.multi_items() if k not in _NOT_FILTERS)
    return hashlib.sha256(orjson.dumps([request.url.path, pairs])).hexdigest()[:16]


def _sign(secret: bytes, raw: str) -> str:
    return hmac.new(secret, raw.encode(), hashlib.sha256).hexdigest()[:24]


def _dump(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return value.hex
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def _load(column: Any, value: Any) -> Any:
    type_ = column.type
    if isinstance(type_, sa.types.TypeDecorator):  # e.g. UTCDateTime: its python_type is object
        type_ = type_.impl_instance
    python_type = type_.python_type
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:  # orjson wrote it as YYYY-MM-DD; SQLite's Date refuses a str
        return date.fromisoformat(value)
    if python_type is uuid.UUID:
        return uuid.UUID(value)
    return value

"""When a contract covers a village, and its status: the one spelling of the rule
(docs/legal.md, "Contracts").

A contract covers its villages from ``starts_on`` through ``ends_on``, both included, or
through the day before ``terminated_on`` when that comes first. Its ``last_day`` column holds
that last covered day, kept by the service on every write, so "covers day d" and "two
contracts overlap" are plain range comparisons an index can answer. A contract terminated on
or before its first day covers nothing: its ``last_day`` is before its ``starts_on``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from liushou.legal.enums import ContractStatus


def last_day(ends_on: date, terminated_on: date | None) -> date:
    """The last day a contract covers."""
    if terminated_on is None:
        return ends_on
    return min(ends_on, terminated_on - timedelta(days=1))


def status_on(
    starts_on: date, ends_on: date, terminated_on: date | None, day: date
) -> ContractStatus:
    """The contract's status on ``day`` (the API shows it as of today, Asia/Shanghai)."""
    if terminated_on is not None and day >= terminated_on:
        return ContractStatus.terminated
    if day < starts_on:
        return ContractStatus.draft
    if day > ends_on:
        return ContractStatus.expired
    return ContractStatus.active


def covers(contract: Any, day: Any) -> sa.ColumnElement[bool]:
    """SQL: the contract (a table or alias with ``starts_on`` and ``last_day``) covers
    ``day`` (a date or a SQL expression)."""
    return sa.and_(contract.c.starts_on <= day, contract.c.last_day >= day)


def overlaps(contract: Any, first: Any, last: Any) -> sa.ColumnElement[bool]:
    """SQL: the contract covers at least one day of [``first``, ``last``] (one terminated
    on or before its first day covers none)."""
    return sa.and_(
        contract.c.starts_on <= last,
        contract.c.last_day >= first,
        contract.c.last_day >= contract.c.starts_on,
    )


def status_sql(contract: Any, day: Any) -> sa.ColumnElement[str]:
    """SQL of :func:`status_on`, for the ``status`` filter."""
    return sa.case(
        (
            sa.and_(contract.c.terminated_on.is_not(None), contract.c.terminated_on <= day),
            ContractStatus.terminated.value,
        ),
        (contract.c.starts_on > day, ContractStatus.draft.value),
        (contract.c.ends_on < day, ContractStatus.expired.value),
        else_=ContractStatus.active.value,
    )

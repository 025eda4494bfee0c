"""Rules written once, each as Python for a loaded row and as SQL for a query: the two
must agree, on the real database (SQLite or PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from liushou.auth.roles import REGION_READERS, UNSCOPED_ROLES, Role
from liushou.auth.scoping import (
    in_subtree,
    path_in_subtree,
    sql_subtree_bounds,
    subtree_bounds,
    within_bounds,
)
from liushou.db import Database
from liushou.guardianship.models import visit_overdue, visit_overdue_sql
from liushou.registry.register import (
    on_register,
    on_register_sql,
    stay_covers_sql,
    still_counts,
    still_counts_sql,
)

DAY = date(2026, 6, 10)


def sql_value(db: Database, expression: Any) -> Any:
    """What the database makes of a boolean expression: True, False (or NULL as False)."""
    with db.engine.connect() as conn:
        return bool(conn.scalar(sa.select(sa.case((expression, True), else_=False))))


def text(value: str) -> Any:
    return sa.literal(value, sa.String)


def day_(value: date | None) -> Any:
    return sa.null() if value is None else sa.literal(value, sa.Date)


# --- the region subtree ------------------------------------------------------------------

ROOT = "a1/b2/"
PATHS = {
    "a1/b2/": True,  # the root itself
    "a1/b2/c3/": True,
    "a1/b2/c3/d4/": True,
    "a1/b2c/": False,  # a sibling whose id starts like the root's
    "a1/b1/": False,
    "a1/b3/": False,
    "a1/": False,  # the parent
    "a2/b2/": False,
}


@pytest.mark.parametrize(("path", "inside"), PATHS.items())
def test_the_subtree_rule_is_one_rule_in_python_and_sql(db, path: str, inside: bool) -> None:
    assert path_in_subtree(path, ROOT) is inside
    assert sql_value(db, in_subtree(text(path), ROOT)) is inside
    assert sql_value(db, in_subtree(text(path), text(ROOT))) is inside  # root from SQL
    assert sql_value(db, within_bounds(text(path), *subtree_bounds(ROOT))) is inside


def test_sql_bounds_equal_the_python_bounds(db) -> None:
    low, high = sql_subtree_bounds(text(ROOT))
    with db.engine.connect() as conn:
        assert (conn.scalar(sa.select(low)), conn.scalar(sa.select(high))) == subtree_bounds(ROOT)


# --- on the register on a day ------------------------------------------------------------

REGISTER_CASES = [
    ("active", None, True),
    ("active", DAY + timedelta(days=1), True),
    ("active", DAY, False),  # the 16th birthday itself no longer counts
    ("active", DAY - timedelta(days=1), False),
    ("exited", None, False),
    ("exited", DAY + timedelta(days=1), False),
]


@pytest.mark.parametrize(("status", "counts_until", "counted"), REGISTER_CASES)
def test_on_the_register_is_one_rule_in_python_and_sql(
    db, status: str, counts_until: date | None, counted: bool
) -> None:
    assert on_register(status, counts_until, DAY) is counted
    assert sql_value(db, on_register_sql(text(status), day_(counts_until), DAY)) is counted
    if status == "active":
        assert still_counts(counts_until, DAY) is counted
        assert sql_value(db, still_counts_sql(day_(counts_until), DAY)) is counted


@pytest.mark.parametrize(
    ("since", "exited_on", "covered"),
    [
        (DAY, None, True),
        (DAY + timedelta(days=1), None, False),
        (DAY - timedelta(days=9), DAY + timedelta(days=1), True),
        (DAY - timedelta(days=9), DAY, False),  # the exit day itself no longer counts
    ],
)
def test_a_stay_covers_the_days_from_its_start_to_before_its_exit(
    db, since: date, exited_on: date | None, covered: bool
) -> None:
    assert sql_value(db, stay_covers_sql(day_(since), day_(exited_on), DAY)) is covered


# --- care: overdue -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "overdue"),
    [
        (None, False),
        (DAY, False),  # a visit on the due day itself is in time
        (DAY + timedelta(days=1), False),
        (DAY - timedelta(days=1), True),
    ],
)
def test_overdue_is_one_rule_in_python_and_sql(db, due: date | None, overdue: bool) -> None:
    assert visit_overdue(due, DAY) is overdue
    assert sql_value(db, visit_overdue_sql(day_(due), DAY)) is overdue


# --- who reads persons through a region --------------------------------------------------


def test_region_readers_are_the_roles_held_to_a_region_that_read_persons() -> None:
    assert REGION_READERS == {Role.street_staff, Role.village_contact}
    assert not REGION_READERS & UNSCOPED_ROLES

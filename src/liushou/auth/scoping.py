"""The one region-scoping mechanism every router reuses.

Regions carry a materialised path of ids ("<root>/<child>/.../"). A caller held to a region
sees its *subtree* (one index range scan on the path); reference data (regions,
organizations) is also visible along the caller's *lineage*, so a village contact can read
its township and the police station that serves it. A single resource outside scope is 404.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from liushou.auth.principal import Principal

# --- the subtree rule -------------------------------------------------------------------
# A path lies in the subtree of ``root`` (root included) when it starts with ``root``. As
# paths end in "/" and "/" sorts just below "0", that is the range [root, root[:-1] + "0"),
# which an index on the path column answers with one range scan. These functions are the
# only places that spell the rule; everything else calls them.


def subtree_bounds(root: str) -> tuple[str, str]:
    """[low, high) of every path in the subtree of ``root``."""
    return root, root[:-1] + "0"


def sql_subtree_bounds(root: sa.ColumnElement[str]) -> tuple[Any, Any]:
    """:func:`subtree_bounds` of a path that SQL computes (a subquery, a column)."""
    return root, sa.func.substr(root, 1, sa.func.length(root) - 1).concat("0")


def within_bounds(path_column: Any, low: Any, high: Any) -> sa.ColumnElement[bool]:
    """``low <= path_column < high``: the SQL of the subtree rule, for bounds given as values,
    bound parameters or SQL expressions (see :func:`subtree_bounds`)."""
    return sa.and_(path_column >= low, path_column < high)


def in_subtree(path_column: Any, root: str | sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """``path_column`` lies in the subtree of ``root`` (a path, or SQL that yields one)."""
    bounds = subtree_bounds(root) if isinstance(root, str) else sql_subtree_bounds(root)
    return within_bounds(path_column, *bounds)


def path_in_subtree(path: str, root: str) -> bool:
    """The subtree rule for a path already loaded."""
    return path.startswith(root)


# --- the caller's scope ------------------------------------------------------------------


def subtree_scope(path_column: Any, caller: Principal) -> sa.ColumnElement[bool] | None:
    """Rows in the caller's region subtree; None when the caller sees every region."""
    if caller.sees_everything:
        return None
    if not caller.region_path:
        return sa.false()
    return in_subtree(path_column, caller.region_path)


def lineage_scope(path_column: Any, caller: Principal) -> sa.ColumnElement[bool] | None:
    """The caller's subtree plus the regions above it."""
    subtree = subtree_scope(path_column, caller)
    ancestors = caller.ancestor_paths()
    if subtree is None or not ancestors:
        return subtree
    return sa.or_(subtree, path_column.in_(ancestors))


def path_visible(path: str, caller: Principal, *, lineage: bool) -> bool:
    """The same rule as the SQL filters above, for a row already loaded."""
    if caller.sees_everything:
        return True
    if not caller.region_path:
        return False
    if path_in_subtree(path, caller.region_path):
        return True
    return lineage and path in caller.ancestor_paths()

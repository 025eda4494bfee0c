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


def subtree_bounds(path: str) -> tuple[str, str]:
    """[low, high) of every path under ``path`` ("/" sorts just below "0")."""
    return path, path[:-1] + "0"


def in_subtree(path_column: Any, path: str) -> sa.ColumnElement[bool]:
    low, high = subtree_bounds(path)
    return sa.and_(path_column >= low, path_column < high)


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
    if path.startswith(caller.region_path):
        return True
    return lineage and path in caller.ancestor_paths()

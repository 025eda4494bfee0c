"""The rules of the reports: which region a caller may report on, and the figures'
assembly from the rows the database counted (reports/repository.py)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.engine import Connection

from liushou.auth.principal import Principal
from liushou.auth.scoping import path_in_subtree, subtree_bounds
from liushou.clock import today
from liushou.errors import FieldInvalid, Forbidden, NotFound
from liushou.registry.enums import PersonCategory
from liushou.reports import repository as repo
from liushou.reports.schemas import (
    CaretakerCoverage,
    CoverageByCategory,
    CoverageCounts,
    CoverageReport,
    VillageCoverage,
)

# The caretakers of a report are named individuals: only callers who may read care data
# get them. Partners and legal advisors get aggregated counts only (docs/domain.md).
CARETAKER_SCOPE = "care:read"


def report_region(
    conn: Connection, caller: Principal, region_id: uuid.UUID | None
) -> dict[str, Any]:
    """The region a report covers: the one asked for, or the caller's own.

    Without ``region_id``, a caller held to no region (admin, auditor without one) gets 422
    `region_required`: a report of every region at once is not what anyone reads. A region
    the caller cannot see at all is 404, as everywhere; one it can see but not report on
    (a region above its own, e.g. a township's staff asking for the county) is 403
    `region_out_of_scope`.
    """
    region_id = region_id or caller.region_id
    if region_id is None:
        raise FieldInvalid(
            ["query", "region_id"],
            "region_required",
            "请指定区划 region_id。",
            "Give a region_id: the caller is held to no region.",
        )
    region = repo.live_region(conn, region_id)
    if region is None:
        raise NotFound()
    if caller.sees_everything:
        return region
    own = caller.region_path
    if own and path_in_subtree(region["path"], own):
        return region
    if own and region["path"] in caller.ancestor_paths():
        raise Forbidden(
            "只能查看本辖区及其下级区划的报表。",
            "Reports cover the caller's own region and the regions under it only.",
            code="region_out_of_scope",
        )
    raise NotFound()


def _counts(active: int, with_primary: int, overdue: int) -> CoverageCounts:
    return CoverageCounts(
        active=active,
        with_primary_contact=with_primary,
        without_primary_contact=active - with_primary,
        overdue=overdue,
    )


def coverage(conn: Connection, caller: Principal, region_id: uuid.UUID | None) -> CoverageReport:
    """GET /reports/coverage: two grouped queries (villages × category, caretakers); the
    totals and categories are sums over the village rows."""
    region = report_region(conn, caller, region_id)
    low, high = subtree_bounds(region["path"])
    day = today()
    bounds = {"low": low, "high": high, "today": day}
    categories = {c.value: [0, 0, 0] for c in PersonCategory}
    villages: dict[uuid.UUID, tuple[str, list[int]]] = {}
    for row in repo.village_counts(conn, bounds):
        figures = (row["active"], row["with_primary_contact"], row["overdue"])
        _, total = villages.setdefault(row["region_id"], (row["name"], [0, 0, 0]))
        if row["category"] is None:  # a village with no person on the register
            continue
        for i, n in enumerate(figures):
            total[i] += n
            categories[row["category"]][i] += n
    caretakers = []
    if CARETAKER_SCOPE in caller.scopes:
        caretakers = [
            CaretakerCoverage(
                caretaker_id=row["caretaker_id"],
                name=row["name"],
                caseload=row["caseload"],
                overdue=row["overdue"],
            )
            for row in repo.caretaker_counts(conn, bounds)
        ]
    totals = [sum(c[i] for c in categories.values()) for i in range(3)]
    return CoverageReport(
        region_id=region["id"],
        as_of=day,
        totals=_counts(*totals),
        by_category=CoverageByCategory(**{k: _counts(*v) for k, v in categories.items()}),
        villages=[
            VillageCoverage(
                region_id=village_id,
                name=name,
                **_counts(*figures).model_dump(),
            )
            for village_id, (name, figures) in villages.items()
        ],
        caretakers=caretakers,
    )

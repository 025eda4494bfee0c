"""/reports: aggregated figures, computed by the database.

A report's cost grows with its region (a county holds tens of thousands of persons), so
its queries run on a worker thread on either database (db.Database.read_heavy), never on
the event loop.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from liushou.api.dependencies import DatabaseDep
from liushou.auth.callers import ReportReader
from liushou.errors import problem_responses
from liushou.read_path import BUSY_RESPONSE
from liushou.reports import service
from liushou.reports.schemas import CoverageReport

reports = APIRouter(prefix="/reports", tags=["reports"])


@reports.get(
    "/coverage",
    response_model=CoverageReport,
    responses={**problem_responses(401, 403, 404, 422), **BUSY_RESPONSE},
)
async def get_coverage(
    db: DatabaseDep,
    caller: ReportReader,
    region_id: Annotated[
        uuid.UUID | None,
        Query(description="The region reported on (its whole subtree); default: the caller's"),
    ] = None,
) -> Response:
    """Care coverage of a region as of today (Asia/Shanghai): persons on the register, with
    and without an active primary contact, and overdue for a visit — in total, by category,
    per village (every village of the region, also those with no person) and per caretaker.

    The counts agree exactly with `GET /persons?status=active`, `?unassigned=true` and
    `?overdue=true` over the same region.

    Scope: a caller held to a region (street staff, legal advisor, partner: its
    organization's region) reports on that region or any region under it, and gets its
    own region when `region_id` is omitted. Admin and auditor report on any region; with
    no region of their own they must give `region_id` (422 `region_required`). A region
    the caller cannot see is 404; one above the caller's own is 403
    `region_out_of_scope`.

    `caretakers` names individuals, so it is filled only for callers who may read care data
    (`care:read`: admin, street staff, auditor); partners and legal advisors, who get
    aggregated counts only, always receive an empty list.
    """
    report = await db.read_heavy(lambda conn: service.coverage(conn, caller, region_id))
    # Validated once when built; serialized as FastAPI would for the response model.
    return Response(report.model_dump_json().encode(), media_type="application/json")

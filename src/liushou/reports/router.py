"""/reports: aggregated figures, computed by the database.

A report's cost grows with its region (a county holds tens of thousands of persons), so
its queries run on a worker thread on either database (db.Database.read_heavy), never on
the event loop.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from starlette.concurrency import run_in_threadpool

from liushou.api.dependencies import DatabaseDep
from liushou.api.params import Day
from liushou.auth.callers import ReportReader
from liushou.auth.principal import Principal
from liushou.errors import problem_responses
from liushou.read_path import BUSY_RESPONSE
from liushou.reports import legal_service, service, summary_service, summary_workbook
from liushou.reports.legal_schemas import LegalAdvisorsReport
from liushou.reports.narrative import narrative
from liushou.reports.schemas import CoverageReport
from liushou.reports.summary_schemas import SummaryNarrative, SummaryReport
from liushou.reports.summary_service import Summary

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

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


@dataclass(frozen=True)
class SummaryQuery:
    region_id: uuid.UUID | None
    from_: date | None
    to: date | None


def summary_query(
    region_id: Annotated[
        uuid.UUID | None,
        Query(description="The region reported on (its whole subtree); default: the caller's"),
    ] = None,
    from_: Annotated[
        Day | None,
        Query(
            alias="from",
            description="First day of the period (included); default: 1 January of `to`'s year",
        ),
    ] = None,
    to: Annotated[
        Day | None,
        Query(
            description="Last day of the period (included; not after today, Asia/Shanghai); "
            "default: today"
        ),
    ] = None,
) -> SummaryQuery:
    return SummaryQuery(region_id, from_, to)


SummaryQueryDep = Annotated[SummaryQuery, Depends(summary_query)]
_SUMMARY_ERRORS = {**problem_responses(401, 403, 404, 422), **BUSY_RESPONSE}


async def _summary(db: DatabaseDep, caller: Principal, q: SummaryQuery) -> Summary:
    return await db.read_heavy(
        lambda conn: summary_service.summary(conn, caller, q.region_id, q.from_, q.to)
    )


def _filename(figures: Summary, ext: str) -> str:
    r = figures.report
    return f"summary-{figures.region_code}-{r.from_.isoformat()}-{r.to.isoformat()}.{ext}"


def _attachment(figures: Summary, ext: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{_filename(figures, ext)}"'}


@reports.get("/summary", response_model=SummaryReport, responses=_SUMMARY_ERRORS)
async def get_summary(db: DatabaseDep, caller: ReportReader, q: SummaryQueryDep) -> Response:
    """The summary of a region over a period (dates inclusive; docs/reports.md defines each
    figure): the registry on `to` and its moves in the period, care, services delivered,
    activities, wishes, legal services and distributions — each counted by the database.

    `to` defaults to today (Asia/Shanghai) and cannot be after it (422 `date_in_future`);
    `from` defaults to 1 January of `to`'s year; `from` after `to` is 422 `invalid_period`.
    Region and scope as for `/reports/coverage`: a region outside the caller's is 404, one
    above its own 403 `region_out_of_scope`; admin and auditor must name a region (422
    `region_required`).
    """
    figures = await _summary(db, caller, q)
    body = figures.report.model_dump_json(by_alias=True).encode()
    return Response(body, media_type="application/json")


@reports.get(
    "/summary.xlsx",
    response_class=Response,
    responses={
        200: {
            "content": {XLSX: {"schema": {"type": "string", "format": "binary"}}},
            "description": "The workbook",
        },
        **_SUMMARY_ERRORS,
    },
)
async def get_summary_xlsx(db: DatabaseDep, caller: ReportReader, q: SummaryQueryDep) -> Response:
    """The summary as the workbook a sub-district files upward: one sheet per section (登记情况,
    关爱帮扶, 服务台账, 活动, 微心愿, 法律服务, 物资发放), a title row naming the region and the
    period, Chinese headers, and a 合计 row where a sum means something. Same parameters and
    errors as `/reports/summary`."""
    figures = await _summary(db, caller, q)
    content = await run_in_threadpool(summary_workbook.to_xlsx, figures)
    return Response(content, media_type=XLSX, headers=_attachment(figures, "xlsx"))


@reports.get(
    "/summary.csv",
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "One row per figure: section,key,value (UTF-8 with a BOM)",
        },
        **_SUMMARY_ERRORS,
    },
)
async def get_summary_csv(db: DatabaseDep, caller: ReportReader, q: SummaryQueryDep) -> Response:
    """The summary as CSV: a header row `section,key,value`, then one row per figure of the
    JSON (e.g. `registry,total.active,42`, `services,legal_consultation.records,58`). UTF-8
    with a byte-order mark, so that Excel opens it as UTF-8. Same parameters and errors as
    `/reports/summary`."""
    figures = await _summary(db, caller, q)
    return Response(
        summary_workbook.to_csv(figures),
        media_type="text/csv; charset=utf-8",
        headers=_attachment(figures, "csv"),
    )


@reports.get("/summary/narrative", response_model=SummaryNarrative, responses=_SUMMARY_ERRORS)
async def get_summary_narrative(
    db: DatabaseDep, caller: ReportReader, q: SummaryQueryDep
) -> Response:
    """The summary as a zh-CN 工作简报 paragraph, written by code from the same figures: the
    region and the period, then every non-zero figure of `registry.total`, of `services`
    and of `legal`; a zero figure is left out. Same parameters and errors as
    `/reports/summary`."""
    figures = await _summary(db, caller, q)
    r = figures.report
    body = SummaryNarrative(
        region_id=r.region_id, from_=r.from_, to=r.to, text=narrative(figures)
    ).model_dump_json(by_alias=True)
    return Response(body.encode(), media_type="application/json")


@reports.get("/legal-advisors", response_model=LegalAdvisorsReport, responses=_SUMMARY_ERRORS)
async def get_legal_advisors_report(
    db: DatabaseDep, caller: ReportReader, q: SummaryQueryDep
) -> Response:
    """The legal advisors' compliance report over a period (docs/reports.md defines each
    figure): per advisor, its legal activities in each ISO week a contract covers against
    the contract's `weekly_activity_target`; per village and advisor, the on-site minutes
    of each month the contract covers against `monthly_onsite_minutes_target`; the villages
    with no contract covering `to` (`without_advisor`); the contracts covering a village of
    the region today whose last day is within 30 days (`expiring`).

    Weeks and months are whole: a week (Monday to Sunday) or month overlapping the period is
    counted whole, and listed only when one contract covers every day of it.

    Period, region and errors as for `/reports/summary`. A `legal_advisor` caller gets its
    own advisor's figures only (`advisors`, `villages` and `expiring` of its contracts, no
    `without_advisor`).
    """
    report = await db.read_heavy(
        lambda conn: legal_service.legal_advisors(conn, caller, q.region_id, q.from_, q.to)
    )
    return Response(report.model_dump_json(by_alias=True).encode(), media_type="application/json")

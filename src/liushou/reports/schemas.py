"""Response bodies of the reports."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, Field


class CoverageCounts(BaseModel):
    """Persons on the register and how their care stands, as of the report's day."""

    active: int = Field(
        description="Persons on the register: status active, not deleted, a child before "
        "its 16th birthday (the persons `GET /persons?status=active` lists)"
    )
    with_primary_contact: int = Field(
        description="Of those, persons with an active primary contact"
    )
    without_primary_contact: int = Field(
        description="Of those, persons with no active primary contact (`unassigned=true`)"
    )
    overdue: int = Field(
        description="Of those, persons whose primary contact's visit is overdue "
        "(`overdue=true`: next visit due before today)"
    )


class CoverageByCategory(BaseModel):
    child: CoverageCounts
    woman: CoverageCounts
    elder: CoverageCounts


class VillageCoverage(BaseModel):
    region_id: uuid.UUID
    name: str
    active: int
    with_primary_contact: int
    without_primary_contact: int
    overdue: int


class CaretakerCoverage(BaseModel):
    caretaker_id: uuid.UUID
    name: str
    caseload: int = Field(
        description="Active primary-contact assignments of persons on the register in the "
        "report's region"
    )
    overdue: int = Field(description="Of those persons, how many are overdue")


class CoverageReport(BaseModel):
    region_id: uuid.UUID
    as_of: date = Field(description="Today in Asia/Shanghai: the day the figures hold for")
    totals: CoverageCounts
    by_category: CoverageByCategory
    villages: list[VillageCoverage] = Field(
        description="Every village (村/社区) in the region, by code, also those with no person"
    )
    caretakers: list[CaretakerCoverage] = Field(
        description="Caretakers of the region (those with no caseload too) and caretakers "
        "from elsewhere with a caseload in it, by name; empty for callers without "
        "`care:read` (partners and legal advisors get aggregated counts only)"
    )

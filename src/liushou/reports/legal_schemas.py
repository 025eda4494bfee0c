"""Body of GET /reports/legal-advisors, the compliance report of the legal advisors
(docs/reports.md, "The legal advisors' compliance report")."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from liushou.api.params import ShownDay


class AdvisorWeek(BaseModel):
    week: str = Field(description="ISO week, e.g. 2026-W48", examples=["2026-W48"])
    activities: int = Field(
        description="The advisor's legal activities in the region that week (Monday to Sunday)"
    )
    target: int = Field(description="weekly_activity_target of the contract covering the week")
    met: bool = Field(description="activities >= target")


class AdvisorCompliance(BaseModel):
    advisor_id: uuid.UUID
    name: str
    weeks: list[AdvisorWeek] = Field(
        description="Every ISO week overlapping the period that one of the advisor's contracts "
        "in the region covers from Monday through Sunday, oldest first"
    )


class VillageMonth(BaseModel):
    month: str = Field(description="Calendar month, e.g. 2026-11", examples=["2026-11"])
    onsite_minutes: int = Field(
        description="Sum of duration_minutes of the advisor's on_site activities in the village "
        "that month"
    )
    target: int = Field(description="monthly_onsite_minutes_target of the contract")
    met: bool = Field(description="onsite_minutes >= target")


class VillageCompliance(BaseModel):
    region_id: uuid.UUID
    name: str
    advisor_id: uuid.UUID
    months: list[VillageMonth] = Field(
        description="Every month overlapping the period that the advisor's contract covers "
        "from its first day through its last, oldest first"
    )


class VillageRef(BaseModel):
    region_id: uuid.UUID
    name: str


class ExpiringContract(BaseModel):
    contract_id: uuid.UUID
    advisor_id: uuid.UUID
    ends_on: ShownDay
    last_day: ShownDay = Field(
        description="The last day the contract covers: ends_on, or the day before "
        "terminated_on when it was terminated early"
    )


class LegalAdvisorsReport(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    region_id: uuid.UUID
    from_: ShownDay = Field(alias="from", description="First day of the period (included)")
    to: ShownDay = Field(description="Last day of the period (included)")
    advisors: list[AdvisorCompliance]
    villages: list[VillageCompliance] = Field(
        description="One entry per village of the region and advisor whose contract covered it "
        "during the period (a village that changed advisor appears once per advisor)"
    )
    without_advisor: list[VillageRef] = Field(
        description="Villages of the region with no contract covering `to`"
    )
    expiring: list[ExpiringContract] = Field(
        description="Contracts covering a village of the region today (Asia/Shanghai) whose "
        "last covered day is within 30 days"
    )

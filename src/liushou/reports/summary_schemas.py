"""Bodies of GET /reports/summary and its narrative (docs/reports.md defines
every figure)."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class RegistryCounts(BaseModel):
    active: int = Field(description="On the register on `to`")
    new: int = Field(description="Entered the register (`left_behind_since`) within the period")
    exited: int = Field(
        description="Left the register (`exited_on`, or a child's 16th birthday) within the period"
    )


class RegistryFigures(BaseModel):
    child: RegistryCounts
    woman: RegistryCounts
    elder: RegistryCounts
    total: RegistryCounts


class CareFigures(BaseModel):
    active: int = Field(description="Persons on the register on `to` (= registry.total.active)")
    with_primary_contact: int = Field(
        description="Of those, persons with a primary contact on `to`"
    )
    visits: int = Field(description="Visits made within the period")
    persons_visited: int = Field(description="Distinct persons visited within the period")
    overdue: int = Field(
        description="Of the persons on the register, those whose primary contact's visit was "
        "overdue on `to`"
    )


class ServiceFigures(BaseModel):
    service_type: str
    name_zh: str
    program: str
    records: int = Field(description="Service records delivered within the period")
    persons: int = Field(description="Distinct persons served")
    quantity: int = Field(description="Sum of the records' quantity")


class ActivityFigures(BaseModel):
    service_type: str
    activities: int = Field(description="Activities held within the period")
    attendees: int = Field(description="Sum of their attendee_count")


class WishFigures(BaseModel):
    made: int = Field(description="Wishes created within the period")
    fulfilled: int = Field(description="Wishes fulfilled within the period")
    open: int = Field(description="Wishes open or claimed on `to`")


class LegalFigures(BaseModel):
    activities: dict[str, int] = Field(
        description="Legal activities held within the period, by type (every type with at "
        "least one)"
    )
    consultations: int = Field(description="Of those, activities of type `consultation`")
    onsite_minutes: int = Field(
        description="Sum of duration_minutes of the period's `on_site` activities"
    )
    villages: int = Field(description="Villages (村/社区) of the region")
    villages_with_advisor: int = Field(description="Villages with a contract active on `to`")
    villages_without_advisor: int = Field(description="villages - villages_with_advisor")


class DistributionFigures(BaseModel):
    item: str
    quantity: int
    households: int = Field(description="Households reached (0 where not recorded)")


class SummaryReport(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    region_id: uuid.UUID
    from_: date = Field(alias="from", description="First day of the period (included)")
    to: date = Field(description="Last day of the period (included)")
    registry: RegistryFigures
    care: CareFigures
    services: list[ServiceFigures] = Field(
        description="Every service type with at least one record in the period, by code"
    )
    activities: list[ActivityFigures]
    wishes: WishFigures
    legal: LegalFigures
    distributions: list[DistributionFigures]


class SummaryNarrative(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    region_id: uuid.UUID
    from_: date = Field(alias="from")
    to: date
    text: str = Field(description="A zh-CN 工作简报 paragraph written from the figures")

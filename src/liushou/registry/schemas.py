"""Request and response bodies of the registry (docs/registry.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import MULTI_LINE, RequestBody, ResourceRead
from liushou.registry.enums import (
    Alert,
    Benefit,
    ChildHealth,
    ConsentGiver,
    ElderHealth,
    EmploymentStatus,
    ExitReason,
    GuardianshipAssessment,
    GuardianshipType,
    LeftBehindReason,
    LivingArrangement,
    ParentStatus,
    PersonCategory,
    PersonStatus,
    RiskTier,
    SchoolingStatus,
    SelfCare,
    Sex,
    SupportStatus,
)

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Text = Annotated[str, StringConstraints(max_length=200)]
# Notes may span lines; RequestBody refuses control characters (see docs/registry.md).
LongText = Annotated[str, StringConstraints(max_length=1000), MULTI_LINE]
Purpose = Annotated[str, StringConstraints(min_length=2, max_length=500), MULTI_LINE]
IdNumberIn = Annotated[
    str,
    StringConstraints(min_length=15, max_length=24),
    Field(
        description="GB 11643 number (18 characters); write-only", examples=["11010519491231002X"]
    ),
]
MobileIn = Annotated[
    str,
    StringConstraints(min_length=11, max_length=24),
    Field(
        description="Mainland mobile; +86, spaces and hyphens are stripped; write-only",
        examples=["138 1234 5678"],
    ),
]


# --- profiles ------------------------------------------------------------------------


class ChildProfileBase(BaseModel):
    left_behind_reason: LeftBehindReason
    guardianship_type: GuardianshipType
    guardianship_assessment: GuardianshipAssessment | None = None
    guardian_name: Name | None = None
    guardian_relation: Annotated[str, StringConstraints(max_length=50)] | None = None
    guardian_person_id: uuid.UUID | None = None
    father_status: ParentStatus | None = None
    mother_status: ParentStatus | None = None
    parents_work_location: Text | None = None
    school: Text | None = None
    grade: Annotated[str, StringConstraints(max_length=50)] | None = None
    schooling_status: SchoolingStatus | None = None
    boarding: StrictBool | None = None
    health_status: ChildHealth | None = None
    special_needs: LongText | None = None


class ChildProfile(ChildProfileBase, RequestBody):
    guardian_phone: MobileIn | None = None


class ChildProfileRead(ChildProfileBase):
    guardian_phone_masked: str | None = None


class ElderProfile(RequestBody):
    living_arrangement: LivingArrangement
    support_status: SupportStatus | None = None
    health_status: ElderHealth | None = None
    self_care: SelfCare | None = None
    benefits: list[Benefit] = Field(default_factory=list, max_length=5)
    risk_tier: RiskTier = RiskTier.general
    children_work_location: Text | None = None


class WomanProfile(RequestBody):
    spouse_away_since: Day | None = None
    spouse_work_location: Text | None = None
    employment_status: EmploymentStatus | None = None
    training_interests: list[Annotated[str, StringConstraints(min_length=1, max_length=50)]] = (
        Field(default_factory=list, max_length=20)
    )
    children_count: Annotated[StrictInt, Field(ge=0, le=20)] | None = None
    health_notes: LongText | None = None


class WomanProfileRead(WomanProfile):
    spouse_away_since: ShownDay | None = None


PROFILE_FIELD = {
    PersonCategory.child: "child_profile",
    PersonCategory.woman: "woman_profile",
    PersonCategory.elder: "elder_profile",
}


def check_one_matching_profile(category: PersonCategory, given: dict[str, Any]) -> None:
    """Exactly the profile of the category; raises ValueError (a 422) otherwise."""
    expected = PROFILE_FIELD[category]
    present = [name for name in PROFILE_FIELD.values() if given.get(name) is not None]
    wrong = [name for name in present if name != expected]
    if wrong:
        raise ValueError(f"a {category.value} takes only {expected}, not {', '.join(wrong)}")
    if expected not in present:
        raise ValueError(f"a {category.value} needs {expected}")


# --- persons -------------------------------------------------------------------------


class PersonCreate(RequestBody):
    category: PersonCategory
    name: Name
    region_id: uuid.UUID = Field(description="A village or community")
    id_number: IdNumberIn | None = None
    sex: Sex | None = Field(default=None, description="Required without id_number")
    birth_date: Day | None = Field(default=None, description="Required without id_number")
    phone: MobileIn | None = None
    address: Text | None = None
    left_behind_since: Day
    child_profile: ChildProfile | None = None
    woman_profile: WomanProfile | None = None
    elder_profile: ElderProfile | None = None

    @model_validator(mode="after")
    def _one_profile(self) -> PersonCreate:
        check_one_matching_profile(
            self.category,
            {name: getattr(self, name) for name in PROFILE_FIELD.values()},
        )
        if self.id_number is None and (self.sex is None or self.birth_date is None):
            raise ValueError("without id_number, sex and birth_date are required")
        return self


class PersonUpdate(RequestBody):
    """Fields to change. A profile given here is merged into the stored one."""

    name: Name | None = None
    region_id: uuid.UUID | None = None
    id_number: IdNumberIn | None = None
    sex: Sex | None = None
    birth_date: Day | None = None
    phone: MobileIn | None = None
    address: Text | None = None
    left_behind_since: Day | None = None
    child_profile: dict[str, Any] | None = Field(
        default=None, description="Fields of ChildProfile to change"
    )
    woman_profile: dict[str, Any] | None = Field(
        default=None, description="Fields of WomanProfile to change"
    )
    elder_profile: dict[str, Any] | None = Field(
        default=None, description="Fields of ElderProfile to change"
    )


class PersonRead(ResourceRead):
    category: PersonCategory
    name: str
    region_id: uuid.UUID
    sex: Sex
    birth_date: ShownDay
    age: int = Field(description="Completed years today (Asia/Shanghai)")
    id_number_masked: str | None = Field(
        description=(
            "The first 6 and the last character; the birth-date and sequence digits stay "
            "hidden, since birth_date and sex are shown beside it"
        ),
        examples=["370811***********X"],
    )
    phone_masked: str | None = Field(examples=["138****5678"])
    address: str | None
    status: PersonStatus
    left_behind_since: ShownDay
    exited_on: ShownDay | None
    exit_reason: ExitReason | None
    alerts: list[Alert]
    child_profile: ChildProfileRead | None = None
    woman_profile: WomanProfileRead | None = None
    elder_profile: ElderProfile | None = None


class PersonExit(RequestBody):
    exited_on: Day
    exit_reason: ExitReason
    note: LongText | None = None


class PersonReactivate(RequestBody):
    left_behind_since: Day | None = Field(
        default=None, description="A new start date; the old one is kept when absent"
    )
    note: LongText | None = None


class RevealRequest(RequestBody):
    purpose: Purpose


class Revealed(BaseModel):
    id_number: str | None
    phone: str | None
    guardian_phone: str | None


class HistoryEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    at: datetime
    by: str | None = Field(description="The actor's name")
    action: str
    changed_fields: list[str]
    status: PersonStatus


# --- consents ------------------------------------------------------------------------


class ConsentCreate(RequestBody):
    given_by: ConsentGiver
    guardian_name: Name | None = None
    recipients: list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] = Field(
        min_length=1,
        max_length=50,
        description="Organization ids, or organization types such as womens_federation",
    )
    purpose: Annotated[str, StringConstraints(min_length=1, max_length=500), MULTI_LINE]
    given_on: Day
    expires_on: Day | None = None
    note: LongText | None = None


class ConsentWithdraw(RequestBody):
    withdrawn_on: Day


class ConsentRead(ResourceRead):
    person_id: uuid.UUID
    given_by: ConsentGiver
    guardian_name: str | None
    recipients: list[str]
    purpose: str
    given_on: ShownDay
    expires_on: ShownDay | None
    withdrawn_on: ShownDay | None
    note: str | None

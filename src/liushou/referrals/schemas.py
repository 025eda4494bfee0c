"""Request and response bodies of referrals (docs/domain.md, "Consent and sharing")."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from liushou.api.params import Day, ShownDay
from liushou.api.schemas import MULTI_LINE, RequestBody, ResourceRead
from liushou.referrals.models import LegalBasis, ReferralStatus, ReferralType, Urgency
from liushou.regions.models import Network
from liushou.registry.enums import Sex

# Free text may span lines (RequestBody refuses every other control character).
Need = Annotated[str, StringConstraints(min_length=1, max_length=2000), MULTI_LINE]
Text = Annotated[str, StringConstraints(max_length=2000), MULTI_LINE]


class ReferralCreate(RequestBody):
    person_id: uuid.UUID
    to_organization_id: uuid.UUID
    network: Network | None = Field(
        default=None,
        description="One of the target organization's networks (when it declares any)",
    )
    type: ReferralType
    need: Need = Field(description="What the person needs from the organization")
    urgency: Urgency = Urgency.normal
    legal_basis: LegalBasis = Field(
        description="consent, separate_consent, guardian_consent: a covering consent must be on "
        "file (a child under 14: the guardian's, with guardian_consent; a referral to a "
        "non-state organization: not plain consent). statutory_duty, emergency: a "
        "justification is required. Mandatory and DV reports use those two only."
    )
    due_on: Day | None = Field(
        default=None,
        description="Not in the past; default today plus 14 days (urgent: 1 day), configurable",
    )
    justification: Text | None = Field(
        default=None, description="Required with statutory_duty and emergency"
    )


class ReferralTransitionRequest(RequestBody):
    to_status: ReferralStatus
    note: Text | None = None


class Village(BaseModel):
    id: uuid.UUID
    name: str


class ReferralPerson(BaseModel):
    """The person in the minimum form every referral reader gets (PIPL art. 6): never an ID
    number, an address or a profile."""

    id: uuid.UUID
    name: str
    sex: Sex
    age: int = Field(description="Completed years today (Asia/Shanghai)")
    village: Village
    phone_masked: str | None


class TimelineEntry(BaseModel):
    from_status: ReferralStatus | None = Field(description="null for the creation")
    to_status: ReferralStatus
    at: datetime
    by: str = Field(description="The actor's name (username or client id)")
    note: str | None


class ReferralRead(ResourceRead):
    person_id: uuid.UUID
    person: ReferralPerson
    to_organization_id: uuid.UUID
    network: Network | None
    type: ReferralType
    need: str
    urgency: Urgency
    legal_basis: LegalBasis
    status: ReferralStatus
    due_on: ShownDay
    overdue: bool = Field(
        description="due_on is before today and the referral is still open, accepted or in progress"
    )
    justification: str | None
    created_by: str
    timeline: list[TimelineEntry] = Field(description="Every transition, oldest first")

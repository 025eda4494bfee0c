"""GET /meta/enums: every enum with its zh-CN labels, for app drop-downs."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, RootModel

from liushou.api.dependencies import DatabaseDep
from liushou.auth.callers import SignedIn
from liushou.auth.roles import Role
from liushou.enums import LabelledEnum
from liushou.errors import problem_responses
from liushou.guardianship import models as guardianship
from liushou.legal import enums as legal
from liushou.referrals import models as referrals
from liushou.regions.models import Network, OrganizationType, RegionKind, RegionLevel
from liushou.registry import enums as registry
from liushou.services import enums as services
from liushou.services import types_repository

router = APIRouter(prefix="/meta", tags=["meta"])

# Every enum of the API under its name here, in this order; each declares its own labels.
ENUM_NAMES: dict[type[LabelledEnum], str] = {
    Role: "role",
    RegionLevel: "region_level",
    RegionKind: "region_kind",
    OrganizationType: "organization_type",
    Network: "network",
    registry.PersonCategory: "person_category",
    registry.Sex: "sex",
    registry.PersonStatus: "person_status",
    registry.ExitReason: "exit_reason",
    registry.LeftBehindReason: "left_behind_reason",
    registry.GuardianshipType: "guardianship_type",
    registry.GuardianshipAssessment: "guardianship_assessment",
    registry.ParentStatus: "parent_status",
    registry.SchoolingStatus: "schooling_status",
    registry.ChildHealth: "child_health_status",
    registry.ElderHealth: "elder_health_status",
    registry.HealthStatus: "health_status",
    registry.LivingArrangement: "living_arrangement",
    registry.SupportStatus: "support_status",
    registry.SelfCare: "self_care",
    registry.Benefit: "benefit",
    registry.RiskTier: "risk_tier",
    registry.EmploymentStatus: "employment_status",
    registry.Alert: "alert",
    registry.ConsentGiver: "consent_given_by",
    guardianship.CaretakerKind: "caretaker_kind",
    guardianship.AssignmentRole: "assignment_role",
    guardianship.VisitMode: "visit_mode",
    guardianship.VisitNeed: "visit_need",
    guardianship.VisitRiskLevel: "visit_risk_level",
    referrals.ReferralType: "referral_type",
    referrals.Urgency: "referral_urgency",
    referrals.LegalBasis: "referral_legal_basis",
    referrals.ReferralStatus: "referral_status",
    services.Program: "service_program",
    services.WishKind: "wish_kind",
    services.WishStatus: "wish_status",
    services.DistributionItem: "distribution_item",
    legal.AdvisorCategory: "advisor_category",
    legal.ContractStatus: "contract_status",
    legal.LegalActivityType: "legal_activity_type",
    legal.LegalActivityMode: "legal_activity_mode",
}


class EnumValue(BaseModel):
    code: str
    label_zh: str


# A named schema rather than a bare dict: generated clients name their class after it
# (docs/clients.md).
class EnumCatalogue(RootModel[dict[str, list[EnumValue]]]):
    """Each enum's values (code and zh-CN label), by the enum's name."""


@router.get("/enums", responses=problem_responses(401, 403))
async def list_enums(db: DatabaseDep, caller: SignedIn) -> EnumCatalogue:
    """Every enum of the API: its codes (what the API accepts) and zh-CN labels; and
    ``service_type``, the live service types (code and name_zh), read from the database
    because an admin may add more."""
    enums = {
        ENUM_NAMES[enum]: [EnumValue(code=m.value, label_zh=m.label_zh) for m in enum]
        for enum in ENUM_NAMES
    }
    types = await db.read(types_repository.names)
    enums["service_type"] = [EnumValue.model_validate(dict(r)) for r in types]
    return EnumCatalogue(enums)

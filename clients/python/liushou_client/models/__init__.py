"""Contains all the data models used in inputs/outputs"""

from .activity_create import ActivityCreate
from .activity_figures import ActivityFigures
from .activity_page import ActivityPage
from .activity_read import ActivityRead
from .activity_update import ActivityUpdate
from .advisor_category import AdvisorCategory
from .advisor_compliance import AdvisorCompliance
from .advisor_create import AdvisorCreate
from .advisor_page import AdvisorPage
from .advisor_read import AdvisorRead
from .advisor_update import AdvisorUpdate
from .advisor_week import AdvisorWeek
from .alert import Alert
from .assignment_create import AssignmentCreate
from .assignment_page import AssignmentPage
from .assignment_read import AssignmentRead
from .assignment_role import AssignmentRole
from .assignment_update import AssignmentUpdate
from .attendees_add import AttendeesAdd
from .audit_event_page import AuditEventPage
from .audit_event_read import AuditEventRead
from .audit_event_read_detail_type_0 import AuditEventReadDetailType0
from .batch_item import BatchItem
from .batch_item_body_type_0 import BatchItemBodyType0
from .batch_item_method import BatchItemMethod
from .batch_item_result import BatchItemResult
from .batch_item_result_body_type_0 import BatchItemResultBodyType0
from .batch_item_result_outcome import BatchItemResultOutcome
from .batch_request import BatchRequest
from .batch_response import BatchResponse
from .benefit import Benefit
from .card_advisor import CardAdvisor
from .card_contact import CardContact
from .card_township import CardTownship
from .card_village import CardVillage
from .care_figures import CareFigures
from .caretaker_coverage import CaretakerCoverage
from .caretaker_create import CaretakerCreate
from .caretaker_kind import CaretakerKind
from .caretaker_page import CaretakerPage
from .caretaker_read import CaretakerRead
from .caretaker_revealed import CaretakerRevealed
from .caretaker_update import CaretakerUpdate
from .change_item import ChangeItem
from .change_item_data_type_0 import ChangeItemDataType0
from .change_op import ChangeOp
from .change_page import ChangePage
from .child_health import ChildHealth
from .child_profile import ChildProfile
from .child_profile_read import ChildProfileRead
from .consent_create import ConsentCreate
from .consent_giver import ConsentGiver
from .consent_page import ConsentPage
from .consent_read import ConsentRead
from .consent_withdraw import ConsentWithdraw
from .contract_create import ContractCreate
from .contract_page import ContractPage
from .contract_read import ContractRead
from .contract_renew import ContractRenew
from .contract_status import ContractStatus
from .contract_terminate import ContractTerminate
from .contract_update import ContractUpdate
from .coverage_by_category import CoverageByCategory
from .coverage_counts import CoverageCounts
from .coverage_report import CoverageReport
from .distribution_create import DistributionCreate
from .distribution_figures import DistributionFigures
from .distribution_item import DistributionItem
from .distribution_page import DistributionPage
from .distribution_read import DistributionRead
from .distribution_update import DistributionUpdate
from .duplicate_candidate import DuplicateCandidate
from .duplicate_candidates import DuplicateCandidates
from .duplicate_reason import DuplicateReason
from .elder_health import ElderHealth
from .elder_profile import ElderProfile
from .employment_status import EmploymentStatus
from .enum_catalogue import EnumCatalogue
from .enum_value import EnumValue
from .error_item import ErrorItem
from .exit_reason import ExitReason
from .expiring_contract import ExpiringContract
from .guardianship_assessment import GuardianshipAssessment
from .guardianship_type import GuardianshipType
from .health import Health
from .health_status import HealthStatus
from .history_entry import HistoryEntry
from .history_entry_page import HistoryEntryPage
from .hotline import Hotline
from .hotline_card import HotlineCard
from .hotline_card_page import HotlineCardPage
from .http_validation_error import HTTPValidationError
from .import_persons_form import ImportPersonsForm
from .import_preview import ImportPreview
from .import_result import ImportResult
from .import_row_error import ImportRowError
from .issue_token_form import IssueTokenForm
from .left_behind_reason import LeftBehindReason
from .legal_activity_create import LegalActivityCreate
from .legal_activity_mode import LegalActivityMode
from .legal_activity_page import LegalActivityPage
from .legal_activity_read import LegalActivityRead
from .legal_activity_type import LegalActivityType
from .legal_activity_update import LegalActivityUpdate
from .legal_advisors_report import LegalAdvisorsReport
from .legal_basis import LegalBasis
from .legal_figures import LegalFigures
from .legal_figures_activities import LegalFiguresActivities
from .living_arrangement import LivingArrangement
from .me import Me
from .me_kind import MeKind
from .network import Network
from .organization_create import OrganizationCreate
from .organization_page import OrganizationPage
from .organization_read import OrganizationRead
from .organization_type import OrganizationType
from .organization_update import OrganizationUpdate
from .parent_status import ParentStatus
from .person_category import PersonCategory
from .person_create import PersonCreate
from .person_exit import PersonExit
from .person_page import PersonPage
from .person_reactivate import PersonReactivate
from .person_read import PersonRead
from .person_status import PersonStatus
from .person_update import PersonUpdate
from .person_update_child_profile_type_0 import PersonUpdateChildProfileType0
from .person_update_elder_profile_type_0 import PersonUpdateElderProfileType0
from .person_update_woman_profile_type_0 import PersonUpdateWomanProfileType0
from .primary_contact_handover import PrimaryContactHandover
from .problem import Problem
from .program import Program
from .public_card import PublicCard
from .ready import Ready
from .referral_create import ReferralCreate
from .referral_page import ReferralPage
from .referral_person import ReferralPerson
from .referral_read import ReferralRead
from .referral_status import ReferralStatus
from .referral_transition_request import ReferralTransitionRequest
from .referral_type import ReferralType
from .region_create import RegionCreate
from .region_kind import RegionKind
from .region_level import RegionLevel
from .region_page import RegionPage
from .region_read import RegionRead
from .region_summary import RegionSummary
from .region_update import RegionUpdate
from .registry_counts import RegistryCounts
from .registry_figures import RegistryFigures
from .reveal_request import RevealRequest
from .revealed import Revealed
from .revoke_token_form import RevokeTokenForm
from .risk_tier import RiskTier
from .role import Role
from .schooling_status import SchoolingStatus
from .self_care import SelfCare
from .service_figures import ServiceFigures
from .service_record_create import ServiceRecordCreate
from .service_record_page import ServiceRecordPage
from .service_record_read import ServiceRecordRead
from .service_record_update import ServiceRecordUpdate
from .service_type_create import ServiceTypeCreate
from .service_type_page import ServiceTypePage
from .service_type_read import ServiceTypeRead
from .service_type_update import ServiceTypeUpdate
from .sex import Sex
from .summary_narrative import SummaryNarrative
from .summary_report import SummaryReport
from .support_status import SupportStatus
from .timeline_entry import TimelineEntry
from .token_response import TokenResponse
from .urgency import Urgency
from .user_page import UserPage
from .user_read import UserRead
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .village import Village
from .village_compliance import VillageCompliance
from .village_coverage import VillageCoverage
from .village_month import VillageMonth
from .village_ref import VillageRef
from .visit_create import VisitCreate
from .visit_mode import VisitMode
from .visit_need import VisitNeed
from .visit_page import VisitPage
from .visit_read import VisitRead
from .visit_risk_level import VisitRiskLevel
from .visit_update import VisitUpdate
from .webhook_delivery_page import WebhookDeliveryPage
from .webhook_delivery_read import WebhookDeliveryRead
from .webhook_delivery_read_payload import WebhookDeliveryReadPayload
from .webhook_delivery_read_status import WebhookDeliveryReadStatus
from .webhook_event import WebhookEvent
from .webhook_event_data import WebhookEventData
from .webhook_event_type import WebhookEventType
from .webhook_subscription_create import WebhookSubscriptionCreate
from .webhook_subscription_page import WebhookSubscriptionPage
from .webhook_subscription_read import WebhookSubscriptionRead
from .webhook_subscription_update import WebhookSubscriptionUpdate
from .webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from .wish_cancel import WishCancel
from .wish_claim import WishClaim
from .wish_create import WishCreate
from .wish_figures import WishFigures
from .wish_fulfil import WishFulfil
from .wish_kind import WishKind
from .wish_page import WishPage
from .wish_read import WishRead
from .wish_release import WishRelease
from .wish_status import WishStatus
from .wish_timeline_entry import WishTimelineEntry
from .wish_update import WishUpdate
from .woman_profile import WomanProfile
from .woman_profile_read import WomanProfileRead

__all__ = (
    "ActivityCreate",
    "ActivityFigures",
    "ActivityPage",
    "ActivityRead",
    "ActivityUpdate",
    "AdvisorCategory",
    "AdvisorCompliance",
    "AdvisorCreate",
    "AdvisorPage",
    "AdvisorRead",
    "AdvisorUpdate",
    "AdvisorWeek",
    "Alert",
    "AssignmentCreate",
    "AssignmentPage",
    "AssignmentRead",
    "AssignmentRole",
    "AssignmentUpdate",
    "AttendeesAdd",
    "AuditEventPage",
    "AuditEventRead",
    "AuditEventReadDetailType0",
    "BatchItem",
    "BatchItemBodyType0",
    "BatchItemMethod",
    "BatchItemResult",
    "BatchItemResultBodyType0",
    "BatchItemResultOutcome",
    "BatchRequest",
    "BatchResponse",
    "Benefit",
    "CardAdvisor",
    "CardContact",
    "CardTownship",
    "CardVillage",
    "CareFigures",
    "CaretakerCoverage",
    "CaretakerCreate",
    "CaretakerKind",
    "CaretakerPage",
    "CaretakerRead",
    "CaretakerRevealed",
    "CaretakerUpdate",
    "ChangeItem",
    "ChangeItemDataType0",
    "ChangeOp",
    "ChangePage",
    "ChildHealth",
    "ChildProfile",
    "ChildProfileRead",
    "ConsentCreate",
    "ConsentGiver",
    "ConsentPage",
    "ConsentRead",
    "ConsentWithdraw",
    "ContractCreate",
    "ContractPage",
    "ContractRead",
    "ContractRenew",
    "ContractStatus",
    "ContractTerminate",
    "ContractUpdate",
    "CoverageByCategory",
    "CoverageCounts",
    "CoverageReport",
    "DistributionCreate",
    "DistributionFigures",
    "DistributionItem",
    "DistributionPage",
    "DistributionRead",
    "DistributionUpdate",
    "DuplicateCandidate",
    "DuplicateCandidates",
    "DuplicateReason",
    "ElderHealth",
    "ElderProfile",
    "EmploymentStatus",
    "EnumCatalogue",
    "EnumValue",
    "ErrorItem",
    "ExitReason",
    "ExpiringContract",
    "GuardianshipAssessment",
    "GuardianshipType",
    "Health",
    "HealthStatus",
    "HistoryEntry",
    "HistoryEntryPage",
    "Hotline",
    "HotlineCard",
    "HotlineCardPage",
    "HTTPValidationError",
    "ImportPersonsForm",
    "ImportPreview",
    "ImportResult",
    "ImportRowError",
    "IssueTokenForm",
    "LeftBehindReason",
    "LegalActivityCreate",
    "LegalActivityMode",
    "LegalActivityPage",
    "LegalActivityRead",
    "LegalActivityType",
    "LegalActivityUpdate",
    "LegalAdvisorsReport",
    "LegalBasis",
    "LegalFigures",
    "LegalFiguresActivities",
    "LivingArrangement",
    "Me",
    "MeKind",
    "Network",
    "OrganizationCreate",
    "OrganizationPage",
    "OrganizationRead",
    "OrganizationType",
    "OrganizationUpdate",
    "ParentStatus",
    "PersonCategory",
    "PersonCreate",
    "PersonExit",
    "PersonPage",
    "PersonReactivate",
    "PersonRead",
    "PersonStatus",
    "PersonUpdate",
    "PersonUpdateChildProfileType0",
    "PersonUpdateElderProfileType0",
    "PersonUpdateWomanProfileType0",
    "PrimaryContactHandover",
    "Problem",
    "Program",
    "PublicCard",
    "Ready",
    "ReferralCreate",
    "ReferralPage",
    "ReferralPerson",
    "ReferralRead",
    "ReferralStatus",
    "ReferralTransitionRequest",
    "ReferralType",
    "RegionCreate",
    "RegionKind",
    "RegionLevel",
    "RegionPage",
    "RegionRead",
    "RegionSummary",
    "RegionUpdate",
    "RegistryCounts",
    "RegistryFigures",
    "Revealed",
    "RevealRequest",
    "RevokeTokenForm",
    "RiskTier",
    "Role",
    "SchoolingStatus",
    "SelfCare",
    "ServiceFigures",
    "ServiceRecordCreate",
    "ServiceRecordPage",
    "ServiceRecordRead",
    "ServiceRecordUpdate",
    "ServiceTypeCreate",
    "ServiceTypePage",
    "ServiceTypeRead",
    "ServiceTypeUpdate",
    "Sex",
    "SummaryNarrative",
    "SummaryReport",
    "SupportStatus",
    "TimelineEntry",
    "TokenResponse",
    "Urgency",
    "UserPage",
    "UserRead",
    "ValidationError",
    "ValidationErrorContext",
    "Village",
    "VillageCompliance",
    "VillageCoverage",
    "VillageMonth",
    "VillageRef",
    "VisitCreate",
    "VisitMode",
    "VisitNeed",
    "VisitPage",
    "VisitRead",
    "VisitRiskLevel",
    "VisitUpdate",
    "WebhookDeliveryPage",
    "WebhookDeliveryRead",
    "WebhookDeliveryReadPayload",
    "WebhookDeliveryReadStatus",
    "WebhookEvent",
    "WebhookEventData",
    "WebhookEventType",
    "WebhookSubscriptionCreate",
    "WebhookSubscriptionPage",
    "WebhookSubscriptionRead",
    "WebhookSubscriptionUpdate",
    "WebhookSubscriptionWithSecret",
    "WishCancel",
    "WishClaim",
    "WishCreate",
    "WishFigures",
    "WishFulfil",
    "WishKind",
    "WishPage",
    "WishRead",
    "WishRelease",
    "WishStatus",
    "WishTimelineEntry",
    "WishUpdate",
    "WomanProfile",
    "WomanProfileRead",
)

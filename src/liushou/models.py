"""Every table model, imported in one place so SQLModel.metadata is complete (Alembic)."""

from liushou.api.models import IdempotencyKey
from liushou.audit.models import AuditEvent
from liushou.auth import revocation as _revocation  # noqa: F401 - disabling revokes tokens
from liushou.auth.models import (
    ApiClient,
    LoginFailure,
    RefreshToken,
    TokenRevocation,
    UserAccount,
)
from liushou.changes import capture as _capture  # noqa: F401 - every write is captured
from liushou.changes.models import Change
from liushou.guardianship.models import Assignment, Caretaker, Visit
from liushou.legal.models import (
    LegalActivity,
    LegalAdvisor,
    LegalContract,
    LegalContractVillage,
)
from liushou.rate_limits.models import RateLimitHits
from liushou.referrals.models import Referral, ReferralTransition
from liushou.regions.models import Organization, Region
from liushou.registry.models import Consent, IdNumberLookup, Person, PersonVersion
from liushou.services.models import (
    Activity,
    Distribution,
    ServiceRecord,
    ServiceType,
    Wish,
    WishTransition,
)
from liushou.webhooks import outbox as _outbox  # noqa: F401 - changes write deliveries
from liushou.webhooks.models import WebhookDelivery, WebhookSubscription

__all__ = [
    "Activity",
    "Distribution",
    "ServiceRecord",
    "ServiceType",
    "Wish",
    "WishTransition",
    "ApiClient",
    "Assignment",
    "AuditEvent",
    "Caretaker",
    "Change",
    "Consent",
    "IdempotencyKey",
    "IdNumberLookup",
    "LegalActivity",
    "LegalAdvisor",
    "LegalContract",
    "LegalContractVillage",
    "LoginFailure",
    "Organization",
    "Person",
    "PersonVersion",
    "Referral",
    "ReferralTransition",
    "RateLimitHits",
    "RefreshToken",
    "Region",
    "TokenRevocation",
    "UserAccount",
    "Visit",
    "WebhookDelivery",
    "WebhookSubscription",
]

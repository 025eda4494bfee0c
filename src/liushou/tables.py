"""The Core tables of the registry's, guardianship's, referrals', services' and legal
models, declared once for the Core queries of their repositories and of visibility (docs/architecture.md, "Reads").

SQLModel leaves ``__table__`` untyped, hence the ``type: ignore`` here and nowhere else.
The regions' own tables stay in regions.repository: regions sits below registry and care
and imports none of their models.
"""

from __future__ import annotations

import sqlalchemy as sa

from liushou.guardianship.models import Assignment, Caretaker, Visit
from liushou.legal.models import (
    LegalActivity,
    LegalAdvisor,
    LegalContract,
    LegalContractVillage,
)
from liushou.referrals.models import Referral, ReferralTransition
from liushou.registry.models import Consent, Person, PersonVersion
from liushou.services.models import (
    Activity,
    Distribution,
    ServiceRecord,
    ServiceType,
    Wish,
    WishTransition,
)

person_t: sa.Table = Person.__table__  # type: ignore[attr-defined]
version_t: sa.Table = PersonVersion.__table__  # type: ignore[attr-defined]
consent_t: sa.Table = Consent.__table__  # type: ignore[attr-defined]
caretaker_t: sa.Table = Caretaker.__table__  # type: ignore[attr-defined]
assignment_t: sa.Table = Assignment.__table__  # type: ignore[attr-defined]
visit_t: sa.Table = Visit.__table__  # type: ignore[attr-defined]
referral_t: sa.Table = Referral.__table__  # type: ignore[attr-defined]
transition_t: sa.Table = ReferralTransition.__table__  # type: ignore[attr-defined]
service_type_t: sa.Table = ServiceType.__table__  # type: ignore[attr-defined]
service_record_t: sa.Table = ServiceRecord.__table__  # type: ignore[attr-defined]
activity_t: sa.Table = Activity.__table__  # type: ignore[attr-defined]
wish_t: sa.Table = Wish.__table__  # type: ignore[attr-defined]
wish_transition_t: sa.Table = WishTransition.__table__  # type: ignore[attr-defined]
distribution_t: sa.Table = Distribution.__table__  # type: ignore[attr-defined]
legal_advisor_t: sa.Table = LegalAdvisor.__table__  # type: ignore[attr-defined]
legal_contract_t: sa.Table = LegalContract.__table__  # type: ignore[attr-defined]
contract_village_t: sa.Table = LegalContractVillage.__table__  # type: ignore[attr-defined]
legal_activity_t: sa.Table = LegalActivity.__table__  # type: ignore[attr-defined]

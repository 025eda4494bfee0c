"""The Core tables of the registry's, guardianship's, referrals', services' and legal
models, declared once for the Core queries of their repositories and of visibility
(docs/architecture.md, "Reads").

SQLModel leaves ``__table__`` untyped, hence the ``type: ignore`` here and nowhere else.
The regions' own tables stay in regions.repository: regions sits below registry and care
and imports none of their models.
"""

from __future__ import annotations

import sqlalchemy as sa

from liushou import models as m

person_t: sa.Table = m.Person.__table__  # type: ignore[attr-defined]
version_t: sa.Table = m.PersonVersion.__table__  # type: ignore[attr-defined]
consent_t: sa.Table = m.Consent.__table__  # type: ignore[attr-defined]
caretaker_t: sa.Table = m.Caretaker.__table__  # type: ignore[attr-defined]
assignment_t: sa.Table = m.Assignment.__table__  # type: ignore[attr-defined]
visit_t: sa.Table = m.Visit.__table__  # type: ignore[attr-defined]
referral_t: sa.Table = m.Referral.__table__  # type: ignore[attr-defined]
transition_t: sa.Table = m.ReferralTransition.__table__  # type: ignore[attr-defined]
service_type_t: sa.Table = m.ServiceType.__table__  # type: ignore[attr-defined]
service_record_t: sa.Table = m.ServiceRecord.__table__  # type: ignore[attr-defined]
activity_t: sa.Table = m.Activity.__table__  # type: ignore[attr-defined]
wish_t: sa.Table = m.Wish.__table__  # type: ignore[attr-defined]
wish_transition_t: sa.Table = m.WishTransition.__table__  # type: ignore[attr-defined]
distribution_t: sa.Table = m.Distribution.__table__  # type: ignore[attr-defined]
legal_advisor_t: sa.Table = m.LegalAdvisor.__table__  # type: ignore[attr-defined]
legal_contract_t: sa.Table = m.LegalContract.__table__  # type: ignore[attr-defined]
contract_village_t: sa.Table = m.LegalContractVillage.__table__  # type: ignore[attr-defined]
legal_activity_t: sa.Table = m.LegalActivity.__table__  # type: ignore[attr-defined]

"""A few demo referrals to a police station and a women's federation.

Everything goes through the services under the CLI principal, so the consent rule holds:

* a domestic-violence report to the police on a statutory duty, with its justification
  (反家庭暴力法 art. 14), already accepted and in progress;
* an urgent mandatory report to the police about a child, in an emergency (未成年人保护法
  art. 11);
* a referral of a woman to the women's federation on her separate consent (PIPL art. 23),
  which names the federation;
* a referral of a child under 14 to the women's federation on the guardian's consent
  (PIPL art. 31).

Ids (referrals and consents) are ``uuid5`` of a fixed name, so a second run creates nothing.
Not wired into ``seed-demo`` here: the seed calls :func:`seed_referrals` when it wants them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.auth.principal import Principal
from liushou.clock import today
from liushou.config import Settings
from liushou.referrals import service as referrals
from liushou.referrals.models import Referral, ReferralStatus
from liushou.referrals.schemas import ReferralCreate, ReferralTransitionRequest
from liushou.regions.models import Organization
from liushou.registry import consents
from liushou.registry import identifiers as ids
from liushou.registry.enums import PersonCategory
from liushou.registry.models import Consent, Person
from liushou.registry.register import on_register
from liushou.registry.schemas import ConsentCreate

NAMESPACE = uuid.UUID("3b0c6a52-8f0e-4d55-9a57-7d3c2f1e0b84")


@dataclass
class ReferralsReport:
    created: list[uuid.UUID] = field(default_factory=list)
    existing: list[uuid.UUID] = field(default_factory=list)


def _id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"demo-referral/{name}")


def _on_register(person: Person) -> bool:
    return person.deleted_at is None and on_register(person.status, person.counts_until, today())


def _first(persons: Sequence[Person], category: PersonCategory, under_14: bool = False) -> Person:
    for person in persons:
        if person.category != category or not _on_register(person):
            continue
        if under_14 and ids.age_on(person.birth_date, today()) >= 14:
            continue
        return person
    raise LookupError(f"no demo person of category {category} on the register")


def _consent(
    session: Session,
    caller: Principal,
    person: Person,
    name: str,
    recipients: list[str],
    *,
    guardian: bool,
) -> None:
    consent_id = _id(f"consent/{name}")
    if session.get(Consent, consent_id) is not None:
        return
    consents.add_consent(
        session,
        caller,
        person.id,
        ConsentCreate.model_validate(
            {
                "given_by": "guardian" if guardian else "self",
                "guardian_name": "监护人" if guardian else None,
                "recipients": recipients,
                "purpose": "转介至妇联，提供心理支持与技能培训",
                "given_on": today() - timedelta(days=20),
            }
        ),
        consent_id,
    )


def seed_referrals(
    session: Session,
    settings: Settings,
    persons: Sequence[Person],
    police: Organization,
    womens_federation: Organization,
    caller: Principal = CLI_PRINCIPAL,
) -> ReferralsReport:
    """Create the demo referrals that do not exist yet (flushes; the caller commits)."""
    report = ReferralsReport()
    woman = _first(persons, PersonCategory.woman)
    child = _first(persons, PersonCategory.child, under_14=True)
    _consent(session, caller, woman, "woman-wf", [str(womens_federation.id)], guardian=False)
    _consent(session, caller, child, "child-wf", ["womens_federation"], guardian=True)
    plans: list[tuple[str, dict[str, object], list[ReferralStatus]]] = [
        (
            "dv-report-police",
            {
                "person_id": woman.id,
                "to_organization_id": police.id,
                "network": _network(police, "rights_protection"),
                "type": "dv_report",
                "need": "邻居反映其近期多次遭受丈夫殴打，请民警上门核实并依法处置。",
                "legal_basis": "statutory_duty",
                "justification": "反家庭暴力法第十四条：发现家庭暴力应当及时向公安机关报案。",
            },
            [ReferralStatus.accepted, ReferralStatus.in_progress],
        ),
        (
            "mandatory-report-police",
            {
                "person_id": child.id,
                "to_organization_id": police.id,
                "network": _network(police, "rights_protection"),
                "type": "mandatory_report",
                "need": "走访发现儿童身上有多处伤痕，监护人说法前后矛盾。",
                "urgency": "urgent",
                "legal_basis": "emergency",
                "justification": "未成年人保护法第十一条：疑似遭受侵害，情况紧急，须立即报告。",
            },
            [],
        ),
        (
            "woman-wf-separate-consent",
            {
                "person_id": woman.id,
                "to_organization_id": womens_federation.id,
                "network": _network(womens_federation, "support"),
                "type": "referral",
                "need": "希望参加育婴员技能培训，并需要心理支持。",
                "legal_basis": "separate_consent",
            },
            [],
        ),
        (
            "child-wf-guardian-consent",
            {
                "person_id": child.id,
                "to_organization_id": womens_federation.id,
                "network": _network(womens_federation, "support"),
                "type": "referral",
                "need": "父母长期在外务工，孩子情绪低落，需要儿童心理辅导。",
                "legal_basis": "guardian_consent",
            },
            [],
        ),
    ]
    for name, body, steps in plans:
        referral_id = _id(name)
        if session.get(Referral, referral_id) is not None:
            report.existing.append(referral_id)
            continue
        referrals.create_referral(
            session, settings, caller, ReferralCreate.model_validate(body), referral_id
        )
        for step in steps:
            referrals.transition(
                session, caller, referral_id, ReferralTransitionRequest(to_status=step), None
            )
        report.created.append(referral_id)
    session.flush()
    return report


def _network(org: Organization, wanted: str) -> str | None:
    """``wanted`` when the organization is part of it (or names no network), else none."""
    return wanted if not org.networks or wanted in org.networks else None

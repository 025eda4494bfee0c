"""The rules of referrals (docs/domain.md, "Consent and sharing (PIPL) for referrals").

* Who: staff with ``referrals:write`` refer the persons they may see; a partner (client
  credentials) never creates one, and moves only the referrals addressed to its own
  organization, and never cancels (that is the referring side's call).
* Legal basis, checked on every create and replacement (422, nothing written):
  - ``consent``, ``separate_consent``, ``guardian_consent``: a consent on file that covers
    the target organization (its id or its type among the recipients) today — given on or
    before today, not expired (``expires_on`` null or today or later: the expiry day is the
    last day covered), not withdrawn (``withdrawn_on`` null or after today: the withdrawal
    day covers nothing). ``guardian_consent`` needs a guardian's consent. A child under 14
    (today) is referred only on ``guardian_consent`` (PIPL art. 31);
  - a ``referral`` or ``legal_aid_referral`` to a non-state organization on plain
    ``consent`` is refused: providing data to another processor needs separate consent
    (PIPL art. 23);
  - ``statutory_duty`` and ``emergency`` need a written justification (PIPL art. 13 ③ ④);
  - mandatory and DV reports never wait for consent, so a consent basis on them is refused.
* A referral is made for a person on the register today (422 ``person_not_active`` once it
  has exited, or aged out); an existing referral of a person who has since left may still
  move through its states.
* State machine: open → accepted | declined | cancelled; accepted → in_progress |
  cancelled; in_progress → resolved | cancelled. Every step (creation first) is a row of
  the timeline, and an audit event.

Functions flush; routers commit.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.api.concurrency import check_if_match
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.clock import local_date, today
from liushou.config import Settings
from liushou.errors import Conflict, FieldInvalid, Forbidden, NotFound, unknown_reference
from liushou.referrals import repository as repo
from liushou.referrals.models import (
    LegalBasis,
    Referral,
    ReferralStatus,
    ReferralTransition,
    ReferralType,
    Urgency,
)
from liushou.referrals.schemas import ReferralCreate, ReferralTransitionRequest
from liushou.referrals.serializers import PERSON_MIN_FIELDS, row_of
from liushou.regions.models import Organization, OrganizationType
from liushou.registry import identifiers as ids
from liushou.registry import repository as registry_repo
from liushou.registry.enums import ConsentGiver
from liushou.registry.models import Consent, Person
from liushou.registry.register import on_register

S = ReferralStatus
TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    S.open: frozenset({S.accepted, S.declined, S.cancelled}),
    S.accepted: frozenset({S.in_progress, S.cancelled}),
    S.in_progress: frozenset({S.resolved, S.cancelled}),
    S.resolved: frozenset(),
    S.declined: frozenset(),
    S.cancelled: frozenset(),
}

CONSENT_BASES = frozenset(
    {LegalBasis.consent, LegalBasis.separate_consent, LegalBasis.guardian_consent}
)
JUSTIFIED_BASES = frozenset({LegalBasis.statutory_duty, LegalBasis.emergency})
MANDATORY_TYPES = frozenset({ReferralType.mandatory_report, ReferralType.dv_report})
# Providing data to these is "providing to another processor" (PIPL art. 23) unless a
# statutory basis applies: separate consent, not plain consent.
SHARING_TYPES = frozenset({ReferralType.referral, ReferralType.legal_aid_referral})
# State organs and the bodies PIPL art. 37 treats like them (village and community
# committees, schools, health centres); everything else is a non-state organization.
STATE_ORGANIZATIONS = frozenset(
    {
        OrganizationType.village_committee,
        OrganizationType.community_committee,
        OrganizationType.street_office,
        OrganizationType.police_station,
        OrganizationType.judicial_office,
        OrganizationType.health_center,
        OrganizationType.school,
    }
)
CHILD_CONSENT_AGE = 14  # PIPL art. 31: under 14 only a guardian consents


class InvalidTransition(Conflict):
    code = "invalid_transition"


class PartnerCannotCancel(Forbidden):
    code = "partner_cannot_cancel"
    detail_zh = "合作单位只能受理、办理、办结或退回转介，撤销由转介方决定。"
    detail_en = (
        "A partner may accept, start, resolve or decline a referral; cancelling is the "
        "referring side's decision."
    )


class PartnerCannotCreate(Forbidden):
    code = "partner_cannot_create"
    detail_zh = "合作单位不能发起或修改转介。"
    detail_en = "A partner cannot create or change referrals."


# --- who -----------------------------------------------------------------------------------


def _not_partner(caller: Principal) -> None:
    if caller.role == Role.partner:
        raise PartnerCannotCreate()


def _visible_person(session: Session, caller: Principal, person_id: uuid.UUID) -> Person:
    person = registry_repo.visible_person(session, caller, person_id)
    if person is None:
        raise NotFound()
    return person


def _on_register(person: Person) -> None:
    if not on_register(person.status, person.counts_until, today()):
        raise FieldInvalid(
            ["body", "person_id"],
            "person_not_active",
            "此人已不在留守名册中，不能再发起转介。",
            "This person is no longer on the register; no new referral can be made.",
        )


def _organization(session: Session, organization_id: uuid.UUID) -> Organization:
    org = resources.get_live(session, Organization, organization_id)
    if org is None:
        raise unknown_reference(
            "to_organization_id", "invalid_organization", "接收单位", "receiving organization"
        )
    return org


# --- the rules -----------------------------------------------------------------------------


def default_due_on(settings: Settings, urgency: Urgency, made_on: date) -> date:
    days = (
        settings.referral_due_urgent_days
        if urgency == Urgency.urgent
        else settings.referral_due_normal_days
    )
    return made_on + timedelta(days=days)


def covers(consent: Consent, org: Organization, day: date) -> bool:
    """The consent covers providing data to ``org`` on ``day``."""
    recipients = {r.strip().lower() for r in consent.recipients}
    return (
        consent.given_on <= day
        and (consent.expires_on is None or consent.expires_on >= day)
        and (consent.withdrawn_on is None or consent.withdrawn_on > day)
        and (str(org.id) in recipients or org.type.value in recipients)
    )


def _consent_required(detail_zh: str, detail_en: str) -> FieldInvalid:
    return FieldInvalid(["body", "legal_basis"], "consent_required", detail_zh, detail_en)


def check_legal_basis(
    session: Session,
    person: Person,
    org: Organization,
    type_: ReferralType,
    basis: LegalBasis,
    justification: str | None,
) -> None:
    """The consent rule (docs/domain.md, "Consent and sharing"); raises a 422 on failure."""
    if type_ in MANDATORY_TYPES and basis in CONSENT_BASES:
        raise FieldInvalid(
            ["body", "legal_basis"],
            "invalid_legal_basis",
            "强制报告和家暴报告不以同意为依据，请选择 statutory_duty 或 emergency。",
            "Mandatory and domestic-violence reports never rest on consent; use "
            "statutory_duty or emergency.",
        )
    if basis in JUSTIFIED_BASES:
        if not (justification or "").strip():
            raise FieldInvalid(
                ["body", "justification"],
                "justification_required",
                "以法定职责或紧急情况为依据时，须写明理由。",
                "A statutory duty or an emergency needs a written justification.",
            )
        return
    day = today()
    under_14 = ids.age_on(person.birth_date, day) < CHILD_CONSENT_AGE
    if under_14 and basis != LegalBasis.guardian_consent:
        raise _consent_required(
            "不满十四周岁的儿童须以监护人同意（guardian_consent）为依据。",
            "For a child under 14 the basis must be the guardian's consent (guardian_consent).",
        )
    if (
        type_ in SHARING_TYPES
        and org.type not in STATE_ORGANIZATIONS
        and basis == LegalBasis.consent
    ):
        raise _consent_required(
            "向非国家机关单位提供个人信息须取得单独同意（separate_consent）。",
            "Providing personal data to a non-state organization needs separate consent "
            "(separate_consent, PIPL art. 23).",
        )
    guardian_only = basis == LegalBasis.guardian_consent or under_14
    covering = [
        c
        for c in repo.live_consents(session, person.id)
        if covers(c, org, day) and (not guardian_only or c.given_by == ConsentGiver.guardian)
    ]
    if not covering:
        raise _consent_required(
            "此人没有覆盖该接收单位的有效同意（已给出、未过期、未撤回）。",
            "No consent on file covers this organization today (given, not expired, not "
            "withdrawn)" + (", given by the guardian" if guardian_only else "") + ".",
        )


def _check_network(org: Organization, network: Any) -> None:
    if network is not None and org.networks and str(network) not in org.networks:
        raise FieldInvalid(
            ["body", "network"],
            "network_mismatch",
            "接收单位不属于所选网络。",
            "The organization is not part of this network.",
        )


def _values(
    session: Session,
    settings: Settings,
    person: Person,
    data: ReferralCreate,
    made_on: date,
    current_due_on: date | None = None,
) -> dict[str, Any]:
    """The checked descriptive columns of a referral from a complete description."""
    org = _organization(session, data.to_organization_id)
    _check_network(org, data.network)
    due_on = data.due_on or default_due_on(settings, data.urgency, made_on)
    if data.due_on is not None and data.due_on < today() and data.due_on != current_due_on:
        raise FieldInvalid(
            ["body", "due_on"],
            "date_in_past",
            "期限不能早于今天。",
            "due_on cannot be in the past.",
        )
    check_legal_basis(session, person, org, data.type, data.legal_basis, data.justification)
    return {
        "network": data.network,
        "need": data.need,
        "urgency": data.urgency,
        "legal_basis": data.legal_basis,
        "due_on": due_on,
        "justification": data.justification or None,
    }


# --- create and replace --------------------------------------------------------------------


def _step(
    session: Session,
    caller: Principal,
    referral: Referral,
    from_status: ReferralStatus | None,
    to_status: ReferralStatus,
    note: str | None,
    seq: int,
) -> ReferralTransition:
    step = ReferralTransition(
        referral_id=referral.id,
        seq=seq,
        from_status=from_status,
        to_status=to_status,
        at=referral.updated_at,
        actor_kind=caller.kind,
        actor_id=caller.id,
        by=caller.name[:128],
        note=note or None,
    )
    session.add(step)
    return step


def create_referral(
    session: Session,
    settings: Settings,
    caller: Principal,
    data: ReferralCreate,
    referral_id: uuid.UUID | None = None,
) -> Referral:
    _not_partner(caller)
    person = _visible_person(session, caller, data.person_id)
    _on_register(person)
    values = _values(session, settings, person, data, today())
    referral = Referral.model_validate(
        {
            **values,
            "id": referral_id or uuid.uuid4(),
            "person_id": person.id,
            "to_organization_id": data.to_organization_id,
            "type": data.type,
            "status": ReferralStatus.open,
            "created_by_id": caller.id,
            "created_by": caller.name[:128],
        }
    )
    resources.add_created(session, referral)
    _step(session, caller, referral, None, ReferralStatus.open, None, 1)
    session.flush()
    resources.audit_write(
        session,
        caller,
        referral,
        "create",
        changed_fields=resources.given_fields(data),
        detail={
            "to_organization_id": str(data.to_organization_id),
            "type": data.type.value,
            "legal_basis": data.legal_basis.value,
        },
    )
    return referral


def replace_referral(
    session: Session,
    settings: Settings,
    caller: Principal,
    referral_id: uuid.UUID,
    data: ReferralCreate,
    if_match: str | None,
) -> tuple[Referral, bool]:
    """PUT: create the referral with the client's id (True), or replace its description
    while it is still open (False). The person, the organization and the type never change;
    the same description again changes nothing, whatever the status (a safe retry)."""
    _not_partner(caller)
    referral = resources.load_for_write(session, Referral, referral_id, include_deleted=True)
    if referral is None:
        check_if_match(if_match, None)
        return create_referral(session, settings, caller, data, referral_id), True
    if referral.deleted_at is not None:
        raise NotFound()
    person = _visible_person(session, caller, referral.person_id)
    check_if_match(if_match, referral.version)
    resources.refuse_immutable_changes(
        data,
        referral,
        ("person_id", "to_organization_id", "type"),
        "转介的 {name} 创建后不能修改。",
        "A referral's {name} cannot change.",
    )
    made_on = local_date(referral.created_at)
    wanted = {
        "network": data.network,
        "need": data.need,
        "urgency": data.urgency,
        "legal_basis": data.legal_basis,
        "due_on": data.due_on or default_due_on(settings, data.urgency, made_on),
        "justification": data.justification or None,
    }
    if all(getattr(referral, k) == v for k, v in wanted.items()):
        return referral, False
    if referral.status != ReferralStatus.open:
        raise Conflict(
            "转介已被处理，不能再修改；如需变更请撤销后重新转介。",
            "The referral is no longer open and cannot change; cancel it and refer again.",
            code="referral_not_open",
        )
    values = _values(session, settings, person, data, made_on, referral.due_on)
    changed = resources.apply_changes(referral, values)
    session.flush()
    resources.audit_write(session, caller, referral, "update", changed_fields=changed)
    return referral, False


# --- transitions ---------------------------------------------------------------------------


def _writable(session: Session, caller: Principal, referral_id: uuid.UUID) -> Referral:
    """The referral locked for this transaction, if the caller may move it (404 otherwise,
    the same answer as for an unknown id)."""
    referral = resources.load_for_write(session, Referral, referral_id)
    if referral is None:
        raise NotFound()
    if caller.role == Role.partner:
        if caller.organization_id is None or referral.to_organization_id != caller.organization_id:
            raise NotFound()
        if resources.get_live(session, Person, referral.person_id) is None:
            raise NotFound()
        return referral
    _visible_person(session, caller, referral.person_id)
    return referral


def transition(
    session: Session,
    caller: Principal,
    referral_id: uuid.UUID,
    data: ReferralTransitionRequest,
    if_match: str | None,
) -> Referral:
    referral = _writable(session, caller, referral_id)
    if caller.role == Role.partner and data.to_status == ReferralStatus.cancelled:
        raise PartnerCannotCancel()
    check_if_match(if_match, referral.version)
    current = ReferralStatus(referral.status)
    allowed = TRANSITIONS[current]
    if data.to_status not in allowed:
        raise InvalidTransition(
            f"转介状态不能从 {current.value} 变为 {data.to_status.value}。",
            f"A referral cannot go from {current.value} to {data.to_status.value}.",
            current_status=current.value,
            allowed_to_status=sorted(s.value for s in allowed),
        )
    resources.apply_changes(referral, {"status": data.to_status})
    _step(
        session,
        caller,
        referral,
        current,
        data.to_status,
        data.note,
        repo.last_seq(session, referral.id) + 1,
    )
    session.flush()
    resources.audit_write(
        session,
        caller,
        referral,
        "transition",
        changed_fields=["status"],
        detail={
            "from_status": current.value,
            "to_status": data.to_status.value,
        },
    )
    return referral


# --- bodies and the audit of partner reads -------------------------------------------------


def row(session: Session, referral: Referral) -> dict[str, Any]:
    """The read row of a referral inside a write's unit of work (serializers.referral_body)."""
    person = session.get(Person, referral.person_id)
    assert person is not None
    return row_of(
        referral,
        person,
        repo.village(session, person.region_id),
        repo.transitions_of(session, referral.id),
    )


def record_person_reads(session: Session, caller: Principal, rows: list[dict[str, Any]]) -> None:
    """One audit event per person a partner was shown (docs/domain.md, "Consent and sharing": every
    partner read of a case is logged), with the referral it came with."""
    for r in rows:
        audit.record(
            session,
            caller,
            "referral.person_read",
            resource_type="person",
            resource_id=r["person_id"],
            detail={
                "referral_id": str(r["id"]),
                "organization_id": str(caller.organization_id),
                "fields": list(PERSON_MIN_FIELDS),
            },
        )

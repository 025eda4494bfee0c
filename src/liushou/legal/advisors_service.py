"""The rules of legal advisors (docs/legal.md, "Advisors").

* ``law_firm_id`` names a live organization of type ``law_firm`` or
  ``grassroots_legal_service`` the caller may see (its area or above): else 422
  ``invalid_law_firm``.
* ``license_no`` (17 digits, checked by the schema) is unique among live advisors: 409
  ``duplicate_license`` with ``existing_id``; a concurrent twin meets the partial unique
  index and gets the same answer.
* ``user_id``, when given, is a live ``legal_advisor`` login (422 ``invalid_advisor_user``)
  linked to no other live advisor (409 ``advisor_user_linked``).
* An advisor with a contract not yet ended can neither be deleted nor change firm (409
  ``advisor_has_contracts``): the contract names the firm the advisor serves through.
* Only administrators and street staff write advisors and contracts (403
  ``legal_manager_required``); an advisor's own login reads them.

Functions flush; routers commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from liushou import clock
from liushou.api import resources
from liushou.auth.models import UserAccount
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.auth.scoping import path_visible
from liushou.errors import Conflict, Forbidden, NotFound, unknown_reference
from liushou.legal import advisors_repository as repo
from liushou.legal.advisors_schemas import AdvisorCreate, AdvisorUpdate
from liushou.legal.models import LegalAdvisor
from liushou.regions.models import Organization, OrganizationType, Region

MANAGERS = frozenset({Role.admin, Role.street_staff})
LAW_FIRM_TYPES = frozenset({OrganizationType.law_firm, OrganizationType.grassroots_legal_service})
REQUIRED = ("name", "law_firm_id", "license_no", "phone", "category", "active")
FIELDS = (*REQUIRED, "service_hours", "user_id")


def require_manager(caller: Principal) -> None:
    """The association signs contracts and keeps the advisors' register; an advisor's own
    login (which holds legal:write for its activity log) may not."""
    if caller.role not in MANAGERS:
        raise Forbidden(
            "只有管理员和街道工作人员可以管理法律顾问及其合同。",
            "Only administrators and street staff manage legal advisors and their contracts.",
            code="legal_manager_required",
        )


def _firm_region(session: Session, org: Organization | None) -> Region | None:
    return resources.get_live(session, Region, org.region_id) if org is not None else None


def law_firm(session: Session, caller: Principal, firm_id: uuid.UUID) -> Organization:
    """The live law firm (or grassroots legal service) the caller may see (422
    ``invalid_law_firm`` otherwise: one answer for "none", "not a firm" and "not yours")."""
    org = resources.get_live(session, Organization, firm_id)
    region = _firm_region(session, org)
    if (
        org is None
        or region is None
        or org.type not in LAW_FIRM_TYPES
        or not path_visible(region.path, caller, lineage=True)
    ):
        raise unknown_reference("law_firm_id", "invalid_law_firm", "律师事务所", "law firm")
    return org


def writable(session: Session, caller: Principal) -> Callable[[LegalAdvisor], LegalAdvisor]:
    """A manager's check (:func:`require_manager`, before the advisor is read); then an
    advisor whose firm lies outside the caller's sight is 404, as an unknown id."""
    require_manager(caller)

    def check(row: LegalAdvisor) -> LegalAdvisor:
        if caller.sees_everything:
            return row
        region = _firm_region(session, resources.get_live(session, Organization, row.law_firm_id))
        if region is None or not path_visible(region.path, caller, lineage=True):
            raise NotFound()
        return row

    return check


def _taken(code: str, detail_zh: str, detail_en: str, existing_id: uuid.UUID | None) -> Conflict:
    """A 409 for a value another live advisor holds; its id when known (advisors are
    visible to every caller who manages them)."""
    extra: dict[str, Any] = {"existing_id": str(existing_id)} if existing_id else {}
    return Conflict(detail_zh, detail_en, code=code, **extra)


def _duplicate_license(existing_id: uuid.UUID | None = None) -> Conflict:
    return _taken(
        "duplicate_license",
        "该执业证号已登记给另一位法律顾问。",
        "Another live advisor holds this licence number.",
        existing_id,
    )


def _user_linked(existing_id: uuid.UUID | None = None) -> Conflict:
    return _taken(
        "advisor_user_linked",
        "该账号已关联另一位法律顾问。",
        "This login is already linked to another advisor.",
        existing_id,
    )


def has_contracts(contract_id: uuid.UUID) -> Conflict:
    return Conflict(
        "该法律顾问仍有未结束的合同，不能删除或更换所属律师事务所。",
        "The advisor has a contract not yet ended: it cannot be deleted or change firm.",
        code="advisor_has_contracts",
        contract_id=str(contract_id),
    )


def _check(
    session: Session,
    caller: Principal,
    values: dict[str, Any],
    advisor_id: uuid.UUID,
    current: LegalAdvisor | None = None,
) -> None:
    """The rules over a complete description of the advisor ``advisor_id``; of a change to
    the ``current`` row, only what changes is checked again (an advisor stays editable after
    its firm's record was retired)."""

    def changes(name: str) -> bool:
        return current is None or getattr(current, name) != values.get(name)

    if changes("law_firm_id"):
        law_firm(session, caller, values["law_firm_id"])
    same = repo.advisor_with_license(session, values["license_no"])
    if same is not None and same.id != advisor_id:
        raise _duplicate_license(same.id)
    user_id = values.get("user_id")
    if user_id is not None and changes("user_id"):
        user = resources.get_live(session, UserAccount, user_id)
        if user is None or user.role is not Role.legal_advisor:
            raise unknown_reference(
                "user_id", "invalid_advisor_user", "法律顾问账号", "legal_advisor login"
            )
        linked = repo.advisor_of_user(session, user_id)
        if linked is not None and linked.id != advisor_id:
            raise _user_linked(linked.id)


def _flush(session: Session) -> None:
    """Flush; a concurrent twin that slipped past the checks above meets a partial unique
    index here (PostgreSQL waits for the other transaction, then refuses)."""
    try:
        session.flush()
    except IntegrityError as exc:
        message = str(exc.orig)
        if "license_no" in message:
            raise _duplicate_license() from None
        if "user_id" in message:
            raise _user_linked() from None
        raise


def create_advisor(
    session: Session, caller: Principal, data: AdvisorCreate, advisor_id: uuid.UUID | None = None
) -> LegalAdvisor:
    require_manager(caller)
    values = data.model_dump()
    new_id = advisor_id or uuid.uuid4()
    _check(session, caller, values, new_id)
    row = LegalAdvisor.model_validate({**values, "id": new_id})
    row.updated_at = row.created_at
    session.add(row)
    _flush(session)
    resources.audit_write(
        session, caller, row, "create", changed_fields=resources.given_fields(data)
    )
    return row


def _update(session: Session, caller: Principal, row: LegalAdvisor, values: dict[str, Any]) -> None:
    _check(session, caller, values, row.id, row)
    if values["law_firm_id"] != row.law_firm_id:
        open_contract = repo.open_contract_of(session, row.id, clock.today())
        if open_contract is not None:
            raise has_contracts(open_contract)
    changed = resources.apply_changes(row, values)
    if changed:
        _flush(session)
        resources.audit_write(session, caller, row, "update", changed_fields=changed)


def replace_advisor(
    session: Session, caller: Principal, row: LegalAdvisor, data: AdvisorCreate
) -> None:
    """PUT on an existing advisor: every field (a new id: :func:`create_advisor`)."""
    _update(session, caller, row, data.model_dump())


def update_advisor(
    session: Session,
    caller: Principal,
    row: LegalAdvisor,
    patch: AdvisorUpdate,
) -> LegalAdvisor:
    given = resources.patched(patch, REQUIRED)
    _update(session, caller, row, {**{f: getattr(row, f) for f in FIELDS}, **given})
    return row


def delete_advisor(
    session: Session, caller: Principal, advisor_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete, refused while the advisor has a contract not yet ended. The row lock
    (for_change) is the one a contract write takes on its advisor, so a contract cannot be
    signed for an advisor being deleted at the same moment."""
    row = resources.for_change(
        session, LegalAdvisor, advisor_id, if_match, writable(session, caller)
    )
    open_contract = repo.open_contract_of(session, row.id, clock.today())
    if open_contract is not None:
        raise has_contracts(open_contract)
    resources.soft_delete(row, if_match)
    resources.audit_write(session, caller, row, "delete")

"""The rules of legal contracts (docs/legal.md, "Contracts").

* ``law_firm_id`` is a law firm the caller may see (422 ``invalid_law_firm``);
  ``advisor_id`` a live advisor (422 ``invalid_advisor``), active (422
  ``advisor_inactive``) and of that firm (422 ``advisor_not_in_firm``).
* ``region_ids``: live villages of the caller's area (422 ``invalid_region``).
* ``ends_on`` after ``starts_on``, ``terminated_on`` not after ``ends_on`` (422
  ``invalid_contract_dates``); ``last_day`` (legal/coverage.py) is kept on every write.
* A village has at most one contract covering any day (409 ``village_already_covered``
  with ``existing_id``); an advisor covers at most ``advisor_max_villages`` villages on
  any day (409 ``advisor_capacity_exceeded``).

Both rules are checked after the write has locked, in a fixed order, the rows a conflicting
write must lock too: the contract (for a change), its advisor, then its villages' region
rows by id. So of two concurrent writes that would together break a rule, the second waits
for the first to commit and then sees its rows (docs/legal.md, "Two contracts at the same
moment").

Functions flush; routers commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from liushou import clock
from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.auth.scoping import path_visible
from liushou.config import Settings
from liushou.db import utcnow
from liushou.errors import Conflict, FieldInvalid, Forbidden, NotFound, unknown_reference
from liushou.legal import advisors_service
from liushou.legal import contracts_repository as repo
from liushou.legal.advisors_repository import lock_advisor
from liushou.legal.contracts_schemas import (
    ContractCreate,
    ContractRenew,
    ContractTerminate,
    ContractUpdate,
)
from liushou.legal.coverage import last_day, status_on
from liushou.legal.models import LegalContract, LegalContractVillage
from liushou.regions.models import Region, RegionLevel

REQUIRED = (
    "law_firm_id",
    "advisor_id",
    "region_ids",
    "starts_on",
    "ends_on",
    "weekly_activity_target",
    "monthly_onsite_minutes_target",
)
FIELDS = (*REQUIRED, "signed_on")
# What the two rules depend on besides the villages: a change of anything else (a target,
# signed_on) is not checked against them again.
COVERAGE_FIELDS = ("advisor_id", "starts_on", "ends_on")


def _invalid_dates(field: str, detail_zh: str, detail_en: str) -> FieldInvalid:
    return FieldInvalid(["body", field], "invalid_contract_dates", detail_zh, detail_en)


def _check_dates(starts_on: date, ends_on: date, terminated_on: date | None) -> None:
    if ends_on <= starts_on:
        raise _invalid_dates(
            "ends_on", "合同截止日期须晚于起始日期。", "ends_on must come after starts_on."
        )
    if terminated_on is not None and terminated_on > ends_on:
        raise _invalid_dates(
            "ends_on",
            "已解除合同的截止日期不能早于解除日期。",
            "ends_on cannot come before the contract's terminated_on.",
        )


def _check_parties(session: Session, caller: Principal, values: dict[str, Any]) -> None:
    """The firm, then the advisor, locked (the first of the rules' locks)."""
    advisors_service.law_firm(session, caller, values["law_firm_id"])
    advisor = lock_advisor(session, values["advisor_id"])
    if advisor is None or advisor.deleted_at is not None:
        raise unknown_reference("advisor_id", "invalid_advisor", "法律顾问", "advisor")
    if not advisor.active:
        raise FieldInvalid(
            ["body", "advisor_id"],
            "advisor_inactive",
            "该法律顾问已停用。",
            "This advisor is not active.",
        )
    if advisor.law_firm_id != values["law_firm_id"]:
        raise FieldInvalid(
            ["body", "advisor_id"],
            "advisor_not_in_firm",
            "该法律顾问不属于签约的律师事务所。",
            "The advisor does not belong to the contracting law firm.",
        )


def _villages(session: Session, caller: Principal, region_ids: list[uuid.UUID]) -> list[Region]:
    """The villages, locked (the second of the rules' locks)."""
    locked = repo.lock_regions(session, region_ids)
    for index, region_id in enumerate(region_ids):
        region = locked.get(region_id)
        if (
            region is None
            or region.deleted_at is not None
            or region.level is not RegionLevel.village
            or not path_visible(region.path, caller, lineage=False)
        ):
            raise FieldInvalid(
                ["body", "region_ids", index],
                "invalid_region",
                "村(社区)不存在或不在您的管辖范围内。",
                f"{region_id}: no such village in your area.",
            )
    return sorted(locked.values(), key=lambda r: r.id)


def peak_villages(
    first: date, last: date, own: set[uuid.UUID], others: list[tuple[date, date, uuid.UUID]]
) -> tuple[int, date]:
    """The most villages the advisor covers on one day of [first, last], and the first
    such day: ``own`` every day, and each of ``others`` (starts_on, last_day, village)
    from its start through its last day. The count is a step function that rises only
    where a contract starts, so its maximum is reached on ``first`` or on another
    contract's ``starts_on`` within the range."""
    days = sorted({first} | {s for s, _, _ in others if first < s <= last})
    best, best_day = -1, first
    for day in days:
        covered = own | {v for s, e, v in others if s <= day <= e}
        if len(covered) > best:
            best, best_day = len(covered), day
    return best, best_day


def check_rules(
    session: Session,
    settings: Settings,
    contract_id: uuid.UUID | None,
    advisor_id: uuid.UUID,
    region_ids: list[uuid.UUID],
    starts_on: date,
    final_day: date,
) -> None:
    """The two rules for a contract covering ``region_ids`` from ``starts_on`` through
    ``final_day`` (its last_day), against every other live contract. The caller holds the
    locks (module docstring)."""
    if final_day < starts_on:  # covers nothing
        return
    clash = repo.covering_contract(session, region_ids, starts_on, final_day, contract_id)
    if clash is not None:
        other_id, village_id = clash
        raise Conflict(
            "该村(社区)在此期间已有其他法律顾问合同。",
            "Another contract covers this village on some of these days.",
            code="village_already_covered",
            existing_id=str(other_id),
            region_id=str(village_id),
        )
    others = repo.advisor_coverage(session, advisor_id, starts_on, final_day, contract_id)
    peak, day = peak_villages(starts_on, final_day, set(region_ids), others)
    if peak > settings.advisor_max_villages:
        raise Conflict(
            f"该法律顾问在 {day.isoformat()} 将服务 {peak} 个村(社区)，"
            f"超过上限 {settings.advisor_max_villages} 个。",
            f"The advisor would serve {peak} villages on {day.isoformat()}, "
            f"more than {settings.advisor_max_villages}.",
            code="advisor_capacity_exceeded",
            max_villages=settings.advisor_max_villages,
            villages=peak,
            day=day.isoformat(),
        )


def replaceable(session: Session, caller: Principal) -> Callable[[LegalContract], LegalContract]:
    """The check of a PUT: a manager's (before the contract is read), then :func:`writable`'s."""
    advisors_service.require_manager(caller)
    return writable(session, caller)


def writable(session: Session, caller: Principal) -> Callable[[LegalContract], LegalContract]:
    """A contract the caller cannot see is 404; one it sees but that also covers villages
    outside its area is 403 ``contract_outside_area`` (it is the whole contract that
    changes)."""

    def check(row: LegalContract) -> LegalContract:
        advisors_service.require_manager(caller)
        if caller.sees_everything:
            return row
        paths = [v.region_path for v in repo.villages_of(session, row.id)]
        inside = [path_visible(p, caller, lineage=False) for p in paths]
        if not any(inside):
            raise NotFound()
        if not all(inside):
            raise Forbidden(
                "合同还覆盖您管辖范围以外的村(社区)，不能由您修改。",
                "The contract also covers villages outside your area.",
                code="contract_outside_area",
            )
        return row

    return check


def _apply(
    session: Session,
    settings: Settings,
    caller: Principal,
    row: LegalContract | None,
    values: dict[str, Any],
    contract_id: uuid.UUID,
) -> LegalContract:
    """Check ``values`` (every field), take the locks, check the rules and write: a new
    contract (``row`` None) or a change of ``row``."""
    terminated_on = row.terminated_on if row is not None else None
    _check_dates(values["starts_on"], values["ends_on"], terminated_on)
    _check_parties(session, caller, values)
    villages = _villages(session, caller, values["region_ids"])
    final_day = last_day(values["ends_on"], terminated_on)
    region_ids = [v.id for v in villages]
    current_ids = sorted(v.region_id for v in repo.villages_of(session, row.id)) if row else None
    moved = region_ids != current_ids
    if row is None or moved or any(getattr(row, n) != values[n] for n in COVERAGE_FIELDS):
        check_rules(
            session,
            settings,
            contract_id,
            values["advisor_id"],
            region_ids,
            values["starts_on"],
            final_day,
        )
    columns = {k: v for k, v in values.items() if k != "region_ids"} | {"last_day": final_day}
    if row is None:
        row = LegalContract.model_validate(
            {
                **columns,
                "id": contract_id,
                "created_by_id": caller.id,
                "created_by": caller.name[:128],
            }
        )
        resources.add_created(session, row)
        changed = sorted(k for k, v in values.items() if v is not None)
    else:
        changed = resources.apply_changes(row, columns)
        if moved and not changed:  # only the villages change: still a new version
            resources.apply_changes(row, {"updated_at": utcnow()})
        changed = sorted(
            {n for n in changed if n != "last_day"} | ({"region_ids"} if moved else set())
        )
    if moved:
        _replace_villages(session, row.id, villages)
    return _audited(session, caller, row, "create" if current_ids is None else "update", changed)


def _audited(
    session: Session, caller: Principal, row: LegalContract, verb: str, changed: list[str]
) -> LegalContract:
    if changed or verb == "create":
        session.flush()
        resources.audit_write(session, caller, row, verb, changed_fields=changed)
    return row


def _replace_villages(session: Session, contract_id: uuid.UUID, villages: list[Region]) -> None:
    wanted = {v.id: v for v in villages}
    for old in repo.villages_of(session, contract_id):
        if wanted.pop(old.region_id, None) is None:
            session.delete(old)
    session.flush()
    for region in wanted.values():
        session.add(
            LegalContractVillage(
                contract_id=contract_id, region_id=region.id, region_path=region.path
            )
        )
    session.flush()


def create_contract(
    session: Session,
    settings: Settings,
    caller: Principal,
    data: ContractCreate,
    contract_id: uuid.UUID | None = None,
) -> LegalContract:
    advisors_service.require_manager(caller)
    return _apply(session, settings, caller, None, data.model_dump(), contract_id or uuid.uuid4())


def replace_contract(
    session: Session,
    settings: Settings,
    caller: Principal,
    row: LegalContract,
    data: ContractCreate,
) -> None:
    """PUT on an existing contract: every field; ``terminated_on`` stays as ``/terminate``
    set it. A new id: :func:`create_contract`."""
    _apply(session, settings, caller, row, data.model_dump(), row.id)


def _current(session: Session, row: LegalContract) -> dict[str, Any]:
    values = {name: getattr(row, name) for name in FIELDS if name != "region_ids"}
    values["region_ids"] = [v.region_id for v in repo.villages_of(session, row.id)]
    return values


def update_contract(
    session: Session,
    settings: Settings,
    caller: Principal,
    row: LegalContract,
    patch: ContractUpdate,
) -> LegalContract:
    given = resources.patched(patch, REQUIRED)
    return _apply(session, settings, caller, row, {**_current(session, row), **given}, row.id)


def terminate_contract(
    session: Session,
    caller: Principal,
    row: LegalContract,
    data: ContractTerminate,
) -> LegalContract:
    """Set ``terminated_on`` (once): the contract covers nothing from that day on. It only
    shortens the coverage, so neither rule can break."""
    if row.terminated_on is not None:
        raise _invalid_transition(
            row, "合同已解除，不能再次解除。", "The contract was terminated already."
        )
    if data.terminated_on > row.ends_on:
        raise FieldInvalid(
            ["body", "terminated_on"],
            "invalid_contract_dates",
            "解除日期不能晚于合同截止日期。",
            "terminated_on cannot come after ends_on.",
        )
    values = {
        "terminated_on": data.terminated_on,
        "last_day": last_day(row.ends_on, data.terminated_on),
    }
    resources.apply_changes(row, values)
    return _audited(session, caller, row, "terminate", ["terminated_on"])


def _invalid_transition(row: LegalContract, detail_zh: str, detail_en: str) -> Conflict:
    status = status_on(row.starts_on, row.ends_on, row.terminated_on, clock.today())
    return Conflict(detail_zh, detail_en, code="invalid_transition", current_status=status.value)


def renew_contract(
    session: Session,
    settings: Settings,
    caller: Principal,
    contract_id: uuid.UUID,
    data: ContractRenew,
    if_match: str | None,
) -> LegalContract:
    """The next contract: same firm, advisor, villages and targets, from the day after
    this one's last day through ``ends_on``; ``renews_id`` names this one."""
    row = resources.for_change(
        session, LegalContract, contract_id, if_match, writable(session, caller)
    )
    if row.terminated_on is not None:
        raise _invalid_transition(
            row, "已解除的合同不能续签。", "A terminated contract cannot be renewed."
        )
    starts_on = row.last_day + timedelta(days=1)
    if data.ends_on <= starts_on:
        raise _invalid_dates(
            "ends_on",
            f"续签合同自 {starts_on.isoformat()} 起，截止日期须晚于该日。",
            f"The renewal starts on {starts_on.isoformat()}; ends_on must come after it.",
        )
    values = {
        **_current(session, row),
        "starts_on": starts_on,
        "ends_on": data.ends_on,
        "signed_on": data.signed_on,
        "renews_id": row.id,
    }
    return _apply(session, settings, caller, None, values, uuid.uuid4())


def delete_contract(
    session: Session, caller: Principal, contract_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete, refused while live legal activities were recorded under it (they name
    the contract that covered them)."""
    row = resources.for_change(
        session, LegalContract, contract_id, if_match, writable(session, caller)
    )
    if repo.has_activities(session, row.id):
        raise Conflict(
            "该合同下已有法律服务台账记录，不能删除；可解除合同。",
            "Legal activities were recorded under this contract; terminate it instead.",
            code="contract_has_activities",
        )
    resources.soft_delete(row, if_match)
    resources.audit_write(session, caller, row, "delete")

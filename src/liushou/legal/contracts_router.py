"""/legal-contracts: a law firm's contract to serve villages through one advisor
(docs/legal.md, "Contracts"). ``/renew`` (which answers 201 with the new contract) is a
handler; the other routes are declared on api.routes.StandardRoutes. The
rules live in contracts_service.py."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from sqlmodel import Session

from liushou import clock
from liushou.api.concurrency import IfMatch
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import SettingsDep
from liushou.api.responses import WRITE_ERRORS
from liushou.api.routes import StandardRoutes
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import LegalReader, LegalWriter
from liushou.legal import contracts_repository as repo
from liushou.legal import contracts_service as service
from liushou.legal.contracts_schemas import (
    ContractCreate,
    ContractRead,
    ContractRenew,
    ContractTerminate,
    ContractUpdate,
)
from liushou.legal.models import LegalContract

legal_contracts = APIRouter(prefix="/legal-contracts", tags=["legal-contracts"])


def _read(session: Session, row: LegalContract) -> ContractRead:
    villages = repo.village_ids(session.connection(), [row.id])[row.id]
    return ContractRead.model_validate(repo.body(row.model_dump(), villages, clock.today()))


CONTRACTS: ResourceWrites[LegalContract, ContractRead] = ResourceWrites(
    "/legal-contracts/{row.id}", _read
)


CONTRACT_ROUTES = StandardRoutes(
    legal_contracts,
    "legal_contract",
    CONTRACTS,
    ContractRead,
    reader=LegalReader,
    writer=LegalWriter,
    model=LegalContract,
    writable=service.writable,
)
CONTRACT_ROUTES.list(
    repo.ContractFilters,
    lambda conn, caller, page, f: repo.list_contracts(conn, caller, page, f, clock.today()),
    ("starts_on", "id"),
    body=ContractRead.model_validate,
    doc="""Contracts the caller may see, latest `starts_on` first. `region_id`: contracts with
    a village in that region's subtree.""",
)
CONTRACT_ROUTES.get_one(
    lambda conn, caller, contract_id: repo.get_contract(conn, caller, contract_id, clock.today()),
    ContractRead.model_validate,
)
CONTRACT_ROUTES.create(
    ContractCreate,
    service.create_contract,
    needs=[SettingsDep],
    doc="""Record a contract. 422: `invalid_law_firm`, `invalid_advisor`,
    `advisor_inactive`, `advisor_not_in_firm`, `invalid_region` (not a village of the
    caller's area), `invalid_contract_dates` (`ends_on` not after `starts_on`). 409:
    `village_already_covered` (another contract covers a village on one of these days; its
    id in `existing_id`), `advisor_capacity_exceeded` (the advisor would serve more than
    LIUSHOU_ADVISOR_MAX_VILLAGES villages on some day). Administrators and street staff
    only (403 `legal_manager_required`).""",
)
CONTRACT_ROUTES.put(
    ContractCreate,
    service.replace_contract,
    create=service.create_contract,
    writable=service.replaceable,
    needs=[SettingsDep],
    doc="""Create the contract with this client-chosen id (201), or replace it (200); the
    rules of a create apply. `terminated_on` is kept (only `/terminate` sets it).""",
)
CONTRACT_ROUTES.update(
    ContractUpdate,
    service.update_contract,
    needs=[SettingsDep],
    doc="Change some fields; the rules of a create apply to the result.",
)
CONTRACT_ROUTES.action(
    "terminate",
    ContractTerminate,
    service.terminate_contract,
    doc="""End the contract early: it covers nothing from `terminated_on` on (which may lie
    ahead; not after `ends_on`: 422 `invalid_contract_dates`). Once only (409
    `invalid_transition`).""",
)


@legal_contracts.post(
    "/{legal_contract_id}/renew",
    status_code=201,
    dependencies=JSON_BODY,
    responses=WRITE_ERRORS,
)
def renew_legal_contract(
    legal_contract_id: uuid.UUID,
    body: ContractRenew,
    caller: LegalWriter,
    uow: IdempotentUnitOfWorkDep,
    settings: SettingsDep,
    if_match: IfMatch = None,
) -> ContractRead:
    """The next contract: the same firm, advisor, villages and targets, from the day after
    this one's last day through `ends_on`; 201 with its `Location`, `renews_id` naming this
    one. The rules of a create apply; a terminated contract is not renewed (409
    `invalid_transition`). If-Match names this contract's version."""
    renewal = service.renew_contract(
        uow.session, settings, caller, legal_contract_id, body, if_match
    )
    return CONTRACTS.created(uow, renewal)


CONTRACT_ROUTES.delete(
    service.delete_contract,
    doc="""Soft delete; refused (409 `contract_has_activities`) while legal activities
    recorded under it are live (terminate it instead).""",
)

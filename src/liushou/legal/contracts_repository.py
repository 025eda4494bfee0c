"""Every query of /legal-contracts: the scoped Core reads of the API and the queries and
row locks its writes need (docs/legal.md, "Contracts", "Who sees what" and "Two contracts
at the same moment"). Functions flush, never commit.

Who sees a contract: administrators and auditors all; a ``legal_advisor`` login the
contracts of its own advisor; any other caller those with at least one village in its
region subtree.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from liushou.api.filters import ListFilters, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import Day, InRegion
from liushou.auth.principal import Principal
from liushou.auth.scoping import in_subtree
from liushou.legal import coverage
from liushou.legal.enums import ContractStatus
from liushou.legal.models import LegalContractVillage
from liushou.legal.scope import is_advisor
from liushou.regions.models import Region
from liushou.regions.repository import region_subtree
from liushou.tables import contract_village_t, legal_activity_t, legal_advisor_t, legal_contract_t

HIDDEN = ("deleted_at", "last_day", "created_by_id", "created_by")
COLUMNS = [c for c in legal_contract_t.c if c.name not in HIDDEN]
# Newest first: contracts are few (one a village a year), no index is needed for the order.
ORDER = [legal_contract_t.c.starts_on, legal_contract_t.c.id]


class ContractFilters(ListFilters):
    advisor_id: uuid.UUID | None = None
    law_firm_id: uuid.UUID | None = None
    region_id: InRegion = None
    status: ContractStatus | None = Field(None, description="As of today")
    active_on: Day | None = Field(None, description="Contracts covering this day")


def _with_village(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """The contract has a village meeting ``condition``."""
    v = contract_village_t.c
    return sa.exists().where(v.contract_id == legal_contract_t.c.id, condition)


def scope(caller: Principal) -> sa.ColumnElement[bool] | None:
    """The contracts the caller may see (None: all of them)."""
    if caller.sees_everything:
        return None
    if is_advisor(caller):
        a = legal_advisor_t.c
        own = sa.select(a.id).where(a.user_id == caller.id, a.deleted_at.is_(None))
        return legal_contract_t.c.advisor_id.in_(own)
    if not caller.region_path:
        return sa.false()
    return _with_village(in_subtree(contract_village_t.c.region_path, caller.region_path))


def _visible(caller: Principal) -> sa.Select[Any]:
    stmt = sa.select(*COLUMNS).where(legal_contract_t.c.deleted_at.is_(None))
    return scoped(stmt, scope(caller))


def village_ids(
    conn: Connection, contract_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The villages of each contract, in one query."""
    ids = list(contract_ids)
    found: dict[uuid.UUID, list[uuid.UUID]] = {i: [] for i in ids}
    if not ids:
        return found
    v = contract_village_t.c
    stmt = (
        sa.select(v.contract_id, v.region_id)
        .where(v.contract_id.in_(ids))
        .order_by(v.contract_id, v.region_id)
    )
    for contract_id, region_id in conn.execute(stmt):
        found[contract_id].append(region_id)
    return found


def body(row: Mapping[Any, Any], region_ids: list[uuid.UUID], today: date) -> dict[str, Any]:
    """A contract as the API shows it: its villages, and its status as of ``today``."""
    status = coverage.status_on(row["starts_on"], row["ends_on"], row["terminated_on"], today)
    return {
        **{c.name: row[c.name] for c in COLUMNS},
        "region_ids": region_ids,
        "status": status,
    }


def _bodies(
    conn: Connection, rows: Sequence[Mapping[Any, Any]], today: date
) -> list[dict[str, Any]]:
    villages = village_ids(conn, [r["id"] for r in rows])
    return [body(r, villages[r["id"]], today) for r in rows]


def get_contract(
    conn: Connection, caller: Principal, contract_id: uuid.UUID, today: date
) -> dict[str, Any] | None:
    row = conn.execute(_visible(caller).where(legal_contract_t.c.id == contract_id)).mappings()
    found = row.one_or_none()
    return None if found is None else _bodies(conn, [found], today)[0]


def list_contracts(
    conn: Connection, caller: Principal, page: PageParams, f: ContractFilters, today: date
) -> list[dict[str, Any]]:
    c = legal_contract_t
    stmt = where_equal(_visible(caller), c, advisor_id=f.advisor_id, law_firm_id=f.law_firm_id)
    if f.region_id is not None:
        stmt = stmt.where(
            _with_village(region_subtree(f.region_id, contract_village_t.c.region_path))
        )
    if f.status is not None:
        stmt = stmt.where(coverage.status_sql(c, today) == f.status.value)
    if f.active_on is not None:
        stmt = stmt.where(coverage.covers(c, f.active_on))
    rows = keyset_rows(conn, stmt, page, ORDER, descending=True, updated_at=c.c.updated_at)
    return _bodies(conn, rows, today)


# --- for the writes ------------------------------------------------------------------------


def lock_regions(session: Session, region_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Region]:
    """The regions locked against another contract write naming one of them, in id order
    (every writer takes them in that order, after its advisor: no deadlock). FOR NO KEY
    UPDATE leaves rows that merely reference a region (a person, a visit) free to be
    written; SQLite's writers are serialised already. Re-read as committed."""
    ids = sorted(set(region_ids))
    stmt = (
        select(Region)
        .where(col(Region.id).in_(ids))
        .order_by(col(Region.id))
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    return {region.id: region for region in session.exec(stmt).all()}


def villages_of(session: Session, contract_id: uuid.UUID) -> list[LegalContractVillage]:
    stmt = (
        select(LegalContractVillage)
        .where(LegalContractVillage.contract_id == contract_id)
        .order_by(col(LegalContractVillage.region_id))
    )
    return list(session.exec(stmt).all())


def _others(exclude_id: uuid.UUID | None) -> sa.ColumnElement[bool]:
    c = legal_contract_t.c
    live = c.deleted_at.is_(None)
    return live if exclude_id is None else sa.and_(live, c.id != exclude_id)


def covering_contract(
    session: Session,
    region_ids: Iterable[uuid.UUID],
    first: date,
    last: date,
    exclude_id: uuid.UUID | None,
) -> tuple[uuid.UUID, uuid.UUID] | None:
    """(contract id, village id) of another live contract covering one of these villages on
    a day of [first, last], if any."""
    c, v = legal_contract_t.c, contract_village_t.c
    stmt = (
        sa.select(c.id, v.region_id)
        .join(contract_village_t, v.contract_id == c.id)
        .where(
            v.region_id.in_(list(region_ids)),
            _others(exclude_id),
            coverage.overlaps(legal_contract_t, first, last),
        )
        .order_by(c.starts_on, c.id, v.region_id)
        .limit(1)
    )
    row = session.connection().execute(stmt).first()
    return None if row is None else (row[0], row[1])


def advisor_coverage(
    session: Session, advisor_id: uuid.UUID, first: date, last: date, exclude_id: uuid.UUID | None
) -> list[tuple[date, date, uuid.UUID]]:
    """(starts_on, last_day, village) of every village of the advisor's other live contracts
    that cover a day of [first, last]."""
    c, v = legal_contract_t.c, contract_village_t.c
    stmt = (
        sa.select(c.starts_on, c.last_day, v.region_id)
        .join(contract_village_t, v.contract_id == c.id)
        .where(
            c.advisor_id == advisor_id,
            _others(exclude_id),
            coverage.overlaps(legal_contract_t, first, last),
        )
    )
    return [(r[0], r[1], r[2]) for r in session.connection().execute(stmt)]


def has_activities(session: Session, contract_id: uuid.UUID) -> bool:
    a = legal_activity_t.c
    stmt = sa.select(a.id).where(a.contract_id == contract_id, a.deleted_at.is_(None)).limit(1)
    return session.connection().execute(stmt).first() is not None

"""Every query of the legal service log (docs/legal.md, "Legal service log", "Who sees
what"): the scoped Core reads of the API and the few ORM queries its writes need.

Who sees an activity: a ``legal_advisor`` login its own advisor's activities (wherever they
were held), everyone else the activities held in its region subtree (admin and auditor:
all). A row outside is absent, so a single one is 404 like an unknown id.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from pydantic import Field
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session, col, select

from liushou.api.filters import PeriodFilters, one_by_id, rows_by_id, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import Day, InRegion
from liushou.auth.principal import Principal
from liushou.auth.scoping import subtree_scope
from liushou.legal import coverage
from liushou.legal.enums import LegalActivityMode, LegalActivityType
from liushou.legal.scope import is_advisor
from liushou.regions.repository import region_subtree
from liushou.services.models import ServiceRecord
from liushou.tables import contract_village_t, legal_activity_t, legal_advisor_t, legal_contract_t

COLUMNS = [
    c for c in legal_activity_t.c if c.name not in ("deleted_at", "region_path", "created_by_id")
]
# Newest first, on ix_legal_activity_held_on_id.
ORDER = [legal_activity_t.c.held_on, legal_activity_t.c.id]


class LegalActivityFilters(PeriodFilters):
    advisor_id: uuid.UUID | None = None
    region_id: InRegion = None
    type: LegalActivityType | None = None
    mode: LegalActivityMode | None = None
    person_id: uuid.UUID | None = None
    from_: Day | None = Field(None, alias="from", description="held_on on or after")
    to: Day | None = Field(None, description="held_on on or before")


def scope(caller: Principal) -> sa.ColumnElement[bool] | None:
    """The activities the caller may see; None when it sees every one."""
    t = legal_activity_t.c
    if is_advisor(caller):
        own = sa.select(legal_advisor_t.c.id).where(
            legal_advisor_t.c.user_id == caller.id, legal_advisor_t.c.deleted_at.is_(None)
        )
        return t.advisor_id.in_(own)
    return subtree_scope(t.region_path, caller)


def _activities(caller: Principal) -> sa.Select[Any]:
    stmt = sa.select(*COLUMNS).where(legal_activity_t.c.deleted_at.is_(None))
    return scoped(stmt, scope(caller))


def get_activities(
    conn: Connection, caller: Principal, activity_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RowMapping]:
    """The rows the caller may see among the ids, in one query, by id: a page of the
    change feed, or one id for GET /{id} (`get_activity`)."""
    return rows_by_id(conn, _activities(caller), legal_activity_t.c.id, activity_ids)


get_activity = one_by_id(get_activities)


def list_activities(
    conn: Connection, caller: Principal, page: PageParams, f: LegalActivityFilters
) -> Sequence[RowMapping]:
    """One page (limit + 1 rows). ``region_id`` is the village's subtree: a region outside
    the caller's sight simply adds nothing."""
    t = legal_activity_t.c
    stmt = where_equal(
        _activities(caller),
        legal_activity_t,
        advisor_id=f.advisor_id,
        type=f.type,
        mode=f.mode,
        person_id=f.person_id,
    )
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, t.region_path))
    stmt = f.within(stmt, t.held_on)
    return keyset_rows(conn, stmt, page, ORDER, descending=True, updated_at=t.updated_at)


# --- for the writes ------------------------------------------------------------------------


def covering_contract(
    session: Session, advisor_id: uuid.UUID, region_id: uuid.UUID, day: date
) -> uuid.UUID | None:
    """The advisor's live contract that covers the village on ``day`` (legal/coverage.py),
    share-locked so it cannot be terminated under the activity being written. A village
    has at most one contract covering a day; should two, the latest start wins."""
    c = legal_contract_t
    stmt = (
        sa.select(c.c.id)
        .join(contract_village_t, contract_village_t.c.contract_id == c.c.id)
        .where(
            c.c.advisor_id == advisor_id,
            c.c.deleted_at.is_(None),
            contract_village_t.c.region_id == region_id,
            coverage.covers(c, day),
        )
        .order_by(c.c.starts_on.desc(), c.c.id)
        .limit(1)
        .with_for_update(read=True, of=c)
    )
    return session.execute(stmt).scalar_one_or_none()


def live_record(session: Session, activity_id: uuid.UUID) -> ServiceRecord | None:
    """The live service record the activity wrote for its person, locked (at most one: the
    activity row, locked by the write, serialises every change of it)."""
    stmt = (
        select(ServiceRecord)
        .where(
            ServiceRecord.legal_activity_id == activity_id,
            col(ServiceRecord.deleted_at).is_(None),
        )
        .order_by(col(ServiceRecord.created_at))
        .with_for_update()
    )
    return session.exec(stmt).first()

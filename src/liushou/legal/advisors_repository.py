"""Every query of /legal-advisors: the Core reads of the API and the few ORM queries its
writes need (docs/legal.md, "Advisors" and "Who sees what").

Advisors are published on the hotline cards, so every ``legal:read`` caller sees every live
advisor, except a ``legal_advisor`` login, which sees its own only.
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

from liushou.api.filters import ListFilters, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.api.params import SearchText
from liushou.auth.principal import Principal
from liushou.legal.models import LegalAdvisor, LegalContract
from liushou.legal.scope import is_advisor
from liushou.tables import legal_advisor_t

COLUMNS = [c for c in legal_advisor_t.c if c.name != "deleted_at"]
ORDER = [legal_advisor_t.c.name, legal_advisor_t.c.id]


class AdvisorFilters(ListFilters):
    law_firm_id: uuid.UUID | None = None
    active: bool | None = None
    q: SearchText | None = Field(None, max_length=100, description="The name contains this text")


def _visible(caller: Principal) -> sa.Select[Any]:
    t = legal_advisor_t.c
    stmt = sa.select(*COLUMNS).where(t.deleted_at.is_(None))
    if is_advisor(caller):
        stmt = stmt.where(t.user_id == caller.id)
    return stmt


def get_advisor(conn: Connection, caller: Principal, advisor_id: uuid.UUID) -> RowMapping | None:
    stmt = _visible(caller).where(legal_advisor_t.c.id == advisor_id)
    return conn.execute(stmt).mappings().one_or_none()


def list_advisors(
    conn: Connection, caller: Principal, page: PageParams, f: AdvisorFilters
) -> Sequence[RowMapping]:
    t = legal_advisor_t.c
    stmt = where_equal(
        _visible(caller), legal_advisor_t, law_firm_id=f.law_firm_id, active=f.active
    )
    if f.q:
        stmt = stmt.where(t.name.contains(f.q, autoescape=True))
    return keyset_rows(conn, stmt, page, ORDER, updated_at=t.updated_at)


# --- for the writes ------------------------------------------------------------------------


def advisor_with_license(session: Session, license_no: str) -> LegalAdvisor | None:
    stmt = select(LegalAdvisor).where(
        LegalAdvisor.license_no == license_no, col(LegalAdvisor.deleted_at).is_(None)
    )
    return session.exec(stmt).first()


def advisor_of_user(session: Session, user_id: uuid.UUID) -> LegalAdvisor | None:
    stmt = select(LegalAdvisor).where(
        LegalAdvisor.user_id == user_id, col(LegalAdvisor.deleted_at).is_(None)
    )
    return session.exec(stmt).first()


def open_contract_of(session: Session, advisor_id: uuid.UUID, today: date) -> uuid.UUID | None:
    """A live contract of the advisor that has not ended by ``today`` (it covers today or a
    later day: active, or a draft), if any."""
    stmt = (
        select(LegalContract.id)
        .where(
            LegalContract.advisor_id == advisor_id,
            col(LegalContract.deleted_at).is_(None),
            LegalContract.last_day >= today,
            # A contract terminated on or before its first day covers nothing at all.
            col(LegalContract.last_day) >= col(LegalContract.starts_on),
        )
        .order_by(col(LegalContract.starts_on), col(LegalContract.id))
    )
    return session.exec(stmt).first()


def lock_advisor(session: Session, advisor_id: uuid.UUID) -> LegalAdvisor | None:
    """The advisor row locked against another contract write for the same advisor (FOR NO
    KEY UPDATE on PostgreSQL: rows that merely reference the advisor, such as a legal
    activity, are not held up; SQLite's writers are serialised already), re-read as
    committed (docs/legal.md, "Two contracts at the same moment")."""
    stmt = (
        select(LegalAdvisor)
        .where(LegalAdvisor.id == advisor_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    return session.exec(stmt).one_or_none()

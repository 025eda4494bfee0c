"""Every query of referrals.

Reads take a Connection (Core, no ORM) and apply the caller's scope in SQL, so a referral
outside it is simply absent (404, the same answer as an unknown id):

* staff (admin, auditor, street staff, village contacts) see the referrals of the persons
  they may see — the registry's one scope rule (visibility.person_scope);
* a partner sees the referrals addressed to its organization, and nothing else.

Each row carries the person's minimum form (name, sex, birth date, masked phone, village),
joined in the same query; the timelines of a page come in one second query.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from liushou.api.filters import rows_by_id, scoped, where_equal
from liushou.api.pagination import PageParams, keyset_rows
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.referrals.models import (
    PENDING_STATUSES,
    ReferralStatus,
    ReferralTransition,
    ReferralType,
    Urgency,
)
from liushou.regions.models import Region
from liushou.regions.repository import region_subtree, region_t
from liushou.registry.models import Consent
from liushou.tables import person_t, referral_t, transition_t
from liushou.visibility import person_scope

REFERRAL_COLUMNS = [c for c in referral_t.c if c.name not in ("deleted_at", "created_by_id")]
# The person's minimum form (views.person_min); nothing else of the person is ever selected.
PERSON_COLUMNS = [
    person_t.c.name.label("person_name"),
    person_t.c.sex.label("person_sex"),
    person_t.c.birth_date.label("person_birth_date"),
    person_t.c.phone_masked.label("person_phone_masked"),
    person_t.c.region_id.label("person_village_id"),
    region_t.c.name.label("person_village_name"),
]
ORDER = [referral_t.c.created_at, referral_t.c.id]  # newest first


# --- the rules as SQL ----------------------------------------------------------------------


def overdue_condition(day: date) -> sa.ColumnElement[bool]:
    """Still pending (open, accepted, in progress) and due before ``day``: a referral due
    today is still in time."""
    t = referral_t.c
    return sa.and_(t.status.in_([s.value for s in PENDING_STATUSES]), t.due_on < day)


def scope(caller: Principal) -> sa.ColumnElement[bool] | None:
    """The referrals the caller may read; None when it sees every one."""
    if caller.role == Role.partner:
        if caller.organization_id is None:
            return sa.false()
        return referral_t.c.to_organization_id == caller.organization_id
    return person_scope(person_t.c.id, person_t.c.region_path, caller)


def _referrals(caller: Principal) -> sa.Select[Any]:
    stmt = (
        sa.select(*REFERRAL_COLUMNS, *PERSON_COLUMNS)
        .join(person_t, person_t.c.id == referral_t.c.person_id)
        .join(region_t, region_t.c.id == person_t.c.region_id)
        .where(referral_t.c.deleted_at.is_(None), person_t.c.deleted_at.is_(None))
    )
    return scoped(stmt, scope(caller))


# --- reads ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralFilters:
    person_id: uuid.UUID | None = None
    to_organization_id: uuid.UUID | None = None
    status: ReferralStatus | None = None
    type: ReferralType | None = None
    urgency: Urgency | None = None
    overdue: bool | None = None
    region_id: uuid.UUID | None = None


def timelines(conn: Connection, referral_ids: Sequence[Any]) -> dict[Any, list[dict[str, Any]]]:
    """The timeline of each referral, oldest step first."""
    if not referral_ids:
        return {}
    t = transition_t.c
    stmt = (
        sa.select(t.referral_id, t.from_status, t.to_status, t.at, t.by, t.note)
        .where(t.referral_id.in_(list(referral_ids)))
        .order_by(t.referral_id, t.seq)
    )
    result: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(stmt).mappings():
        entry = dict(row)
        result[entry.pop("referral_id")].append(entry)
    return result


def get_referral(
    conn: Connection, caller: Principal, referral_id: uuid.UUID
) -> dict[str, Any] | None:
    """The referral with its person and timeline, if the caller may see it."""
    row = (
        conn.execute(_referrals(caller).where(referral_t.c.id == referral_id))
        .mappings()
        .one_or_none()
    )
    if row is None:
        return None
    return {**row, "timeline": timelines(conn, [row["id"]]).get(row["id"], [])}


def get_referrals(
    conn: Connection, caller: Principal, referral_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """:func:`get_referral` of many at once (the change feed's page), by id."""
    rows = rows_by_id(conn, _referrals(caller), referral_t.c.id, referral_ids)
    lines = timelines(conn, list(rows))
    return {key: {**row, "timeline": lines.get(key, [])} for key, row in rows.items()}


def list_referrals(
    conn: Connection, caller: Principal, page: PageParams, f: ReferralFilters, day: date
) -> list[dict[str, Any]]:
    """One page (limit + 1 rows) with the people and timelines."""
    t = referral_t.c
    stmt = where_equal(
        _referrals(caller),
        referral_t,
        person_id=f.person_id,
        to_organization_id=f.to_organization_id,
        status=f.status,
        type=f.type,
        urgency=f.urgency,
    )
    if f.overdue is True:
        stmt = stmt.where(overdue_condition(day))
    elif f.overdue is False:
        stmt = stmt.where(sa.not_(overdue_condition(day)))
    if f.region_id is not None:
        stmt = stmt.where(region_subtree(f.region_id, person_t.c.region_path))
    page_rows = keyset_rows(conn, stmt, page, ORDER, descending=True, updated_at=t.updated_at)
    rows = [dict(r) for r in page_rows]
    steps = timelines(conn, [r["id"] for r in rows])
    for row in rows:
        row["timeline"] = steps.get(row["id"], [])
    return rows


# --- writes --------------------------------------------------------------------------------


def live_consents(session: Session, person_id: uuid.UUID) -> Sequence[Consent]:
    return session.exec(
        select(Consent).where(Consent.person_id == person_id, col(Consent.deleted_at).is_(None))
    ).all()


def last_seq(session: Session, referral_id: uuid.UUID) -> int:
    seq = session.exec(
        select(sa.func.max(ReferralTransition.seq)).where(
            ReferralTransition.referral_id == referral_id
        )
    ).one()
    return int(seq or 0)


def village(session: Session, region_id: uuid.UUID) -> Region | None:
    return session.get(Region, region_id)


def transitions_of(session: Session, referral_id: uuid.UUID) -> Sequence[ReferralTransition]:
    return session.exec(
        select(ReferralTransition)
        .where(ReferralTransition.referral_id == referral_id)
        .order_by(ReferralTransition.seq)  # type: ignore[arg-type]
    ).all()
